"""Derive `src/detente/data/actors/reference_people.tsv` and `reference_groups.tsv` from the Phoenix dictionaries.

Input: `../shared/reference/phoenix_actors.jsonl` (petrarch2 Phoenix actor dictionaries, MIT; stale after 2014).
Kept: people and organisations whose code names a state of `countries.yaml` and a political sector. Names are
brought from upper case to display form; a name variant shared by two actors, or already known to the hand-written
data (people.yaml, organizations.yaml, countries.yaml win), is dropped, and so are one-word variants that are not
distinctive. Open-ended roles are closed at the end of 2014, when the dictionaries stopped being kept up to date.

Usage: python tools/build_reference_actors.py [--shared DIR] [--out-dir DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from detente.actors import ACTORS_DIR, ActorRegistry, normalize, slug  # noqa: E402

# Codes of the Phoenix dictionaries that differ from the ISO3 codes of countries.yaml.
LEGACY_CODES = {"KSV": "XKX", "ROM": "ROU", "ZAR": "COD", "TMP": "TLS", "SRB": "SRB", "SCG": "SRB", "YUG": "SRB"}
PERSON_SECTORS = {"GOV", "ELI", "MIL", "LEG", "JUD", "SPY", "COP", "OPP", "PTY", "REB"}
GROUP_SECTORS = {"GOV", "MIL", "LEG", "JUD", "SPY", "COP", "OPP", "PTY", "REB", "UAF"}
# A government code with one of these second sectors names an institution of that kind ("DEUGOVLEG": Bundestag).
SPECIFIC_SECTORS = {"MIL", "LEG", "JUD", "SPY", "COP"}
STALE_AFTER = "2014-12-31"
ORG_WORDS = re.compile(
    r"\b(ARMY|ARMIES|FORCES?|FRONT|BRIGADES?|BATTALIONS?|REGIMENT|MOVEMENT|PARTY|COUNCIL|MINISTRY|DEPARTMENT|"
    r"AGENCY|SERVICE|POLICE|GUARDS?|COMMITTEE|ASSEMBLY|PARLIAMENT|CONGRESS|SENATE|COURT|ORGANI[SZ]ATION|UNION|"
    r"LEAGUE|ALLIANCE|COALITION|MILITIA|GROUP|LIBERATION|REVOLUTIONARY|JAMAAT|HARAKAT|JABHAT|TANZIM|KATAIB|"
    r"COMMAND|DIRECTORATE|BUREAU|OFFICE|CORPS|COMMANDOS?|TIGERS|ISLAMIC|NATIONAL|PEOPLE'?S)\b")
TITLE_WORDS = re.compile(r"^(PRESIDENT|PRIME|MINISTER|GENERAL|GEN\.?|FORMER|EX-|MR\.?|MRS\.?|DR\.?|SHEIKH|KING|"
                         r"QUEEN|PRINCE|COMMUNIST|COL\.?|COLONEL|MAJOR|LT\.?|SEN\.?|SENATOR|REP\.?|CHAIRMAN)\b")
NOT_NAME_WORDS = re.compile(r"\b(OF|DIRECTOR|SECRETARY|CHIEF|HEAD|MINISTERS?|AMBASSADOR|SPOKES\w+|OFFICIALS?|"
                            r"PRESIDENT|GOVERNMENT|REGIME|REBELS?|TROOPS|SOLDIERS|OPPOSITION|ISLANDS?|REPUBLIC)\b")
LOWER_PARTICLES = {"al", "el", "bin", "bint", "ibn", "de", "da", "do", "dos", "das", "del", "della", "di", "du", "la",
                   "le", "van", "von", "der", "den", "ter", "y", "e", "of", "the", "and", "for", "in", "ul", "ud"}


def shared_dir(option: str | None) -> Path:
    """The shared data folder: --shared, then $DETENTE_SHARED, then ../shared beside the repository."""
    return Path(option or os.environ.get("DETENTE_SHARED") or REPO / ".." / "shared")


def display(name: str) -> str:
    """ "YOWERI KAGUTA MUSEVENI" -> "Yoweri Kaguta Museveni", "BASHAR AL-ASSAD" -> "Bashar al-Assad"."""
    words = []
    for n, word in enumerate(name.split()):
        parts = []
        for part in word.split("-"):
            lower = part.lower()
            keep_lower = lower in LOWER_PARTICLES and (n > 0 or "-" in word)
            parts.append(lower if keep_lower else part[:1].upper() + lower[1:])
        words.append("-".join(parts))
    text = " ".join(w.upper() if re.fullmatch(r"(Ii|Iii|Iv)", w) else w for w in words)
    return re.sub(r"\bMc([a-z])", lambda m: "Mc" + m.group(1).upper(), text)


def split_acronym(name: str) -> list[str]:
    """ "ARMED FORCES OF THE PEOPLE (FARP)" -> ["ARMED FORCES OF THE PEOPLE", "FARP"]."""
    found = re.fullmatch(r"(.+?)\s*\(([^)]+)\)\s*", name)
    return [found.group(1), found.group(2)] if found else [name]


def parse_code(code: str) -> tuple[str, list[str]] | None:
    """ "RUSGOVMIL" -> ("RUS", ["GOV", "MIL"]); None for codes without a state."""
    if len(code) < 6 or len(code) % 3:
        return None
    country = LEGACY_CODES.get(code[:3], code[:3])
    return country, [code[i:i + 3] for i in range(3, len(code), 3)]


def is_person(record: dict) -> bool:
    if "CountryInfo" in record["comment"]:
        return True
    names = record["names"]
    return "Countries" in record["file"] and not any(ORG_WORDS.search(n) or NOT_NAME_WORDS.search(n) for n in names) \
        and all(2 <= len(n.split()) <= 5 and not re.search(r"[\d(]", n) for n in names)


def person_row(record: dict, states: set[str]) -> dict | None:
    """The person's country, fallback sector and dated roles, or None when not a political actor of a state."""
    roles, fallback, country = [], None, None
    for item in record["codes"]:
        parsed = parse_code(item["code"])
        if parsed is None or parsed[0] not in states or parsed[1][0] not in PERSON_SECTORS:
            continue
        code_country, sectors = parsed
        country = country or code_country
        if code_country != country:
            continue
        sector = sectors[0]
        start, end = item.get("start"), item.get("end")
        if start is None and end is None and sector in ("ELI", "OPP", "PTY"):
            fallback = sector
            continue
        end = min(end or STALE_AFTER, STALE_AFTER)
        if start and start > end:
            continue  # starts after the end of the data, or a range given backwards
        roles.append((sector, start or "", end))
    if country is None or not roles and fallback is None:
        return None
    names = [n for n in record["names"] if not TITLE_WORDS.match(n) and not NOT_NAME_WORDS.search(n)
             and not re.search(r"[\d(]", n)]
    return {"names": [display(n) for n in names], "country": country, "sector": fallback or "",
            "roles": sorted(set(roles), key=lambda r: (r[1], r[2]))} if names else None


def group_row(record: dict, states: set[str]) -> dict | None:
    for item in record["codes"]:
        parsed = parse_code(item["code"])
        if parsed is None or parsed[0] not in states or parsed[1][0] not in GROUP_SECTORS:
            continue
        country, sectors = parsed
        sector = sectors[1] if sectors[0] == "GOV" and len(sectors) > 1 and sectors[1] in SPECIFIC_SECTORS \
            else sectors[0]
        names = []
        for name in record["names"]:
            for part in split_acronym(name):
                acronym = re.fullmatch(r"[A-Z][A-Z0-9-]{2,9}", part) is not None and " " not in part
                names.append(part if acronym else display(part))
        kind = "group" if sector in ("REB", "UAF") else "party" if sector == "PTY" else "agency"
        return {"names": names, "country": country, "sector": sector, "kind": kind}
    return None


def distinctive_single_word(word: str, counts: Counter[str]) -> bool:
    """A one-word variant is kept when a single dictionary record (and no hand-written person) uses that word in
    any of its names, and it is long or an acronym."""
    key = normalize(word)
    return counts.get(key, 0) == 1 and (len(key) >= 5 or word.isupper() and len(word) >= 3)


def build(shared: Path) -> tuple[list[dict], list[dict]]:
    registry = ActorRegistry.load(reference=False)
    states = set(registry.countries)
    known = set(registry.lookup_keys())
    records = [json.loads(line) for line in (shared / "reference" / "phoenix_actors.jsonl").open(encoding="utf-8")]
    people, groups = [], []
    for record in records:
        if not record["codes"] or "International" in record["file"]:
            continue
        if is_person(record):
            row = person_row(record, states)
            if row is not None:
                people.append(row)
        elif "MilNonState" in record["file"] or any(ORG_WORDS.search(n) for n in record["names"]):
            row = group_row(record, states)
            if row is not None:
                groups.append(row)
    # how many kept actors use each full name; how many dictionary records and hand-written people use each word
    owners: dict[str, set[int]] = defaultdict(set)
    for n, row in enumerate(people + groups):
        for name in row["names"]:
            owners[normalize(name)].add(n)
    word_counts: Counter[str] = Counter()
    for record in records:
        word_counts.update({word for name in record["names"] for word in normalize(name).split(" ")})
    for person in registry.people.values():
        word_counts.update(set(normalize(person.name).split(" ")))
    kept: list[list[dict]] = [[], []]
    used_ids = set(registry.people) | set(registry.organizations)
    for n, row in enumerate(people + groups):
        keys = [normalize(name) for name in row["names"]]
        if any(key in known for key in keys):
            continue  # the hand-written data knows this actor: it wins
        names = []
        for name, key in zip(row["names"], keys):
            if len(owners[key]) > 1 or key in [normalize(x) for x in names] or len(key) < 3:
                continue
            if " " not in key and not distinctive_single_word(name, word_counts):
                continue
            names.append(name)
        if not names:
            continue
        is_group = n >= len(people)
        if not is_group:
            surname = names[0].split(" ")[-1]
            if " " in names[0] and distinctive_single_word(surname, word_counts) and normalize(surname) not in known \
                    and surname[:1].isupper() and surname not in names:
                names.append(surname)
        row["names"] = names
        row["id"] = slug(names[0])
        if row["id"] in used_ids:
            row["id"] = f"{row['id']}-{row['country'].lower()}"
        if row["id"] in used_ids:
            continue
        used_ids.add(row["id"])
        kept[is_group].append(row)
    return kept[0], kept[1]


def write(people: list[dict], groups: list[dict], out_dir: Path) -> None:
    header = "# Derived by tools/build_reference_actors.py from the petrarch2 Phoenix dictionaries (MIT); see README.md\n"
    with (out_dir / "reference_people.tsv").open("w", encoding="utf-8") as handle:
        handle.write(header + "id\tnames\tcountry\tsector\troles\n")
        for row in sorted(people, key=lambda r: (r["country"], r["id"])):
            roles = ";".join(f"{s}:{a}:{b}" for s, a, b in row["roles"])
            handle.write(f"{row['id']}\t{'|'.join(row['names'])}\t{row['country']}\t{row['sector']}\t{roles}\n")
    with (out_dir / "reference_groups.tsv").open("w", encoding="utf-8") as handle:
        handle.write(header + "id\tnames\tcountry\tsector\tkind\n")
        for row in sorted(groups, key=lambda r: (r["country"], r["id"])):
            handle.write(f"{row['id']}\t{'|'.join(row['names'])}\t{row['country']}\t{row['sector']}\t{row['kind']}\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared")
    parser.add_argument("--out-dir", default=str(ACTORS_DIR))
    args = parser.parse_args()
    people, groups = build(shared_dir(args.shared))
    write(people, groups, Path(args.out_dir))
    print(f"{len(people)} people, {len(groups)} groups -> {args.out_dir}")


if __name__ == "__main__":
    main()
