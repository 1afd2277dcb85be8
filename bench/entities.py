"""Build DWIE's news articles with newsgraph and score the entities alone: P/R/F1, names wrong and missed.

    python bench/entities.py [--part test|train|all] [--limit N] [--jobs N] [--keep DIR] [--top N]

The entity half of bench/dwie.py (same split, same build, same scoring: score.score_entities), for
work on names and types where the relation figures are noise.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import datasets  # noqa: E402
import harness  # noqa: E402

if __name__ == "__main__":
    sys.exit(harness.main(datasets.load_dwie, datasets.DWIE, __doc__.splitlines()[0], relations=False))
