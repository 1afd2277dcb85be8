"""Words around names: titles and honorifics, demonyms, clean surface forms, initials and slugs.

What makes two names one entity (comparison keys, place spellings, typos) is `identity.py`.
"""

from __future__ import annotations

import re
import unicodedata

# Titles and honorifics that precede a name but are not part of it ("Mr Liu", "Ambassador Liu").
HONORIFICS = frozenset("mr mrs ms miss dr prof sir dame lord lady rev st frau herr".split())
TITLES = frozenset(
    """ambassador president prime minister premier chancellor secretary senator sen rep
    representative governor gov mayor king queen prince princess general gen colonel col captain
    capt judge justice chairman chairwoman chair spokesman spokeswoman spokesperson editor
    director chief ceo envoy diplomat consul foreign deputy vice minister commissioner executive
    officer founder coach manager boss""".split()
)
PORTFOLIO_WORDS = 2  # capitalised words between an organisation and a title: "EU Migration Commissioner"
# Nouns that describe a person beside their name ("the journalist Jeff Stone", "film star Robert De Niro")
PERSON_NOUNS = frozenset(
    {
        "journalist",
        "reporter",
        "correspondent",
        "scholar",
        "expert",
        "analyst",
        "professor",
        "researcher",
        "scientist",
        "lawyer",
        "attorney",
        "investigator",
        "economist",
        "historian",
        "author",
        "writer",
        "activist",
        "official",
        "politician",
        "lawmaker",
        "legislator",
        "diplomat",
        "spokesman",
        "spokeswoman",
        "player",
        "coach",
        "actor",
        "actress",
        "singer",
        "artist",
        "director",
        "founder",
        "leader",
        "candidate",
        "deputy",
        "adviser",
        "advisor",
        "teacher",
        "student",
        "doctor",
        "priest",
        "bishop",
        "judge",
        "prosecutor",
        "athlete",
        "footballer",
        "curator",
        "photographer",
        "architect",
        "composer",
        "novelist",
        "poet",
        "filmmaker",
        "producer",
        "businessman",
        "businesswoman",
        "entrepreneur",
        "banker",
        "critic",
        "campaigner",
        "dissident",
        "blogger",
        "editor",
        "commentator",
        "musician",
        "painter",
        "sculptor",
        "designer",
        "engineer",
        "physician",
        "surgeon",
        "nurse",
        "soldier",
        "officer",
        "commander",
        "veteran",
        "victim",
        "survivor",
        "witness",
        "resident",
        "mother",
        "father",
        "son",
        "daughter",
        "wife",
        "husband",
        "brother",
        "sister",
    }
)
# the words, besides PERSON_NOUNS, that describe a person before their name in sport and show
# business ("striker Wayne Rooney", "rapper 50 Cent"; a headline's first word: "Sprinter Michelle
# Collins banned")
PERSON_DESCRIBERS = PERSON_NOUNS | frozenset(
    """star striker winger midfielder defender forward goalkeeper keeper champion host presenter rapper
    scrum-half fly-half skipper legend hopeful pundit seed""".split()
)
LEADING_JUNK = frozenset({"the", "a", "an", "free", "his", "her", "its", "their", "our"})
# geographic nouns a place's name may drop once it is named ("Gaza" of "Gaza Strip", "the
# Mediterranean"); not "canal", "lake" or "island": "Panama" is no canal
GEOGRAPHIC_NOUNS = frozenset({"strip", "sea", "ocean", "river", "peninsula", "desert", "mountains"})
# The last words that say what kind of organisation a name is ("Foreign Ministry", "Labour Party",
# "Deutsche Bank", "Warner Bros"): common nouns and company forms. The relation model reads them
# as the organisation's kind (any other last word is part of a proper name, "Bayern Munich",
# "Jenoptik", and says nothing that holds of another organisation); the NER's names keep them
# ("UK Independence Party" is no portfolio's, "Haines High School, Alaska" no town's).
ORGANISATION_HEADS = frozenset(
    """
    academy administration agency airline airlines airport airways alliance army assembly association
    authority ballet band bank board brigade brigades broadcast broadcaster bureau cabinet caucus
    center centre chamber chambers channel church club coalition college commission committee
    communications community company conference congress corporation corps council court department
    directorate division embassy entertainment exchange federation festival films force forces
    foundation front fund gallery games gazette government group guard herald holdings hospital
    institute institution insurance journal league legislature magazine media
    militia ministry mission motors movement museum navy network networks news newspaper office
    orchestra organisation organization parliament partners party pictures police post press
    productions publishing radio railway railways records republic school schools senate
    service services society studio studios systems team telecom television
    theater theatre times tribunal tribune trust tv union university weekly zeitung
    inc ltd llc plc co corp ag sa gmbh nv bv spa bros
    """.split()
)
# Lower-case words that belong to names ("Ursula von der Leyen", "bin Laden", "Luiz Inácio da
# Silva"); any other lower-case word before a name is none of it ("non-Nato", "née Kahn").
NAME_PARTICLES = frozenset(
    "van von der den de del della di da das dos do du la le les al el ul bin ibn ben bint abu ter ten zu y e".split()
)

# Common demonyms, to read "Chinese ambassador" as a relation to China.
DEMONYMS = {
    "chinese": "China",
    "british": "United Kingdom",
    "english": "England",
    "scottish": "Scotland",
    "welsh": "Wales",
    "irish": "Ireland",
    "american": "United States",
    "us": "United States",
    "u.s.": "United States",
    "russian": "Russia",
    "french": "France",
    "german": "Germany",
    "italian": "Italy",
    "spanish": "Spain",
    "japanese": "Japan",
    "korean": "Korea",
    "south korean": "South Korea",
    "north korean": "North Korea",
    "indian": "India",
    "pakistani": "Pakistan",
    "iranian": "Iran",
    "iraqi": "Iraq",
    "israeli": "Israel",
    "palestinian": "Palestine",
    "saudi": "Saudi Arabia",
    "turkish": "Turkey",
    "ukrainian": "Ukraine",
    "polish": "Poland",
    "dutch": "Netherlands",
    "belgian": "Belgium",
    "swiss": "Switzerland",
    "swedish": "Sweden",
    "norwegian": "Norway",
    "danish": "Denmark",
    "finnish": "Finland",
    "greek": "Greece",
    "portuguese": "Portugal",
    "canadian": "Canada",
    "mexican": "Mexico",
    "brazilian": "Brazil",
    "argentine": "Argentina",
    "australian": "Australia",
    "egyptian": "Egypt",
    "nigerian": "Nigeria",
    "kenyan": "Kenya",
    "taiwanese": "Taiwan",
    "thai": "Thailand",
    "vietnamese": "Vietnam",
    "indonesian": "Indonesia",
    "syrian": "Syria",
    "afghan": "Afghanistan",
    "austrian": "Austria",
    "hungarian": "Hungary",
    "czech": "Czech Republic",
    "new zealand": "New Zealand",
    "south african": "South Africa",
    "singaporean": "Singapore",
    "malaysian": "Malaysia",
    "philippine": "Philippines",
    "filipino": "Philippines",
    "haitian": "Haiti",
    "cuban": "Cuba",
    "venezuelan": "Venezuela",
    "colombian": "Colombia",
    "chilean": "Chile",
    "peruvian": "Peru",
    "bolivian": "Bolivia",
    "ecuadorian": "Ecuador",
    "lebanese": "Lebanon",
    "jordanian": "Jordan",
    "libyan": "Libya",
    "tunisian": "Tunisia",
    "algerian": "Algeria",
    "moroccan": "Morocco",
    "sudanese": "Sudan",
    "ethiopian": "Ethiopia",
    "somali": "Somalia",
    "ghanaian": "Ghana",
    "zimbabwean": "Zimbabwe",
    "ugandan": "Uganda",
    "rwandan": "Rwanda",
    "congolese": "Congo",
    "malian": "Mali",
    "senegalese": "Senegal",
    "bangladeshi": "Bangladesh",
    "nepalese": "Nepal",
    "sri lankan": "Sri Lanka",
    "burmese": "Myanmar",
    "cambodian": "Cambodia",
    "mongolian": "Mongolia",
    "kazakh": "Kazakhstan",
    "uzbek": "Uzbekistan",
    "georgian": "Georgia",
    "armenian": "Armenia",
    "azerbaijani": "Azerbaijan",
    "belarusian": "Belarus",
    "romanian": "Romania",
    "bulgarian": "Bulgaria",
    "serbian": "Serbia",
    "croatian": "Croatia",
    "bosnian": "Bosnia",
    "slovenian": "Slovenia",
    "slovak": "Slovakia",
    "albanian": "Albania",
    "kosovar": "Kosovo",
    "macedonian": "North Macedonia",
    "estonian": "Estonia",
    "latvian": "Latvia",
    "lithuanian": "Lithuania",
    "icelandic": "Iceland",
    "luxembourgish": "Luxembourg",
    "maltese": "Malta",
    "cypriot": "Cyprus",
    "qatari": "Qatar",
    "kuwaiti": "Kuwait",
    "emirati": "United Arab Emirates",
    "yemeni": "Yemen",
    "omani": "Oman",
    "bahraini": "Bahrain",
    "scots": "Scotland",
    "soviet": "Soviet Union",
    "tibetan": "Tibet",
    # the rest of the world's states whose adjective news uses
    "angolan": "Angola", "bahamian": "Bahamas", "barbadian": "Barbados", "belizean": "Belize",
    "beninese": "Benin", "bhutanese": "Bhutan", "bruneian": "Brunei", "burkinabe": "Burkina Faso",
    "burundian": "Burundi", "cameroonian": "Cameroon", "chadian": "Chad", "costa rican": "Costa Rica",
    "djiboutian": "Djibouti", "salvadoran": "El Salvador", "salvadorean": "El Salvador",
    "eritrean": "Eritrea", "fijian": "Fiji", "gabonese": "Gabon", "gambian": "Gambia",
    "grenadian": "Grenada", "guatemalan": "Guatemala", "guinean": "Guinea", "guyanese": "Guyana",
    "honduran": "Honduras", "ivorian": "Ivory Coast", "jamaican": "Jamaica", "kyrgyz": "Kyrgyzstan",
    "laotian": "Laos", "liberian": "Liberia", "malagasy": "Madagascar", "malawian": "Malawi",
    "maldivian": "Maldives", "mauritanian": "Mauritania", "mauritian": "Mauritius", "moldovan": "Moldova",
    "monegasque": "Monaco", "montenegrin": "Montenegro", "mozambican": "Mozambique",
    "namibian": "Namibia", "nicaraguan": "Nicaragua", "nigerien": "Niger", "panamanian": "Panama",
    "paraguayan": "Paraguay", "puerto rican": "Puerto Rico", "samoan": "Samoa",
    "sierra leonean": "Sierra Leone", "south sudanese": "South Sudan", "surinamese": "Suriname",
    "tajik": "Tajikistan", "tanzanian": "Tanzania", "togolese": "Togo", "tongan": "Tonga",
    "trinidadian": "Trinidad and Tobago", "turkmen": "Turkmenistan", "uruguayan": "Uruguay",
    "yugoslav": "Yugoslavia", "yugoslavian": "Yugoslavia", "zambian": "Zambia",
}  # fmt: skip

# Sovereign states (and a few territories news treats as countries), by their common English
# names; the relation model reads "is a country" from it ("Hamburg" in "Germany", not the reverse).
COUNTRIES = frozenset(
    name.casefold()
    for name in """
Afghanistan|Albania|Algeria|Andorra|Angola|Antigua and Barbuda|Argentina|Armenia|Australia|Austria|
Azerbaijan|Bahamas|Bahrain|Bangladesh|Barbados|Belarus|Belgium|Belize|Benin|Bhutan|Bolivia|
Bosnia and Herzegovina|Bosnia|Botswana|Brazil|Brunei|Bulgaria|Burkina Faso|Burundi|Cambodia|Cameroon|
Canada|Cape Verde|Central African Republic|Chad|Chile|China|Colombia|Comoros|Congo|
Democratic Republic of Congo|Democratic Republic of the Congo|Costa Rica|Ivory Coast|Croatia|Cuba|Cyprus|
Czech Republic|Czechia|Denmark|Djibouti|Dominica|Dominican Republic|East Timor|Ecuador|Egypt|El Salvador|
Equatorial Guinea|Eritrea|Estonia|Eswatini|Ethiopia|Fiji|Finland|France|Gabon|Gambia|Georgia|Germany|
Ghana|Greece|Grenada|Guatemala|Guinea|Guinea-Bissau|Guyana|Haiti|Honduras|Hungary|Iceland|India|
Indonesia|Iran|Iraq|Ireland|Israel|Italy|Jamaica|Japan|Jordan|Kazakhstan|Kenya|Kiribati|Kosovo|Kuwait|
Kyrgyzstan|Laos|Latvia|Lebanon|Lesotho|Liberia|Libya|Liechtenstein|Lithuania|Luxembourg|Madagascar|
Malawi|Malaysia|Maldives|Mali|Malta|Marshall Islands|Mauritania|Mauritius|Mexico|Micronesia|Moldova|
Monaco|Mongolia|Montenegro|Morocco|Mozambique|Myanmar|Burma|Namibia|Nauru|Nepal|Netherlands|Holland|
New Zealand|Nicaragua|Niger|Nigeria|North Korea|North Macedonia|Macedonia|Norway|Oman|Pakistan|Palau|
Palestine|Panama|Papua New Guinea|Paraguay|Peru|Philippines|Poland|Portugal|Qatar|Romania|Russia|
Rwanda|Saint Lucia|Samoa|San Marino|Saudi Arabia|Senegal|Serbia|Seychelles|Sierra Leone|Singapore|
Slovakia|Slovenia|Solomon Islands|Somalia|South Africa|South Korea|Korea|South Sudan|Spain|Sri Lanka|
Sudan|Suriname|Sweden|Switzerland|Syria|Taiwan|Tajikistan|Tanzania|Thailand|Togo|Tonga|
Trinidad and Tobago|Tunisia|Turkey|Turkmenistan|Tuvalu|Uganda|Ukraine|United Arab Emirates|
United Kingdom|United States|Uruguay|Uzbekistan|Vanuatu|Vatican|Venezuela|Vietnam|Yemen|Zambia|
Zimbabwe|England|Scotland|Wales|Northern Ireland|Hong Kong|Tibet|Greenland|Puerto Rico|Soviet Union|
Yugoslavia|West Germany|East Germany|Czechoslovakia""".replace("\n", "").split("|")
)
CONTINENTS = frozenset(
    "africa|asia|europe|north america|south america|latin america|antarctica|oceania|middle east".split("|")
)

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'"})
_POSSESSIVE = re.compile(r"(?:'s|')$", re.I)


def fold(text: str) -> str:
    """Unicode-normalised, apostrophe-normalised, whitespace-collapsed text."""
    text = unicodedata.normalize("NFKC", text).translate(_APOSTROPHES)
    return " ".join(text.split())


def strip_possessive(text: str) -> str:
    return _POSSESSIVE.sub("", fold(text)).rstrip()


def country_of_demonym(word: str) -> str | None:
    return DEMONYMS.get(fold(word).casefold())


def slug(text: str) -> str:
    """Lower-case ASCII words joined by hyphens ("" when nothing ASCII is left)."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


# Capitals and the biggest cities the news names without their country, by name key -> the
# country's name key (as COUNTRIES spells it). Only places whose name means that city first.
_CITIES_BY_COUNTRY = {
    "afghanistan": "kabul|kandahar|herat",
    "albania": "tirana",
    "algeria": "algiers",
    "argentina": "buenos aires",
    "armenia": "yerevan",
    "australia": "canberra|sydney|melbourne|brisbane|perth|adelaide",
    "austria": "vienna|salzburg|graz|innsbruck",
    "azerbaijan": "baku",
    "bangladesh": "dhaka",
    "belarus": "minsk",
    "belgium": "brussels|antwerp|ghent|liege|liège",
    "bolivia": "la paz",
    "brazil": "brasilia|brasília|sao paulo|são paulo|rio de janeiro|salvador|belo horizonte|recife",
    "bulgaria": "sofia",
    "cambodia": "phnom penh",
    "canada": "ottawa|toronto|montreal|vancouver|calgary|edmonton|winnipeg",
    "chile": "santiago",
    "china": "beijing|shanghai|guangzhou|shenzhen|wuhan|chongqing|tianjin|chengdu|nanjing|hangzhou|xi'an|urumqi|lhasa",
    "colombia": "bogota|bogotá|medellin|medellín",
    "croatia": "zagreb",
    "cuba": "havana",
    "cyprus": "nicosia",
    "czech republic": "prague",
    "denmark": "copenhagen",
    "egypt": "cairo|alexandria",
    "estonia": "tallinn",
    "ethiopia": "addis ababa",
    "finland": "helsinki",
    "france": "paris|marseille|lyon|toulouse|strasbourg|bordeaux|lille|nice|nantes|calais",
    "georgia": "tbilisi",
    "germany": "berlin|munich|hamburg|frankfurt|cologne|stuttgart|dusseldorf|düsseldorf|leipzig|dresden|bonn|"
    "hanover|hannover|nuremberg|bremen|dortmund|essen|karlsruhe|heidelberg|mainz|wiesbaden|potsdam",
    "ghana": "accra",
    "greece": "athens|thessaloniki",
    "hungary": "budapest",
    "india": "new delhi|delhi|mumbai|kolkata|chennai|bangalore|bengaluru|hyderabad|ahmedabad|pune|jaipur|lucknow",
    "indonesia": "jakarta",
    "iran": "tehran",
    "iraq": "baghdad|basra|mosul",
    "ireland": "dublin",
    "israel": "tel aviv",
    "italy": "rome|milan|naples|turin|florence|venice|genoa|bologna|palermo",
    "japan": "tokyo|osaka|kyoto|yokohama|hiroshima|nagasaki|fukushima|sapporo|kobe",
    "jordan": "amman",
    "kazakhstan": "astana|almaty",
    "kenya": "nairobi|mombasa",
    "kuwait": "kuwait city",
    "latvia": "riga",
    "lebanon": "beirut",
    "libya": "tripoli|benghazi",
    "lithuania": "vilnius",
    "luxembourg": "luxembourg city",
    "malaysia": "kuala lumpur",
    "mexico": "mexico city",
    "moldova": "chisinau",
    "morocco": "rabat|casablanca",
    "myanmar": "yangon|naypyidaw",
    "nepal": "kathmandu",
    "netherlands": "amsterdam|the hague|rotterdam",
    "new zealand": "wellington|auckland",
    "nigeria": "abuja|lagos",
    "north korea": "pyongyang",
    "norway": "oslo",
    "pakistan": "islamabad|karachi|lahore|peshawar",
    "peru": "lima",
    "philippines": "manila",
    "poland": "warsaw|krakow|kraków",
    "portugal": "lisbon",
    "qatar": "doha",
    "romania": "bucharest",
    "russia": "moscow|st petersburg|saint petersburg|vladivostok|novosibirsk|yekaterinburg|kaliningrad",
    "rwanda": "kigali",
    "saudi arabia": "riyadh|jeddah|mecca",
    "senegal": "dakar",
    "serbia": "belgrade",
    "slovakia": "bratislava",
    "slovenia": "ljubljana",
    "somalia": "mogadishu",
    "south africa": "pretoria|johannesburg|cape town|durban",
    "south korea": "seoul|busan",
    "spain": "madrid|barcelona|seville|bilbao|malaga|málaga",
    "sri lanka": "colombo",
    "sudan": "khartoum",
    "sweden": "stockholm",
    "switzerland": "bern|geneva|zurich|zürich|basel",
    "syria": "damascus|aleppo|homs",
    "taiwan": "taipei",
    "tanzania": "dar es salaam|dodoma",
    "thailand": "bangkok",
    "tunisia": "tunis",
    "turkey": "ankara|istanbul|izmir",
    "uganda": "kampala",
    "ukraine": "kyiv|kiev|kharkiv|odessa|odesa",
    "united arab emirates": "abu dhabi|dubai",
    "united kingdom": "london|manchester|birmingham|liverpool|glasgow|edinburgh|cardiff|belfast|leeds|sheffield|"
    "bristol|newcastle|nottingham|leicester|oxford|cambridge|southampton|westminster",
    "united states": "washington|new york|los angeles|chicago|houston|san francisco|boston|miami|philadelphia|"
    "seattle|atlanta|dallas|detroit|phoenix|denver|las vegas|san diego|new orleans|baltimore|pittsburgh|"
    "minneapolis|st louis|cleveland|honolulu|anchorage|silicon valley",
    "venezuela": "caracas",
    "vietnam": "hanoi|ho chi minh city",
    "yemen": "sanaa|aden",
    "zimbabwe": "harare",
}
CITY_COUNTRY = {city: country for country, cities in _CITIES_BY_COUNTRY.items() for city in cities.split("|")}
# the capitals (each country's first city above), which the news names for their governments
# ("Washington", "Brussels", "Beijing said")
CAPITALS = frozenset(cities.split("|")[0] for cities in _CITIES_BY_COUNTRY.values()) | {"jerusalem"}

# States, provinces and regions the news names without their country, likewise. Left out: names
# that are also a country or another country's region ("Georgia", "Punjab", "Galicia", "Tyrol",
# "Macedonia", "Limburg"), or mean something else first ("Victoria", "Valencia", "Lazio");
# England, Scotland, Wales and Northern Ireland are countries (COUNTRIES).
_REGIONS_BY_COUNTRY = {
    "united states": "alabama|alaska|arizona|arkansas|california|colorado|connecticut|delaware|florida|hawaii|"
    "idaho|illinois|indiana|iowa|kansas|kentucky|louisiana|maine|maryland|massachusetts|michigan|minnesota|"
    "mississippi|missouri|montana|nebraska|nevada|new hampshire|new jersey|new mexico|north carolina|"
    "north dakota|ohio|oklahoma|oregon|pennsylvania|rhode island|south carolina|south dakota|tennessee|texas|"
    "utah|vermont|virginia|west virginia|wisconsin|wyoming",
    "canada": "quebec|québec|ontario|british columbia|alberta|manitoba|saskatchewan|nova scotia|new brunswick|"
    "newfoundland|newfoundland and labrador|prince edward island|yukon|nunavut|northwest territories",
    "australia": "new south wales|queensland|tasmania|western australia|south australia|northern territory",
    "germany": "bavaria|saxony|lower saxony|saxony-anhalt|thuringia|hesse|brandenburg|saarland|"
    "rhineland-palatinate|schleswig-holstein|mecklenburg-western pomerania|mecklenburg-vorpommern|"
    "baden-wurttemberg|baden-württemberg|north rhine-westphalia",
    "austria": "styria|carinthia|vorarlberg|upper austria|lower austria|burgenland",
    "france": "brittany|normandy|provence|alsace|corsica|burgundy|aquitaine|lorraine",
    "italy": "lombardy|tuscany|sicily|sardinia|piedmont|veneto|campania|apulia|calabria|liguria|umbria",
    "spain": "catalonia|andalusia|basque country|castile|extremadura|aragon|navarre|asturias|canary islands",
    "china": "xinjiang|tibet|guangdong|sichuan|yunnan|hubei|hunan|henan|hebei|shandong|jiangsu|zhejiang|fujian|"
    "guangxi|guizhou|shanxi|shaanxi|gansu|qinghai|inner mongolia|ningxia|heilongjiang|jilin|liaoning|anhui|"
    "jiangxi|hainan",
    "india": "maharashtra|uttar pradesh|bihar|west bengal|tamil nadu|kerala|karnataka|gujarat|rajasthan|"
    "madhya pradesh|andhra pradesh|telangana|odisha|orissa|assam|jharkhand|chhattisgarh|haryana|uttarakhand|"
    "himachal pradesh|goa|manipur|nagaland|mizoram|tripura|meghalaya|sikkim|arunachal pradesh",
    "pakistan": "balochistan|baluchistan|sindh|khyber pakhtunkhwa|waziristan",
    "russia": "chechnya|dagestan|siberia|tatarstan|ingushetia",
    "japan": "okinawa|hokkaido",
    "ukraine": "donetsk|luhansk|donbas",
    "afghanistan": "helmand",
    "syria": "idlib",
    "nigeria": "borno",
}
REGION_COUNTRY = {region: country for country, regions in _REGIONS_BY_COUNTRY.items() for region in regions.split("|")}
# What British news calls an organisation for short, by name key -> the name keys of its full
# names: the short name joins the organisation where the article names it in full ("the Fed" and
# "the Federal Reserve"; "the Gunners" and "Arsenal"), never on its own
SHORT_NAMES = {
    "fed": ("federal reserve", "us federal reserve", "federal reserve bank", "federal reserve board"),
    "met": ("metropolitan police", "metropolitan police service"),
    "man utd": ("manchester united",),
    "man united": ("manchester united",),
    "red devils": ("manchester united",),
    "man city": ("manchester city",),
    "spurs": ("tottenham", "tottenham hotspur"),
    "gunners": ("arsenal",),
    "hammers": ("west ham", "west ham united"),
    "magpies": ("newcastle", "newcastle united"),
    "toffees": ("everton",),
    "baggies": ("west brom", "west bromwich albion"),
    "canaries": ("norwich", "norwich city"),
    "owls": ("sheffield wednesday",),
    "black cats": ("sunderland",),
}

# Acronyms of names in another language, or in another word order, than the English name news
# gives ("the SPD" is the Social Democratic Party): acronym's name key -> (the country whose the
# party is, the English names' keys). A name many countries' parties share ("Social Democrats",
# "People's Party") counts only in an article that names that country; one with the country in it
# ("Austrian People's Party") counts anywhere.
FOREIGN_ACRONYMS = {
    "spd": ("germany", {"social democratic party", "social democrats", "social democratic party of germany"}),
    "cdu": ("germany", {"christian democratic union", "christian democrats"}),
    "csu": ("germany", {"christian social union"}),
    "fdp": ("germany", {"free democratic party", "free democrats"}),
    "afd": ("germany", {"alternative for germany"}),
    "övp": ("austria", {"austrian people's party", "people's party"}),
    "ovp": ("austria", {"austrian people's party", "people's party"}),
    "fpö": ("austria", {"freedom party", "austrian freedom party", "freedom party of austria"}),
    "fpo": ("austria", {"freedom party", "austrian freedom party", "freedom party of austria"}),
    "psoe": ("spain", {"spanish socialist workers' party", "socialist workers' party"}),
    "ump": ("france", {"union for a popular movement"}),
    "pis": ("poland", {"law and justice"}),
    "fifa": (None, {"international federation of association football"}),
    "uefa": (None, {"union of european football associations"}),
    "msf": (None, {"doctors without borders"}),
}
# Organisations the news names without their country, by the country they are of: parliaments,
# parties, state bodies, broadcasters, agencies, papers and companies that are one country's
# whatever the article (a name several countries' bodies share, "Labour Party", "Supreme Court",
# "Foreign Ministry", is left out). The relation model reads it as a feature of an organisation
# (or a place so named: "the Kremlin") and a country (`relmodel.candidates`: "org:own",
# "org:other"), as it reads CITY_COUNTRY.
_ORGANISATIONS_BY_COUNTRY = {
    "germany": "bundestag|bundeswehr|bundesbank|cdu|christian democratic union|csu|"
    "christian social union|spd|social democratic party of germany|free democratic party|afd|"
    "alternative for germany|die linke|deutsche welle|dw|der spiegel|spiegel|die zeit|sueddeutsche zeitung|"
    "süddeutsche zeitung|frankfurter allgemeine zeitung|faz|bild|handelsblatt|die welt|zdf|ard|dpa|"
    "deutsche presse-agentur|bmw|siemens|volkswagen|vw|daimler|bayer|basf|deutsche bank|commerzbank|"
    "lufthansa|deutsche telekom|allianz|sap|adidas|thyssenkrupp|eon|rwe|deutsche bahn|bosch|"
    "robert bosch|porsche|audi|infineon|bundesnachrichtendienst|bnd|german football association|dfb",
    "austria": "övp|ovp|austrian people's party|fpö|fpo|freedom party of austria|der standard|die presse|orf",
    "united kingdom": "house of lords|bank of england|downing street|"
    "home office|mi5|mi6|nhs|national health service|bbc|itv|channel 4|"
    "tories|liberal democrats|lib dems|ukip|snp|scottish national party|plaid cymru|"
    "guardian|financial times|daily telegraph|telegraph|daily mail|reuters|bp|hsbc|barclays|lloyds|"
    "royal bank of scotland|rbs|tesco|sainsbury|"
    "marks & spencer|vodafone|bt|british airways|rolls-royce|bae systems|glaxosmithkline|gsk|"
    "astrazeneca|scotland yard|metropolitan police|office for national statistics|ons|"
    "confederation of british industry|cbi|trades union congress|tuc",
    "united states": "us congress|us senate|white house|pentagon|fbi|cia|"
    "nsa|state department|us state department|federal reserve|fed|nasa|republican party|"
    "gop|new york times|washington post|wall street journal|cnn|fox news|nbc|abc news|cbs|associated press|"
    "ap|bloomberg|apple|google|microsoft|facebook|twitter|boeing|general motors|gm|ford|exxonmobil|"
    "exxon|chevron|walmart|coca-cola|pepsico|ibm|intel|goldman sachs|jp morgan|jpmorgan|morgan stanley|"
    "citigroup|nike|disney|time warner|sec|securities and exchange commission|department of justice|"
    "justice department|homeland security|nfl|nba",
    "france": "elysee|élysée|elysee palace|national assembly of france|le monde|le figaro|liberation|"
    "libération|afp|agence france-presse|front national|ump|union for a popular movement|"
    "renault|peugeot|psa|total|bnp paribas|societe generale|société générale|danone|l'oreal|l'oréal|"
    "air france|edf|alstom|sncf",
    "russia": "kremlin|duma|state duma|gazprom|rosneft|aeroflot|ria novosti|tass|itar-tass|interfax|"
    "united russia|fsb|lukoil|sberbank|rt|russia today",
    "china": "xinhua|xinhua news agency|people's daily|communist party of china|chinese communist party|"
    "ccp|huawei|alibaba|sinopec|petrochina|national people's congress|global times",
    "japan": "toyota|sony|nissan|honda|nhk|mitsubishi|toshiba|panasonic|kyodo|liberal democratic party of japan",
    "israel": "knesset|likud|idf|israel defense forces|mossad|shin bet|haaretz|jerusalem post|labor party of israel",
    "turkey": "pkk|kurdistan workers' party|akp|justice and development party|anadolu|hurriyet|hürriyet",
    "italy": "corriere della sera|la stampa|il messaggero|la repubblica|fiat|eni|ansa|rai|forza italia",
    "spain": "el pais|el país|el mundo|podemos|psoe|partido popular|eta|telefonica|telefónica|santander|"
    "real madrid|fc barcelona",
    "greece": "syriza|kathimerini|pasok|golden dawn",
    "india": "bharatiya janata party|bjp|indian national congress|lok sabha|rajya sabha|tata|infosys|"
    "reliance industries|times of india|hindustan times",
    "pakistan": "isi|inter-services intelligence|pakistan muslim league|pml-n|pakistan peoples party|ppp|dawn",
    "iran": "revolutionary guards|islamic revolutionary guard corps|irgc|irna",
    "poland": "law and justice|pis|sejm|civic platform",
    "netherlands": "vvd|pvv|philips|abn amro|ing",
    "switzerland": "ubs|credit suisse|nestle|nestlé|novartis|roche|swissair",
    "south korea": "samsung|hyundai|lg|yonhap",
    "sweden": "ikea|volvo|ericsson|riksdag",
    "ukraine": "verkhovna rada|naftogaz",
    "lebanon": "hezbollah",
    "palestine": "hamas|fatah",
}
ORGANISATION_COUNTRY = {org: country for country, orgs in _ORGANISATIONS_BY_COUNTRY.items() for org in orgs.split("|")}
# the nations of a country (each also in COUNTRIES): "Leeds in northern England" is in its country
NATIONS = dict.fromkeys(("england", "scotland", "wales", "northern ireland"), "united kingdom")


# Parties' nicknames that name one party only (British news'), by the name key of its full name;
# "the Conservatives" of Germany's CDU, or a bare "Democrats", are not among them
PARTY_SYNONYMS = {
    "tories": "conservative party",
    "tory party": "conservative party",
    "lib dems": "liberal democrats",
    "lib dem": "liberal democrats",
    "libdems": "liberal democrats",
    "liberal democrat party": "liberal democrats",
}


# The US states as news agencies abbreviate them after a town ("MEMPHIS, Tenn.", "Mineral Wells,
# Texas"); as written, with their dots: "Miss." and "Mo." are words and names without them.
STATE_ABBREVIATIONS = frozenset(
    """Ala. Ariz. Ark. Calif. Colo. Conn. Del. D.C. Fla. Ga. Ill. Ind. Kan. Kans. Ky. La. Md. Mass.
    Mich. Minn. Miss. Mo. Mont. Neb. Nev. N.H. N.J. N.M. N.Y. N.C. N.D. Okla. Ore. Pa. R.I. S.C.
    S.D. Tenn. Vt. Va. Wash. W.Va. Wis. Wyo.""".split()
)


# Languages, which name no person, organisation or place, though the NER tags them so ("speaks
# Quechua", "films in Hindi"); some also name a people ("Tamil", "Hausa"), which is no entity
# either. A language named like its country's people ("German", "Welsh") is a demonym.
LANGUAGES = frozenset(
    """quechua aymara guarani hindi urdu tamil telugu marathi gujarati kannada malayalam bengali
    nepali sinhala sanskrit pashto dari farsi mandarin cantonese tagalog swahili yoruba igbo hausa
    amharic tigrinya wolof lingala kinyarwanda afrikaans esperanto latin yiddish romani gaelic""".split()
)


# Nouns for a country's people that are not its demonym adjective ("Britons", "a Scot"); a plural
# of the adjective ("Germans", "Israelis") or a compound in -man ("Welshman") is read from DEMONYMS.
PEOPLE_OF = frozenset({"briton", "brit", "scot", "swede", "dane", "finn", "turk", "kiwi"})
_PEOPLE_NOUN = re.compile(r"(.+?)(?:s|men|man|women|woman)")


def is_people_noun(text: str) -> bool:
    """'Britons', 'a Briton', 'Scots', 'Germans', 'the Israelis', 'a Welshman': a noun for people
    of a country, which names no person, organisation or place (not "US", a country's name)."""
    key = fold(text).casefold().removeprefix("the ")
    if is_known_place(key):
        return False  # "the Philippines"
    if key in PEOPLE_OF:
        return True
    stem = _PEOPLE_NOUN.fullmatch(key)
    return stem is not None and (stem.group(1) in PEOPLE_OF or stem.group(1) in DEMONYMS)


def is_known_place(key: str) -> bool:
    """A country, continent, or a city or region the lists above know (`key`: a name_key)."""
    return key in COUNTRIES or key in CONTINENTS or key in CITY_COUNTRY or key in REGION_COUNTRY


# what a place COUNTRIES lists lies in all the same: a territory its state ("Hong Kong, China";
# "Tibet" is also a region of REGION_COUNTRY), a country whose name is also a region's (the US
# state of Georgia, the Greek province of Macedonia); the UK's nations are NATIONS
_ALSO_IN = {
    "hong kong": "china",
    "macau": "china",
    "macao": "china",
    "puerto rico": "united states",
    "guam": "united states",
    "greenland": "denmark",
    "faroe islands": "denmark",
    "gibraltar": "united kingdom",
    "bermuda": "united kingdom",
    "georgia": "united states",
    "macedonia": "greece",
}


def can_contain(outer: str, inner: str) -> bool:
    """Whether the place named `inner` can lie in the one named `outer` (both name_keys), as far as
    the lists above know: a continent lies in no place, and a country only in a continent, a place
    the lists do not know ("Scandinavia") or the state it belongs to ("Scotland" in the United
    Kingdom, "Hong Kong" in China, "Georgia" in the United States), never in another known country,
    city or region: "Kenya, Tunisia, Russia, Uruguay" is a list, "France in Paris" or "England in
    Cardiff" a match's venue."""
    if inner in CONTINENTS:
        return False
    if inner in COUNTRIES:
        own = NATIONS.get(inner) or _ALSO_IN.get(inner) or REGION_COUNTRY.get(inner)
        return outer in CONTINENTS or not is_known_place(outer) or outer == own
    return True


# news agencies as they are credited at the end of a story ("(AFP, Reuters)", "tkw/AFP/AP/dpa")
AGENCIES = frozenset(
    {
        "aa",
        "aap",
        "afp",
        "ansa",
        "anp",
        "antara",
        "ap",
        "apa",
        "ats",
        "belga",
        "bernama",
        "ctk",
        "dapd",
        "ddp",
        "dpa",
        "efe",
        "epd",
        "ians",
        "interfax",
        "irna",
        "kna",
        "kuna",
        "kyodo",
        "lusa",
        "mti",
        "pap",
        "pti",
        "reuters",
        "ria novosti",
        "sana",
        "sid",
        "tass",
        "itar-tass",
        "upi",
        "wafa",
        "xinhua",
        "yonhap",
    }
)
# the agencies that write their own names in lower case ("told dpa", "the epd news service"): names
# all the same, though a name elsewhere needs a capital
LOWER_CASE_AGENCIES = frozenset({"dpa", "epd", "kna", "sid", "ddp", "dapd", "apa"})
