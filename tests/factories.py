"""Hand-made facts for tests that need no model: entities, articles, relations, hostile names."""

from __future__ import annotations

from newsgraph.extract import Article, ArticleFacts, Entity, Mention, Quotation, Relation


def entity(key, name, kind, *forms, votes=None):
    forms = forms or (name,)
    mentions = tuple(Mention(text=f, start=i * 10, end=i * 10 + len(f), label="X") for i, f in enumerate(forms))
    return Entity(
        key=key,
        name=name,
        type=kind,
        mentions=mentions,
        type_votes=tuple(sorted((votes or {kind: len(forms)}).items())),
    )


def article(
    art_id, *entities, relations=(), attributes=(), quotations=(), headline=None, date="2020-09-09", url=None, body=None
):
    body = "Body of " + art_id if body is None else body
    return ArticleFacts(
        article=Article(
            id=art_id, path=f"{art_id}.txt", headline=headline or f"Headline {art_id}", body=body, date=date, url=url
        ),
        entities=tuple(entities),
        relations=tuple(relations),
        attributes=tuple(attributes),
        quotations=tuple(quotations),
    )


def named_in(body, key, name, kind, *forms):
    """An entity with a mention at every place the body writes its name or one of its forms."""
    found = sorted((i, f) for f in (name, *forms) for i in _places(body, f))
    mentions = tuple(Mention(text=f, start=i, end=i + len(f), label="X") for i, f in found)
    return Entity(key=key, name=name, type=kind, mentions=mentions, type_votes=((kind, len(mentions)),))


def rel_in(body, s, p, o, sentence, conf=0.8):
    """A relation whose evidence is a sentence of the body, at its place there."""
    start = body.index(sentence)
    return Relation(
        subject=s, predicate=p, object=o, sentence=sentence, start=start, end=start + len(sentence), confidence=conf
    )


def _places(text, word):
    i = text.find(word)
    while i >= 0:
        yield i
        i = text.find(word, i + 1)


def quote(text, speaker=None, start=0):
    return Quotation(
        text=text, speaker=speaker, sentence=f'"{text}," someone said.', start=start, end=start + len(text)
    )


def rel(s, p, o, sentence="A sentence.", start=0, conf=0.8):
    return Relation(
        subject=s, predicate=p, object=o, sentence=sentence, start=start, end=start + len(sentence), confidence=conf
    )


# names and headlines written to break whatever reads them
HOSTILE = [
    'Quote " and \\ backslash',
    "New\nline and\ttab",
    "<img src=x onerror=alert(1)>",
    "</script><script>alert(1)</script>",
    '{braces} #hash """triple"""',
    "RTL \u202e mark and 劉曉明",
    "Bell\x07 and null-ish \x1f",
]


FIRST = ["Anna", "Boris", "Chen", "Dara", "Emil", "Fatima", "Goran", "Hana", "Ivan", "Jun"]
LAST = ["Keller", "Lopez", "Moreau", "Nakamura", "Okafor", "Petrov", "Quinn", "Rossi", "Silva", "Tanaka"]
ORGS = ["Acme Corporation", "Globex Inc", "Initech", "Umbrella Corporation", "Stark Industries"]


def story(i):
    """Article a{i:03d}: a person who works for one of five organisations, in London (shared entities,
    so merging articles is real work); the same facts for the same i, always."""
    person, org = f"{FIRST[i % 10]} {LAST[i // 10 % 10]}", ORGS[i % 5]
    return article(
        f"a{i:03d}",
        entity("e0", person, "Person"),
        entity("e1", org, "Organization"),
        entity("e2", "London", "Place"),
        relations=[
            rel("e0", "worksFor", "e1", f"{person} works for {org}."),
            rel("e1", "location", "e2", f"{org} is in London.", start=30),
        ],
        quotations=[quote(f"{org} is a fine place to work, said {person}", "e0")],
    )


def fill(store, numbers):
    """Put the stories with these numbers into a Store (as `ingest` would, without a model)."""
    from newsgraph.graph.store import text_hash

    with store.writing():
        for i in numbers:
            facts = story(i)
            digest = text_hash(facts.article.body)
            store.add_article(facts.article, digest)
            store.put(digest, facts)
        store.commit()
    return store
