"""Property-based tests: the reader, the name normaliser, IRI minting and the Turtle round trip
hold for any text, not only the examples we thought of. The number of examples is bounded by
the hypothesis profile in conftest.py ("ci" by default; HYPOTHESIS_PROFILE=thorough for more).
"""

from __future__ import annotations

import re

import pyoxigraph
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Graph

from newsgraph.extract import ArticleError, Attribute, parse_article, read_article
from newsgraph.extract.identity import name_key, similar_names
from newsgraph.extract.names import slug
from newsgraph.extract.reader import decode
from newsgraph.graph import build_graph, load_graph, write_turtle
from newsgraph.graph.ids import article_iri, entity_iri
from newsgraph.graph.rdf import RDF_TYPE, ox_triples

from factories import article, entity, quote, rel

# any Unicode text but lone surrogates (which no file can hold as UTF-8)
TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=200)
NAME = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=60)
NEWSY = st.text(
    st.sampled_from(list("Liu Xiaoming's “Embassy” U.K. the The-\n\t\"'<>{}#\\é劉\u202e\x07 ")), max_size=80
)
KINDS = st.sampled_from(["Person", "Organization", "Place"])
IRI = re.compile(r"urn:newsgraph:entity:(person|organization|place):[a-z0-9-]+")


@given(st.one_of(TEXT, NEWSY))
def test_parse_article_takes_any_text(text):
    art = parse_article(text, article_id="x", path="x.txt")
    for field in (art.body, art.headline):
        assert isinstance(field, str) and "\r" not in field
        assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", field)  # no control characters left


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=400))
def test_read_article_gives_an_article_or_a_message_naming_the_file(tmp_path, data):
    path = tmp_path / "any.txt"
    path.write_bytes(data)
    try:
        art = read_article(path)
    except ArticleError as exc:
        assert str(exc).startswith(f"{path}: ") and "\n" not in str(exc)
    else:
        assert art.body.strip() and art.id == "any"


@given(st.binary(max_size=400))
def test_decode_never_raises_a_unicode_error(data):
    try:
        text, notes = decode(data)
    except ArticleError:
        assert b"\x00" in data
    else:
        assert isinstance(text, str) and all(isinstance(n, str) for n in notes)


@given(st.one_of(NAME, NEWSY))
def test_name_key_is_idempotent_and_slug_is_safe(name):
    key = name_key(name)
    assert name_key(key) == key
    s = slug(key)
    assert re.fullmatch(r"([a-z0-9]+(-[a-z0-9]+)*)?", s)
    assert slug(s) == s


@given(NAME, NAME)
def test_similar_names_is_symmetric(a, b):
    assert similar_names(a, b) == similar_names(b, a)


@given(KINDS, st.one_of(NAME, NEWSY), st.one_of(NAME, NEWSY))
def test_entity_iris_are_valid_stable_and_tell_names_apart(kind, a, b):
    iri_a = entity_iri(kind, a)
    assert IRI.fullmatch(iri_a), iri_a
    pyoxigraph.NamedNode(iri_a)  # a strict IRI parser accepts it
    assert entity_iri(kind, a) == iri_a
    assert (entity_iri(kind, b) == iri_a) == (name_key(a) == name_key(b))


@given(NAME)
def test_article_iris_are_valid_for_any_file_name(name):
    pyoxigraph.NamedNode(article_iri(name))


@settings(deadline=None)
@given(
    person=st.one_of(NAME, NEWSY), alias=st.one_of(NAME, NEWSY), headline=NAME, sentence=TEXT, art_id=NAME, kind=KINDS
)
def test_turtle_round_trip_keeps_every_string_and_parses_strictly(person, alias, headline, sentence, art_id, kind):
    forms = (person, alias) if name_key(alias) != name_key(person) and name_key(alias) else (person,)
    facts = [
        article(
            art_id,
            entity("e0", person, kind, *forms),
            entity("e1", "Acme Corp", "Organization"),
            relations=[rel("e0", "worksFor", "e1", sentence)],
            headline=headline,
        )
    ]
    graph = build_graph(facts)
    data = write_turtle(graph)
    back = load_graph(data.decode("utf-8"))
    node = next(n for n, d in back.nodes(data=True) if n != "urn:newsgraph:entity:organization:acme-corp")
    assert {back.nodes[node]["label"], *back.nodes[node]["aliases"]} == {
        graph.nodes[node]["label"],
        *graph.nodes[node]["aliases"],
    }
    assert back.graph["articles"][art_id]["headline"] == (headline or art_id)
    assert [ev["sentence"] for *_, d in back.edges(data=True) for ev in d["evidence"]] == [sentence]
    strict = pyoxigraph.Store()
    strict.load(data, format=pyoxigraph.RdfFormat.TURTLE)  # raises on any syntax or IRI error
    assert len(strict) == len(Graph().parse(data=data, format="turtle"))  # both parsers read the same triples


@settings(deadline=None)
@given(
    names=st.lists(
        st.one_of(NAME, st.sampled_from(["a", "a b", "a-b", "ab", "A.B.", "a b c"])), min_size=1, max_size=6
    ),
    kind=KINDS,
)
def test_streamed_turtle_order_is_the_global_sort_of_its_distinct_triples(names, kind):
    """The exporter never sorts the whole graph: each kind of subject streams from its table and the
    streams are merged. Names like "a" and "a-b" order differently as IRIs and as <IRIs>."""
    facts = [
        article(
            f"art {i}",
            entity("e0", name, kind),
            entity("e1", "Acme Corp", "Organization"),
            relations=[rel("e0", "worksFor", "e1", f"{name} works for Acme.", start=i)],
            attributes=[Attribute("e0", "jobTitle", name or "x", "s", 0, 1)],
            quotations=[quote(f"{name} said four words here", speaker="e0")],
        )
        for i, name in enumerate(names)
    ]
    streamed = list(ox_triples(build_graph(facts)))
    assert streamed == sorted(set(streamed), key=lambda t: (str(t[0]), t[1] != RDF_TYPE, str(t[1]), str(t[2])))
