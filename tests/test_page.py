"""What graph.html is made of, without a browser: co-mentions, the layout, the data the page reads."""

from __future__ import annotations

import json
import re

import numpy as np

from newsgraph.graph import merge
from newsgraph.graph.comention import co_mentions, sentence_starts
from newsgraph.graph.html import html_page
from newsgraph.graph.layout import spring_layout

from factories import article, named_in


def test_sentences_start_after_a_full_stop_and_a_space_or_a_line_end():
    text = 'He said "Go." Then left!\n\nA new paragraph? Yes. U.S. stays. v1.2 too'
    starts = sentence_starts(text)
    assert [text[s : s + 4] for s in starts] == ["He s", "Then", "A ne", "Yes.", "U.S.", "stay", "v1.2"]


def test_co_mentions_keep_each_entitys_most_frequent_partners_and_count_what_they_leave_out():
    hub = "Hub Co"
    facts = []
    for i in range(6):  # Hub Co named with Person i in i + 1 articles; Person 0 and 1 together once
        for j in range(i + 1):
            body = f"Day {j}: {hub} hired Person {i}." + (" Person 0 met Person 1." if (i, j) == (1, 0) else "")
            people = [named_in(body, f"p{k}", f"Person {k}", "Person") for k in range(6) if f"Person {k}" in body]
            facts.append(article(f"a{i}{j}", named_in(body, "hub", hub, "Organization"), *people, body=body))
    with merge(facts) as merged:
        drawn = sorted(merged.top_nodes(None))
        order = sorted(f.article.id for f in facts)
        pairs, left_out = co_mentions(merged, drawn, order, per_entity=3)
    names = [d.split(":")[-1] for d in drawn]
    got = {(names[a], names[b]): (len(places) // 2, sum(places[1::2])) for a, b, places in pairs}
    # the hub's 3 most frequent partners, and each person's own best (the hub), and Person 0 with Person 1
    assert got == {
        ("hub-co", "person-5"): (6, 6),
        ("hub-co", "person-4"): (5, 5),
        ("hub-co", "person-3"): (4, 4),
        ("hub-co", "person-2"): (3, 3),
        ("hub-co", "person-1"): (2, 2),
        ("hub-co", "person-0"): (2, 1),
        ("person-0", "person-1"): (1, 1),
    }
    assert left_out == 0
    with merge(facts) as merged:
        pairs, left_out = co_mentions(merged, sorted(merged.top_nodes(None)), order, per_entity=1)
    assert len(pairs) == 6 and left_out == 1  # Person 0 and 1: neither's most frequent


def test_the_layout_is_the_same_every_time_and_keeps_names_apart():
    springs = [(0, i, 1.0, 0.0) for i in range(1, 40)] + [(40, 41, 1.0, 150.0), (41, 42, 0.1, 0.0)]
    boxes = [(60.0, 70.0)] + [(40.0, 20.0)] * 59
    one = spring_layout(60, springs, boxes)
    assert (one == spring_layout(60, springs, boxes)).all() and one.shape == (60, 2)
    half = np.array(boxes)
    apart_x = np.abs(one[:, None, 0] - one[None, :, 0]) >= np.add.outer(half[:, 0], half[:, 0])
    apart_y = np.abs(one[:, None, 1] - one[None, :, 1]) >= np.add.outer(half[:, 1], half[:, 1])
    assert (apart_x | apart_y | np.eye(60, dtype=bool)).all()  # no two boxes (disc and name) overlap
    gaps = np.sqrt(((one[:, None, :] - one[None, :, :]) ** 2).sum(axis=2)) + np.eye(60) * 1e9
    linked = [gaps[0, i] for i in range(1, 40)]
    assert max(linked) < np.median(gaps[43:, 43:][np.triu_indices(17, 1)])  # the hub's people ring it
    assert spring_layout(0, [], []).shape == (0, 2)


def test_every_node_of_the_page_has_its_place(tmp_path):
    facts = [
        article(
            f"a{i}",
            named_in(f"Ann met Bob {i}.", "ann", "Ann", "Person"),
            named_in(f"Ann met Bob {i}.", "bob", f"Bob {i}", "Person"),
            body=f"Ann met Bob {i}.",
        )
        for i in range(5)
    ]
    timings: dict = {}
    with merge(facts) as merged:
        text = html_page(merged, timings=timings)
    nodes = json.loads(re.search(r'id="graph-data" type="application/json">(.*?)</script>', text, re.S)[1])["nodes"]
    assert len(nodes) == 6 and all(isinstance(n["x"], int) and isinstance(n["y"], int) for n in nodes)
    assert timings["layout"] >= 0
