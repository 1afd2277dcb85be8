"""Build Re-DocRED's Wikipedia introductions with newsgraph and score entities and relations against the gold.

    python bench/redocred.py [--part test|train|all] [--limit N] [--jobs N] [--keep DIR] [--min-confidence X]

Reads ../shared/bench/redocred/dev.json (500 documents), takes the part of the fixed split
(datasets.split: 150 test, 350 train), joins each document's tokens into text and writes it as an
article file, runs `build` (what `newsgraph build` runs), loads graph.ttl and prints what
bench/dwie.py prints. Only the Wikidata properties with a schema.org counterpart are scored
(datasets.REDOCRED_PROPERTIES). Exits 1 when a document did not build.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import datasets  # noqa: E402
import harness  # noqa: E402

if __name__ == "__main__":
    sys.exit(harness.main(datasets.load_redocred, datasets.REDOCRED, __doc__.splitlines()[0]))
