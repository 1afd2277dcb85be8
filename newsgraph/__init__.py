"""newsgraph: news articles in, one knowledge graph out (see newsgraph.extract and newsgraph.graph)."""
