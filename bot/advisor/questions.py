"""Which messages are advisor questions, and what each asks: the recogniser.

An advisor question is not "A vs B": "highest paying jobs without a degree", "how do I become
a dental hygienist", "where do electricians make the most", "I make $55k as an accountant in
Ohio, is that good?", "which jobs use Python", "is welding a good career?", "what career fits
me?". Each pattern below is one way people ask; a message none of them fits is left to the
comparison path (titles), so "nurse vs teacher" or "electrician in Texas" never end up here.

The recogniser only reads the message: titles stay text (the service's title index resolves
them) and a title that is a pronoun ("how do I become one?") is `PREVIOUS`, answered from the
previous answer when the caller knows it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from enum import StrEnum

from bot.advisor.filters import Filters, Measure
from bot.advisor.words import LIST_NOUNS, money, wording
from bot.parsing import clean
from bot.places import Place, PlaceKind

PREVIOUS = "<previous>"  # the title of a question about the previous answer's occupation
_PRONOUNS = {
    "one", "it", "that", "this", "them", "they", "those", "these", "that job", "this job",
    "that one", "this one", "that career", "this career", "him", "her",
}  # fmt: skip


class Ask(StrEnum):
    RANK = "rank"
    HOWTO = "howto"
    PLACES = "places"
    PAY = "pay_position"
    TOOLS = "tools"
    PROSPECTS = "prospects"
    QUIZ = "quiz"


@dataclass(frozen=True)
class Question:
    ask: Ask
    title: str | None = None  # the occupation asked about, as written (or PREVIOUS)
    place: Place | None = None
    measure: Measure | None = None  # rank: None = not said (pay, or the previous measure)
    filters: Filters = field(default_factory=Filters)
    follow_up: bool = False  # rank: changes the previous ranking rather than a new one
    national: bool = False  # rank: "nationally", "in the US" (as opposed to no place said)
    metros: bool = False  # places: metro areas rather than states
    within: Place | None = None  # places: metros in this state
    pay: float | None = None  # pay position
    hourly: bool = False
    tool: str | None = None


PlaceFinder = Callable[[str], Place | None]

# --- the quiz --------------------------------------------------------------------------------
_QUIZ = re.compile(
    r"\b(?:career|job|interest|personality)\s+(?:quiz|test|assessment|profiler)\b|\bquiz\b"
    r"|\bwhat\s+(?:kind\s+of\s+|type\s+of\s+|sort\s+of\s+)?(?:career|job|work|occupation)s?"
    r"\s+(?:would\s+|might\s+|will\s+|could\s+|should\s+)?(?:fits?|suits?|match(?:es)?|be\s+"
    r"(?:good|right|best)\s+for)\s+me\b"
    r"|\b(?:fits?|suits?)\s+me\b|\bright\s+for\s+me\b|\bbased\s+on\s+my\s+interests\b"
    r"|\bdo\s*n[o']?t\s+know\s+what\s+(?:i\s+want\s+to\s+do|to\s+do|career|job)"
    r"|\bno\s+idea\s+what\s+(?:i\s+want\s+to\s+do|to\s+do)\b"
    r"|\bwhat\s+should\s+i\s+do\s+with\s+my\s+life\b"
    r"|\bhelp\s+me\s+(?:choose|pick|find|decide\s+on)\s+an?\s+(?:career|job)\b"
    r"|\bhelp\s+(?:me\s+)?(?:picking|choosing|finding|with\s+(?:picking|choosing))\s+an?\s+"
    r"(?:career|job)\b|\bwhat\s+should\s+i\s+do\s+for\s+(?:a\s+living|work|my\s+career)\b"
    r"|\b(?:match(?:es)?|fit|suit)\s+my\s+(?:personality|interests)\b"
    r"|\b(?:careers?|jobs?)\s+for\s+my\s+(?:personality|interests)\b"
)

# --- pay position ----------------------------------------------------------------------------
_AMOUNT = re.compile(
    r"\$?\s?(?P<amount>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s?(?P<k>k\b|grand\b)?"
    r"(?P<unit>\s*(?:/\s*h(?:ou)?r|an?\s+hour|per\s+hour|hourly|/\s*y(?:ea)?r|an?\s+year"
    r"|per\s+year|yearly|annually|/\s*h\b)\b)?"
)
_JUDGE = re.compile(
    r"\b(?:is\s+(?:that|this|it)|am\s+i|good|fair|underpaid|overpaid|low|decent|normal|bad"
    r"|where\s+does\s+that\s+put\s+me|enough|competitive|average)\b"
)
_PAY_NOISE = [
    (
        re.compile(
            r"[,.;:!?—–]+\s*(?:is|was)\s+(?:that|this|it)\b.*$|\b(?:is|was)\s+(?:that|this|it)\b.*$"
        ),
        " ",
    ),
    (re.compile(r"\bwhere\s+does\s+that\s+put\s+me\b.*$"), " "),
    (
        re.compile(
            r"\bam\s+i\s+(?:being\s+)?(?:underpaid|overpaid|paid\s+(?:enough|fairly|well|right|ok)"
            r"|making\s+enough|doing\s+(?:ok|okay|well|fine))\b"
        ),
        " ",
    ),
    (re.compile(r"\bi\s+drive\s+an?\s+(\w+)"), r" \1 driver "),
    (re.compile(r"^(?:is|are)\b"), " "),
    (re.compile(r"\bmy\s+(?:salary|pay|wage|income)\s+is\b|\b(?:salary|income|wage)\b"), " "),
    (
        re.compile(r"\b(?:i|im|i'm|i\s+am)\s+(?:make|earn|get\s+paid|get|paid|making|earning)\b"),
        " ",
    ),
    (re.compile(r"\b(?:making|earning|getting|get\s+paid|paid|make|earn|earns|makes|and)\b"), " "),
    (
        re.compile(
            r"\b(?:good\s+or\s+bad|good\s+pay|fair|decent|normal|underpaid|overpaid|low"
            r"|good|bad|enough|ok|okay)\b"
        ),
        " ",
    ),
    (
        re.compile(
            r"\b(?:as|for|being)\s+an?\b|\b(?:im|i'm|i\s+am)\s+an?\b|\bi\s+work\s+as\s+an?\b"
        ),
        " ",
    ),
    (re.compile(r"\bhere\b|\bi\b"), " "),
]

# --- tools -----------------------------------------------------------------------------------
_TOOLS = [
    re.compile(
        rf"^(?:which|what|wat)\s+(?:{LIST_NOUNS})\s+(?:use|uses|need|needs|require|requires"
        r"|involve|work\s+with)\s+(?P<tool>.+)$"
    ),
    re.compile(
        rf"^(?:{LIST_NOUNS})\s+(?:that|which|where\s+(?:i|you|people)"
        r"(?:\s+(?:can|could|would|get\s+to))?)?\s*"
        r"(?:use|uses|using|need|needs|require|requires|with|involving)\s+(?P<tool>.+)$"
    ),
    re.compile(r"^who\s+(?:uses|works\s+with)\s+(?P<tool>.+?)(?:\s+at\s+work)?$"),
    re.compile(
        rf"^(?:{LIST_NOUNS})\s+for\s+(?:people|someone|somebody|me|those)\s+(?:who|that|if\s+i)\s+"
        r"(?:know|knows|use|uses|can\s+use|am\s+good\s+at|like)\s+(?P<tool>.+)$"
    ),
    re.compile(
        r"^i\s+(?:know|use|can\s+use|am\s+good\s+at)\s+(?P<tool>.+?)\s*[.,;!]?\s*"
        rf"(?:which|what)\s+(?:{LIST_NOUNS})\s+use\s+it$"
    ),
]
_TOOL_NOISE = re.compile(
    r"\([^)]*\)|\b(?:skills?|software|program|at\s+work|professionally|daily|every\s+day)\b"
)

# --- how to become ---------------------------------------------------------------------------
_BE = r"(?:become|becoming|be|get\s+into|getting\s+into|get\s+started\s+(?:as|in)|start\s+(?:as|in)|train\s+(?:as|to\s+be)|qualify\s+as|work\s+as)"  # noqa: E501
_HOWTO = [
    re.compile(
        r"^how\s+(?:long|many\s+years)\s+(?:is|are)\s+(?:the\s+)?(?:school(?:ing)?|college|training"
        r"|education|program)\s+(?:for|to\s+(?:be|become))\s+(?P<t>.+)$"
    ),
    re.compile(rf"^how\s+(?:hard|difficult|easy|long)\s+is\s+it\s+to\s+{_BE}\s+(?P<t>.+)$"),
    re.compile(
        rf"^how\s+(?:do|can|could|would|should|does)\s+(?:i|you|u|one|someone|a\s+person)\s+{_BE}\s+(?P<t>.+)$"
    ),
    re.compile(rf"^how\s+to\s+{_BE}\s+(?P<t>.+)$"),
    re.compile(
        rf"^how\s+long\s+(?:does\s+it|will\s+it|would\s+it|do\s+you|does\s+one)\s+(?:take\s+)?(?:to\s+)?{_BE}\s+(?P<t>.+)$"
    ),
    re.compile(rf"^how\s+long\s+(?:to|until\s+i\s+can)\s+{_BE}\s+(?P<t>.+)$"),
    re.compile(
        rf"^what\s+(?:do|does)\s+(?:i|you|u|one)\s+need\s+(?:to\s+)?(?:do\s+to\s+)?{_BE}\s+(?P<t>.+)$"
    ),
    re.compile(
        rf"^what\s+(?:does\s+it|do\s+you|do\s+i|would\s+it)\s+(?:take|need)\s+to\s+{_BE}\s+(?P<t>.+)$"
    ),
    re.compile(rf"^(?:what\s+are\s+(?:the\s+)?)?steps\s+(?:to|for)\s+{_BE}\s+(?P<t>.+)$"),
    re.compile(
        rf"^how\s+many\s+years\s+(?:of\s+(?:school|college|training|education|study)\s+)?(?:does\s+it\s+take\s+|do\s+you\s+need\s+|is\s+it\s+)?(?:to\s+)?{_BE}\s+(?P<t>.+)$"
    ),
    re.compile(
        r"^what\s+(?:qualifications|education|training|degree|degrees|schooling|certifications?|requirements|experience)\s+(?:do|does|would)\s+(?:i|you|u|one)\s+need\s+(?:to\s+(?:be|become)|for|as)\s+(?P<t>.+)$"
    ),
    re.compile(
        r"^(?:what\s+are\s+the\s+)?(?:requirements|qualifications)\s+(?:to\s+(?:be|become)|for)\s+(?P<t>.+)$"
    ),
    re.compile(
        r"^how\s+(?:do\s+i\s+|to\s+|can\s+i\s+)get\s+an?\s+(?P<licence>.+?)\s+licen[cs]e(?:\s+and\s+(?:become|be)\s+(?P<t>.+))?$"
    ),
]
_HOWTO_TAIL = re.compile(
    r"\s+(?:fast|quickly|quick|asap|now|today|as\s+an\s+adult|at\s+\d+|with\s+no\s+experience"
    r"|without\s+a\s+degree|step\s+by\s+step|in\s+\d+\s+(?:months|years))$"
)

# --- where to go -----------------------------------------------------------------------------
_AREAS = r"(?P<kind>states?|cities|city|metros?|metro\s+areas?|metropolitan\s+areas?|places|areas?|towns?|regions?|parts\s+of\s+the\s+country)"  # noqa: E501
_BEST = r"(?:the\s+)?(?:best|top|highest[- ]paying|top[- ]paying|best[- ]paying|highest[- ]paid|best[- ]paid|richest)"  # noqa: E501
_PLACES = [
    re.compile(
        r"^where\s+(?:is|are)\s+(?:the\s+)?(?:best|highest[- ]paying|top)\s+(?:place|places|state"
        r"|states|city|cities)\s+(?:to\s+(?:be|work\s+as|live\s+as)|for)\s+(?:an?\s+)?(?P<t>.+)$"
    ),
    re.compile(
        rf"^(?:which|what)\s+{_AREAS}\s+(?:in\s+(?P<within>.+?)\s+)?pays?\s+(?:the\s+)?"
        r"(?:most|best|more|highest)\s+(?:for|to)\s+(?:an?\s+)?(?P<t>.+)$"
    ),
    re.compile(
        r"^where\s+(?:do|does|can|should|would)\s+(?:an?\s+)?(?P<t>.+?)\s+(?:make|earn|get\s+paid|be\s+paid|are\s+paid|paid|get|work|go|live)\s+(?:the\s+)?(?:most|best|more|highest)(?:\s+money|\s+pay)?(?P<rest>.*)$"
    ),
    re.compile(
        r"^where\s+(?:is|are)\s+(?:an?\s+)?(?P<t>.+?)\s+(?:paid|making)\s+(?:the\s+)?(?:most|best)(?P<rest>.*)$"
    ),
    re.compile(
        rf"^(?:what|which)\s+(?:are\s+|is\s+)?{_BEST}\s+{_AREAS}\s+(?:in\s+(?P<within>.+?)\s+)?(?:for|to\s+work\s+as|to\s+be|to\s+live\s+as)\s+(?:an?\s+)?(?P<t>.+)$"
    ),
    re.compile(
        rf"^{_BEST}\s+{_AREAS}\s+(?:in\s+(?P<within>.+?)\s+)?(?:for|to\s+work\s+as|to\s+be|to\s+live\s+as)\s+(?:an?\s+)?(?P<t>.+)$"
    ),
    re.compile(
        rf"^(?:which|what)\s+{_AREAS}\s+(?:in\s+(?P<within>.+?)\s+)?(?:pays?|pay)\s+(?:an?\s+)?(?P<t>.+?)\s+(?:the\s+)?(?:most|best|more|highest)$"
    ),
    re.compile(
        rf"^(?:which|what)\s+{_AREAS}\s+(?:in\s+(?P<within>.+?)\s+)?(?:is|are)\s+best\s+for\s+(?:an?\s+)?(?P<t>.+)$"
    ),
]

# --- is X a good bet? ------------------------------------------------------------------------
_BEING = r"(?:being\s+an?\s+|becoming\s+an?\s+|working\s+as\s+an?\s+|an?\s+|the\s+)?"
_CAREER = r"(?:career|job|field|trade|profession|choice|idea|option|industry|path|bet|investment|major|occupation|line\s+of\s+work)"  # noqa: E501
_PROSPECTS = [
    re.compile(
        r"^is\s+it\s+(?:still\s+)?(?:worth\s+(?:it\s+)?|a\s+good\s+idea\s+|smart\s+)(?:to\s+)?"
        r"(?:becoming|being|become|be|going\s+into|getting\s+into|go\s+into|get\s+into|working\s+as"
        r"|work\s+as|studying|study)\s+(?:an?\s+)?(?P<t>.+)$"
    ),
    re.compile(
        r"^(?:will|are|is|can|could)\s+(?P<t>.+?)\s+(?:be\s+|being\s+|get\s+)?(?:replaced|taken\s+over"
        r"|automated)(?:\s+by\s+(?:ai|robots|automation|machines))?(?:\s+soon)?$"
    ),
    re.compile(r"^(?:can|could)\s+(?:ai|robots|automation)\s+replace\s+(?P<t>.+)$"),
    re.compile(
        rf"^(?:is|are|would)\s+{_BEING}(?P<t>.+?)\s+(?:still\s+|really\s+)?(?:be\s+)?(?:an?\s+)?(?:good|great|bad|smart|solid|safe|stable|wise|dying|growing|secure|promising|viable)\s+{_CAREER}(?:\s+to\s+(?:get\s+into|go\s+into|pursue|study|choose))?(?:\s+(?:choice|path|option|for\s+me))?(?:\s+in\s+\d{{4}})?(?:\s+anymore)?$"
    ),
    re.compile(
        rf"^(?:is|are)\s+{_BEING}(?P<t>.+?)\s+(?:still\s+|really\s+)?worth\s+it(?:\s+anymore)?$"
    ),
    re.compile(
        rf"^(?:is|are)\s+{_BEING}(?P<t>.+?)\s+(?:still\s+)?(?:in\s+(?:high\s+)?demand|dying"
        r"|growing|future[- ]proof|going\s+away|still\s+needed|a\s+dying\s+field"
        r"|recession[- ]proof|safe\s+from\s+ai)$"
    ),
    re.compile(
        r"^(?:do|does|will)\s+(?:an?\s+)?(?P<t>.+?)\s+(?:still\s+)?have\s+a\s+(?:good\s+|bright\s+)?future\b.*$"
    ),
    re.compile(
        r"^will\s+(?:ai|robots|automation)\s+(?:replace|take\s+over)\s+(?P<t>.+?)(?:\s+jobs)?$"
    ),
    re.compile(
        r"^(?:what\s+is|what's|whats|how\s+is|how's|hows)\s+the\s+(?:job\s+|career\s+|employment\s+)?(?:outlook|future|demand)\s+(?:for|of|like\s+for)\s+(?:an?\s+)?(?P<t>.+)$"
    ),
]

# --- follow-ups on a previous answer ---------------------------------------------------------
_SIMILAR = re.compile(
    rf"\b(?:{LIST_NOUNS})\s+(?:like|similar\s+to)\s+(?:an?\s+|being\s+an?\s+)?(?P<t>.+?)"
    r"(?=\s+(?:that|which|but|with|without|and|where|who|in|paying|for|needing)\b|$)"
    r"|\bsimilar\s+(?:jobs|careers|occupations|ones|work)\b|\blike\s+(?:it|this|that)\b"
)
_LIST = re.compile(rf"\b(?:{LIST_NOUNS})\b")
_RANK_FOLLOW_UP = re.compile(
    r"^(?:and|but|ok|okay|so|then|now|what\s+about|how\s+about|only|just|same|show\s+me)\b"
    r"|^(?:in|for)\s+\S|^which\s+(?:ones|of\s+(?:them|those|these))\b"
)
_NATIONAL = re.compile(
    r"\b(?:nationally|nationwide|in\s+(?:the\s+)?(?:us|usa|u\.s\.|america|united\s+states|country))\b"
)
_IN_PLACE = re.compile(r"\b(?:in|near|around)\s+(?P<place>[a-z .,'-]{2,40})")


def normal(text: str) -> str:
    """Lower case, one line, no trailing punctuation, typographic quotes and dashes plain."""
    text = clean(text).lower().replace("’", "'").replace("w/", "with ")
    text = re.sub(r"[\u2600-\u27bf\U0001f000-\U0001faff]", " ", text)  # emoji
    text = re.sub(r"\b(where|what|how|who|it)'s\b", r"\1 is", text)
    return " ".join(text.split()).strip(" ?!.,;:—–-")


def title_text(raw: str) -> str:
    """A title as asked, without articles and trailing punctuation; PREVIOUS for pronouns."""
    title = raw.strip(" ?!.,;:—–-'\"")
    title = re.sub(r"^(?:an?|the|being\s+an?|becoming\s+an?)\s+", "", title)
    title = re.sub(
        r"\s+(?:at\s+work|for\s+a\s+living|nowadays|these\s+days|today|to\s+(?:work|live)(?:\s+in)?"
        r"|right\s+now|in\s+the\s+us|in\s+america)$",
        "",
        title,
    )
    return PREVIOUS if title in _PRONOUNS else title


def find_place(text: str, places: PlaceFinder) -> tuple[Place | None, str]:
    """The first place named after "in" (longest name first), and the text without it."""
    for found in _IN_PLACE.finditer(text):
        words = found["place"].strip(" .,").split()
        for n in range(min(len(words), 5), 0, -1):
            name = " ".join(words[:n]).strip(" .,")
            place = places(name)
            if place is not None and name not in ("it", "tech", "demand"):
                start, end = found.start(), found.start("place") + len(" ".join(words[:n]))
                return place, (text[:start] + text[end:]).strip()
    return None, text


def recognise(text: str, places: PlaceFinder, is_tool: Callable[[str], bool]) -> Question | None:
    """The advisor question in a message, or None when it is not one (a comparison, a title,
    chit-chat: the rest of the bot answers those)."""
    said = normal(text)
    if not said or len(said) > 300:
        return None
    for recogniser in (_quiz, _pay, _howto, _places_question, _prospects):
        question = recogniser(said, places)
        if question is not None:
            return question
    tools = _tools(said, is_tool)
    if tools is not None:
        return tools
    return _rank(said, places)


def _quiz(said: str, places: PlaceFinder) -> Question | None:
    return Question(Ask.QUIZ) if _QUIZ.search(said) else None


def _pay(said: str, places: PlaceFinder) -> Question | None:
    if not _JUDGE.search(said):
        return None
    amounts = [a for a in _AMOUNT.finditer(said) if a["amount"]]
    if len(amounts) != 1:
        return None
    found = amounts[0]
    value = money(found["amount"], found["k"])
    unit = (found["unit"] or "").replace(" ", "")
    hourly = "h" in unit if unit else (not found["k"] and value < 300)
    if not hourly and value < 1000:
        return None  # "is 400 good": not a pay that can be placed
    rest = said[: found.start()] + " , " + said[found.end() :]
    for pattern, replacement in _PAY_NOISE:
        rest = pattern.sub(replacement, rest)
    place, rest = find_place(rest, places)
    title = title_text(" ".join(re.sub(r"[,.;:!?—–/$]", " ", rest).split()))
    if not title or _LIST.search(title):
        return None
    return Question(Ask.PAY, title=title, place=place, pay=value, hourly=hourly)


def _tools(said: str, is_tool: Callable[[str], bool]) -> Question | None:
    for pattern in _TOOLS:
        found = pattern.match(said)
        if found is None:
            continue
        tool = " ".join(_TOOL_NOISE.sub(" ", found["tool"]).split()).strip(" ?!.,;:")
        tool = re.sub(r"^(?:an?|the)\s+", "", tool)
        if tool and is_tool(tool):
            measure = Measure.ANNUAL if wording(said).measure else Measure.EMPLOYMENT
            return Question(Ask.TOOLS, tool=tool, measure=measure)
    return None


def _howto(said: str, places: PlaceFinder) -> Question | None:
    for pattern in _HOWTO:
        found = pattern.match(said)
        if found is None:
            continue
        groups = found.groupdict()
        raw = groups.get("t") or ""
        if groups.get("licence"):  # "get a real estate license and become an agent"
            extra = re.sub(r"^(?:an?\s+)", "", raw)
            raw = f"{groups['licence']} {extra}" if extra else groups["licence"]
        place, raw = find_place(raw, places)
        raw = _HOWTO_TAIL.sub("", raw)
        title = title_text(raw)
        return Question(Ask.HOWTO, title=title, place=place) if title else None
    return None


def _places_question(said: str, places: PlaceFinder) -> Question | None:
    for pattern in _PLACES:
        found = pattern.match(said)
        if found is None:
            continue
        groups = found.groupdict()
        kind = groups.get("kind") or ""
        within_text = groups.get("within") or ""
        rest = groups.get("rest") or ""
        within = places(within_text) if within_text else None
        if within is None and rest:
            within, _ = find_place(rest, places)
        if within is not None and within.kind != PlaceKind.STATE:
            within = None  # metros within a state only
        raw = groups["t"]
        if within is None:
            within, raw = find_place(raw, places)
            within = within if within is not None and within.kind == PlaceKind.STATE else None
        title = title_text(raw)
        if not title:
            return None
        metros = bool(re.match(r"cit|metro|town|area", kind)) or within is not None
        return Question(Ask.PLACES, title=title, metros=metros, within=within)
    return None


def _prospects(said: str, places: PlaceFinder) -> Question | None:
    for pattern in _PROSPECTS:
        found = pattern.match(said)
        if found is not None:
            title = title_text(found["t"])
            if title and not _LIST.search(title):
                return Question(Ask.PROSPECTS, title=title)
    return None


def _rank(said: str, places: PlaceFinder) -> Question | None:
    words = wording(said)
    similar = _SIMILAR.search(said)
    similar_title = None
    if similar is not None:
        similar_title = title_text(similar["t"]) if similar["t"] else PREVIOUS
    filters = words.filters
    if filters.less_school and not similar_title:
        filters = replace(filters, less_school=False)
    said_something = bool(words.measure or not filters.empty or similar_title)
    cue = bool(_RANK_FOLLOW_UP.search(said))
    national = bool(_NATIONAL.search(said))
    if not (said_something or cue or national or len(said.split()) <= 3):
        return None  # most messages (titles, comparisons) stop here, before any place lookup
    place, rest = (None, _NATIONAL.sub(" ", said)) if national else find_place(said, places)
    if place is None and not national and said_something:
        place = _trailing_state(said, places)
        rest = said.rsplit(" ", 1)[0] if place is not None and " " in said else ""
    listed = bool(_LIST.search(said)) or bool(words.field_spans)
    # "what about in Texas?", "and which ones have the most openings", "nationally?": about
    # a list shown before (the caller decides whether there was one).
    only_place = bool(place or national) and not rest.strip(" ?!.,")
    follow_up = cue or only_place
    if not said_something and not (follow_up and (place or national)):
        return None
    starts_with_measure = words.measure is not None and re.match(
        r"^(?:what(?:'s|\s+is|\s+are)?\s+(?:the\s+)?)?(?:highest|best|top|fastest|most)\b", said
    )
    if not (listed or starts_with_measure or follow_up or similar_title):
        return None
    return Question(
        Ask.RANK,
        title=similar_title,
        place=place,
        measure=words.measure,
        filters=filters,
        follow_up=follow_up and not similar_title,
        national=national,
    )


def _trailing_state(said: str, places: PlaceFinder) -> Place | None:
    """A state named last without "in" ("no college needed texas"): full names only, never
    a two-letter code or a city, which could be a word ("college")."""
    words = said.split()
    for n in (3, 2, 1):
        if len(words) > n:
            name = " ".join(words[-n:])
            place = places(name) if len(name) > 3 else None
            if place is not None and place.kind == PlaceKind.STATE:
                return place
    return None
