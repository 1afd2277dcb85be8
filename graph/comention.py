"""Co-mentions for the page: which drawn entities are named in the same article, or sentence, and where.

A co-mention is not a relation: nobody stated it, two names only stand near each other. The page
offers them as a switch, drawn apart from relations. Each pair keeps the articles that name both,
with how many sentences of each name both, so the page can count them again for any dates. A pair
is kept when it is among the PER_ENTITY most frequent of either of its entities, so that hubs named
in thousands of articles do not bring a link to everyone; the work is done in the merged SQLite
file, so memory stays bounded however many articles there are.

Sentences are cut where a line ends, or after . ! or ? (and any closing quote or bracket) followed by
a space: close enough to the parser's sentences to count names that stand together.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import combinations, groupby
from operator import itemgetter

from .merged import Merged

PER_ENTITY = 10
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+|\n\s*")


def sentence_starts(body: str) -> list[int]:
    """Where each sentence of a text starts (the first at 0)."""
    return [0] + [m.end() for m in _SENTENCE_END.finditer(body) if m.end() < len(body)]


def co_mentions(
    merged: Merged, drawn: list[str], articles: list[str], per_entity: int = PER_ENTITY
) -> tuple[list[list], int]:
    """The co-mentions between the entities `drawn`: [index of one, index of the other (greater),
    [index in `articles`, sentences naming both, ...]] by pair, and how many pairs were left out."""
    index = {iri: i for i, iri in enumerate(drawn)}
    where = {a: i for i, a in enumerate(articles)}
    db = merged.db
    db.executescript(
        "DROP TABLE IF EXISTS temp.together;"
        "CREATE TEMP TABLE together (a INTEGER, b INTEGER, article INTEGER, sentences INTEGER);"
    )
    merged.choose(drawn)
    rows = db.execute("SELECT article, iri FROM mentions WHERE iri IN chosen ORDER BY article, iri").fetchall()
    for article, named in groupby(rows, key=itemgetter(0)):
        entities = sorted(index[iri] for _, iri in named)
        if len(entities) < 2 or article not in where:
            continue
        together = _sentences_together(merged.text(article), merged.spans(article), index)
        db.executemany(
            "INSERT INTO together VALUES (?, ?, ?, ?)",
            ((a, b, where[article], together.get((a, b), 0)) for a, b in combinations(entities, 2)),
        )
    total = db.execute("SELECT COUNT(*) FROM (SELECT DISTINCT a, b FROM together)").fetchone()[0]
    db.execute(
        """
        CREATE TEMP TABLE kept AS
        WITH pairs AS (SELECT a, b, COUNT(*) AS n, SUM(sentences) AS s FROM together GROUP BY a, b),
             ends AS (SELECT a AS x, b AS y, n, s FROM pairs UNION ALL SELECT b, a, n, s FROM pairs),
             ranked AS (SELECT x, y, ROW_NUMBER() OVER (PARTITION BY x ORDER BY n DESC, s DESC, y) AS r FROM ends)
        SELECT DISTINCT MIN(x, y) AS a, MAX(x, y) AS b FROM ranked WHERE r <= ?""",
        (per_entity,),
    )
    out: list[list] = []
    for (a, b), places in groupby(
        db.execute(
            "SELECT t.a, t.b, t.article, t.sentences FROM together t JOIN kept k ON k.a = t.a AND k.b = t.b "
            "ORDER BY t.a, t.b, t.article"
        ),
        key=itemgetter(0, 1),
    ):
        out.append([a, b, [v for _, _, article, sentences in places for v in (article, sentences)]])
    db.executescript("DROP TABLE temp.together; DROP TABLE temp.kept;")
    return out, total - len(out)


def _sentences_together(
    body: str | None, spans: list[tuple[int, int, str]], index: dict[str, int]
) -> dict[tuple[int, int], int]:
    """(a, b) -> how many sentences of the article name both (none known without the text)."""
    if not body or not spans:
        return {}
    starts = sentence_starts(body)
    per_sentence: dict[int, set[int]] = {}
    for start, _, iri in spans:
        per_sentence.setdefault(bisect_right(starts, start) - 1, set()).add(index[iri])
    counts: dict[tuple[int, int], int] = {}
    for names in per_sentence.values():
        for pair in combinations(sorted(names), 2):
            counts[pair] = counts.get(pair, 0) + 1
    return counts
