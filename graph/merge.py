"""Merge many articles' facts into one graph: one node per real-world entity.

Across articles two entities are one when (a) they share a merge key (`identity.merge_keys`: a
full name of one is a full name of the other, case, dots, "the", possessives and known place
spellings aside), (b) two multi-word person names differ only by a typo (`identity.similar_names`),
or (c) an article names a person by one word only and exactly one person in the corpus has that
word in their full name, and has it last, and that article and another of the full name's name
an entity in common that is no hub of the corpus (named in over a tenth of it), each article's
lone name judged on its own ("Sharapova"; not Celtic's "Lennon" with "John Lennon"; not a first
name: "Maria" of one article is not the "Maria Sharapova" of another; nor, so, a surname written
first, "Xi" of "Xi Jinping", or before a suffix, "King" of "Martin Luther King Jr"). Type and
canonical name are then decided over all mentions (`identity.choose_type`, `choose_name`; a label
among the names two articles give, where a full name is among them). Node ids are IRIs minted
from type and name (`ids.py`), so the same entity gets the same id in every run. The rules live
in extract/identity.py.

The work is done in SQLite (`merged.Merged`): one row per entity of each article, sorted by the
database rather than held in dicts, and a union-find of one machine word per row, so the memory a
merge needs stays small however big the corpus; the result is tables that the exports stream.
"""

from __future__ import annotations

import json
from array import array
from collections import Counter
from itertools import groupby
from operator import itemgetter
from typing import Iterable

import networkx as nx

from newsgraph.extract.facts import PERSON, ArticleFacts
from newsgraph.extract.identity import choose_name, choose_type, merge_keys, name_key, similar_names

from .ids import entity_iri
from .merged import Merged
from .store import Store, identified

WORK = """
CREATE TABLE work_records (rid INTEGER PRIMARY KEY, article TEXT, ekey TEXT, type TEXT, name TEXT, words INTEGER,
                           nkey TEXT, count INTEGER, votes TEXT, aliases TEXT);
CREATE TABLE work_keys (key TEXT, rid INTEGER);
CREATE TABLE work_blocks (size INTEGER, pos INTEGER, word TEXT, root INTEGER);
CREATE TABLE work_words (word TEXT, root INTEGER, last INTEGER, PRIMARY KEY (word, root)) WITHOUT ROWID;
CREATE TABLE work_clusters (rid INTEGER PRIMARY KEY, cluster INTEGER);
CREATE TABLE work_iris (cluster INTEGER PRIMARY KEY, iri TEXT);
"""
DROP_WORK = "".join(
    f"DROP TABLE IF EXISTS work_{t};" for t in ("records", "keys", "blocks", "words", "clusters", "iris")
)


class _UnionFind:
    """Parents in an array of machine integers: 8 bytes an entity mention, not a Python object."""

    def __init__(self, n: int):
        self.parent = array("q", range(n))

    def find(self, i: int) -> int:
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def merge(facts: Iterable[ArticleFacts], merged: Merged | None = None, min_confidence: float = 0.0) -> Merged:
    """Merge the facts of many articles (order does not matter) into `merged` (a new in-memory one
    by default) and return it.

    `facts` is read twice, entities first, then relations, attributes and quotations: a
    `graph.store.Store` (which reads them from disk one at a time), or any iterable, read into a
    list and named as a store names articles (`store.identified`: one article per text, and two
    texts filed under one name get two ids), since every table here is keyed by article id.

    Relation evidence scored under `min_confidence` is left out; a relation with no evidence left
    is not in the graph. Entities stay whatever the threshold.
    """
    if not isinstance(facts, Store):
        facts = identified(facts)
    merged = merged if merged is not None else Merged()
    db = merged.db
    db.executescript(DROP_WORK + WORK)

    n = 0  # entity records: one per entity of each article
    for f in facts:
        merged.add_article_of(f.article)
        rows, keys = [], []
        for e in f.entities:
            rows.append(
                (
                    n,
                    f.article.id,
                    e.key,
                    e.type,
                    e.name,
                    len(e.name.split()),
                    name_key(e.name),
                    len(e.mentions),
                    json.dumps(dict(e.type_votes)),
                    json.dumps(e.aliases, ensure_ascii=False),
                )
            )
            keys.extend((key, n) for key in merge_keys(e))
            n += 1
        db.executemany("INSERT INTO work_records VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
        db.executemany("INSERT INTO work_keys VALUES (?, ?)", keys)
    db.execute("CREATE INDEX work_records_by_article ON work_records (article)")

    uf = _cluster(db, n)
    db.executemany("INSERT INTO work_clusters VALUES (?, ?)", ((i, uf.find(i)) for i in range(n)))
    del uf

    rows = db.execute(
        "SELECT c.cluster, r.article, r.name, r.count, r.votes, r.aliases "
        "FROM work_records r JOIN work_clusters c USING (rid) ORDER BY c.cluster, r.rid"
    )
    for cluster, items in groupby(rows, key=itemgetter(0)):
        votes: Counter = Counter()
        names: Counter = Counter()
        named_in: dict[str, set[str]] = {}  # name -> the articles that give it
        aliases: set[str] = set()
        articles: set[str] = set()
        mentions = 0
        for _, article, name, count, type_votes, forms in items:
            votes.update(json.loads(type_votes))
            if count:
                names[name] += count
                named_in.setdefault(name, set()).add(article)
            aliases.update(json.loads(forms))
            articles.add(article)
            mentions += count
        kind = choose_type(votes)
        label = choose_name(_label_candidates(names, named_in))
        iri = entity_iri(kind, label)
        db.execute("INSERT INTO work_iris VALUES (?, ?)", (cluster, iri))
        # two clusters that came to the same name and type are one node
        merged.add_node(iri, kind, label, mentions, sorted(aliases - {label}), sorted(articles))

    for f in facts:
        local = dict(
            db.execute(
                "SELECT r.ekey, i.iri FROM work_records r JOIN work_clusters c USING (rid) "
                "JOIN work_iris i ON i.cluster = c.cluster WHERE r.article = ?",
                (f.article.id,),
            )
        )
        merged.add_spans(f.article.id, ((local[e.key], m.start, m.end) for e in f.entities for m in e.mentions))
        for q in f.quotations:
            merged.add_quotation(q.text, f.article.id, local.get(q.speaker), q.start, q.end)
        for r in f.relations:
            s, o = local[r.subject], local[r.object]
            if s != o and r.confidence >= min_confidence:
                merged.add_evidence(s, o, r.predicate, f.article.id, r.sentence, r.start, r.end, r.confidence)
        for a in f.attributes:
            if a.confidence >= min_confidence:
                merged.add_attribute(
                    local[a.entity], a.name, a.value, f.article.id, a.sentence, a.start, a.end, a.confidence
                )
    db.executescript(DROP_WORK)
    return merged.finish()


def _label_candidates(names: Counter, named_in: dict[str, set[str]]) -> Counter:
    """The names a node's label is chosen from: where a name of two words or more is given by two
    articles or more, only names that many articles give. One article's glued span ("Tories
    National Insurance", a headline run into its body) does not name a party every article calls
    the "Conservative Party"; a full name no other article gives still labels the lone surnames
    joined to it."""
    shared = Counter({n: c for n, c in names.items() if len(named_in[n]) > 1})
    return shared if any(len(n.split()) > 1 for n in shared) else names


def _cluster(db, n: int) -> _UnionFind:
    """Join the entity records that name one entity (see the module's docstring for the rules)."""
    uf = _UnionFind(n)
    # a person named by one word waits: whether each such record is the one full name's is decided
    # article by article below, before the lone names join one another by their key
    keys = """SELECT k.key, k.rid, r.type = ? AND r.words = 1 FROM work_keys k JOIN work_records r USING (rid)
               ORDER BY k.key, k.rid"""
    for _, same in groupby(db.execute(keys, (PERSON,)), key=itemgetter(0)):
        first, *others = [rid for _, rid, lone in same if not lone] or [None]
        for rid in others:
            uf.union(first, rid)

    def person_names() -> dict[int, str]:
        """Each cluster's first multi-word person name."""
        names: dict[int, str] = {}
        for rid, name in db.execute(
            "SELECT rid, name FROM work_records WHERE type = ? AND words > 1 ORDER BY rid", (PERSON,)
        ):
            names.setdefault(uf.find(rid), name)
        return names

    # typos between full person names: only names that share a word in the same place can be
    # similar_names, so only those are compared (not every pair, which a big corpus cannot afford)
    people = person_names()
    db.executemany(
        "INSERT INTO work_blocks VALUES (?, ?, ?, ?)",
        (
            (len(words), position, word, root)
            for root, name in people.items()
            for words in [name_key(name).split()]
            for position, word in enumerate(words)
        ),
    )
    blocks = db.execute("SELECT size, pos, word, root FROM work_blocks ORDER BY size, pos, word, root")
    for _, block in groupby(blocks, key=itemgetter(0, 1, 2)):
        roots = [row[3] for row in block]
        for i, a in enumerate(roots):
            for b in roots[i + 1 :]:
                if uf.find(a) != uf.find(b) and similar_names(people[a], people[b]):
                    uf.union(a, b)

    # one-word person names that only one full name in the corpus contains, and that one last
    people = person_names()
    db.executemany(
        "INSERT OR REPLACE INTO work_words VALUES (?, ?, ?)",
        (
            (word, root, int(n == len(words) - 1))
            for root, name in people.items()
            for words in [name_key(name).split()]
            for n, word in enumerate(words)
        ),
    )
    del people
    candidates = db.execute(
        """
        SELECT r.rid, r.article, w.root FROM work_records r
        JOIN (SELECT word, MIN(root) AS root FROM work_words GROUP BY word HAVING COUNT(*) = 1 AND MAX(last) = 1) w
          ON w.word = r.nkey
        WHERE r.type = ? AND r.words = 1""",
        (PERSON,),
    ).fetchall()
    joined = set()
    if candidates:
        shared = _SharedContext(db, uf)
        decided = [(rid, root) for rid, article, root in candidates if shared(article, root)]
        for rid, root in decided:  # decided first: the unions do not change what the test reads
            uf.union(root, rid)
            joined.add(rid)
    # the lone names left join one another, and whatever else bears their key (a place the NER
    # took for a person: "Barcelona")
    for _, same in groupby(db.execute(keys, (PERSON,)), key=itemgetter(0)):
        rids = [rid for _, rid, lone in same if rid not in joined]
        for rid in rids[1:]:
            uf.union(rids[0], rid)
    return uf


class _SharedContext:
    """Whether an article names, besides a lone name, an entity that another article of a given
    full name's also names: "Sharapova" of a tennis report and the "Maria Sharapova" of another
    share "Wimbledon" or "Serena Williams"; Celtic's "Lennon" and the "John Lennon" of a music
    story share nothing but the "United Kingdom" every article names. An entity named in more than
    HUB_SHARE of the articles (and at least HUB_MIN) says nothing of the kind: in the BBC corpus
    the United Kingdom or London; the Conservative Party (7% of it) still tells a politics story."""

    HUB_SHARE = 0.1
    HUB_MIN = 10

    def __init__(self, db, uf: _UnionFind):
        self.db, self.uf = db, uf
        self._roots: dict[str, frozenset[int]] = {}  # article -> the clusters it names
        self._articles: dict[int, set[str]] = {}  # a full name's cluster -> its articles
        self._around: dict[int, Counter] = {}  # a full name's cluster -> in how many of its articles each cluster is
        counts: Counter = Counter()
        articles = 0
        for _, rows in groupby(db.execute("SELECT article, rid FROM work_records ORDER BY article"), key=itemgetter(0)):
            articles += 1
            counts.update({uf.find(rid) for _, rid in rows})
        limit = max(self.HUB_MIN, self.HUB_SHARE * articles)
        self.hubs = {root for root, c in counts.items() if c > limit}
        for rid, article in db.execute("SELECT rid, article FROM work_records WHERE type = ? AND words > 1", (PERSON,)):
            self._articles.setdefault(uf.find(rid), set()).add(article)

    def roots(self, article: str) -> frozenset[int]:
        if article not in self._roots:
            rows = self.db.execute("SELECT rid FROM work_records WHERE article = ?", (article,))
            self._roots[article] = frozenset(self.uf.find(rid) for (rid,) in rows) - self.hubs
        return self._roots[article]

    def __call__(self, article: str, root: int) -> bool:
        root = self.uf.find(root)
        articles = self._articles.get(root, set())
        if root not in self._around:
            self._around[root] = Counter(r for other in articles for r in self.roots(other))
        around = self._around[root]
        mine = self.roots(article)
        own = article in articles  # this article's own clusters do not count as another's
        return any(around[r] - own > 0 for r in mine if r != root)


def build_graph(facts: Iterable[ArticleFacts], min_confidence: float = 0.0) -> nx.MultiDiGraph:
    """One networkx graph from the facts of many articles (order does not matter): `merge` in
    memory, then every table as nodes and edges."""
    with merge(facts, min_confidence=min_confidence) as merged:
        return merged.to_networkx()
