"""Relation and quotation patterns on short sentences, parsed by the real model (one per family).

The learned model's additions are left out here (tests/test_relmodel.py covers them).
Each test states what a reader of the sentence would say, including what must NOT be read
(negation, unnamed speakers, scare quotes) and which way a relation points (passive voice).
"""

from __future__ import annotations

import pytest

from newsgraph.extract import Article, facts_from_doc
from newsgraph.extract.facts import ORGANIZATION, PERSON, PLACE
from newsgraph.extract.relmodel import PATTERNS_ONLY

pytestmark = pytest.mark.model


@pytest.fixture
def read(nlp):
    def run(text):
        return facts_from_doc(nlp(text), Article(id="t", path="t.txt", headline="t", body=text), PATTERNS_ONLY)

    return run


def triples(f):
    name = {e.key: e.name for e in f.entities}
    return {(name[r.subject], r.predicate, name[r.object]) for r in f.relations}


def quotes(f):
    name = {e.key: e.name for e in f.entities}
    return [(name.get(q.speaker), q.text) for q in f.quotations]


# --- employment and roles ----------------------------------------------------------------------
def test_copula_role_is_works_for_with_a_job_title(read):
    f = read("Jeff Stone is the editor of CyberScoop.")
    assert triples(f) == {("Jeff Stone", "worksFor", "CyberScoop")}
    assert [(a.name, a.value) for a in f.attributes] == [("jobTitle", "editor")]


def test_a_person_of_an_organisation_is_a_member(read):
    for text, person, org in (
        ("Claudio Tarlazzi of the UIL Trasporti union said the talks went well.", "Claudio Tarlazzi", "UIL Trasporti"),
        ("Simon Thomas, of Plaid Cymru, called it a budget for Middle England.", "Simon Thomas", "Plaid Cymru"),
    ):
        assert (person, "memberOf", org) in triples(read(text)), text
    for text in (  # the organisation's name modifies what follows it
        "Sarah Friar of the Google-backed startup Nextdoor said so.",
        "Jay Y. Lee of the Samsung founding family said so.",
    ):
        assert not any(p == "memberOf" for _, p, _ in triples(read(text))), text


def test_a_clubs_player_before_the_name_is_a_member(read):
    for text, person, club in (
        ("Schalke keeper Ralf Fährmann saved a penalty.", "Ralf Fährmann", "Schalke"),
        ("Bayern's Polish striker Robert Lewandowski scored twice against Schalke.", "Robert Lewandowski", "Bayern"),
    ):
        assert (person, "memberOf", club) in triples(read(text)), text
    # a position alone, or another noun before the name, is no membership; nor is a country's
    # name before it (a national side, which the graph does not tell from the country)
    assert not triples(read("Schalke signed the striker Robert Lewandowski on Monday."))
    assert not any(p == "memberOf" for _, p, _ in triples(read("Germany striker Thomas Mueller scored in Rio.")))


def hand_relations(make_doc, words, names, heads, pos=None, tags=None):
    """The patterns' (subject, predicate, object, rule) on a hand-built Doc with no dependency labels
    (only the heads, the words' order and their tags count); `names` maps each entity key to its
    (first token, last token, type)."""
    from newsgraph.extract.facts import Entity, Mention
    from newsgraph.extract.relations import extract_relations

    doc = make_doc(words, heads=heads, pos=pos, tags=tags, deps=["dep"] * len(words))
    labels = {PERSON: "PERSON", ORGANIZATION: "ORG", PLACE: "GPE"}
    entities, token_map = [], {}
    for key, (first, last, kind) in names.items():
        span = doc[first : last + 1]
        entities.append(
            Entity(key, span.text, kind, (Mention(span.text, span.start_char, span.end_char, labels[kind]),))
        )
        token_map.update(dict.fromkeys(range(first, last + 1), key))
    relations, _ = extract_relations(doc, entities, token_map)
    return {(r.subject, r.predicate, r.object, r.rule) for r in relations}


def person_then_organisation(make_doc, words, heads, pos):
    """A person's name first (two tokens), an organisation's last but one: what person-of-organisation says."""
    names = {"e0": (0, 1, PERSON), "e1": (len(words) - 2, len(words) - 2, ORGANIZATION)}
    found = hand_relations(make_doc, words, names, heads, pos)
    return {(s, p, o) for s, p, o, rule in found if rule == "person-of-organisation"}


def test_a_title_with_a_name_after_a_comma_is_the_persons_but_not_inside_another_phrase(read):
    f = read("India's Prime Minister, Narendra Modi, said India would help.")
    assert ("jobTitle", "prime minister") in {(a.name, a.value) for a in f.attributes}
    f = read("A spokesman for the chancellor, Steffen Seibert, said Germany would help.")
    assert ("jobTitle", "chancellor") not in {(a.name, a.value) for a in f.attributes}
    f = read("Russia's official spokesman Dmitry Peskov said Russia would help.")  # "official" an adjective
    assert ("jobTitle", "spokesman") in {(a.name, a.value) for a in f.attributes}


def test_an_adjective_between_an_owner_and_a_title_is_passed_over_but_former_is_not(make_doc):
    def employers(adjective):
        # "Acme 's <adjective> coach Ann Lee left ."
        words = ["Acme", "'s", adjective, "coach", "Ann", "Lee", "left", "."]
        tags = ["NNP", "POS", "JJ", "NN", "NNP", "NNP", "VBD", "."]
        pos = ["PROPN", "PART", "ADJ", "NOUN", "PROPN", "PROPN", "VERB", "PUNCT"]
        names = {"e0": (0, 0, ORGANIZATION), "e1": (4, 5, PERSON)}
        found = hand_relations(make_doc, words, names, [6, 0, 3, 6, 5, 6, 6, 6], pos, tags)
        return {(s, o) for s, p, o, _ in found if p == "worksFor"}

    assert employers("new") == {("e1", "e0")}
    assert employers("former") == set()


def test_a_person_of_an_organisation_needs_of_on_the_name_and_only_describing_words_between(make_doc):
    member = {("e0", "memberOf", "e1")}
    # "Ann Lee of the big bank Acme ." / "of" hanging on another word / a verb between
    words, pos = (
        ["Ann", "Lee", "of", "the", "big", "bank", "Acme", "."],
        ["PROPN", "PROPN", "ADP", "DET", "ADJ", "NOUN", "PROPN", "PUNCT"],
    )
    assert person_then_organisation(make_doc, words, [1, 1, 1, 6, 6, 6, 2, 1], pos) == member
    assert not person_then_organisation(make_doc, words, [1, 1, 6, 6, 6, 6, 6, 1], pos)
    words, pos = (
        ["Ann", "Lee", "of", "the", "board", "said", "Acme", "."],
        ["PROPN", "PROPN", "ADP", "DET", "NOUN", "VERB", "PROPN", "PUNCT"],
    )
    assert not person_then_organisation(make_doc, words, [1, 1, 1, 4, 2, 1, 5, 1], pos)


def test_spokesman_for_an_organisation_in_apposition(read):
    f = read("Jane Smith, a spokeswoman for Microsoft, declined to comment.")
    assert triples(f) == {("Jane Smith", "worksFor", "Microsoft")}


def test_possessive_title_points_from_the_person_to_the_country(read):
    f = read("China's ambassador Liu Xiaoming spoke to reporters.")
    assert triples(f) == {("Liu Xiaoming", "ambassador-of", "China"), ("Liu Xiaoming", "worksFor", "China")}


def test_a_state_office_of_a_place_is_in_its_service(read):
    for text, person, place in (
        ("German Chancellor Angela Merkel said Germany would help.", "Angela Merkel", "Germany"),
        ("Since then, German Chancellor Angela Merkel has said Germany would help.", "Angela Merkel", "Germany"),
        ("Nicolas Sarkozy, the president of France, met reporters.", "Nicolas Sarkozy", "France"),
        ("On Monday US President Barack Obama said the United States would help.", "Barack Obama", "United States"),
        ("India's Prime Minister, Narendra Modi, said India would help.", "Narendra Modi", "India"),
        (
            '"This is serious," Mamata Banerjee, chief minister of West Bengal, told reporters.',
            "Mamata Banerjee",
            "West Bengal",
        ),
    ):
        assert (person, "worksFor", place) in triples(read(text)), text
    for text in (
        "Former German Chancellor Gerhard Schroeder said Germany would help.",  # no longer
        "Nicolas Sarkozy, the former president of France, met reporters.",
        "German coach Joachim Loew said Germany would win.",  # a coach serves a team, not the state
        "Jane Fraser, head of Latin America at Citigroup, said so.",  # a business's region
        "Donald Tusk, the president of Europe, said so.",  # a continent is no state
    ):
        assert not any(p == "worksFor" for _, p, _ in triples(read(text))), text
    posted = triples(read("Chinese Ambassador to the UK Liu Xiaoming said China would help."))
    assert ("Liu Xiaoming", "worksFor", "China") in posted  # the state he serves, not the one he is posted to
    assert not any(p == "worksFor" and o == "United Kingdom" for _, p, o in posted)
    # a place named bare before the title is often the posting or the portfolio
    for text in (
        "US Syria envoy James Jeffrey said Syria had agreed.",
        "Trump's Iran envoy Brian Hook said Iran must stop.",
        "The new Syria envoy Staffan de Mistura said Syria must stop.",
        "On Tuesday Northern Ireland Secretary James Brokenshire said Northern Ireland would vote.",
        "Italy's previous prime minister Matteo Renzi said Italy would help.",  # no longer
        "Germany's main opposition leader Martin Schulz met reporters in Germany.",  # no comma: no apposition
    ):
        assert not any(p == "worksFor" for _, p, _ in triples(read(text))), text


def test_organisation_before_a_title_is_the_employer(read):
    f = read("Siemens chief executive Joe Kaeser said the company would cut jobs.")
    assert triples(f) == {("Joe Kaeser", "worksFor", "Siemens")}
    assert [(a.name, a.value) for a in f.attributes] == [("jobTitle", "chief executive")]
    f = read("Liverpool coach Jurgen Klopp praised his players.")
    assert ("Jurgen Klopp", "worksFor", "Liverpool") in triples(f)
    g = read("Augsburg's new coach Markus Weinzierl praised his players.")  # an adjective between
    assert ("Markus Weinzierl", "worksFor", "Augsburg") in triples(g)
    assert ("jobTitle", "coach") in {(a.name, a.value) for a in f.attributes}


def test_an_honorific_between_the_title_and_the_name_is_passed_over(read):
    f = read("Manchester United manager Sir Alex Ferguson said the team played well.")
    assert triples(f) == {("Alex Ferguson", "worksFor", "Manchester United")}
    assert [(a.name, a.value) for a in f.attributes] == [("jobTitle", "manager")]
    f = read("On Tuesday, deputy prime minister Mr Prescott told BBC News the troops were loyal.")
    assert ("jobTitle", "deputy prime minister") in {(a.name, a.value) for a in f.attributes}


def test_a_portfolio_between_the_organisation_and_the_title_is_part_of_the_title(read):
    f = read("EU Migration Commissioner Dimitris Avramopoulos announced the plan on Monday.")
    assert triples(f) == {("Dimitris Avramopoulos", "worksFor", "European Union")}
    assert [(a.name, a.value) for a in f.attributes] == [("jobTitle", "migration commissioner")]
    f = read("Obama told Democratic Senator Harry Reid that the bill would pass.")  # no owner: the title alone
    assert triples(f) == set()
    assert [(a.name, a.value) for a in f.attributes] == [("jobTitle", "senator")]


def test_leaders_and_heads_are_roles(read):
    f = read("Green Party co-leader Cem Özdemir has reported receiving threats.")
    assert triples(f) == {("Cem Özdemir", "worksFor", "Green Party")}
    assert [(a.name, a.value) for a in f.attributes] == [("jobTitle", "co-leader")]
    f = read("The talks did not include Mullah Abdul Ghani Baradar, the Taliban's former deputy leader.")
    assert triples(f) == {("Mullah Abdul Ghani Baradar", "worksFor", "Taliban")}


def test_an_organisation_named_in_the_role_of_an_apposition_is_the_employer(read):
    f = read("Zeid Ra'ad Al Hussein, the UN High Commissioner for Human Rights, said the camps were appalling.")
    assert ("Zeid Ra'ad Al Hussein", "worksFor", "UN") in triples(f)


def test_a_founder_is_the_organisations_founder(read):
    f = read("Microsoft founder Bill Gates gave a speech in Seattle.")
    assert ("Microsoft", "founder", "Bill Gates") in triples(f)
    assert ("Bill Gates", "worksFor", "Microsoft") not in triples(f)
    f = read("Microsoft co-founder Paul Allen gave a speech in Seattle.")
    assert ("Microsoft", "founder", "Paul Allen") in triples(f)
    assert ("jobTitle", "co-founder") in {(a.name, a.value) for a in f.attributes}


def test_a_title_with_no_organisation_before_it_is_a_job_title_only(read):
    f = read("Police officer John Smith arrived at the scene.")
    assert triples(f) == set()
    assert [(a.name, a.value) for a in f.attributes] == [("jobTitle", "officer")]


def test_an_occupation_is_the_persons_job_title_and_the_relation_is_left_to_the_model(read):
    for text, person, title in (
        ("Ross Walker, UK economist at Royal Bank of Scotland, said he was surprised.", "Ross Walker", "economist"),
        (
            '"It was a respectable report," said Michael Moran, senior analyst at Daiwa Securities.',
            "Michael Moran",
            "senior analyst",
        ),
        (
            "Greenpeace's energy policy expert, Frauke Thies, said coal was subsidised.",
            "Frauke Thies",
            "energy policy expert",
        ),
        ("Syria expert Petra Becker said the war would go on.", "Petra Becker", "expert"),
        ("The Labour Party candidate Matt Viney won the seat on Saturday.", "Matt Viney", "candidate"),
        ("Mr Sayeed has been MP for Mid-Bedfordshire since 1997.", "Sayeed", "MP"),  # an acronym as written
    ):
        f = read(text)
        name = {e.key: e.name for e in f.entities}
        assert [(name[a.entity], a.name, a.value) for a in f.attributes] == [(person, "jobTitle", title)], text
        # whether an analyst "at" a bank works for it or is a member is the model's to say
        assert triples(f) == set(), text
    f = read("The ambassador, Liu Xiaoming, said China would respond.")  # a title: unchanged
    assert ("jobTitle", "ambassador") in {(a.name, a.value) for a in f.attributes}
    f = read("The wife, Ann Lee, said so.")  # a family noun is no occupation
    assert not f.attributes
    f = read("Ann Lee, author of the report, said so.")  # nor the author of a report
    assert not f.attributes


def test_the_shipped_model_relates_an_occupation_to_its_organisation(nlp):
    text = "Ross Walker, UK economist at Royal Bank of Scotland, said he was surprised."
    f = facts_from_doc(nlp(text), Article(id="t", path="t.txt", headline="t", body=text))
    assert ("Ross Walker", "Royal Bank of Scotland") in {
        (s, o) for s, p, o in triples(f) if p in ("worksFor", "memberOf")
    }
    assert ("jobTitle", "economist") in {(a.name, a.value) for a in f.attributes}


def test_membership(read):
    assert triples(read("Ann Lee is a member of the Labour Party.")) == {("Ann Lee", "memberOf", "Labour Party")}


def test_parent_organisation(read):
    f = read("YouTube, a subsidiary of Google, removed the video.")
    assert triples(f) == {("YouTube", "parentOrganization", "Google")}


def test_nationality_from_a_demonym_before_the_name(read):
    f = read("The Chinese artist Ai Weiwei lives in Berlin, far from China.")
    assert ("Ai Weiwei", "nationality", "China") in triples(f)


# --- where organisations are based and people live ----------------------------------------------
def test_organisation_based_in_a_place_through_a_relative_clause(read):
    f = read("Microsoft, which is based in Seattle, made the software.")
    assert triples(f) == {("Microsoft", "location", "Seattle")}


def test_organisation_based_in_a_place_before_its_name(read):
    f = read("The Berlin-based corruption watchdog Transparency International ranks Rwanda first.")
    assert ("Transparency International", "location", "Berlin") in triples(f)
    for text in (
        "The Paris-based journalist John Smith met Google.",  # a person: no organisation's location
        "The London-based Deutsche Bank analyst John Smith said so.",  # the analyst is London-based
    ):
        assert not any(p == "location" for _, p, _ in triples(read(text))), text


def test_a_places_possessive_before_an_organisation_is_its_location(read):
    for text, org, place in (
        ("Germany's Foreign Ministry spokesman said so.", "Foreign Ministry", "Germany"),
        ("India's Election Commission ruled on Monday.", "Election Commission", "India"),
    ):
        assert (org, "location", place) in triples(read(text)), text
    for text, place in (
        ("Britain's High Commission in Delhi said so.", "United Kingdom"),  # a mission is abroad
        ("The embassy said the UK's Twitter account had been hacked by someone.", "United Kingdom"),  # an account
        ("Trinidad and Tobago's Petrotrin cut jobs.", "Tobago"),  # half a country the NER split
    ):
        assert not any(p == "location" and o == place for _, p, o in triples(read(text))), text


def test_an_organisation_of_a_place_is_there(read):
    f = read("Nabucco has three shareholders: OMV of Austria, MOL of Hungary and RWE of Germany.")
    expected = {("OMV", "location", "Austria"), ("MOL", "location", "Hungary"), ("RWE", "location", "Germany")}
    assert expected <= triples(f)


def organisation_of_place(make_doc, words, heads, pos, tags, at=2):
    """The patterns when the organisation is the first token and the place the one at `at`."""
    return hand_relations(make_doc, words, {"e0": (0, 0, ORGANIZATION), "e1": (at, at, PLACE)}, heads, pos, tags)


def test_an_organisation_of_a_place_is_there_only_where_the_place_ends_the_phrase(make_doc):
    found = ("e0", "location", "e1", "organisation-of-place")
    # "OMV of Austria met ."
    words, heads = ["OMV", "of", "Austria", "met", "."], [3, 0, 1, 3, 3]
    tags, pos = ["NNP", "IN", "NNP", "VBD", "."], ["PROPN", "ADP", "PROPN", "VERB", "PUNCT"]
    assert found in organisation_of_place(make_doc, words, heads, pos, tags)
    assert not organisation_of_place(make_doc, words, [3, 3, 1, 3, 3], pos, tags)  # "of" hangs on another word
    # "Embassy of Japan met .": a mission is abroad
    words = ["Embassy", "of", "Japan", "met", "."]
    assert found not in organisation_of_place(make_doc, words, heads, pos, tags)
    # "OMV of Austria 's board met .": "of" the owner of something else
    words, heads = ["OMV", "of", "Austria", "'s", "board", "met", "."], [5, 0, 1, 2, 5, 5, 5]
    tags = ["NNP", "IN", "NNP", "POS", "NN", "VBD", "."]
    pos = ["PROPN", "ADP", "PROPN", "PART", "NOUN", "VERB", "PUNCT"]
    assert found not in organisation_of_place(make_doc, words, heads, pos, tags)
    # "OMV of the Netherlands met ." / "OMV of the Berlin police met ."
    words, heads = ["OMV", "of", "the", "Netherlands", "met", "."], [4, 0, 3, 1, 4, 4]
    tags, pos = ["NNP", "IN", "DT", "NNP", "VBD", "."], ["PROPN", "ADP", "DET", "PROPN", "VERB", "PUNCT"]
    assert found in organisation_of_place(make_doc, words, heads, pos, tags, at=3)
    words, heads = ["OMV", "of", "the", "Berlin", "police", "met", "."], [5, 0, 4, 4, 1, 5, 5]
    tags, pos = ["NNP", "IN", "DT", "NNP", "NN", "VBD", "."], ["PROPN", "ADP", "DET", "PROPN", "NOUN", "VERB", "PUNCT"]
    assert found not in organisation_of_place(make_doc, words, heads, pos, tags, at=3)


def test_an_organisation_described_as_a_places_firm_is_there(read):
    for text, org, place in (
        ("He left the board of Tabcorp, Australia's largest bookmaker, last week.", "Tabcorp", "Australia"),
        ('A survey ran in "Epikaira," a weekly Athens magazine known for its polls.', "Epikaira", "Athens"),
        ("Tabcorp is Australia's largest bookmaker.", "Tabcorp", "Australia"),
    ):
        assert (org, "location", place) in triples(read(text)), text
    assert not triples(read("The IMF, Greece's biggest lender, said so."))  # a lender's client
    # what it is to another place is no location
    f = read("Trade with the European Union, Russia's biggest trading partner, fell in May.")
    assert not any(p == "location" for _, p, _ in triples(f))


def test_person_lives_in_a_place_is_home_location(read):
    assert triples(read("Tom Jones lives in Cardiff.")) == {("Tom Jones", "homeLocation", "Cardiff")}


# --- places inside places -------------------------------------------------------------------------
def test_city_comma_state(read):
    f = read("The shooting happened in Fresno, Calif., on Monday.")
    assert triples(f) == {("Fresno", "containedInPlace", "Calif.")}


def test_place_in_place_whatever_the_attachment(read):
    f = read("Camps in Xinjiang in China hold Uighurs.")
    assert triples(f) == {("Xinjiang", "containedInPlace", "China")}


def test_a_country_lies_in_no_known_country_city_or_region(read):
    f = read("The finalists came from Kenya, Tunisia, Russia, Uruguay and Chile.")  # a list
    assert not any(p == "containedInPlace" for _, p, _ in triples(f))
    f = read("France play their hardest game of the tournament against Ireland in Dublin on Saturday.")
    assert ("Ireland", "containedInPlace", "Dublin") not in triples(f)  # a match's venue
    assert ("Xinjiang", "containedInPlace", "China") in triples(read("Camps in Xinjiang in China hold Uighurs."))


def test_can_contain_knows_countries_continents_and_names_that_are_also_regions():
    from newsgraph.extract.names import can_contain

    assert not can_contain("uruguay", "russia") and not can_contain("dublin", "ireland")
    assert not can_contain("bavaria", "germany") and not can_contain("germany", "europe")  # a continent in nothing
    assert can_contain("europe", "germany") and can_contain("scandinavia", "denmark")  # a place the lists do not know
    assert can_contain("united kingdom", "scotland") and not can_contain("cardiff", "england")  # a nation of the UK
    assert can_contain("united states", "georgia") and not can_contain("tbilisi", "georgia")  # the US state
    assert can_contain("china", "hong kong") and can_contain("china", "tibet")  # a territory, a region
    assert can_contain("denmark", "greenland") and not can_contain("canada", "greenland")
    assert can_contain("china", "shanghai") and can_contain("shanghai", "pudong")


# --- verbs between two entities -----------------------------------------------------------------
def test_verb_with_object(read):
    f = read("The Chinese Embassy urged Twitter to investigate.")
    assert triples(f) == {("Chinese Embassy", "urged", "Twitter")}
    (r,) = f.relations
    assert r.sentence == "The Chinese Embassy urged Twitter to investigate." and 0 < r.confidence <= 1


def test_passive_with_agent_is_read_in_the_active_direction(read):
    f = read("The BBC was criticised by the Chinese Embassy.")
    assert triples(f) == {("Chinese Embassy", "criticised", "BBC")}


def test_negated_verb_gives_nothing(read):
    f = read("Google did not buy Twitter.")
    assert {e.name for e in f.entities} == {"Google", "Twitter"}
    assert f.relations == ()


# --- quotations -----------------------------------------------------------------------------------
def test_speaker_after_the_quote(read):
    f = read('"We will appeal against the decision," Boris Johnson said on Monday.')
    assert quotes(f) == [("Boris Johnson", "We will appeal against the decision")]
    (q,) = f.quotations
    assert f.article.body[q.start : q.end] == q.text
    assert q.sentence.startswith('"We will appeal') and q.sentence.endswith("on Monday.")


def test_title_speaker_is_the_person_with_that_title(read):
    f = read(
        "Liu Xiaoming is the Chinese ambassador to the UK. In a strong response, the ambassador said that "
        '"A good anvil does not fear the hammer".'
    )
    assert quotes(f) == [("Liu Xiaoming", "A good anvil does not fear the hammer")]
    # a title written as an acronym stays so, and still names its holder (not the most named person)
    text = "Ann Lee, a lawyer, spoke first. Lee said the case was weak. Apple CEO Tim Cook disagreed. "
    f = read(text + '"We will ship the phone in the autumn," the CEO said.')
    assert ("jobTitle", "CEO") in {(a.name, a.value) for a in f.attributes}
    assert quotes(f) == [("Tim Cook", "We will ship the phone in the autumn")]


def test_caption_with_a_colon(read):
    f = read('China\'s ambassador Liu Xiaoming: "There is no such concentration camp in Xinjiang"')
    assert quotes(f) == [("Liu Xiaoming", "There is no such concentration camp in Xinjiang")]


def test_pronoun_speaker_is_the_person_named_before(read):
    f = read('Angela Merkel arrived in Paris. "We have a lot to discuss with our friends," she said.')
    assert quotes(f) == [("Angela Merkel", "We have a lot to discuss with our friends")]


def test_a_statement_is_from_whoever_the_article_said_spoke(read):
    f = read(
        "The Chinese Embassy said on Wednesday that the account was attacked.\n\n"
        '"The embassy has reported this to Twitter and urged an investigation," said a statement.\n\n'
        '"The embassy reserves the right to take further actions."'
    )
    assert quotes(f) == [
        ("Chinese Embassy", "The embassy has reported this to Twitter and urged an investigation"),
        ("Chinese Embassy", "The embassy reserves the right to take further actions"),  # continues the one before
    ]


def test_unnamed_speakers_stay_unnamed_and_scare_quotes_are_not_quotations(read):
    f = read(
        'Officials claimed that "anti-Chinese elements had viciously attacked" the "liked" posts.\n\n'
        'One tweet said the government "could murder their own people."'
    )
    assert quotes(f) == [
        (None, "anti-Chinese elements had viciously attacked"),
        (None, "could murder their own people"),
    ]


def test_negated_speech_verb_names_no_speaker(read):
    f = read('Microsoft did not say "we will look into the account" on Monday.')
    assert "Microsoft" in {e.name for e in f.entities}
    assert quotes(f) == [(None, "we will look into the account")]


# --- accounts and diplomatic missions ----------------------------------------------------------
def test_a_possessive_platform_account_is_an_account_on_the_platform(read):
    f = read("Twitter said hackers took over Ted Cruz's Twitter account. They also posted from his Facebook account.")
    assert {("Ted Cruz", "has-account-on", "Twitter"), ("Ted Cruz", "has-account-on", "Facebook")} <= triples(f)


def test_an_embassy_belongs_to_its_country_and_its_ambassador_works_for_it(read):
    f = read(
        "China's ambassador to the UK Liu Xiaoming spoke on Monday. The Chinese Embassy in London said "
        "the account had been hacked."
    )
    found = triples(f)
    assert ("Chinese Embassy", "parentOrganization", "China") in found
    assert ("Liu Xiaoming", "worksFor", "Chinese Embassy") in found
    assert ("Chinese Embassy", "location", "China") not in found  # an embassy is abroad


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Bill Clinton's wife, Hillary Clinton, spoke on Monday.", ("Bill Clinton", "spouse", "Hillary Clinton")),
        ("Hillary Clinton, Bill Clinton's wife, spoke on Monday.", ("Bill Clinton", "spouse", "Hillary Clinton")),
        ("Kim Jong Un's sister Kim Yo Jong said so.", ("Kim Jong Un", "sibling", "Kim Yo Jong")),
        ("Joe Biden spoke. His son, Hunter Biden, was there.", ("Joe Biden", "children", "Hunter Biden")),
        ("Prince Charles's mother Queen Elizabeth died.", ("Elizabeth", "children", "Charles")),
    ],
)
def test_a_family_noun_between_two_people_gives_their_family_relation(read, text, expected):
    assert expected in triples(read(text))


def test_a_family_noun_without_a_named_relative_gives_nothing(read):
    assert not {
        t for t in triples(read("Joe Biden's son was there with Barack Obama.")) if t[1] in ("children", "spouse")
    }


def test_a_title_with_its_portfolio_after_of_is_one_title(read):
    f = read("US Secretary of State Condoleezza Rice said the United States would help.")
    assert [(a.name, a.value) for a in f.attributes] == [("jobTitle", "secretary of state")]
    assert ("Condoleezza Rice", "worksFor", "United States") in triples(f)  # a secretary's office
    f = read("Chancellor of the Exchequer Gordon Brown spoke.")
    assert [(a.name, a.value) for a in f.attributes] == [("jobTitle", "chancellor of the exchequer")]
    f = read("Bank of England Governor Mervyn King spoke.")  # "of" inside the employer's name
    assert [(a.name, a.value) for a in f.attributes] == [("jobTitle", "governor")]
    f = read("Northern Ireland Secretary of State Peter Hain said the talks would go on.")
    assert not any(p == "worksFor" for _, p, _ in triples(f))  # a UK minister's posting, not his employer
