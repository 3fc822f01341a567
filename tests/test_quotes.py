"""Quotes with speakers: one test per news layout, the quote-mark scanner, and real corpus text."""

from __future__ import annotations

import json

import pytest

from detente.model import Quote
from detente.quotes import PART_SEPARATOR, find_runs, load_lexicon, quote_parts


def analyze(pipeline, text: str, title: str | None = None):
    return pipeline.analyze_text(text, title=title, published="2020-01-10", document_id="t")


def only(quotes: list[Quote], kind: str | None = None) -> Quote:
    selected = [q for q in quotes if kind is None or q.kind == kind]
    assert len(selected) == 1, selected
    return selected[0]


# -- quote marks ------------------------------------------------------------------------------------------------------


def test_runs_pair_straight_and_curly_marks():
    text = 'He said "yes" and “no” and \'maybe\' but not don\'t.'
    runs = [text[r.start:r.end] for r in find_runs(text)]
    assert runs == ["yes", "no", "maybe"]


def test_run_continues_into_a_paragraph_that_reopens_the_quote():
    text = '"First paragraph of the quote.\n\n"Second paragraph," she said.'
    (run,) = find_runs(text)
    assert text[run.start:run.end] == 'First paragraph of the quote.\n\n"Second paragraph,'


def test_doubled_apostrophes_are_quote_marks():
    text = "''We will respond,'' he said."
    (run,) = find_runs(text)
    assert text[slice(*run.inner(text))] == "We will respond,"


def test_nested_quote_stays_inside_its_run():
    text = 'She said: “He asked me, “Why?” and I left.”'
    (run,) = find_runs(text)
    assert text[slice(*run.inner(text))] == "He asked me, “Why?” and I left."


def test_lexicon_is_data():
    lexicon = load_lexicon()
    assert {"say", "tell", "stress", "warn"} <= lexicon.speech
    assert lexicon.outlets["interfax"] == "RUS"


# -- layouts ----------------------------------------------------------------------------------------------------------


def test_direct_quote_split_around_attribution_is_one_quote(pipeline):
    text = '"We will not back down," Lavrov said, "and we will win."'
    quote = only(analyze(pipeline, text).quotes)
    assert quote.kind == "direct"
    assert quote.text == "We will not back down," + PART_SEPARATOR + "and we will win."
    assert quote.speaker_text == "Lavrov" and quote.cue == "said"
    assert quote.speaker is not None and quote.speaker.actor_id == "sergei-lavrov"
    assert [text[s:e] for s, e in quote_parts(quote, text)] == ["We will not back down,", "and we will win."]


def test_quote_continued_after_attribution_sentence(pipeline):
    text = '"This is a dangerous escalation," Putin told reporters. "Russia will respond."'
    quote = only(analyze(pipeline, text).quotes)
    assert quote.text.endswith("Russia will respond.")
    assert quote.speaker.actor_id == "vladimir-putin"


def test_inverted_attribution(pipeline):
    quote = only(analyze(pipeline, '"Iran must pay," said Defence Minister Sergei Shoigu.').quotes)
    assert quote.text == "Iran must pay,"
    assert "Shoigu" in quote.speaker_text


def test_multi_paragraph_quote(pipeline):
    text = ('Lavrov spoke to reporters on Monday.\n\n"We have no plans to attack anyone. Our troops are on our own '
            'soil.\n\n"We will defend our interests," he added.')
    quote = only(analyze(pipeline, text).quotes, "direct")
    assert quote.text.startswith("We have no plans") and quote.text.endswith("our interests,")
    assert quote.speaker_text == "he" and quote.cue == "added"


def test_block_quote_after_introducing_line(pipeline):
    text = ("Below is the full statement from the Kremlin:\n\nRussia condemns the strike in the strongest terms.\n\n"
            "It violates international law.")
    quote = only(analyze(pipeline, text).quotes)
    assert quote.kind == "block"
    assert quote.text == "Russia condemns the strike in the strongest terms.\n\nIt violates international law."
    assert quote.speaker_text == "the Kremlin"


def test_block_quote_in_marks_after_writer_line(pipeline):
    text = ('The minister wrote:\n\n"I regret the decision.\n\nWe remain committed to dialogue."\n\n'
            "Analysts were unmoved.")
    quote = only(analyze(pipeline, text).quotes)
    assert quote.kind == "block" and quote.cue == "wrote"
    assert quote.text == "I regret the decision.\n\nWe remain committed to dialogue."
    assert quote.speaker_text == "The minister"


def test_letter(pipeline):
    text = ("Dear Mr. President,\n\nWe write to express our concern about the sanctions.\n\nSincerely,\n"
            "John Smith\n\nThe White House did not reply.")
    quote = only(analyze(pipeline, text).quotes, "block")
    assert quote.text.startswith("Dear Mr. President,") and quote.text.endswith("the sanctions.")
    assert quote.speaker_text == "John Smith"


def test_transcript_paragraph(pipeline):
    text = "Vladimir Putin: Good afternoon, colleagues. We will discuss Syria today."
    quote = only(analyze(pipeline, text).quotes)
    assert quote.kind == "block" and quote.text.startswith("Good afternoon")
    assert quote.speaker.actor_id == "vladimir-putin"


def test_partial_quote_keeps_its_context_and_speaker(pipeline):
    analysis = analyze(pipeline, 'Zarif called the move "reckless and dangerous" on Tuesday.')
    quote = only(analysis.quotes)
    assert quote.kind == "direct" and '"reckless and dangerous"' in quote.text
    assert quote.speaker_text == "Zarif" and quote.cue == "called"
    assert analysis.framing == []


def test_indirect_speech(pipeline):
    quote = only(analyze(pipeline, "The Russian foreign minister stressed that Moscow would respond.").quotes)
    assert quote.kind == "indirect" and quote.text == "Moscow would respond"
    assert quote.cue == "stressed" and quote.speaker_text == "The Russian foreign minister"


def test_according_to(pipeline):
    quote = only(analyze(pipeline, "According to the Iranian foreign ministry, the talks will resume in May.").quotes)
    assert quote.kind == "indirect" and quote.cue == "according to"
    assert quote.text.startswith("the talks will resume in May")
    assert quote.speaker_text == "the Iranian foreign ministry"


def test_scare_quotes_are_framing_signals(pipeline):
    analysis = analyze(pipeline, 'The so-called "peace plan" was rejected. Iran\'s "elections" were held in March.')
    assert analysis.quotes == []
    assert [(f.kind, f.text) for f in analysis.framing] == [("scare_quote", "peace plan"),
                                                            ("scare_quote", "elections")]


def test_channel_is_kept_apart_from_the_speaker(pipeline):
    text = "A defence ministry source told Interfax that the drills would continue."
    quote = only(analyze(pipeline, text).quotes)
    assert quote.speaker_text == "A defence ministry source"
    assert quote.channel is not None and quote.channel.name == "Interfax" and quote.channel.country == "RUS"
    assert quote.text == "the drills would continue"


def test_pronoun_and_epithet_speakers_resolve_to_the_actor(pipeline):
    text = ('Putin met Macron in Moscow. "We are ready," the Russian leader said. '
            '"This is a dangerous escalation," he added.')
    quotes = analyze(pipeline, text).quotes
    assert [q.speaker_text for q in quotes] == ["the Russian leader", "he"]
    assert {q.speaker.actor_id for q in quotes} == {"vladimir-putin"}


def test_conversation_layout_takes_the_previous_speaker(pipeline):
    text = '"We will talk," Erdogan said.\n\n"But we will not wait forever."\n\nThe meeting ended at noon.'
    quotes = analyze(pipeline, text).quotes
    assert [q.speaker_text for q in quotes] == ["Erdogan", "Erdogan"]


def test_attribution_in_the_next_sentence(pipeline):
    text = '"We have lost too many men in this war." Zelensky said this on Monday.'
    quote = only(analyze(pipeline, text).quotes, "direct")
    assert quote.speaker_text == "Zelensky"


def test_unresolved_speaker_keeps_its_text(pipeline):
    quote = only(analyze(pipeline, '"It is a fraud," said campaign manager Robby Mook.').quotes)
    assert quote.speaker_text == "campaign manager Robby Mook"


def test_quote_ids_count_title_first(pipeline):
    analysis = analyze(pipeline, '"We will respond," Khamenei said.', title='Khamenei says Iran "will respond"')
    assert [q.id for q in analysis.quotes] == ["t#q1", "t#q2"]
    assert [q.section for q in analysis.quotes] == ["title", "body"]


# -- real text --------------------------------------------------------------------------------------------------------


@pytest.mark.integration
def test_focus_corpus_quotes_have_speakers(shared, pipeline):
    path = shared / "corpora" / "focus" / "focus_russia_israel_iran_syria_soleimani.jsonl"
    records = {r["id"]: r for r in map(json.loads, path.read_text(encoding="utf-8").splitlines())}
    record = records["wikinews-4ad5512fe8af"]
    analysis = pipeline.analyze_text(record["text"], title=record["title"], published=record["date"],
                                     document_id=record["id"])
    direct = [q for q in analysis.quotes if q.kind == "direct"]
    assert len(direct) >= 3
    assert sum(q.speaker_text is not None for q in direct) >= 0.8 * len(direct)
    for quote in analysis.quotes:
        section_text = record["text"] if quote.section == "body" else record["title"]
        for start, end in quote_parts(quote, section_text):
            assert section_text[start:end] in quote.text
    speakers = {q.speaker.actor_id for q in analysis.quotes if q.speaker}
    assert speakers & {"ali-khamenei", "benjamin-netanyahu", "USA", "USA-MIL", "USA-GOV"}
