"""Derive a first draft of `src/detente/data/actors/countries.yaml` from `../shared/reference/countries.tsv`.

The committed YAML is the product: it was generated once with this script and then edited by hand
(capitals and seats of power, short forms, epithets). Re-running prints a fresh draft to stdout (or
writes it to `--out`), it never overwrites the committed file by itself.

Usage: python tools/build_countries.py [--shared DIR] [--out FILE]
"""

from __future__ import annotations

import argparse
import csv
import os
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
# Rows of countries.tsv that are not sovereign states today: IGOs, breakaway regions (CAMEO "PRE"
# codes), dissolved states and dependent territories.
SKIP = {"EUR", "UNO", "SUN", "CSK", "DDR", "SCG", "TMP", "KNT", "KSV", "ABW", "AIA", "BMU", "COK", "CYM", "GGY"}
STATE_WORDS = re.compile(r"\b(Republic|Kingdom|Union|State|States|Emirate|Federation|Democratic)\b")


def shared_dir(option: str | None) -> Path:
    """The shared data folder: --shared, then $DETENTE_SHARED, then ../shared beside the repository."""
    return Path(option or os.environ.get("DETENTE_SHARED") or REPO / ".." / "shared")


def split_terms(name: str, terms: list[str]) -> tuple[list[str], list[str]]:
    """Split NGEC nationality terms into alternative state names and demonyms.

    A term is a demonym when it shares its first four letters with the country name or the first
    demonym listed ("Brits" after "British"); other terms, and terms of more words than the country
    name ("French Polynesian"), name dependent territories and are dropped."""
    aliases: list[str] = []
    adjectives: list[str] = []
    stems = {name[:4].lower()}
    for term in (t.strip() for t in terms):
        if not term or term == name or term in aliases or term in adjectives:
            continue
        if term.isupper() or STATE_WORDS.search(term):
            aliases.append(term)
        elif len(term.split()) > len(name.split()):
            continue
        elif not adjectives or term[:4].lower() in stems:
            adjectives.append(term)
            stems.add(term[:4].lower())
    return aliases, adjectives


def draft(tsv: Path) -> list[dict]:
    """One entry per sovereign state in the TSV, with the fields of the actor data format."""
    entries = []
    with tsv.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            code = row["iso3_or_cameo"]
            if len(code) != 3 or code in SKIP:
                continue
            phoenix = [n.title() for n in row["phoenix_names"].split("|") if n]
            name = row["name_ngec"] or (phoenix[0] if phoenix else code)
            aliases, adjectives = split_terms(name, row["nationality_terms_ngec"].split("|"))
            entries.append({"iso3": code, "name": name, "aliases": aliases, "adjectives": adjectives,
                            "metonyms": [], "epithets": []})
    return entries


def scalar(text: str) -> str:
    """A YAML scalar, double-quoted only when plain style would change its meaning."""
    plain = re.fullmatch(r"[A-Za-z\u00c0-\u024f][\w\u00c0-\u024f .'’()\-]*", text) and not text.endswith(" ")
    reserved = text.lower() in {"yes", "no", "on", "off", "true", "false", "null", "y", "n"}
    return text if plain and not reserved else '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def to_yaml(entries: list[dict]) -> str:
    """Readable block-per-country YAML with flow-style lists."""
    lines = []
    for entry in entries:
        lines.append(f"- iso3: {entry['iso3']}")
        lines.append(f"  name: {scalar(entry['name'])}")
        for key in ("aliases", "adjectives", "metonyms", "epithets"):
            values = []
            for value in entry[key]:
                if isinstance(value, dict):
                    values.append("{text: " + scalar(value["text"]) + ", sector: " + value["sector"] + "}")
                else:
                    values.append(scalar(value))
            lines.append(f"  {key}: [{', '.join(values)}]")
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", help="shared data folder (default: ../shared beside the repository)")
    parser.add_argument("--out", type=Path, help="write the draft here instead of stdout")
    args = parser.parse_args()
    tsv = shared_dir(args.shared) / "reference" / "countries.tsv"
    if not tsv.exists():
        sys.exit(f"not found: {tsv}")
    text = to_yaml(draft(tsv))
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)


if __name__ == "__main__":
    main()
