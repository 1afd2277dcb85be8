"""graph.html in a real browser: Debian's chromium, headless, through Playwright, offline from file://."""

from __future__ import annotations

import csv
import io
import os
import shutil
import struct
from pathlib import Path
from urllib.parse import quote as _quote

import pytest

from newsgraph.extract import Attribute
from newsgraph.graph import build_graph, merge
from newsgraph.graph.html import COLORS, html_page

from browser import CHROMIUM, PageLog, chromium, open_page
from factories import HOSTILE, article, entity, named_in, quote, rel, rel_in

pytestmark = pytest.mark.browser

if not shutil.which(CHROMIUM):
    if os.environ.get("CI"):
        raise RuntimeError(f"CI must run the browser tests, but {CHROMIUM} is missing (make test installs it)")
    pytest.skip(f"{CHROMIUM} is not installed (make test installs it with apt-get)", allow_module_level=True)

LIU = "urn:newsgraph:entity:person:liu-xiaoming"


def quote_url(text: str) -> str:
    """As the page writes a value into the URL hash (encodeURIComponent)."""
    return _quote(text, safe="-_.!~*'()")


@pytest.fixture(scope="module")
def browser():
    with chromium() as b:
        yield b


@pytest.fixture(scope="module")
def seeds_page(browser, seeds_build):
    _, _, out = seeds_build
    log = PageLog()
    page = open_page(browser, out / "graph.html", log)
    yield page, log
    page.context.close()


def painted(page, hex_color: str) -> int:
    """How many canvas pixels have this colour (give or take anti-aliasing)."""
    r, g, b = (int(hex_color[i : i + 2], 16) for i in (1, 3, 5))
    return page.evaluate(
        """([r, g, b]) => {
        const c = document.querySelector('#net canvas');
        const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let n = 0;
        for (let i = 0; i < px.length; i += 4) {
            if (Math.abs(px[i] - r) < 8 && Math.abs(px[i + 1] - g) < 8 && Math.abs(px[i + 2] - b) < 8) n++;
        }
        return n; }""",
        [r, g, b],
    )


def visible_ids(page) -> list[str]:
    return page.evaluate("window.newsgraph.network.body.nodeIndices.slice().sort()")


@pytest.mark.model
def test_seeds_page_loads_offline_without_errors_and_draws_every_type(seeds_page, seeds_build):
    page, log = seeds_page
    graph = seeds_build[0]
    assert log.errors == [] and log.outside == [] and log.dialogs == []
    assert visible_ids(page) == sorted(graph.nodes)
    for kind, color in COLORS.items():  # discs of each type's colour are on the canvas
        assert painted(page, color) > 200, kind
    assert page.evaluate("window.newsgraph.network.physics.options.enabled") is False  # settled, not moving


@pytest.mark.model
def test_search_by_name_or_alias_focuses_the_entity(seeds_page):
    page, _ = seeds_page
    for query in ("Liu Xiaoming", "mr liu", "Liu Xiamong"):
        page.fill("#search", query)
        page.press("#search", "Enter")
        page.wait_for_function(f"() => window.newsgraph.network.getSelectedNodes()[0] === {LIU!r}")
        assert page.text_content("#panel h2") == "Liu Xiaoming"
    panel = page.text_content("#panel")
    assert "Also written" in panel and "Mr Liu" in panel
    assert "Chinese embassy calls for Twitter inquiry after porn clip liked" in panel  # an article headline
    assert "“" in panel  # evidence sentences are shown
    assert "Quoted (5)" in panel and "There is no such concentration camp in Xinjiang" in panel


@pytest.mark.model
def test_clicking_a_node_opens_its_panel(seeds_page):
    page, _ = seeds_page
    page.wait_for_timeout(600)  # let an earlier focus animation (400 ms) end
    page.evaluate("window.newsgraph.network.fit()")
    page.wait_for_timeout(100)
    x, y = page.evaluate(
        """(id) => { const n = window.newsgraph.network;
        const p = n.canvasToDOM(n.getPositions([id])[id]);
        const box = document.querySelector('#net').getBoundingClientRect();
        return [box.left + p.x, box.top + p.y]; }""",
        LIU,
    )
    page.mouse.click(x, y)
    page.wait_for_function(f"() => window.newsgraph.network.getSelectedNodes()[0] === {LIU!r}")
    assert page.text_content("#panel h2") == "Liu Xiaoming"
    assert "ambassador to" in page.text_content("#panel")


@pytest.mark.model
def test_type_and_article_filters_hide_nodes(seeds_page, seeds_build):
    page, _ = seeds_page
    graph = seeds_build[0]
    places = {n for n, d in graph.nodes(data=True) if d["type"] == "Place"}
    place_pixels = painted(page, COLORS["Place"])
    page.uncheck("#legend input[data-kind=Place]")
    page.wait_for_timeout(200)
    assert not places & set(visible_ids(page)) and len(visible_ids(page)) == len(graph) - len(places)
    assert painted(page, COLORS["Place"]) < place_pixels / 10
    page.check("#legend input[data-kind=Place]")
    page.select_option("#article", "004_1dce59e31ca20825")
    page.wait_for_timeout(200)
    assert set(visible_ids(page)) == {n for n, d in graph.nodes(data=True) if "004_1dce59e31ca20825" in d["articles"]}
    assert page.text_content("#panel h2") == (
        "Chinese diplomat demands investigation after his Twitter account liked embarrassing posts"
    )
    page.click("#panel button.link >> text=Twitter")  # an entity of the article, one click away
    page.wait_for_function(
        "() => window.newsgraph.network.getSelectedNodes()[0] === 'urn:newsgraph:entity:organization:twitter'"
    )
    assert page.text_content("#panel h2") == "Twitter"
    page.select_option("#article", "003_84a72388b0f39897")
    assert page.get_attribute("#panel a", "href") == "https://www.bbc.com/news/technology-54092119"
    panel = page.text_content("#panel")
    assert "Quotations (" in panel and "The embassy reserves the right" in panel and "speaker not named" in panel
    page.click("#panel li:has-text('There is no such concentration camp') button.link")  # its speaker
    page.wait_for_function(f"() => window.newsgraph.network.getSelectedNodes()[0] === {LIU!r}")
    page.select_option("#article", "")
    assert len(visible_ids(page)) == len(graph)


@pytest.mark.model
def test_screenshot_is_written(seeds_page, tmp_path):
    page, _ = seeds_page
    shot = tmp_path / "seeds.png"
    page.screenshot(path=str(shot))
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000


def test_hostile_names_open_no_dialog_and_show_as_text(browser, tmp_path):
    bodies = [f"{name} works for Acme <b>Corp</b>. <script>alert('body')</script>" for name in HOSTILE]
    facts = [
        article(
            f"a{i}",
            named_in(body, f"e{i}", name, "Person"),
            named_in(body, "acme", "Acme <b>Corp</b>", "Organization"),
            body=body,
            relations=[rel_in(body, f"e{i}", "worksFor", "acme", f"{name} works for Acme <b>Corp</b>.")],
            quotations=[quote(f"I said {name}", f"e{i}")],
            headline=name,
            url="javascript:alert('url')",
        )
        for i, (name, body) in enumerate(zip(HOSTILE, bodies, strict=True))
    ]
    path = tmp_path / "hostile.html"
    with merge(facts) as merged:
        path.write_text(html_page(merged, title="<img src=x onerror=alert('title')>"), encoding="utf-8")
    log = PageLog()
    page = open_page(browser, path, log, fragment="entity=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&article=<b>")
    try:
        assert log.dialogs == [] and log.errors == [] and log.outside == []
        assert page.evaluate("document.querySelectorAll('img, iframe, object, embed').length") == 0
        assert page.evaluate("document.scripts.length") == 4  # the data, the texts, vis-network, the page's own
        assert page.text_content("h1") == "<img src=x onerror=alert('title')>"
        for name in ("<img src=x onerror=alert(1)>", "</script><script>alert(1)</script>"):
            page.fill("#search", name)
            page.press("#search", "Enter")
            page.wait_for_function("() => document.querySelector('#panel h2') !== null")
            assert page.text_content("#panel h2") == name
            assert name in page.text_content("#panel")  # the headline, shown as text
            assert f"I said {name}" in page.text_content("#panel")  # and the quotation
        page.select_option("#article", "a2")  # the article panel: a javascript: URL is not made a link
        assert page.text_content("#panel h2") == HOSTILE[2]
        assert page.evaluate("document.querySelectorAll('#panel a').length") == 0
        for i, body in enumerate(bodies):  # each text as text, its names marked, the evidence highlighted
            page.evaluate(f"window.newsgraph.read('a{i}', [0, {len(HOSTILE[i] + ' works for Acme <b>Corp</b>.')}])")
            assert page.text_content("#panel .article-text") == body
            assert page.text_content("#panel mark") == f"{HOSTILE[i]} works for Acme <b>Corp</b>."
            assert page.text_content("#panel button.mention") == HOSTILE[i]
        assert page.evaluate("document.querySelectorAll('#panel b, #panel script, img').length") == 0
        page.evaluate("window.newsgraph.focus(window.newsgraph.nodes.getIds().find(i => i.includes('acme')))")
        assert "Acme <b>Corp</b>" == page.text_content("#panel h2")
        for edge in page.evaluate("window.newsgraph.edges.getIds()"):  # arrow panels: names and sentences as text
            page.evaluate("(id) => window.newsgraph.selectEdge(id)", edge)
            assert page.text_content("#panel h2").endswith(" — Acme <b>Corp</b>")
            assert " works for Acme <b>Corp</b>." in page.text_content("#panel .evidence")
        page.check("#co")  # co-mentions, their panel and tooltip
        co = page.evaluate("window.newsgraph.edgeView.getIds().filter(i => i.startsWith('co|'))")
        assert len(co) == len(HOSTILE)  # each person with Acme, in their article
        for link in co:
            page.evaluate("(id) => window.newsgraph.selectEdge(id)", link)
            assert page.text_content("#panel h2").startswith("Acme <b>Corp</b> and ")
        page.uncheck("#co")
        with page.expect_download() as got:  # the CSV: every name as a cell, formulas defused
            page.click("#clear")
            page.click("#csv")
        rows = list(csv.reader(io.StringIO(Path(got.value.path()).read_text("utf-8-sig"), newline="")))
        assert {r[2] for r in rows if r[0] == "entity"} == set(HOSTILE) | {"Acme <b>Corp</b>"}
        assert len([r for r in rows if r[0] == "relation"]) == len(HOSTILE)
        page.evaluate("window.newsgraph.network.fit()")
        page.wait_for_timeout(100)
        tips = set()
        for pos in page.evaluate("window.newsgraph.network.getPositions()").values():  # tooltips: names as text
            page.mouse.move(*canvas_point(page, pos["x"], pos["y"]))
            page.wait_for_timeout(60)
            tips.add(page.evaluate("(document.querySelector('#tip strong') || {}).textContent || null"))
        assert tips >= {HOSTILE[2], HOSTILE[3], "Acme <b>Corp</b>"}
        assert page.evaluate("document.querySelectorAll('#tip img, #tip script, #tip b').length") == 0
        assert page.evaluate("document.scripts.length") == 4
        page.wait_for_timeout(300)
        assert log.dialogs == [] and log.errors == [] and log.outside == []
    finally:
        page.context.close()


def test_max_nodes_notice_is_on_the_page(browser, tmp_path):
    facts = [
        article(f"a{i}", entity("big", "Big Name", "Person"), entity(f"p{i}", f"Place {i}", "Place")) for i in range(30)
    ]
    path = tmp_path / "capped.html"
    path.write_text(html_page(build_graph(facts), max_nodes=10), encoding="utf-8")
    log = PageLog()
    page = open_page(browser, path, log)
    try:
        assert len(visible_ids(page)) == 10
        assert page.text_content("#notice") == "Showing the 10 most mentioned of 31 entities; 21 left out."
        assert log.errors == []
    finally:
        page.context.close()


def test_a_big_page_opens_laid_out_with_linked_entities_and_shows_the_rest_where_the_build_put_them(browser, tmp_path):
    hub = entity("hub", "Hub Org", "Organization")
    facts = [
        article(
            f"a{i}",
            hub,
            entity("p", f"Person {i}", "Person"),
            entity("q", f"Place {i}", "Place"),
            relations=[rel("p", "worksFor", "hub")] if i < 40 else [],
        )
        for i in range(600)
    ]
    graph = build_graph(facts)
    assert graph.number_of_nodes() == 1201
    path = tmp_path / "big.html"
    path.write_text(html_page(graph), encoding="utf-8")
    log = PageLog()
    page = open_page(browser, path, log)
    try:
        assert len(visible_ids(page)) == 41  # the hub and the 40 people who work for it
        assert "Entities without relations are hidden" in page.text_content("#notice")
        assert page.evaluate("window.newsgraph.network.physics.options.enabled") is False  # nothing moves
        page.uncheck("#linked")
        assert len(visible_ids(page)) == 1201 and page.text_content("#notice") == ""
        built = page.evaluate("""() => Object.fromEntries(JSON.parse(document.getElementById('graph-data').textContent)
            .nodes.map(n => [n.id, [n.x, n.y]]))""")
        drawn = page.evaluate("window.newsgraph.network.getPositions()")
        assert {k: [v["x"], v["y"]] for k, v in drawn.items()} == built  # where the build put them
        assert len({(round(x), round(y)) for x, y in built.values()}) == 1201  # spread out, not piled up
        page.uncheck("#legend input[data-kind=Place]")
        page.check("#legend input[data-kind=Place]")
        again = page.evaluate("window.newsgraph.network.getPositions()")
        assert again == drawn and log.errors == []
    finally:
        page.context.close()


def open_facts(browser, tmp_path, facts, name="page", fragment="", **kw):
    """A page of hand-made facts (and their articles' texts), opened; (page, log)."""
    path = tmp_path / f"{name}.html"
    with merge(facts) as merged:
        path.write_text(html_page(merged, **kw), encoding="utf-8")
    log = PageLog()
    return open_page(browser, path, log, fragment=fragment), log


def canvas_point(page, x: float, y: float) -> tuple[float, float]:
    """Page coordinates of a point of the graph (canvas coordinates)."""
    return page.evaluate(
        """([x, y]) => {
        const n = window.newsgraph.network; const p = n.canvasToDOM({x, y});
        const box = document.querySelector('#net').getBoundingClientRect(); return [box.left + p.x, box.top + p.y];
    }""",
        [x, y],
    )


def click_edge(page, edge_id: str) -> None:
    """Click the middle of an arrow (straight or curved)."""
    page.evaluate("window.newsgraph.network.fit()")
    page.wait_for_timeout(100)
    mid = page.evaluate("(id) => window.newsgraph.network.body.edges[id].edgeType.getPoint(0.5)", edge_id)
    page.mouse.click(*canvas_point(page, mid["x"], mid["y"]))


def panel_sentences(page) -> list[str]:
    """The evidence sentences of the panel, as a reader sees them (quote marks and case aside)."""
    texts = page.eval_on_selector_all("#panel .evidence", "els => els.map(e => e.firstChild.textContent)")
    return [" ".join("".join(c.lower() if c.isalnum() else " " for c in t).split()) for t in texts]


PAIR_SENTENCE = "Ann Lee, who works for Acme, met Acme's board."


def pair_facts():
    ann, acme = entity("ann", "Ann Lee", "Person"), entity("acme", "Acme", "Organization")
    return [
        article(
            "a1",
            ann,
            acme,
            relations=[
                rel("ann", "worksFor", "acme", PAIR_SENTENCE, 10, 0.9),
                rel("ann", "memberOf", "acme", PAIR_SENTENCE, 10, 0.6),
            ],
        ),
        article(
            "a2",
            ann,
            acme,
            relations=[
                rel("ann", "worksFor", "acme", "“" + PAIR_SENTENCE + "”", 40, 0.7),
                rel("ann", "worksFor", "acme", "Ann Lee joined Acme.", 90, 0.8),
                rel("acme", "founder", "ann", "Acme was founded by Ann Lee.", 0, 0.5),
            ],
            attributes=[Attribute("ann", "jobTitle", "chief engineer", "Ann Lee joined Acme.", 90, 110, 0.8)],
            headline="Second story",
            date="2021-03-04",
        ),
    ]


def test_clicking_an_arrow_opens_every_relation_between_the_pair_each_sentence_once(browser, tmp_path):
    page, log = open_facts(browser, tmp_path, pair_facts(), "pair")
    ann, acme = "urn:newsgraph:entity:person:ann-lee", "urn:newsgraph:entity:organization:acme"
    try:
        click_edge(page, f"{ann}|{acme}")
        page.wait_for_function("() => window.newsgraph.state.panel === 'edge'")
        assert page.text_content("#panel h2") == "Ann Lee — Acme"
        panel = page.text_content("#panel")
        assert "Relations (3)" in panel  # both ways: works for, member of, and Acme's founder
        for line in ("Ann Lee — works for → Acme", "Ann Lee — member of → Acme", "Acme — founded by → Ann Lee"):
            assert line in panel
        assert "Evidence (3 sentences)" in panel
        sentences = panel_sentences(page)
        assert len(sentences) == len(set(sentences)) == 3  # the shared sentence once, whatever its quote marks
        shared = page.locator("#panel li.sentence", has_text="who works for Acme")
        assert shared.locator(".count-badge").text_content() == "×2"  # read in two places
        assert "states: member of, works for" in shared.text_content() and "confidence 0.90" in shared.text_content()
        joined = page.locator("#panel li.sentence", has_text="Ann Lee joined Acme")  # the role that sentence gives
        assert "states: works for (as chief engineer)" in joined.text_content()
        assert shared.locator("button.link").all_text_contents() == [
            "Headline a1 (2020-09-09)",
            "Second story (2021-03-04)",
        ]
        assert page.evaluate("window.newsgraph.network.getSelectedEdges()") == [f"{ann}|{acme}"]
        assert log.errors == []
    finally:
        page.context.close()


@pytest.mark.model
def test_no_panel_repeats_a_sentence(seeds_page):
    page, _ = seeds_page
    embassy = "urn:newsgraph:entity:organization:chinese-embassy"
    ids = page.evaluate("window.newsgraph.nodes.getIds()")
    for node in ids:
        page.evaluate("(id) => window.newsgraph.focus(id, {})", node)
        sentences = panel_sentences(page)
        assert len(sentences) == len(set(sentences)), node
        if node == embassy:
            assert "Evidence (" in page.text_content("#panel") and len(sentences) >= 5
    for edge in page.evaluate("window.newsgraph.edges.getIds().filter(id => !id.startsWith('co|'))"):
        page.evaluate("(id) => window.newsgraph.selectEdge(id)", edge)
        sentences = panel_sentences(page)
        assert sentences and len(sentences) == len(set(sentences)), edge
    page.evaluate("window.newsgraph.clear()")


def view_of(page) -> dict:
    """What a user sees: the selection, the panel, the menu, the entities drawn grey among those shown."""
    return page.evaluate("""() => { const g = window.newsgraph, shown = g.view.getIds();
        return {selected: g.network.getSelectedNodes(), panel: g.state.panel,
                title: (document.querySelector('#panel h2') || {}).textContent || null,
                menu: document.querySelector('#article').value, shown: shown.length,
                grey: shown.filter(id => g.nodes.get(id).color === '#d9e2ec').length,
                note: document.querySelector('#searchnote').textContent}; }""")


ANN, ACME = "urn:newsgraph:entity:person:ann-lee", "urn:newsgraph:entity:organization:acme"
BOB = "urn:newsgraph:entity:person:bob-ray"


def two_stories():
    ann, acme = entity("ann", "Ann Lee", "Person"), entity("acme", "Acme", "Organization")
    bob, beta = entity("bob", "Bob Ray", "Person"), entity("beta", "Beta Town", "Place")
    return [
        article(
            "a1",
            ann,
            acme,
            relations=[rel("ann", "worksFor", "acme", "Ann Lee works for Acme.")],
            headline="Ann's story",
        ),
        article(
            "a2",
            bob,
            beta,
            acme,
            headline="Bob's story",
            date="2021-01-02",
            relations=[rel("bob", "homeLocation", "beta", "Bob Ray lives in Beta Town.")],
        ),
    ]


def test_choosing_an_article_searching_and_clearing_each_give_one_consistent_view(browser, tmp_path):
    page, log = open_facts(browser, tmp_path, two_stories(), "two")
    try:
        page.evaluate(f"window.newsgraph.focus({ANN!r})")  # Ann and Acme lit, Bob and Beta Town grey
        assert view_of(page) == {
            "selected": [ANN],
            "panel": "entity",
            "title": "Ann Lee",
            "menu": "",
            "shown": 4,
            "grey": 2,
            "note": "",
        }
        page.select_option("#article", "a2")  # Ann is not in it: she is let go, and nothing stays grey
        assert view_of(page) == {
            "selected": [],
            "panel": "article",
            "title": "Bob's story",
            "menu": "a2",
            "shown": 3,
            "grey": 0,
            "note": "",
        }
        page.select_option("#article", "")  # back to all: no article panel left open
        assert view_of(page) == {
            "selected": [],
            "panel": "",
            "title": None,
            "menu": "",
            "shown": 4,
            "grey": 0,
            "note": "",
        }
        page.select_option("#article", "a2")
        page.evaluate(f"window.newsgraph.focus({BOB!r}, {{}})")  # in the article: it stays chosen
        assert view_of(page) == {
            "selected": [BOB],
            "panel": "entity",
            "title": "Bob Ray",
            "menu": "a2",
            "shown": 3,
            "grey": 1,
            "note": "",
        }
        page.fill("#search", "Nobody Atall")
        page.press("#search", "Enter")  # no match: said in two places, and the old selection is gone
        assert view_of(page) == {
            "selected": [],
            "panel": "nomatch",
            "title": "No match",
            "menu": "a2",
            "shown": 3,
            "grey": 0,
            "note": "no match",
        }
        assert "No entity is named “Nobody Atall”" in page.text_content("#panel")
        page.fill("#search", "ann")  # a match outside the article: the article filter gives way, and says so
        page.press("#search", "Enter")
        assert view_of(page) == {
            "selected": [ANN],
            "panel": "entity",
            "title": "Ann Lee",
            "menu": "",
            "shown": 4,
            "grey": 2,
            "note": "",
        }
        assert "To show Ann Lee: all articles." in page.text_content("#notice")
        page.click("#clear")
        assert view_of(page) == {
            "selected": [],
            "panel": "",
            "title": None,
            "menu": "",
            "shown": 4,
            "grey": 0,
            "note": "",
        }
        assert page.input_value("#search") == "" and page.text_content("#notice") == ""
        page.evaluate(f"window.newsgraph.focus({BOB!r}, {{}})")
        page.uncheck("#legend input[data-kind=Person]")  # a filter that hides the selection lets it go
        assert view_of(page) == {
            "selected": [],
            "panel": "",
            "title": None,
            "menu": "",
            "shown": 2,
            "grey": 0,
            "note": "",
        }
        assert log.errors == []
    finally:
        page.context.close()


def test_the_url_hash_reopens_the_same_view(browser, tmp_path):
    facts = two_stories()
    page, log = open_facts(browser, tmp_path, facts, "hash")
    try:
        page.uncheck("#legend input[data-kind=Place]")
        page.select_option("#article", "a2")
        page.evaluate(f"window.newsgraph.focus({BOB!r}, {{}})")
        fragment = page.evaluate("location.hash.slice(1)")
        assert fragment == f"entity={quote_url(BOB)}&article=a2&hide=Place"
        before = view_of(page)
        again = open_page(browser, tmp_path / "hash.html", PageLog(), fragment=fragment)
        assert view_of(again) == before
        assert again.is_checked("#legend input[data-kind=Person]") and not again.is_checked(
            "#legend input[data-kind=Place]"
        )
        again.context.close()
        # an edge, and the article read from it
        page.evaluate(f"window.newsgraph.selectEdge({ANN + '|' + ACME!r})")
        page.click("#panel li.sentence button.link")
        fragment = page.evaluate("location.hash.slice(1)")
        assert fragment == f"edge={quote_url(ANN + '|' + ACME)}&article=a1&at=0-23&panel=article&hide=Place"
        again = open_page(browser, tmp_path / "hash.html", PageLog(), fragment=fragment)
        assert view_of(again) == view_of(page) and view_of(again)["title"] == "Ann's story"
        assert again.evaluate("window.newsgraph.network.getSelectedEdges()") == [ANN + "|" + ACME]
        again.context.close()
        # a link from elsewhere that names nothing known opens the plain view, without errors
        odd = open_page(browser, tmp_path / "hash.html", log, fragment="entity=%3Cimg%3E&article=zz&hide=%E0%A4&at=x")
        assert view_of(odd)["panel"] == "" and view_of(odd)["shown"] == 4
        odd.context.close()
        assert log.errors == []
    finally:
        page.context.close()


def test_download_png_of_the_view_and_csv_of_the_selection(browser, tmp_path):
    facts = two_stories() + [
        article(
            "a3",
            entity("x", '=HYPERLINK("http://x")', "Organization"),
            entity("acme", "Acme", "Organization"),
            relations=[rel("x", "parentOrganization", "acme", '-1, said "Acme".')],
        )
    ]
    page, log = open_facts(browser, tmp_path, facts, "downloads")
    try:
        with page.expect_download() as got:
            page.click("#png")
        png = Path(got.value.path()).read_bytes()
        assert got.value.suggested_filename == "newsgraph.png" and png[:8] == b"\x89PNG\r\n\x1a\n"
        width, height = struct.unpack(">II", png[16:24])
        assert (width, height) == tuple(
            page.evaluate("[document.querySelector('#net canvas').width, document.querySelector('#net canvas').height]")
        )
        assert len(png) > 5_000  # a picture, not a blank
        page.evaluate(f"window.newsgraph.focus({ACME!r}, {{}})")
        with page.expect_download() as got:
            page.click("#csv")
        rows = list(csv.reader(io.StringIO(Path(got.value.path()).read_text("utf-8-sig"), newline="")))
        assert rows[0] == [
            "row",
            "source",
            "source_label",
            "source_type",
            "predicate",
            "target",
            "target_label",
            "target_type",
            "evidence",
            "confidence",
            "sentence",
            "article",
        ]
        entities = {r[2] for r in rows if r[0] == "entity"}
        assert entities == {"Acme", "Ann Lee", '\'=HYPERLINK("http://x")'}  # Acme and its neighbours
        relations = [r for r in rows if r[0] == "relation"]
        assert [(r[2], r[4], r[6]) for r in relations] == [
            ('\'=HYPERLINK("http://x")', "part of", "Acme"),
            ("Ann Lee", "works for", "Acme"),
        ]  # by IRI
        assert relations[0][10] == '\'-1, said "Acme".' and relations[1][8:10] == ["1", "0.800"]
        page.evaluate("window.newsgraph.clear()")
        everyone = list(csv.reader(io.StringIO(page.evaluate("window.newsgraph.csv()"), newline="")))
        assert len([r for r in everyone if r[0] == "entity"]) == 5
        assert log.errors == [] and log.outside == []
    finally:
        page.context.close()


STORY = (
    "Acme hires a chief 🚀 at last.\n\nAnn Lee, who ran Beta Town's council, now works for Acme. "
    "Acme said <img src=x onerror=alert('body')> and </script><script>alert(1)</script> were typos.\n\n"
    "Lee starts on Monday."
)
ANN_WORKS = "Ann Lee, who ran Beta Town's council, now works for Acme."


def story_facts():
    ann, acme = named_in(STORY, "ann", "Ann Lee", "Person", "Lee"), named_in(STORY, "acme", "Acme", "Organization")
    town = named_in(STORY, "town", "Beta Town", "Place")
    return [
        article(
            "s1",
            ann,
            acme,
            town,
            body=STORY,
            url="https://example.org/acme",
            headline="Acme hires",
            relations=[rel_in(STORY, "ann", "worksFor", "acme", ANN_WORKS)],
        ),
        article("s2", named_in("Acme grew.", "acme", "Acme", "Organization"), body="Acme grew."),
    ]


def test_two_clicks_from_an_entity_to_its_sentence_in_the_article_text(browser, tmp_path):
    page, log = open_facts(browser, tmp_path, story_facts(), "story")
    try:
        page.evaluate("window.newsgraph.network.fit()")
        page.wait_for_timeout(100)
        pos = page.evaluate(f"window.newsgraph.network.getPositions([{ANN!r}])[{ANN!r}]")
        page.mouse.click(*canvas_point(page, pos["x"], pos["y"]))  # click 1: the entity
        page.wait_for_function("() => window.newsgraph.state.panel === 'entity'")
        page.click("#panel li.sentence .refs button.link")  # click 2: the article under its sentence
        page.wait_for_function("() => window.newsgraph.state.panel === 'article'")
        assert page.text_content("#panel h2") == "Acme hires"
        assert page.get_attribute("#panel a", "href") == "https://example.org/acme"
        text = page.text_content("#panel .article-text")
        assert text == STORY  # the whole body, as text: the markup in it is inert
        assert page.text_content("#panel mark.evidence-mark") == ANN_WORKS  # exact, after an emoji (2 UTF-16 units)
        page.wait_for_timeout(200)
        box = page.evaluate("""() => { const m = document.querySelector('#panel mark').getBoundingClientRect();
            const p = document.querySelector('#panel').getBoundingClientRect();
            return m.top >= p.top && m.bottom <= p.bottom; }""")
        assert box  # scrolled into view
        assert page.eval_on_selector_all("#panel button.mention", "bs => bs.map(b => b.textContent)") == [
            "Acme",
            "Ann Lee",
            "Beta Town",
            "Acme",
            "Acme",
            "Lee",
        ]
        assert page.evaluate("document.querySelectorAll('#panel img, img, iframe').length") == 0
        page.click("#panel button.mention >> text=Beta Town")  # a name in the text: to its node, still reading
        page.wait_for_function(
            "() => window.newsgraph.network.getSelectedNodes()[0] === 'urn:newsgraph:entity:place:beta-town'"
        )
        assert view_of(page)["panel"] == "article" and "Marked: Beta Town" in page.text_content("#panel")
        assert page.eval_on_selector_all("#panel button.mention.current", "bs => bs.map(b => b.textContent)") == [
            "Beta Town"
        ]
        assert log.errors == [] and log.dialogs == [] and log.outside == []
    finally:
        page.context.close()


def test_article_texts_stay_within_the_budget_those_of_drawn_relations_first(browser, tmp_path):
    long = "Filler words go on and on. " * 400  # 10,800 characters each
    facts = []
    for i in range(12):
        who = named_in(f"Person {i} met Hub Co. " + long, f"p{i}", f"Person {i}", "Person")
        hub = named_in(f"Person {i} met Hub Co. " + long, "hub", "Hub Co", "Organization")
        body = f"Person {i} met Hub Co. " + long
        relations = [rel_in(body, f"p{i}", "worksFor", "hub", f"Person {i} met Hub Co.")] if i % 4 == 0 else []
        facts.append(article(f"n{i:02d}", who, hub, body=body, relations=relations))
    with merge(facts) as merged:
        bare = len(html_page(merged, budget=10**9).encode()) - 12 * 10_900
        page_text = html_page(merged, budget=bare + 50_000)
    assert len(page_text.encode()) <= bare + 50_000
    path = tmp_path / "budget.html"
    path.write_text(page_text, encoding="utf-8")
    log = PageLog()
    page = open_page(browser, path, log)
    try:
        held = page.evaluate("Object.keys(JSON.parse(document.getElementById('article-texts').textContent).texts)")
        assert set(held) >= {"n00", "n04", "n08"} and len(held) == 4  # the articles behind relations first
        assert "Article texts: 4 of 12 in this page" in page.text_content("#notice")
        page.select_option("#article", "n11")
        assert "The text of this article is left out to keep this page under" in page.text_content("#panel")
        page.evaluate("window.newsgraph.read('n00', [0, 20])")
        assert page.text_content("#panel mark") == "Person 0 met Hub Co."
        assert log.errors == []
    finally:
        page.context.close()


def dated_facts():
    ann, acme = entity("ann", "Ann Lee", "Person"), entity("acme", "Acme", "Organization")
    bob, beta, cal = (
        entity("bob", "Bob Ray", "Person"),
        entity("beta", "Beta Town", "Place"),
        entity("cal", "Cal Moe", "Person"),
    )
    return [
        article(
            "d1",
            ann,
            acme,
            date="2021-01-01",
            headline="January",
            relations=[rel("ann", "worksFor", "acme", "Ann Lee works for Acme.")],
        ),
        article(
            "d2",
            bob,
            beta,
            acme,
            date="2021-06-01",
            headline="June",
            relations=[rel("bob", "homeLocation", "beta", "Bob Ray lives in Beta Town.")],
        ),
        article(
            "u1",
            cal,
            acme,
            date=None,
            headline="Sometime",
            relations=[rel("cal", "worksFor", "acme", "Cal Moe works for Acme.")],
        ),
    ]


def set_dates(page, start: str, end: str, undated: bool) -> None:
    page.fill("#from", start)
    page.fill("#to", end)
    page.set_checked("#undated", undated)
    page.wait_for_timeout(50)


def labels_shown(page) -> set[str]:
    return set(page.evaluate("window.newsgraph.view.getIds().map(id => window.newsgraph.nodes.get(id).label)"))


def test_a_date_range_filters_entities_relations_and_the_article_menu_and_undated_stay_reachable(browser, tmp_path):
    page, log = open_facts(browser, tmp_path, dated_facts(), "dates")
    menu = "() => [...document.querySelectorAll('#article option')].filter(o => !o.hidden).map(o => o.textContent)"
    try:
        assert page.get_attribute("#from", "min") == "2021-01-01" and page.get_attribute("#to", "max") == "2021-06-01"
        assert page.text_content("#undatedcount") == "(1)"
        assert page.evaluate(menu) == [
            "All articles",
            "January (2021-01-01)",
            "June (2021-06-01)",
            "Sometime (undated)",
        ]
        assert page.evaluate("document.querySelector('#article optgroup').label") == "Undated (1)"
        set_dates(page, "2021-03-01", "", True)  # from March: June, and the undated article
        assert labels_shown(page) == {"Bob Ray", "Beta Town", "Acme", "Cal Moe"}
        assert sorted(page.evaluate("window.newsgraph.edgeView.getIds()")) == [
            "urn:newsgraph:entity:person:bob-ray|urn:newsgraph:entity:place:beta-town",
            "urn:newsgraph:entity:person:cal-moe|urn:newsgraph:entity:organization:acme",
        ]
        assert page.evaluate(menu) == ["All articles", "June (2021-06-01)", "Sometime (undated)"]
        assert page.text_content("#stats").startswith("2 of 3 articles (1 undated) in the dates")
        page.evaluate(f"window.newsgraph.focus({ACME!r}, {{}})")  # its panel: only what the dates keep
        panel = page.text_content("#panel")
        assert "Relations (1)" in panel and "Cal Moe works for Acme." in panel and "Ann Lee works for" not in panel
        assert "outside the dates shown" in panel  # January is listed, and said to be outside
        set_dates(page, "2021-03-01", "", False)  # no undated articles either
        assert labels_shown(page) == {"Bob Ray", "Beta Town", "Acme"}
        assert page.evaluate(menu) == ["All articles", "June (2021-06-01)"]
        fragment = page.evaluate("location.hash.slice(1)")
        assert fragment.endswith("from=2021-03-01&undated=0")
        again = open_page(browser, tmp_path / "dates.html", PageLog(), fragment=fragment)
        assert labels_shown(again) == labels_shown(page) and not again.is_checked("#undated")
        assert again.input_value("#from") == "2021-03-01"
        again.context.close()
        page.evaluate("window.newsgraph.read('u1')")  # an undated article is still reachable: the dates give way
        assert view_of(page)["title"] == "Sometime" and "u1 · undated" in page.text_content("#panel")
        assert page.is_checked("#undated") and page.input_value("#from") == ""
        assert "all dates" in page.text_content("#notice")
        page.fill("#search", "Ann Lee")  # so is an entity only January names
        set_dates(page, "2021-03-01", "2021-12-31", True)
        page.press("#search", "Enter")
        assert view_of(page)["selected"] == [ANN] and page.input_value("#from") == ""
        assert log.errors == []
    finally:
        page.context.close()


CO1 = "Ann Lee met Bob Ray. Acme was there."
CO2 = "Ann Lee and Acme agreed. Bob Ray left."


def co_facts():
    def people(body):
        return (
            named_in(body, "ann", "Ann Lee", "Person"),
            named_in(body, "bob", "Bob Ray", "Person"),
            named_in(body, "acme", "Acme", "Organization"),
        )

    return [
        article("c1", *people(CO1), body=CO1, date="2021-01-01"),
        article(
            "c2",
            *people(CO2),
            body=CO2,
            date="2021-02-01",
            relations=[rel_in(CO2, "ann", "worksFor", "acme", "Ann Lee and Acme agreed.")],
        ),
    ]


def co_links(page) -> dict:
    return page.evaluate("""() => Object.fromEntries(window.newsgraph.edgeView.get()
        .filter(e => e.co).map(e => [e.from.split(':').pop() + '+' + e.to.split(':').pop(), e.count]))""")


def test_co_mentions_are_off_by_default_weighted_lighter_and_never_a_relation(browser, tmp_path):
    page, log = open_facts(browser, tmp_path, co_facts(), "co")
    try:
        assert not page.is_checked("#co") and co_links(page) == {}
        page.check("#co")  # same article: every pair of the two articles, counted
        assert co_links(page) == {"acme+ann-lee": 2, "acme+bob-ray": 2, "ann-lee+bob-ray": 2}
        page.select_option("#comode", "sentence")  # same sentence: Ann and Bob in c1, Ann and Acme in c2
        assert co_links(page) == {"acme+ann-lee": 1, "ann-lee+bob-ray": 1}
        drawn = page.evaluate("""() => window.newsgraph.edgeView.get().map(e => [e.co === true, e.dashes || false,
            e.arrows === 'to', (e.color && e.color.color) || null])""")
        assert sorted(map(tuple, drawn)) == [
            (False, False, True, None),  # the relation: solid, with an arrow
            (True, [5, 5], False, "rgba(130, 154, 177, 0.45)"),  # co-mentions: dashed, light, no arrow
            (True, [5, 5], False, "rgba(130, 154, 177, 0.45)"),
        ]
        assert [b["text"] for b in page.evaluate("window.newsgraph.edgeLabels()")] == ["works for"]  # no label
        page.select_option("#comode", "article")
        set_dates(page, "2021-02-01", "", True)  # counted again for the dates: c2 only
        assert co_links(page) == {"acme+ann-lee": 1, "acme+bob-ray": 1, "ann-lee+bob-ray": 1}
        widths = page.evaluate("window.newsgraph.edgeView.get().filter(e => e.co).map(e => e.width)")
        assert widths == [1, 1, 1]
        set_dates(page, "", "", True)
        assert page.evaluate("window.newsgraph.edgeView.get().filter(e => e.co).map(e => e.width)") == [2, 2, 2]
        page.evaluate("window.newsgraph.selectEdge('co|' + %r + '|' + %r)" % (ACME, ANN))
        panel = page.text_content("#panel")
        assert page.text_content("#panel h2") == "Acme and Ann Lee"
        assert "Named together in 2 articles (1 sentence)" in panel and "nobody stated a relation" in panel
        page.click("#panel >> text=Relations stated between them")  # the stated relation is one click away
        assert page.text_content("#panel h2") == "Ann Lee — Acme" and "works for" in page.text_content("#panel")
        rows = list(csv.reader(io.StringIO(page.evaluate("window.newsgraph.clear(), window.newsgraph.csv()"))))
        assert [r[4] for r in rows if r[0] == "relation"] == ["works for"]  # co-mentions are not relations
        assert page.evaluate("location.hash") == "#co=article"
        again = open_page(browser, tmp_path / "co.html", PageLog(), fragment="co=sentence")
        assert co_links(again) == {"acme+ann-lee": 1, "ann-lee+bob-ray": 1} and again.is_checked("#co")
        again.context.close()
        page.uncheck("#co")
        assert co_links(page) == {} and log.errors == []
    finally:
        page.context.close()


def overlaps(a: dict, b: dict) -> bool:
    return a["x0"] < b["x1"] and b["x0"] < a["x1"] and a["y0"] < b["y1"] and b["y0"] < a["y1"]


def label_boxes(page) -> tuple[list[dict], list[dict]]:
    """The edge labels drawn and every entity's disc and name, in canvas units."""
    labels = [
        {"x0": b["x"], "x1": b["x"] + b["w"], "y0": b["y"], "y1": b["y"] + b["h"], "text": b["text"]}
        for b in page.evaluate("window.newsgraph.edgeLabels()")
    ]
    return labels, page.evaluate("window.newsgraph.nodeBoxes()")


def assert_labels_cover_nothing(page) -> list[str]:
    labels, boxes = label_boxes(page)
    for label in labels:
        assert not [b["id"] for b in boxes if overlaps(label, b)], label
    for i, a in enumerate(labels):
        assert not [b for b in labels[i + 1 :] if overlaps(a, b)], a
    return [label["text"] for label in labels]


@pytest.mark.model
@pytest.mark.parametrize("width", [1400, 1024])
def test_edge_labels_cover_no_entity_and_no_name_at_the_default_zoom(browser, seeds_build, width):
    page = open_page(browser, seeds_build[2] / "graph.html", PageLog(), width=width, height=768)
    try:
        assert page.evaluate("window.newsgraph.network.getScale()") * 14 >= 11  # names readable as opened
        texts = assert_labels_cover_nothing(page)
        assert len(texts) >= 8 and "works for" in texts  # of 19 arrows
        arrows = set(page.evaluate(f"window.newsgraph.network.getConnectedEdges({LIU!r})"))

        def labelled() -> set[str]:
            return {b["id"] for b in page.evaluate("window.newsgraph.edgeLabels()")} & arrows

        before = labelled()
        page.evaluate(f"window.newsgraph.focus({LIU!r}, {{}})")  # the selection's arrows are labelled first
        assert_labels_cover_nothing(page)
        assert labelled() >= before and labelled()  # focus labels its arrows first: never fewer of them
    finally:
        page.context.close()


def test_a_crowded_star_keeps_its_names_clear_of_edge_labels_and_tooltips_use_the_pages_font(browser, tmp_path):
    hub = entity("hub", "Hub Organisation With A Long Name", "Organization")
    facts = [
        article(
            f"a{i}",
            hub,
            entity("p", f"Person Number {i}", "Person"),
            relations=[rel("p", "worksFor", "hub"), rel("p", "memberOf", "hub")],
        )
        for i in range(25)
    ]
    page, log = open_facts(browser, tmp_path, facts, "star")
    try:
        texts = assert_labels_cover_nothing(page)
        assert texts and set(texts) == {"member of +1"}
        for scale in (0.5, 2.0):  # zoomed in and out: still nothing covered (or nothing drawn when too small)
            page.evaluate(f"window.newsgraph.network.moveTo({{scale: {scale}}})")
            page.wait_for_timeout(100)
            assert_labels_cover_nothing(page)
        page.evaluate("window.newsgraph.network.fit()")
        page.wait_for_timeout(100)
        hub_id = "urn:newsgraph:entity:organization:hub-organisation-with-a-long-name"
        pos = page.evaluate(f"window.newsgraph.network.getPositions([{hub_id!r}])[{hub_id!r}]")
        page.mouse.move(*canvas_point(page, pos["x"], pos["y"]))
        page.wait_for_function("() => getComputedStyle(document.querySelector('#tip')).visibility === 'visible'")
        assert page.text_content("#tip strong") == "Hub Organisation With A Long Name"
        fonts = page.evaluate(
            "[getComputedStyle(document.querySelector('#tip')).fontFamily, getComputedStyle(document.body).fontFamily]"
        )
        assert fonts[0] == fonts[1] and "system-ui" in fonts[0]
        assert log.errors == []
    finally:
        page.context.close()


def test_usable_at_1024_pixels_wide(browser, tmp_path):
    path = tmp_path / "narrow.html"
    with merge(story_facts() + dated_facts()) as merged:
        path.write_text(html_page(merged), encoding="utf-8")
    page = open_page(browser, path, PageLog(), width=1024, height=768)
    try:
        assert page.evaluate("document.documentElement.scrollWidth") <= 1024  # no sideways scrolling
        boxes = page.evaluate("""() => [...document.querySelectorAll('#bar input, #bar select, #bar button, #bar h1')]
            .map(e => { const r = e.getBoundingClientRect();
                        return [e.id || e.tagName, r.left, r.right, r.top, r.bottom]; })""")
        for name, left, right, _, bottom in boxes:  # every control on screen, left of the panel
            assert 0 <= left and right <= 1024 - 300 and bottom <= 200, name
        for i, a in enumerate(boxes):  # and none on top of another
            for b in boxes[i + 1 :]:
                assert not (a[1] < b[2] - 1 and b[1] < a[2] - 1 and a[3] < b[4] - 1 and b[3] < a[4] - 1), (a[0], b[0])
        net = page.evaluate(
            "(() => { const r = document.querySelector('#net').getBoundingClientRect(); "
            "return [r.width, r.height]; })()"
        )
        assert net[0] >= 650 and net[1] >= 550
        page.evaluate("window.newsgraph.read('s1', [0, 10])")  # the article text is readable in the panel
        width = page.evaluate("document.querySelector('#panel .article-text').getBoundingClientRect().width")
        assert width >= 260
    finally:
        page.context.close()


@pytest.mark.model
def test_seeds_two_clicks_from_an_arrow_to_its_sentence_in_the_article(seeds_page):
    page, log = seeds_page
    page.evaluate("window.newsgraph.clear()")
    edge = "urn:newsgraph:entity:organization:chinese-embassy|urn:newsgraph:entity:organization:twitter"
    click_edge(page, edge)  # click 1: the arrow
    page.wait_for_function(f"() => window.newsgraph.state.edge === {edge!r}")
    first = page.locator("#panel li.sentence").first
    sentence = first.locator(".evidence").evaluate("e => e.firstChild.textContent")
    first.locator(".refs button.link").first.click()  # click 2: the article, at the sentence
    page.wait_for_function("() => window.newsgraph.state.panel === 'article'")
    marked = page.text_content("#panel mark")
    assert sentence.strip("“”") == marked or sentence == marked
    assert page.evaluate("window.newsgraph.network.getSelectedEdges()") == [edge]  # still the arrow chosen
    assert len(page.text_content("#panel .article-text")) > 1000 and log.errors == []
    page.evaluate("window.newsgraph.clear()")
