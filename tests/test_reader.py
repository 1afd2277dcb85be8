"""The article reader: three input shapes, Markdown stripping, metadata and bad files."""

from __future__ import annotations

import codecs

import pytest

from newsgraph.extract import ArticleError, find_articles, parse_article, read_article
from newsgraph.extract.reader import glued_headline, repair_text


def test_dated_text_gives_date_and_title_line_as_headline():
    art = parse_article(" date 2020-09-09 Big News Story About Things\n\nThe body starts here. It goes on.\n", "a")
    assert art.date == "2020-09-09"
    assert art.headline == "Big News Story About Things"
    assert art.body == "The body starts here. It goes on."


def test_dated_text_whose_first_line_is_prose_keeps_it_in_the_body():
    text = " date 2020-09-11 The embassy on Wednesday demanded an investigation.\nMore text follows here."
    art = parse_article(text, "b")
    assert art.date == "2020-09-11"
    assert art.body.startswith("The embassy on Wednesday demanded")
    assert art.headline == "The embassy on Wednesday demanded an investigation."


def test_markdown_metadata_images_and_links_do_not_reach_the_body():
    text = """## Embassy calls for inquiry

keywords: embassy twitter

authors: Ann Smith, Bo Li

publish date: None

![](https://example.org/pic.jpg)

[Original Article](https://www.bbc.com/news/technology-1)

[Other](https://example.org/x)

Embassy calls for inquiry Published 4 hours ago

image copyright Reuters image caption The ambassador has had an account since 2019

The embassy asked [Twitter](https://twitter.com) to investigate.
"""
    art = parse_article(text, "c")
    assert art.headline == "Embassy calls for inquiry"
    assert art.url == "https://www.bbc.com/news/technology-1"
    assert art.authors == ("Ann Smith", "Bo Li")
    assert art.keywords == ("embassy", "twitter")
    assert art.date is None
    assert "Reuters" in art.credits
    assert "Original Article" not in art.body and "http" not in art.body and "![" not in art.body
    assert "Published 4 hours ago" not in art.body
    assert art.body == ("The ambassador has had an account since 2019\n\nThe embassy asked Twitter to investigate.")


def test_plain_text_headline_byline_and_furniture():
    text = (
        "Diplomat demands investigation after account liked posts\n\nTwitter declined to comment.\n\n"
        "© AP Photo / Matt Rourke\n\nJeff Stone\n\nWritten by Jeff Stone\n\nJeff Stone is an editor.\n\n"
        "Latest Podcasts"
    )
    art = parse_article(text, "d")
    assert art.headline == "Diplomat demands investigation after account liked posts"
    assert art.authors == ("Jeff Stone",)
    assert art.credits == ("AP Photo / Matt Rourke",)
    assert art.body == "Twitter declined to comment.\n\nJeff Stone is an editor."


TITLE = "Berlin talks resume next week"


@pytest.mark.parametrize(
    "ending, authors, editors, sources",
    [
        ("mz/msh (AP, AFP, dpa)", (), (), ("AP", "AFP", "dpa")),
        ("Author: Martin Polansky (jc) Editor: Rob Mudge", ("Martin Polansky",), ("Rob Mudge",), ()),
        (
            "Author: Nathan Morley, Nicosia, Cyprus / dfm Editor: Nancy Isenson",
            ("Nathan Morley",),
            ("Nancy Isenson",),
            (),
        ),
        (
            "Author: Darren Mara (dpa, Reuters) Editor: Susan Houlton",
            ("Darren Mara",),
            ("Susan Houlton",),
            ("dpa", "Reuters"),
        ),
        ("tkw/AFP/AP/dpa Editor: Jennifer Abramsohn", (), ("Jennifer Abramsohn",), ("AFP", "AP", "dpa")),
        ("cjc/uhe (Financial Times, dpa)", (), (), ("Financial Times", "dpa")),
        ("AFP, ASX (hch/bea)", (), (), ("AFP", "ASX")),
        ("(Reuters)", (), (), ("Reuters",)),
    ],
)
def test_closing_credits_are_metadata_not_text(ending, authors, editors, sources):
    text = f"{TITLE}\n\nMerkel met Hollande in Berlin on Thursday.\n\nThe talks will go on. {ending}"
    art = parse_article(text, "dw")
    assert art.body == "Merkel met Hollande in Berlin on Thursday.\n\nThe talks will go on."
    assert (art.authors, art.editors, art.sources) == (authors, editors, sources)
    alone = parse_article(f"{TITLE}\n\nThe talks will go on.\n\n{ending}", "dw")  # on a line of its own
    assert alone.body == "The talks will go on." and alone.sources == sources
    prose = " ".join(["The talks will go on."] * 40)  # a long paragraph: only its tail is searched
    long = parse_article(f"{TITLE}\n\n{prose} {ending}", "dw")
    assert long.body == prose and (long.authors, long.editors, long.sources) == (authors, editors, sources)


def test_a_credit_longer_than_the_tail_searched_is_found_whole():
    # a run of spaces inside the credit: the whole paragraph is searched
    art = parse_article(f"{TITLE}\n\n{'The talks will go on. ' * 40}Editor{' ' * 400}: Rob Mudge", "dw")
    assert art.editors == ("Rob Mudge",) and art.body.endswith("The talks will go on.")
    chain = "/".join(["ab"] * 30)  # desk initials, 30 of them
    art = parse_article(f"{TITLE}\n\n{'The talks will go on. ' * 40}{chain}/AFP", "dw")
    assert art.sources == ("AFP",) and art.body.endswith("The talks will go on.")


@pytest.mark.parametrize(
    "ending",
    [
        "He heads the delegation to the Council of Europe (PACE).",  # an acronym in the last sentence
        "The vote is due in May (or June)",  # not a list of agencies, no desk initials
        "Prices rose for him and/or her",
        "Talks ended at 40 km/h",
    ],
)
def test_prose_that_looks_like_a_credit_stays(ending):
    art = parse_article(f"{TITLE}\n\nThe talks will go on. {ending}", "dw")
    assert art.body == f"The talks will go on. {ending}" and not art.sources and not art.editors


@pytest.mark.parametrize(
    "caption, kept, credit",
    [
        (
            "The flag flaps in Shanghai, China. (Lucas Schifres/Pictobank)",
            "The flag flaps in Shanghai, China.",
            "Lucas Schifres/Pictobank",
        ),
        ("Protesters in Hong Kong. AP Photo/Matt Rourke", "Protesters in Hong Kong.", "AP Photo/Matt Rourke"),
        ("(Lucas Schifres/Pictobank)", None, "Lucas Schifres/Pictobank"),
        ("The vote (Labour/Conservative) was close.", "The vote (Labour/Conservative) was close.", None),
        ("He met Mr. Smith/Jones in May.", "He met Mr. Smith/Jones in May.", None),
    ],
)
def test_photo_credits_after_a_caption_are_set_aside(caption, kept, credit):
    art = parse_article(f"{TITLE}\n\n{caption}\n\nThe talks will go on.", "c")
    assert art.body == "\n\n".join(p for p in (kept, "The talks will go on.") if p)
    assert art.credits == ((credit,) if credit else ())


def test_a_title_repeated_is_dropped_but_a_first_sentence_that_starts_with_it_stays():
    repeated = parse_article("Myra Clark Gaines\n\nMyra Clark Gaines Published 4 hours ago\n\nShe sued.", "w")
    assert repeated.body == "She sued."
    text = "Myra Clark Gaines\n\nMyra Clark Gaines (c. 1804 - 1885) was an American socialite. She sued."
    art = parse_article(text, "w")
    assert art.headline == "Myra Clark Gaines"
    assert art.body == "Myra Clark Gaines (c. 1804 - 1885) was an American socialite. She sued."


@pytest.mark.parametrize(
    "text, headline",
    [
        ("Bank holds rates for third month The decision was expected by most.", "Bank holds rates for third month"),
        ("Market rally lifts shares The UK index rose by 2%.", "Market rally lifts shares"),
        ("Minister warns of 'deep cuts ahead' Plans to trim it were shown.", "Minister warns of 'deep cuts ahead'"),
        ("Teachers strike over pay Three unions walked out on Monday.", "Teachers strike over pay"),
        ("Council backs plan for Leeds The City Council voted on Monday.", "Council backs plan for Leeds"),
        ("Smith wins title race Jane Smith won the race on Sunday.", "Smith wins title race"),
        ("Jones joins rivals Chelsea's Tom Jones signed on Monday.", "Jones joins rivals"),
        ("Smith wins title race Film star Jane Smith won the race on Sunday.", "Smith wins title race"),
        ("Doubts over striker Smith Leeds forward Tom Smith is unsure of his place.", "Doubts over striker Smith"),
        ("Jones set for move Larne's teenage star Tom Jones is set to join.", "Jones set for move"),
        ("Firm 'to shed' 900 jobs Despite record sales, the firm will cut staff.", "Firm 'to shed' 900 jobs"),
        # a role word that is the headline's own, and a number with a thousands comma in it
        ("Jones in talks over new coach Tom Jones is close to a deal.", "Jones in talks over new coach"),
        ("Smith sets 10,000m record Kenya's Jane Smith won on Sunday.", "Smith sets 10,000m record"),
        # a plural noun that opens news stories, after a name that ends the headline
        ("Pernod takeover talk lifts Domecq Shares in the drinks firm rose.", "Pernod takeover talk lifts Domecq"),
        ("Cebit fever takes over Hanover Thousands of visitors came.", "Cebit fever takes over Hanover"),
        # the headline's last word repeated by the body's first
        ("Clyde 0-5 Celtic Celtic brushed aside Clyde on Sunday.", "Clyde 0-5 Celtic"),
        (
            "Golden rule boost for Chancellor Chancellor Gordon Brown has been given a boost.",
            "Golden rule boost for Chancellor",
        ),
    ],
)
def test_a_headline_run_into_the_first_sentence_is_split_off(text, headline):
    assert glued_headline(text) == (headline, text[len(headline) + 1 :])
    art = parse_article(text, "w")  # a one-line article, as the BBC data set has them
    assert art.headline == headline and art.body == text[len(headline) + 1 :]


@pytest.mark.parametrize(
    "text",
    [
        "Snowfall is the debut album by the Leeds band The Weather Men, released in 1999.",
        "Critics praised Gangs Of New York when it opened in London.",
        'Wilfried "Willi" Schneider (born 1963) is a German skeleton racer.',
        "Naomi van As (born 1983) is a Dutch field hockey player.",
        'In his novel "Season of Crimson Blossoms" Abubakar Adam Ibrahim writes about love.',
        "Police said on Monday that The Times had been told. It ran the story.",
        # a plural opener that the prose names by its name: an album, or an acronym
        "Brits success has helped return their album Hopes And Fears to the top.",
        "The PM will face MPs amid feud talk at the Commons on Monday.",
        "Officers from Greater Manchester Police said the man was held overnight.",
        "Coal firms sue the state - At the fair, scanners were shown to visitors.",
        # a body that opens otherwise is not told apart: the headline stays in it
        "Smith ready for Lions All Blacks captain Tom Smith said he was fit.",
        "Smith ready for the final Lions captain Tom Smith said he was fit.",
        "Smith quits 'bitter' UKIP Ex-chat show host Tom Smith has quit the party.",
        "Smith eyes move Czech Republic national team striker Tom Smith says he will go.",
        # a full name named again, in prose
        "The winner, as expected, was Jane Smith, and Smith said so.",
        "Reports said that in the end John Smith beat Smith.",
        # a repeated word that is a name: written so again, or after a describing word
        "Fans cheered Duran Duran when Duran Duran played on.",
        "Band to reunite for tour Eighties band Duran Duran have announced a tour.",
    ],
)
def test_prose_is_not_taken_for_a_glued_headline(text):
    assert glued_headline(text) is None
    assert parse_article(text, "w").body == text


@pytest.mark.parametrize(
    "opening, body, sources",
    [
        ("WASHINGTON (AP) — The president spoke.", "Washington — The president spoke.", ("AP",)),
        ("NEW YORK, Oct 3 (Reuters) - Stocks fell.", "New York, Oct 3 — Stocks fell.", ("Reuters",)),
        ("WINSTON-SALEM (AP) - Rain fell.", "Winston-Salem — Rain fell.", ("AP",)),
        ("NATO (the alliance) - it met.", "NATO (the alliance) - it met.", ()),
    ],
)
def test_a_wire_dateline_gives_its_agency_and_its_place_in_ordinary_capitals(opening, body, sources):
    art = parse_article(f"{TITLE}\n\n{opening}", "w")
    assert art.body == body and art.sources == sources


def test_every_seed_reads_with_a_headline_and_clean_body():
    from conftest import SEEDS

    articles = [read_article(p) for p in sorted(SEEDS.glob("*.txt"))]
    assert len(articles) == 5
    by_id = {a.id: a for a in articles}
    assert by_id["000_912c7b24476735e9"].headline.startswith("Chinese Embassy Says Twitter Account")
    assert by_id["003_84a72388b0f39897"].url == "https://www.bbc.com/news/technology-54092119"
    assert by_id["004_1dce59e31ca20825"].authors == ("Jeff Stone",)
    for a in articles:
        assert a.headline and a.body
        assert "Original Article" not in a.body and "](" not in a.body
        assert "Register" not in a.body.split("\n\n")[0]


def test_non_utf8_text_is_decoded_and_the_guess_is_said(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("Café owner José Núñez spoke in Zürich.".encode("cp1252"))
    art = read_article(path)
    assert "José Núñez" in art.body
    assert any("cp1252" in w for w in art.warnings)


def test_utf16_with_bom_is_read(tmp_path):
    path = tmp_path / "wide.txt"
    path.write_bytes(codecs.BOM_UTF16_LE + "Angela Merkel met Emmanuel Macron in Paris.".encode("utf-16-le"))
    assert "Emmanuel Macron" in read_article(path).body


@pytest.mark.parametrize(
    "content, reason",
    [
        (b"", "empty"),
        (b"   \n\t\n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (b"some text\x00with a NUL", "binary"),
    ],
)
def test_bad_files_raise_a_message_naming_file_and_reason(tmp_path, content, reason):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(ArticleError) as info:
        read_article(path)
    assert str(info.value).startswith(str(path) + ": ")
    assert reason in str(info.value)


def test_find_articles_reports_missing_paths_and_lists_each_file_once(tmp_path):
    (tmp_path / "a.txt").write_text("Alpha text here.")
    (tmp_path / "b.md").write_text("Beta text here.")
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    found = list(find_articles([tmp_path, tmp_path / "a.txt", tmp_path / "missing"]))
    paths = [f.name for f in found if not isinstance(f, ArticleError)]
    errors = [str(f) for f in found if isinstance(f, ArticleError)]
    assert paths == ["a.txt", "b.md"]
    assert errors == [f"{tmp_path / 'missing'}: no such file or folder"]


def test_html_page_saved_as_txt_is_read_as_its_visible_text(tmp_path):
    path = tmp_path / "page.txt"
    path.write_text(
        "<!DOCTYPE html><html><head><title>Envoy speaks out</title><script>var x = '<b>';</script>"
        "<style>p {color: red}</style></head><body><p>Liu Xiaoming spoke in London.</p>"
        "<p>The embassy said &quot;no&quot;.</p></body></html>"
    )
    art = read_article(path)
    assert art.headline == "Envoy speaks out"
    assert art.body == 'Liu Xiaoming spoke in London.\n\nThe embassy said "no".'
    assert any("HTML" in w for w in art.warnings)


@pytest.mark.parametrize(
    "text, mended, repairs",
    [
        ("It cost Â£5m.", "It cost £5m.", 1),  # the BBC data set's pound signs
        ("the Ministerâ€™s â€œplanâ€\x9d", "the Minister’s “plan”", 3),  # cp1252, and Latin-1's 0x9D
        ("ZÃ¼rich, Ren&#233; and &#x41;", "Zürich, René and A", 3),
        ("Zürich, naïve café», SÃO Paulo, Â alone, &#0;", "Zürich, naïve café», SÃO Paulo, Â alone, &#0;", 0),
        ("„Das ist groß“, »Gruß«, PELÉ’S, café…”", "„Das ist groß“, »Gruß«, PELÉ’S, café…”", 0),  # right as written
        ("it&#146;s", "it’s", 1),  # a reference to cp1252's 0x92, as old pages wrote them
    ],
)
def test_text_decoded_wrongly_upstream_is_mended_and_said(text, mended, repairs):
    fixed, said = repair_text(text)
    assert fixed == mended
    assert said == ((f"repaired {repairs} mis-decoded character{'s' if repairs > 1 else ''}",) if repairs else ())
    article = parse_article(f"Headline\n\nThe story says that {text}, they reported on Monday.", "x")
    assert article.body == f"The story says that {mended}, they reported on Monday." and article.warnings == said
