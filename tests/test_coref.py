"""Coreference by rules: pronouns and descriptions resolve to the right earlier actor."""

from __future__ import annotations

import pytest

from detente.actors import ActorRegistry, resolve
from detente.model import Document, DocumentAnalysis, Mention
from detente.nlp import load_nlp

PEOPLE = """
people:
  - id: test-putin
    name: Vladimir Putin
    aliases: [Putin]
    country: RUS
    roles: [{title: President, sector: GOV, start: "2012-05-07", end: null}]
  - id: test-macron
    name: Emmanuel Macron
    aliases: [Macron]
    country: FRA
    roles: [{title: President, sector: GOV, start: "2017-05-14", end: null}]
  - id: test-soleimani
    name: Qasem Soleimani
    aliases: [Soleimani, Qassem Soleimani]
    country: IRN
    roles: [{title: Commander of the Quds Force, sector: MIL, start: "1998", end: "2020-01-03"}]
  - id: test-un-ambassador
    name: Kelly Craft
    aliases: [Craft]
    country: USA
    roles: [{title: Ambassador to the United Nations, sector: GOV, start: "2019-09-12", end: "2021-01-20"}]
"""


@pytest.fixture(scope="module")
def setup(tmp_path_factory):
    extra = tmp_path_factory.mktemp("actors") / "people.yaml"
    extra.write_text(PEOPLE, encoding="utf-8")
    registry = ActorRegistry.load([extra])
    return registry, load_nlp(registry, model="sm")


def analyse(setup, text: str, title: str | None = None, published: str = "2020-01-02",
            url: str | None = None) -> DocumentAnalysis:
    registry, nlp = setup
    analysis = DocumentAnalysis(Document("d", "<test>", text, title=title, published=published, url=url))
    for section, section_text in (("title", title), ("body", text)):
        if section_text is not None:
            analysis.mentions += resolve(nlp(section_text), analysis, section, registry)
    return analysis


def referents(analysis: DocumentAnalysis, text: str) -> list[Mention]:
    return [m for m in analysis.mentions if m.text == text and m.resolved_by == "coreference"]


def test_he_refers_to_the_subject_of_the_previous_sentence(setup):
    analysis = analyse(setup, "Putin met Macron in Paris. He said the talks were useful.")
    [he] = referents(analysis, "He")
    assert he.actor_id == "test-putin"


def test_his_in_the_same_sentence_prefers_the_subject(setup):
    analysis = analyse(setup, "Macron told Putin that his plan would fail.")
    [his] = referents(analysis, "his")
    assert his.actor_id == "test-macron"


def test_nationality_description_picks_the_matching_person(setup):
    analysis = analyse(setup, "Putin met Macron. The Russian leader said the meeting went well.")
    [leader] = referents(analysis, "The Russian leader")
    assert (leader.actor_id, leader.country, leader.sector) == ("test-putin", "RUS", "GOV")


def test_the_iranian_general(setup):
    analysis = analyse(setup, "Soleimani was in Baghdad. Macron called Putin. The Iranian general was killed.")
    [general] = referents(analysis, "The Iranian general")
    assert general.actor_id == "test-soleimani"
    assert general.sector == "MIL"


def test_a_title_many_hold_names_no_one_by_a_longer_role(setup):
    analysis = analyse(setup, "The American ambassador in Baghdad met the Iraqi prime minister.")
    [ambassador] = [m for m in analysis.mentions if m.text.endswith("ambassador")]
    assert (ambassador.actor_id, ambassador.country) == ("USA-GOV", "USA")


def test_an_international_description_takes_no_country_from_its_sentence(setup):
    analysis = analyse(setup, "Sudan expelled international aid agencies from Darfur. "
                              "Police arrested 20 people in Cairo.")
    [agencies] = [m for m in analysis.mentions if "agencies" in m.text]
    assert (agencies.country, agencies.sector) == (None, "NGO")
    [police] = [m for m in analysis.mentions if m.text == "Police"]
    assert police.country == "EGY"


def test_anti_government_names_a_stance_not_the_government(setup):
    analysis = analyse(setup, "Thailand's anti-government movement called off its protests.")
    assert not [m for m in analysis.mentions if m.sector == "GOV"]


def test_a_general_strike_names_no_general(setup):
    analysis = analyse(setup, "South Korean unions threatened a general strike.")
    assert not [m for m in analysis.mentions if m.sector == "MIL"]


def test_anti_japanese_protesters_are_not_japans(setup):
    analysis = analyse(setup, "Thousands of anti-Japanese protesters marched in Beijing.")
    assert not [m for m in analysis.mentions if m.country == "JPN"]


def test_ethnic_albanians_are_a_group_not_the_state(setup):
    analysis = analyse(setup, "Up to 100 ethnic Albanians demonstrated in Serbia.")
    [group] = [m for m in analysis.mentions if "Albanians" in m.text]
    assert (group.country, group.sector) == (None, "CVL")


def test_a_labour_minister_is_a_minister_not_the_labour_party(setup):
    analysis = analyse(setup, "The bill was signed by Serbian Labour Minister Dragan Milovanovic.")
    [minister] = [m for m in analysis.mentions if "Milovanovic" in m.text]
    assert (minister.country, minister.sector) == ("SRB", "GOV")


def test_the_two_leaders_are_both_people(setup):
    analysis = analyse(setup, "Putin and Macron spoke by phone. The two leaders agreed to meet.")
    assert {m.actor_id for m in referents(analysis, "The two leaders")} == {"test-putin", "test-macron"}


def test_the_president_refers_to_a_president(setup):
    analysis = analyse(setup, "Soleimani was named. Macron answered. The president said France would act.")
    [president] = referents(analysis, "The president")
    assert president.actor_id == "test-macron"


def test_the_ministry_refers_to_the_earlier_ministry(setup):
    analysis = analyse(setup, "The Russian Foreign Ministry issued a note. The ministry later denied it.")
    [ministry] = referents(analysis, "The ministry")
    assert (ministry.actor_id, ministry.country) == ("RUS-GOV", "RUS")


def test_body_pronoun_refers_to_the_headline(setup):
    analysis = analyse(setup, "He spoke for an hour.", title="Putin addresses the nation")
    [he] = referents(analysis, "He")
    assert he.actor_id == "test-putin" and he.section == "body"


def test_unknown_surname_repeats_the_new_actor(setup):
    analysis = analyse(setup, "Ivan Petrov, a researcher at a Moscow think tank, spoke. Petrov was sceptical.")
    ids = {m.actor_id for m in analysis.mentions if m.text in ("Ivan Petrov", "Petrov")}
    assert ids == {"ivan-petrov"}
    assert {m.country for m in analysis.mentions if m.text == "Petrov"} == {"RUS"}


def test_pronoun_without_person_is_left_alone(setup):
    analysis = analyse(setup, "He said nothing.")
    assert not analysis.mentions


def test_it_and_its_refer_to_the_state_that_governs_them(setup):
    analysis = analyse(setup, "Syria says it is willing to withdraw its troops from Lebanon.")
    assert [m.actor_id for m in referents(analysis, "it")] == ["SYR"]
    assert [m.actor_id for m in referents(analysis, "its")] == ["SYR"]
    follow = analyse(setup, "Iran fired missiles at a base in Iraq. It said the strike was revenge.")
    assert [m.actor_id for m in referents(follow, "It")] == ["IRN"]


def test_empty_or_unrelated_it_names_no_actor(setup):
    for text in ("It is clear that Russia will not stop.", "It seems that Iran agreed.",
                 "If Russia stopped the attacks, it would end the war.",
                 "Putin and Macron met. It was cold."):
        assert not [m for m in analyse(setup, text).mentions if m.text.lower() == "it"], text


def test_object_pronoun_never_means_the_understood_subject(setup):
    analysis = analyse(setup, "Putin rejected Macron's mediation, offering instead to help him deal with the protests.")
    [him] = referents(analysis, "him")
    assert him.actor_id == "test-macron"


def test_publisher_country_matches_the_domain_and_its_subdomains(setup):
    registry, _ = setup
    assert registry.publisher_country("https://bidenwhitehouse.archives.gov/briefing-room/x/") == "USA"
    assert registry.publisher_country("http://en.kremlin.ru/events/president/news/1") == "RUS"
    assert registry.publisher_country("https://www.gov.uk/government/news/x") == "GBR"
    assert registry.publisher_country("https://www.reuters.com/world/x") is None
    assert registry.publisher_country("notaurl") is None


def test_bare_government_title_on_a_government_site_is_that_government(setup):
    text = "The Vice President condemned the attack in Kyiv."
    on_site = analyse(setup, text, url="https://bidenwhitehouse.archives.gov/briefing-room/x/", published="2024-03-04")
    [title] = [m for m in on_site.mentions if m.text == "The Vice President"]
    assert title.country == "USA"
    elsewhere = analyse(setup, text, url="https://www.example-news.com/x", published="2024-03-04")
    assert [m.country for m in elsewhere.mentions if m.text == "The Vice President"] != ["USA"]


def test_an_antecedent_wins_over_the_publisher(setup):
    analysis = analyse(setup, "Putin met Macron in Paris. The president said the talks were useful.",
                       url="http://en.kremlin.ru/events/president/news/1")
    [title] = [m for m in analysis.mentions if m.text == "The president"]
    assert title.actor_id in ("test-putin", "test-macron") and title.resolved_by == "coreference"


def test_a_known_place_where_a_place_stands_is_the_place(setup):
    analysis = analyse(setup, "A bomb exploded near the town of Samarra, killing two men.")
    assert [(m.actor_id, m.resolved_by) for m in analysis.mentions if m.text == "Samarra"] == [("IRQ", "place")]


def test_titled_stranger_serves_the_state_of_the_sentence(setup):
    analysis = analyse(setup, "Rebels in Ivory Coast dismissed an appeal from President Laurent Gbago on Wednesday.")
    [stranger] = [m for m in analysis.mentions if "Gbago" in m.text]
    assert (stranger.country, stranger.sector) == ("CIV", "GOV")
