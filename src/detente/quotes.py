"""Quotes with their speakers, and scare quotes as framing signals.

`extract_quotes(doc, analysis, section)` finds what was said and by whom in one section of a document:

* quote marks are paired per paragraph (straight or curly, double or single); a paragraph that opens a quote without
  closing it continues into the next paragraph when that one opens with a quote mark;
* the text is cut into *units*: sentences whose boundaries are never inside quote marks, so a quote of several
  sentences and its attribution ("... ," he said) stay together;
* in each unit a cue verb (data/quotes/cues.yaml) with a subject is an attribution. Its content is the rest of the
  unit when the cue heads the sentence (or hangs off the quote: '"...," he said'), else the clause the cue governs.
  Content made only of quoted text is a *direct* quote of those quoted parts; content that mixes quoted words with the
  writer's words ('called the move "reckless"') is a *direct* quote of the whole reported content, so partial
  quotes keep their context; content without quote marks is *indirect* speech. "according to X" works the same way;
* a quote split around its attribution ('"A," he said, "B."'), and a quoted sentence that follows its attributed
  quote in the same paragraph ('"A," he said. "B."'), make ONE Quote: its text joins the quoted parts with " … " and
  start/end run from the first part to the last (`quote_parts` recovers the parts);
* a quoted sentence with no attribution of its own takes the speaker from, in order: an introducing line ending in a
  colon ("The minister wrote:" → kind *block*); a dash and a name after it ('"..." ― Carla Sanchez'); the previous
  sentence's attribution or named subject; a bare attribution right after it ('"..." Smith said this.'); the last
  direct quote of the previous paragraph (a conversation layout). A quote after a colon takes the subject of the
  clause before it ('The ministry justified the strike: "..."');
* block quotes without quote marks: the paragraphs after an introducing line ("Below is the full statement:"), a
  letter ("Dear Mr. President, ..." up to its closing line, signed by the name after it), and transcript turns
  ("Vladimir Putin: ..." up to the next speaker's line);
* a short quoted phrase with no speaker (or after "so-called") is a scare quote: a FramingSignal, not a Quote;
  quoted names ("Morning Joe") are neither.

The speaker is a span of the text (`speaker_text`); the actor is the mention at the span's head (or, for a pronoun,
the actors stage's coreference mention), else a mention inside the span; "I"/"we" inside a quote or statement take
its speaker's actor. A news outlet the speaker talked to ("told Interfax", "in an interview with CNN") is the quote's
`channel`: its mention, else an organisation actor made from the outlet list.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml
from spacy.tokens import Doc, Span, Token

from .actors import MentionIndex, actor_ref
from .model import Actor, ActorRef, DocumentAnalysis, FramingSignal, Quote

LEXICON_FILE = Path(__file__).parent / "data" / "quotes" / "cues.yaml"

DOUBLE_OPENERS = "“«„"
DOUBLE_CLOSERS = "”»"
STRAIGHT_DOUBLE = '"'
ALL_DOUBLE = DOUBLE_OPENERS + DOUBLE_CLOSERS + STRAIGHT_DOUBLE
OPEN_CONTEXT = " \t\n([{—–-/:;,"
TERMINAL = ".!?…"
PART_SEPARATOR = " … "
COMPLEMENT_DEPS = {"ccomp", "xcomp", "dobj", "oprd", "attr", "obj", "dative"}
CLAUSE_DEPS = {"ccomp"}
SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
RELATIVE_PRONOUNS = {"who", "which", "that"}
CONTENT_TRIM = {"that", "and", "but", ",", ":", ";", "—", "–", "-", "--"}
SPEAKER_POS = {"PROPN", "NOUN", "PRON", "NUM", "X"}
MAX_SPEAKER_TOKENS = 30
MAX_BLOCK_PARAGRAPHS = 30
MAX_TRANSCRIPT_PREFIX = 6
MAX_TITLE_WORDS = 6
DASHES = "―—–-"
FIRST_PERSON = {"i", "we", "me", "us"}


@dataclass(frozen=True)
class Lexicon:
    """The word lists of data/quotes/cues.yaml."""

    speech: frozenset[str]
    belief: frozenset[str]
    particles: dict[str, frozenset[str]]
    statement_nouns: frozenset[str]
    block_intros: tuple[str, ...]
    salutations: tuple[str, ...]
    closings: tuple[str, ...]
    channel_prepositions: frozenset[str]
    outlets: dict[str, str]
    scare_max_words: int
    scare_markers: frozenset[str]


@lru_cache(maxsize=1)
def load_lexicon(path: Path = LEXICON_FILE) -> Lexicon:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return Lexicon(
        speech=frozenset(data["speech_verbs"]),
        belief=frozenset(data["belief_verbs"]),
        particles={verb: frozenset(parts) for verb, parts in data["particle_verbs"].items()},
        statement_nouns=frozenset(data["statement_nouns"]),
        block_intros=tuple(data["block_intro_phrases"]),
        salutations=tuple(data["letter_salutations"]),
        closings=tuple(sorted(data["letter_closings"], key=len, reverse=True)),
        channel_prepositions=frozenset(data["channel_prepositions"]),
        outlets={name.lower(): country for name, country in data["outlets"].items()},
        scare_max_words=int(data["scare_quote_max_words"]),
        scare_markers=frozenset(data["scare_quote_markers"]),
    )


# ---------------------------------------------------------------------------------------------------------------------
# Quote marks


@dataclass
class Run:
    """Text between a pair of quote marks: `start`/`end` inside the marks, `outer_*` including them."""

    outer_start: int
    start: int
    end: int
    outer_end: int
    paragraph: int

    def inner(self, text: str) -> tuple[int, int]:
        """The quoted words without surrounding blanks."""
        start, end = self.start, self.end
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        return start, end

    def words(self, text: str) -> int:
        return len(re.findall(r"\w+", text[self.start:self.end]))

    def title_like(self, text: str) -> bool:
        """A name in quote marks ("Morning Joe", "Fox and Friends"): every longer word capitalised."""
        words = re.findall(r"[\w'’-]+", text[self.start:self.end])
        return 0 < len(words) <= MAX_TITLE_WORDS and all(w[:1].isupper() for w in words if len(w) > 3) \
            and any(len(w) > 3 for w in words)


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-blank line."""
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]*\S[^\n]*", text)]


def _first_visible(text: str, start: int, end: int) -> int:
    while start < end and text[start].isspace():
        start += 1
    return start


def _can_open(text: str, i: int, paragraph_start: int) -> bool:
    ch = text[i]
    if ch in DOUBLE_OPENERS or i == paragraph_start:
        return True
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if after.isspace():
        return False
    return before in OPEN_CONTEXT or ch == STRAIGHT_DOUBLE and not before.isalnum()


def _doubled_apostrophes_as_marks(text: str) -> str:
    """The text (same length) with '' written for a double quote mark turned into a mark and a blank."""
    def replace(m: re.Match) -> str:
        before = text[m.start() - 1] if m.start() > 0 else " "
        return '" ' if not before.isspace() and before not in "([" else ' "'

    return re.sub(r"(?<!')''(?!')", replace, text)


def _closer_ahead(scan: str, paras: list[tuple[int, int]], index: int) -> tuple[int, int] | None:
    """For a quote left open at the end of paragraph `index - 1` whose next paragraphs do not reopen it: the
    paragraph and position of a closing mark ending a later paragraph, when no other mark comes first."""
    for ahead in range(index, min(len(paras), index + MAX_BLOCK_PARAGRAPHS)):
        start, end = paras[ahead]
        marks = [i for i in range(start, end) if scan[i] in ALL_DOUBLE]
        if not marks:
            continue
        last = marks[0]
        at_end = not scan[last:end].strip(ALL_DOUBLE + " .,")
        if len(marks) == 1 and scan[last] in DOUBLE_CLOSERS + STRAIGHT_DOUBLE and at_end:
            return ahead, last
        return None
    return None


def find_runs(text: str) -> list[Run]:
    """Double-quoted runs, paired per paragraph and carried over paragraphs that reopen with a quote mark."""
    scan = _doubled_apostrophes_as_marks(text)
    paras = paragraphs(text)
    runs: list[Run] = []
    carried: int | None = None  # outer start of a run still open at the end of the previous paragraph
    carried_para = 0
    index = 0
    while index < len(paras):
        pstart, pend = paras[index]
        opened: int | None = None
        cursor = pstart
        if carried is not None:
            first = _first_visible(scan, pstart, pend)
            if first < pend and scan[first] in ALL_DOUBLE:
                opened, cursor = carried, first + 1
            else:
                ahead = _closer_ahead(scan, paras, index)
                if ahead is not None:
                    runs.append(Run(carried, carried + 1, ahead[1], ahead[1] + 1, carried_para))
                    carried, index = None, ahead[0] + 1
                    continue
                previous_end = paras[index - 1][1]
                runs.append(Run(carried, carried + 1, previous_end, previous_end, carried_para))
            carried = None
        para_of_open = carried_para if opened is not None else index
        segment = scan[pstart:pend]
        nest = segment.count("“") == segment.count("”") and segment.count("“") > 1
        depth = 0
        for i in range(cursor, pend):
            ch = scan[i]
            if ch not in ALL_DOUBLE:
                continue
            if opened is None:
                if _can_open(scan, i, pstart):
                    opened, para_of_open, depth = i, index, 0
                continue
            straight_run = scan[opened] == STRAIGHT_DOUBLE
            if straight_run != (ch == STRAIGHT_DOUBLE):
                continue  # the other kind of mark inside a run: a nested quote (or inches)
            after = scan[i + 1] if i + 1 < pend else " "
            if ch in DOUBLE_OPENERS and not (after.isspace() or after in ",.;:!?)"):
                if nest:
                    depth += 1
                else:
                    opened, para_of_open = i, index
            elif depth:
                depth -= 1
            else:
                runs.append(Run(opened, opened + 1, i, i + 1, para_of_open))
                opened = None
        if opened is not None:
            carried, carried_para = opened, para_of_open
        index += 1
    if carried is not None:
        runs.append(Run(carried, carried + 1, paras[-1][1], paras[-1][1], carried_para))
    runs = [r for r in runs if re.search(r"\w", text[r.start:r.end])]
    return sorted(runs + _single_runs(scan, runs, paras), key=lambda r: r.outer_start)


def _single_runs(text: str, double: list[Run], paras: list[tuple[int, int]]) -> list[Run]:
    """Single-quoted phrases ('peace plan', ‘crazy system’) outside double-quoted runs, within one line."""
    found = []
    pattern = re.compile(r"(?<![\w’'])([‘'])(?=\w)([^‘’'\n]{1,120}?)(?<=[\w.!?,])([’'])(?![\w’'])")
    for index, (pstart, pend) in enumerate(paras):
        for m in pattern.finditer(text, pstart, pend):
            if (m.group(1) == "'") != (m.group(3) == "'"):
                continue
            if any(r.outer_start <= m.start() < r.outer_end for r in double):
                continue
            found.append(Run(m.start(), m.start() + 1, m.end() - 1, m.end(), index))
    return found


# ---------------------------------------------------------------------------------------------------------------------
# Units: sentences whose boundaries never fall inside quote marks


@dataclass
class Unit:
    start: int  # token index
    end: int
    paragraph: int
    runs: list[int] = field(default_factory=list)


class Layout:
    """Token ↔ run ↔ paragraph bookkeeping for one spaCy Doc."""

    def __init__(self, doc: Doc, runs: list[Run]):
        self.doc = doc
        self.text = doc.text
        self.runs = runs
        self.paras = paragraphs(doc.text)
        self._para_starts = [p[0] for p in self.paras]
        starts = [r.outer_start for r in runs]
        self.run_of: list[int] = []
        for token in doc:
            k = bisect.bisect_right(starts, token.idx) - 1
            self.run_of.append(k if k >= 0 and token.idx < runs[k].outer_end else -1)
        self.titles = {n for n, run in enumerate(runs) if run.title_like(self.text)}
        self.units = self._units()
        self.unit_of = [0] * len(doc)
        for n, unit in enumerate(self.units):
            for i in range(unit.start, unit.end):
                self.unit_of[i] = n

    def paragraph_at(self, char: int) -> int:
        return max(bisect.bisect_right(self._para_starts, char) - 1, 0)

    def quoted(self, token: Token) -> bool:
        return self.run_of[token.i] >= 0

    def speech(self, token: Token) -> bool:
        """Quoted words that are speech, not a quoted name."""
        return self.run_of[token.i] >= 0 and self.run_of[token.i] not in self.titles

    def _run_ends_sentence(self, run: Run) -> bool:
        inner = self.text[run.start:run.end].rstrip()
        if not inner or inner[-1] not in TERMINAL:
            return False
        rest = self.text[run.outer_end:run.outer_end + 3].lstrip(" \t")
        return not rest or rest[0] == "\n" or rest[0].isupper() or rest[0] in DOUBLE_OPENERS + STRAIGHT_DOUBLE

    def _units(self) -> list[Unit]:
        units: list[Unit] = []
        doc = self.doc
        begin = 0

        def close(end: int) -> None:
            nonlocal begin
            tokens = [t for t in doc[begin:end] if not t.is_space]
            if tokens:
                unit = Unit(begin, end, self.paragraph_at(tokens[0].idx))
                unit.runs = sorted({self.run_of[t.i] for t in tokens if self.run_of[t.i] >= 0})
                units.append(unit)
            begin = end

        for token in doc:
            run = self.run_of[token.i]
            if run < 0:
                if token.is_space and "\n" in token.text:
                    close(token.i + 1)
                elif token.text in TERMINAL or token.text in ("...", "?!", "!?"):
                    close(token.i + 1)
            else:
                is_last = token.i + 1 >= len(doc) or self.run_of[token.i + 1] != run
                if is_last and self._run_ends_sentence(self.runs[run]):
                    following = token.i + 1
                    if following < len(doc) and doc[following].text in TERMINAL:
                        continue
                    close(token.i + 1)
        close(len(doc))
        return units


# ---------------------------------------------------------------------------------------------------------------------
# Attributions


@dataclass
class Attribution:
    """Something said: content parts (character spans), the cue and the speaker's tokens."""

    parts: list[tuple[int, int]]
    kind: str
    cue: str | None
    speaker: tuple[int, int, int] | None  # start char, end char, head char
    channel: tuple[int, int, str | None] | None = None  # start, end, outlet country from the lexicon
    runs: list[int] = field(default_factory=list)
    unit: int = -1
    takes_content: bool = True
    actor_span: tuple[int, int, int] | None = None  # where to look up the actor when not at the speaker's words


def _cue_text(cue: Token, lex: Lexicon) -> str | None:
    lemma = cue.lemma_.lower()
    if cue.pos_ not in ("VERB", "AUX") and not (cue.pos_ == "NOUN" and cue.dep_ == "ROOT" and lemma in lex.speech):
        return None
    if lemma in lex.particles:
        particle = [c for c in cue.children if c.dep_ == "prt" and c.lower_ in lex.particles[lemma]]
        return f"{cue.text} {particle[0].text}" if particle else None
    if lemma in lex.speech or lemma in lex.belief:
        return cue.text
    return None


def _subject(cue: Token) -> Token | None:
    """The speaker's head token for a cue: its subject, the subject of the verb a participle hangs from, or the
    antecedent of a relative pronoun."""
    current = cue
    for _ in range(3):
        subjects = [c for c in current.children if c.dep_ in ("nsubj", "csubj")]
        if subjects:
            subject = subjects[0]
            if subject.lower_ in RELATIVE_PRONOUNS and current.dep_ == "relcl":
                return current.head
            return subject
        agents = [g for c in current.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        if agents and current.tag_ == "VBN":
            return agents[0]
        if current.dep_ in ("advcl", "xcomp", "conj", "pcomp") and current.head.i != current.i:
            current = current.head
            continue
        return None
    return None


def _speaker_span(head: Token, layout: Layout, stop: Token | None) -> tuple[int, int, int] | None:
    """Character span of the noun phrase around a speaker head (appositions included), never quoted text."""
    if head.pos_ not in SPEAKER_POS or layout.quoted(head) or head.dep_ == "expl":
        return None
    if head.lower_ in ("this", "that", "there", "what") or head.lower_ == "it" and head.dep_ != "nsubj":
        return None
    tokens = [t for t in head.subtree if not layout.quoted(t)]
    if stop is not None:
        # an antecedent whose relative clause holds the cue: keep the words before the clause
        tokens = [t for t in tokens if t.i < stop.left_edge.i] or [head]
    tokens = sorted(tokens, key=lambda t: t.i)
    # keep the contiguous block around the head
    left = right = tokens.index(head)
    while left > 0 and tokens[left - 1].i == tokens[left].i - 1:
        left -= 1
    while right + 1 < len(tokens) and tokens[right + 1].i == tokens[right].i + 1:
        right += 1
    block = tokens[left:right + 1]
    if len(block) > MAX_SPEAKER_TOKENS:
        block = [t for t in block if abs(t.i - head.i) <= 6]
    while block and (block[0].is_punct or block[0].is_space):
        block = block[1:]
    while block and (block[-1].is_punct or block[-1].is_space):
        block = block[:-1]
    if not block:
        return None
    return block[0].idx, block[-1].idx + len(block[-1]), head.idx


def _is_main(cue: Token, layout: Layout, unit: Unit) -> bool:
    """Whether the cue frames its whole unit: a root, a parenthetical, or attached to quoted words."""
    if cue.dep_ == "parataxis":
        between = cue.doc[min(cue.i, cue.head.i):max(cue.i, cue.head.i)]
        return not any(t.text == ";" and not layout.quoted(t) for t in between)
    if cue.dep_ == "ROOT" or layout.quoted(cue.head):
        return True
    return not unit.start <= cue.head.i < unit.end


def _complements(cue: Token) -> list[Token]:
    children = [c for c in cue.children if c.dep_ in COMPLEMENT_DEPS]
    clauses = [c for c in children if c.dep_ in CLAUSE_DEPS or c.dep_ == "xcomp"]
    if any(c.dep_ in CLAUSE_DEPS for c in clauses):
        return clauses  # "told Interfax that ...": the object is the addressee
    return children


def _trim(tokens: list[Token]) -> list[Token]:
    while tokens and (tokens[0].is_punct and tokens[0].text not in ALL_DOUBLE + "‘'" or tokens[0].is_space
                      or tokens[0].lower_ in CONTENT_TRIM):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_space or tokens[-1].lower_ in CONTENT_TRIM or tokens[-1].text in "(["):
        tokens = tokens[:-1]
    return tokens


def _blocks(tokens: list[Token]) -> list[list[Token]]:
    """Consecutive token runs of a sorted token list."""
    blocks: list[list[Token]] = []
    for token in tokens:
        if blocks and token.i == blocks[-1][-1].i + 1:
            blocks[-1].append(token)
        else:
            blocks.append([token])
    return blocks


def _content_parts(content: list[Token], layout: Layout) -> tuple[list[tuple[int, int]], list[int], bool]:
    """Character spans of the content, the runs it touches, and whether it mixes quoted and unquoted words."""
    content = sorted({t.i: t for t in content}.values(), key=lambda t: t.i)
    runs = sorted({layout.run_of[t.i] for t in content if layout.speech(t)})
    unquoted_words = [t for t in content if not layout.speech(t) and not t.is_punct and not t.is_space]
    if runs and not unquoted_words:
        parts = [layout.runs[r].inner(layout.text) for r in runs]
        return [p for p in parts if p[1] > p[0]], runs, False
    parts = []
    for block in _blocks(content):
        block = _trim(block)
        if any(t.is_alpha or t.is_digit for t in block):
            start, end = block[0].idx, block[-1].idx + len(block[-1])
            while end > start and layout.text[end - 1] in ",;:—– ":
                end -= 1
            parts.append((start, end))
    return parts, runs, bool(runs)


def _according_to(unit: Unit, layout: Layout) -> list[tuple[Token, Token]]:
    """("according", object of "to") pairs in the unit."""
    doc = layout.doc
    found = []
    for token in doc[unit.start:unit.end]:
        if token.lower_ == "according" and token.i + 1 < unit.end and doc[token.i + 1].lower_ == "to":
            if layout.quoted(token):
                continue
            objects = [c for c in doc[token.i + 1].children if c.dep_ == "pobj"]
            if objects:
                found.append((token, objects[0]))
    return found


class Extractor:
    """Finds the attributions of one section."""

    def __init__(self, doc: Doc, lexicon: Lexicon, mentions: MentionIndex):
        self.doc = doc
        self.lex = lexicon
        self.mentions = mentions
        self.text = doc.text
        runs = find_runs(doc.text)
        self.scare_marked = {n for n, run in enumerate(runs) if self._after_scare_marker(run)}
        self.layout = Layout(doc, runs)
        self.attributions: list[Attribution] = []
        self.claimed_runs: set[int] = set()

    def _after_scare_marker(self, run: Run) -> bool:
        before = self.text[max(0, run.outer_start - 20):run.outer_start].lower().split()
        return bool(before) and before[-1] in self.lex.scare_markers

    # -- within a unit ------------------------------------------------------------------------------------------
    def _unit_attributions(self, n: int, unit: Unit) -> None:
        doc, layout = self.doc, self.layout
        cues = []
        for token in doc[unit.start:unit.end]:
            if layout.quoted(token):
                continue
            cue = _cue_text(token, self.lex)
            if cue is None:
                continue
            head = _subject(token)
            if head is None or not unit.start <= head.i < unit.end:
                continue
            stop = token if head.i == token.head.i and token.dep_ == "relcl" else None
            speaker = _speaker_span(head, layout, stop)
            if speaker is not None:
                cues.append((token, cue, speaker, head))
        cues.sort(key=lambda c: (not _is_main(c[0], layout, unit), c[0].i))
        taken: set[int] = set()
        for token, cue, speaker, head in cues:
            belief = token.lemma_.lower() in self.lex.belief and token.lemma_.lower() not in self.lex.speech
            core = self._core(token, speaker)
            if _is_main(token, layout, unit) and not belief:
                spoken = self._spoken_phrases(token, head)
                semicolons = [t.i for t in doc[unit.start:unit.end] if t.text == ";" and not layout.quoted(t)]
                content = [t for t in doc[unit.start:unit.end] if (t.i not in core or t.i in spoken)
                           and t.i not in taken and not t.is_space
                           and not any(min(t.i, token.i) < i < max(t.i, token.i) for i in semicolons)]
            else:
                content = [t for c in _complements(token) for t in c.subtree if not t.is_space]
                spoken = self._spoken_phrases(token, head)
                content += [t for t in doc[unit.start:unit.end] if t.i in spoken and t not in content]
                content += self._adjacent_run(token, unit)
            if belief and not any(c.dep_ == "ccomp" for c in token.children):
                continue
            touched = {layout.run_of[t.i] for t in content if layout.speech(t)}
            content += [t for t in doc[unit.start:unit.end] if layout.run_of[t.i] in touched and t not in content]
            parts, runs, mixed = _content_parts(content, layout)
            runs = [r for r in runs if r not in self.scare_marked or mixed]
            if not runs and not self._clause_like(token, content):
                if _is_main(token, layout, unit) and sum(t.is_alpha for t in content) <= 2:
                    self.attributions.append(Attribution([], "direct", cue, speaker, self._channel(token, core),
                                                         unit=n, takes_content=False))
                continue
            if runs and belief:
                continue
            if not parts:
                continue
            taken.update(t.i for t in content)
            self.claimed_runs.update(runs)
            kind = "direct" if runs else "indirect"
            self.attributions.append(Attribution(parts, kind, cue, speaker, self._channel(token, core), runs, n))
        for according, source in _according_to(unit, layout):
            speaker = _speaker_span(source, layout, None)
            if speaker is None:
                continue
            phrase = {t.i for t in according.subtree} | {according.i, according.i + 1}
            content = [t for t in doc[unit.start:unit.end] if t.i not in phrase and t.i not in taken and not t.is_space]
            parts, runs, _ = _content_parts(content, layout)
            if parts:
                taken.update(t.i for t in content)
                self.claimed_runs.update(runs)
                self.attributions.append(Attribution(parts, "direct" if runs else "indirect", "according to",
                                                     speaker, None, runs, n))

    def _spoken_phrases(self, cue: Token, subject: Token | None) -> set[int]:
        """Tokens of the cue's dependents (other than its subject) that hold quoted speech: '"A," he said, "B."',
        'blasted the media for being "dishonest"'. Quoted names ("Morning Joe") do not count."""
        layout = self.layout
        found: set[int] = set()
        for child in cue.children:
            if subject is not None and child.i == subject.i or child.dep_ in SUBJECT_DEPS:
                continue
            tokens = list(child.subtree)
            if any(layout.speech(t) for t in tokens):
                found.update(t.i for t in tokens)
        return found

    def _core(self, cue: Token, speaker: tuple[int, int, int]) -> set[int]:
        """Token indices of the attribution itself: cue, speaker and the cue's non-complement dependents."""
        complement = {t.i for c in _complements(cue) for t in c.subtree}
        core = {t.i for t in cue.subtree if t.i not in complement}
        # "admits X, cites Y": a coordinated cue is an attribution of its own, not content of this one
        core |= {t.i for c in cue.children if c.dep_ == "conj" and _cue_text(c, self.lex) for t in c.subtree}
        core |= {t.i for t in self.doc.char_span(speaker[0], speaker[1], alignment_mode="expand")}
        return core

    def _adjacent_run(self, cue: Token, unit: Unit) -> list[Token]:
        """Quoted words right after a cue ('said: "..."') that the parse did not attach to it."""
        doc, layout = self.doc, self.layout
        i = cue.i + 1
        while i < unit.end and not layout.quoted(doc[i]) and (doc[i].is_punct or doc[i].lower_ == "that"):
            i += 1
        if i < unit.end and layout.quoted(doc[i]):
            run = layout.run_of[i]
            return [t for t in doc[i:unit.end] if layout.run_of[t.i] == run]
        return []

    @staticmethod
    def _clause_like(cue: Token, content: list[Token]) -> bool:
        """Indirect speech needs a reported clause, not just an object ("called Putin")."""
        return any(c.dep_ == "ccomp" for c in cue.children) and sum(t.is_alpha for t in content) >= 3

    def _channel(self, cue: Token, core: set[int]) -> tuple[int, int, str | None] | None:
        """The outlet in the attribution: "told Interfax", "in an interview with CNN"."""
        doc = self.doc
        candidates = [t for t in cue.subtree if t.i in core and t.dep_ in ("dobj", "dative", "pobj")
                      and t.pos_ in ("PROPN", "NOUN") and not self.layout.quoted(t)]
        for token in candidates:
            if token.dep_ == "pobj" and token.head.lower_ not in self.lex.channel_prepositions:
                continue
            span = _noun_span(token)
            name = doc.text[span.start_char:span.end_char].lower()
            country = self.lex.outlets.get(name) or self.lex.outlets.get(re.sub(r"^the ", "", name))
            if country is not None:
                return span.start_char, span.end_char, country
            mention = self.mentions.at(span.start_char, span.end_char, head=token.idx)
            if mention is not None and mention.sector == "MED":
                return span.start_char, span.end_char, None
        return None

    # -- across units -------------------------------------------------------------------------------------------
    def run(self) -> tuple[list[Attribution], list[Run]]:
        layout = self.layout
        for n, unit in enumerate(layout.units):
            self._unit_attributions(n, unit)
        self._blocks_without_marks()
        by_unit: dict[int, list[Attribution]] = {}
        for attribution in self.attributions:
            by_unit.setdefault(attribution.unit, []).append(attribution)
        for n, unit in enumerate(layout.units):
            loose = [r for r in unit.runs if r not in self.claimed_runs and r not in self.scare_marked
                     and r not in layout.titles]
            if not loose:
                continue
            if not self._stands_alone(unit, loose):
                self._colon_introduced(n, unit, loose)
                continue
            parts = [layout.runs[r].inner(self.text) for r in loose]
            source, kind, merge = self._context_speaker(n, unit, loose, by_unit)
            if merge and source is not None:
                source.parts += parts
                source.runs += loose
                found = source
            else:
                found = Attribution(parts, kind, source.cue if source else None, source.speaker if source else None,
                                    source.channel if source else None, loose, n)
                self.attributions.append(found)
            by_unit.setdefault(n, []).append(found)
            self.claimed_runs.update(loose)
        attributions = [a for a in self.attributions if a.takes_content and a.parts]
        scare = [run for n, run in enumerate(layout.runs) if n not in self.claimed_runs
                 and (n in self.scare_marked or self._scare_like(run))]
        return sorted(attributions, key=lambda a: a.parts[0]), scare

    def _colon_introduced(self, n: int, unit: Unit, loose: list[int]) -> None:
        """'The ministry justified the strike: "..."': a quote after a colon takes the subject of the clause before
        it as speaker and that clause's verb as cue."""
        doc, layout = self.doc, self.layout
        for run in loose:
            tokens = [t for t in doc[unit.start:unit.end] if layout.run_of[t.i] == run]
            before = tokens[0].i - 1
            while before >= unit.start and doc[before].is_space:
                before -= 1
            if before < unit.start or doc[before].text != ":" or layout.quoted(doc[before]):
                continue
            trailing = [t for t in doc[tokens[-1].i + 1:unit.end] if not t.is_punct and not t.is_space]
            if trailing or layout.runs[run].words(self.text) <= 2:
                continue
            verbs = [t for t in doc[unit.start:before] if t.pos_ in ("VERB", "AUX") and not layout.quoted(t)
                     and any(c.dep_ == "nsubj" for c in t.children)]
            if not verbs:
                continue
            verb = next((t for t in verbs if t.dep_ == "ROOT"), verbs[-1])
            head = _subject(verb)
            speaker = _speaker_span(head, layout, None) if head is not None else None
            if speaker is None:
                continue
            self.attributions.append(Attribution([layout.runs[run].inner(self.text)], "direct", verb.text, speaker,
                                                 runs=[run], unit=n))
            self.claimed_runs.add(run)

    def _stands_alone(self, unit: Unit, loose: list[int]) -> bool:
        """Quoted text that forms the unit (a quoted sentence), rather than a phrase inside the writer's sentence."""
        layout = self.layout
        words = [t for t in self.doc[unit.start:unit.end] if not t.is_punct and not t.is_space]
        outside = [t for t in words if not layout.quoted(t)]
        inside = len(words) - len(outside)
        return inside > 0 and len(outside) <= 2 and max(layout.runs[r].words(self.text) for r in loose) > 2

    def _context_speaker(self, n: int, unit: Unit, loose: list[int],
                         by_unit: dict[int, list[Attribution]]) -> tuple[Attribution | None, str, bool]:
        """Who said a quoted sentence without attribution, its kind, and whether it continues that attribution.

        In order: a line ending in a colon before the paragraph (block); a dash and a name after it; the direct
        quote of the previous sentence in the paragraph (continued); a bare attribution right after it ("Smith
        said."); other speech or the subject of the previous sentence; the last direct quote of the previous
        paragraph."""
        units = self.layout.units
        first_in_paragraph = n == 0 or units[n - 1].paragraph != unit.paragraph
        if first_in_paragraph and n > 0:
            intro = self._intro(n - 1, by_unit)
            if intro is not None:
                return intro, "block", False
        signed = self._dash_signature(self.layout.runs[loose[-1]])
        if signed is not None:
            return signed, "direct", False
        said = [a for a in by_unit.get(n - 1, []) if a.speaker and a.takes_content and a.kind == "direct"]
        if said and not first_in_paragraph:
            return said[-1], "direct", True
        if n + 1 < len(units) and units[n + 1].paragraph <= unit.paragraph + 1:
            bare = [a for a in by_unit.get(n + 1, []) if not a.takes_content]
            if bare:
                return bare[0], "direct", False
        if not first_in_paragraph:
            said = [a for a in by_unit.get(n - 1, []) if a.speaker and a.takes_content]
            if said:
                return said[-1], "direct", False
            subject = self._sentence_subject(units[n - 1])
            if subject is not None:
                return subject, "direct", False
            return None, "direct", False
        for back in range(n - 1, -1, -1):
            if units[back].paragraph < unit.paragraph - 1:
                break
            said = [a for a in by_unit.get(back, []) if a.kind in ("direct", "block") and a.speaker]
            if said:
                return said[-1], "direct", False
        return None, "direct", False

    def _dash_signature(self, run: Run) -> Attribution | None:
        """'"..." ― Carla Sanchez': a name after a dash closing the quote's line."""
        line_end = self.text.find("\n", run.outer_end)
        rest = self.text[run.outer_end:line_end if line_end >= 0 else len(self.text)]
        name = r"([A-Z][\w.'’-]*(?:[ \xa0]+[A-Z][\w.'’-]*){0,4})"
        m = re.match(r"[\s\xa0]*[" + DASHES + r"][\s\xa0]*" + name + r"[.\s\xa0]*$", rest)
        if m is None:
            return None
        start = run.outer_end + m.start(1)
        return Attribution([], "direct", None, (start, run.outer_end + m.end(1), start), takes_content=False)

    def _sentence_subject(self, unit: Unit) -> Attribution | None:
        """The named subject of the writer's sentence before a quote ("Cummings called him a master. "...")."""
        roots = [t for t in self.doc[unit.start:unit.end] if t.dep_ == "ROOT" and not self.layout.quoted(t)]
        for root in roots:
            subjects = [c for c in root.children if c.dep_ == "nsubj"]
            if subjects and (subjects[0].pos_ == "PROPN" or subjects[0].lower_ in ("he", "she", "they", "we")):
                speaker = _speaker_span(subjects[0], self.layout, None)
                if speaker is not None:
                    return Attribution([], "direct", None, speaker, takes_content=False)
        return None

    def _intro(self, n: int, by_unit: dict[int, list[Attribution]]) -> Attribution | None:
        """The attribution of a line ending in a colon that introduces the next paragraph(s)."""
        unit = self.layout.units[n]
        tokens = [t for t in self.doc[unit.start:unit.end] if not t.is_space]
        if not tokens or tokens[-1].text != ":":
            return None
        bare = [a for a in by_unit.get(n, []) if not a.takes_content or not a.parts]
        if bare:
            return bare[0]
        said = by_unit.get(n, [])
        if said:
            return said[-1]
        return self._statement_source(tokens) or self._colon_speaker(tokens)

    def _statement_source(self, tokens: list[Token]) -> Attribution | None:
        """"Below is the full statement from the ministry:" → the ministry; a statement with no named source gives an
        attribution without speaker."""
        lowered = " ".join(t.lower_ for t in tokens)
        nouns = [t for t in tokens if t.lemma_.lower() in self.lex.statement_nouns and t.pos_ == "NOUN"]
        if not nouns and not any(p in lowered for p in self.lex.block_intros):
            return None
        for noun in nouns:
            owners = [c for c in noun.children if c.dep_ == "poss"]
            owners += [g for c in noun.children if c.dep_ == "prep" and c.lower_ in ("from", "by", "of")
                       for g in c.children if g.dep_ == "pobj"]
            for owner in owners:
                speaker = _speaker_span(owner, self.layout, None)
                if speaker is not None:
                    return Attribution([], "block", None, speaker, unit=-1, takes_content=False)
        return Attribution([], "block", None, None, unit=-1, takes_content=False)

    def _colon_speaker(self, tokens: list[Token]) -> Attribution | None:
        """A line that is only a name and a colon ("Pat Caddell:")."""
        words = tokens[:-1]
        if not words or len(words) > MAX_TRANSCRIPT_PREFIX or not any(t.pos_ == "PROPN" for t in words):
            return None
        if not all(t.pos_ in ("PROPN", "NOUN", "PUNCT", "ADP", "DET") for t in words):
            return None
        start, end = words[0].idx, words[-1].idx + len(words[-1])
        return Attribution([], "block", ":", (start, end, words[-1].idx), unit=-1, takes_content=False)

    # -- blocks without quote marks -----------------------------------------------------------------------------
    def _blocks_without_marks(self) -> None:
        """Paragraphs after an introducing colon line, letters, and "Name: text" transcript paragraphs."""
        layout, text = self.layout, self.text
        by_unit: dict[int, list[Attribution]] = {}
        for attribution in self.attributions:
            by_unit.setdefault(attribution.unit, []).append(attribution)
        first_unit: dict[int, int] = {}
        for n, unit in enumerate(layout.units):
            first_unit.setdefault(unit.paragraph, n)
        paras = layout.paras
        turns = [i for i in range(len(paras)) if self._transcript_prefix(i) is not None]
        index = 0
        while index < len(paras):
            start, end = paras[index]
            line = text[start:end].strip()
            if self._is_salutation(line):
                index = self._letter(index)
                continue
            if index in turns:
                # in a transcript (two speaker lines or more) a turn runs until the next speaker's line
                following = [i for i in turns if i > index]
                stop = (following[0] if following else len(paras)) if len(turns) > 1 else index + 1
                turn = self._transcript(index, stop, first_unit)
                self.attributions.append(turn)
                index += 1
                continue
            n = first_unit.get(index + 1)
            if line.endswith(":") and n is not None and not layout.units[n].runs:
                intro_unit = layout.unit_of[self.doc.char_span(end - 1, end, alignment_mode="expand").start]
                intro = self._intro(intro_unit, by_unit)
                if intro is not None and (intro.speaker is not None or intro.kind == "block"):
                    index = self._block(index + 1, intro)
                    continue
            index += 1

    def _paragraph_has_attribution(self, index: int) -> bool:
        units = [n for n, u in enumerate(self.layout.units) if u.paragraph == index]
        return any(a.unit in units and a.speaker is not None and a.kind != "block" for a in self.attributions)

    def _block(self, index: int, intro: Attribution) -> int:
        """Paragraphs from `index` up to the next one that reports speech, opens a quote, or a letter ends."""
        paras, text = self.layout.paras, self.text
        last = index
        while last < len(paras) and last - index < MAX_BLOCK_PARAGRAPHS:
            line = text[paras[last][0]:paras[last][1]].strip()
            if last > index and (line[:1] in ALL_DOUBLE or self._paragraph_has_attribution(last)):
                break
            if line.endswith(":") and last > index:
                break
            last += 1
        if last == index:
            return index + 1
        self._add_block(index, last, intro)
        return last

    def _add_block(self, first: int, stop: int, intro: Attribution) -> None:
        paras = self.layout.paras
        parts = [(paras[first][0], paras[stop - 1][1])]
        start_token = self.doc.char_span(parts[0][0], parts[0][0] + 1, alignment_mode="expand")
        unit = self.layout.unit_of[start_token.start] if start_token is not None else -1
        # drop what the units inside the block claimed: the block is one quote
        self.attributions = [a for a in self.attributions
                             if not (a.parts and parts[0][0] <= a.parts[0][0] < parts[0][1])]
        self.attributions.append(Attribution(parts, "block", intro.cue, intro.speaker, intro.channel, unit=unit))
        runs = self.layout.runs
        self.claimed_runs.update(n for n, r in enumerate(runs) if parts[0][0] <= r.outer_start < parts[0][1])

    def _is_salutation(self, line: str) -> bool:
        words = line.split(maxsplit=1)
        return bool(words) and words[0].lower() in self.lex.salutations and len(words) > 1 and words[1][:1].isupper()

    def _closing(self, line: str) -> bool:
        lowered = line.lower().rstrip(",. ")
        return any(lowered == c or lowered.startswith(c + ",") for c in self.lex.closings)

    def _letter(self, index: int) -> int:
        """A letter from its salutation to its closing line; the signer (the line after the closing) is the speaker,
        else the writer named in the line before the letter."""
        paras, text = self.layout.paras, self.text
        stop = index
        while stop < len(paras) and not self._closing(text[paras[stop][0]:paras[stop][1]].strip()):
            stop += 1
        speaker = None
        if stop < len(paras):
            closing_line = text[paras[stop][0]:paras[stop][1]]
            signer = re.sub(r"^[^,]*,\s*", "", closing_line.strip()) if "," in closing_line.strip()[:-1] else ""
            if signer:
                offset = paras[stop][0] + closing_line.index(signer)
                speaker = (offset, offset + len(signer), offset)
            elif stop + 1 < len(paras):
                s, e = paras[stop + 1]
                speaker = (s, e, s)
            end_para = stop + 1
        else:
            stop = end_para = min(len(paras), index + MAX_BLOCK_PARAGRAPHS)
        if speaker is None and index > 0:
            previous = [a for a in self.attributions if a.speaker and a.parts == []
                        or a.speaker and a.parts and paras[index - 1][0] <= a.parts[0][0] < paras[index - 1][1]]
            intro = self._previous_line_writer(index)
            speaker = intro or (previous[-1].speaker if previous else None)
        self._add_block(index, max(stop, index + 1), Attribution([], "block", None, speaker))
        return end_para

    def _previous_line_writer(self, index: int) -> tuple[int, int, int] | None:
        """"The minister wrote:" before a letter: the subject of a cue in the previous paragraph."""
        start, end = self.layout.paras[index - 1]
        for attribution in self.attributions:
            if attribution.speaker and start <= attribution.speaker[0] < end:
                return attribution.speaker
        return None

    def _transcript_prefix(self, index: int) -> tuple[Span, int] | None:
        """For a paragraph "Vladimir Putin: Thank you ...": the name before the colon and where the words start."""
        start, end = self.layout.paras[index]
        line = self.text[start:end]
        colon = line.find(":")
        if colon <= 0 or colon > 60 or colon + 1 >= len(line.rstrip()):
            return None
        span = self.doc.char_span(start, start + colon, alignment_mode="contract")
        if span is None or not 0 < len(span) <= MAX_TRANSCRIPT_PREFIX:
            return None
        if not any(t.pos_ == "PROPN" for t in span) or any(t.pos_ in ("VERB", "AUX") for t in span):
            return None
        if not all(t.text[:1].isupper() or t.is_punct or t.lower_ in ("of", "the", "and") for t in span):
            return None
        return span, _first_visible(self.text, start + colon + 1, end)

    def _transcript(self, index: int, stop: int, first_unit: dict[int, int]) -> Attribution:
        """The turn of a transcript speaker: the words after the name, up to paragraph `stop`; speech reported
        within later paragraphs of the turn stays as attributions of its own."""
        span, body_start = self._transcript_prefix(index)
        start, end = self.layout.paras[index]
        self.attributions = [a for a in self.attributions if not (a.parts and start <= a.parts[0][0] < end)]
        self.claimed_runs.update(n for n, r in enumerate(self.layout.runs) if start <= r.outer_start < end)
        return Attribution([(body_start, self.layout.paras[stop - 1][1])], "block", None,
                           (span.start_char, span.end_char, span.root.idx), unit=first_unit.get(index, -1))

    # -- scare quotes -------------------------------------------------------------------------------------------
    def _scare_like(self, run: Run) -> bool:
        """A short quoted phrase inside the writer's sentence that is not a title (Title Case) or a name."""
        words = re.findall(r"[\w'’-]+", self.text[run.start:run.end])
        if not words or len(words) > self.lex.scare_max_words:
            return False
        if len(words) > 1 and all(w[:1].isupper() for w in words):
            return False
        before = self.text[max(0, run.outer_start - 2):run.outer_start].strip()
        return not before.endswith(":")


def _noun_span(token: Token) -> Span:
    """A noun with its compounds and determiners (not its clauses): "the New York Times", "Interfax"."""
    left = token
    while left.i > 0 and token.doc[left.i - 1].head.i == token.i and token.doc[left.i - 1].dep_ in (
            "compound", "det", "amod", "poss", "case"):
        left = token.doc[left.i - 1]
    for child in token.lefts:
        if child.dep_ in ("compound", "det") and child.i < left.i:
            left = child
    return token.doc[left.i:token.i + 1]


# ---------------------------------------------------------------------------------------------------------------------
# The stage


def extract_quotes(doc: Doc, analysis: DocumentAnalysis, section: str) -> tuple[list[Quote], list[FramingSignal]]:
    """Quotes (direct, indirect, block) with speakers, and scare quotes, in one section of a document."""
    lexicon = load_lexicon()
    mentions = MentionIndex(m for m in analysis.mentions if m.section == section)
    attributions, scare = Extractor(doc, lexicon, mentions).run()
    document_id = analysis.document.id
    text = doc.text
    _first_person_to_outer_speaker(attributions, text)
    quotes = []
    number = len(analysis.quotes)
    for attribution in attributions:
        number += 1
        parts = attribution.parts
        speaker_text = text[attribution.speaker[0]:attribution.speaker[1]] if attribution.speaker else None
        quotes.append(Quote(
            id=f"{document_id}#q{number}",
            document_id=document_id,
            text=PART_SEPARATOR.join(text[s:e] for s, e in parts),
            start=parts[0][0],
            end=parts[-1][1],
            kind=attribution.kind,  # type: ignore[arg-type]
            cue=attribution.cue,
            speaker=_speaker_ref(attribution.actor_span or attribution.speaker, mentions, analysis),
            speaker_text=speaker_text,
            channel=_channel_ref(attribution.channel, text, mentions, analysis),
            section=section,
        ))
    signals = [_scare_signal(run, text, document_id, section, mentions) for run in scare]
    return quotes, signals


def _first_person_to_outer_speaker(attributions: list[Attribution], text: str) -> None:
    """'I think ...' inside a quote or statement by Putin: the speaker's words stay "I", the actor is Putin."""
    outer = [a for a in attributions if a.speaker and a.kind in ("block", "direct")
             and text[a.speaker[0]:a.speaker[1]].lower() not in FIRST_PERSON]
    for attribution in attributions:
        if attribution.speaker is None:
            continue
        if text[attribution.speaker[0]:attribution.speaker[1]].lower() not in FIRST_PERSON:
            continue
        position = attribution.speaker[0]
        holders = [a for a in outer if a is not attribution and a.parts[0][0] <= position < a.parts[-1][1]]
        if holders:
            attribution.actor_span = holders[-1].speaker


def _speaker_ref(speaker: tuple[int, int, int] | None, mentions: MentionIndex,
                 analysis: DocumentAnalysis) -> ActorRef | None:
    if speaker is None:
        return None
    start, end, head = speaker
    mention = mentions.at(start, end, head=head)
    return actor_ref(mention, analysis) if mention is not None else None


def _channel_ref(channel: tuple[int, int, str | None] | None, text: str, mentions: MentionIndex,
                 analysis: DocumentAnalysis) -> ActorRef | None:
    """The outlet as an actor: its mention, else an organisation made from the outlet list."""
    if channel is None:
        return None
    start, end, country = channel
    mention = mentions.at(start, end)
    if mention is not None:
        return actor_ref(mention, analysis)
    name = re.sub(r"^the\s+", "", text[start:end], flags=re.IGNORECASE)
    actor_id = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    actor = analysis.actors.setdefault(actor_id, Actor(actor_id, name, country, "MED", "organization"))
    return ActorRef(actor.id, actor.name, actor.country, actor.sector)


def _scare_signal(run: Run, text: str, document_id: str, section: str, mentions: MentionIndex) -> FramingSignal:
    start, end = run.inner(text)
    inside = mentions.within(start, end)
    return FramingSignal(document_id, "scare_quote", text[start:end], start, end,
                         inside[0].actor_id if inside else None, section=section)


def quote_parts(quote: Quote, text: str) -> list[tuple[int, int]]:
    """Character spans of a quote's parts in its section's text (one span unless the quote was split)."""
    parts, cursor = [], quote.start
    for piece in quote.text.split(PART_SEPARATOR):
        found = text.find(piece, cursor, quote.end + 1)
        if found < 0:
            return [(quote.start, quote.end)]
        parts.append((found, found + len(piece)))
        cursor = found + len(piece)
    return parts
