"""Reading a message as a follow-up to the last answer: "what about in Ohio?", "and electricians?",
"which pays more?", "drop the second", "skills?", "how do I become one?".

Only the shape of the message is read here, with two questions answered from outside: is this
text a place (`find_place`), and is it a job title (`is_title`). What to do with the result is
`bot.conversation.dialogue`'s job. A message that is not a follow-up gives None, and is then
read as a new question.

Longer than most modules: it is the table of follow-up kinds with one recognizer each, and the
recognizers share the patterns for ordinals, places and "which …" questions; split by kind, the
shared patterns would be scattered or imported back and forth.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from enum import StrEnum

from bot.places import Place
from bot.replies import View


class Move(StrEnum):
    PLACE = "place"  # the same answer somewhere else
    ADD = "add"  # another occupation next to these
    REPLACE = "replace"  # another occupation instead of one of these
    REMOVE = "remove"  # one fewer
    ONLY = "only"  # just one of these (or of a list shown)
    ASK = "ask"  # a question about these, answered from the figures
    DETAIL = "detail"  # a detail view of these
    CHART = "chart"
    HOWTO = "howto"  # how to become it
    SWITCH = "switch"  # how to switch to one of these from the person's own job
    SUMMARY = "summary"  # "how much do they make (in Ohio)?": the summary again, maybe elsewhere


# Follow-ups that may name the one job they are about ("how do i become a nurse").
_OF_A_JOB = frozenset({Move.DETAIL, Move.HOWTO, Move.SWITCH})


class Measure(StrEnum):
    PAY = "pay"
    JOBS = "jobs"
    GROWTH = "growth"
    OPENINGS = "openings"  # projected openings a year (EP, national)
    EDUCATION = "education"  # less school favoured (`reverse`: more)
    BETTER = "better"  # no verdict: a factual trade-off


@dataclass(frozen=True)
class FollowUp:
    move: Move
    place: Place | None = None  # PLACE (None with `national`), or a place for ASK
    national: bool = False
    whole_state: bool = False  # "the whole state": the state of the metro shown
    titles: tuple[str, ...] = ()  # ADD / REPLACE (new first, then the one replaced) / ONLY
    index: int | None = None  # REMOVE / ONLY / SWITCH (to): 0-based, -1 the last
    origin: int | None = None  # SWITCH: from which of these (0-based)
    measure: Measure | None = None
    reverse: bool = False  # ASK the other way: "which needs MORE school", "which pays LESS"
    view: View | None = None
    both: bool = False  # CHART: "for both" / "for them" (the two last talked about)
    versus: bool = False  # ADD: "vs X", "compare with X" — a comparison, whatever came before
    # ADD: "what about X" — after an answer about one job, the same about X instead
    instead_of_one: bool = False


ORDINALS = {
    "first": 0,
    "1st": 0,
    "one": 0,
    "second": 1,
    "2nd": 1,
    "two": 1,
    "third": 2,
    "3rd": 2,
    "three": 2,
    "fourth": 3,
    "4th": 3,
    "four": 3,
    "fifth": 4,
    "5th": 4,
    "last": -1,
    "other": -2,  # "the other one": the one not shown last (resolved by the dialogue)
}
_ORDINAL = (
    r"(?:#?(?P<number>\d)|(?P<word>first|1st|second|2nd|third|3rd|fourth|4th|fifth|5th|last|other))"
)
_LEAD = re.compile(
    r"^(?:(?:what|wat|wht|how)\s+about\s+|what\s+if\s+|"
    r"(?:ok(?:ay)?|so|and|n|&|but|also|hmm+|um+|then|well)\s+)*"
)
_NATIONAL = re.compile(
    r"^(?:(?:in|for|across)\s+)?(?:the\s+)?(?:whole\s+)?"
    r"(?:nation(?:al(?:ly)?)?|nationwide|country(?:wide)?|u\.?s\.?a?\.?|united\s+states|america"
    r"|states)"
    r"(?:\s+(?:wide|level|average|figures))?$"
)
_WHOLE_STATE = re.compile(
    r"^(?:(?:in|for|across)\s+)?(?:the\s+)?(?:whole|entire)\s+state(?:\s+of\s+(?P<state>.+))?$|"
    r"^statewide$|^(?:(?:in|for)\s+)?(?:that|the|this)\s+state(?:\s+overall)?$"
)
_PLACE_WORDS = re.compile(
    r"^(?:(?:in|for|near|around|at)\s+)?(?P<place>.+?)"
    r"(?:\s+(?:then|instead|too|now|overall|as\s+a\s+whole|in\s+general))?$"
)
_THERE = re.compile(r"\s+(?:there|then|now)$")

_SMALL = {
    "pay": r"pays?|paid|earns?|makes?|money|salary|salaries|wages?|income|higher\s+pay|"
    r"better\s+paid",
    "openings": r"(?:job\s+)?openings?|hiring|hires",
    "jobs": r"more\s+jobs|most\s+jobs|jobs|more\s+(?:positions|people|workers)|employs",
    "growth": r"grow(?:s|ing|th)?|growing\s+faster|faster\s+growing|future|demand|outlook",
    "education": r"school(?:ing)?|education|degree|stud(?:y|ying)|college|training|train|years|"
    r"(?:easier|harder|quicker|faster|shorter|longer|slower)\s+to\s+(?:get\s+into|become|start|"
    r"break\s+into|qualify|train|get\s+(?:certified|licensed|qualified))|harder|easier|hardest"
    r"|easiest",
    "better": r"better|best|should\s+i\s+(?:pick|choose|go\s+for)|would\s+you\s+pick|pick|choose",
}
_WHICH = re.compile(
    r"^(?:so\s+|and\s+|ok\s+|but\s+)*(?:which|who|what)\s*(?:one|job|of\s+(?:them|these|the\s+two))?"
    r"\s*(?:'s|is|are|do|does|would|will|has|have|needs?|requires?|takes?|pays?|earns?|makes?|"
    r"gets?|grows?|growing|offers?)?\b"
)
# "what" of the set, never of jobs at large ("what are the highest paying jobs" is a ranking).
_WHAT = re.compile(
    r"^(?:(?:so|and|ok)\s+)?(?:what(?:'s|s|\s+is)?\s+(?:the\s+)?(?:better|best)"
    r"(?:\s+(?:one|option|choice|pick|of\s+the\s+two))?$|what\s+(?:one\s+|job\s+)?"
    r"(?:pays|earns|makes|has|needs|requires|takes|grows|is\s+growing)\b)"
)
_ASK_TAIL = re.compile(
    r"\b(?:in|for)\s+(?!(?:me|us|you|him|her|them|my\s+family|someone\s+like\s+me)$)"
    r"(?P<place>[a-z .,'-]{2,40})$"
)


# Words that are never a job title on their own: a text of only these is a fragment.
FUNCTION_WORDS = {
    "a",
    "an",
    "the",
    "and",
    "or",
    "but",
    "so",
    "vs",
    "versus",
    "v",
    "what",
    "about",
    "how",
    "which",
    "who",
    "one",
    "ones",
    "it",
    "that",
    "this",
    "them",
    "they",
    "those",
    "these",
    "first",
    "second",
    "third",
    "last",
    "other",
    "another",
    "more",
    "less",
    "same",
    "then",
    "there",
    "here",
    "too",
    "also",
    "again",
    "instead",
    "just",
    "only",
    "in",
    "for",
    "to",
    "of",
    "with",
    "on",
    "at",
    "me",
    "i",
    "you",
    "my",
    "is",
    "are",
    "do",
    "does",
    "idk",
    "hmm",
    "huh",
    "wait",
    "ok",
    "okay",
    "yes",
    "no",
    "compare",
    "show",
    "tell",
    "please",
}


def is_function_words(text: str) -> bool:
    """Whether `text` holds no word that could name a job ("the second one", "what about")."""
    words = re.findall(r"[a-z0-9]+", text.casefold())
    return not words or all(w in FUNCTION_WORDS for w in words)


def _norm(text: str) -> str:
    text = text.casefold().replace("’", "'")
    text = re.sub(r"[?!.,;:]+", " ", text)
    return " ".join(text.split())


def _ordinal(match: re.Match[str]) -> int:
    if match["number"]:
        return int(match["number"]) - 1
    return ORDINALS[match["word"]]


def recognize(
    text: str,
    find_place: Callable[[str], Place | None],
    is_title: Callable[[str], bool],
) -> FollowUp | None:
    """The follow-up `text` asks for, or None when it is not one (a new question)."""
    said = _norm(text)
    if not said:
        return None
    about = _ABOUT_THEN_ASKED.match(" ".join(text.casefold().replace("’", "'").split()))
    if about is not None and is_title(about["title"]):
        # "what about school counselor, how would i become one": the question, of that job
        asked = recognize(about["asked"], find_place, is_title)
        if asked is not None and asked.move in _OF_A_JOB and not asked.titles:
            return replace(asked, titles=(about["title"],), index=None)
    for reader in (_ask, _detail, _howto, _switch, _pick, _summary):
        found = reader(said, find_place, is_title)
        if found is not None:
            return found
    # A place before a title: "what about washington" is the state, not a job.
    return _place(_LEAD.sub("", said), find_place) or _change(said, find_place, is_title)


_ABOUT_THEN_ASKED = re.compile(
    r"^(?:and\s+)?(?:what|how)\s+about\s+(?:an?\s+|the\s+)?(?P<title>[^,]+?)\s*[,;]\s*(?P<asked>.+)$"
)


_IN_SOMEWHERE = re.compile(r"^(?:in|near|around)\s+(?P<place>[a-z][a-z .,'-]{1,40})$")


def without_lead(text: str) -> str:
    """The words after "what about", "and", "ok so" …: "what about the midwest" -> "the
    midwest"."""
    return _LEAD.sub("", _norm(text)).strip()


def place_asked(text: str) -> str | None:
    """The place a message asks about in a follow-up's words ("what about in the south?"),
    whether or not it is one the figures have; None when it names none this way."""
    found = _IN_SOMEWHERE.match(without_lead(text))
    return found["place"].strip(" .,") if found else None


# Another place in more words: "same for north dakota", "what if i moved to austin".
_MOVED_TO = re.compile(
    r"^(?:(?:the\s+)?same(?:\s+(?:thing|question|one|list))?(?:\s+but)?\s+(?:for|in)\s+"
    r"|(?:about\s+)?(?:if\s+)?(?:i|we|he|she|they)\s+(?:moved?|moving|relocated?|went|go|lived?|was|were)"
    r"\s+(?:(?:out|over|down|up|back)\s+)?(?:to|in)\s+"
    r"|(?:i'?m|im|i\s+am|we'?re)\s+(?:moving|relocating)\s+(?:(?:out|over|down|up|back)\s+)?to\s+)"
)


def _place(rest: str, find_place: Callable[[str], Place | None]) -> FollowUp | None:
    rest = _MOVED_TO.sub("", rest.strip())
    if not rest:
        return None
    if _NATIONAL.match(rest):
        return FollowUp(Move.PLACE, national=True)
    whole = _WHOLE_STATE.match(rest)
    if whole:
        named = find_place(whole["state"]) if whole["state"] else None
        return (
            FollowUp(Move.PLACE, place=named) if named else FollowUp(Move.PLACE, whole_state=True)
        )
    match = _PLACE_WORDS.match(rest)
    if match is None:
        return None
    name = match["place"]
    place = find_place(name) or find_place(_with_state_comma(name))
    return FollowUp(Move.PLACE, place=place) if place is not None else None


def _with_state_comma(name: str) -> str:
    """ "austin tx" -> "austin, tx": people leave the comma out."""
    words = name.split()
    return f"{' '.join(words[:-1])}, {words[-1]}" if len(words) >= 2 else name


def _ask(
    said: str, find_place: Callable[[str], Place | None], is_title: Callable[[str], bool]
) -> FollowUp | None:
    """ "which pays more?", "in arizona which pays more", "who earns more there"."""
    place: Place | None = None
    national = False
    lead = re.match(
        r"^(?:(?:and|so|ok)\s+)?(?:in|for)\s+(?P<place>[a-z .'-]{2,30}?)\s+(?=which|who)", said
    )
    body = said
    if lead:
        place = find_place(lead["place"])
        if place is None and not _NATIONAL.match(lead["place"]):
            return None
        national = place is None
        body = said[lead.end() :]
    more = _HOW_MUCH_MORE.match(body)  # "how much more do they make": which pays more
    if more:
        body = "which pays " + ("less" if more["less"] else "more")
    which = _WHICH.match(body) and re.match(r"^(?:(?:so|and|ok|but)\s+)*(?:which|who)\b", body)
    # "what's better", "what pays more": "what" asks about the set only when it compares ("what
    # do they make" is the summary again).
    what = _WHAT.match(body) and (_MORE.search(body) or _LESS.search(body))
    if not which and not what:
        return None
    tail = _ASK_TAIL.search(body)
    if tail and place is None and not national:
        place = find_place(tail["place"])
        national = place is None and bool(_NATIONAL.match(tail["place"]))
        if place is not None or national:
            body = body[: tail.start()]
    body = _THERE.sub("", body)
    measures = [m for m, pattern in _SMALL.items() if re.search(rf"\b(?:{pattern})\b", body)]
    if "better" in measures and len(measures) > 1:
        measures.remove("better")  # "pays better", "better growth", "better job prospects"
    if "jobs" in measures and len(measures) > 1:
        measures = [m for m in measures if m != "growth"] if "more jobs" in body else measures
    if not measures and _WHICH_IS_MORE.match(body):
        measures = ["better"]  # "which is more dangerous": no figure says; them side by side
    if not measures:
        return None
    measure = Measure(measures[0] if len(measures) == 1 else _first_named(body, measures))
    if measure == Measure.EDUCATION:
        reverse = bool(_MORE_SCHOOL.search(body))
    else:  # "pays less"; not "pays more but needs less school"
        reverse = bool(_LESS.search(body)) and not _MORE.search(body)
    return FollowUp(Move.ASK, place=place, national=national, measure=measure, reverse=reverse)


_HOW_MUCH_MORE = re.compile(
    r"^(?:(?:so|and|ok|but)\s+)?how\s+much\s+(?:more|(?P<less>less))(?:\s+money)?\s+(?:do|does|would|will|can)"
    r"\s+(?:they|it|that|one|i|you|he|she)\s+(?:make|earn|get(?:\s+paid)?|pay)$"
)
_WHICH_IS_MORE = re.compile(
    r"^(?:(?:so|and|ok|but)\s+)*(?:which|who)\s+(?:one\s+)?(?:is|'s|are|would\s+be|has)\s+(?:the\s+)?"
    r"(?:more|less|most|least|safer|riskier|harder|easier|nicer|happier|calmer|better|worse)\b"
    # "which one would you pick": no figure says; them side by side, as "which is better"
    r"|^(?:(?:so|and|ok|but)\s+)*which\s+(?:one\s+)?(?:would|should|do)\s+(?:you|u|i)\s+"
    r"(?:pick|choose|go\s+with|recommend|do|take)\b"
)
# The other way from a measure's usual question: more school; less pay, fewer jobs, slower growth.
_MORE_SCHOOL = re.compile(r"\b(?:more|longer|most|harder|slower)\b")
_MORE = re.compile(r"\b(?:more|most|higher|highest|better|best|faster|fastest)\b")
_LESS = re.compile(
    r"\b(?:less|least|lower|lowest|fewer|fewest|slower|slowest|worse|worst|shrink\w*)\b"
)


def _first_named(body: str, measures: list[str]) -> str:
    positions = {m: re.search(rf"\b(?:{_SMALL[m]})\b", body) for m in measures}
    return min(measures, key=lambda m: positions[m].start() if positions[m] else 99)  # type: ignore[union-attr]


_DETAILS = (
    (
        View.SKILLS,
        r"(?:what\s+)?(?:kind\s+of\s+)?skills?(?:\s+(?:(?:do|would|will|does|did)\s+(?:i|they|you|one"
        r"|it|that)\s+(?:need|take|require)|(?:are|is)\s+(?:needed|required|important)|needed"
        r"|required))?|what\s+(?:kind\s+of\s+)?(?:software|tools|programs|technology|apps)\s+"
        r"(?:do|does)\s+(?:they|it|you|one|he|she)\s+use",
    ),
    (
        View.DUTIES,
        r"tell\s+me\s+more(?:\s+about\s+(?:it|that|them|this|the\s+job))?|more\s+(?:info|details)|"
        r"what(?:'s|\s+is)\s+it\s+(?:really\s+)?like|"
        r"what\s+do(?:es)?\s+(?:they|it|that|one|he|she|you)\s+(?:do|actually\s+do)"
        r"(?:\s+all\s+day|\s+day\s+to\s+day|\s+exactly)?|duties|tasks|day\s+to\s+day|"
        r"what(?:'s|\s+is)\s+the\s+(?:job|work)\s+like|what\s+does\s+the\s+job\s+involve",
    ),
    (
        View.EDUCATION,
        r"education|what\s+(?:kind\s+of\s+|sort\s+of\s+|type\s+of\s+)?(?:education|degree|"
        r"schooling|training)(?:\s+(?:do|does|would|will)\s+(?:i|they|you|one|it|he|she)\s+"
        r"(?:need|require|take)|\s+(?:is|are)\s+(?:needed|required))?",
    ),
    (
        View.SALARY,
        r"hourly|per\s+hour|an\s+hour|hourly\s+(?:pay|rate|wage)|salary(?:\s+by\s+state)?|"
        r"(?:(?:the|their)\s+)?(?:starting|entry[- ]level|beginning|top|average|median|typical)?\s*"
        r"(?:pay|salary|salaries|wages?)|(?:the\s+)?(?:top|bottom)\s+(?:\d{1,2}\s*(?:%|percent)|earners)|"
        r"what\s+do\s+(?:the\s+)?(?:top|bottom)\s+(?:ones|earners|people|"
        r"\d{1,2}\s*(?:%|percent))\s+(?:make|earn|get)|"
        r"pay\s+(?:by\s+state|range|details)|salary\s+details|what\s+about\s+(?:the\s+)?pay|"
        r"percentiles|pay\s+in\s+other\s+states|best\s+paying\s+states",
    ),
    (
        View.OUTLOOK,
        r"(?:(?:what|how)(?:'s|\s+is)\s+the\s+)?(?:job\s+|employment\s+)?(?:outlook|growth|market)"
        r"(?:\s+like)?|(?:the\s+)?future|"
        r"(?:are\s+they|is\s+it)\s+(?:in\s+demand|growing)",
    ),
    (
        View.DEMOGRAPHICS,
        r"who\s+(?:works|does\s+(?:it|this|that))(?:\s+(?:job|work))?(?:\s+in\s+it)?"
        r"(?:\s+like\s+(?:age|gender|sex|race)\b.*)?|demographics|"
        r"(?:the\s+)?(?:age|gender|sex|race)(?:\s+(?:and|or)\s+(?:age|gender|sex|race))*"
        r"(?:\s+(?:breakdown|split|mix))?|(?:is\s+it\s+)?(?:male|female|men|women)\s+dominated|"
        r"how\s+many\s+women|what(?:'s|\s+is)\s+the\s+(?:median\s+)?age|"
        r"how\s+many\s+(?:of\s+them\s+)?are\s+(?:women|men|female|male|black|hispanic|asian|white)|"
        r"(?:what\s+)?(?:percent(?:age)?|share|portion|proportion)\s+(?:of\s+them\s+)?(?:are\s+)?"
        r"(?:women|men|female|male)|how\s+old\s+are\s+(?:they|most)|"
        r"(?:is\s+it|are\s+they)\s+(?:mostly|mainly|mostly\s+all|all|usually|more)\s+"
        r"(?:women|men|guys|girls|female|male)(?:\s+(?:who|that)\s+do\s+(?:it|this|that|the\s+job))?",
    ),
    (
        View.SIMILAR,
        r"(?:show\s+me\s+)?more\s+like\s+(?:this|these|that)|similar(?:\s+jobs)?|"
        r"what\s+else\s+is\s+similar|related\s+jobs|other\s+options|alternatives|"
        r"(?:what\s+|any\s+|other\s+)*(?:jobs|careers)\s+(?:are\s+)?(?:like|similar\s+to)"
        r"\s+(?:it|that|this|them|those|these|that\s+one|mine|my\s+(?:job|work|field|current\s+job)"
        r"|what\s+i\s+do)|"
        r"(?:what|which|any)\s+(?:other\s+)?(?:jobs|careers)\s+(?:are|is)\s+(?:similar|related)",
    ),
)
_CHART = re.compile(
    r"^(?:(?:can|could|would|may)\s+(?:you|i|we)\s+(?:please\s+)?)?"
    r"(?:(?:show|send|give|see|get|have|make|draw)\s+(?:me\s+|us\s+)?)?"
    r"(?:(?:that|this|it|them|those|these)\s+(?:as|in)\s+)?(?:the\s+|a\s+)?"
    r"(?:pay\s+|salary\s+)?(?:chart|graph|plot)"
    r"(?:\s+(?:for|of)\s+(?:both|them|all|these|those|it|that|this|the\s+two))?(?:\s+please)?$"
    # the verb: "chart it", "graph them", "can you plot that"
    r"|^(?:(?:can|could|would)\s+(?:you|u)\s+)?(?:chart|graph|plot)\s+(?:it|them|that|this|these"
    r"|those|both|the\s+two|their\s+pay)(?:\s+(?:pls|please|for\s+me))?$"
)


_WHAT_DOES = re.compile(
    r"^(?:so\s+|and\s+|ok\s+)?what(?:'s|\s+does|\s+do|\s+is)\s+(?:an?\s+|the\s+)?(?P<title>.+?)"
    r"\s+(?:(?:actually|really|even)\s+)?(?:do|does)(?:\s+all\s+day|\s+exactly|\s+on\s+the\s+job"
    r"|\s+day\s+to\s+day|\s+every\s+day|\s+on\s+a\s+(?:daily|typical)\s+(?:basis|day)|\s+daily"
    r"|\s+at\s+work|\s+at\s+(?:an?\s+|the\s+)?[a-z][a-z ]{1,30})?$"
)
# "what's a normal day like for an archivist", "what is it like being a nurse": the duties.
_DAY_LIKE = re.compile(
    r"^(?:so\s+|and\s+|ok\s+)?what(?:'s|\s+is)\s+(?:(?:a|the)\s+(?:normal|typical|average|usual)\s+"
    r"(?:day|work\s+day|workday|shift)(?:\s+like)?\s+for|it\s+like\s+(?:being|to\s+be|working\s+as))"
    r"\s+(?:an?\s+|the\s+)?(?P<title>.+?)$"
)


# "what skills do i need to be a data analyst", "what skills does a data analyst need",
# "skills needed for a welder".
_SKILLS_FOR = (
    re.compile(
        r"^(?:so\s+|and\s+|ok\s+)?what\s+(?:kind\s+of\s+)?skills\s+(?:do|does|would)\s+"
        r"(?:i|you|u|one|someone)\s+need\s+(?:to\s+(?:be|become)|for|as)\s+(?:an?\s+|the\s+)?"
        r"(?P<title>.+?)$"
    ),
    re.compile(
        r"^(?:so\s+|and\s+|ok\s+)?what\s+(?:kind\s+of\s+)?skills\s+(?:do|does|would|should)\s+"
        r"(?:an?\s+|the\s+)?(?P<title>.+?)\s+(?:need|use|require|have|need\s+to\s+have)$"
    ),
    re.compile(  # "what software do accountants use": the skills view lists their technology
        r"^(?:so\s+|and\s+|ok\s+)?what\s+(?:kind\s+of\s+|sort\s+of\s+)?(?:software|tools|programs"
        r"|technology|technologies|apps|computer\s+programs)\s+(?:do|does)\s+(?:an?\s+|the\s+)?"
        r"(?P<title>.+?)\s+use(?:\s+(?:at\s+work|on\s+the\s+job|every\s+day|daily))?$"
    ),
    re.compile(
        r"^(?:so\s+|and\s+|ok\s+)?(?:what\s+are\s+(?:the\s+)?)?(?:main\s+|key\s+|top\s+)?skills"
        r"\s+(?:(?:needed|required|you\s+need)\s+)?(?:for|to\s+(?:be|become))\s+(?:an?\s+|the\s+)?"
        r"(?P<title>.+?)$"
    ),
)


# "how's the job growth for welders", "job market for librarians", "outlook for actuaries": its
# Outlook view ("what's the job outlook for X?" asks whether X is a good bet: the advisor's).
_OUTLOOK_FOR = (
    re.compile(
        r"^(?:so\s+|and\s+|ok\s+)?(?:what(?:'s|\s+is)|how(?:'s|\s+is)|what\s+about)\s+the\s+"
        r"(?:job\s+|career\s+|employment\s+|long[- ]term\s+)?(?:growth|projections?|market)"
        r"\s+(?:for|of|like\s+for)\s+(?:an?\s+|the\s+)?(?P<title>.+?)$"
    ),
    re.compile(
        r"^(?:so\s+|and\s+|ok\s+)?(?:the\s+)?(?:job\s+|employment\s+)?(?:outlook|growth|market)\s+"
        r"(?:for|of)\s+(?:an?\s+|the\s+)?(?P<title>.+?)$"
    ),
)
_WOMEN = r"(?:women|woman|men|female|male|girls|guys|ladies)"
# "are most dental hygienists women", "are there many women electricians": its Demographics.
_WHO_ARE = (
    re.compile(
        rf"^(?:so\s+|and\s+|ok\s+)?are\s+(?:most|many|a\s+lot\s+of|lots\s+of|all|more)\s+"
        rf"(?:of\s+)?(?:the\s+)?(?P<title>.+?)\s+{_WOMEN}$"
    ),
    re.compile(
        rf"^(?:so\s+|and\s+|ok\s+)?(?:are\s+there|there\s+are|do\s+you\s+see)\s+(?:many|a\s+lot"
        rf"\s+of|lots\s+of|any|more|few)\s+{_WOMEN}\s+(?P<title>.+?)$"
    ),
    re.compile(
        rf"^(?:so\s+|and\s+|ok\s+)?(?:how\s+many|what\s+(?:percent(?:age)?|share|portion|fraction))"
        rf"\s+of\s+(?:the\s+)?(?P<title>.+?)\s+are\s+{_WOMEN}$"
    ),
    re.compile(rf"^(?:so\s+|and\s+|ok\s+)?how\s+many\s+(?P<title>.+?)\s+are\s+{_WOMEN}$"),
    re.compile(
        rf"^(?:so\s+|and\s+|ok\s+)?(?:is|are)\s+(?:being\s+)?(?:an?\s+)?(?P<title>.+?)\s+(?:mostly|mainly"
        rf"|usually|a)\s+(?:{_WOMEN}|{_WOMEN}[- ]dominated(?:\s+(?:job|field|career))?)$"
    ),
    re.compile(
        r"^(?:so\s+|and\s+|ok\s+)?(?:the\s+)?(?P<title>.+?)\s+(?:demographics|gender\s+(?:split|"
        r"breakdown|ratio|mix)|age\s+(?:split|breakdown|range))$"
    ),
    re.compile(
        r"^(?:so\s+|and\s+|ok\s+)?(?:what(?:'s|\s+is)\s+the\s+)?(?:gender|age)\s+(?:split|breakdown"
        r"|ratio|mix)\s+(?:for|of|among|in)\s+(?:the\s+)?(?P<title>.+?)$"
    ),
    re.compile(r"^(?:so\s+|and\s+|ok\s+)?how\s+old\s+are\s+(?:most\s+)?(?P<title>.+?)$"),
)
# "what jobs are kinda like being a zookeeper", "careers similar to nursing": its Similar view.
_SIMILAR_TO = re.compile(
    r"^(?:so\s+|and\s+|ok\s+)?(?:what|which|any|other|some|show\s+me|give\s+me)?\s*(?:other\s+)?"
    r"(?:jobs|careers|occupations|work|fields|options)\s+(?:are\s+|is\s+|that\s+are\s+)?"
    r"(?:(?:kinda|kind\s+of|sort\s+of|pretty|really|a\s+lot|a\s+bit|more)\s+)*"
    r"(?:like|similar\s+to|related\s+to|close\s+to)\s+(?:being\s+)?(?:an?\s+|the\s+)?(?P<title>.+?)$"
)


def _view_after(words: str) -> re.Pattern[str]:
    """A job, then the view's name: "software developer skills", "welder outlook"."""
    return re.compile(rf"^(?:so\s+|and\s+|ok\s+)?(?:the\s+)?(?P<title>.+?)\s+(?:{words})$")


# A detail view asked about a job it names ("what does a roofer do"), one entry per view.
_TITLED: tuple[tuple[View, tuple[re.Pattern[str], ...]], ...] = (
    (View.DUTIES, (_WHAT_DOES, _DAY_LIKE, _view_after(r"duties|tasks|responsibilities"))),
    (View.SKILLS, (*_SKILLS_FOR, _view_after(r"skills?|skill\s*set|software|tools"))),
    (View.EDUCATION, (_view_after(r"education(?:\s+requirements)?|schooling|requirements"),)),
    (View.OUTLOOK, (*_OUTLOOK_FOR, _view_after(r"(?:job\s+)?(?:outlook|growth)|projections"))),
    (View.DEMOGRAPHICS, _WHO_ARE),
    (View.SIMILAR, (_SIMILAR_TO,)),  # (with a place or a measure: the advisor's ranking)
)


def _detail(
    said: str, find_place: Callable[[str], Place | None], is_title: Callable[[str], bool]
) -> FollowUp | None:
    for view, patterns in _TITLED:
        asked = next((m for m in (p.match(said) for p in patterns) if m), None)
        if asked and (_PRONOUN.match(asked["title"]) or asked["title"] in ("i", "we")):
            return FollowUp(Move.DETAIL, view=view)  # "what skills would i need (for that)"
        if asked and is_title(asked["title"]):
            return FollowUp(Move.DETAIL, view=view, titles=(asked["title"],))
    body = re.sub(r"^(?:(?:and|so|ok|what\s+about|how\s+about)\s+)+", "", said)
    body = re.sub(r"\s+(?:please|pls|plz)$", "", body)
    if _CHART.match(body):
        both = bool(re.search(r"\b(?:both|them|these|those|all|the\s+two)\b", body))
        return FollowUp(Move.CHART, both=both)
    place: Place | None = None
    national = False
    where = _DETAIL_PLACE.search(body)  # "salary in iowa?": that view, there
    if where:
        place = find_place(where["place"])
        national = place is None and bool(_NATIONAL.match(where["place"]))
        if place is not None or national:
            body = body[: where.start()]
    for view, pattern in _DETAILS:
        if re.fullmatch(rf"(?:show\s+(?:me\s+)?|and\s+)?(?:the\s+)?(?:{pattern})", body):
            return FollowUp(Move.DETAIL, view=view, place=place, national=national)
    return None


_DETAIL_PLACE = re.compile(r"\s+(?:in|for|around)\s+(?P<place>[a-z .,'-]{2,40})$")


_HOWTO = re.compile(
    r"^(?:so\s+|and\s+|ok\s+)?(?:"
    r"how\s+(?:do|can|would|could|should|did)\s+(?:i|you|one|someone|people|he|she|they|we)\s+"
    r"(?:become|get\s+(?:into|there|started)(?:\s+(?:as|in))?|start|be|train\s+(?:to\s+be|as)|"
    r"get\s+(?:certifi?e?d|certfied|licen[sc]ed|trained|qualified|(?:my|a|the)\s+licen[sc]e)"
    r"(?:\s+(?:as|in|for))?|"
    r"(?:move|step|work\s+my\s+way)\s+up\s+to|get\s+promoted\s+to)|"
    r"(?:could|can)\s+(?:i|he|she|they)\s+(?:ever\s+|still\s+|actually\s+|realistically\s+"
    r"|really\s+)?(?:become|be|make\s+the\s+(?:jump|switch|move)\s+to(?:\s+being)?)|"
    r"how\s+to\s+(?:become|be|get\s+(?:into|started\s+as|there))|how\s+(?:become|get\s+there)|"
    r"how\s+long\s+(?:does\s+(?:it|that)\s+take|will\s+(?:it|that)\s+take|is\s+(?:the\s+)?"
    r"training|would\s+(?:it|that)\s+take)(?:\s+to\s+(?:become|be|get\s+there))?|"
    r"is\s+it\s+(?:hard|difficult|easy|tough)\s+to\s+(?:get\s+into|get\s+in|break\s+into|become|be)|"
    r"how\s+(?:hard|difficult|easy|tough)\s+(?:would\s+it\s+be|is\s+it|will\s+it\s+be)\s+"
    r"(?:for\s+me\s+)?to\s+(?:get\s+into|break\s+into|become|be)|"
    r"how\s+long\s+to\s+(?:become|be)|how\s+many\s+years(?:\s+(?:does\s+it|would\s+it|will\s+it|"
    r"do\s+i\s+need\s+to)\s+(?:take|study))?(?:\s+to\s+(?:become|be))?|"
    r"what\s+(?:should|do|would|must)\s+i\s+(?:have\s+to\s+)?do\s+to\s+(?:become|be|get\s+into)|"
    r"what\s+(?:do|would)\s+i\s+need(?:\s+to\s+(?:do|study|get|learn))?(?:\s+first)?"
    r"(?:\s+to\s+(?:become|be))?|what\s+does\s+it\s+take(?:\s+to\s+(?:become|be))?|"
    r"(?:what\s+are\s+the\s+)?(?:steps|requirements|path)(?:\s+to\s+(?:become|be))?|"
    r"how\s+much\s+(?:school(?:ing)?|college|training|education)(?:\s+(?:does\s+it|do\s+i|"
    r"would\s+i|do\s+you|does\s+one)\s+(?:take|need)|\s+is\s+(?:needed|required))?"
    r"(?:\s+to\s+(?:become|be)|\s+for|\s+as)?|"
    r"how\s+long\s+(?:is|does|do|will|would)\s+(?:the\s+|an?\s+)?(?:school(?:ing)?|training|"
    r"apprenticeship|program|college|course|degree|certification)(?:\s+take)?|"
    r"what\s+(?:kind\s+of\s+|type\s+of\s+)?(?:degree|education|schooling|training|certification"
    r"|license|licence)\s+(?:do|would|will|does)\s+(?:i|you|they|one|he|she)\s+need"
    r"(?:\s+for\s+(?:it|that|this))?|"
    r"(?:do|would|will)\s+(?:i|you|they|one)\s+(?:need|have\s+to\s+have)\s+(?:an?\s+|any\s+)?"
    r"(?:degree|college|phd|doctorate|masters?|master's|bachelors?|bachelor's|license|licence|"
    r"certification|certificate|cert|diploma|experience)(?:\s+(?:for\s+(?:it|that|this)|first))?"
    r")(?:\s+(?P<title>.+?))?$"
)
# "law school", "paramedic school": how long it takes to become one.
_SCHOOL_FOR = re.compile(
    r"^(?:so\s+|and\s+|ok\s+)?how\s+long\s+(?:is|does|do|will|would)\s+(?:an?\s+|the\s+)?"
    r"(?P<title>.+?)\s+(?:school|apprenticeship|program|training|courses?|certification|degree)"
    r"(?:\s+take)?$"
)
_PRONOUN = re.compile(
    r"^(?:one|it|that|this|them|those|these|they|he|she|you|one\s+of\s+(?:them|those)|there)$"
)


_NEEDS = re.compile(
    r"^(?:so\s+|and\s+|ok\s+)?(?:(?:do|does)\s+|what\s+(?:kind\s+of\s+|type\s+of\s+|sort\s+of\s+)?"
    r"(?:degree|education|schooling|training|license|licence|certification)s?\s+(?:do|does)\s+)"
    r"(?:an?\s+|the\s+)?(?P<title>.+?)\s+(?:need|have\s+to\s+have|require)"
    r"(?:\s+(?:an?\s+|any\s+)?(?:degree|college|apprenticeship|license|licence|certification"
    r"|certificate|cert|diploma|schooling|training|school))?$"
)


def _howto(
    said: str, find_place: Callable[[str], Place | None], is_title: Callable[[str], bool]
) -> FollowUp | None:
    """ "how do I become one?" (of the answer shown) or "how to become a nurse" (a title)."""
    needs = _NEEDS.match(said)  # "do glaziers need an apprenticeship"
    if needs and not _PRONOUN.match(needs["title"]) and is_title(needs["title"]):
        return FollowUp(Move.HOWTO, titles=(needs["title"],))
    school = _SCHOOL_FOR.match(said)  # "how long does law school take"
    if school and not _PRONOUN.match(school["title"]) and is_title(school["title"]):
        return FollowUp(Move.HOWTO, titles=(school["title"],))
    match = _HOWTO.match(said)
    if match is None:  # "respiratory therapist how to become", "cdl how long"
        tail = re.match(
            r"^(?P<title>.+?)\s+(?:how\s+(?:to|do\s+i|can\s+i)\s+become(?:\s+one)?|how\s+long"
            r"(?:\s+(?:does\s+it|will\s+it|would\s+it)\s+take)?)$",
            said,
        )
        if tail and is_title(tail["title"]):
            return FollowUp(Move.HOWTO, titles=(tail["title"],))
        return None
    title = re.sub(r"^(?:an?|the)\s+", "", (match["title"] or "").strip())
    ordinal = re.fullmatch(_ORDINAL + r"(?:\s+(?:one|job|option))?", title)
    if ordinal:  # "how do i become the second one"
        return FollowUp(Move.HOWTO, index=_ordinal(ordinal))
    if re.search(r"\s(?:or|vs\.?|versus)\s", f" {title} "):
        return None  # "could I become a chef or a baker": a choice between them
    if not title or _PRONOUN.match(title):
        return FollowUp(Move.HOWTO)
    return FollowUp(Move.HOWTO, titles=(title,)) if is_title(title) else None


def howto_titles(text: str) -> str | None:
    """The titles part of a how-to question as written ("how long does it take to become a
    nurse vs a paramedic" -> "a nurse vs a paramedic"), else None."""
    match = _HOWTO.match(_norm(text))
    return match["title"] if match is not None and match["title"] else None


_SWITCH = re.compile(
    r"^(?:so\s+|and\s+|ok\s+)?how\s+(?:do|can|would|could|should)\s+i\s+(?:switch|move|change|"
    r"transition|go|get)(?:\s+(?:careers?|jobs?|over))?"
    # "how would i go from what i do now to embalmer": from one's own job
    r"(?:\s+from\s+(?:what\s+i\s+do(?:\s+now)?|my\s+(?:current\s+)?job|where\s+i\s+am(?:\s+now)?))?"
    r"(?:\s+from\s+(?:the\s+)?"
    + _ORDINAL.replace("number", "from_number").replace("word", "from_word")
    + r"(?:\s+one)?)?(?:\s+(?:to|into)\s+(?:the\s+)?(?P<rest>.+?))?(?:\s+one)?$"
)


def _switch(
    said: str, find_place: Callable[[str], Place | None], is_title: Callable[[str], bool]
) -> FollowUp | None:
    match = _SWITCH.match(said)
    if match is None:
        return None
    rest = (match["rest"] or "").strip()
    origin = None
    if match["from_number"] or match["from_word"]:
        origin = (
            int(match["from_number"]) - 1 if match["from_number"] else ORDINALS[match["from_word"]]
        )
    if not rest or _PRONOUN.match(rest):  # "how do i switch", "… switch to that"
        return FollowUp(Move.SWITCH, origin=origin) if match["rest"] is None or rest else None
    ordinal = re.fullmatch(_ORDINAL + r"(?:\s+one)?", rest)
    if ordinal:
        return FollowUp(Move.SWITCH, index=_ordinal(ordinal), origin=origin)
    if is_title(rest):
        return FollowUp(Move.SWITCH, titles=(rest,), origin=origin)
    return None


_SUMMARY = re.compile(
    r"^(?:(?:and|so|ok|but)\s+)?(?:"
    r"how\s+much\s+(?:money\s+)?(?:do|does|would|will|can|could)\s+(?:they|it|one|you|i|he|she|"
    r"that|those|these|people|(?:those|these|the|both)\s+(?:jobs|two|careers))\s+"
    r"(?:make|earn|get(?:\s+paid)?|pay|bring\s+in)|"
    r"how\s+much(?:\s+money)?|what\s+(?:do|does|would|will)\s+(?:they|it|he|she|you|i|that|this"
    r"|those|these|(?:those|these|the|both)\s+(?:jobs|two|careers))\s+(?:make|earn|get\s+paid|pay)|what(?:'?s|\s+is|\s+are)\s+(?:the|their|its)\s+"
    r"(?:pay|salary|salaries|wages?)(?:\s+like)?|how\s+(?:is|are)\s+(?:the\s+)?(?:pay|salary|wages?)|"
    r"(?:what|how)\s+about\s+(?:the\s+)?(?:pay|salary|money)|"
    r"(?:do|does|can)\s+(?:they|it|he|she|you|that|those)\s+(?:make|earn|pay)\s+(?:a\s+lot|much"
    r"|well|good(?:\s+money)?|decent(?:\s+money)?|ok|okay)(?:\s+money)?|"
    r"(?:is|does)\s+(?:the\s+)?(?:pay|money|salary)\s+(?:good|ok|okay|decent)|"
    r"(?:is|are)\s+(?:it|that|they|this)\s+(?:a\s+)?(?:really\s+|very\s+|too\s+|so\s+|pretty\s+)?"
    r"(?:hard|dangerous|stressful|safe|physical|demanding|tiring|boring|fun|easy|difficult|tough"
    r"|lonely|stable|risky)(?:\s+(?:job|work|career))?(?:\s+on\s+(?:your|the|my|ur)\s+(?:body|back"
    r"|knees|mind|health|family))?|"
    r"(?:is|are)\s+(?:that|it|this|they|those)\s+(?:a\s+)?(?:good|decent|bad|ok|okay|fair|real)"
    r"\s+(?:pay|money|salary|wage|income)|"
    r"(?:compare|show)\s+(?:them|these|those|it|both)|"
    r"what(?:'?s|\s+is)\s+the\s+difference(?:\s+between\s+(?:them|the\s+two|those|these))?"
    r"(?:\s+(?:in\s+)?(?:pay|salary|salaries|wages?|money)(?:[\s-]?wise)?)?|"
    r"how\s+do\s+(?:they|them|those|these|the\s+two)\s+compare|"
    r"explain\s+(?:that|this|it|them)"
    r")(?:\s+(?:a|per)\s+(?:year|hour))?(?:\s+(?:in|for|near|around)\s+(?P<place>.+?))?"
    r"(?:\s+(?:then|now|instead))?$"
)


def _summary(
    said: str, find_place: Callable[[str], Place | None], is_title: Callable[[str], bool]
) -> FollowUp | None:
    """ "how much do they make in maryland", "what's the pay in san jose", "compare them in X"."""
    match = _SUMMARY.match(said)
    if match is None:
        return None
    if not match["place"]:
        return FollowUp(Move.SUMMARY)
    if _NATIONAL.match(match["place"]):
        return FollowUp(Move.SUMMARY, national=True)
    place = find_place(match["place"])
    return FollowUp(Move.SUMMARY, place=place) if place is not None else None


_NTH = re.compile(
    r"^(?:(?:and|so|ok|what\s+about|how\s+about|tell\s+me\s+(?:more\s+)?about|more\s+(?:on|about)|"
    r"show\s+me|just|only|give\s+me)\s+)*(?:the\s+)?" + _ORDINAL + r"(?:\s+(?:one|job|option))?$"
)
_ONLY = re.compile(
    r"^(?:(?:ok|so|and)\s+)?(?:just|only)\s+(?:the\s+|a\s+)?(?P<title>.+?)(?:\s+(?:one|then|please))?$"
)
_REMOVE = re.compile(
    r"^(?:(?:ok|so|and)\s+)?(?:drop|remove|forget|skip|lose|take\s+out|without|not|no\s+more)"
    r"\s+(?:the\s+)?(?P<what>.+?)(?:\s+one)?$"
)
_REPLACE = re.compile(
    r"^(?:(?:what\s+about|how\s+about|ok|so|and|try|make\s+it)\s+)*(?:an?\s+)?(?P<new>.+?)"
    r"\s+instead(?:\s+of\s+(?:the\s+|an?\s+)?(?P<old>.+))?$"
)
_ADD = re.compile(
    r"^(?:(?:and|also|plus|add|vs\.?|versus|or|compare\s+(?:with|to|it\s+to|them\s+to)|"
    r"what\s+about|how\s+about|wat\s+about|against|same|(?<=and\s)for|(?<=about\s)for|(?<=same\s)for)\s+)+"
    r"(?:an?\s+|the\s+)?(?P<title>.+?)"
    r"(?:\s+(?:too|as\s+well|also))?$"
)

_VERSUS = re.compile(r"^(?:vs\.?|versus|compare\s|against)\s*")
# "what about plumbers" (no "and", no "vs"): the same question of another job.
_WHAT_ABOUT = re.compile(r"^(?:(?:ok|so|but)\s+)?(?:what|how|wat)\s+about\s+(?!for\s)")


def _pick(
    said: str, find_place: Callable[[str], Place | None], is_title: Callable[[str], bool]
) -> FollowUp | None:
    """ "tell me about the second one", "just the nurse", "the other one"."""
    match = _NTH.match(said)
    if match:
        return FollowUp(Move.ONLY, index=_ordinal(match))
    match = _ONLY.match(said)
    if match and is_title(match["title"]):
        return FollowUp(Move.ONLY, titles=(match["title"],))
    return None


def _change(
    said: str, find_place: Callable[[str], Place | None], is_title: Callable[[str], bool]
) -> FollowUp | None:
    """ "drop the second", "remove teacher", "a paralegal instead", "and electricians?"."""
    match = _REMOVE.match(said)
    if match:
        ordinal = re.fullmatch(_ORDINAL, match["what"])
        if ordinal:
            return FollowUp(Move.REMOVE, index=_ordinal(ordinal))
        if is_title(match["what"]):
            return FollowUp(Move.REMOVE, titles=(match["what"],))
    match = _REPLACE.match(said)
    if match and is_title(match["new"]):
        old = (match["old"] or "").strip()
        if not old or is_title(old):
            return FollowUp(Move.REPLACE, titles=(match["new"], old) if old else (match["new"],))
    match = _ADD.match(said)
    if match:
        title = re.sub(r"\s+(?:there|too|as\s+well)$", "", match["title"])  # "paralegals there?"
        if find_place(title) is None and not _NATIONAL.match(title) and is_title(title):
            versus = bool(_VERSUS.match(said))
            about = bool(_WHAT_ABOUT.match(said))
            return FollowUp(Move.ADD, titles=(title,), versus=versus, instead_of_one=about)
    return None
