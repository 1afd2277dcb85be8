"""Sport in the news: competitions are not entities, clubs are organisations.

A match report names clubs after their towns ("Hoffenheim beat Dortmund"), after a founder or a
sponsor ("Borussia Dortmund" reads as a person's name to the NER) and lists them ("a group with
Real Madrid, Manchester City and Ajax"); it also names competitions ("the Bundesliga", "the
German Cup"), which are neither people, organisations nor places. `mentions.find_mentions` asks
this module what a name is in its sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_right

import numpy
from spacy.attrs import LOWER
from spacy.tokens import Span

from .identity import name_key
from .names import CITY_COUNTRY, CONTINENTS, COUNTRIES, country_of_demonym, fold, is_known_place
from .tokens import lemma, sentence_starts, tokens_where, word_ids

SPORT_VERBS = frozenset(
    {
        "beat",
        "defeat",
        "thrash",
        "edge",
        "draw",
        "hold",
        "overcome",
        "trounce",
        "outplay",
        "relegate",
        "host",
        "sign",
        "lose",
        "rout",
        "stun",
        "eliminate",
    }
)
# a player's position ("Schalke keeper Ralf Fährmann")
PLAYER_POSITIONS = frozenset(
    {"striker", "attacker", "playmaker", "midfielder", "goalkeeper", "keeper", "defender", "forward", "winger"}
)
# a club's people named after it ("Gloucester flanker Andy Hazell", "Manchester City boss Kevin
# Keegan"): the positions only rugby has, and the roles other trades or other senses share ("Sony
# boss", "Westminster attacker"), which count in an article about sport
SURE_CLUB_ROLES = frozenset({"flanker", "half", "prop", "hooker"})  # "fly-half"; not "hunger striker", "zoo keeper"
CLUB_ROLES = (
    SURE_CLUB_ROLES
    | PLAYER_POSITIONS
    | frozenset({"boss", "manager", "coach", "captain", "skipper", "centre", "wing", "lock"})
)
SPORT_NOUNS = PLAYER_POSITIONS | frozenset(
    {
        "coach",
        "fans",
        "supporters",
        "squad",
        "manager",
        "captain",
        "player",
        "players",
        "side",
        "club",
        "team",
        "teammate",
        "teammates",
        "stadium",
        "bench",
        "goal",
        "goals",
        "win",
        "victory",
        "defeat",
        "draw",
        "match",
        "game",
        "clash",
        "loss",
    }
)
PLACE_OF_A_CLUB = frozenset({"club", "side", "team", "stadium", "fans", "supporters"})  # "the Gelsenkirchen club"
# Words that make a sentence one about sport: hardly anything else uses them. "win", "side",
# "club", "league" or "goal" alone are as common elsewhere (an election won, a night club, the Arab
# League).
SURE_SPORT_WORDS = frozenset(
    {
        "coach", "striker", "attacker", "playmaker", "midfielder", "goalkeeper", "winger", "teammate",
        "teammates", "stadium", "bundesliga", "championship", "cup", "scored", "kickoff", "relegation",
        "referee", "halftime", "tournament", "champions", "finalists", "semifinal", "semifinals",
        "quarterfinal", "knockout", "qualifier",
        # British sports pages' own (BBC Sport: each in at least 8 of 223 sport stories, at most one
        # of 734 others)
        "rugby", "tennis", "midfield", "flanker", "hamstring", "doping", "fly-half", "scrum-half",
        "full-back", "semi-final", "semi-finals",
    }
)  # fmt: skip
SURE_SPORT_VERBS = frozenset({"beat", "thrash", "trounce", "outplay", "relegate", "rout"})
_COUNTRIES_AND_CONTINENTS = COUNTRIES | CONTINENTS
SCORE = re.compile(r"\d{1,2}\s*[-–:]\s*\d{1,2}")  # "4-3", "2:1"
TEAM_WORDS = SPORT_NOUNS - PLACE_OF_A_CLUB
SPORT_HEADS = SPORT_VERBS | SPORT_NOUNS

# Nouns that stand for a club beside its name ("lower-league side Wilhelmshaven", "reigning
# champions Montpellier", "the Gelsenkirchen club").
CLUB_NOUNS = frozenset(
    {"club", "side", "team", "outfit", "champions", "giants", "minnows", "rivals", "finalists", "holders", "opponents"}
)
# the ones that do not also stand for people ("her rivals Martin Schulz and Christian Lindner")
CLUB_ONLY_NOUNS = frozenset({"club", "side", "team", "outfit", "minnows"})
# Words that make a name a club's wherever it stands: clubs' legal forms and the words club names
# are built from, which name nothing else in English news ("Borussia Dortmund", "FC Porto").
CLUB_MARKERS = frozenset(
    {
        "FC", "AFC", "CF", "SV", "TSV", "VfB", "VfL", "TSG", "SpVgg", "FSV", "BSC", "SSC",
        "Borussia", "Eintracht", "Werder", "Hertha", "Schalke", "Fortuna", "Arminia", "Alemannia", "Allemania",
        "Bayern", "Hoffenheim", "Dynamo", "Dinamo", "Spartak", "Lokomotiv", "CSKA", "Zenit", "Shakhtar",
        "Olympique", "Olympiacos", "Olympiakos", "Panathinaikos", "Ajax", "PSV", "Feyenoord", "Benfica",
        "Sporting", "Atletico", "Atlético", "Juventus", "Internazionale", "Lazio", "Napoli", "Fiorentina",
        "Rangers", "Hotspur", "Wanderers", "Rovers", "Galatasaray", "Fenerbahce", "Fenerbahçe",
        "Besiktas", "Beşiktaş", "Partizan", "Hapoel", "Maccabi", "BATE",
    }
)  # fmt: skip
# First words that make a club of the town after them ("Real Madrid", "Athletic Bilbao", "Inter Milan").
CLUB_FIRST_WORDS = frozenset({"Real", "Athletic", "Inter", "Jahn"})
# Last words that make a club of the town before them ("Manchester United", "Charlton Athletic",
# "West Bromwich Albion", "Aston Villa"). Not City, County or Town: "Stoke City" is a club and
# "Salt Lake City" a city in the same sports pages; they are clubs only where they play one's part.
CLUB_LAST_WORDS = frozenset({"United", "Utd", "Athletic", "Albion", "Argyle", "Villa"})
# the words that make a club of a town named after them ("Dinamo Zagreb", "Real Madrid")
CLUB_WORDS = CLUB_MARKERS | CLUB_FIRST_WORDS
# Competitions by name; besides these, a capitalised name ending in one of COMPETITION_LAST.
COMPETITIONS = frozenset(
    {
        "bundesliga", "zweite bundesliga", "2 bundesliga", "champions league", "europa league",
        "premier league", "nations league", "conference league", "la liga", "serie a", "ligue 1",
        "eredivisie", "olympics", "olympic games", "paralympics", "paralympic games", "commonwealth games",
        "asian games", "winter olympics", "summer olympics", "super bowl", "tour de france", "giro d'italia",
        "vuelta", "six nations", "grand slam", "copa america", "copa libertadores",
        "dfb pokal", "dfb-pokal", "world series", "stanley cup", "premiership", "super league",
        "tri nations",
    }
)  # fmt: skip
# what ends an event's name after a place or its people's adjective, never alone ("the Australian
# Open", "the Monaco Grand Prix"; not "Keep Britain Open", "Henman Open hopes")
_PLACES_EVENTS = frozenset({"open", "grand prix"})
_ORGANISERS = frozenset(
    {"uefa", "fifa", "dfb", "fa", "english", "german", "spanish", "italian", "french", "scottish", "dutch"}
)
_STAGES = frozenset(
    "group stage final finals semifinal semifinals quarterfinal quarterfinals qualifier qualifiers qualifying "
    "round draw season title".split()
)
COMPETITION_LAST = frozenset({"cup", "championship", "championships", "olympics", "trophy"})
_GROUP = re.compile(r"^(?:tough\s+)?group\s+[a-h]\b")  # "Group F" of a draw
_SEASON = re.compile(r"^(?:\d{2,4}(?:-\d{2,4})?\s+)+")  # "2012-13 UEFA Champions League"


def sport_sentence(span: Span) -> bool:
    """The sentence has a word of SURE_SPORT_WORDS or a verb of SURE_SPORT_VERBS."""
    sporty, _, starts = _sport_sentences(span.doc)
    return starts[bisect_right(starts, span.start) - 1] in sporty


SPORT_ARTICLE_SHARE = 0.15  # of its sentences (two at least) with a sure sport word: about sport
# a sure sport verb's forms start as it does ("beaten", "routed"): only these tokens need a lemma
_SURE_VERB_STARTS = tuple(sorted({verb[:4] for verb in SURE_SPORT_VERBS}))
_SURE_WORD_IDS = word_ids(SURE_SPORT_WORDS)
_HYPHEN_IDS = word_ids(["-"])


def _sport_sentences(doc) -> tuple[frozenset[int], bool, list[int]]:
    """The starts of the Doc's sentences about sport, whether they are at least
    SPORT_ARTICLE_SHARE of its sentences, and every sentence's start; worked out once per Doc.
    The tokens that may make a sentence about sport are found on the Doc's arrays: a sure sport
    word, a word that starts as a sure sport verb (then its lemma decides) or a hyphen ("fly-half",
    split in three by the tokenizer)."""
    if "newsgraph_sport" not in doc.user_data:
        starts = sentence_starts(doc)
        strings = doc.vocab.strings
        verb_like = [w for w in numpy.unique(doc.to_array(LOWER)).tolist() if strings[w].startswith(_SURE_VERB_STARTS)]
        found = [t.i for t in tokens_where(doc, lower=_SURE_WORD_IDS)]
        found += [
            t.i
            for t in tokens_where(doc, lower=numpy.array(verb_like, dtype=numpy.uint64))
            if lemma(t).lower() in SURE_SPORT_VERBS
        ]
        found += [t.i for t in tokens_where(doc, lower=_HYPHEN_IDS) if _hyphenated(t) in SURE_SPORT_WORDS]
        sporty = frozenset(starts[bisect_right(starts, i) - 1] for i in found)
        doc.user_data["newsgraph_sport"] = (sporty, len(sporty) >= max(2, SPORT_ARTICLE_SHARE * len(starts)), starts)
    return doc.user_data["newsgraph_sport"]


def _hyphenated(hyphen) -> str:
    """The word a hyphen token joins with its neighbours ("fly" "-" "half" -> "fly-half"), or ""."""
    doc, i = hyphen.doc, hyphen.i
    if 0 < i < len(doc) - 1 and not doc[i - 1].whitespace_ and not hyphen.whitespace_:
        return f"{doc[i - 1].lower_}-{doc[i + 1].lower_}"
    return ""


def sport_article(doc) -> bool:
    """At least SPORT_ARTICLE_SHARE of the article's sentences are about sport (a match report, a
    transfer story): there a town that plays a club's part is a club in any sentence ("Liverpool
    forward Milan Baros")."""
    return _sport_sentences(doc)[1]


def names_sport(doc) -> bool:
    """A sentence of the article at least is about sport (a sure sport word or verb)."""
    return bool(_sport_sentences(doc)[0])


def sport_role(span: Span) -> bool:
    """The name plays a club's part: subject or object of a sporting verb, subject of a verb in the
    plural ("Bielefeld were"), owner or modifier of a team word or a player's role ("Dortmund
    coach", "Bayern's striker"), one side of a fixture ("Newcastle v Chelsea"), a player's club in
    parentheses ("J Noon (Newcastle)"), a score beside it ("Hamburg 2-1")."""
    doc, head = span.doc, span.root
    if head.dep_ in ("nsubj", "dobj", "nsubjpass") and lemma(head.head).lower() in SPORT_VERBS:
        return True
    if (
        head.dep_ in ("nsubj", "nsubjpass")
        and head.tag_ in ("NNP", "NNPS")  # "Leeds" is NNPS
        and not any(c.dep_ == "conj" for c in head.children)  # "Leeds and York are": two towns
        and _plural_verb(head.head)
    ):
        return True  # "Bielefeld were relegated", "Karlsruhe are liable to ...": a team, as British pages write
    if head.dep_ in ("poss", "compound", "nmod") and head.head.lower_ in _TEAM_OR_ROLE:
        return True  # "Dortmund coach", "Newcastle's teenage centre"
    if (
        span.end < len(doc)
        and doc[span.end].lower_ in VERSUS
        or span.start > 0
        and doc[span.start - 1].lower_ in VERSUS
    ):
        return True  # "Newcastle v Chelsea" of a fixture list
    if (
        0 < span.start
        and span.end < len(doc)
        and doc[span.start - 1].text == "("
        and doc[span.end].text == ")"
        and span.start > 1
        and doc[span.start - 2].ent_type_ == "PERSON"
    ):
        return True  # "M Tait (Newcastle), J Noon (Newcastle)": a squad's players and their clubs
    if (
        head.dep_ == "pobj"
        and head.head.lower_ in ("against", "over", "at", "to", "with", "by")
        and lemma(head.head.head).lower() in SPORT_HEADS
        # "lost at Bayern", "a 2-1 defeat at Swansea"; "the match at Twickenham" is a ground
        and (head.head.lower_ != "at" or head.head.head.pos_ == "VERB" or lemma(head.head.head).lower() in _RESULTS)
    ):
        return True
    nearby = doc[max(span.start - 2, 0) : span.start].text + " " + doc[span.end : span.end + 2].text
    return any(SCORE.fullmatch(w) for w in nearby.split())  # "Hamburg 2-1"


_RESULTS = frozenset({"defeat", "win", "victory", "draw", "loss"})  # a result "at" a club's ground
VERSUS = frozenset({"v", "v.", "vs", "vs."})
_TEAM_OR_ROLE = TEAM_WORDS | CLUB_ROLES


def _plural_verb(verb) -> bool:
    """The verb, or its auxiliary, agrees with a plural subject ("were", "are", "have")."""
    for t in (verb, *(c for c in verb.children if c.dep_ in ("aux", "auxpass"))):
        if t.tag_ == "VBP" or t.lower_ == "were":
            return True
    return False


def names_an_event(span: Span) -> bool:
    """The name is the first word of an event's that the NER cut off: "US" of "the US Open", "Monaco"
    of "the Monaco Grand Prix"."""
    doc, end = span.doc, span.end
    if span.label_ not in ("GPE", "LOC", "NORP") or end >= len(doc) or not doc[end].is_title:
        return False  # "Henman Open hopes fade": a person before "Open" stays one
    word = doc[end].text
    return word in ("Open", "Masters") or word == "Grand" and end + 1 < len(doc) and doc[end + 1].text == "Prix"


def is_competition(text: str) -> bool:
    """'the Bundesliga', 'German Cup', '2012-13 UEFA Champions League Group Stage', 'Group F', 'RBS
    Six Nations', 'the US Open': a competition or a stage of one, not a person, organisation or
    place (`text` is a name the NER tagged, so capitalised)."""
    key = _SEASON.sub("", name_key(text))
    if _GROUP.match(key):
        return True
    words = full = key.split()
    while len(words) > 1 and words[0] in _ORGANISERS:  # "UEFA Champions League", "English Premier League"
        words = words[1:]
    if not words:
        return False
    if words[0] == "euro" and len(words) > 1 and words[1].isdigit():
        return True  # "Euro 2016", not the currency
    for n in range(1, min(len(words), 3) + 1):  # a competition, or its stage ("Champions League Group Stage")
        if " ".join(words[:n]) in COMPETITIONS and all(w in _STAGES for w in words[n:]):
            return True
    for n in range(1, min(len(full) - 1, 3) + 1):
        end, before = " ".join(full[-n:]), " ".join(full[:-n])
        if end in COMPETITIONS:
            return True  # a sponsor's name before it: "RBS Six Nations", "Zurich Premiership"
        if end in _PLACES_EVENTS and (is_known_place(before) or country_of_demonym(before)):
            return True  # "the US Open", "the Monaco Grand Prix", "the Australian Open"
    return len(full) > 1 and full[-1] in COMPETITION_LAST


def is_club_name(text: str) -> bool:
    """A name only a club has: one of CLUB_MARKERS in it, CLUB_FIRST_WORDS before a name or
    CLUB_LAST_WORDS after one."""
    words = fold(text).split()
    if any(w.strip(".") in CLUB_MARKERS for w in words):
        return True
    if len(words) > 1 and words[-1] in CLUB_LAST_WORDS and words[0][:1].isupper() and words[0] != "United":
        return True
    return len(words) > 1 and words[0] in CLUB_FIRST_WORDS and words[1][:1].isupper()


def beside_club_noun(span: Span, nouns: frozenset[str] = CLUB_NOUNS) -> bool:
    """'lower-league side Wilhelmshaven', 'reigning French champions Montpellier', 'the
    Gelsenkirchen club': a club noun in apposition, before the name, or the name before it."""
    root = span.root
    if root.dep_ == "appos" and root.head.lower_ in nouns:
        return True
    if root.dep_ in ("compound", "nmod", "amod") and root.head.lower_ in nouns:
        return True
    return any(c.dep_ in ("compound", "nmod", "appos") and c.lower_ in nouns for c in root.children)


def is_club(span: Span) -> bool:
    """The name is a club's: a name only clubs have ("Borussia Dortmund", "Manchester United"), or,
    in a sentence or an article about sport, a town's or a name the NER took for a person's that
    plays a club's part ("Hoffenheim beat Dortmund", "lower-league side Wilhelmshaven", "Gloucester
    flanker Andy Hazell": a sure position needs no other sign of sport). A country
    stays a place (its national team is not told apart)."""
    if is_club_name(span.text):
        return True
    label = span.label_
    if label not in ("GPE", "LOC", "PERSON") or name_key(span.text) in _COUNTRIES_AND_CONTINENTS:
        return False
    sporty = sport_sentence(span) or sport_article(span.doc)
    role = role_after(span)
    # a role that is also a sport word ("striker", "coach") makes its own sentence sporty: the
    # article must be about sport ("Westminster attacker Khalid Masood" is none)
    if role is not None and (role in SURE_CLUB_ROLES or sport_article(span.doc)):
        return True  # "Gloucester flanker Andy Hazell", "Manchester City boss Kevin Keegan"
    if label == "PERSON" and name_key(span.text) not in CITY_COUNTRY:  # a town so tagged is any town
        # a player is the subject of "beat" too: only a club noun beside it counts
        return beside_club_noun(span, CLUB_ONLY_NOUNS) and sporty
    return (sport_role(span) or beside_club_noun(span)) and sporty


def role_after(span: Span) -> str | None:
    """The club role between the name and a person's name after it ("Gloucester flanker Andy
    Hazell", "Middlesbrough fly-half X": "half"), or None."""
    doc, start = span.doc, span.end
    # the role alone or hyphenated ("fly-half"): not "Sella believes coach Bernard Laporte", nor
    # "Edinburgh zoo keeper X", "Peterhead fishing skipper X"
    if start + 3 < len(doc) and _hyphenated(doc[start + 1]):
        end = start + 3
    else:
        end = start + 1
    if end >= len(doc) or not doc[end - 1].is_lower or doc[end - 1].lower_ not in CLUB_ROLES:
        return None
    after = doc[end]
    return doc[end - 1].lower_ if after.ent_type_ == "PERSON" and after.ent_iob_ == "B" else None
