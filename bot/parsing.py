"""Message text -> intent: which titles a person asks about, and how.

Parsing is deliberately separate from resolution: it only finds the pieces ("A", "B", a place)
in the phrasing people use, and leaves deciding what "A" means to the title index.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

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
}

_COMMAND = re.compile(r"^/(\w+)(@\w+)?\s*", re.IGNORECASE)
_MENTION = re.compile(r"@\w+")
_SPACES = re.compile(r"\s+")
_TRAILING = re.compile(r"[\s?!.,;:]+$")

# Wrappers around a comparison: "difference between A and B", "compare A and B", ...
_COMPARE_WRAPPERS = [
    re.compile(r"^(?:what(?:'s| is| are)?\s+)?(?:the\s+)?differences?\s+between\s+(?P<body>.+)$"),
    re.compile(r"^(?:please\s+)?compare\s+(?P<body>.+)$"),
    re.compile(
        r"^(?:should|would|could|can)\s+i\s+(?:be(?:come)?|work\s+as|study|train\s+as|"
        r"go\s+for|pick|choose)\s+(?P<body>.+)$"
    ),
    re.compile(
        r"^(?:which|what)\s+(?:pays|is|earns|makes)\s+(?:more|better)\s*[,:]?\s*"
        r"(?P<body>.+)$"
    ),
    re.compile(r"^(?:which\s+is\s+better\s*[,:]?\s*)(?P<body>.+)$"),
]
# "is A paid more than B", "do As make more than Bs", "does A earn more than B"
_MORE_THAN = re.compile(
    r"^(?:is|are|do|does|would|will)\s+(?:an?\s+)?(?P<a>.+?)\s+(?:get\s+)?(?:paid|make|earn|"
    r"making|earning|get|gets)\s+(?:more|less|better)(?:\s+money)?\s+than\s+(?:an?\s+)?(?P<b>.+)$"
)
_SWITCH = re.compile(
    r"^(?:how\s+(?:do|can|could|would)\s+i\s+|i\s+want\s+to\s+|help\s+me\s+)?"
    r"(?:switch|go|move|change|transition|pivot)\s+(?:careers?\s+)?from\s+(?:an?\s+|being\s+an?\s+)?"
    r"(?P<a>.+?)\s+(?:to|into)\s+(?:an?\s+|being\s+an?\s+)?(?P<b>.+)$"
)
# Splitters between titles, strongest first.
_VERSUS = re.compile(
    r"\s+(?:vs\.?|versus|v\.?|against|compared\s+(?:to|with)|or)\s+|\s*/\s*(?=\D)"
    r"|\s+vs\.?(?=\s|$)"
)
_LIST = re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+|\s*&\s*|\s+with\s+|\s+to\s+")
# Question wrappers around one title: "what do dental hygienists make?", "tell me about X".
_PROFILE_WRAPPERS = [
    re.compile(
        r"^(?:what|how\s+much)\s+(?:do|does|did|can|could|would)\s+(?:an?\s+|the\s+)?"
        r"(?P<t>.+?)\s+(?:make|earn|get\s+paid|get|do|make\s+a\s+year|earn\s+a\s+year)"
        r"(?:\s+(?:a|per)\s+(?:year|hour|month))?$"
    ),
    re.compile(
        r"^(?:what(?:'s| is| are)|whats)\s+(?:the\s+|an?\s+)?(?:average\s+|median\s+|"
        r"typical\s+)?(?:salary|pay|wage|wages|income|job\s+outlook|outlook)\s+"
        r"(?:of|for)\s+(?:an?\s+|the\s+)?(?P<t>.+)$"
    ),
    re.compile(
        r"^(?:tell\s+me\s+about|info\s+on|information\s+on|what\s+about|how\s+about|"
        r"what\s+(?:is|does)\s+(?:an?\s+)?|who\s+(?:is|are)\s+(?:an?\s+)?|describe)\s+"
        r"(?:an?\s+|the\s+)?(?P<t>.+?)(?:\s+do)?$"
    ),
    re.compile(
        r"^(?:how\s+(?:do|can)\s+i\s+become|i\s+want\s+to\s+(?:be|become)|should\s+i\s+"
        r"(?:be|become))\s+(?:an?\s+)?(?P<t>.+)$"
    ),
    re.compile(
        r"^(?P<t>.+?)\s+(?:salary|salaries|pay|wages?|income|job\s+outlook|outlook|"
        r"career|jobs?)$"
    ),
]
_PLACE = re.compile(r"^(?P<rest>.+?)\s+(?:in|near|around|for)\s+(?P<place>[a-z .,'-]{2,40})$")


@dataclass(frozen=True)
class Intent:
    kind: str  # compare | profile | switch | none
    titles: tuple[str, ...] = ()
    place: str | None = None
    greeting: bool = False
    too_many: bool = False


def clean(text: str) -> str:
    """One line, no command or @mentions, no trailing punctuation; capped in length."""
    text = text[:MAX_MESSAGE_CHARS]
    text = _COMMAND.sub("", text.strip())
    text = _MENTION.sub(" ", text)
    text = text.replace("’", "'").replace("“", '"').replace("”", '"')
    text = text.replace('"', " ").replace("`", " ").replace("*", " ")
    text = _SPACES.sub(" ", text).strip()
    return _TRAILING.sub("", text)


def _titles(parts: list[str]) -> list[str]:
    out = []
    for part in parts:
        title = part.strip(" ,.;:?!-'\"()").strip()
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
        return Intent("none", greeting=bool(lowered))

    place = None
    match = _PLACE.match(lowered)
    if match and callable(is_place) and is_place(match["place"].strip(" .,")):
        place = match["place"].strip(" .,")
        lowered = match["rest"]

    switch = _SWITCH.match(lowered)
    if switch:
        return Intent("switch", tuple(_titles([switch["a"], switch["b"]])), place)
    more = _MORE_THAN.match(lowered)
    if more:
        return Intent("compare", tuple(_titles([more["a"], more["b"]])), place)

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
            "compare", tuple(titles[:MAX_TITLES]), place, too_many=len(titles) > MAX_TITLES
        )
    single = _unwrap(titles[0] if titles else lowered)
    if single in GREETINGS:
        return Intent("none", greeting=True)
    return Intent("profile", (single,), place)


def _unwrap(title: str) -> str:
    for wrapper in _PROFILE_WRAPPERS:
        found = wrapper.match(title)
        if found:
            return _titles([found["t"]])[0] if _titles([found["t"]]) else title
    return title
