"""The installed distribution: everything under newsgraph/, nothing at the top level."""

import subprocess
import sys
import zipfile

from conftest import ROOT


def test_wheel_holds_newsgraph_extract_and_graph_and_no_generic_top_level(tmp_path):
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "-q",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(tmp_path),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("newsgraph-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    code = [n for n in names if not n.startswith("newsgraph-")]
    assert code and all(n.startswith("newsgraph/") for n in code)
    assert {
        "newsgraph/extract/__init__.py",
        "newsgraph/graph/__init__.py",
        "newsgraph/graph/cli.py",
        "newsgraph/graph/assets/page.html",
    } <= set(names)
    entry_points = zipfile.ZipFile(wheel).read(next(n for n in names if n.endswith("entry_points.txt"))).decode()
    assert "newsgraph = newsgraph.graph.cli:main" in entry_points
