"""nodes.csv and edges.csv: the graph for spreadsheets, pandas and Gephi's spreadsheet import.

nodes.csv has one row per entity: `id` (its IRI), `label`, `type`, `aliases` ("; "-joined),
`articles` (how many mention it), `mentions`, `job_titles`. edges.csv has one row per relation:
`source`, `source_label`, `predicate` (IRI), `predicate_label` (in words), `target`,
`target_label`, `evidence` (how many sentences state it), `confidence` (the best sentence's),
`sentence` (the most confident, then the first in article order) and `article` (its article).
Both stream from the merged tables, in IRI order, RFC 4180 CSV in UTF-8.

A cell that starts with =, +, -, @ or a tab would be run as a formula by a spreadsheet; such
cells get a leading apostrophe (OWASP's advice), so an entity named "=HYPERLINK(...)" stays text.
"""

from __future__ import annotations

import csv
import io
from typing import IO, Iterable, Iterator

import networkx as nx

from newsgraph.extract.predicates import label as predicate_label

from .merged import Merged

NODE_COLUMNS = ["id", "label", "type", "aliases", "articles", "mentions", "job_titles"]
EDGE_COLUMNS = [
    "source",
    "source_label",
    "predicate",
    "predicate_label",
    "target",
    "target_label",
    "evidence",
    "confidence",
    "sentence",
    "article",
]
SEPARATOR = "; "


def _safe(value) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _csv(header: list[str], rows: Iterable[Iterable], fh: IO[bytes]) -> None:
    text = io.TextIOWrapper(fh, encoding="utf-8", newline="", write_through=True)
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([_safe(v) for v in row])
    text.flush()
    text.detach()  # the caller closes fh


def node_rows(merged: Merged) -> Iterator[tuple]:
    """(id, label, type, aliases, articles, mentions, job titles) of every entity, by IRI."""
    yield from merged.db.execute(
        """
        SELECT n.iri, n.label, n.type,
               COALESCE((SELECT group_concat(alias, ?) FROM (SELECT alias FROM aliases a WHERE a.iri = n.iri
                                                             ORDER BY alias)), ''),
               n.articles, n.mentions,
               COALESCE((SELECT group_concat(value, ?) FROM (SELECT DISTINCT value FROM attributes t
                                                             WHERE t.iri = n.iri AND t.name = 'jobTitle'
                                                             ORDER BY value)), '')
        FROM nodes n ORDER BY n.iri""",
        (SEPARATOR, SEPARATOR),
    )


def edge_rows(merged: Merged) -> Iterator[tuple]:
    """One row per relation (see the module's docstring), by source, predicate and target."""
    for s, s_label, key, prop, o, o_label, count, confidence, sentence, article in merged.db.execute("""
            WITH ranked AS (
                SELECT s, o, predicate, prop, sentence, article, COALESCE(confidence, 1.0) AS confidence,
                       COUNT(*) OVER edge AS n,
                       ROW_NUMBER() OVER (PARTITION BY s, o, predicate
                                          ORDER BY COALESCE(confidence, 1.0) DESC, article, start, sentence) AS r
                FROM evidence WINDOW edge AS (PARTITION BY s, o, predicate))
            SELECT r.s, ns.label, r.predicate, r.prop, r.o, no.label, r.n, r.confidence, r.sentence, r.article
            FROM ranked r JOIN nodes ns ON ns.iri = r.s JOIN nodes no ON no.iri = r.o
            WHERE r.r = 1 ORDER BY r.s, r.prop, r.o"""):
        yield s, s_label, prop, predicate_label(key), o, o_label, count, f"{confidence:.3f}", sentence, article


def _write(graph: nx.MultiDiGraph | Merged, header: list[str], rows, fh: IO[bytes]) -> None:
    merged = graph if isinstance(graph, Merged) else Merged.from_networkx(graph)
    try:
        _csv(header, rows(merged), fh)
    finally:
        if merged is not graph:
            merged.close()


def write_nodes_csv(graph: nx.MultiDiGraph | Merged, fh: IO[bytes]) -> None:
    """nodes.csv of a merged graph (or a networkx one) to a binary file."""
    _write(graph, NODE_COLUMNS, node_rows, fh)


def write_edges_csv(graph: nx.MultiDiGraph | Merged, fh: IO[bytes]) -> None:
    """edges.csv of a merged graph (or a networkx one) to a binary file."""
    _write(graph, EDGE_COLUMNS, edge_rows, fh)
