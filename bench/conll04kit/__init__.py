"""The CoNLL04 benchmark kit: not part of newsgraph's package, reached only from bench/ and tests.

- `data`: CoNLL04 sentences (BILOU tags) to spans, predictions in the benchmark's shape, strict scores;
- `classify`: a logistic-regression relation classifier for pairs of entities in one sentence,
  its weights plain JSON (`bench/models/relations-conll04.json`);
- `ner`: spaCy md's NER fine-tuned on CoNLL04 types (`bench/models/ner-conll04/`);
- `train`: fitting the classifier (needs scikit-learn), used by `bench/train_conll04.py`.

Scripts put bench/ on sys.path and `import conll04kit`.
"""
