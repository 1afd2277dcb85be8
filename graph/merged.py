"""The merged graph on disk: entities, relations, evidence and quotations in SQLite tables.

`graph.merge` fills these tables from many articles' facts; the exports read them back in the
order they write, one row at a time, so a corpus of any size is exported in bounded memory. A
networkx graph goes in (`from_networkx`) and comes out (`to_networkx`, whole or only some
nodes) through the same tables, so every export has one implementation whatever it starts from.

Tables: `articles` (one row per article), `nodes` (one per entity IRI), `aliases`, `mentions`
(which article mentions which entity), `attributes` and `evidence` (one row per fact and the
sentence behind it, with the IRI of the rdf:Statement that records it) and `quotations`; for
the page, `texts` (each article's body, which every offset points into) and `spans` (where in
it each entity is named).
"""

from __future__ import annotations

import json
import os
import sqlite3
from typing import Iterable, Iterator

import networkx as nx

from newsgraph.extract.facts import Article
from newsgraph.extract.predicates import label as predicate_label

from . import records
from .ids import article_iri, attribute_iri, predicate_iri, quotation_iri, statement_iri

SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (id TEXT PRIMARY KEY, iri TEXT NOT NULL, headline TEXT, date TEXT, url TEXT,
                                     authors TEXT NOT NULL, duplicates TEXT NOT NULL, editors TEXT NOT NULL,
                                     sources TEXT NOT NULL, credits TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS nodes (iri TEXT PRIMARY KEY, type TEXT NOT NULL, label TEXT NOT NULL,
                                  mentions INTEGER NOT NULL, articles INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS aliases (iri TEXT NOT NULL, alias TEXT NOT NULL, PRIMARY KEY (iri, alias)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS mentions (iri TEXT NOT NULL, article TEXT NOT NULL, article_iri TEXT NOT NULL,
                                     PRIMARY KEY (iri, article)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS attributes (iri TEXT NOT NULL, name TEXT NOT NULL, prop TEXT NOT NULL, value TEXT NOT NULL,
                                       article TEXT NOT NULL, sentence TEXT NOT NULL, start INTEGER NOT NULL,
                                       "end" INTEGER NOT NULL, statement TEXT NOT NULL, confidence REAL,
                                       UNIQUE (iri, name, value, article, sentence, start, "end"));
CREATE TABLE IF NOT EXISTS evidence (s TEXT NOT NULL, o TEXT NOT NULL, predicate TEXT NOT NULL, prop TEXT NOT NULL,
                                     article TEXT NOT NULL, sentence TEXT NOT NULL, start INTEGER NOT NULL,
                                     "end" INTEGER NOT NULL, confidence REAL, statement TEXT NOT NULL,
                                     UNIQUE (s, o, predicate, article, start, "end", sentence, confidence));
CREATE TABLE IF NOT EXISTS quotations (seq INTEGER PRIMARY KEY, iri TEXT NOT NULL, text TEXT NOT NULL,
                                       article TEXT NOT NULL, speaker TEXT, start INTEGER NOT NULL,
                                       "end" INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS texts (article TEXT PRIMARY KEY, body TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS spans (article TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
                                  iri TEXT NOT NULL, PRIMARY KEY (article, start, "end", iri)) WITHOUT ROWID;
"""
# made once the tables are full: cheaper than keeping them up to date row by row
INDEXES = """
CREATE INDEX IF NOT EXISTS mentions_by_article ON mentions (article_iri, iri);
CREATE INDEX IF NOT EXISTS evidence_by_statement ON evidence (statement);
CREATE INDEX IF NOT EXISTS evidence_by_edge ON evidence (s, o, predicate);
CREATE INDEX IF NOT EXISTS attributes_by_statement ON attributes (statement);
"""


# the relations whose statements carry the subject's role in that sentence (`Merged.roles`)
ROLE_PREDICATES = ("worksFor", "memberOf")


def nt_order(column: str) -> str:
    """An SQL ORDER BY term giving IRIs in the order of their N-Triples form (<iri>), the export's order."""
    return f"'<' || {column} || '>'"


class Merged:
    """A merged graph in SQLite: a file (bounded memory at any size) or, with no path, in memory."""

    def __init__(self, path: str | os.PathLike | None = None):
        self.db = sqlite3.connect(":memory:" if path is None else os.fspath(path))
        # scratch data, rebuilt from the store whenever needed: no journal, no fsync
        self.db.executescript(
            "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA cache_size = -32768;" + SCHEMA
        )

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "Merged":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # --- writing ----------------------------------------------------------------------------
    def add_article(
        self, article_id: str, headline: str | None, date: str | None, url: str | None, **lists: Iterable[str]
    ) -> None:
        """An article's metadata; `lists` are records.ARTICLE_LISTS (authors, duplicates, editors,
        sources, credits), each a list of names."""
        # no OR REPLACE: two articles with one id would mix their facts, so that is an error
        self.db.execute(
            "INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                article_id,
                article_iri(article_id),
                headline,
                date,
                url,
                *(json.dumps(list(lists.get(k, ())), ensure_ascii=False) for k in records.ARTICLE_LISTS),
            ),
        )

    def add_article_of(self, article: Article) -> None:
        """An article and its body."""
        self.add_article(
            article.id,
            article.headline,
            article.date,
            article.url,
            **{k: getattr(article, k) for k in records.ARTICLE_LISTS},
        )
        self.add_text(article.id, article.body)

    def add_text(self, article_id: str, body: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO texts VALUES (?, ?)", (article_id, body))

    def add_spans(self, article_id: str, spans: Iterable[tuple[str, int, int]]) -> None:
        """Where an article names entities: (entity IRI, start, end) offsets into its body."""
        self.db.executemany(
            "INSERT OR IGNORE INTO spans VALUES (?, ?, ?, ?)",
            ((article_id, start, end, iri) for iri, start, end in spans),
        )

    def add_node(
        self, iri: str, kind: str, label: str, mentions: int, aliases: Iterable[str], articles: Iterable[str]
    ) -> None:
        """A new entity, or more of one already there (its type and label stay the first ones)."""
        self.db.execute(
            "INSERT INTO nodes (iri, type, label, mentions) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (iri) DO UPDATE SET mentions = mentions + excluded.mentions",
            (iri, kind, label, mentions),
        )
        self.db.executemany("INSERT OR IGNORE INTO aliases VALUES (?, ?)", ((iri, a) for a in aliases))
        self.db.executemany(
            "INSERT OR IGNORE INTO mentions VALUES (?, ?, ?)", ((iri, a, article_iri(a)) for a in articles)
        )

    def add_attribute(
        self,
        iri: str,
        name: str,
        value: str,
        article: str,
        sentence: str,
        start: int,
        end: int,
        confidence: float | None = None,
    ) -> None:
        prop = attribute_iri(name)
        self.db.execute(
            "INSERT OR IGNORE INTO attributes VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                iri,
                name,
                prop,
                value,
                article,
                sentence,
                start,
                end,
                statement_iri(iri, prop, value, article, str(start)),
                confidence,
            ),
        )

    def add_evidence(
        self,
        s: str,
        o: str,
        predicate: str,
        article: str,
        sentence: str,
        start: int,
        end: int,
        confidence: float | None,
    ) -> None:
        prop = predicate_iri(predicate)
        self.db.execute(
            "INSERT OR IGNORE INTO evidence VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                s,
                o,
                predicate,
                prop,
                article,
                sentence,
                start,
                end,
                confidence,
                statement_iri(s, prop, o, article, str(start)),
            ),
        )

    def add_quotation(self, text: str, article: str, speaker: str | None, start: int, end: int) -> None:
        self.db.execute(
            'INSERT INTO quotations (iri, text, article, speaker, start, "end") VALUES (?, ?, ?, ?, ?, ?)',
            (quotation_iri(article, start, text), text, article, speaker, start, end),
        )

    def finish(self) -> "Merged":
        """Count each entity's articles and index the tables for reading."""
        self.db.executescript(
            INDEXES
            + """
            UPDATE nodes SET articles = (SELECT COUNT(*) FROM mentions m WHERE m.iri = nodes.iri);
            ANALYZE;"""
        )
        self.db.commit()
        return self

    # --- counting ---------------------------------------------------------------------------
    def count(self, what: str) -> int:
        query = {
            "articles": "SELECT COUNT(*) FROM articles",
            "nodes": "SELECT COUNT(*) FROM nodes",
            "edges": "SELECT COUNT(*) FROM (SELECT DISTINCT s, o, predicate FROM evidence)",
            "quotations": "SELECT COUNT(*) FROM quotations",
        }[what]
        return self.db.execute(query).fetchone()[0]

    def types(self) -> dict[str, int]:
        return dict(self.db.execute("SELECT type, COUNT(*) FROM nodes GROUP BY type ORDER BY type"))

    def top_nodes(self, limit: int | None) -> list[str]:
        """The most mentioned entities: by articles, then mentions, then label (all when limit is None)."""
        return [
            iri
            for (iri,) in self.db.execute(
                "SELECT iri FROM nodes ORDER BY articles DESC, mentions DESC, label, iri LIMIT ?",
                (-1 if limit is None else limit,),
            )
        ]

    # --- reading, in the export's order -----------------------------------------------------
    def articles(self) -> Iterator[tuple]:
        """(id, iri, headline, date, url, {list name: names}) by article IRI (records.ARTICLE_LISTS)."""
        for row in self.db.execute(f"SELECT * FROM articles ORDER BY {nt_order('iri')}"):
            yield (*row[:5], dict(zip(records.ARTICLE_LISTS, map(json.loads, row[5:]), strict=True)))

    def mentions(self) -> Iterator[tuple[str, str]]:
        """(article IRI, entity IRI) by article IRI."""
        return self.db.execute(f"SELECT article_iri, iri FROM mentions ORDER BY {nt_order('article_iri')}, iri")

    def nodes(self) -> Iterator[tuple[str, str, str, int, list[str]]]:
        """(iri, type, label, mentions, aliases) by IRI."""
        aliases = self.db.execute(f"SELECT iri, alias FROM aliases ORDER BY {nt_order('iri')}, alias")
        pending = next(aliases, None)
        for iri, kind, label, mentions in self.db.cursor().execute(
            f"SELECT iri, type, label, mentions FROM nodes ORDER BY {nt_order('iri')}"
        ):
            names = []
            while pending is not None and pending[0] == iri:
                names.append(pending[1])
                pending = next(aliases, None)
            yield iri, kind, label, mentions, names

    def relations(self) -> Iterator[tuple[str, str, str]]:
        """(subject IRI, property IRI, object IRI) of every relation, by subject IRI."""
        return self.db.execute(f"SELECT DISTINCT s, prop, o FROM evidence ORDER BY {nt_order('s')}")

    def attribute_values(self) -> Iterator[tuple[str, str, str]]:
        """(entity IRI, property IRI, value) by entity IRI."""
        return self.db.execute(f"SELECT DISTINCT iri, prop, value FROM attributes ORDER BY {nt_order('iri')}")

    def statements(self) -> Iterator[tuple]:
        """(statement IRI, s, p, o, o is a literal, article IRI, sentence, start, end, confidence) by
        statement IRI: the evidence of every relation and every attribute."""
        return self.db.execute("""
            SELECT statement, s, prop, o, 0, article, sentence, start, "end", confidence FROM evidence
            UNION ALL
            SELECT statement, iri, prop, value, 1, article, sentence, start, "end", confidence FROM attributes
            ORDER BY 1""")

    def roles(self) -> Iterator[tuple[str, str]]:
        """(statement IRI, role) by statement IRI: the job title a person was given in the evidence
        that says they work for or belong to an organisation (its sentence, or the sentences a model
        statement spans: "Ross Walker, UK economist at Royal Bank of Scotland, said ..." ->
        "economist" on the memberOf statement). Read from the attributes, not stored: whatever the
        graph came from, its statements get the same roles."""
        return self.db.execute(
            f"""
            SELECT DISTINCT e.statement, a.value FROM evidence e
            JOIN attributes a ON a.iri = e.s AND a.article = e.article AND a.name = 'jobTitle'
                              AND a.start >= e.start AND a."end" <= e."end"
            WHERE e.predicate IN ({", ".join("?" * len(ROLE_PREDICATES))})
            ORDER BY {nt_order("e.statement")}, a.value""",
            ROLE_PREDICATES,
        )

    def predicates(self) -> list[tuple[str, str]]:
        """(property IRI, label) of every predicate a relation uses."""
        return [
            (prop, predicate_label(key))
            for key, prop in self.db.execute("SELECT DISTINCT predicate, prop FROM evidence ORDER BY predicate")
        ]

    def quotations(self) -> Iterator[tuple]:
        """(iri, text, article, speaker, start, end) by IRI."""
        return self.db.execute('SELECT iri, text, article, speaker, start, "end" FROM quotations ORDER BY iri, seq')

    # --- networkx in and out ----------------------------------------------------------------
    def to_networkx(self, only: Iterable[str] | None = None, quotes_per_speaker: int | None = None) -> nx.MultiDiGraph:
        """The graph as networkx (records.py gives its shape): every entity, or only those in `only` and the
        relations between them. Every article comes either way; so does every quotation, unless
        `quotes_per_speaker` is given: then only the first that many quotations (by article and
        place) of each entity kept."""
        db = self.db
        self.choose(only)
        where = "" if only is None else "WHERE iri IN (SELECT iri FROM chosen)"
        graph = nx.MultiDiGraph()
        graph.graph["articles"] = {
            art_id: records.article(
                headline, date, url, **dict(zip(records.ARTICLE_LISTS, map(json.loads, lists), strict=True))
            )
            for art_id, headline, date, url, *lists in db.execute(
                f"SELECT id, headline, date, url, {', '.join(records.ARTICLE_LISTS)} FROM articles ORDER BY id"
            )
        }
        for iri, kind, label, mentions in db.execute(
            f"SELECT iri, type, label, mentions FROM nodes {where} ORDER BY iri"
        ):
            records.add_node(graph, iri, kind, label, mentions)
        nodes = graph.nodes
        for iri, alias in db.execute(f"SELECT iri, alias FROM aliases {where} ORDER BY iri, alias"):
            nodes[iri]["aliases"].append(alias)
        for iri, article in db.execute(f"SELECT iri, article FROM mentions {where} ORDER BY iri, article"):
            nodes[iri]["articles"].append(article)
        for iri, *fields in db.execute(
            f'SELECT iri, name, value, article, sentence, start, "end", confidence '
            f"FROM attributes {where} ORDER BY iri, name, value, article, start, rowid"
        ):
            nodes[iri]["attributes"].append(records.attribute(*fields))
        edge_where = "" if only is None else ("WHERE s IN (SELECT iri FROM chosen) AND o IN (SELECT iri FROM chosen)")
        roles: dict[str, list[str]] = {}
        for statement, role in self.roles():
            roles.setdefault(statement, []).append(role)
        for s, o, key, statement, *fields in db.execute(
            'SELECT s, o, predicate, statement, article, sentence, start, "end", confidence '
            f"FROM evidence {edge_where} ORDER BY s, o, predicate, article, start, sentence, rowid"
        ):
            records.add_evidence(graph, s, o, key, records.evidence(*fields, roles=roles.get(statement, ())))
        quotes = "quotations"
        if quotes_per_speaker is not None:
            kept = "chosen" if only is not None else "nodes"
            quotes = f"""(SELECT *, ROW_NUMBER() OVER (PARTITION BY speaker ORDER BY article, start, "end", seq) AS n
                          FROM quotations WHERE speaker IN (SELECT iri FROM {kept}))
                         WHERE n <= {int(quotes_per_speaker)}"""
        quotations = [
            records.quotation(*row)
            for row in db.execute(
                f'SELECT text, article, speaker, start, "end" FROM {quotes} ORDER BY article, start, "end", seq'
            )
        ]
        if quotations:
            graph.graph["quotations"] = quotations
        return graph

    def choose(self, only: Iterable[str] | None) -> str:
        """Fill the temporary table `chosen` with the entities `only` (all when None): the entities that
        `spans` and other readers for the page keep to; its name."""
        self.db.execute("CREATE TEMP TABLE IF NOT EXISTS chosen (iri TEXT PRIMARY KEY)")
        self.db.execute("DELETE FROM chosen")
        if only is None:
            self.db.execute("INSERT INTO chosen SELECT iri FROM nodes")
        else:
            self.db.executemany("INSERT OR IGNORE INTO chosen VALUES (?)", ((i,) for i in only))
        return "chosen"

    # --- the articles' text, for the page ------------------------------------------------------
    def articles_to_read(self, only: Iterable[str] | None = None) -> list[str]:
        """The ids of the articles whose text is held, those a reader of the entities `only` (all when
        None) needs most first: articles that hold evidence, an attribute or a quotation of theirs,
        then those that name more of them, then by id."""
        self.choose(only)
        return [
            art
            for (art,) in self.db.execute("""
            WITH cited AS (SELECT article FROM evidence WHERE s IN chosen AND o IN chosen
                           UNION SELECT article FROM attributes WHERE iri IN chosen
                           UNION SELECT article FROM quotations WHERE speaker IN chosen),
                 named AS (SELECT article, COUNT(*) AS n FROM mentions WHERE iri IN chosen GROUP BY article)
            SELECT t.article FROM texts t LEFT JOIN named ON named.article = t.article
            ORDER BY t.article IN cited DESC, COALESCE(named.n, 0) DESC, t.article""")
        ]

    def text(self, article_id: str) -> str | None:
        row = self.db.execute("SELECT body FROM texts WHERE article = ?", (article_id,)).fetchone()
        return row[0] if row else None

    def spans(self, article_id: str) -> list[tuple[int, int, str]]:
        """(start, end, entity IRI) of each place the article names one of the entities last chosen
        (`articles_to_read`, `to_networkx`), in the order of the text (the longest first where two start
        together)."""
        return self.db.execute(
            'SELECT start, "end", iri FROM spans WHERE article = ? AND iri IN chosen ORDER BY start, "end" DESC, iri',
            (article_id,),
        ).fetchall()

    @classmethod
    def from_networkx(cls, graph: nx.MultiDiGraph) -> "Merged":
        """A graph made in memory (or loaded back from Turtle), in tables, for the exports."""
        merged = cls()
        for art_id, meta in graph.graph.get("articles", {}).items():
            meta = {**records.article(None, None, None), **meta}
            merged.add_article(
                art_id, meta["headline"], meta["date"], meta["url"], **{k: meta[k] for k in records.ARTICLE_LISTS}
            )
        for iri, data in graph.nodes(data=True):
            merged.add_node(
                iri,
                data["type"],
                data["label"],
                int(data.get("mentions", 0)),
                data.get("aliases", ()),
                data.get("articles", ()),
            )
            for fact in data.get("attributes", ()):
                merged.add_attribute(iri, *({"confidence": None, **fact}[f] for f in records.ATTRIBUTE_FIELDS))
        for s, o, key, data in graph.edges(keys=True, data=True):
            for ev in data["evidence"]:
                merged.add_evidence(s, o, key, *({"confidence": None, **ev}[f] for f in records.EVIDENCE_FIELDS))
        for q in graph.graph.get("quotations", ()):
            merged.add_quotation(q["text"], q["article"], q.get("speaker"), q["start"], q["end"])
        return merged.finish()
