"""`report.html`: one self-contained, offline page showing what the sources say and where they disagree.

Every article body is rendered once, split into sentences with ids (`d<n>-s<k>`, `d<n>-t<k>` for the headline);
every figure, finding, quote and framing item links to the sentence it came from. Article text is HTML-escaped by
Jinja2's autoescaping; the data the page's script needs (graph, evidence index) is embedded as JSON with `<`, `>`
and `&` escaped, so no article can close the script element. CSS and JavaScript are ours, inlined from `static/`.
"""

from __future__ import annotations

import bisect
import json
import math
import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader
from markupsafe import Markup

from .compare import country_level, display_sentence
from .framing import SourceFraming, document_tones, framing_by_source, section_text, sentence_spans
from .model import Claim, Corpus, Event, Finding, Quote
from .network import QUAD_CLASSES, Dyad, build_graph, dyads, layout, node_names, source_name

NETWORK_NODES = 60  # the network shows the most evidenced nodes; every dyad still has its own section
FULL_CARDS = 150  # contradictions shown with their sentences side by side; further ones as compact rows
EVENTS_PER_DYAD = 30  # events listed per dyad; all of them are on its timeline and in the network panel
QUOTES_PER_DYAD = 10
QUOTES_PER_SPEAKER = 30
SNIPPET = 240
QUAD_LABELS = {"verbal_cooperation": "verbal coop.", "material_cooperation": "material coop.",
               "verbal_conflict": "verbal conflict", "material_conflict": "material conflict"}


def balance_colour(balance: float | None) -> str:
    """Conflict (-1) red, neutral grey, cooperation (+1) green; grey-blue when nothing was scored."""
    if balance is None:
        return "#8c9bab"
    grey, red, green = (170, 170, 170), (192, 57, 43), (30, 132, 73)
    end = green if balance > 0 else red
    share = min(1.0, abs(balance) * 1.6)
    return "#" + "".join(f"{round(g + (e - g) * share):02x}" for g, e in zip(grey, end))


class SentenceIndex:
    """Where each document section's sentences are, to turn (document, section, start, end) into anchors."""

    def __init__(self, corpus: Corpus):
        self.number = {d.id: n for n, d in enumerate(corpus.documents)}
        self.spans: dict[tuple[str, str], list[tuple[int, int]]] = {}
        self.starts: dict[tuple[str, str], list[int]] = {}
        for document in corpus.documents:
            for section in ("title", "body"):
                spans = sentence_spans(section_text(document, section))
                self.spans[(document.id, section)] = spans
                self.starts[(document.id, section)] = [s for s, _ in spans]

    @staticmethod
    def anchor(number: int, section: str, k: int) -> str:
        return f"d{number}-{'t' if section == 'title' else 's'}{k}"

    def locate(self, document_id: str, section: str, start: int, end: int) -> list[str]:
        """Anchors of the sentences a span overlaps (the nearest sentence when it falls between two)."""
        key = (document_id, section)
        spans = self.spans.get(key)
        if not spans:
            return [f"d{self.number[document_id]}"] if document_id in self.number else []
        first = max(0, bisect.bisect_right(self.starts[key], start) - 1)
        found = [k for k in range(first, len(spans)) if spans[k][0] < max(end, start + 1)]
        found = [k for k in found if spans[k][1] > start] or [first]
        return [self.anchor(self.number[document_id], section, k) for k in found]


@dataclass
class EvidenceItem:
    """One event, claim or quote as the page shows it."""

    id: str
    kind: str
    anchors: list[str]
    label: str
    source: str
    document_id: str
    published: str | None
    sentence: str = ""

    @property
    def href(self) -> str:
        return "#" + self.anchors[0] if self.anchors else "#"

    @property
    def more(self) -> str:
        """The further sentences the item spans, for the page's script to highlight with the first."""
        return " ".join(self.anchors[1:])


@dataclass
class DyadView:
    dyad: Dyad
    names: tuple[str, str]
    anchor: str
    timeline: Markup
    events: list[EvidenceItem]
    claims: dict[str, list[EvidenceItem]]
    quotes: list[EvidenceItem]
    drill: list[dict[str, Any]] = field(default_factory=list)


class ReportBuilder:
    """Turns a corpus and its findings into the template's context."""

    def __init__(self, corpus: Corpus, findings: Sequence[Finding]):
        self.corpus = corpus
        self.findings = list(findings)
        self.names = node_names(corpus)
        self.sentences = SentenceIndex(corpus)
        self.documents = {d.id: d for d in corpus.documents}
        self.events = {e.id: e for e in corpus.events}
        self.evidence: dict[str, EvidenceItem] = {}
        for event in corpus.events:
            self.evidence[event.id] = self._event_item(event)
        for claim in corpus.claims:
            self.evidence[claim.id] = self._claim_item(claim)
        for quote in corpus.quotes:
            self.evidence[quote.id] = self._quote_item(quote)

    # -- evidence ---------------------------------------------------------------------------------------------
    def name(self, node: str | None) -> str:
        return self.names.get(node, node) if node else "?"

    def _item(self, record: Event | Claim | Quote, kind: str, label: str, sentence: str) -> EvidenceItem:
        document = self.documents.get(record.document_id)
        return EvidenceItem(
            id=record.id, kind=kind,
            anchors=self.sentences.locate(record.document_id, record.section, record.start, record.end),
            label=label, source=source_name(document.outlet if document else None), document_id=record.document_id,
            published=document.published if document else None, sentence=sentence)

    def _event_item(self, event: Event) -> EvidenceItem:
        target = f" → {event.target.name}" if event.target else ""
        flags = " (negated)" if event.negated else ("" if event.modality == "asserted" else f" ({event.modality})")
        label = f"{event.date or 'undated'} · {event.source.name}{target} · {event.plover}" \
                f"{' ' + event.cameo if event.cameo else ''} '{event.trigger}'{flags}"
        return self._item(event, "event", label, display_sentence(event.sentence))

    def _claim_item(self, claim: Claim) -> EvidenceItem:
        person = claim.holder is not None and not country_level(claim.holder)
        speaker = claim.holder.name if person else claim.holder_text or (claim.holder.name if claim.holder else None)
        holder = {"author": "own voice", "speaker": f"held by {speaker}",
                  "group": f"held by {claim.holder_text or 'a group'}"}.get(claim.holder_kind, claim.holder_kind)
        negation = "not " if claim.polarity == "denied" else ""
        label = f"{claim.a.name} – {claim.b.name}: {negation}{claim.relation} ({holder}, {claim.modality})"
        return self._item(claim, "claim", label, display_sentence(claim.sentence))

    def _quote_item(self, quote: Quote) -> EvidenceItem:
        speaker = quote.speaker.name if quote.speaker else "unattributed"
        return self._item(quote, "quote", f"{speaker}, {quote.kind} quote", _snippet(quote.text))

    # -- sections ---------------------------------------------------------------------------------------------
    def article_views(self, tones: dict) -> list[dict[str, Any]]:
        views = []
        for number, document in enumerate(self.corpus.documents):
            paragraphs: list[list[tuple[str, str]]] = []
            body = document.body
            previous_end = 0
            for k, (start, end) in enumerate(self.sentences.spans[(document.id, "body")]):
                if not paragraphs or "\n" in body[previous_end:start]:
                    paragraphs.append([])
                paragraphs[-1].append((SentenceIndex.anchor(number, "body", k), body[start:end]))
                previous_end = end
            title = document.title or ""
            headline = [(SentenceIndex.anchor(number, "title", k), title[s:e])
                        for k, (s, e) in enumerate(self.sentences.spans[(document.id, "title")])]
            tone = tones.get(document.id)
            views.append({
                "anchor": f"d{number}", "document": document, "headline": headline, "paragraphs": paragraphs,
                "words": len(document.body.split()), "tone": tone.tone if tone else None,
                "source": source_name(document.outlet),
                "url": document.url if document.url and document.url.startswith(("http://", "https://")) else None,
                "duplicate_anchor": (f"d{self.sentences.number[document.duplicate_of]}"
                                     if document.duplicate_of in self.sentences.number else None),
            })
        return views

    def finding_views(self) -> list[dict[str, Any]]:
        views = []
        for finding in self.findings:
            items = [self.evidence[i] for i in finding.claim_ids + finding.event_ids if i in self.evidence]
            columns: dict[str, list[EvidenceItem]] = defaultdict(list)
            for item in items:
                same = next((c for c in columns[item.document_id] if c.anchors == item.anchors), None)
                if same is None:
                    columns[item.document_id].append(replace(item))
                elif item.label not in same.label:
                    same.label += f" | {item.label}"
            views.append({
                "finding": finding, "names": (self.name(finding.dyad[0]), self.name(finding.dyad[1])),
                "dyad_anchor": _dyad_anchor(tuple(finding.dyad)),
                "columns": [(self.documents[d] if d in self.documents else None, columns[d])
                            for d in finding.document_ids if d in columns],
                "items": items,
            })
        return views

    def network(self, dyad_table: dict[tuple[str, str], Dyad]) -> dict[str, Any]:
        graph = build_graph(self.corpus, dyad_table)
        kept = sorted(graph.nodes, key=lambda n: (-graph.nodes[n]["evidence"], n))[:NETWORK_NODES]
        shown = graph.subgraph(kept).copy()
        shown.remove_nodes_from([n for n in list(shown.nodes) if shown.degree(n) == 0 and len(kept) > 1])
        positions = layout(shown)
        width, height, margin = 1000, 620, 70
        nodes, edges = [], []
        index = {}
        for n, node in enumerate(sorted(shown.nodes)):
            x, y = positions[node]
            index[node] = n
            evidence = shown.nodes[node]["evidence"]
            nodes.append({"id": node, "label": shown.nodes[node]["label"], "evidence": evidence,
                          "x": round(margin + x * (width - 2 * margin), 1),
                          "y": round(margin + y * (height - 2 * margin), 1),
                          "r": round(7 + 3 * math.sqrt(math.log1p(evidence)), 1)})
        for a, b, data in sorted(shown.edges(data=True), key=lambda e: e[2]["weight"]):
            edges.append({"a": index[a], "b": index[b], "balance": data["balance"], "weight": data["weight"],
                          "colour": balance_colour(data["balance"]),
                          "width": round(min(14.0, 1.2 + 2.0 * math.log1p(data["weight"])), 1),
                          "evidence": data["evidence"], "anchor": _dyad_anchor((a, b)),
                          "title": f"{shown.nodes[a]['label']} – {shown.nodes[b]['label']}"})
        return {"nodes": nodes, "edges": edges, "width": width, "height": height,
                "hidden": graph.number_of_nodes() - len(nodes)}

    def dyad_views(self, dyad_table: dict[tuple[str, str], Dyad]) -> list[DyadView]:
        drill: dict[tuple[str, str], list[Dyad]] = defaultdict(list)
        countries = {}
        for actor in self.corpus.actors:
            countries[actor.id] = actor.country or actor.id
        for key, dyad in dyads(self.corpus, "actor").items():
            country_key = tuple(sorted(countries.get(node, node) for node in key))
            if country_key in dyad_table:
                drill[country_key].append(dyad)
        views = []
        for key, dyad in sorted(dyad_table.items(), key=lambda item: (-item[1].weight, item[0])):
            events = [self.evidence[i] for _, i in dyad.timeline if i in self.evidence]
            claims = {source: [self.evidence[i] for i in ids if i in self.evidence]
                      for source, ids in sorted(dyad.claims_by_source.items())}
            quotes = [self.evidence[i] for i in dyad.quotes if i in self.evidence]
            sub = sorted(drill.get(key, []), key=lambda d: -d.weight)
            views.append(DyadView(
                dyad=dyad, names=(self.name(key[0]), self.name(key[1])), anchor=_dyad_anchor(key),
                timeline=self.timeline_svg(dyad), events=events[:EVENTS_PER_DYAD], claims=claims,
                quotes=quotes[:QUOTES_PER_DYAD],
                drill=[{"names": (self.name(d.key[0]), self.name(d.key[1])), "events": len(d.events),
                        "claims": sum(len(v) for v in d.claims_by_source.values()), "quotes": len(d.quotes),
                        "balance": d.balance, "colour": balance_colour(d.balance)} for d in sub[:12]
                       if d.key != key]))
        return views

    def timeline_svg(self, dyad: Dyad) -> Markup:
        """Dots for the dyad's dated events on a time axis, one lane per quad class, each linked to its sentence."""
        dated = [(date.fromisoformat(d), i) for d, i in dyad.timeline if d and _iso(d)]
        if not dated:
            return Markup("")
        width, lane, left, right = 640, 14, 118, 12
        first, last = dated[0][0], dated[-1][0]
        span = max(1, (last - first).days)
        parts = [f'<svg class="timeline" viewBox="0 0 {width} {lane * 4 + 22}" role="img" '
                 f'aria-label="timeline of events">']
        for n, quad in enumerate(QUAD_CLASSES):
            y = 8 + n * lane
            parts.append(f'<text x="0" y="{y + 4}" class="lane">{QUAD_LABELS[quad]}</text>'
                         f'<line x1="{left}" x2="{width - right}" y1="{y}" y2="{y}" class="lane-line"/>')
        for day, event_id in dated:
            item = self.evidence.get(event_id)
            event = self.events.get(event_id)
            if item is None or event is None:
                continue
            x = left + (width - left - right) * ((day - first).days / span if span else 0.5)
            y = 8 + QUAD_CLASSES.index(event.quad_class) * lane
            more = f' data-more="{item.more}"' if item.more else ""
            parts.append(f'<a href="{item.href}"{more}><circle cx="{x:.1f}" cy="{y}" r="4.5" '
                         f'class="q-{event.quad_class}"><title>{day.isoformat()} {_attr(event.plover)}</title>'
                         f'</circle></a>')
        parts.append(f'<text x="{left}" y="{lane * 4 + 18}" class="axis">{first.isoformat()}</text>')
        if last != first:
            parts.append(f'<text x="{width - right}" y="{lane * 4 + 18}" class="axis" text-anchor="end">'
                         f'{last.isoformat()}</text>')
        parts.append("</svg>")
        return Markup("".join(parts))

    def speaker_views(self) -> list[dict[str, Any]]:
        grouped: dict[str, list[Quote]] = defaultdict(list)
        labels: dict[str, str] = {}
        for quote in self.corpus.quotes:
            key = quote.speaker.actor_id if quote.speaker else ""
            grouped[key].append(quote)
            if quote.speaker:
                country = quote.speaker.country
                suffix = f" ({country}{' ' + quote.speaker.sector if quote.speaker.sector else ''})" if country else ""
                labels[key] = quote.speaker.name + suffix
        views = []
        for key, quotes in sorted(grouped.items(), key=lambda item: (item[0] == "", -len(item[1]), item[0])):
            views.append({"speaker": labels.get(key, "Unattributed"), "count": len(quotes),
                          "sources": sorted({self.evidence[q.id].source for q in quotes}),
                          "quotes": [self.evidence[q.id] for q in quotes[:QUOTES_PER_SPEAKER]]})
        return views

    def framing_views(self, framings: list[SourceFraming]) -> list[dict[str, Any]]:
        views = []
        for framing in framings:
            views.append({
                "framing": framing,
                "loaded": [(use, self._location_href(use.locations[0]), self.name(use.actor_id) if use.actor_id
                            else "") for use in framing.loaded_terms[:30]],
                "scare": [(use, self._location_href(use.locations[0])) for use in framing.scare_quotes[:30]],
                "tone": [(t, self._location_href(t.locations[0])) for t in framing.tone[:12]],
                "voice": list(framing.voice_share.items())[:10],
            })
        return views

    def _location_href(self, location: tuple[str, str, int, int]) -> str:
        anchors = self.sentences.locate(*location)
        return "#" + anchors[0] if anchors else "#"

    def page_data(self, network: dict[str, Any]) -> dict[str, Any]:
        """What the page's script needs: the graph's evidence and an index of every evidence item."""
        referenced = {i for edge in network["edges"] for i in edge["evidence"]}
        return {
            "edges": [{"t": e["title"], "ev": e["evidence"], "d": e["anchor"]} for e in network["edges"]],
            "nodes": [{"t": n["label"], "id": n["id"]} for n in network["nodes"]],
            "ev": {i: [item.anchors, item.kind, item.label, item.source]
                   for i, item in self.evidence.items() if i in referenced},
        }

    def context(self) -> dict[str, Any]:
        tones = document_tones(self.corpus)
        dyad_table = dyads(self.corpus, "country")
        network = self.network(dyad_table)
        findings = self.finding_views()
        contradictions = [f for f in findings if f["finding"].kind == "contradiction"]
        return {
            "title": "detente report",
            "counts": {"documents": len(self.corpus.documents), "actors": len(self.corpus.actors),
                       "events": len(self.corpus.events), "quotes": len(self.corpus.quotes),
                       "claims": len(self.corpus.claims), "contradictions": len(contradictions),
                       "agreements": len(findings) - len(contradictions), "dyads": len(dyad_table)},
            "contradictions": contradictions[:FULL_CARDS],
            "more_contradictions": contradictions[FULL_CARDS:],
            "agreements": [f for f in findings if f["finding"].kind == "agreement"],
            "articles": self.article_views(tones),
            "network": network,
            "dyads": self.dyad_views(dyad_table),
            "speakers": self.speaker_views(),
            "framing": self.framing_views(framing_by_source(self.corpus, tones)),
            "data": _json_for_script(self.page_data(network)),
            "css": Markup(_static("report.css")),
            "js": Markup(_static("report.js")),
            "quad_classes": QUAD_CLASSES, "quad_labels": QUAD_LABELS,
            "balance_colour": balance_colour,
        }


def _iso(value: str) -> bool:
    try:
        date.fromisoformat(value)
        return True
    except ValueError:
        return False


def _snippet(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= SNIPPET else text[:SNIPPET - 1].rstrip() + "…"


def _attr(text: str) -> str:
    return str(Markup.escape(text))


def _dyad_anchor(key: tuple[str, str]) -> str:
    return "dyad-" + "-".join("".join(ch if ch.isalnum() else "_" for ch in node) for node in sorted(key))


def _static(name: str) -> str:
    text = resources.files("detente").joinpath(f"static/{name}").read_text("utf-8")
    if "</script" in text.lower() or "</style" in text.lower():
        raise ValueError(f"static/{name} must not contain a closing script or style tag")
    return text


def _json_for_script(data: Any) -> Markup:
    """JSON that can sit inside <script type="application/json">: no `<`, `>` or `&` left unescaped."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _environment() -> Environment:
    return Environment(loader=PackageLoader("detente", "templates"), autoescape=True, trim_blocks=True,
                       lstrip_blocks=True)


def render_report(corpus: Corpus, findings: Sequence[Finding]) -> str:
    """The report as one HTML string."""
    return _environment().get_template("report.html.j2").render(**ReportBuilder(corpus, findings).context())


def write_report(corpus: Corpus, findings: Sequence[Finding], path: Path) -> Path:
    """Write the self-contained report.html."""
    path = Path(path)
    path.write_text(render_report(corpus, findings), encoding="utf-8")
    return path


def bench(out: Path, documents: int = 1000, browser: str | None = "/usr/bin/chromium") -> dict[str, Any]:
    """Size and load time of the report for a synthetic corpus of `documents` articles.

    Load time is measured in headless Chromium (through Playwright, when installed and `browser` exists): the
    time from navigation start to the end of the load event, as the page's own performance timing reports it."""
    from .compare import compare
    from .synthetic import synthetic_corpus

    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    corpus = synthetic_corpus(documents)
    built = time.perf_counter()
    findings = compare(corpus)
    compared = time.perf_counter()
    path = write_report(corpus, findings, out / "report.html")
    written = time.perf_counter()
    result: dict[str, Any] = {
        "documents": documents, "events": len(corpus.events), "claims": len(corpus.claims),
        "quotes": len(corpus.quotes), "findings": len(findings),
        "corpus_seconds": round(built - started, 3), "compare_seconds": round(compared - built, 3),
        "report_seconds": round(written - compared, 3),
        "report_mb": round(path.stat().st_size / 1_000_000, 3), "path": str(path),
    }
    if browser and Path(browser).exists():
        result.update(_browser_load(path, browser))
    return result


BROWSER_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run"]


def _browser_load(path: Path, executable: str) -> dict[str, Any]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return {"load_seconds": None, "browser": "playwright is not installed"}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=BROWSER_ARGS)
        page = browser.new_page()
        errors: list[str] = []
        page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(path.resolve().as_uri(), wait_until="load", timeout=120_000)
        timing = page.evaluate("""() => {
            const t = performance.getEntriesByType('navigation')[0];
            return {load: t.loadEventEnd, dom: t.domContentLoadedEventEnd};
        }""")
        browser.close()
    return {"load_seconds": round(timing["load"] / 1000, 3),
            "dom_content_loaded_seconds": round(timing["dom"] / 1000, 3), "console_errors": errors}
