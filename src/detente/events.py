"""Event coder over the dependency parse: who did what to whom, in PLOVER and CAMEO, with truth conditions and dates.

Per sentence the coder (1) finds triggers: verbs matched against the verb patterns of `data/events/triggers.yaml`
(lemma plus particle, preposition and object words found around the verb) and event nouns ("a US strike on",
"talks with"); (2) resolves the governing structure: verbs that control another event ("agreed to withdraw",
"threatened to impose sanctions", "refused to recognise", "called on X to ...", "denied that ...") recode, absorb or
negate it; (3) takes source and target from subjects, objects, passives' agents, prepositional phrases and noun
modifiers, expanding coordinated actors into one event each and reciprocal codes into both directions (also when
announced for the future: "X and Y will meet"); a light verb's subject acts for the noun it carries ("mounted its
invasion"), and a conflict event or threat that names no recipient takes the located actor of a phrase inside its
object ("ban voting in East Jerusalem"); an event the syntax gives no recipient takes the nearest actor of another
country named inside the verb's own phrase ("rejected proposed Israeli changes", "threatened to stop talks if the
United States ..."), never inside reported speech, relative clauses or another material event; commitments and threats
count without a recipient; protesters named without a country protest where their clause places them; (4) sets
`negated`, `modality` and `reported_by` from negation, modal auxiliaries, conditionals, controlling verbs, reporting
verbs and the quotes stage; (5) dates each event from its clause (else its sentence) and merges repeated statements
of the same event into one event with further evidence.

Actors come only from `analysis.mentions` (the actors stage): an argument phrase is an actor when a mention covers it,
else when a modifier names one ("Ugandan opposition candidates"); a sector without a country ("officials") takes the
country named in its noun phrase ("Taiwan's Vice Foreign Minister") and otherwise stays without one; a pronoun subject
of reported speech with no resolved antecedent is the speaker ("Switzerland said it had expelled ..."). A protest or
concession that names no recipient is directed at the source's own state (the PLOVER convention for domestic events).
Coercion and violence (CAMEO roots 17-20) stated as a fact against a located actor whose doer the sentence does not
name (a passive without agent, "killed in a suicide bombing", "a roadside bombing killed ...", "soldiers killed in
Ukraine") have the source `UNKNOWN`: actor id "---", as CAMEO codes an unknown actor (and as the actors stage names
sectors without a country "---GOV"), registered in `analysis.actors`; when a locative phrase of the clause places the
violence in a country ("near the town of Samarra", "in Ukraine") the doer is that country's unidentified armed forces
(sector UAF), and a country-less sector ("militants") acts in that country; a country-less sector as target ("arrested
protesters in Cairo") is of the country the clause places the event in. A violent verb done by means of a violent
event noun takes the noun's code ("blown up by a missile" is military force), and the noun is no second event.

Truth conditions: a threat or commitment is asserted whatever its condition ("threatened to ... unless"); a clause
announcing an action under a condition ("will withdraw unless ...") is a future (a conditional promise or threat); the
if-clause itself, and a conditioned clause that announces nothing ("it would end the war"), are hypothetical.
"X said Y must / should do Z" is a demand / an appeal of X to Y. An announced refusal of cooperation ("will not accept
refugees") is a REJECT; failing to reach an agreement or to hold talks is a REJECT of each party; wishing that another
named party act ("X wants Y to attack Z") is an appeal of X to Y. A governing verb reaches an event noun through its
light verb ("hopes to sign a deal" is intended, "failed to reach agreement" a failure), and nouns govern their
infinitives as their verbs do ("the government's refusal to accept" negates the acceptance); a stated willingness
("is willing to withdraw") is a commitment. Denying involvement in an event ("denied any involvement in the attack",
"denied it was behind the strike") is a denial whose content is that event, done by the denier and negated. Speech is
marked by reporting verbs, speech nouns ("said in a statement that ...") and "according to X"; `reported_by` is the
speaker.

Dates: `date` is the date the sentence gives for the event, resolved against the publication date, with its precision
(day | month | year). When the sentence gives none, `date` is the publication date with `date_precision` "none" (the
text does not date the event; the publication date is only its latest possible day), so that undated reports of one
day can still be linked across documents; without a publication date it is null. The run date is never used.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import dataclass, field, fields, replace
from functools import cache
from pathlib import Path
from typing import Iterable, Iterator

import yaml
from spacy.tokens import Doc, Span, Token

from .actors import ActorRegistry, MentionIndex, actor_ref, registry_for
from .dates import find_dates
from .model import Actor, ActorRef, DocumentAnalysis, Event, Evidence, Mention

DATA = Path(__file__).parent / "data" / "events"
PREPOSITIONS = {
    "with", "on", "upon", "against", "to", "into", "for", "from", "at", "in", "of", "by", "over", "off", "out", "up",
    "down", "back", "away", "aside", "about", "through", "toward", "towards", "under", "behind", "after", "onto",
    "between", "among", "as", "before", "across", "around", "along", "within", "without", "together", "apart",
}
# dependency labels that stay inside a verb's own phrase when matching pattern words
LOCAL_DEPS = {"prt", "prep", "pobj", "pcomp", "dobj", "attr", "acomp", "oprd", "nsubjpass", "dative", "compound",
              "amod", "advmod", "npadvmod", "agent", "nmod", "xcomp", "conj", "appos"}
TARGET_PREPS = ("against", "on", "upon", "to", "into", "toward", "towards", "at", "with", "over", "for", "from")
NOUN_TARGET_PREPS = ("against", "on", "upon", "to", "into", "toward", "towards", "at", "with", "for", "over", "in")
SUBJECT_DEPS = {"nsubj", "csubj"}
OBJECT_DEPS = {"dobj", "dative", "attr", "oprd"}
FUTURE_AUX = {"will", "shall", "'ll", "wo"}
HYPOTHETICAL_AUX = {"could", "might", "may", "should", "must", "can", "ought"}
CONDITIONAL_MARKS = {"if", "unless", "whether", "lest"}
COOPERATIVE_ROOTS = {"03", "04", "05", "06", "07", "08"}
CONFLICT_ROOTS = {"14", "15", "16", "17", "18", "19", "20"}
ACCUSABLE_ROOTS = {"10", "11", "12", "13", "14", "15", "16", "17", "18", "19", "20"}  # what a claim can charge
REACTION_ROOTS = {"01", "05", "11", "12"}
MATERIAL_ROOTS = {"06", "07", "08", "14", "15", "16", "17", "18", "19", "20"}
RELATIVE_PRONOUNS = {"which", "who", "whom", "that"}
SPEAKER_PRONOUNS = {"it", "they", "he", "she", "we"}
NOT_NEGATING = {"just", "only", "merely", "simply"}  # "has not just supported": more than that
# investigations, coercion and violence are coded even when the doer is not named; placed in a country, the doer is
# its authorities (an investigation, a restriction, curfew or state of emergency) or its unidentified armed forces
AGENTLESS_ROOTS = {"09", "17", "18", "19", "20"}
AUTHORITY_CODES = ("09", "172")
VIOLENT_ROOTS = {"18", "19", "20"}
HARMFUL_ROOTS = {"15", "16", "17", "18", "19", "20"}
VISIT_FRAMES = {"during", "on"}  # "held talks during a visit to Beirut": the clause's subject is the visitor
OBJECT_CONTROL = {"for", "of", "from", "over"}  # "criticized X for attacking": the object X attacked
# the doer of an event the text does not name (CAMEO's "---"; country-less sectors are "---GOV", "---MIL", ...)
UNKNOWN_ACTOR = Actor("---", "unknown actor", None, None, "group")
UNKNOWN = ActorRef(UNKNOWN_ACTOR.id, UNKNOWN_ACTOR.name, None, None)
UNIDENTIFIED_FORCES = "UAF"  # CAMEO's sector for armed forces the text does not identify
AERIAL_ATTACK = "195"  # CAMEO: employ aerial weapons
DESTRUCTION = "1712"  # CAMEO: destroy property; done by aircraft, an aerial attack
ARTICLES = {"the", "a", "an"}  # written in lexicon phrases for reading, never matched (determiners are no pattern)
LOCATIVE_PREPS = {"in", "near", "at", "outside", "inside", "around", "across", "throughout", "off", "within"}


@dataclass(frozen=True)
class Code:
    """One CAMEO code with its PLOVER translation."""

    code: str
    root: str
    name: str
    goldstein: float
    quad_class: str
    plover: str
    mode: str | None


@dataclass(frozen=True)
class Pattern:
    """A trigger: a head word plus the words that must appear around it."""

    head: str
    words: tuple[str, ...]
    code: str | None


@dataclass
class Lexicon:
    """The trigger lexicon and code tables of `data/events`."""

    codes: dict[str, Code]
    verbs: dict[str, list[Pattern]]
    nouns: dict[str, list[Pattern]]
    light_verbs: set[str]
    control: dict[str, str]
    control_nouns: dict[str, str]
    reporting: set[str]
    speech_nouns: set[str]
    desire: set[str]
    denial_objects: set[str]
    recode: dict[str, dict[str, str]]
    reciprocal: set[str]
    of_is_source: set[str]
    participation_nouns: set[str]
    own_forces_codes: tuple[str, ...]
    withdrawing_verbs: set[str]  # "withdrew its monitors": the object is the source's own
    handing_codes: tuple[str, ...]  # "extradited a suspect to the US": the "to" party is the recipient, not the object
    culpability_words: set[str]
    nominal_need_two: set[str]
    nominal_blockers: set[str]
    recipient_required: set[str]
    alone: dict[str, str]  # reciprocal code -> the code of the same act done with no partner
    bare_need_target: set[str]
    domestic_default: set[str]
    background_marks: set[str]
    background_prepositions: set[str]
    prospective: set[str]
    stance_participles: set[str]
    quantity_nouns: set[str]
    from_is_target: set[str]
    topic_verbs: set[str]
    name_suffixes: set[str]
    owned_proposals: set[str]
    unhesitating: set[str]  # refusal verbs that commit when negated ("would not hesitate to")
    civil_recode: dict[str, str]  # code -> its code when civilians, protesters or workers do it
    civil_sectors: set[str]
    wanted_participles: set[str]  # "men sought in the slaying": a participle that names suspects, no event
    forces_visiting: set[str]  # visit codes that, made by forces, are their deployment ("troops arrived in Syria")
    naming_verbs: set[str]  # "what he called a new chapter": a verb that names its object, no act
    welcoming: dict  # {verbs, code}: welcoming a person is hosting them ("welcomed President Kim at the palace")
    warning: dict  # {verbs, code}: a warning of no act and to no one is a comment ("warned that famine was imminent")
    mediating: set[str]  # "a Russian-brokered ceasefire": participles whose modifier names a mediator, no party
    aircraft: set[str]  # "warplanes bombed ...": force used by these is an aerial attack
    completing: set[str]  # verbs of ending that, said of a visit or meeting, complete it ("ended a visit")
    completed_codes: set[str]  # the codes (3 digits) of visits and meetings
    receiving_verbs: set[str]  # "received a call from X": the subject is the recipient of the noun's event
    received_goods: dict[str, str]  # "received weapons from X": goods whose giving is aid of this code
    sent_goods: dict[str, str]  # "sent doctors to Venezuela": what, sent, is aid of this code
    sending_verbs: set[str]  # verbs that send or hand over what they move
    weapons: dict[str, str]  # "poison gas", "weapon of mass destruction": weapons whose use is violence of this code
    weapon_verbs: set[str]  # verbs whose object weapon is used ("unleashed weapons of mass destruction")
    hosting_verbs: set[str]  # "accepted the deployment of UN peacekeepers": letting foreign forces in (0861)
    holder_codes: set[str]  # appeals and demands for a release, addressed to whoever holds the people
    protest_aims: dict[str, str]  # demand code -> the last digit of a protest for it (1041 -> 141 + "1")
    resisting: set[str]  # refusal verbs that, said of violence, are fighting back ("resisted the offensive")
    joining_phrases: list[tuple[str, ...]]  # "take part in": the subject does the event its object names
    expelling_orders: set[str]  # "ordered X to leave": verbs whose order to a foreign party to withdraw expels it
    commanding_verbs: set[str]  # "ordered its troops to withdraw": orders through which a state acts itself
    deploying_verbs: set[str]  # "sent paratroopers into Lithuania": moving forces is deploying them
    deployment_codes: dict[str, str]  # the deployment's code by the sector of the forces moved
    hardware: set[str]  # what is sent, not who: "sent air defence batteries to Kyiv" is aid, not a deployment
    commanded_sectors: set[str]  # the sectors of its forces that it acts through
    commanded_acts: tuple[str, ...]  # codes of acts whose order is the act ("ordered the expulsion of")
    departing_verbs: set[str]  # "left Georgia": a withdrawal only when a state or its forces leave
    departing_codes: set[str]  # the codes of those verbs that need such a mover
    departing_sectors: set[str]  # the forces whose leaving is a withdrawal
    by_recipient: list[tuple[dict[str, str], set[str]]]  # (code -> its code, for recipients of these sectors)
    hyphenated: set[str]  # words of the lexicon written with a hyphen ("sit-in", "test-fire")
    answering_verbs: set[str]  # verbs whose object is often a request the parser misreads as a clause's verb
    request_nouns: set[str]  # the requests so misread ("rejected European Union calls for reform")

    def code(self, code: str) -> Code:
        return self.codes[code]

    def control_kind(self, verb: Token) -> str | None:
        """What a verb does to the event it governs; also tried on the bare form, since the tagger's lemma of a
        third-person form is sometimes wrong ("hopes" -> "hop")."""
        if verb.pos_ == "NOUN":
            return self.control_nouns.get(_lemma(verb))  # "the refusal to accept"
        kind = self.control.get(_lemma(verb))
        if kind is None and verb.tag_ == "VBZ" and verb.lower_.endswith("s"):
            kind = self.control.get(verb.lower_[:-1])
        if kind is None and verb.dep_ == "acomp" and _lemma(verb.head) == "be":
            kind = self.control.get(f"be {_lemma(verb)}")  # "is willing to withdraw"
        return kind

    def recoded(self, table: str, code: str, default: str | None = None) -> str | None:
        """The code that `table` (intent, threat, refuse, appeal, demand, cease, fail) gives `code`, by longest
        prefix."""
        mapping = self.recode[table]
        for length in range(len(code), -1, -1):
            if code[:length] in mapping:
                return mapping[code[:length]]
        return default


def _patterns(entries: dict, noun: bool) -> dict[str, list[Pattern]]:
    table: dict[str, list[Pattern]] = defaultdict(list)
    seen: set[tuple[str, ...]] = set()
    for code, texts in entries.items():
        for text in texts:
            words = [w for w in str(text).lower().split() if w not in ARTICLES]  # "lifting of the ban"
            if tuple(words) in seen:
                continue
            seen.add(tuple(words))
            if noun:
                cut = next((i for i, w in enumerate(words) if w in PREPOSITIONS and i > 0), len(words))
                head = words[cut - 1]
                rest = words[:cut - 1] + words[cut:]
            else:
                head, rest = words[0], words[1:]
            table[head].append(Pattern(head, tuple(rest), None if code is None else str(code)))
    for patterns in table.values():  # longest first; at equal length an object word beats a preposition
        patterns.sort(key=lambda p: (-len(p.words), sum(w in PREPOSITIONS for w in p.words)))
    return dict(table)


# Word sets of the lexicon read from a key inside a section of triggers.yaml; every other set[str] field of `Lexicon`
# is read from the top-level key of its own name.
NESTED_WORD_SETS = {"background_marks": ("background", "marks"),
                    "background_prepositions": ("background", "prepositions"),
                    "commanding_verbs": ("commanding", "verbs"), "commanded_sectors": ("commanding", "sectors"),
                    "deploying_verbs": ("deploying", "verbs"), "hardware": ("deploying", "hardware"),
                    "civil_sectors": ("civil", "sectors"), "completing": ("completing", "verbs"),
                    "completed_codes": ("completing", "codes"), "departing_verbs": ("departing", "verbs"),
                    "departing_codes": ("departing", "codes"), "departing_sectors": ("departing", "sectors"),
                    "answering_verbs": ("answered_requests", "verbs"),
                    "request_nouns": ("answered_requests", "nouns"), "sending_verbs": ("sending", "verbs"),
                    "weapon_verbs": ("weapons", "verbs")}


@cache
def load_lexicon() -> Lexicon:
    """The lexicon (read once per process)."""
    codes = {}
    with open(DATA / "cameo.tsv", encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            codes[row["code"]] = Code(row["code"], row["root"], row["name"], float(row["goldstein"]),
                                      row["quad_class"], row["plover"], row["mode"] or None)
    data = yaml.safe_load((DATA / "triggers.yaml").read_text(encoding="utf-8"))
    verbs = {None if k in (None, "null") else str(k): v for k, v in data["verbs"].items()}
    control = {}
    for kind, lemmas in data["control"].items():
        for lemma in lemmas:
            control.setdefault(lemma, kind)
    control_nouns = {noun: kind for kind, nouns in data["control_nouns"].items() for noun in nouns}
    word_sets = {f.name: set(data[f.name]) for f in fields(Lexicon)
                 if f.type == "set[str]" and isinstance(data.get(f.name), list)}
    word_sets |= {name: set(data[outer][inner]) for name, (outer, inner) in NESTED_WORD_SETS.items()}
    return Lexicon(
        **word_sets,
        codes=codes,
        verbs=_patterns(verbs, noun=False),
        nouns=_patterns({str(k): v for k, v in data["nouns"].items()}, noun=True),
        control=control,
        control_nouns=control_nouns,
        recode={name: {str(k): str(v) for k, v in data[name].items()}
                for name in ("intent", "threat", "refuse", "appeal", "demand", "cease", "fail")},
        own_forces_codes=tuple(str(c) for c in data["own_forces_codes"]),
        commanded_acts=tuple(str(c) for c in data["commanding"]["acts"]),
        handing_codes=tuple(str(c) for c in data["handing_codes"]),
        alone={str(k): str(v) for k, v in data["alone"].items()},
        received_goods={str(k): str(v) for k, v in data["received_goods"].items()},
        sent_goods={str(k): str(v) for k, v in data["sending"]["goods"].items()},
        weapons={str(k): str(v) for k, v in data["weapons"]["codes"].items()},
        protest_aims={str(k): str(v) for k, v in data["protest_aims"].items()},
        welcoming={"verbs": set(data["welcoming"]["verbs"]), "code": str(data["welcoming"]["code"])},
        warning={"verbs": set(data["warning"]["verbs"]), "code": str(data["warning"]["code"])},
        deployment_codes={str(k): str(v) for k, v in data["deploying"]["codes"].items()},
        civil_recode={str(k): str(v) for k, v in data["civil"]["recode"].items()},
        joining_phrases=[tuple(str(p).lower().split()) for p in data["joining_phrases"]],
        by_recipient=[({str(k): str(v) for k, v in rule["recode"].items()}, set(rule["sectors"]))
                      for rule in data["by_recipient"]],
        hyphenated={word for table in (data["verbs"], data["nouns"]) for texts in table.values() for text in texts
                    for word in str(text).lower().split() if "-" in word.strip("-")},
    )


def _forms(token: Token) -> set[str]:
    return {token.lower_, token.lemma_.lower()}


def _local(token: Token, depth: int = 3) -> list[Token]:
    """Tokens in the phrase of a trigger: particles, prepositions, objects and their modifiers, the head of a small
    clause ("found him guilty", "declared the envoy persona non grata") and of an infinitive the trigger governs
    ("declined to comment"), but no other clauses."""
    found = [c for c in token.children if c.dep_ == "xcomp" and c.pos_ == "VERB"] + \
        [s for c in token.children if _small_clause(c) for s in c.children if s.dep_ == "nsubj"]  # "allowed X back"
    frontier = [token]
    for level in range(depth):
        frontier = [c for t in frontier for c in t.children if
                    (c.dep_ in LOCAL_DEPS and not (c.dep_ in ("xcomp", "conj") and c.pos_ in ("VERB", "AUX")) and
                     not _dating(c)) or (level == 0 and _small_clause(c))]
        found += frontier
    return found


def _dating(token: Token) -> bool:
    """A preposition whose object is a date ("on Wednesday"): no word of a pattern ("called on")."""
    return token.dep_ == "prep" and any(c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in token.children)


def _small_clause(token: Token) -> bool:
    """Whether a clausal complement is a verbless small clause: a subject and a predicate, no auxiliary or marker
    ("found him guilty", "allowed inspectors back"), or a bare noun the parser made one ("let aid workers in")."""
    if token.dep_ != "ccomp":
        return False
    if token.pos_ in ("NOUN", "PROPN"):
        return not any(c.dep_ in ("nsubj", "aux", "mark") for c in token.children)
    return any(c.dep_ == "nsubj" for c in token.children) and token.tag_ not in ("VBD", "VBZ", "VBP") and \
        not any(c.dep_ in ("aux", "auxpass", "mark") for c in token.children)


def _match(patterns: list[Pattern], trigger: Token, around: list[Token],
           time_preps: set[str]) -> tuple[Pattern, list[Token]] | None:
    """The most specific pattern whose words all occur around the trigger, with the tokens that matched; a word in a
    phrase of `time_preps` (the lexicon's background prepositions) completes none."""
    forms = [(t, _forms(t)) for t in around]
    for pattern in patterns:
        used = []
        for word in pattern.words:
            # a particle or preposition of a pattern is one in the text, not a participle ("Iranian-backed"), and
            # belongs to the trigger or a word of the pattern ("mobilized reservists for a war against Iraq" is no
            # "mobilize against")
            hit = next((t for t, f in forms if word in f and t not in used and
                        (word not in PREPOSITIONS or (t.pos_ in ("ADP", "PART", "ADV") and
                                                      (t.head == trigger or t.head in used))) and
                        not _in_adjunct(t, trigger, pattern.words, time_preps)), None)
            if hit is None:
                break
            used.append(hit)
        else:
            return pattern, used
    return None


@cache
def _settlement_words(registry: ActorRegistry) -> frozenset[str]:
    """The words after which a known place's "of" phrase names the place ("the city of Kherson"), read once."""
    return frozenset(registry.words.get("settlement_words", ()))


def _conditional(token: Token) -> bool:
    """Whether a clause is a condition ("if Ukraine tried to retake Crimea", "unless the government ...")."""
    return token.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for c in token.children)


def _in_adjunct(token: Token, trigger: Token, words: tuple[str, ...], time_preps: set[str]) -> bool:
    """Whether a word is the object of a fronted phrase or a time phrase the pattern does not name ("In the November
    deal, Turkey and Libya agreed on a line" is no "agree deal"; "suspended $300 million in military assistance"
    still suspends assistance), or of an "in" phrase of the trigger beside its own object ("suspended talks with
    Israel in protest at the offensive" is no "suspend protest")."""
    prep = token.head
    return token.dep_ == "pobj" and prep.lower_ not in words and (
        prep.i < trigger.i or prep.lower_ in time_preps or
        (prep.lower_ == "in" and prep.head == trigger and any(c.dep_ == "dobj" for c in trigger.children)))


@dataclass
class Trigger:
    """A coded trigger before its arguments are resolved."""

    token: Token
    code: str | None
    words: list[Token] = field(default_factory=list)
    nominal: bool = False
    clause: Token | None = None  # the verb whose clause states the event
    negated: bool = False
    modality: str = "asserted"
    absorbed: bool = False  # the event is the content of a controlling verb and is coded there
    sources: list[Token] = field(default_factory=list)  # argument tokens handed down by a controlling verb
    targets: list[Token] = field(default_factory=list)
    content: Trigger | None = None  # the governed event a refusal, threat or denial is about
    addressees: list[Token] = field(default_factory=list)  # whom a governing threat or promise is addressed to


class SentenceCoder:
    """Codes the events of one sentence."""

    def __init__(self, lexicon: Lexicon, sentence: Span, index: MentionIndex, analysis: DocumentAnalysis):
        self.lex = lexicon
        self.settlements = _settlement_words(registry_for(sentence.doc))  # "the town of X"
        self.sentence = sentence
        self.index = index
        self.analysis = analysis
        self.consumed: set[int] = set()

    # --- triggers
    def triggers(self) -> list[Trigger]:
        found: dict[int, Trigger] = {}
        for token in self.sentence:
            if token.tag_ == "VBG" and token.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj"):
                trigger = self._noun_trigger(token)  # a gerund argument is an event noun ("fighting between X and Y")
                if trigger is not None:
                    found[token.i] = trigger
                    continue
            if token.pos_ in ("VERB", "AUX") and (token.lemma_.lower() in self.lex.verbs or
                                                  token.lemma_.lower() in self.lex.weapon_verbs):
                trigger = self._verb_trigger(token)
                if trigger is not None:
                    found[token.i] = trigger
        for token in self.sentence:
            if token.i in self.consumed or token.i in found or token.pos_ not in ("NOUN", "PROPN"):
                continue
            trigger = self._noun_trigger(token)
            if trigger is not None:
                found[token.i] = trigger
        return [found[i] for i in sorted(found)]

    def _verb_trigger(self, token: Token) -> Trigger | None:
        if token.dep_ == "acl" and token.tag_ in ("VBN", "VBD") and _lemma(token) in self.lex.wanted_participles:
            return None  # "two men sought in the slaying": wanted by the police, no appeal
        if token.dep_ == "amod" and token.tag_ == "VBN":
            return None  # "released 15 detained British sailors": an attribute of the noun, no event stated
        direct = self._received_goods(token) or self._weapon_use(token)
        if direct is not None:
            return direct
        patterns = self.lex.verbs.get(token.lemma_.lower(), [])
        if token.pos_ == "AUX":
            patterns = [p for p in patterns if p.words]
        hit = _match(patterns, token, _local(token), self.lex.background_prepositions)
        if hit is None or not any(w.dep_ == "dobj" for w in hit[1]):  # a pattern naming what is sent says more
            # ("send military adviser"); one of the verb alone ("hand over") says less
            sent = self._sent_goods(token)
            if sent is not None:
                return sent
        if hit is None:
            return self._deployment(token)
        pattern, words = hit
        if not pattern.words and (any(c.dep_ == "oprd" and (c.pos_ == "ADJ" or _lemma(token) in self.lex.naming_verbs)
                                      for c in token.children) or _lemma(token) in self.lex.naming_verbs and any(
                a.dep_ == "appos" and a.pos_ == "NOUN" for c in token.children if c.dep_ == "dobj" for a in c.children)):
            return None  # "what he called a new chapter", "left hundreds homeless": naming or a result, no act (a
            # noun the parser made the result of "shelled the city, damaging churches" is not one)
        if pattern.code is None and any(_lemma(w) in self.lex.owned_proposals and self.actors(w, deep=False)
                                        for w in words):
            # "support the U.N. Security Council resolution": backing a named actor's proposal is about the actor
            hit = _match([p for p in patterns if p.code is not None], token, _local(token),
                         self.lex.background_prepositions)
            if hit is None:
                return None
            pattern, words = hit
        obj = next((c for c in token.children if c.dep_ in ("dobj", "nsubjpass")), None)
        carrier = token.lemma_.lower() in self.lex.light_verbs or token.lemma_.lower() in self.lex.receiving_verbs or \
            self.lex.control_kind(token) == "threaten"  # "threatened a general strike": the noun says which threat
        noun = self._noun_trigger(obj) if obj is not None and carrier else None
        if noun is not None and not (obj in words and noun.code != pattern.code and not noun.words):
            return None  # "held talks", "launched strikes": the noun carries the event, unless the verb is more
            # specific about a bare noun ("ordered patrols" is a mobilization, not a patrol; "began air strikes" stays
            # air strikes)
        if pattern.code is None:
            return None  # "host talks", "hold power": no event of the verb; an event noun it has is coded alone
        self.consumed.update(t.i for t in words)
        code = self.lex.welcoming["code"] if not pattern.words and _lemma(token) in self.lex.welcoming["verbs"] and \
            obj is not None and self._names_person(obj) else pattern.code
        return Trigger(token, code, words, clause=token)

    def _names_person(self, token: Token) -> bool:
        """Whether a token heads the mention of a person ("welcomed South Korean President Kim Dae-jung")."""
        return any(getattr(self.analysis.actors.get(m.actor_id), "kind", None) == "person"
                   for m in self._mentions_at(token))

    def _goods(self, verb: Token, verbs: set[str], goods: dict[str, str],
               preposition: str) -> tuple[Token, str, list[Token]] | None:
        """The object of one of `verbs` that is one of `goods`, its aid code and the actors a `preposition` phrase of
        the verb or the object names ("received weapons from X", "sent doctors to Y"); the object is consumed."""
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None) if _lemma(verb) in verbs else None
        code = goods.get(_lemma(obj)) if obj is not None else None
        parties = [p for p in _prep_objects(verb, (preposition,)) + _prep_objects(obj, (preposition,))
                   if self.actors(p)] if code is not None else []
        if not parties:
            return None
        self.consumed.add(obj.i)
        return obj, code, parties

    def _received_goods(self, verb: Token) -> Trigger | None:
        """Goods received from a giver are its aid to the receiver ("Georgian demonstrators received weapons from the
        Georgian government")."""
        found = self._goods(verb, self.lex.receiving_verbs, self.lex.received_goods, "from")
        if found is None:
            return None
        obj, code, givers = found
        return Trigger(verb, code, [obj], clause=verb, sources=givers[:1], targets=_subjects(verb))

    def _weapon_use(self, verb: Token) -> Trigger | None:
        """Weapons used, unleashed or released are their use ("unleashed weapons of mass destruction against Iranian
        troops", "released sarin nerve gas on subway trains")."""
        if _lemma(verb) not in self.lex.weapon_verbs:
            return None
        obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
        code = self._weapon_code(obj) if obj is not None else None
        if code is None:
            return None
        self.consumed.add(obj.i)
        return Trigger(verb, code, [obj], clause=verb)

    def _weapon_code(self, token: Token) -> str | None:
        """The code of the use of the weapon a noun names, by the noun with a modifier ("nerve gas") or an "of"
        phrase ("weapons of mass destruction"), or alone ("sarin")."""
        def modifiers(noun: Token) -> list[str]:
            return [_lemma(c) for c in noun.children if c.dep_ in ("compound", "amod")]

        head = _lemma(token)
        names = [f"{head} of {m} {_lemma(p)}" for p in _prep_objects(token, ("of",)) for m in modifiers(p)] + \
            [f"{m} {head}" for m in modifiers(token)] + [head]
        return next((self.lex.weapons[n] for n in names if n in self.lex.weapons), None)

    def _sent_goods(self, verb: Token) -> Trigger | None:
        """Aid that is sent or handed over to a named party ("sent hundreds of doctors to Venezuela", "handed over six
        fighter jets to the Serbian air force"), whatever verb of sending says so."""
        found = self._goods(verb, self.lex.sending_verbs, self.lex.sent_goods, "to")
        if found is None:
            return None
        obj, code, recipients = found
        return Trigger(verb, code, [obj], clause=verb, targets=recipients)

    def _deployment(self, verb: Token) -> Trigger | None:
        """A deploying verb moving armed forces or police however they are called ("sent paratroopers into
        Lithuania", "moved two Republican Guard divisions toward the border"), no pattern having matched."""
        if _lemma(verb) not in self.lex.deploying_verbs:
            return None
        moved = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass") and _lemma(c) not in self.lex.hardware]
        sectors = {m.sector for c in moved for m in self.index.within(c.left_edge.idx, c.idx + len(c))}
        if not sectors or not sectors <= set(self.lex.deployment_codes):
            return None
        return Trigger(verb, self.lex.deployment_codes["MIL" if "MIL" in sectors else "COP"], [], clause=verb)

    def _noun_trigger(self, token: Token) -> Trigger | None:
        forms = _forms(token)
        patterns = [p for form in forms for p in self.lex.nouns.get(form, [])]
        if not patterns or token.dep_ == "compound":
            return None
        modifiers = {w for c in token.children if c.dep_ in ("compound", "amod") for w in _forms(c)}
        if any(f"{m} {form}" in self.lex.nominal_blockers for m in modifiers for form in forms):
            return None
        if token.head.dep_ == "compound" or any(f"{form} {token.head.lower_}" in self.lex.nominal_blockers
                                                 for form in forms):
            return None
        patterns.sort(key=lambda p: (-len(p.words), sum(w in PREPOSITIONS for w in p.words)))
        hit = _match(patterns, token, _local(token, depth=2), self.lex.background_prepositions)
        if hit is None:
            return None
        pattern, words = hit
        return Trigger(token, pattern.code, words, nominal=True,
                       clause=token.head if _light_object(token, self.lex) else _joined_verb(token, self.lex))

    # --- control structure
    def govern(self, triggers: list[Trigger]) -> list[Trigger]:
        """Apply controlling verbs (agree / threaten / refuse / urge / deny ... to do W) to the governed events."""
        by_token = {t.token.i: t for t in triggers}
        extra: list[Trigger] = []
        for trigger in triggers:
            governor = _governor(trigger)
            token = trigger.token
            if not trigger.nominal and token.dep_ == "acl" and token.head.pos_ == "NOUN" and \
                    any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children) and \
                    self.lex.control_kind(token.head) is not None:
                governor = token.head  # "the government's refusal to accept", "a promise to withdraw"
            culprit = self._culprit_route(trigger)
            if culprit is not None:
                trigger.sources = trigger.sources or culprit[0]
                governor = culprit[1]
            if governor is None and _acting(trigger) is not token:
                governor = trigger.clause  # "refused to take part in talks": through the joining verb
            if governor is not None and trigger.nominal and (_light_object(trigger.token, self.lex) or
                                                             governor is trigger.clause) and \
                    self.lex.control_kind(governor) is None:
                governor = _verb_governor(governor)  # "failed to reach agreement", "hopes to sign a deal"
            if governor is not None and trigger.nominal and self.lex.control_kind(governor) == "aspect" and \
                    not _light_object(trigger.token, self.lex):
                continue  # "continued talks" carries the talks; "keep the treaty intact" does nothing to it
            while governor is not None and self.lex.control_kind(governor) == "aspect":
                self._apply("aspect", governor, by_token.get(governor.i), trigger, extra)
                governor = _verb_governor(governor)
            if governor is None:
                continue
            kind = self.lex.control_kind(governor)
            outer = _governing_trigger(by_token, governor)
            if kind is None and trigger.nominal and outer is not None and trigger.token.dep_ == "dobj" and \
                    _root(outer.code) not in REACTION_ROOTS:
                trigger.absorbed = True  # "boycotted all contact": the noun only completes the verb's event
                continue
            if trigger.token.dep_ in ("acl", "ccomp") and trigger.token.head.pos_ == "NOUN" and \
                    _lemma(trigger.token.head) in self.lex.denial_objects:
                kind = "deny"  # "rejected reports that the two had spoken"
            elif kind == "refuse" and trigger.token.dep_ == "ccomp":
                kind = "deny"  # "rejected that ...", "dismissed that ..."
            elif kind == "cease" and trigger.code[:3] in self.lex.completed_codes and \
                    _lemma(governor) in self.lex.completing:
                kind = "aspect"  # "ended a two-day visit to Iran": the visit took place
            elif kind == "refuse" and _has_neg(governor) and _lemma(governor) in self.lex.unhesitating:
                # "would not hesitate to use force": a threat (a commitment, for a cooperative event)
                self._apply("threaten" if _root(trigger.code) in HARMFUL_ROOTS else "commit", governor, outer,
                            trigger, extra)
                trigger.negated = False
                continue
            elif kind == "refuse" and trigger.nominal and _root(trigger.code) in VIOLENT_ROOTS:
                # "opposed the US strike", "resisted the Russian offensive": the violence happened; resisting it
                # is fighting back
                if outer is not None and _lemma(governor) in self.lex.resisting:
                    outer.code = "190"
                continue
            elif kind in ("appeal", "demand") and _lemma(governor) in self.lex.reporting and _finite(trigger.token):
                kind = None  # "told reporters that Russia would expel ...": reported speech, not a demand
            elif kind == "intend" and _lemma(governor) in self.lex.desire and self._other_party(governor, trigger):
                kind = "appeal"  # "Obama wants Putin to attack": a wish addressed to another party is an appeal
            elif kind in ("threaten", "commit") and _finite(trigger.token) and \
                    self._other_party(governor, trigger, own_state=True):
                kind = None  # "officials warned that Iran could retaliate": reported speech, not their threat
                if outer is not None and _lemma(governor) in self.lex.reporting:
                    outer.code = None
            elif kind == "accuse" and (_acting(trigger).dep_ not in ("ccomp", "pcomp") or
                                       _root(trigger.code) not in ACCUSABLE_ROOTS):
                kind = None  # "claims to be manufacturing", "claimed that talks had begun": no accusation
            elif kind == "accuse" and not any(self.actors(s) for s in _subjects(governor)):
                kind = None  # an accuser who is no actor codes no charge: what is claimed stays, as reported
            if kind is None and _lemma(governor) in self.lex.hosting_verbs and \
                    (forces := self._hosted(trigger, governor)):
                # "Lebanon accepted the deployment of UN peacekeepers": it lets them in
                trigger.code, trigger.targets, trigger.sources = "0861", forces, _subjects(governor)
                if outer is not None:
                    outer.code = None
                continue
            if kind is None:
                kind = self._obligation(trigger.token, governor)
            if kind is None:
                continue
            outer = _governing_trigger(by_token, governor)
            self._apply(kind, governor, outer, trigger, extra)
        for trigger in triggers:
            if not trigger.nominal and _root(trigger.code) in AGENTLESS_ROOTS:
                for means in self._agents(trigger.token) if _passive(trigger.token) else _subjects(trigger.token):
                    noun = by_token.get(means.i)
                    if noun is not None and noun.nominal and _root(noun.code) in AGENTLESS_ROOTS:
                        noun.absorbed = True  # "was killed by a US airstrike": one event, done by the strike's doer
        for trigger in triggers:
            verb = trigger.clause if trigger.nominal and trigger.clause is not None else trigger.token
            if any(t.absorbed and t.code is not None and self.lex.control_kind(t.token.head) == "accuse"
                   for t in (by_token.get(head.i) for head in _conjunct_heads(verb)) if t is not None):
                trigger.absorbed = True  # "claimed that ISIL had attacked Iraq and taken Mosul": all one charge
        for verb in self.sentence:
            if verb.i not in by_token and verb.pos_ == "VERB" and verb.dep_ == "ccomp":
                kind = self._obligation(verb, verb.head)
                if kind is not None and _subjects(verb) and verb.head.i not in by_token:
                    # "Russia said Sudan must return the helicopter": a demand whatever is demanded
                    extra.append(Trigger(verb.head, "100" if kind == "demand" else "020", clause=verb.head,
                                         targets=_subjects(verb)))
        coded = [t for t in triggers + extra if t.code is not None]
        self._protest_demands(coded)
        return coded

    def _protest_demands(self, triggers: list[Trigger]) -> None:
        """A demand that a protest makes, by a participle or infinitive on its verb or its subject ("rallied in
        Belgrade demanding that Milosevic resign", "protesters demanding Compaore's departure set fire to ..."), is
        what the protest is for, not a second event: the protest takes the demand's aim when CAMEO codes one
        (1041 leadership change -> 1411 a demonstration for it)."""
        protests = [t for t in triggers if _root(t.code) == "14" and not t.nominal]
        for demand in triggers:
            token = demand.token
            if _root(demand.code) != "10" or demand.nominal or token.dep_ not in ("advcl", "acl", "xcomp") or \
                    not (token.tag_ == "VBG" or any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)):
                continue
            protest = next((p for p in protests if token.head == p.token or token.head in _subjects(p.token)), None)
            if protest is None:
                continue
            demand.absorbed = True
            aim = self.lex.protest_aims.get(demand.code)
            if aim is not None and len(protest.code) == 3 and protest.code + aim in self.lex.codes:
                protest.code += aim

    def _culprit_route(self, trigger: Trigger) -> tuple[list[Token], Token | None] | None:
        """Who did an event noun named as someone's part in it, and the verb that governs that: "denied any
        involvement in the attack" (the denier; denied), "its role in the strike" (its owner), "said it was behind
        the strike" (it; said), "is responsible for the bombing"."""
        noun = trigger.token
        if not trigger.nominal or noun.dep_ != "pobj":
            return None
        prep = noun.head
        holder = prep.head
        if prep.lower_ in ("in", "for", "with") and _lemma(holder) in self.lex.participation_nouns:
            owners = [c for c in holder.children if c.dep_ == "poss"]
            verb = holder.head if holder.dep_ in ("dobj", "nsubjpass") and holder.head.pos_ in ("VERB", "AUX") \
                else None
            doers = owners or (_subjects(verb) if verb is not None else [])
            return (doers, verb) if doers else None
        if prep.lower_ in self.lex.culpability_words or (prep.lower_ == "for" and holder.lower_ in
                                                         self.lex.culpability_words):
            copula = holder if prep.lower_ in self.lex.culpability_words else holder.head
            if _lemma(copula) != "be":
                return None
            doers = _subjects(copula)
            return (doers, _verb_governor(copula)) if doers else None
        return None

    def _other_party(self, governor: Token, inner: Trigger, own_state: bool = False) -> bool:
        """Whether the event a verb of wishing (or a threat or promise) governs is to be done by a named party other
        than the wisher; with `own_state`, a party of the wisher's own state is none ("Iran vowed that its army
        would ...")."""
        wishers = [m for s in _subjects(governor) for m in self.actors(s)]
        ids = {m.actor_id for m in wishers}
        countries = {m.country for m in wishers if m.country}
        doers = [c for c in governor.children if c.dep_ == "dobj" and not own_state] + \
            [c for c in inner.token.children if c.dep_ in SUBJECT_DEPS]
        return any(m.actor_id not in ids and not (own_state and m.country in countries)
                   for d in doers for m in self.actors(d))

    def _hosted(self, inner: Trigger, governor: Token) -> list[Token]:
        """Another party's forces whose deployment is agreed to ("agreed to the deployment of UN peacekeepers"):
        the one agreeing hosts them."""
        if not inner.nominal or _root(inner.code) != "15":
            return []
        forces = [p for prep in inner.token.children if prep.dep_ == "prep" and prep.lower_ == "of"
                  for p in prep.children if p.dep_ == "pobj"]
        return forces if self._foreign(forces, _subjects(governor)) else []

    def _countries(self, tokens: list[Token]) -> set[str | None]:
        """The countries of the actors argument tokens name (None for an actor without one)."""
        return {m.country for t in tokens for m in self.actors(t)}

    def _condition_party(self, verb: Token) -> list[Token]:
        """The subject of a verb's condition that names an actor ("... if Ukraine tried to retake Crimea")."""
        return [s for c in verb.children if _conditional(c) for s in _subjects(c) if self.actors(s)][:1]

    def _foreign(self, addressees: list[Token], subjects: list[Token]) -> bool:
        """Whether the addressees are actors of another country than the subjects' (all of them known)."""
        theirs, ours = self._countries(addressees), self._countries(subjects)
        return bool(theirs) and bool(ours) and None not in theirs | ours and not theirs & ours

    def _commanded(self, governor: Token) -> bool:
        """Whether a verb orders the orderer's own armed forces, police or intelligence (its object)."""
        if _lemma(governor) not in self.lex.commanding_verbs:
            return False
        theirs = [m for t in governor.children if t.dep_ in ("dobj", "dative") for m in self.actors(t)]
        ours = self._countries(_subjects(governor))
        return bool(theirs) and bool(ours) and None not in ours and \
            all(m.sector in self.lex.commanded_sectors and m.country in ours | {None} for m in theirs)

    def _obligation(self, verb: Token, governor: Token) -> str | None:
        """"X said (that) Y must / should do Z" states a demand / an appeal of X to Y."""
        if verb.dep_ != "ccomp" or _lemma(governor) not in self.lex.reporting or \
                _has_neg(governor) or not any(self.actors(s) for s in _subjects(governor)):
            return None
        auxiliaries = {c.lower_ for c in verb.children if c.dep_ == "aux"}
        return "demand" if "must" in auxiliaries else "appeal" if "should" in auxiliaries else None

    def _apply(self, kind: str | None, governor: Token, outer: Trigger | None, inner: Trigger,
               extra: list[Trigger]) -> None:
        lex = self.lex
        if kind == "aspect":
            if outer is not None:
                outer.code = None
            inner.sources = inner.sources or _subjects(governor)
            inner.clause = governor  # "will continue to provide": the governing verb carries tense and negation
        elif kind in ("intend", "commit", "threaten"):
            inner.sources = _subjects(governor)
            # "warned Eritrea it would ...", "threatened a strike unless the government ...": whom it is made to
            inner.addressees = [c for c in governor.children if c.dep_ in ("dobj", "dative") and self.actors(c)] or \
                next((party for verb in [governor] + [c for c in governor.children if c.dep_ == "xcomp"]
                      if (party := self._condition_party(verb))), [])  # "threatened to launch ... unless Baghdad"
            inner.negated = inner.negated or _has_neg(governor)  # "never agreed to sell"
            # a commitment or threat is itself asserted (its code says "intent"); a plan is only intended
            inner.modality = "intended" if kind == "intend" else "committed"
            if kind == "threaten":
                inner.code = lex.recoded("threat", inner.code, "130") if _root(inner.code) not in ("13",) else \
                    inner.code
            else:
                forces = self._hosted(inner, governor) if kind == "commit" else []
                if forces:  # "Croatia agreed to the deployment of UN peacekeepers": it receives them
                    inner.code, inner.targets = "0861", forces
                inner.code = _intent_code(lex, inner.code)
            if outer is not None:
                outer.code = None
        elif kind == "prevent":
            inner.negated = True  # "the UN prevented Serbia from attacking Bosnia": the attack did not happen
        elif kind == "cease":
            inner.sources = inner.sources or _subjects(governor)
            code = lex.recoded("cease", inner.code)
            if code is None:
                inner.negated = True
            else:
                inner.code = code
                inner.words = inner.words + [governor]
            if outer is not None:
                outer.code = None
        elif kind in ("refuse", "fail"):
            inner.sources = _subjects(governor)
            inner.negated = True
            rejection = lex.recoded(kind, inner.code, "120" if kind == "refuse" else None)
            if rejection is not None:
                outer = _coded_governor(governor, outer, rejection, extra)
                outer.content = inner
            elif outer is not None:
                outer.code = None
        elif kind in ("appeal", "demand"):
            addressee = [c for c in governor.children if c.dep_ in ("dobj", "dative") and self.actors(c)] or \
                        [p for c in _preps(governor) if c.lower_ in ("on", "upon", "to", "from")
                         for p in c.children if p.dep_ == "pobj" and self.actors(p)] or \
                        [s for s in _subjects(inner.token) if self.actors(s)]
            moving = inner.nominal and _lemma(governor) in lex.commanding_verbs and \
                inner.code.startswith(lex.own_forces_codes)  # "ordered a partial mobilisation"
            if kind == "demand" and inner.nominal and _lemma(governor) in lex.commanding_verbs and \
                    inner.code.startswith(lex.commanded_acts):
                # "Russia ordered the expulsion of four British diplomats": an authority's order is its act
                inner.sources = inner.sources or _subjects(governor)
                if outer is not None:
                    outer.code = None
                return
            if kind == "demand" and (self._commanded(governor) or moving):
                # "ordered its troops to withdraw", "ordered the army to strike": the forces act for their state
                named = addressee and all(m.country for t in addressee for m in self.actors(t))
                inner.sources, inner.modality = addressee if named else _subjects(governor), "intended"
                if outer is not None:
                    outer.code = None
                return
            code = lex.recoded(kind, inner.code, "020" if kind == "appeal" else "100")
            if kind == "demand" and _lemma(governor) in lex.expelling_orders and inner.code.startswith("087") and \
                    self._foreign(addressee, _subjects(governor)):
                code = "166"  # "Iraq ordered UN inspectors to leave": an expulsion
            outer = _coded_governor(governor, outer, code, extra)
            outer.targets = addressee
            inner.absorbed = True
        elif kind == "accuse":
            # "claimed that ISIL had attacked Iraq", "accused the US of violating": a charge against the doer
            acting = _acting(inner)
            if outer is None:
                outer = Trigger(governor, "112", clause=governor, targets=_subjects(acting))
                extra.append(outer)
            elif not outer.targets and acting.dep_ == "ccomp":
                outer.targets = _subjects(acting)  # "charged that Turkish police tortured detainees"
            inner.absorbed = True
        elif kind == "deny":
            inner.negated = True
            outer = _coded_governor(governor, outer, "016", extra)
            outer.content = inner

    def consequence(self, trigger: Trigger, triggers: list[Trigger]) -> bool:
        """Whether violence is the result of the violent act with a recipient that it follows as a participle:
        "Insurgents bombarded Aleppo, killing at least eight people" states one attack, coded by its act ("violated
        the ceasefire, firing shells at Indian positions" names its recipient only in the participle)."""
        token = trigger.token
        return not trigger.nominal and token.dep_ == "advcl" and token.tag_ == "VBG" and \
            _root(trigger.code) in VIOLENT_ROOTS and not any(c.dep_ == "mark" for c in token.children) and \
            any(t.token == token.head and _root(t.code) in VIOLENT_ROOTS and self.arguments(t)[1]
                for t in triggers if t is not trigger)

    def recode_bare_warning(self, trigger: Trigger, triggers: list[Trigger]) -> None:
        """A warning addressed to no one and naming no act is a pessimistic comment, not a threat ("the UN warned
        that famine was imminent", "aid agencies warned of a catastrophe"; "warned that it would respond" and
        "warned Iran against ..." stay threats)."""
        token = trigger.token
        if trigger.nominal or trigger.words or _lemma(token) not in self.lex.warning["verbs"] or \
                _root(trigger.code) != "13" or any(c.dep_ in ("dobj", "dative") for c in token.children):
            return
        ours = self._countries(_subjects(token))
        own_act = any(s.pos_ == "PRON" or self._countries([s]) & ours - {None}  # "warned (that) it would take Taiwan"
                      for c in token.children if c.dep_ == "ccomp" for s in _subjects(c))
        if not own_act and not any(t is not trigger and token in t.token.ancestors for t in triggers):
            trigger.code = self.lex.warning["code"]

    def charged(self, trigger: Trigger) -> bool:
        """Whether an event is part of a charge an actor makes, however deep in the clause the accusing verb governs
        ("Rwanda alleged ... that the French military took part in the killing": the killing is what is alleged; a
        claim by no actor leaves the claimed event as reported)."""
        token = trigger.clause or trigger.token
        return any(a.dep_ == "ccomp" and self.lex.control_kind(a.head) == "accuse" and
                   any(self.actors(s) for s in _subjects(a.head)) for a in [token, *token.ancestors])

    def in_background(self, trigger: Trigger, triggers: list[Trigger]) -> bool:
        """Whether an event is stated only in a background constituent of its sentence: a relative clause, a
        participial modifier of a noun, an adverbial clause of time or reason ("one day after a jet shot down ...",
        "..., killing eight people"), a phrase such as "after the killing of ...", or a prepositional modifier of
        another event ("in response to the unrest")."""
        token = trigger.clause or trigger.token
        others = {t.token.i for t in triggers if t is not trigger}
        if trigger.nominal and trigger.clause is None and token.dep_ == "pobj" and token.head.head.i in others:
            return True
        return any(self.opens_background(t) for t in [token, *token.ancestors])

    def opens_background(self, token: Token) -> bool:
        """Whether a token heads a background constituent (see `in_background`)."""
        dep = token.dep_
        if dep == "relcl" or (dep == "acl" and token.tag_ in ("VBN", "VBG") and
                              _lemma(token.head) not in self.lex.speech_nouns and not _headline(token) and
                              not _existential(token.head)):
            return True
        marks = {c.lower_ for c in token.children if c.dep_ == "mark"}
        if dep == "advcl":
            return bool(marks & self.lex.background_marks) or (not marks and token.tag_ == "VBG")
        if dep == "ccomp" and marks & self.lex.background_marks:
            return True  # "..., two weeks after rebels kidnapped dozens of peacekeepers", parsed as a complement
        return dep == "prep" and token.lower_ in self.lex.background_prepositions and \
            any(c.dep_ == "pobj" for c in token.children)

    # --- arguments
    def actors(self, token: Token, deep: bool = True) -> list[Mention]:
        """The actors an argument phrase names: one per coordinated member; none when it names no actor.

        `deep` also looks into owners and "of" phrases ("Iran's army", "the president of Russia"); prepositional
        targets do not ("on Russia's initiative" is not about Russia)."""
        found: list[Mention] = []
        for member in [token] + [c for c in token.conjuncts if c.i > token.i]:
            for mention in self._actor_of(member, deep):
                if found and mention.country is None and mention.actor_id.startswith("-"):
                    mention = self._sharing_country(found[0], mention)
                if all(mention.actor_id != m.actor_id for m in found):
                    found.append(mention)
        return found

    def _sharing_country(self, first: Mention, later: Mention) -> Mention:
        """A countryless sector coordinated after a country's sector shares its adjective ("Israeli helicopters and
        tanks", "Iraqi troops and tanks": both the country's military)."""
        if first.country is None or first.resolved_by not in ("demonym", "institution", "title") or \
                later.sector in (None, "IGO"):
            return later
        return _relocated(later, first.country, self.analysis, self.sentence.doc)

    def _actor_of(self, token: Token, deep: bool = True) -> list[Mention]:
        found = self._named_actor(token, deep) or self._speaker_pronoun(token)
        if len(found) == 1 and found[0].country is None and found[0].actor_id.startswith("-") and \
                self._is_event_noun(token) and found[0].end <= token.idx:
            return []  # "the terrorist attack in Turkey's capital" names no doer, and the place is not one
        if len(found) == 1 and found[0].country is None and found[0].actor_id.startswith("-"):
            # a sector without a country ("officials") takes the country its noun phrase names ("Taiwan's Vice
            # Foreign Minister", "officials of Iran", "military facilities in Israel"); else it stays unknown
            clauses = [c.left_edge.idx for c in token.children if c.dep_ == "relcl"]
            end = min(clauses) if clauses else token.right_edge.idx + len(token.right_edge)
            # ... "militias in Tripoli", not "the group that has seized parts of Iraq"
            located = [m for t in _noun_phrase(token) for m in self._mentions_at(t)
                       if m.country is not None and m is not found[0]] or \
                [m for m in self.index.within(token.left_edge.idx, end)
                 if m.country is not None and m.start >= found[0].end]
            if located:
                return located[:1]
            if found[0].end <= token.idx:
                return []  # a countryless sector word modifying another noun ("official contact") is no actor
        if len(found) == 1 and found[0].country is not None and found[0].sector not in (None, "IGO"):
            found += self._coordinated_owners(token, found[0])
        return found

    def _coordinated_owners(self, token: Token, sector: Mention) -> list[Mention]:
        """The same sector of each further country coordinated in its "of" / "from" phrase ("the foreign ministers
        of Egypt and Jordan", "envoys from Armenia and Azerbaijan")."""
        owners = [c for prep in token.children if prep.dep_ == "prep" and prep.lower_ in ("of", "from")
                  for pobj in prep.children if pobj.dep_ == "pobj"
                  # the object itself when the sector took its country from a name elided in it ("officials from
                  # North and South Korea")
                  for c in ([pobj] if sector.end > pobj.left_edge.idx else []) + list(pobj.conjuncts)]
        countries = [m.country for c in owners for m in self._mentions_at(c)
                     if m.country is not None and m.country != sector.country and m.sector is None]
        return [_relocated(sector, country, self.analysis, self.sentence.doc) for country in dict.fromkeys(countries)]

    def _mentions_at(self, token: Token) -> list[Mention]:
        mention = self.index.at(token.idx, token.idx + len(token.text), head=token.idx)
        return [mention] if mention is not None else []

    def _speaker_pronoun(self, token: Token) -> list[Mention]:
        """A pronoun subject of reported speech without a resolved antecedent is the speaker ("Switzerland said it
        had expelled ...", "the rebels said they would ...")."""
        if token.pos_ != "PRON" or token.lower_ not in SPEAKER_PRONOUNS or token.dep_ not in SUBJECT_DEPS | {
                "nsubjpass"}:
            return []
        clause = token.head
        for _ in range(3):
            if clause.dep_ in ("ccomp", "parataxis") and _lemma(clause.head) in self.lex.reporting:
                return [m for s in _subjects(clause.head) if s.lower_ not in SPEAKER_PRONOUNS
                        for m in self.actors(s)]
            if clause.dep_ not in ("xcomp", "conj") or clause.head == clause:
                return []
            clause = clause.head
        return []

    def _named_actor(self, token: Token, deep: bool = True) -> list[Mention]:
        doc = token.doc
        start = doc[token.left_edge.i].idx if token.left_edge.i <= token.i else token.idx
        end = token.idx + len(token.text)
        inside = self.index.within(start, end)
        if len(inside) > 1 and any(t.lower_ in ("and", "&") for t in doc[token.left_edge.i:token.i]):
            return inside
        mention = self.index.at(start, end, head=token.idx)
        if mention is None or not mention.start <= token.idx < mention.end:
            # a mention running on past its head ("militias in Tripoli", "his Indian counterpart Atal Behari
            # Vajpayee") names the phrase, not an owner before the head
            mention = next((m for m in self.index.within(start, token.right_edge.idx + len(token.right_edge))
                            if m.start <= token.idx < m.end), None) or mention
        if mention is not None:
            return self.index.alike(mention)
        if token.lower_ in self.lex.name_suffixes and token.i >= 2 and doc[token.i - 1].text == ",":
            return self._mentions_at(doc[token.i - 2])  # "Biden, Jr. spoke": the parser makes the suffix the head
        # a common noun named by its modifier: "Ugandan opposition candidates", "the U.N. Security Council resolution"
        if token.pos_ == "NOUN":
            for child in token.children:
                if child.dep_ in ("amod", "compound", "nmod") and child.i < token.i:
                    found = [m for m in self._named_actor(child, deep=False) if not m.actor_id.startswith("-")]
                    if found:
                        return found[:1]
        if not deep and _lemma(token) not in self.settlements:  # "from the city of Kherson" names Kherson
            return []
        for child in token.children:
            if child.dep_ == "poss" or (child.dep_ == "prep" and child.lower_ == "of") or child.dep_ == "appos":
                target = child if child.dep_ != "prep" else next((c for c in child.children if c.dep_ == "pobj"),
                                                                  None)
                if target is not None:
                    found = self.actors(target)
                    if found:
                        return found
        return []

    def arguments(self, trigger: Trigger) -> tuple[list[Token], list[Token], list[Token]]:
        """Source tokens, target tokens and "with" partner tokens of a trigger; an event that names no recipient, or
        only its own state, has the party its governing threat or promise is addressed to ("warned Eritrea it would
        attack")."""
        sources, targets, partners = self._noun_arguments(trigger) if trigger.nominal else \
            self._verb_arguments(trigger)
        if targets and trigger.addressees and self._countries(targets) <= self._countries(sources) - {None}:
            targets = []  # "threatened an offensive in its war unless Baghdad ...": made to Iraq, not to itself
        return sources, targets or ([] if partners else trigger.addressees), partners

    def _verb_arguments(self, trigger: Trigger) -> tuple[list[Token], list[Token], list[Token]]:
        """Arguments of a verb trigger: subjects (or a passive's agent) as source; objects, pattern prepositions and
        target prepositions as target; "with" phrases of reciprocal codes as partners."""
        verb = trigger.token
        subjects = trigger.sources or self._speakers(verb) or _subjects(verb)
        pattern_words = {w.i for w in trigger.words if w.pos_ not in ("PROPN", "PRON")}
        objects = [_antecedent(c) for c in verb.children if c.dep_ in OBJECT_DEPS and c.i not in pattern_words] + \
            [s for c in verb.children if _small_clause(c)  # "found X guilty", "let aid workers in"
             for s in ([c] if c.pos_ in ("NOUN", "PROPN") else c.children) if s.dep_ in ("nsubj", "ccomp")]
        carriers = [c for c in verb.children if c.dep_ in OBJECT_DEPS and c.i in pattern_words]
        partners: list[Token] = []
        patients = [c for c in verb.children if c.dep_ == "nsubjpass"]
        topical = trigger.code in self.lex.reciprocal and _lemma(verb) in self.lex.topic_verbs
        if topical:
            objects = patients = []  # "discussed Ukraine with Erdogan": what is discussed is no party
        if _passive(verb):
            patients = [_antecedent(p) for p in patients] or (_reduced_passive_head(verb) or subjects)
            # "Beijing warned that relations could be downgraded": with no agent, the governing verb's subject acts
            handed = [s for s in trigger.sources if s.i not in {p.i for p in patients}]
            subjects = self._agents(verb) or handed
            if not subjects and _root(trigger.code) == "03" and verb.lower_ in self.lex.stance_participles and \
                    not any(c.dep_ in ("dobj", "dative") for c in verb.children):
                subjects, patients = patients, []  # "Vietnam is committed to opening up": a stance, not a patient
            elif not subjects and _root(trigger.code) == "15" and all(
                    m.sector in self.lex.commanded_sectors for p in patients for m in self.actors(p)):
                subjects, patients = patients, []  # "police were deployed in Bangkok": the forces act
            objects = patients + objects
        pattern_preps = [p for w in trigger.words if w.dep_ in ("prep", "dative") and w.lower_ in PREPOSITIONS and
                         not (trigger.code in self.lex.reciprocal and w.lower_ in LOCATIVE_PREPS)  # "met in Geneva"
                         for p in w.children if p.dep_ == "pobj" and p.i not in pattern_words and
                         self.actors(p, deep=False)]
        # an object naming a located actor, else a prepositional one ("sell F-35 jets to Turkey"), else any actor;
        # a reaction to a material event takes its doer, not its victim ("condemned the killing of Soleimani")
        reaction = _root(trigger.code) in REACTION_ROOTS
        reacted = [o for o in objects if reaction and self._material_noun(o)]
        own_forces = (trigger.code or "").startswith(self.lex.own_forces_codes)
        ours = self._countries(subjects) if own_forces else set()
        # "Pakistan placed its missile forces on high alert": the source's own forces moved are no recipient
        objects = [o for o in objects if not (self.actors(o) and all(
            m.country in ours and m.sector in self.lex.commanded_sectors for m in self.actors(o)))]
        named = [o for o in objects if o not in reacted and self.actors(o)]
        located = [o for o in named if any(_located(m) for m in self.actors(o))]
        # an actor the pattern names as its object is the recipient ("expelled aid agencies", "allowed inspectors")
        named_carriers = [] if own_forces or _lemma(verb) in self.lex.withdrawing_verbs else \
            [c for c in carriers if c.pos_ == "NOUN" and any(_located(m) for m in self.actors(c, deep=False))]
        handed_to = [p for t in [verb] + [a for a in verb.children if a.dep_ in ("prt", "advmod")]  # "handed X back to"
                     + [c for o in objects for c in (o, *o.conjuncts)]  # "extradited X and 14 others to", misparsed
                     for p in _prep_objects(t, ("to",)) if any(_located(m) for m in self.actors(p, deep=False))] \
            if (trigger.code or "").startswith(self.lex.handing_codes) else []
        # a reaction to what was done "by" an actor is to the doer ("denounced the ordination of bishops by China's
        # church"), also when the parser hung the "by" phrase on the active verb or the "of" object ("criticised
        # the arrest of journalists by Turkish police")
        doers = [p for o in objects if reaction and o.dep_ == "dobj" and not _passive(verb)
                 for h in [o, verb] + _prep_objects(o, ("of",)) for p in _prep_objects(h, ("by",))
                 if self.actors(p)][:1]
        targets = list(trigger.targets) or handed_to or doers or located or named_carriers or pattern_preps or \
            ([] if self._located_prep(verb, objects, pattern_words) else named)
        if not targets and _root(trigger.code) in ("02", "10"):
            # "demanded the withdrawal of Russian troops": who is asked is who would do the named event
            targets = [d for c in carriers if self._is_event_noun(c) for d in self._noun_agents(c) +
                       (_prep_objects(c, ("of",)) if _lemma(c) in self.lex.of_is_source else []) if self.actors(d)][:1]
        # prepositions of the verb, its objects and the pattern's own nouns ("pulled out of talks with the government")
        preps = _preps(verb) + [c for o in objects + carriers if o not in reacted for c in _preps(o)] + \
            [c for w in trigger.words if w.pos_ == "NOUN" and w.dep_ == "pobj" and w not in carriers
             for c in _preps(w) if c.lower_ in ("with", "against")]
        # "against" names a recipient before any other ("sued Israel ... at the ICJ", "proceedings against Israel at")
        for prep in sorted(preps, key=lambda p: p.lower_ != "against"):
            if prep.lower_ not in TARGET_PREPS or (topical and prep.lower_ in ("on", "over", "about")) or \
                    (trigger.code in self.lex.reciprocal and prep.lower_ in LOCATIVE_PREPS and
                     not (prep.lower_ == "at" and _root(trigger.code) in CONFLICT_ROOTS)):  # "fired at Russia"
                continue  # "signed an agreement with Bosnia at a U.S. air base": where it is signed is no party
            for pobj in (c for c in prep.children if c.dep_ == "pobj" and c.i not in pattern_words):
                if prep.lower_ == "with" and trigger.code in self.lex.reciprocal:
                    partners.append(pobj)
                elif not targets and self.actors(pobj, deep=False) and (prep.lower_ != "over" or
                                                                        self._mentions_at(pobj)):
                    # "over the Gaza flotilla affair" is what the act is about, "over Iraq" a party or place
                    targets.append(pobj)
        if not targets and not topical:
            targets = self._object_event_targets(objects + carriers, carriers if own_forces else [], reaction)
        if not targets and not patients and _root(trigger.code) in CONFLICT_ROOTS | {"08"}:
            targets = [p for p in _prep_objects(verb, ("in",)) if self.actors(p, deep=False)][:1]
        if not targets and not patients and _root(trigger.code) in CONFLICT_ROOTS | {"08", "13"}:
            targets = self._place_in_objects(objects + carriers)
        if not targets and not patients and _root(trigger.code) in ("07", "16"):
            # "deposited $1 billion in Lebanon's central bank"; "airdropped grain to famine victims in southern
            # Sudan": aid goes to the state its recipients are in, and so does aid cut off ("suspended food aid to
            # areas of southern Somalia")
            given = _prep_objects(verb, ("to", "into", "for")) + [  # "dispatched supplies and medical teams to Nepal"
                p for o in objects + carriers for c in (o, *o.conjuncts) for p in _prep_objects(c, ("to",))]
            deposited = _prep_objects(verb, ("in",)) if objects else []
            targets = [p for p in given + deposited if any(_located(m) for m in self.actors(p))][:1] or \
                self._place_in_objects(given)
        if not targets and trigger.content is not None and not partners and _root(trigger.code) == "12":
            targets = [t for t in self.arguments(trigger.content)[1] if t not in subjects]
        if not targets:
            clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
            if clause is not None and _root(trigger.code) in ("02", "10", "11", "12", "13"):
                targets = _subjects(clause)
                ours = self._countries(subjects) - {None}
                if _root(trigger.code) == "13" and ours and self._countries(targets) <= ours:
                    # "warned that Moscow could use nuclear weapons if Ukraine tried to retake Crimea": the threat
                    # is to the party of its condition, not to the speaker's own state
                    targets = self._condition_party(clause)
        if trigger.code in self.lex.holder_codes:
            # "demanded the release of two Canadian citizens detained in China": asked of whoever holds them
            held = [p for w in trigger.words + objects for o in [w] + _prep_objects(w, ("of",)) for c in o.children
                    if c.dep_ == "acl" and c.tag_ == "VBN" for p in self._agents(c) + _prep_objects(c, ("in", "by"))
                    if self.actors(p, deep=False)]
            targets = held[:1] or targets
        return subjects, targets, partners

    def _speakers(self, verb: Token) -> list[Token]:
        """Who speaks through a statement a participle hangs from: its owner, else the subject of the verb that made
        it ("the PKK issued a declaration demanding that ...", "Iran's statement condemning ...")."""
        noun = verb.head
        if verb.dep_ != "acl" or verb.tag_ != "VBG" or _lemma(noun) not in self.lex.speech_nouns:
            return []
        owners = [c for c in noun.children if c.dep_ == "poss"]
        if owners:
            return owners
        return _subjects(noun.head) if noun.dep_ == "dobj" else []

    def counterpart(self, trigger: Trigger, sources: list[Mention]) -> Mention | None:
        """The nearest located actor of another country (or a named actor of the same) inside a verb's own phrase,
        for an event whose syntax gives no recipient: "rejected proposed Israeli changes", "threatened to stop talks
        if the United States ...", "tried to hack the computers of South Korean officers". Subjects, reported speech,
        relative clauses, adverbial clauses other than conditions, phrases of circumstance ("despite", "after"),
        participles other than their agent ("a plan drawn up in Rome by ...") and, for reactions, the material event
        nouns they react to (which have arguments of their own) are not searched."""
        own = {m.country for m in sources} | {None}
        if (trigger.nominal and not _light_object(trigger.token, self.lex)) or own == {None} or \
                trigger.code in self.lex.reciprocal or _root(trigger.code) == "01":
            return None  # a statement's recipient is its object ("denied reports that Putin had ..." is no one)
        named = {m.actor_id for m in sources}
        reaction = _root(trigger.code) in REACTION_ROOTS | {"02", "10"}
        frontier = [c for c in trigger.token.children if c.dep_ not in SUBJECT_DEPS | {"nsubjpass", "agent", "poss"}]
        while frontier:
            token = frontier.pop(0)
            if token.dep_ in ("punct", "parataxis", "relcl") or (_lemma(token) in self.lex.reporting and
                                                                  token.pos_ == "VERB"):
                continue
            if token.dep_ == "advcl" and not _conditional(token) or \
                    token.dep_ == "prep" and token.lower_ in self.lex.background_prepositions:
                continue  # "despite Israel's wish", "after the Iraqi attack": the circumstances, not the recipient
            if token.dep_ == "acl" and token.tag_ == "VBN":  # "a plan drawn up in Rome by the opposition": its author
                frontier += [a for a in self._agents(token) if a.dep_ == "pobj" and a.head.dep_ == "agent"]
                continue
            direct = token.head == trigger.token or (token.head.dep_ == "prep" and token.head.head == trigger.token)
            if reaction and direct and self._material_noun(token):
                continue  # "condemned the attack in Turkey's capital": the place is the attack's, not a recipient
            if token.dep_ == "prep" and token.lower_ in ("in", "at", "near") and self._is_event_noun(token.head):
                meeting = self._noun_trigger(token.head)
                if meeting is not None and meeting.code in self.lex.reciprocal:
                    continue  # "an offer to hold talks in Minsk": where a meeting is held is no recipient
            found = [m for m in self._mentions_at(token) if _located(m) and (
                m.country not in own or (m.actor_id not in named | own and m.resolved_by == "dictionary" and
                                         m.sector not in self.lex.commanded_sectors))]  # not its own forces
            if found:
                return found[0]
            frontier += list(token.children)
        return None

    def _material_noun(self, token: Token) -> bool:
        """Whether a noun names a material event (aid, force, coercion ...)."""
        trigger = self._noun_trigger(token) if self._is_event_noun(token) else None
        return trigger is not None and _root(trigger.code) in MATERIAL_ROOTS

    def _located_prep(self, verb: Token, objects: list[Token], pattern_words: set[int]) -> bool:
        """Whether a target preposition of the verb or its objects names a located actor."""
        return any(prep.lower_ in TARGET_PREPS and pobj.i not in pattern_words and
                   any(_located(m) for m in self.actors(pobj, deep=False))
                   for prep in _preps(verb) + [c for o in objects for c in _preps(o)]
                   for pobj in prep.children if pobj.dep_ == "pobj")

    def agentless(self, trigger: Trigger, subjects: list[Token]) -> bool:
        """Whether a coercive or violent event leaves its doer unnamed: a passive without agent ("were killed",
        "soldiers killed in Ukraine", "a curfew was imposed") or whose agent is an event noun naming no actor ("killed
        in a suicide bombing"), or a subject naming no actor ("a roadside bombing killed ...", "two bodyguards shot
        dead the prime minister")."""
        if trigger.sources or _root(trigger.code) not in AGENTLESS_ROOTS or trigger.code in self.lex.reciprocal:
            return False
        if trigger.nominal:  # "a curfew was imposed on Osh": the passive subject of a light verb with no agent
            noun = trigger.token
            return noun.dep_ == "nsubjpass" and _light_object(noun, self.lex) and not self._agents(noun.head) and \
                not any(self.actors(a) for a in self._noun_agents(noun))
        if not subjects:
            return _passive(trigger.token)
        # "two Sikh bodyguards shot dead Indira Gandhi", "was shot dead by a Jewish extremist": doers the text names
        # by no actor are unidentified
        return all((self._is_event_noun(s) and not any(self.actors(a) for a in self._noun_agents(s))) or
                   (s.pos_ == "NOUN" and not self.actors(s)) for s in subjects)

    def code_by_means(self, trigger: Trigger, subjects: list[Token]) -> None:
        """A violent verb done by means of a violent event noun takes the noun's code, which says how ("was blown
        up by a missile" is military force, "killed in a car bombing" a bombing); done by aircraft ("U.S. warplanes
        bombed ...", "Israeli warplanes destroyed Iraq's reactor"), it is an aerial attack. A visit made by forces
        is their deployment ("Russian troops arrived in Syria"), or the act their noun names ("peacekeepers landed
        in Dili": peacekeeping); so is a deployment of peacekeepers ("Fijian peacekeepers deployed to southern
        Lebanon", "deployed to Liberia as part of a peacekeeping force")."""
        deploying = trigger.code in self.lex.deployment_codes.values()
        if (trigger.code in self.lex.forces_visiting or deploying) and not trigger.nominal:
            # the subject, its modifiers and, after a quantity ("a first batch of peacekeeping troops"), its "of"
            # object's, and the force it is "part of": peacekeeping says more than a deployment
            heads = [t for s in subjects for t in [s] + _prep_objects(s, ("of",))] + \
                [f for part in _prep_objects(trigger.token, ("as",)) if _lemma(part) == "part"
                 for f in _prep_objects(part, ("of",))]
            codes = [n.code for n in (self._noun_trigger(t) for t in heads if self._is_event_noun(t)) if n] + \
                [code for t in heads for c in t.children if c.dep_ in ("compound", "amod")
                 for code in _bare_codes(c, self.lex.nouns)]
            if deploying:
                trigger.code = next((c for c in codes if _root(c) == "07"), trigger.code)
                return
            # the aid an infinitive of purpose names ("arrived in Freetown to help Sierra Leone", "moved into Rwanda
            # to protect civilians")
            purposes = [c for c in trigger.token.children if c.dep_ in ("advcl", "xcomp") and c.tag_ == "VB" and
                        any(a.lower_ == "to" for a in c.children)]
            codes += [code for v in purposes for code in _bare_codes(v, self.lex.verbs) if _root(code) == "07"]
            acts = sorted((c for c in codes if _root(c) in ("07", "15")), key=lambda c: _root(c) != "07")
            sectors = {m.sector for s in subjects for m in self.actors(s)}
            if acts:
                trigger.code = acts[0]
            elif sectors and sectors <= set(self.lex.deployment_codes):
                trigger.code = self.lex.deployment_codes["MIL" if "MIL" in sectors else "COP"]
            return
        if trigger.nominal or _root(trigger.code) not in AGENTLESS_ROOTS:
            return
        for subject in subjects:  # before aircraft: "a suicide bomber blew himself up" is a suicide bombing
            means = self._noun_trigger(subject) if self._is_event_noun(subject) else None
            if means is not None and _root(means.code) in AGENTLESS_ROOTS - {"17"}:
                trigger.code = means.code
                return
        if (_root(trigger.code) in ("18", "19") or trigger.code == DESTRUCTION) and \
                any(_lemma(s) in self.lex.aircraft for s in subjects):
            trigger.code = AERIAL_ATTACK
            return
        if _root(trigger.code) in VIOLENT_ROOTS:  # "attacked the town of Halabja with poison gas"
            code = next((c for c in map(self._weapon_code, _prep_objects(trigger.token, ("with",))) if c), None)
            trigger.code = code or trigger.code

    def _place_in_objects(self, objects: list[Token]) -> list[Token]:
        """The first located actor named in a prepositional phrase inside an object ("ban voting in East Jerusalem",
        "blew up power lines leading into Kabul"), not looking into clauses."""
        for obj in objects:
            frontier = [obj]
            while frontier:
                token = frontier.pop(0)
                for child in token.children:
                    if child.dep_ in ("relcl", "advcl", "ccomp", "conj", "appos"):
                        continue
                    if child.dep_ == "pobj" and token.lower_ in NOUN_TARGET_PREPS + ("of", "near", "across"):
                        found = [m for m in self.actors(child, deep=False) if _located(m)]
                        if found:
                            return [child]
                    frontier.append(child)
        return []

    def _agents(self, verb: Token) -> list[Token]:
        """Who acted in a passive clause: "by" phrases on the verb or on its complements, or the event noun that
        did it ("was killed in a US strike")."""
        agents = [p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
        if not agents:
            agents = [p for c in _preps(verb) for pobj in c.children if pobj.dep_ == "pobj"
                      for b in pobj.children if b.dep_ == "prep" and b.lower_ == "by"
                      for p in b.children if p.dep_ == "pobj"]
        if not agents:
            agents = [p for p in _prep_objects(verb, ("in", "during", "by")) if self._is_event_noun(p)]
        return agents

    def _object_event_targets(self, objects: list[Token], carriers: list[Token] = (),
                              reaction: bool = False) -> list[Token]:
        """The target a reaction takes from its object: the agent of a material event ("condemned the Israeli
        strike"), else the recipient named in the object ("reaffirmed support for Ukraine"), else the actor an object
        names ("ban Ugandan opposition candidates", "rejected Israel's proposal"), unless the object is one of the
        `carriers` (pattern words of a code moving the source's own forces) naming an actor itself ("deploy
        peacekeepers": they are what moves, not the recipient). A `reaction` to a material event that names no doer
        has no recipient ("condemned the killing of Soleimani" accuses nobody, least of all Soleimani)."""
        for obj in objects:
            if self._material_noun(obj):
                agents = [a for a in self._noun_agents(obj) if self.actors(a)]
                if agents:
                    return agents[:1]
                if reaction:
                    continue
            found = [p for p in _prep_objects(obj, TARGET_PREPS + ("of", "by")) if self.actors(p)]
            if found:
                return found[:1]
            if obj.pos_ == "NOUN" and self.actors(obj) and not (obj in carriers and self._mentions_at(obj)):
                return [obj]
        return []

    def _noun_arguments(self, trigger: Trigger) -> tuple[list[Token], list[Token], list[Token]]:
        """Arguments of an event noun: owner, "by" phrase or actor modifier as source; "on/against/to/with/of"
        phrases as target; "between X and Y" or two actor modifiers ("Russian-Turkish talks") as partners. A light
        verb lends its subject and its prepositional phrases ("Putin had a conversation with Macron")."""
        noun = trigger.token
        sources: list[Token] = list(trigger.sources) or [c for c in noun.children if c.dep_ == "poss"]
        # a generic modifier ("military occupation", "a government offensive") names no actor
        modifiers = [c for c in noun.children if c.dep_ in ("compound", "amod", "nmod") and self._names_actor(c)
                     and _lemma(c) not in self.lex.mediating]  # "a Russian-brokered ceasefire": Russia mediates
        modifiers += [c for m in modifiers for c in m.children  # "Russian-Turkish talks": both sides
                      if c.dep_ in ("amod", "compound", "nmod") and c.i + 1 < len(c.doc) and c.doc[c.i + 1].text == "-"
                      and self._names_actor(c)]
        targets: list[Token] = list(trigger.targets)  # handed down ("agreed to the deployment of UN peacekeepers")
        partners: list[Token] = []
        with_partners: list[Token] = []
        light = _light_object(noun, self.lex)
        received = noun.dep_ == "dobj" and _lemma(noun.head) in self.lex.receiving_verbs
        # "an arms embargo and a travel ban on Libya's leadership": the last of joined nouns holds their phrases
        # (not its own "of" or "by" phrase: "the attack by Hamas and the taking of hostages")
        preps = _preps(noun) + [p for c in noun.children if c.dep_ == "conj" and c.pos_ == "NOUN" for p in _preps(c)
                                if p.lower_ not in ("of", "by")] + (_preps(noun.head) if light or received else [])
        # "against" names the recipient before any other ("filed a suit at the World Court against the US")
        preps.sort(key=lambda p: p.lower_ != "against")
        if not targets and _root(trigger.code) in REACTION_ROOTS and not any(p.lower_ == "against" for p in preps):
            # "a complaint with NATO over violations of its airspace by Turkish jets": the doer of what it is over
            # (the parser may hang "over" on the "with" party)
            over = [o for p in preps if p.lower_ in ("over", "about") for o in p.children if o.dep_ == "pobj"] + \
                [o for p in preps if p.lower_ == "with" for w in p.children if w.dep_ == "pobj"
                 for o in _prep_objects(w, ("over", "about"))]
            targets = [a for o in over for a in self._noun_agents(o) + [b for q in _prep_objects(o, ("of",))
                                                                        for b in _prep_objects(q, ("by",))]
                       if self.actors(a)][:1]
        for prep in preps:
            for pobj in (c for c in prep.children if c.dep_ == "pobj" and c not in trigger.targets):
                word = prep.lower_
                if word == "by" and prep.head != noun and not _passive(noun.head):
                    continue  # an active light verb's "by" phrase is a means or a misattached modifier
                if word == "by" or (word == "of" and noun.lemma_.lower() in self.lex.of_is_source) or \
                        (word == "from" and (trigger.code[:2] in ("04",) or received)):
                    sources.append(pobj)
                elif word == "between":
                    partners.append(pobj)
                elif word == "with" and trigger.code in self.lex.reciprocal:
                    with_partners.append(pobj)
                elif word in ("on", "over", "about") and _root(trigger.code) == "04":
                    continue  # "negotiations on prisoners of war": the topic of a meeting is no recipient
                elif word == "from" and noun.lemma_.lower() in self.lex.from_is_target and not targets and \
                        any(m.resolved_by != "place" for m in self._mentions_at(pobj)):
                    targets.append(pobj)  # "the withdrawal of its troops from Lebanon", not "from the Bosnian town"
                elif (word in NOUN_TARGET_PREPS or word == "of") and not targets and self.actors(pobj, deep=False):
                    if trigger.code in self.lex.reciprocal and word in LOCATIVE_PREPS and prep.head != noun:
                        continue  # "signed an accord at the White House": where it was signed is no party
                    if word != "in" or _root(trigger.code) in CONFLICT_ROOTS | {"13"}:
                        targets.append(pobj)
                elif word == "into" and not targets and _root(trigger.code) == "09":
                    # "a probe into war crimes by Russian forces": who is investigated is the doer of what it is into,
                    # else the owner of what it is of ("an investigation into the crash of a Russian airliner")
                    targets += [a for a in self._noun_agents(pobj) if self.actors(a)][:1] or \
                        [o for o in _prep_objects(pobj, ("of",)) if self.actors(o, deep=False)][:1]
        if not targets and _root(trigger.code) == "16":
            # "an embargo on imports of Syrian crude oil": a sanction on trade in a party's goods is on the party
            targets = [o for prep in preps if prep.lower_ in ("on", "against") for pobj in prep.children
                       if pobj.dep_ == "pobj" for o in _prep_objects(pobj, ("of",)) if self.actors(o, deep=False)][:1]
        if not targets and not modifiers:
            # "a suspension of air links with Serbia": the recipient is named inside the "of" object
            targets = [p for prep in preps if prep.lower_ == "of" for obj in prep.children if obj.dep_ == "pobj"
                       for inner in _preps(obj) if inner.lower_ in NOUN_TARGET_PREPS and inner.lower_ != "in"
                       for p in inner.children if p.dep_ == "pobj" and self.actors(p, deep=False)][:1]
        # the light verb's subject, or its agent when the noun is its passive subject ("the expulsion ... was
        # announced by the Foreign Office")
        lender = (self._agents(noun.head) if noun.dep_ == "nsubjpass" else _subjects(noun.head)) if light else []
        doers = [s for s in lender if self.actors(s)] if not trigger.sources else []
        if len(modifiers) > 1 and trigger.code in self.lex.reciprocal:
            partners += modifiers
        elif modifiers and not sources and doers:
            # "Israel mounted a Gaza offensive", "the US and Israel will hold the U.S.-Israel group meeting": the
            # light verb's subject acts; a modifier naming a located actor is the recipient
            sources = doers
            if not targets:
                targets = [m for m in modifiers if any(_located(a) for a in self.actors(m))][:1]
        elif modifiers and not sources:
            sources = modifiers[:1]
        elif modifiers and not targets and not received:  # "received military aid from": the receiver is
            targets = modifiers[:1]
        if not sources and not any(self.actors(p) for p in partners) and _root(trigger.code) == "04" and \
                noun.dep_ == "pobj" and noun.head.lower_ == "for" and noun.head.head.pos_ == "VERB":
            sources = [s for s in _subjects(noun.head.head) if self.actors(s)]  # "arrived in Moscow for talks"
            # "hosted Hashimoto for an informal meeting": the guest is the other party
            targets = targets or [o for o in noun.head.head.children if o.dep_ == "dobj" and self.actors(o)]
        if light and not partners and not any(self.actors(s) for s in sources):
            # "mounted its invasion", "held their first meeting": the owner pronoun is the light verb's subject
            sources = trigger.sources or lender
        if light and not targets:
            targets = [c for c in noun.head.children if c.dep_ == "dative" and self.actors(c)]
        if not targets and _root(trigger.code) in ("02", "10", "11", "13"):
            # "its demand that Israel ease restrictions": the clause's subject is asked, charged or threatened
            clause = next((c for c in noun.children if c.dep_ in ("acl", "ccomp") and _subjects(c)), None)
            if clause is None and light:  # "issued a demand for Washington to lift ...": hung on "issued"
                clause = next((c for c in noun.head.children if c.dep_ == "advcl" and _subjects(c) and
                               any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children)), None)
            targets = [s for s in _subjects(clause) if self.actors(s)] if clause is not None else []
        if sources and not targets and received:
            targets = [s for s in _subjects(noun.head) if self.actors(s)]  # "Mubarak received a call from Fahd"
        if not sources and trigger.code.startswith("042") and noun.dep_ == "pobj" and \
                noun.head.lower_ in VISIT_FRAMES and noun.head.head.pos_ in ("VERB", "AUX"):
            sources = [s for s in _subjects(noun.head.head) if self.actors(s)]  # "met X during a visit to Beirut"
        if not sources and not partners and _root(trigger.code) == "04" and noun.dep_ == "pobj" and \
                noun.head.lower_ in ("in", "during") and noun.head.i < noun.head.head.i and \
                noun.head.head.pos_ in ("VERB", "AUX"):
            # "In a telephone conversation, Netanyahu and Sisi reviewed ...": the clause's subjects talked together
            partners = [s for s in _subjects(noun.head.head) if len(self.actors(s)) > 1]
        joined = _joined_verb(noun, self.lex) if not sources and not partners else None
        if joined is not None:
            sources = [s for s in _subjects(joined) if self.actors(s)]  # "Israel took part in talks with Syria"
        if with_partners and (sources or partners) and (not targets or all(t.head.head != noun for t in targets)):
            if sources:
                targets = with_partners  # "X had talks with Y": the partner is the target
            else:
                partners += with_partners
        return sources, targets, partners

    def _noun_agents(self, noun: Token) -> list[Token]:
        """Who carried out a nominal event: "Israel's strike", "the Israeli strike", "the strike by Israel"."""
        return [c for c in noun.children if c.dep_ == "poss" or
                (c.dep_ in ("compound", "amod", "nmod") and self._names_actor(c))] + \
            [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "by" for p in c.children if p.dep_ == "pobj"]

    def _names_actor(self, token: Token) -> bool:
        """Whether a modifier names an actor, not only a sector ("Israeli", "Hamas"; not "terrorist", "military")."""
        return any(not m.actor_id.startswith("-") or m.country for m in self.actors(token))

    def _is_event_noun(self, token: Token) -> bool:
        return any(f in self.lex.nouns for f in _forms(token))


def _noun_phrase(token: Token) -> list[Token]:
    """The words of a noun phrase that can name its country: modifiers, owners, appositions and "of" phrases."""
    found, frontier = [], [token]
    while frontier:
        current = frontier.pop()
        for child in current.children:
            of_phrase = (child.dep_ == "prep" and child.lower_ == "of") or \
                (child.dep_ == "pobj" and current.lower_ == "of")
            if child.dep_ in ("amod", "compound", "nmod", "poss", "appos") or of_phrase:
                found.append(child)
                frontier.append(child)
    return found


def _antecedent(token: Token) -> Token:
    """A relative pronoun's antecedent ("Cyprus, which Turkey does not recognize"), else the token."""
    if token.lower_ in RELATIVE_PRONOUNS and token.head.dep_ == "relcl":
        return token.head.head
    return token


def _reduced_passive_head(verb: Token) -> list[Token]:
    """The noun a participle says what was done to: "soldiers killed in Ukraine"."""
    reduced = verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.pos_ in ("NOUN", "PROPN") and \
        not any(c.dep_ in ("nsubj", "aux") for c in verb.children)
    return [verb.head] if reduced else []


def _headline(verb: Token) -> bool:
    """A participle that is the predicate of a verbless sentence ("10 soldiers killed in Ukraine")."""
    return bool(_reduced_passive_head(verb)) and verb.head.dep_ == "ROOT"


def _existential(noun: Token) -> bool:
    """Whether a noun is what "there is/are" states ("There were ten soldiers killed"): its participle is the news."""
    return noun.dep_ == "attr" and noun.head.lemma_ == "be" and any(c.dep_ == "expl" for c in noun.head.children)


def _passive(verb: Token) -> bool:
    """A passive clause, also a reduced one ("soldiers killed in Ukraine")."""
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children) or bool(_reduced_passive_head(verb))


def _light_object(noun: Token, lexicon: Lexicon) -> bool:
    """A noun that is the object of a light verb ("held talks", "talks were held", "launched an attack")."""
    return noun.dep_ in ("dobj", "nsubjpass") and noun.head.pos_ in ("VERB", "AUX") and \
        noun.head.lemma_.lower() in lexicon.light_verbs


def _acting(trigger: Trigger) -> Token:
    """The token whose clause states a trigger's event: the joining verb of a noun ("took part in the killing"), else
    the trigger itself."""
    token, clause = trigger.token, trigger.clause
    return clause if trigger.nominal and clause is not None and clause is not token.head else token


def _joined_verb(noun: Token, lexicon: Lexicon) -> Token | None:
    """The verb through whose phrase its subject does the event a noun names ("took part in talks", "went ahead
    with the test", "responded with air strikes"), from `joining_phrases`."""
    prep = noun.head
    verb = prep.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep" or verb.pos_ not in ("VERB", "AUX"):
        return None
    children = {c.lower_ for c in verb.children}
    for words in lexicon.joining_phrases:
        if words[0] == verb.lemma_.lower() and words[-1] == prep.lower_ and set(words[1:-1]) <= children:
            return verb
    return None


def _preps(token: Token) -> list[Token]:
    """Prepositions attached to a token (spaCy labels a "to" recipient `dative`)."""
    return [c for c in token.children if c.dep_ == "prep" or (c.dep_ == "dative" and c.pos_ == "ADP")]


def _prep_objects(token: Token, words: tuple[str, ...]) -> list[Token]:
    """The objects of a token's prepositions that are one of `words` ("to China", "in Gaza")."""
    return [p for c in _preps(token) if c.lower_ in words for p in c.children if p.dep_ == "pobj"]


def _bare_codes(token: Token, table: dict[str, list[Pattern]]) -> list[str]:
    """The codes a word has alone in a lexicon table, no other word of a pattern needed ("peacekeeping", "help")."""
    return [p.code for form in _forms(token) for p in table.get(form, []) if not p.words and p.code]


def _lemma(token: Token) -> str:
    return token.lemma_.lower()


def _root(code: str | None) -> str:
    return (code or "")[:2]


def _intent_code(lexicon: Lexicon, code: str) -> str:
    """A cooperative act announced for the future is an intent to cooperate; a harmful one is a threat."""
    if _root(code) in COOPERATIVE_ROOTS - {"03"}:
        return lexicon.recoded("intent", code, "030")
    if _root(code) in CONFLICT_ROOTS:
        return lexicon.recoded("threat", code, "130")
    return code


def _slash_name_head(token: Token) -> Token:
    """The phrase a name split at a slash belongs to: the tokenizer cuts "SPLM/A" in two and the parser may make the
    last piece the subject, cut off from "the Sudanese government and SPLM"."""
    doc = token.doc
    if token.i < 2 or doc[token.i - 1].text != "/" or doc[token.i - 1].whitespace_ or doc[token.i - 2].whitespace_:
        return token
    first = doc[token.i - 2]
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    return first


def _subjects(verb: Token) -> list[Token]:
    """Subject tokens of a verb, inherited through coordination, control and relative clauses."""
    seen = 0
    while seen < 6:
        seen += 1
        subjects = [_slash_name_head(c) for c in verb.children if c.dep_ in SUBJECT_DEPS] or \
            [c for c in verb.children if c.dep_ == "nsubjpass" and any(x.dep_ == "xcomp" for x in verb.children)]
        if len(subjects) == 2 and subjects[0].doc[subjects[0].right_edge.i + 1].text == ",":
            subjects = subjects[1:]  # "Qatar's emir, Sheikh Hamad, launched": one actor the parser split in two
        if subjects:  # a raising passive's subject acts: "Qatar is expected to host talks"
            return subjects
        if verb.dep_ == "relcl" or (verb.dep_ == "acl" and verb.tag_ != "VBN"):
            return [verb.head]
        if verb.dep_ == "pcomp" and verb.head.head.pos_ in ("VERB", "AUX") and verb.head.lower_ in OBJECT_CONTROL:
            governing = verb.head.head  # "criticized Israel for attacking Gaza", "Iran was blamed for attacking"
            doers = [c for c in governing.children if c.dep_ == "dobj"] or \
                [c for c in governing.children if c.dep_ == "nsubjpass"]
            if doers:
                return doers
        if verb.dep_ == "pcomp" or (verb.dep_ == "acomp" and verb.head != verb):
            verb = verb.head.head if verb.dep_ == "pcomp" else verb.head
            continue
        if verb.dep_ in ("xcomp", "conj", "advcl") and verb.head != verb:
            if verb.dep_ == "xcomp":
                objects = [c for c in verb.head.children if c.dep_ in ("dobj",)]
                if objects:
                    return objects
            verb = verb.head
            continue
        return []
    return []


def _clause_verb(token: Token) -> Token | None:
    """The verb whose clause contains a noun."""
    current = token
    for _ in range(8):
        if current.pos_ in ("VERB", "AUX") and current != token:
            return current
        if current.head == current:
            return None
        current = current.head
    return None


def _governing_trigger(by_token: dict[int, Trigger], governor: Token) -> Trigger | None:
    """The trigger a governing verb has: its own, or its copula's for an adjective ("is willing": "is")."""
    return by_token.get(governor.i) or (by_token.get(governor.head.i) if governor.dep_ == "acomp" else None)


def _coded_governor(governor: Token, outer: Trigger | None, code: str | None, extra: list[Trigger]) -> Trigger:
    """The governing verb's own event with `code`: the trigger it already has, or a new one added to `extra`."""
    if outer is None:
        outer = Trigger(governor, code, clause=governor)
        extra.append(outer)
    else:
        outer.code = code
    return outer


def _governor(trigger: Trigger) -> Token | None:
    """The verb that controls a trigger: the head of an infinitive or clause complement, or a noun's verb."""
    token = trigger.token
    if trigger.nominal:
        if token.dep_ == "dobj" and token.head.pos_ == "VERB":
            return token.head
        if token.dep_ == "pobj" and token.head.dep_ == "prep" and token.head.head.pos_ == "VERB" and \
                token.head.lower_ in ("for", "to", "of"):
            return token.head.head
        return None
    return _verb_governor(token)


def _verb_governor(token: Token) -> Token | None:
    """The verb governing a verb through an infinitive, clause, gerund or noun complement."""
    if token.dep_ in ("xcomp", "ccomp") and token.head.pos_ in ("VERB", "AUX", "ADJ"):
        return token.head
    if token.dep_ == "pcomp" and token.head.dep_ == "prep" and token.head.head.pos_ == "VERB":
        return token.head.head  # "refrained from attacking", "accused X of attacking"
    if token.dep_ in ("acl", "ccomp") and token.head.pos_ == "NOUN" and token.head.head.pos_ == "VERB" and \
            not (token.dep_ == "acl" and token.tag_ in ("VBN", "VBG") and
                 not any(c.dep_ in ("aux", "auxpass", "mark") for c in token.children)):
        return token.head.head  # "rejected reports that the two had spoken", not "freed women held in Gaza"
    return None


def _conjunct_heads(token: Token) -> list[Token]:
    """The earlier members a coordinated verb is joined to ("attacked Iraq and taken Mosul": taken -> attacked)."""
    found = []
    while token.dep_ == "conj" and token.head.i < token.i:
        token = token.head
        found.append(token)
    return found


def _finite(verb: Token) -> bool:
    """Whether a complement clause is finite ("that Russia would expel", "that they left"), not an infinitive or a
    subjunctive ("demanded that Turkey provide")."""
    return verb.dep_ == "ccomp" and (verb.tag_ in ("VBD", "VBZ") or any(
        c.dep_ in ("aux", "auxpass") and c.lower_ != "to" for c in verb.children))


def _has_neg(token: Token) -> bool:
    """Whether a verb (or noun) is negated: "not", "never", "no", or a subject opened by "neither" ("Neither Israel
    nor Hamas has accepted")."""
    doc = token.doc
    return any((c.dep_ == "neg" or c.lower_ in ("never", "no") and c.dep_ in ("neg", "advmod", "det")) and
               not (c.i + 1 < len(doc) and doc[c.i + 1].lower_ in NOT_NEGATING)
               for c in token.children) or \
        any(c.dep_ in ("nsubj", "nsubjpass") and any(p.lower_ == "neither" for p in c.children)
            for c in token.children)


class Coder:
    """Turns the triggers of one section into Events."""

    def __init__(self, doc: Doc, analysis: DocumentAnalysis, section: str):
        self.lex = load_lexicon()
        self.doc = doc
        self.analysis = analysis
        self.section = section
        self.index = MentionIndex([m for m in analysis.mentions if m.section == section])
        self.quotes = [q for q in analysis.quotes if q.section == section]
        self.published = analysis.document.published
        self.anchor: str | None = None
        self.number = len(analysis.events)
        self.triggered: set[int] = set()  # the current sentence's triggers and the verbs that carry them

    def run(self) -> list[Event]:
        events: list[Event] = []
        _repair_verb_lemmas(self.doc, self.lex)
        _repair_hyphenated_lemmas(self.doc, self.lex)
        _repair_verbless_roots(self.doc)
        _repair_participle_objects(self.doc)
        _repair_auxiliary_subjects(self.doc)
        _repair_adverbial_subjects(self.doc)
        _repair_reduced_relatives(self.doc)
        _repair_quantity_objects(self.doc, self.lex)
        _repair_request_objects(self.doc, self.lex)
        for sentence in self.doc.sents:
            if not self.index.within(sentence.start_char, sentence.end_char):
                continue
            coder = SentenceCoder(self.lex, sentence, self.index, self.analysis)
            governed = coder.govern(coder.triggers())
            # the triggers and the verbs that carry them, absorbed ones too ("urged Eritrea to accept mediation to
            # end the war": the purpose of the absorbed acceptance is no event either)
            self.triggered = {t.token.i for t in governed} | {t.clause.i for t in governed if t.clause is not None}
            triggers = [t for t in governed if not t.absorbed]
            triggers = [t for t in triggers if not coder.consequence(t, triggers) and not coder.charged(t)]
            for trigger in triggers:
                coder.recode_bare_warning(trigger, triggers)
            backgrounds = [t for t in sentence if coder.opens_background(t)]
            for trigger in triggers:
                elsewhere = [_char_span(b) for b in backgrounds
                             if not b.left_edge.i <= trigger.token.i <= b.right_edge.i and
                             not (b.dep_ == "acl" and b.head.i == trigger.token.i)]
                events += self._events(coder, trigger, sentence, coder.in_background(trigger, triggers), elsewhere)
        return self._merge(events)

    def _events(self, coder: SentenceCoder, trigger: Trigger, sentence: Span, background: bool = False,
                elsewhere: list[tuple[int, int]] = ()) -> Iterator[Event]:
        """The events of one trigger; in a background constituent, only those naming a source and a target with a
        country (or an international organisation) of their own. Dates inside the `elsewhere` spans (background
        constituents not holding the trigger: "following yesterday's crash") do not date it."""
        subjects, targets, partners = coder.arguments(trigger)
        sources = [m for t in subjects for m in coder.actors(t)] or \
            [m for t in subjects if coder._is_event_noun(t) for a in coder._noun_agents(t) for m in coder.actors(a)]
        target_mentions = [m for t in targets for m in coder.actors(t)]
        partner_mentions = [m for t in partners for m in coder.actors(t)]
        if not trigger.nominal and _lemma(trigger.token) in self.lex.departing_verbs and \
                trigger.code in self.lex.departing_codes and not any(
                m.actor_id == m.country or m.sector in self.lex.departing_sectors for m in sources):
            return  # "Putin left Moscow for Beijing": a person leaving a place travels
        unknown = not sources and bool(target_mentions) and coder.agentless(trigger, subjects)
        coder.code_by_means(trigger, subjects)
        reciprocal = trigger.code in self.lex.reciprocal  # "X and Y will meet" stays mutual when recoded as intent
        if not sources and not unknown and not (reciprocal and len(_unique(partner_mentions)) > 1):
            return  # "talks between Israel and Hamas" need no source: the partners act together
        self._truth(trigger)
        if trigger.absorbed:
            return
        pairs: list[tuple[Mention | None, Mention | None]] = []
        if unknown:
            # "three civilians were killed in a bombing": only a stated fact, done to a located actor
            if trigger.negated or trigger.modality not in ("asserted", "reported"):
                return
            pairs = [(None, t) for t in _unique(target_mentions) if _located(t)]
        elif reciprocal and not target_mentions and partner_mentions and \
                not trigger.nominal:
            pairs = [(a, b) for a in _unique(sources) for b in _unique(partner_mentions) if a.actor_id != b.actor_id]
        elif reciprocal and (not target_mentions or not sources and len(_unique(partner_mentions)) > 1):
            # "a ceasefire between Armenia and Azerbaijan over Nagorno-Karabakh": the partners act together
            group = _unique(sources + partner_mentions)
            pairs = [(a, b) for a in group for b in group if a.actor_id != b.actor_id]
            if not pairs and not partner_mentions and trigger.code in self.lex.alone:
                # "China held military exercises near Taiwan": done alone, a joint act is a show of force
                trigger.code = self.lex.alone[trigger.code]
                place = self._place(trigger)
                pairs = [(a, place if place is not None and place.country != a.country else None) for a in group]
            elif not pairs and not partner_mentions and self._optional_target(trigger):
                # one party named: "Israel did not launch this war"; a truce one party declares somewhere else is
                # toward the state there ("declared a two-week ceasefire in Yemen")
                place = self._place(trigger) if _root(trigger.code) == "08" else None
                pairs = [(a, self._state_there(place) if place is not None and place.country != a.country else None)
                         for a in group]
        else:
            target_mentions = target_mentions or partner_mentions
            if target_mentions and all(t.actor_id in {s.country for s in sources} | {s.actor_id for s in sources}
                                       for t in target_mentions):
                # "Trump withdrew the US from a treaty with Iran", "reiterated its demand that Israel ...": the source
                # itself or its own state is no recipient
                counterpart = coder.counterpart(trigger, sources)
                target_mentions = [counterpart] if counterpart is not None else target_mentions
            if not target_mentions:
                if (place := self._struck_place(trigger)) is not None:
                    pairs = [(s, place) for s in sources]  # "militants attacked hotels and a railway station in Mumbai"
                elif (topic := self._statement_topic(trigger, sources)) is not None:
                    pairs = [(s, topic) for s in sources]  # "declined to comment on North Korea's latest statement"
                elif not self._optional_target(trigger):
                    return
                else:
                    counterpart = coder.counterpart(trigger, sources)
                    pairs = [(s, counterpart) for s in sources]
            else:
                pairs = [(s, t) for s in sources for t in target_mentions if s.actor_id != t.actor_id]
                if len(_unique(sources)) > 1 and {t.country for t in target_mentions} <= {s.country for s in sources}:
                    pairs = []  # "Turkey and Libya agreed on the Turkish zone": the parties themselves, no recipient
                if not pairs and self._optional_target(trigger):
                    pairs = [(s, None) for s in sources]  # "lifted the state of emergency in its own region"
        if background:
            pairs = [(s, t) for s, t in pairs if s is not None and t is not None and _located(s) and _located(t)]
        if not pairs:
            return
        code = self.lex.code(trigger.code)
        date, precision = self._date(trigger, sentence, elsewhere)
        reporter = self._reporter(coder, trigger)
        for source, target in pairs:
            self.number += 1
            source_ref = self._localized(source, trigger, code)
            target_ref = self._placed(target, trigger) if target is not None else \
                self._domestic(source_ref, code)
            coded = self._by_parties(code, source_ref, target_ref)
            yield Event(
                id=f"{self.analysis.document.id}#e{self.number}",
                document_id=self.analysis.document.id,
                sentence=sentence.text, start=sentence.start_char, end=sentence.end_char,
                source=source_ref,
                target=target_ref,
                plover=coded.plover, cameo=coded.code, quad_class=coded.quad_class, goldstein=coded.goldstein,
                date=date, date_precision=precision, negated=trigger.negated, modality=trigger.modality,
                reported_by=reporter,
                mode=coded.mode, trigger=" ".join(_word_text(t) for t in sorted([trigger.token] + trigger.words,
                                                                                key=lambda t: t.i)),
                section=self.section,
            )

    def _localized(self, source: Mention | None, trigger: Trigger, code: Code) -> ActorRef:
        """The source as an actor reference, placed where its clause places it when the text gives it no country.
        Protesters named by a sector without a country ("prisoners rioted at a jail in Dili", "students throughout
        Indonesia staged demonstrations") protest where the clause places them, else in the first located actor the
        clause names ("protesters stormed the Japanese embassy"); other
        country-less sectors ("militants attacked a checkpoint in northern Syria") act in the place the clause names;
        and the unnamed doer of coercion or violence there ("a roadside bombing near Samarra killed ...") is that
        country's unidentified armed forces (CAMEO's UAF)."""
        if source is not None:
            if source.actor_id.startswith(UNKNOWN_ACTOR.id) and code.plover in self.lex.domestic_default:
                low, high = _char_span(trigger.clause or trigger.token)
                place = self._place(trigger) or next(
                    (m for m in self.index.within(low, high) if m.country is not None and m is not source), None)
                if place is not None:
                    return actor_ref(_relocated(source, place.country, self.analysis, self.doc), self.analysis)
                return actor_ref(source, self.analysis)
            return self._placed(source, trigger)
        place = self._place(trigger) if _root(code.code) in AGENTLESS_ROOTS else None
        if place is None:
            self.analysis.actors.setdefault(UNKNOWN_ACTOR.id, UNKNOWN_ACTOR)
            return UNKNOWN
        sector = "GOV" if code.code.startswith(AUTHORITY_CODES) else UNIDENTIFIED_FORCES
        actor = registry_for(self.doc).sector_actor(place.country, sector)
        self.analysis.actors.setdefault(actor.id, actor)
        return ActorRef(actor.id, actor.name, actor.country, actor.sector)

    def _by_parties(self, code: Code, source: ActorRef, target: ActorRef | None) -> Code:
        """The code as its parties make it: a killing of armed forces is military force in CAMEO (19), not an assault
        (18): "ten soldiers were killed", "troops shot dead two gunmen"; force used by civilians, protesters or
        workers is a violent protest ("protesters stormed the embassy"); expelling people who hold no office is
        deporting them ("expelled an American academic"); withdrawing from an international body is leaving it."""
        if code.code in self.lex.civil_recode and source.sector in self.lex.civil_sectors:
            return self.lex.code(self.lex.civil_recode[code.code])
        for recode, sectors in self.lex.by_recipient:
            if code.code in recode and target is not None and target.sector in sectors:
                return self.lex.code(recode[code.code])
        return code

    def _placed(self, mention: Mention, trigger: Trigger) -> ActorRef:
        """A mention as an actor reference; a sector named without a country ("prisoners", "militants") is of the
        country where its clause places the event ("arrested protesters in Cairo")."""
        place = self._place(trigger) if mention.actor_id.startswith(UNKNOWN_ACTOR.id) else None
        if place is None:
            return actor_ref(mention, self.analysis)
        return actor_ref(_relocated(mention, place.country, self.analysis, self.doc), self.analysis)

    def _place(self, trigger: Trigger) -> Mention | None:
        """The first located actor a locative phrase of the trigger's clause names, a place before an institution
        ("outside the US embassy in Manila": Manila)."""
        low, high = _char_span(trigger.clause or trigger.token)
        placed = [m for m in self.index.within(low, high) if m.country is not None and self._is_place(m)]
        return next((m for m in placed if m.sector is None), placed[0] if placed else None)

    def _struck_place(self, trigger: Trigger) -> Mention | None:
        """Where violence done to things rather than actors strikes: the place its clause names ("attacked hotels and
        a railway station in Mumbai"), as the state there rather than a government its capital stands for; None for
        other events, or when no place is named."""
        if trigger.nominal or _root(trigger.code) not in VIOLENT_ROOTS or \
                not any(c.dep_ == "dobj" for c in trigger.token.children):
            return None
        place = self._place(trigger)
        return self._state_there(place) if place is not None else None

    def _state_there(self, place: Mention) -> Mention:
        """A place's mention as the state it is in, not a government its capital stands for."""
        return replace(place, actor_id=self._state(place.country).id, sector=None)

    def _statement_topic(self, trigger: Trigger, sources: list[Mention]) -> Mention | None:
        """The party a public statement is about, when it is addressed to none: the first located actor its phrases
        name ("refused to comment on Iranian accusations", "expressed sorrow for the shootings in South Carolina");
        None for other events."""
        if _root(trigger.code) != "01":
            return None
        heads = [trigger.token] + [c for c in trigger.token.children if c.dep_ in ("dobj", "xcomp")]
        own = {m.actor_id for m in sources}
        for prep in (c for h in heads for c in h.children if c.dep_ == "prep" and c.i > trigger.token.i):
            low, high = _char_span(prep)
            found = next((m for m in self.index.within(low, high) if _located(m) and m.actor_id not in own), None)
            if found is not None:
                return found
        return None

    def _is_place(self, mention: Mention) -> bool:
        """Whether a mention names where something happens: a locative phrase ("in northern Syria", "near the town of
        Samarra"), not an origin ("a missionary from Calgary")."""
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            return False
        token = span.root
        if token.dep_ in ("amod", "compound") and token.head.dep_ == "pobj":
            token = token.head  # "in several Iranian cities"
        while token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.dep_ == "pobj":
            token = token.head.head
        return token.dep_ == "pobj" and token.head.lower_ in LOCATIVE_PREPS

    def _domestic(self, source: ActorRef, code: Code) -> ActorRef | None:
        """The recipient of a protest or concession that names none: the source's own state (PLOVER's convention)."""
        if code.plover not in self.lex.domestic_default or source.country is None or source.sector == "IGO":
            return None
        state = self._state(source.country)
        return ActorRef(state.id, state.name, state.country, None)

    def _state(self, country: str) -> Actor:
        """The state actor of a country, registered in the analysis."""
        state = self.analysis.actors.get(country)
        if state is None:
            state = self.analysis.actors[country] = registry_for(self.doc).state_actor(country)
        return state

    def _optional_target(self, trigger: Trigger) -> bool:
        """PLOVER requires a recipient for some types; generic event nouns need one to count at all."""
        if trigger.nominal and not trigger.sources and not _light_object(trigger.token, self.lex) and \
                _acting(trigger) is trigger.token and trigger.token.lemma_.lower() in self.lex.nominal_need_two:
            return False
        if not trigger.nominal and not trigger.words and trigger.token.lemma_.lower() in self.lex.bare_need_target \
                and _root(trigger.code) not in ("03", "13"):
            return False  # a commitment or threat counts without a recipient ("threatened to ban voting")
        return self.lex.code(trigger.code).plover not in self.lex.recipient_required

    # --- truth conditions
    def _truth(self, trigger: Trigger) -> None:
        clause = trigger.clause or trigger.token
        if trigger.nominal and trigger.modality == "asserted" and self._prospective(trigger.token):
            trigger.modality = "future"  # "the visit scheduled for January", "announced the upcoming summit"
            trigger.code = _intent_code(self.lex, trigger.code)
            trigger.negated = trigger.negated or _has_neg(trigger.token)
            return
        if trigger.nominal and trigger.clause is None and self._supposed(trigger.token):
            trigger.modality = "hypothetical"  # "a Russian attack on Ukraine would be a disaster"
            return
        if trigger.nominal and trigger.clause is None:
            # a free event noun is presupposed: only its own "no" negates it; speech around it still reports it
            trigger.negated = trigger.negated or _has_neg(trigger.token)
            context = _clause_verb(trigger.token)
            speech = context is not None and (self._reporting_verb(context) or self._according(context)) is not None
            if trigger.modality in ("asserted", "committed"):  # "agreed to a UN proposal": a commitment is stated
                trigger.modality = "reported" if speech or self._quote(trigger) is not None else "asserted"
            return
        chain = [clause] + [a for a in clause.ancestors][:6]
        if _has_neg(clause) or (trigger.nominal and _has_neg(trigger.token)) or \
                any(c.dep_ == "aux" and _has_neg(c) for c in clause.children):
            trigger.negated = True
        if clause.dep_ == "xcomp" and _lemma(clause.head) in ("have", "be") and \
                any(c.lower_ == "yet" for c in clause.head.children):
            trigger.negated = True  # "have yet to agree": not (yet) done
        auxiliaries = {c.lower_ for c in clause.children if c.dep_ in ("aux", "auxpass")}
        going = any(c.lower_ == "going" and any(g.lower_ == "to" for g in clause.children) for c in
                    clause.children) or (clause.dep_ == "xcomp" and clause.head.lower_ == "going")
        reporting = self._reporting_verb(clause) or self._according(clause)
        if reporting is not None and _has_neg(reporting):
            trigger.negated = True
        condition = any(c.dep_ == "mark" and c.lower_ in CONDITIONAL_MARKS for t in chain[:2] for c in t.children
                        if t == clause or clause.dep_ in ("xcomp", "conj"))  # the if-clause itself
        conditioned = any(_conditional(c) for c in clause.children)
        # "threatened a strike if ...": a threat the verb itself makes
        threat_verb = not trigger.nominal and _root(trigger.code) == "13" and trigger.modality == "asserted"
        if (trigger.modality == "committed" or threat_verb) and not condition:
            # a threat or commitment is made whatever its condition ("threatened to ... unless")
            trigger.modality = "reported" if reporting is not None or self._quote(trigger) is not None else "asserted"
            return
        if trigger.modality == "intended" and not (condition or conditioned):
            return
        # "will withdraw unless ...", "said it would not accept ... if ...": a conditional promise or threat
        announced = auxiliaries & FUTURE_AUX or ("would" in auxiliaries and reporting is not None)
        conditional = condition or (conditioned and not announced)
        purpose = clause.dep_ in ("advcl", "xcomp") and clause.tag_ == "VB" and \
            any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children) and trigger.modality == "asserted"
        purpose = purpose and clause.dep_ == "advcl"
        part_of_act = purpose and clause.head.i in self.triggered
        if purpose and not part_of_act:
            # "would work to expand trade": the purpose of an act that codes no event has the act's tense
            auxiliaries |= {c.lower_ for c in clause.head.children if c.dep_ in ("aux", "auxpass")}
        if conditional or auxiliaries & HYPOTHETICAL_AUX or ("would" in auxiliaries and reporting is None):
            trigger.modality = "hypothetical"
            if auxiliaries & FUTURE_AUX:
                trigger.code = _intent_code(self.lex, trigger.code)
        elif part_of_act:
            # "met to discuss": a purpose is part of the main event, not an event; the purpose of an act that codes
            # no event is what it does ("sent a team of experts to help Tunisia")
            trigger.absorbed = True
        elif auxiliaries & FUTURE_AUX or going or "would" in auxiliaries:
            trigger.modality = "future"
            if trigger.negated and _root(trigger.code) in COOPERATIVE_ROOTS:
                # "will not accept refugees", "said it would not negotiate": an announced refusal
                trigger.code = self.lex.recoded("refuse", trigger.code, "120")
                trigger.negated = False
            else:
                trigger.code = _intent_code(self.lex, trigger.code)
        elif trigger.modality == "asserted" and (reporting is not None or self._quote(trigger) is not None):
            trigger.modality = "reported"

    @staticmethod
    def _supposed(noun: Token) -> bool:
        """Whether an event noun is only supposed: an indefinite subject of a modal clause ("a Russian attack on
        Ukraine would be a disaster", "any attack on a member could trigger a response")."""
        return noun.dep_ in ("nsubj", "nsubjpass") and \
            any(c.dep_ == "det" and c.lower_ in ("a", "an", "any") for c in noun.children) and \
            any(c.dep_ == "aux" and c.lower_ in HYPOTHETICAL_AUX | FUTURE_AUX | {"would"}
                for c in noun.head.children)

    def _prospective(self, noun: Token) -> bool:
        """Whether an event noun is announced for later: "the upcoming summit", "the visit scheduled for January",
        also when the parser hangs the participle on a noun above ("in the context of X's visit to Israel scheduled
        for January")."""
        if any(c.dep_ in ("amod", "acl") and c.lower_ in self.lex.prospective for c in noun.children):
            return True
        after = noun.doc[noun.right_edge.i + 1] if noun.right_edge.i + 1 < len(noun.doc) else None
        return after is not None and after.dep_ == "acl" and after.lower_ in self.lex.prospective and \
            after.head in noun.ancestors

    def _reporting_verb(self, clause: Token) -> Token | None:
        """The reporting verb ("said", "announced") whose complement contains the clause, if any."""
        current = clause
        for _ in range(4):
            if current.dep_ in ("ccomp", "parataxis") and _lemma(current.head) in self.lex.reporting:
                return current.head
            if current.dep_ in ("acl", "ccomp") and _lemma(current.head) in self.lex.speech_nouns and \
                    not (current == clause and current.dep_ == "acl" and current.tag_ == "VBG"):
                # "said in a statement that ...", "issued a communique saying ..."; but "issued a statement
                # condemning X" is the condemnation itself
                noun = current.head
                if noun.dep_ == "pobj" and noun.head.dep_ == "prep":
                    noun = noun.head
                if noun.head.pos_ in ("VERB", "AUX") and noun.head != noun:
                    return noun.head
            if current.dep_ in ("ROOT",) or current.head == current:
                break
            if _lemma(current) in self.lex.reporting and current != clause:
                return None
            current = current.head
        # "X attacked Y, officials said": the reporting verb depends on the event verb
        for child in clause.children:
            if child.dep_ in ("parataxis", "ccomp") and _lemma(child) in self.lex.reporting and \
                    child.i > clause.i and not any(c.dep_ in ("ccomp", "dobj") for c in child.children):
                return child
        return None

    def _according(self, clause: Token) -> Token | None:
        """The source named by "according to X" on the clause or a clause above it."""
        for verb in [clause] + list(clause.ancestors)[:3]:
            for prep in verb.children:
                if prep.dep_ == "prep" and prep.lower_ == "according":
                    return next((p for to in prep.children if to.lower_ == "to"
                                 for p in to.children if p.dep_ == "pobj"), None)
        return None

    def _quote(self, trigger: Trigger):
        offset = trigger.token.idx
        return next((q for q in self.quotes if q.start <= offset < q.end), None)

    def _reporter(self, coder: SentenceCoder, trigger: Trigger) -> ActorRef | None:
        quote = self._quote(trigger)
        if quote is not None and quote.speaker is not None:
            return quote.speaker
        clause = trigger.clause or trigger.token
        according = self._according(clause)
        if according is not None:
            found = coder.actors(according)
            return actor_ref(found[0], self.analysis) if found else None
        reporting = self._reporting_verb(clause)
        if reporting is None:
            return None
        for subject in _subjects(reporting):
            coder_mentions = self._actors_at(subject) or coder.actors(subject)  # "the ministry of Russia said"
            if coder_mentions:
                return actor_ref(coder_mentions[0], self.analysis)
        return None

    def _actors_at(self, token: Token) -> list[Mention]:
        start = token.left_edge.idx
        mention = self.index.at(start, token.idx + len(token.text), head=token.idx)
        return [mention] if mention else []

    # --- dates and merging
    def _date(self, trigger: Trigger, sentence: Span, elsewhere: list[tuple[int, int]] = ()) -> tuple[str | None, str]:
        """The date expression nearest the trigger in its clause, else in its sentence, leaving out those in the
        `elsewhere` character spans; else the publication date with precision "none" (the text does not say)."""
        future = trigger.modality in ("future", "intended")
        clause = trigger.clause or trigger.token
        found = [d for d in find_dates(sentence.text, self.published, anchor=self.anchor, future=future)
                 if not any(low <= d[0] + sentence.start_char and d[1] + sentence.start_char <= high
                            for low, high in elsewhere)]
        if found:
            low = self.doc[clause.left_edge.i].idx - sentence.start_char
            high = self.doc[clause.right_edge.i].idx + len(self.doc[clause.right_edge.i]) - sentence.start_char
            where = trigger.token.idx - sentence.start_char
            inside = [d for d in found if d[0] >= low and d[1] <= high] or found
            _, _, date, precision = min(inside, key=lambda d: min(abs(d[0] - where), abs(d[1] - where)))
            if precision == "day":
                self.anchor = date
            return date, precision
        return (self.published, "none") if self.published else (None, "none")

    def _merge(self, events: list[Event]) -> list[Event]:
        """One event per (source, target, code, date, negated); later statements become evidence."""
        kept: list[Event] = []
        by_key: dict[tuple, Event] = {}
        for event in events:
            key = (event.source.actor_id, event.target.actor_id if event.target else None, event.cameo,
                   event.negated, event.modality)
            first = by_key.get(key)
            if first is not None and (first.date == event.date or "none" in (first.date_precision,
                                                                               event.date_precision)):
                if first.date_precision == "none" and event.date_precision != "none":
                    first.date, first.date_precision = event.date, event.date_precision
                if event.start != first.start and all(e.start != event.start for e in first.evidence):
                    first.evidence.append(Evidence(event.document_id, event.sentence, event.start, event.end))
                continue
            by_key[key] = event
            kept.append(event)
        prefix = f"{self.analysis.document.id}#e"
        base = len(self.analysis.events)
        for number, event in enumerate(kept, start=base + 1):
            event.id = f"{prefix}{number}"
        return kept


def _repair_auxiliary_subjects(doc: Doc) -> None:
    """Hang a subject the parser attached to an auxiliary on the verb ("said Vietnam is committed to": "Vietnam"
    under "is" instead of "committed")."""
    for token in doc:
        aux = token.head
        if token.dep_ == "nsubj" and aux.dep_ in ("aux", "auxpass") and aux.head.pos_ == "VERB" and \
                not any(c.dep_ in ("nsubj", "nsubjpass") for c in aux.head.children):
            verb = aux.head
            token.head = verb
            token.dep_ = "nsubjpass" if aux.dep_ == "auxpass" else "nsubj"


def _repair_reduced_relatives(doc: Doc) -> None:
    """A verb modifying the noun before it with no subject or auxiliary of its own is a past participle, whatever
    tense the tagger gave it ("sailors and marines detained in the Gulf"): the noun is what is done to, not the
    doer."""
    for token in doc:
        if token.dep_ == "acl" and token.tag_ == "VBD" and token.head.i < token.i and \
                not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "mark") for c in token.children):
            token.tag_ = "VBN"


def _repair_adverbial_subjects(doc: Doc) -> None:
    """A name opening a finite verb's clause that the parser read as an adverb of time because a date follows it
    ("Ankara on Thursday suspended military cooperation"): it is the verb's subject."""
    for token in doc:
        verb = token.head
        if token.dep_ != "npadvmod" or token.pos_ != "PROPN" or token.ent_type_ in ("DATE", "TIME") or \
                verb.pos_ != "VERB" or verb.tag_ not in ("VBD", "VBZ", "VBP") or verb.i < token.i or \
                any(c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in verb.children) or \
                any(c.dep_ == "npadvmod" and c.i < token.i for c in verb.children):
            continue
        token.dep_ = "nsubj"


def _repair_verbless_roots(doc: Doc) -> None:
    """Make a sentence's main verb the root when the parser read the sentence as one noun phrase with the verb as
    a participle ("The NATO secretary general conferred with Albanian leaders": "general" the root, "conferred" its
    modifier). Only an active reading qualifies: the participle has an object or a "with" partner and no "by"
    agent ("Three soldiers killed in Kabul" stays a headline's noun phrase)."""
    for sentence in list(doc.sents):
        root = sentence.root
        if root.pos_ not in ("NOUN", "PROPN"):
            continue
        verb = next((c for c in root.rights if c.dep_ == "acl" and c.pos_ == "VERB" and c.tag_ in ("VBD", "VBN")
                     and not any(g.dep_ == "agent" for g in c.children)
                     and any(g.dep_ == "dobj" or (g.dep_ == "prep" and g.lower_ == "with") for g in c.children)),
                    None) or next((t for t in sentence if t.i > root.i and t.dep_ == "acl" and t.tag_ == "VBD" and
                                   any(g.dep_ == "dobj" for g in t.children)), None)  # "troops backed by tanks seized"
        if verb is None:
            _repair_finite_modifier(sentence)
            continue
        verb.head, verb.dep_ = verb, "ROOT"
        root.head, root.dep_ = verb, "nsubj"
        _reattach_after(root, verb)


def _repair_participle_objects(doc: Doc) -> None:
    """A past participle the parser made a clause of the verb before it, taking that verb's object ("released 15
    detained British sailors", "extradited reputed cartel boss Osiel Cardenas"): it modifies the object, which is the
    verb's own."""
    for verb in doc:
        participle = next((c for c in verb.rights if c.dep_ == "advcl" and c.tag_ == "VBN"), None)
        if verb.pos_ != "VERB" or participle is None:
            continue
        between = doc[verb.i + 1:participle.i]
        number = between[0] if len(between) == 1 and between[0].pos_ == "NUM" and between[0].dep_ == "dobj" else None
        obj = next((c for c in participle.rights if c.dep_ == "dobj"), None)
        if (len(between) and number is None) or obj is None or any(
                c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "mark", "agent") for c in participle.children):
            continue
        _reattach_after(participle, verb, after=obj)
        obj.head, obj.dep_ = verb, "dobj"
        participle.head, participle.dep_ = obj, "amod"
        if number is not None:
            number.head, number.dep_ = obj, "nummod"


def _reattach_after(root: Token, verb: Token, after: Token | None = None) -> None:
    """Give the new root verb the sentence's own phrases after it (or after `after`) that hung from the old root."""
    for token in list(root.children):
        if token.i > (after or verb).i and token.dep_ in ("prep", "punct", "npadvmod"):
            token.head = verb


def _repair_finite_modifier(sentence: Span) -> None:
    """A finite past verb the parser made a modifier of the noun after it, in a sentence with a noun for root ("Turkey
    massed troops along the border": "troops" the root; "Yeltsin on Saturday hosted Hashimoto": "Yeltsin" the
    root, "hosted" a modifier of "Hashimoto"): the verb becomes the root, the noun before it its subject and the
    noun it modified its object."""
    root = sentence.root
    verb = next((t for t in sentence if t.tag_ == "VBD" and t.dep_ == "amod" and t.head.i > t.i and
                 t.head.pos_ in ("NOUN", "PROPN")), None)
    if verb is None:
        return
    subject = next((t for t in verb.lefts if t.dep_ in ("npadvmod", "nsubj") and t.pos_ in ("PROPN", "NOUN") and
                    t.ent_type_ not in ("DATE", "TIME")), None)
    if subject is None and root.i < verb.i:
        subject = root
    if subject is None:
        return
    obj = verb.head
    while obj.dep_ == "compound" and obj.head.i > obj.i:
        obj = obj.head  # "hosted Japanese Prime Minister Ryutaro Hashimoto": the name's head
    verb.head, verb.dep_ = verb, "ROOT"
    subject.head, subject.dep_ = verb, "nsubj"
    obj.head, obj.dep_ = verb, "dobj"
    if root not in (subject, obj):
        root.head, root.dep_ = verb, "dep"
    _reattach_after(root, verb)


def _repair_quantity_objects(doc: Doc, lexicon: Lexicon) -> None:
    """Make the noun after a quantity the verb's object or subject ("launched 10 days of war games", "held two rounds
    of talks", "arrested hundreds of protesters", "hundreds of prisoners went on hunger strike"), the quantity its
    modifier."""
    for quantity in doc:
        if quantity.dep_ not in ("dobj", "nsubjpass", "nsubj") or quantity.head.pos_ not in ("VERB", "AUX") or \
                quantity.lemma_.lower() not in lexicon.quantity_nouns:
            continue
        of = next((c for c in quantity.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        noun = next((c for c in of.children if c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN")), None) \
            if of is not None else None
        if noun is None:
            continue
        noun.head, noun.dep_ = quantity.head, quantity.dep_
        quantity.head, quantity.dep_ = noun, "nmod"


def _repair_request_objects(doc: Doc, lexicon: Lexicon) -> None:
    """A request noun after a verb that answers requests, which the parser read as the verb of a clause with the
    asker for subject ("Belarus rejected European Union calls for reform"): it is the verb's object, the asker its
    modifier."""
    for noun in doc:
        head = noun.head
        if noun.dep_ != "ccomp" or noun.tag_ != "VBZ" or noun.lemma_.lower() not in lexicon.request_nouns or \
                _lemma(head) not in lexicon.answering_verbs or head.i > noun.i or \
                any(c.dep_ in ("mark", "aux", "auxpass", "neg", "dobj") for c in noun.children):
            continue
        askers = [c for c in noun.children if c.dep_ == "nsubj"]
        if len(askers) != 1 or askers[0].i > noun.i:
            continue
        noun.pos_, noun.tag_, noun.dep_ = "NOUN", "NNS", "dobj"
        askers[0].dep_ = "amod" if askers[0].pos_ == "ADJ" else "compound"


def _repair_verb_lemmas(doc: Doc, lexicon: Lexicon) -> None:
    """Give back inflected verbs the lemma the lexicon knows when the lemmatizer cut them to another word
    ("staged" -> "stag", not "stage"), and verbs of doing again the lemma of doing ("reimpose" -> "impose")."""
    for token in doc:
        lemma = token.lemma_.lower()
        if token.pos_ != "VERB" or lemma in lexicon.verbs or lemma in lexicon.light_verbs:
            continue
        text = token.lower_
        stems = {"VBD": (text[:-1], text[:-2]), "VBN": (text[:-1], text[:-2]), "VBZ": (text[:-1], text[:-2]),
                 "VBG": (text[:-3] + "e", text[:-3])}.get(token.tag_, ())
        known = next((stem for stem in stems if stem != lemma and (stem in lexicon.verbs or
                                                                   stem in lexicon.light_verbs)), None)
        if known is not None and known.startswith(lemma[:3]):
            token.lemma_ = known
        elif lemma.startswith("re") and len(lemma) > 5:
            base = lemma[2:].lstrip("-")
            if base in lexicon.verbs or base in lexicon.light_verbs:
                token.lemma_ = base  # "reimposed sanctions" is imposing them again


def _hyphen_start(token: Token) -> int:
    """Where the hyphenated word ending at `token` starts ("sit - in" -> the index of "sit")."""
    doc, start = token.doc, token.i
    while start >= 2 and doc[start - 1].text == "-" and not doc[start - 1].whitespace_ and \
            not doc[start - 2].whitespace_ and doc[start - 2].is_alpha:
        start -= 2
    return start


def _word_text(token: Token) -> str:
    """A token's text, whole when it ends a hyphenated word the lexicon knows ("sit-in", not "in")."""
    return token.doc[_hyphen_start(token):token.i + 1].text if "-" in token.lemma_ else token.text


def _repair_hyphenated_lemmas(doc: Doc, lexicon: Lexicon) -> None:
    """The tokenizer splits "sit-in" and "test-fired" at the hyphen: the last part of such a word the lexicon knows
    gets the whole word as its lemma, which is what the patterns look up."""
    for token in doc:
        if token.pos_ == "PUNCT" or (start := _hyphen_start(token)) == token.i:
            continue
        stem = doc[start:token.i].text.lower()
        for whole in (stem + token.lower_, stem + token.lemma_.lower()):
            if whole in lexicon.hyphenated:
                token.lemma_ = whole
                break


def _relocated(mention: Mention, country: str, analysis: DocumentAnalysis, doc: Doc) -> Mention:
    """A country-less sector mention as that country's sector ("tanks" of "Israeli helicopters and tanks"), its actor
    registered in the analysis."""
    actor = registry_for(doc).sector_actor(country, mention.sector)
    analysis.actors.setdefault(actor.id, actor)
    return replace(mention, actor_id=actor.id, country=actor.country)


def _char_span(token: Token) -> tuple[int, int]:
    """Character offsets of a token's subtree."""
    last = token.doc[token.right_edge.i]
    return token.doc[token.left_edge.i].idx, last.idx + len(last)


def _located(mention: Mention) -> bool:
    return mention.country is not None or mention.sector in ("IGO", "NGO")


def _unique(mentions: Iterable[Mention]) -> list[Mention]:
    seen: dict[str, Mention] = {}
    for mention in mentions:
        seen.setdefault(mention.actor_id, mention)
    return list(seen.values())


def extract_events(doc: Doc, analysis: DocumentAnalysis, section: str = "body") -> list[Event]:
    """Every event stated in one section of a document, merged within the section, in text order."""
    return Coder(doc, analysis, section).run()


def link_across_documents(events: list[Event]) -> None:
    """Fill `Event.linked` with the ids of equal events in other documents.

    Equal means same source country, target country, PLOVER type, date and negation; events without a date or a
    source country are not linked."""
    groups: dict[tuple, list[Event]] = defaultdict(list)
    for event in events:
        if event.date is None or event.source.country is None:
            continue
        key = (event.source.country, event.target.country if event.target else None, event.plover, event.date,
               event.negated)
        groups[key].append(event)
    for group in groups.values():
        for event in group:
            event.linked = sorted(other.id for other in group if other.document_id != event.document_id)
