"""compare(): contradictions and agreements between sources, on hand-built corpora."""

from __future__ import annotations

from detente.compare import Sources, compare, display_sentence, trigger_stem
from detente.synthetic import CorpusBuilder


def builder() -> CorpusBuilder:
    b = CorpusBuilder()
    for code, name in [("RUS", "Russia"), ("IRN", "Iran"), ("ISR", "Israel"), ("USA", "the United States"),
                       ("SYR", "Syria")]:
        b.actor(code, name, code)
    b.actor("hezbollah", "Hezbollah", "LBN", "REB", "group")
    b.actor("sergei-lavrov", "Sergei Lavrov", "RUS", "GOV", "person")
    b.actor("dmitry-peskov", "Dmitry Peskov", "RUS", "GOV", "person")
    return b


def topics(findings, kind=None):
    return sorted(f.topic for f in findings if kind is None or f.kind == kind)


def test_opposite_polarity_in_two_outlets_is_a_contradiction_naming_holders():
    b = builder()
    b.document("a", outlet="Daily Ledger").say("Russia and Iran are close allies.").claim("RUS", "IRN", "ally")
    b.document("b", outlet="State Herald").say("Russia and Iran are not allies, officials said.").claim(
        "RUS", "IRN", "ally", "denied", holder_kind="group", holder_text="officials")
    findings = compare(b.corpus)
    assert topics(findings) == ["claim_polarity"]
    finding = findings[0]
    assert finding.id == "f1" and finding.kind == "contradiction"
    assert finding.dyad == ("IRN", "RUS")
    assert finding.document_ids == ["a", "b"]
    assert finding.claim_ids == ["a#c1", "b#c1"]
    assert "Daily Ledger (own voice)" in finding.explanation
    assert "State Herald (citing officials)" in finding.explanation
    assert "Russia and Iran are allies" in finding.explanation


def test_quoted_speaker_is_named_as_holder():
    b = builder()
    b.document("a", outlet="Wire One").say("Iran is an ally of Russia.").claim("IRN", "RUS", "ally")
    b.document("b", outlet="State Herald").say("Sergei Lavrov said Russia and Iran are not allies.").claim(
        "RUS", "IRN", "ally", "denied", holder="sergei-lavrov", holder_kind="speaker")
    (finding,) = compare(b.corpus)
    assert "State Herald (quoting Sergei Lavrov)" in finding.explanation


def test_same_outlet_or_same_document_is_not_a_contradiction_between_sources():
    b = builder()
    b.document("a", outlet="Daily Ledger").say("Russia and Iran are allies.").claim("RUS", "IRN", "ally")
    b.document("b", outlet="daily ledger ").say("Russia and Iran are not allies.").claim(
        "RUS", "IRN", "ally", "denied")
    doc = b.document("c", outlet="Wire One")
    doc.say("Israel and Syria are enemies.").claim("ISR", "SYR", "enemy")
    doc.say("Israel and Syria are not enemies, one analyst says.").claim("ISR", "SYR", "enemy", "denied")
    assert compare(b.corpus) == []


def test_incompatible_relations_contradict_but_compatible_ones_do_not():
    b = builder()
    b.document("a", outlet="Wire One").say("Israel and Iran are allies.").claim("ISR", "IRN", "ally")
    b.document("b", outlet="Daily Ledger").say("Israel and Iran are sworn enemies.").claim("ISR", "IRN", "enemy")
    b.document("c", outlet="Wire One").say("Russia and the United States are partners.").claim("RUS", "USA", "partner")
    b.document("d", outlet="Daily Ledger").say("Russia and the United States are rivals.").claim("RUS", "USA", "rival")
    findings = compare(b.corpus)
    assert topics(findings) == ["claim_relation"]
    assert findings[0].dyad == ("IRN", "ISR")
    assert "Israel and Iran are allies" in findings[0].explanation
    assert "Israel and Iran are enemies" in findings[0].explanation


def test_inverse_relations_are_the_same_claim():
    b = builder()
    b.document("a", outlet="Wire One").say("Hezbollah is a proxy of Iran.").claim("hezbollah", "IRN", "proxy")
    b.document("b", outlet="Daily Ledger").say("Iran is the patron of Hezbollah.").claim("IRN", "hezbollah", "patron")
    b.document("c", outlet="State Herald").say("Iran is not the patron of Hezbollah.").claim(
        "IRN", "hezbollah", "patron", "denied")
    findings = compare(b.corpus)
    assert topics(findings, "contradiction") == ["claim_polarity"]
    assert topics(findings, "agreement") == ["claim"]
    agreement = next(f for f in findings if f.kind == "agreement")
    assert agreement.document_ids == ["a", "b"]


def test_event_reported_in_one_source_and_denied_in_another():
    b = builder()
    b.document("a", outlet="Wire One", published="2020-01-24").say(
        "Russia met Israel's envoy in Moscow on January 23.").event(
        "RUS", "ISR", "CONSULT", "verbal_cooperation", 1.0, date="2020-01-23", trigger="met")
    b.document("b", outlet="State Herald", published="2020-01-25").say(
        "Dmitry Peskov denied that Russia met Israel's envoy.").event(
        "RUS", "ISR", "CONSULT", "verbal_cooperation", 1.0, negated=True, trigger="met", modality="reported",
        reported_by="dmitry-peskov")
    findings = compare(b.corpus)
    assert topics(findings) == ["event_denial"]
    assert findings[0].event_ids == ["a#e1", "b#e1"]
    assert "State Herald (quoting Dmitry Peskov) denies it" in findings[0].explanation


def test_denial_months_later_is_about_another_occurrence():
    b = builder()
    b.document("a", outlet="Wire One", published="2020-01-24").say("Russia met Israel.").event(
        "RUS", "ISR", "CONSULT", "verbal_cooperation", 1.0, trigger="met")
    b.document("b", outlet="State Herald", published="2020-06-25").say("Russia did not meet Israel.").event(
        "RUS", "ISR", "CONSULT", "verbal_cooperation", 1.0, negated=True, trigger="meet")
    assert compare(b.corpus) == []


def test_same_occurrence_dated_differently():
    b = builder()
    b.document("a", outlet="Wire One").say("The United States killed a commander in a strike on Iran.").event(
        "USA", "IRN", "ASSAULT", "material_conflict", -10, date="2020-01-03", trigger="strike")
    b.document("b", outlet="State Herald").say("The strike by the United States on Iran came on 2 January.").event(
        "USA", "IRN", "ASSAULT", "material_conflict", -10, date="2020-01-02", trigger="strike")
    findings = compare(b.corpus)
    assert topics(findings) == ["event_date"]
    assert "2020-01-03" in findings[0].explanation and "2020-01-02" in findings[0].explanation


def test_events_far_apart_or_with_other_triggers_are_different_occurrences():
    b = builder()
    b.document("a", outlet="Wire One").say("The United States struck Iran.").event(
        "USA", "IRN", "ASSAULT", "material_conflict", -10, date="2020-01-03", trigger="struck")
    b.document("b", outlet="State Herald").say("The United States struck Iran again.").event(
        "USA", "IRN", "ASSAULT", "material_conflict", -10, date="2020-02-20", trigger="struck")
    b.document("c", outlet="Daily Ledger").say("The United States shelled Iran.").event(
        "USA", "IRN", "ASSAULT", "material_conflict", -10, date="2020-01-05", trigger="shelled")
    assert topics(compare(b.corpus), "contradiction") == []


def test_source_that_also_reports_the_other_date_is_not_contradicting():
    b = builder()
    b.document("a", outlet="Wire One").say("The United States struck Iran.").event(
        "USA", "IRN", "ASSAULT", "material_conflict", -10, date="2020-01-03", trigger="struck")
    doc = b.document("b", outlet="State Herald")
    doc.say("The United States struck Iran on Monday.").event(
        "USA", "IRN", "ASSAULT", "material_conflict", -10, date="2020-01-03", trigger="struck")
    doc.say("The United States struck Iran again on Wednesday.").event(
        "USA", "IRN", "ASSAULT", "material_conflict", -10, date="2020-01-05", trigger="struck")
    assert topics(compare(b.corpus), "contradiction") == []


def test_same_occurrence_attributed_to_different_actors():
    b = builder()
    b.document("a", outlet="Wire One").say("Israel struck Syria on Friday.").event(
        "ISR", "SYR", "ASSAULT", "material_conflict", -10, date="2020-01-03", trigger="struck")
    b.document("b", outlet="State Herald").say("The United States struck Syria on Friday.").event(
        "USA", "SYR", "ASSAULT", "material_conflict", -10, date="2020-01-03", trigger="struck")
    findings = compare(b.corpus)
    assert topics(findings) == ["event_actor"]
    assert "Israel" in findings[0].explanation and "the United States" in findings[0].explanation


def test_joint_action_told_in_full_by_one_source_is_not_an_actor_conflict():
    b = builder()
    doc = b.document("a", outlet="Wire One")
    doc.say("Israel and the United States struck Syria.").event(
        "ISR", "SYR", "ASSAULT", "material_conflict", -10, date="2020-01-03", trigger="struck")
    doc.event("USA", "SYR", "ASSAULT", "material_conflict", -10, date="2020-01-03", trigger="struck")
    b.document("b", outlet="State Herald").say("The United States struck Syria.").event(
        "USA", "SYR", "ASSAULT", "material_conflict", -10, date="2020-01-03", trigger="struck")
    findings = compare(b.corpus)
    assert topics(findings, "contradiction") == []
    assert topics(findings, "agreement") == ["event"]


def test_agreement_needs_independent_sources():
    b = builder()
    for doc_id, outlet, duplicate in [("a", "Wire One", None), ("b", "Wire One", None), ("c", "Herald", "a")]:
        b.document(doc_id, outlet=outlet, duplicate_of=duplicate).say("Russia and Syria are allies.").claim(
            "RUS", "SYR", "ally")
    assert compare(b.corpus) == []
    b.document("d", outlet="Daily Ledger").say("Syria is a close ally of Russia.").claim("SYR", "RUS", "ally")
    (finding,) = compare(b.corpus)
    assert finding.kind == "agreement" and finding.topic == "claim"
    assert finding.document_ids == ["a", "b", "c", "d"]
    assert finding.explanation.startswith(
        "Wire One (own voice; republished by Herald) and Daily Ledger (own voice), two independent sources, affirm")


def test_documents_without_outlet_are_their_own_sources():
    b = builder()
    b.document("x").say("Russia and Syria are allies.").claim("RUS", "SYR", "ally")
    b.document("y", duplicate_of="x").say("Russia and Syria are allies.").claim("RUS", "SYR", "ally")
    sources = Sources(b.corpus.documents)
    assert sources.key("x") == sources.key("y") == "doc:x"
    b.document("z").say("Russia and Syria are allies.").claim("RUS", "SYR", "ally")
    assert topics(compare(b.corpus)) == ["claim"]


def test_event_agreement_across_dates_within_a_day():
    b = builder()
    b.document("a", outlet="Wire One").say("Russia sent aid to Syria.").event(
        "RUS", "SYR", "AID", "material_cooperation", 7, date="2020-01-03", trigger="sent")
    b.document("b", outlet="Herald").say("Syria received aid from Russia.").event(
        "RUS", "SYR", "AID", "material_cooperation", 7, date="2020-01-04", trigger="received")
    (finding,) = compare(b.corpus)
    assert finding.topic == "event" and finding.event_ids == ["a#e1", "b#e1"]


def test_finding_ids_are_stable_and_contradictions_come_first():
    b = builder()
    b.document("a", outlet="One").say("Russia and Syria are allies.").claim("RUS", "SYR", "ally")
    b.document("b", outlet="Two").say("Russia and Syria are allies.").claim("RUS", "SYR", "ally")
    b.document("c", outlet="Three").say("Russia and Iran are allies.").claim("RUS", "IRN", "ally")
    b.document("d", outlet="Four").say("Russia and Iran are not allies.").claim("RUS", "IRN", "ally", "denied")
    first = compare(b.corpus)
    b.corpus.claims.reverse()
    second = compare(b.corpus)
    assert [(f.id, f.kind, f.dyad) for f in first] == [(f.id, f.kind, f.dyad) for f in second] == [
        ("f1", "contradiction", ("IRN", "RUS")), ("f2", "agreement", ("RUS", "SYR"))]


def test_trigger_stem_groups_inflections():
    b = builder()
    doc = b.document("a")
    doc.say("x")
    stems = {trigger_stem(doc.event("RUS", "SYR", "ASSAULT", "material_conflict", -10, trigger=t))
             for t in ("strikes", "strike", "struck", "striking")}
    assert len(stems) == 1


def test_denial_statement_contradicts_a_reported_fact_between_the_same_actors():
    b = builder()
    b.document("a", outlet="Wire One", published="2020-01-09").say(
        "Iran's air defences shot down the Israeli drone on Wednesday.").event(
        "IRN", "ISR", "ASSAULT", "material_conflict", -10, date="2020-01-08", trigger="shot down")
    b.document("b", outlet="State Herald", published="2020-01-10").say(
        "Iran denied that its missiles shot down the Israeli drone.").event(
        "IRN", "ISR", "STATEMENT", "verbal_cooperation", 0, trigger="denied")
    b.document("c", outlet="Evening Post", published="2020-01-10").say("Iran accused Israel of lying.").event(
        "IRN", "ISR", "ACCUSE", "verbal_conflict", -2, trigger="accused")
    findings = compare(b.corpus)
    assert topics(findings) == ["event_denial"]
    assert findings[0].document_ids == ["a", "b"]
    assert "('denied')" in findings[0].explanation


def test_denial_of_any_role_answers_the_deniers_own_actions():
    b = builder()
    b.document("a", outlet="Wire One", published="2024-01-29").say("Iran attacked U.S. forces on Sunday.").event(
        "IRN", "USA", "ASSAULT", "material_conflict", -10, date="2024-01-28", trigger="attacked")
    b.document("b", outlet="State Herald", published="2024-01-30").say("Iran denied any role in the attack.").event(
        "IRN", None, "STATEMENT", "verbal_cooperation", 0, trigger="denied")
    b.document("c", outlet="Evening Post", published="2024-01-30").say("Syria denied any role.").event(
        "SYR", None, "STATEMENT", "verbal_cooperation", 0, trigger="denied")
    (finding,) = compare(b.corpus)
    assert finding.topic == "event_denial" and finding.dyad == ("IRN", "USA")
    assert finding.event_ids == ["a#e1", "b#e1"]


def test_actors_without_a_known_country_are_left_out():
    b = builder()
    b.actor("---MIL", "unknown military", None, "MIL", "sector")
    b.document("a", outlet="One").say("Soldiers struck Syria.").event(
        "---MIL", "SYR", "ASSAULT", "material_conflict", -10, date="2020-01-03", trigger="struck")
    b.document("b", outlet="Two").say("Israel struck Syria.").event(
        "ISR", "SYR", "ASSAULT", "material_conflict", -10, date="2020-01-03", trigger="struck")
    assert compare(b.corpus) == []


def middle_east() -> CorpusBuilder:
    b = builder()
    for code, name in [("SAU", "Saudi Arabia"), ("ARE", "the United Arab Emirates"), ("UKR", "Ukraine")]:
        b.actor(code, name, code)
    b.actor("benjamin-netanyahu", "Benjamin Netanyahu", "ISR", "GOV", "person", aliases=("Netanyahu",))
    b.actor("mohammed-bin-salman", "Mohammed bin Salman", "SAU", "GOV", "person", aliases=("the crown prince",))
    b.actor("mike-pompeo", "Mike Pompeo", "USA", "GOV", "person", aliases=("Pompeo",))
    return b


def test_bare_denial_without_content_answers_no_event():
    b = middle_east()
    wire = b.document("a", outlet="Wire One", published="2020-11-23")
    wire.say("Israel has agreed to normalise relations with the United Arab Emirates.").event(
        "ISR", "ARE", "AGREE", "verbal_cooperation", 3.0, date="2020-11-20", trigger="normalise relations")
    wire.say("Israel and Russia talk to each other about Syria.").event(
        "ISR", "RUS", "CONSULT", "verbal_cooperation", 1.0, trigger="talk to")
    b.document("b", outlet="State Herald", published="2020-11-24").say(
        "The minister posted his denial on Twitter on Monday.").event(
        "benjamin-netanyahu", None, "STATEMENT", "verbal_cooperation", 0, trigger="denial")
    assert topics(compare(b.corpus), "contradiction") == []


def test_denial_that_names_another_dyad_does_not_answer_the_deniers_other_meetings():
    b = middle_east()
    wire = b.document("a", outlet="Wire One", published="2020-11-23")
    wire.say("Netanyahu met the crown prince in Neom on Sunday.").event(
        "benjamin-netanyahu", "mohammed-bin-salman", "CONSULT", "verbal_cooperation", 1.0, date="2020-11-22",
        trigger="met")
    wire.say("Pompeo also met the crown prince in Neom on Sunday.").event(
        "mike-pompeo", "mohammed-bin-salman", "CONSULT", "verbal_cooperation", 1.0, date="2020-11-22",
        trigger="met")
    b.document("b", outlet="State Herald", published="2020-11-24").say(
        "Saudi Arabia denied that the crown prince met Netanyahu.").event(
        "SAU", None, "STATEMENT", "verbal_cooperation", 0, trigger="denied")
    (finding,) = [f for f in compare(b.corpus) if f.kind == "contradiction"]
    assert finding.topic == "event_denial" and finding.dyad == ("ISR", "SAU")
    assert finding.event_ids == ["a#e1", "b#e1"]
    assert "Benjamin Netanyahu (Israel) → Mohammed bin Salman (Saudi Arabia)" in finding.explanation


def test_denial_of_one_event_type_does_not_answer_another_between_named_countries():
    b = middle_east()
    b.document("a", outlet="Wire One", published="2022-10-18").say("Iran hit Ukraine with drones.").event(
        "IRN", "UKR", "ASSAULT", "material_conflict", -10, date="2022-10-17", trigger="hit")
    b.document("c", outlet="Evening Post", published="2022-10-18").say("Iran supplied Russia with drones.").event(
        "IRN", "RUS", "AID", "material_cooperation", 7, date="2022-10-17", trigger="supplied")
    denial = b.document("b", outlet="State Herald", published="2022-10-19")
    denial.say("Iran denied supplying drones to Russia for the war in Ukraine.").event(
        "IRN", None, "STATEMENT", "verbal_cooperation", 0, trigger="denied")
    denial.event("IRN", "RUS", "AID", "material_cooperation", 7, negated=True, trigger="supplying")
    (finding,) = [f for f in compare(b.corpus) if f.kind == "contradiction"]
    assert finding.dyad == ("IRN", "RUS")
    assert finding.event_ids == ["b#e1", "b#e2", "c#e1"]


def test_explanation_names_organisations_with_their_country():
    b = builder()
    b.document("a", outlet="Wire One").say("Hezbollah is a proxy of Iran.").claim("hezbollah", "IRN", "proxy")
    b.document("b", outlet="State Herald").say("Hezbollah is not a proxy of Iran, Sergei Lavrov said.").claim(
        "hezbollah", "IRN", "proxy", "denied", holder="sergei-lavrov", holder_kind="speaker")
    (finding,) = compare(b.corpus)
    assert finding.dyad == ("IRN", "LBN")
    assert "whether Hezbollah (Lebanon) is a proxy of Iran" in finding.explanation
    assert "State Herald (quoting Sergei Lavrov)" in finding.explanation


def test_agreement_counts_outlets_not_statements():
    b = builder()
    wire = b.document("a", outlet="Meridian Wire")
    wire.say("Russia and Iran have become close partners.").claim("RUS", "IRN", "partner")
    wire.say("Analysts say Russia remains Iran's closest partner.").claim(
        "RUS", "IRN", "partner", holder_kind="group", holder_text="analysts")
    b.document("b", outlet="Meridian Wire").say("Russia and Iran are partners.").claim("RUS", "IRN", "partner")
    b.document("c", outlet="Multipolar Dispatch").say("Russia remains Iran's closest partner.").claim(
        "RUS", "IRN", "partner")
    (finding,) = compare(b.corpus)
    assert finding.explanation == ("Meridian Wire (own voice; citing analysts) and Multipolar Dispatch (own voice), "
                                   "two independent sources, affirm that Russia and Iran are partners.")


def test_display_sentence_drops_quote_marks_left_from_neighbouring_sentences():
    assert display_sentence('"\n\nWestern analysts like to say so.') == "Western analysts like to say so."
    assert display_sentence('”  Moscow’s critics ignore it. “') == "Moscow’s critics ignore it."
    assert display_sentence('"We gave drones," he said.') == '"We gave drones," he said.'
    assert display_sentence("Iran and\nRussia met.") == "Iran and Russia met."
