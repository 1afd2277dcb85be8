"""The CoNLL04 benchmark: scoring is strict, and the script runs on a few real sentences."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import ROOT
from conll04kit.data import score, spans_from_tags


def test_bilou_tags_give_spans_in_order():
    assert spans_from_tags(["B-Peop", "L-Peop", "O", "U-Loc", "B-Org", "I-Org", "L-Org"]) == [
        (0, 2, "Peop"),
        (3, 4, "Loc"),
        (4, 7, "Org"),
    ]


def test_a_relation_counts_only_with_both_spans_and_types_right():
    gold = {
        "entities": [{"start": 0, "end": 2, "type": "Peop"}, {"start": 5, "end": 6, "type": "Org"}],
        "relations": [{"head": 0, "tail": 1, "type": "Work_For"}],
    }
    wrong_span = {
        "entities": [{"start": 0, "end": 1, "type": "Peop"}, {"start": 5, "end": 6, "type": "Org"}],
        "relations": [{"head": 0, "tail": 1, "type": "Work_For"}],
    }
    assert score([gold], [gold])["relations"]["f1"] == 1.0
    s = score([wrong_span], [gold])
    assert s["relations"]["tp"] == 0 and s["relations"]["fp"] == 1 and s["entities"]["tp"] == 1


@pytest.mark.model
def test_benchmark_script_runs_on_a_few_dev_sentences(shared_dir, tmp_path):
    out = tmp_path / "pred.jsonl"
    proc = subprocess.run(
        [
            sys.executable,
            str(ROOT / "bench" / "conll04.py"),
            str(shared_dir / "bench" / "conll04" / "conll04_dev.json"),
            "--predictions",
            str(out),
            "--limit",
            "12",
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(lines) == 12 and all(set(p) == {"entities", "relations"} for p in lines)
    assert sum(len(p["relations"]) for p in lines) > 0
    assert "relations  P " in proc.stdout and "sentences/s" in proc.stdout
