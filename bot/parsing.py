"""Message text -> intent: which titles a person asks about, and how.

Parsing is deliberately separate from resolution: it only finds the pieces ("A", "B", a place)
in the phrasing people use, and leaves deciding what "A" means to the title index.

A little over 400 lines: the ways a message joins titles ("vs", lists, "from A to B", a place
last) are tried in one order, and each rule's exceptions are written against the others.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

MAX_TITLES = 4
MAX_TITLE_CHARS = 80
MAX_MESSAGE_CHARS = 600

GREETINGS = {
    "hi",
    "hello",
    "hey",
    "hiya",
    "yo",
    "sup",
    "hola",
    "bonjour",
    "hallo",
    "ciao",
    "privet",
    "good morning",
    "good evening",
    "good afternoon",
    "thanks",
    "thank you",
    "thx",
    "ty",
    "ok",
    "okay",
    "cool",
    "nice",
    "great",
    "lol",
    "lmao",
    "bye",
    "goodbye",
    "help",
    "start",
    "yes",
    "no",
    "what",
    "why",
    "who are you",
    "how are you",
    "whats up",
    "what's up",
    # "test", "are you a bot": someone trying the bot out gets what it does
    "morning",
    "test",
    "testing",
    "are you there",
    "are you a bot",
    "are you a robot",
    "are you human",
}

_COMMAND = re.compile(r"^/(\w+)(@\w+)?\s*", re.IGNORECASE)
_MENTION = re.compile(r"@\w+")
_SPACES = re.compile(r"\s+")
_TAG = re.compile(r"</?[a-z][a-z0-9-]*(?:\s[^<>]*)?>", re.IGNORECASE)  # pasted HTML markup
_TRAILING = re.compile(r"[\s?!.,;:]+$")

# Wrappers around a comparison: "difference between A and B", "compare A and B", ...
_COMPARE_WRAPPERS = [
    re.compile(r"^(?:what(?:'s| is| are)?\s+)?(?:the\s+)?differences?\s+between\s+(?P<body>.+)$"),
    re.compile(
        r"^(?:(?:please|can\s+you|could\s+you|can\s+u)\s+)?compare\s+(?:the\s+)?(?P<body>.+?)"
        r"(?:\s+(?:salaries|salary|pay|wages|jobs|careers))?(?:\s+for\s+me)?$"
    ),
    re.compile(
        r"^(?:should|would|could|can)\s+i\s+(?:be(?:come)?|work\s+as|study|train\s+as|"
        r"go\s+for|pick|choose|go\s+to\s+school\s+for|go\s+into|get\s+into)\s+(?P<body>.+)$"
    ),
    re.compile(
        r"^(?:which|what)\s+(?:pays|is|earns|makes)\s+(?:more|better)\s*[,:]?\s*"
        r"(?P<body>.+)$"
    ),
    re.compile(r"^(?:which\s+is\s+better\s*[,:]?\s*)(?P<body>.+)$"),
    # "how do bus mechanics and diesel mechanics compare (pay-wise)"
    re.compile(
        r"^how\s+(?:do|does|would|did)\s+(?:the\s+)?(?P<body>.+?)\s+compare(?:\s+(?:to\s+each\s+other"
        r"|pay[- ]?wise|salary[- ]?wise|in\s+pay|on\s+pay|for\s+pay))?$"
    ),
]
# "is A paid more than B", "do As make more than Bs", "does A earn more than B"
_MORE_THAN = re.compile(
    r"^(?:is|are|do|does|would|will)\s+(?:an?\s+)?(?P<a>.+?)\s+(?:get\s+)?(?:paid|make|earn|"
    r"making|earning|get|gets)\s+(?:more|less|better)(?:\s+money)?\s+than\s+(?:an?\s+)?(?P<b>.+)$"
)
_SWITCH = re.compile(
    r"^(?:how\s+(?:do|can|could|would)\s+i\s+|(?:can|could|should)\s+i\s+|"
    r"i\s+(?:want|wanna|would\s+like)\s+to\s+|help\s+me\s+)?"
    r"(?:switch|go|move|change|transition|pivot)\s+(?:careers?\s+)?from\s+(?:an?\s+|being\s+an?\s+)?"
    r"(?P<a>.+?)\s+(?:to|into)\s+(?:an?\s+|being\s+an?\s+)?(?P<b>.+)$"
)
# "lpn to rn", "receptionist to medical coder, good move?": from one job to the other. Not
# "Assistant to the Director", a title.
_TO_SWITCH = re.compile(
    r"^(?:from\s+)?(?:an?\s+)?(?P<a>[^,]+?)(?<!assistant)(?<!aide)(?<!secretary)(?<!contract)(?<!temp)\s+(?:to|->|→)\s+"
    r"(?!the\s)(?:an?\s+)?(?P<b>[^,]+?)(?:\s*[,:;-]?\s*(?:good\s+move|a\s+good\s+(?:move|idea)"
    r"|worth\s+it|is\s+it\s+worth\s+it|possible|doable|realistic|smart|thoughts|how"
    r"|how\s+(?:hard|long)(?:\s+is\s+it)?|any\s+(?:tips|advice)))?$"
)
# Words no job title holds: "i want to be a nurse", "compared to", "someone who … to …".
_NOT_TITLE_WORDS = frozenset(  # a word list reads best as text
    "i you we he she they it my want wanna be become compared have has had what how why do does "  # noqa: SIM905
    "did is are was make makes take need like used able going who that which where when "
    "someone somebody go get".split()
)


def _to_switch(lowered: str) -> re.Match[str] | None:
    found = _TO_SWITCH.match(lowered.rstrip(" ?!."))
    if found is None:
        return None
    words = found["a"].split() + found["b"].split()
    if len(words) > 8 or not _NOT_TITLE_WORDS.isdisjoint(words):
        return None
    return found


# Splitters between titles, strongest first.
_VERSUS = re.compile(
    r"\s+(?:vs\.?|versus|v\.?|against|compared\s+(?:to|with)|or)\s+|\s*/\s*(?=\D)"
    r"|\s+vs\.?(?=\s|$)"
)
# Only these always separate titles; commas, slashes, "&", "and" and "or" may be inside one
# ("Operator, Forklift"; "Healthcare Diagnosing or Treating Practitioners, All Other").
_STRONG = re.compile(r"\s+(?:vs\.?|versus|v\.?|against|compared\s+(?:to|with))\s+|\s+vs\.?(?=\s|$)")
_LIST = re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+|\s*&\s*|\s+with\s+|\s+to\s+")
# Question wrappers around a title: "what do dental hygienists make?", "are roofers paid well".
_PREFIXES = re.compile(
    r"^(?:(?:so|and|but|hey|hi|ok|okay|well|yo)\s+)?(?:"
    r"how\s+much\s+(?:money\s+)?(?:do|does|did|can|could|would|will|should)\s+(?:i\s+make\s+as\s+)?"
    r"|what\s+(?:kind|sort)\s+of\s+(?:money|pay|salary)\s+(?:do|does|can|could|would)\s+"
    r"|what\s+(?:do|does|did|can|could|would|will)\s+|what(?:'s|s)\s+(?=an?\s)"
    r"|(?:what(?:'s|\s+is|\s+are|s)?\s+(?:the\s+)?)?(?:average\s+|median\s+|typical\s+|starting\s+)?"
    r"(?:salary|salaries|pay|wages?|income|earnings|job\s+outlook|outlook|growth|demand"
    r"|hourly\s+(?:rate|pay|wage)|pay\s+rate|going\s+rate)\s+"
    r"(?:of|for|like\s+for)\s+"
    r"|tell\s+me\s+about\s+|info(?:rmation)?\s+(?:on|about)\s+|what\s+about\s+|how\s+about\s+"
    r"|describe\s+|who\s+(?:is|are)\s+|what\s+(?:is|are)\s+"
    r"|how\s+(?:do|can|would)\s+i\s+become\s+"
    r"|(?:i\s+(?:think|guess|feel\s+like)\s+)?(?:i\s+|i'm\s+|i\s+am\s+)?(?:really\s+)?"
    r"(?:want|would\s+like|i'd\s+like|plan|hope|going)\s+to\s+(?:be|become)\s+"
    r"|should\s+i\s+(?:be|become|go\s+into|get\s+into|study|work\s+as)\s+"
    r"|(?:go|get)\s+into\s+|(?:is|are|do|does)\s+"
    r")(?:an?\s+|the\s+)?"
)
_SUFFIXES = re.compile(
    r"\s+(?:"
    r"(?:make|earn|get\s+paid)\s+(?:that|so)\s+(?:much|little)(?:\s+(?:money|per\s+hour|an\s+hour"
    r"|a\s+year|per\s+year))?"
    r"|(?:pay|salary|wages?)\s+(?:that|so|too)\s+(?:low|high|bad|good)"
    r"|how\s+much\s+(?:do|does)\s+(?:they|he|she|one|it)\s+(?:make|earn|get\s+paid)"
    r"|(?:make|earn|get\s+paid|get|take\s+home|bring\s+in|paid|do)"
    r"(?:\s+(?:money|a\s+lot|well|good\s+money|on\s+average|benefits|health\s+insurance"
    r"|overtime|tips|a\s+pension|paid\s+time\s+off|pto|vacation(?:\s+days)?))?"
    r"(?:\s+(?:a|per|in\s+a|an|each|every)\s+(?:year|hour|month|week))?(?:\s+with\s+tips)?"
    r"|(?:get\s+)?(?:paid|compensated)\s+(?:well|enough|more|less)"
    r"|(?:in\s+demand|worth\s+it|a\s+good\s+(?:job|career|choice))"
    r"|have\s+a\s+(?:good|better|bright)\s+(?:job\s+)?(?:outlook|future)"
    r"|(?:salary|salaries|pay|wages?|income|job\s+outlook|outlook|career|jobs?|demand)"
    r")(?:\s+(?:these\s+days|nowadays|today|now))?$"
)
_COMPARATIVE = re.compile(
    r"^(?:is|are|do|does)\s+(?:an?\s+)?(?P<a>.+?)\s+(?:\w+er|more\s+\w+|less\s+\w+)\s+than\s+"
    r"(?:an?\s+)?(?P<b>.+)$"
)
# "… down in oklahoma", "out in denver": the place, however it is approached.
_TOWARD = r"(?:(?:down|up|out|over|back)\s+)?"
_PLACE = re.compile(
    rf"^(?P<rest>.+?)\s+{_TOWARD}(?:in|near|around|for)\s+(?P<place>[a-z .,'-]{{2,40}})$"
)
_LAST_PLACE = re.compile(
    rf"^(?P<rest>.+)\s+{_TOWARD}(?:in|near|around|for)\s+(?P<place>[a-z .,'-]{{2,40}})$"
)


# Where the person is, said as a place: the chat's own place (its /state), if it has one.
_WHERE_I_AM = frozenset(
    ["me", "us", "you", "here", "home", "my area", "my city", "my state", "my town", "where i live"]
)


class IntentKind(StrEnum):
    COMPARE = "compare"  # two or more titles side by side
    PROFILE = "profile"  # one title
    SWITCH = "switch"  # from the first title to the second
    NONE = "none"  # no title: a greeting, chit-chat, or nothing at all


@dataclass(frozen=True)
class Intent:
    kind: IntentKind
    titles: tuple[str, ...] = ()
    place: str | None = None
    greeting: bool = False
    too_many: bool = False
    # Where a comma, slash, "&" or "and" split the titles: (the unsplit text, its parts), one
    # per "vs"/"or" segment, so bot/reading.py can decide whether it was one title after all.
    groups: tuple[tuple[str, tuple[str, ...]], ...] = ()


def clean(text: str) -> str:
    """One line, no command or @mentions, no trailing punctuation; capped in length."""
    text = text[:MAX_MESSAGE_CHARS]
    text = _COMMAND.sub("", text.strip())
    text = _TAG.sub(" ", text)
    text = _MENTION.sub(" ", text)
    text = text.replace("’", "'").replace("“", '"').replace("”", '"')
    text = text.replace('"', " ").replace("`", " ").replace("*", " ")
    text = _SPACES.sub(" ", text).strip()
    return _TRAILING.sub("", text)


def _edges(part: str) -> str:
    """A title without the punctuation around it; a bracket stays when it closes one opened
    inside ("warehouse associate (temp-to-hire)")."""
    title = part.strip(" ,.;:?!-'\"").strip()
    while (
        title
        and title[-1] in ")]"
        and title.count("(") + title.count("[") < title.count(")") + title.count("]")
    ):
        title = title[:-1].strip(" ,.;:?!-'\"")
    while (
        title
        and title[0] in "(["
        and title.count("(") + title.count("[") > title.count(")") + title.count("]")
    ):
        title = title[1:].strip(" ,.;:?!-'\"")
    wrapped = re.fullmatch(r"[(\[]([^()\[\]]*)[)\]]", title)
    return (wrapped[1] if wrapped else title).strip()


def _titles(parts: list[str]) -> list[str]:
    out = []
    for part in parts:
        title = _edges(part)
        # "welder or maybe an electrician": a second thought is the next title
        title = re.sub(r"^(?:maybe|perhaps|possibly)\s+", "", title, flags=re.IGNORECASE)
        title = re.sub(r"^(?:an?|the|being\s+an?)\s+", "", title, flags=re.IGNORECASE)
        if title:
            out.append(title[:MAX_TITLE_CHARS])
    return out


def _split_versus(body: str) -> list[str]:
    """Split on "vs"/"or"-like words, then on commas: "nurse, teacher or plumber"."""
    parts = _VERSUS.split(body)
    if len(parts) < 2:
        return _titles(parts)
    expanded: list[str] = []
    for part in parts:
        expanded.extend(p for p in re.split(r"\s*,\s*", part) if p)
    return _titles(expanded)


def _split(body: str) -> list[str]:
    """After "compare"/"difference between", plain "and"/"with"/"to" also separate titles."""
    titles = _split_versus(body)
    return titles if len(titles) >= 2 else _titles(_LIST.split(body))


def parse(text: str, is_place: object = None) -> Intent:
    """Find the titles in a message. `is_place(name) -> bool` lets "in Texas" split off."""
    body = clean(text)
    lowered = body.lower()
    if not lowered or lowered in GREETINGS or not re.search(r"[a-z]", lowered):
        return Intent(IntentKind.NONE, greeting=bool(lowered))

    place = None
    # The longest place first ("nurse in new york"), else the last "in …" ("what's the pay
    # like for bakers in vermont": not "bakers in vermont").
    for match in (_PLACE.match(lowered), _LAST_PLACE.match(lowered)):
        if match is not None and match.re is _LAST_PLACE and _VERSUS.search(match["rest"]):
            break  # "teacher in texas vs teacher in california": a place on each side
        if match is not None and match["place"].strip(" .,") in _WHERE_I_AM:
            lowered = match["rest"]  # "near me" is the person (the chat's place), not Maine
            break
        if match and callable(is_place) and is_place(match["place"].strip(" .,")):
            place = match["place"].strip(" .,")
            lowered = match["rest"]
            break

    switch = _SWITCH.match(lowered) or _to_switch(lowered)
    if switch:
        return Intent(IntentKind.SWITCH, tuple(_titles([switch["a"], switch["b"]])), place)
    more = _MORE_THAN.match(lowered) or _COMPARATIVE.match(lowered)
    if more:
        titles = [_unwrap(t) for t in _titles([more["a"], more["b"]])]
        return Intent(IntentKind.COMPARE, tuple(titles), place)

    wrapped = False
    for wrapper in _COMPARE_WRAPPERS:
        found = wrapper.match(lowered)
        if found:
            lowered, wrapped = found["body"], True
            break
    titles = _split(lowered) if wrapped else _split_versus(lowered)
    if not wrapped and len(titles) == 1 and "," in lowered:
        titles = _titles(re.split(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+", lowered))
    if len(titles) >= 2:
        titles = [_unwrap(t) for t in titles]
        return Intent(
            IntentKind.COMPARE,
            tuple(titles[:MAX_TITLES]),
            place,
            too_many=len(titles) > MAX_TITLES,
            groups=_groups(lowered, titles),
        )
    single = _unwrap(titles[0] if titles else lowered)
    if single in GREETINGS:
        return Intent(IntentKind.NONE, greeting=True)
    if single != (titles[0] if titles else lowered):
        # "how much do electricians and plumbers make": a question around several titles.
        several = _titles(_LIST.split(single))
        if len(several) >= 2:
            return Intent(
                IntentKind.COMPARE,
                tuple(several[:MAX_TITLES]),
                place,
                too_many=len(several) > MAX_TITLES,
                groups=_groups(single, several),
            )
    return Intent(IntentKind.PROFILE, (single,), place)


def _groups(body: str, titles: list[str]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Each "vs"/"or" segment of `body` with the titles split out of it; () when no weak
    separator split anything or the parts cannot be placed (then the split stands)."""
    segments = [_unwrap(_edges(t)) for t in _STRONG.split(body)]
    if len(segments) >= len(titles):
        return ()
    groups, rest = [], list(titles)
    for segment in segments:
        parts: list[str] = []
        position = 0
        while rest and (found := segment.find(rest[0], position)) >= 0:
            position = found + len(rest[0])
            parts.append(rest.pop(0))
        if not parts:
            return ()
        groups.append((segment, tuple(parts)))
    return () if rest else tuple(groups)


def _unwrap(title: str) -> str:
    """Strip question words around a title, repeatedly: "so what do nurses make a year"."""
    previous = None
    while previous != title:
        previous = title
        title = _SUFFIXES.sub("", _PREFIXES.sub("", title)).strip()
    return title or previous


# --- one job in several places ---------------------------------------------------------------
# "teacher in Texas vs teacher in California", "nurse pay in Texas vs California",
# "electrician: Ohio vs Florida". Recognised before the usual split, which would read the
# places as titles; kept apart from it so title splitting can change on its own.
_PLACES_SPLIT = re.compile(r"\s+(?:vs\.?|versus|v\.?|or|against|compared\s+(?:to|with))\s+")
_IN_PLACE = re.compile(r"^(?P<title>.+?)\s+(?:in|for)\s+(?P<place>[a-z .,'-]{2,40})$")


def places_in(text: str) -> list[str]:
    """The parts of a follow-up that joins places ("oregon or maine?", "and in ohio vs texas"),
    its lead words ("what about", "and") left out; one part when nothing joins them."""
    body = re.sub(
        r"^(?:(?:what|how)\s+about|and|or|ok|so|but|how\s+much(?:\s+(?:do|does)\s+(?:they|it)"
        r"\s+(?:make|pay|earn))?)\s+",
        "",
        clean(text).lower(),
    )
    return _PLACES_SPLIT.split(body)


def _place_last(part: str, is_place: Callable[..., object]) -> tuple[str, str] | None:
    """ "nurse pay california" -> ("nurse pay", "california"): the title, then a place of one
    to three words."""
    words = part.split()
    for n in range(min(3, len(words) - 1), 0, -1):
        if is_place(" ".join(words[-n:])):
            return " ".join(words[:-n]), " ".join(words[-n:])
    return None


def split_places(text: str, is_place: object) -> list[tuple[str, str]] | None:
    """The (title, place) of each side when every side names a place and there are two to
    four places, not all the same; None otherwise (the message is parsed as usual).

    A side may be only a place ("… vs California"): it takes the title before it.
    """
    if not callable(is_place):
        return None
    body = clean(text).lower()
    parts = _PLACES_SPLIT.split(body)
    if len(parts) < 2:
        return None  # one side only: most messages stop here
    if not 2 <= len(parts) <= MAX_TITLES:
        return None
    sides: list[tuple[str, str]] = []
    for part in parts:
        part = part.strip(" ,.;?!")
        title, place = "", ""
        head, colon, tail = part.partition(":")
        found = _IN_PLACE.match(part)
        if colon and is_place(tail.strip(" ,.")):
            title, place = head, tail.strip(" ,.")
        elif found and is_place(found["place"].strip(" ,.")):
            title, place = found["title"], found["place"].strip(" ,.")
        elif is_place(part) and sides:
            title, place = sides[-1][0], part
        elif not sides and (placed := _place_last(part, is_place)):
            title, place = placed  # "nurse pay california vs texas": no "in" on the first side
        else:
            return None
        title = _unwrap(_titles([title])[0]) if _titles([title]) else ""
        if not title:
            return None
        sides.append((title, place))
    if len({place for _, place in sides}) < 2:
        return None
    return sides
