"""Build DWIE's news articles with newsgraph and score entities and relations against the gold.

    python bench/dwie.py [--part test|train|all] [--limit N] [--jobs N] [--keep DIR] [--min-confidence X]

Reads ../shared/bench/dwie/dev.jsonl (98 Deutsche Welle articles), takes the part of the fixed
split (datasets.split: 30 test, 68 train), writes each as an article file, runs `build` (what
`newsgraph build` runs), loads graph.ttl and prints: articles built and files skipped, entity
P/R/F1 with the names most often wrong and missed, relation P/R/F1 per schema.org property and
in all, a co-occurrence floor on the same entities, the reliability of the evidence confidence,
and the seconds taken. Exits 1 when a document did not build.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import datasets  # noqa: E402
import harness  # noqa: E402

if __name__ == "__main__":
    sys.exit(harness.main(datasets.load_dwie, datasets.DWIE, __doc__.splitlines()[0]))
