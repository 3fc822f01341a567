"""The dyad model and the actor network."""

from __future__ import annotations

import networkx as nx

from detente.network import build_graph, dyads, write_graphml
from detente.synthetic import CorpusBuilder


def corpus():
    b = CorpusBuilder()
    b.actor("RUS", "Russia", "RUS")
    b.actor("SYR", "Syria", "SYR")
    b.actor("ISR", "Israel", "ISR")
    b.actor("RUS-MIL", "the Russian army", "RUS", "MIL", "sector")
    b.actor("vladimir-putin", "Vladimir Putin", "RUS", "GOV", "person")
    b.actor("bashar-al-assad", "Bashar al-Assad", "SYR", "GOV", "person")
    doc = b.document("a", outlet="Wire One", published="2020-01-07")
    doc.say("Vladimir Putin met Bashar al-Assad in Damascus.").event(
        "vladimir-putin", "bashar-al-assad", "CONSULT", "verbal_cooperation", 1.0, date="2020-01-07", trigger="met")
    doc.say("The Russian army delivered aid to Syria.").event(
        "RUS-MIL", "SYR", "AID", "material_cooperation", 7.0, trigger="delivered")
    doc.say("Russia did not attack Syria.").event("RUS", "SYR", "ASSAULT", "material_conflict", -10, negated=True)
    doc.say("Israel struck Syria.").event("ISR", "SYR", "ASSAULT", "material_conflict", -10.0, date="2020-01-05")
    doc.say("Russia and Syria are allies.").claim("RUS", "SYR", "ally")
    other = b.document("b", outlet="State Herald")
    other.say("\u201cIsrael must stop,\u201d Bashar al-Assad said.").quote("Israel must stop", "bashar-al-assad")
    other.say("Syria and Russia are not enemies.").claim("SYR", "RUS", "enemy", "denied")
    return b.corpus


def test_country_dyads_count_only_events_that_happened():
    table = dyads(corpus())
    rus_syr = table[("RUS", "SYR")]
    assert rus_syr.events == ["a#e1", "a#e2"]
    assert rus_syr.quad_counts == {"verbal_cooperation": 1, "material_cooperation": 1, "verbal_conflict": 0,
                                   "material_conflict": 0}
    assert rus_syr.goldstein_mean == 4.0
    assert rus_syr.timeline == [("2020-01-07", "a#e1"), ("2020-01-07", "a#e2")]  # undated: publication date
    assert rus_syr.claims_by_source == {"Wire One": ["a#c1"], "State Herald": ["b#c1"]}
    # events 0.1 and 0.7, ally +1.0, "not enemies" -1.0 * -0.5 = +0.5
    assert rus_syr.balance == round((0.1 + 0.7 + 1.0 + 0.5) / 4, 3)
    assert set(rus_syr.evidence) == {"a#e1", "a#e2", "a#c1", "b#c1"}


def test_quotes_about_the_other_side_and_conflict_balance():
    table = dyads(corpus())
    isr_syr = table[("ISR", "SYR")]
    assert isr_syr.quotes == ["b#q1"]
    assert isr_syr.balance == -1.0
    assert isr_syr.weight == 2


def test_drill_down_to_sectors_and_people():
    sectors = dyads(corpus(), "sector")
    assert ("RUS-MIL", "SYR-GOV") in sectors and ("RUS-GOV", "SYR-GOV") in sectors
    people = dyads(corpus(), "actor")
    assert people[("bashar-al-assad", "vladimir-putin")].events == ["a#e1"]


def test_graph_edges_carry_balance_weight_and_evidence(tmp_path):
    graph = build_graph(corpus())
    assert set(graph.nodes) == {"RUS", "SYR", "ISR"}
    assert graph.nodes["SYR"]["label"] == "Syria"
    edge = graph.edges["RUS", "SYR"]
    assert edge["weight"] == 4 and edge["material_cooperation"] == 1 and edge["balance"] > 0
    assert graph.edges["ISR", "SYR"]["balance"] < 0
    path = write_graphml(corpus(), tmp_path / "net.graphml")
    loaded = nx.read_graphml(path)
    assert loaded.edges["ISR", "SYR"]["evidence"] == "a#e4 b#q1"
    assert loaded.edges["RUS", "SYR"]["weight"] == 4
