"""The NER that newsgraph trained on CoNLL04 (Peop, Org, Loc, Other), kept with the benchmark (bench/models/).

`bench/train_conll04.py` fine-tunes spaCy md's NER component on the CoNLL04 train split and saves
it as a one-component pipeline without vectors (6.2 MB) in `bench/models/ner-conll04/`. It is loaded by
sourcing that component into the md pipeline, which supplies the vectors its tok2vec reads: the
whole component, weights and config together, so nothing is lost between training and use.
"""

from __future__ import annotations

from pathlib import Path

import spacy
from spacy.language import Language

from newsgraph.extract.pipeline import DEFAULT_MODEL, load_pipeline

NER_DIR = Path(__file__).resolve().parent.parent / "models" / "ner-conll04"


def load_conll04_pipeline(base: str = DEFAULT_MODEL) -> Language:
    """The md pipeline (parser, tagger, ...) with its NER replaced by the CoNLL04-trained one."""
    if not (NER_DIR / "config.cfg").is_file():
        raise FileNotFoundError(f"{NER_DIR}: not trained yet (python bench/train_conll04.py --only ner)")
    nlp = load_pipeline(base)
    trained = spacy.load(NER_DIR, vocab=nlp.vocab, exclude=["vocab"])
    nlp.remove_pipe("ner")
    nlp.add_pipe("ner", source=trained)
    return nlp
