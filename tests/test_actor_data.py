"""The actor data files under src/detente/data/actors/: they load, ids are unique, codes and dates are valid,
and a few well-known facts are right."""

from __future__ import annotations

import datetime
import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

ACTORS = Path(__file__).resolve().parents[1] / "src" / "detente" / "data" / "actors"
SECTORS = {"GOV", "MIL", "LEG", "JUD", "SPY", "COP", "REB", "UAF", "OPP", "PTY", "ELI", "MED", "EDU", "BUS", "CVL",
           "HRI", "NGO", "REL", "HLH", "REF", "LAB", "AGR", "CRM", "IGO"}
KINDS = {"igo", "group", "media", "company", "agency", "party"}
DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


def load(name: str) -> list[dict]:
    return yaml.safe_load((ACTORS / f"{name}.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def data() -> dict[str, list[dict]]:
    return {name: load(name) for name in ("countries", "organizations", "people", "titles", "institutions")}


@pytest.fixture(scope="module")
def known_codes(data) -> set[str]:
    """ISO3 codes of the countries, the IGO codes of the international organisations, and IMG."""
    igo = {org["country"] for org in data["organizations"] if org["kind"] == "igo"}
    return {c["iso3"] for c in data["countries"]} | igo | {"IMG"}


def by_id(records: list[dict], key: str = "id") -> dict[str, dict]:
    return {record[key]: record for record in records}


def as_date(text: str, end: bool = False) -> datetime.date:
    """A role date (YYYY, YYYY-MM or YYYY-MM-DD); a partial date spans its year or month."""
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 1:
        return datetime.date(parts[0], 12, 31) if end else datetime.date(parts[0], 1, 1)
    if len(parts) == 2:
        if not end:
            return datetime.date(parts[0], parts[1], 1)
        following = datetime.date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
        return following - datetime.timedelta(days=1)
    return datetime.date(*parts)


def role_at(person: dict, day: str) -> dict | None:
    held = [r for r in person["roles"]
            if as_date(r["start"]) <= as_date(day) and (r["end"] is None or as_date(day) <= as_date(r["end"], True))]
    return max(held, key=lambda r: as_date(r["start"])) if held else None


def test_every_file_is_a_list_of_mappings(data):
    for name, records in data.items():
        assert isinstance(records, list) and records, name
        assert all(isinstance(record, dict) for record in records), name


def test_ids_are_unique_and_slugs(data):
    for name, key in (("countries", "iso3"), ("organizations", "id"), ("people", "id")):
        counts = Counter(record[key] for record in data[name])
        assert [k for k, n in counts.items() if n > 1] == [], name
    for record in data["organizations"] + data["people"]:
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", record["id"]), record["id"]
    ids = [r["id"] for r in data["organizations"]] + [r["id"] for r in data["people"]]
    assert len(ids) == len(set(ids)), "an organisation and a person share an id"


def test_titles_and_institutions_are_unique_with_known_sectors(data):
    for name in ("titles", "institutions"):
        texts = Counter(record["text"].lower() for record in data[name])
        assert [t for t, n in texts.items() if n > 1] == [], name
        assert {record["sector"] for record in data[name]} <= SECTORS, name


def test_countries_have_iso3_codes_and_string_names(data):
    for country in data["countries"]:
        assert re.fullmatch(r"[A-Z]{3}", country["iso3"]), country
        assert isinstance(country["name"], str) and country["name"]
        for key in ("aliases", "adjectives", "epithets"):
            assert all(isinstance(v, str) and v for v in country[key]), (country["iso3"], key)
        for metonym in country["metonyms"]:
            assert isinstance(metonym, str) or (metonym["text"] and metonym["sector"] in SECTORS), metonym


def test_a_name_names_only_one_country(data):
    owners: dict[str, set[str]] = {}
    for country in data["countries"]:
        names = [country["name"], *country["aliases"], *country["adjectives"], *country["epithets"],
                 *(m if isinstance(m, str) else m["text"] for m in country["metonyms"])]
        for name in names:
            owners.setdefault(name.lower(), set()).add(country["iso3"])
    assert {name: codes for name, codes in owners.items() if len(codes) > 1} == {}


def test_organizations_use_known_codes_sectors_and_kinds(data, known_codes):
    for org in data["organizations"]:
        # only a transnational NGO acts for no state
        assert org["country"] in known_codes or org["country"] is None and org["sector"] == "NGO", org["id"]
        assert org["sector"] in SECTORS, org["id"]
        assert org["kind"] in KINDS, org["id"]
        assert all(isinstance(a, str) and a for a in org["aliases"]), org["id"]
        for period in org.get("periods", []):
            assert period.get("country") is None or period["country"] in known_codes, org["id"]
            assert period.get("sector") is None or period["sector"] in SECTORS, org["id"]
            assert isinstance(period["start"], str) and DATE.fullmatch(period["start"]), org["id"]


def test_people_use_known_codes_and_valid_roles(data, known_codes):
    for person in data["people"]:
        assert person["country"] in known_codes, person["id"]
        assert person.get("sector") is None or person["sector"] in SECTORS, person["id"]
        assert all(isinstance(a, str) and a for a in person["aliases"]), person["id"]
        for role in person["roles"]:
            assert role["title"] and role["sector"] in SECTORS, (person["id"], role)
            assert role.get("country") is None or role["country"] in known_codes, (person["id"], role)
            assert isinstance(role["start"], str) and DATE.fullmatch(role["start"]), (person["id"], role)
            if role["end"] is not None:
                assert isinstance(role["end"], str) and DATE.fullmatch(role["end"]), (person["id"], role)
                assert as_date(role["start"]) <= as_date(role["end"], True), (person["id"], role)


def test_people_are_sorted_by_country_then_name(data):
    keys = [(p["country"], p["name"]) for p in data["people"]]
    assert keys == sorted(keys)


def test_files_hold_enough_actors(data):
    assert len(data["countries"]) >= 190
    assert len(data["organizations"]) >= 150
    assert len(data["people"]) >= 600


def test_netanyahu_governs_israel_in_three_terms(data):
    netanyahu = by_id(data["people"])["benjamin-netanyahu"]
    assert netanyahu["country"] == "ISR"
    assert "Netanyahu" in netanyahu["aliases"]
    assert role_at(netanyahu, "1998-01-01")["sector"] == "GOV"
    assert role_at(netanyahu, "2015-06-01")["sector"] == "GOV"
    assert role_at(netanyahu, "2024-06-01") == {"title": "Prime Minister", "sector": "GOV", "start": "2022-12-29",
                                                  "end": None}
    assert role_at(netanyahu, "2022-01-01") is None and netanyahu["sector"] == "PTY"


def test_soleimani_is_iranian_military_until_his_death(data):
    soleimani = by_id(data["people"])["qasem-soleimani"]
    assert soleimani["country"] == "IRN"
    assert role_at(soleimani, "2019-12-31")["sector"] == "MIL"
    assert role_at(soleimani, "2020-01-03") is not None
    assert role_at(soleimani, "2020-01-04") is None


def test_leaders_who_changed_office(data):
    people = by_id(data["people"])
    putin = people["vladimir-putin"]
    assert role_at(putin, "2010-01-01")["title"] == "Prime Minister"
    assert role_at(putin, "2020-01-01")["title"] == "President"
    sharaa = people["ahmed-al-sharaa"]
    assert role_at(sharaa, "2020-01-01")["sector"] == "REB"
    assert role_at(sharaa, "2025-03-01") == {"title": "President", "sector": "GOV", "start": "2025-01-29", "end": None}
    assert "Jolani" in sharaa["aliases"]


def test_current_leaders_beyond_the_g20(data):
    people = by_id(data["people"])
    expected = {  # id: (country, date, title held on that date)
        "gitanas-nauseda": ("LTU", "2024-06-01", "President"),
        "mohamed-muizzu": ("MDV", "2024-06-01", "President"),
        "hassan-sheikh-mohamud": ("SOM", "2023-01-01", "President"),
        "gabriel-boric": ("CHL", "2023-01-01", "President"),
        "gustavo-petro": ("COL", "2023-01-01", "President"),
        "luvsannamsrain-oyun-erdene": ("MNG", "2023-01-01", "Prime Minister"),
    }
    for person_id, (country, day, title) in expected.items():
        person = people[person_id]
        assert person["country"] == country and role_at(person, day)["title"] == title, person_id
    sheikh_mohamud = people["hassan-sheikh-mohamud"]
    assert role_at(sheikh_mohamud, "2019-01-01") is None  # Farmaajo's term between his two
    assert {"Nausėda", "Nauseda"} <= set(people["gitanas-nauseda"]["aliases"])


def test_spokespeople_of_the_brief_are_present(data):
    aliases = {alias for person in data["people"] for alias in [person["name"], *person["aliases"]]}
    for name in ("Peskov", "Zakharova", "Kirby", "Ned Price", "Matthew Miller", "Khatibzadeh", "Kanaani"):
        assert name in aliases, name


def test_organizations_spot_checks(data):
    orgs = by_id(data["organizations"])
    assert (orgs["hezbollah"]["country"], orgs["hezbollah"]["sector"]) == ("LBN", "REB")
    assert (orgs["quds-force"]["country"], orgs["quds-force"]["sector"]) == ("IRN", "MIL")
    assert (orgs["idf"]["country"], orgs["idf"]["sector"]) == ("ISR", "MIL")
    assert (orgs["tass"]["country"], orgs["tass"]["sector"]) == ("RUS", "MED")
    assert {"ISIS", "ISIL", "Daesh"} <= set(orgs["islamic-state"]["aliases"])
    assert orgs["eu"]["country"] == "EUR" and orgs["un-security-council"]["country"] == "UNO"


def test_metonyms_and_epithets_spot_checks(data):
    countries = by_id(data["countries"], "iso3")

    def metonym_texts(iso3: str) -> dict[str, str]:
        return {m if isinstance(m, str) else m["text"]: "GOV" if isinstance(m, str) else m["sector"]
                for m in countries[iso3]["metonyms"]}

    assert metonym_texts("RUS")["the Kremlin"] == "GOV"
    assert metonym_texts("ISR")["Tel Aviv"] == "GOV"
    assert metonym_texts("USA")["the Pentagon"] == "MIL"
    assert {"Kyiv", "Kiev"} <= set(metonym_texts("UKR"))
    assert "the Zionist entity" in countries["ISR"]["epithets"]
    assert "the Great Satan" in countries["USA"]["epithets"]
    assert {"U.S.", "US", "the U.S.", "America"} <= set(countries["USA"]["aliases"])


def test_titles_and_institutions_spot_checks(data):
    titles = {t["text"]: t["sector"] for t in data["titles"]}
    institutions = {t["text"]: t["sector"] for t in data["institutions"]}
    assert titles["foreign minister"] == "GOV" and titles["maj. gen."] == "MIL"
    assert titles["rebel commander"] == "REB" and titles["lawmaker"] == "LEG" and titles["researcher"] == "EDU"
    assert institutions["foreign ministry"] == "GOV" and institutions["air force"] == "MIL"
    assert institutions["state television"] == "MED" and institutions["parliament"] == "LEG"


def tsv_rows(name: str) -> list[list[str]]:
    lines = (ACTORS / name).read_text(encoding="utf-8").splitlines()
    rows = [line.split("\t") for line in lines if line and not line.startswith("#")]
    return rows[1:]


def test_reference_people_are_well_formed(data, known_codes):
    ids = set()
    for person_id, names, country, sector, roles in tsv_rows("reference_people.tsv"):
        assert person_id not in ids, person_id  # a hand-written person of the same id replaces the reference one
        ids.add(person_id)
        assert country in known_codes and (sector == "" or sector in SECTORS), person_id
        assert all(name.strip() for name in names.split("|")), person_id
        for role in filter(None, roles.split(";")):
            role_sector, start, end = role.split(":")
            assert role_sector in SECTORS and (not start or DATE.fullmatch(start)) and DATE.fullmatch(end), person_id
            assert end <= "2014-12-31" and (not start or start <= end), person_id  # stale after 2014
    assert len(ids) > 5000


def test_reference_groups_and_places_are_well_formed(data, known_codes):
    for group_id, names, country, sector, kind in tsv_rows("reference_groups.tsv"):
        assert country in known_codes and sector in SECTORS and kind in KINDS, group_id
    places = tsv_rows("places.tsv")
    assert len(places) > 10000
    assert all(country in known_codes and population.isdigit() for _, country, population in places)
    assert ["Mariupol", "UKR"] in [row[:2] for row in places]


def test_regions_name_known_states():
    regions = load("regions")
    countries = {c["iso3"] for c in load("countries")}
    assert all(region["country"] in countries for region in regions)
    assert {r["name"]: r["country"] for r in regions}["Abkhazia"] == "GEO"


def test_every_member_state_has_a_legislature(data):
    """Each state except the Holy See, Hong Kong, Taiwan and Kosovo (whose assembly is a reference group) has one."""
    legislatures = {org["country"] for org in data["organizations"] if org["sector"] == "LEG"}
    states = {country["iso3"] for country in data["countries"]} - {"VAT", "HKG", "TWN", "XKX"}
    assert sorted(states - legislatures) == []


@pytest.mark.parametrize("name, country, sector", [
    ("Riigikogu", "EST", "LEG"), ("Sejm", "POL", "LEG"), ("Storting", "NOR", "LEG"), ("Rajya Sabha", "IND", "LEG"),
    ("Congress of Peru", "PER", "LEG"), ("DfID", "GBR", "GOV"), ("DEA", "USA", "COP"), ("AFRICOM", "USA", "MIL"),
    ("Northern Fleet", "RUS", "MIL"), ("SANDF", "ZAF", "MIL"), ("SONNA", "SOM", "MED"), ("FDLR", "RWA", "REB"),
    ("ISWAP", "NGA", "REB"), ("Arakan Army", "MMR", "REB"), ("Los Zetas", "MEX", "CRM"), ("CJNG", "MEX", "CRM"),
])
def test_classes_of_organisations_are_known(data, name, country, sector):
    matches = [org for org in data["organizations"] if name in [org["name"], *org["aliases"]]]
    assert [(org["country"], org["sector"]) for org in matches] == [(country, sector)]


def test_generic_institution_nouns_and_titles(data):
    institutions = {record["text"]: record["sector"] for record in data["institutions"]}
    titles = {record["text"]: record["sector"] for record in data["titles"]}
    assert institutions["paramilitary group"] == "UAF" and institutions["state news agency"] == "MED"
    assert institutions["fleet"] == "MIL" and institutions["legislative body"] == "LEG"
    assert titles["chief minister"] == "GOV"


def test_no_international_organisation_code_is_a_state_s_code(data):
    states = {country["iso3"] for country in data["countries"]}
    igo_codes = {org["country"] for org in data["organizations"] if org.get("kind") == "igo" and org.get("country")}
    assert not igo_codes & states  # "NAM" is Namibia, so the Non-Aligned Movement is "NON"
