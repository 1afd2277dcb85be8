"""newsgraph: news articles in, one knowledge graph out (see newsgraph.extract and newsgraph.graph)."""

from importlib.metadata import PackageNotFoundError, version

try:  # pyproject.toml is the one place the version is written; the installed metadata carries it
    __version__ = version("newsgraph")
except PackageNotFoundError:  # run from a checkout that was never installed
    __version__ = "0+unknown"
