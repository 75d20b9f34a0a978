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

import bot.advisor.phrasings as phrasings
from bot.advisor.filters import Filters, Measure
from bot.advisor.words import money, wording
from bot.parsing import clean
from bot.places import Place, PlaceKind

PREVIOUS = "<previous>"  # the title of a question about the previous answer's occupation
_PRONOUNS = {
    "one", "it", "that", "this", "them", "they", "those", "these", "that job", "this job",
    "that one", "this one", "that career", "this career", "him", "her", "he", "she", "you",
    "someone", "somebody", "my son", "my daughter", "my kid",
    # the person's own job, which the conversation holds once they have said it
    "mine", "my job", "my current job", "my work", "my field", "what i do",
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
    unsupported: tuple[str, ...] = ()  # rank: what was asked that the data cannot filter by
    # rank: only a ranking when the previous answer was one ("and which ones have the most
    # openings?", "without a degree?"): a question about what was shown, or filters alone
    needs_ranking: bool = False
    elsewhere: bool = False  # only a place said: the previous answer asked again there
    metros: bool = False  # places: metro areas rather than states
    within: Place | None = None  # places: metros in this state
    pay: float | None = None  # pay position
    hourly: bool = False
    tool: str | None = None


PlaceFinder = Callable[[str], Place | None]


_EMOJI = re.compile(r"[\u2600-\u27bf\U0001f000-\U0001faff]")
_IS = re.compile(r"\b(where|what|how|who|it)'s\b")


def normal(text: str) -> str:
    """Lower case, one line, no trailing punctuation, typographic quotes and dashes plain."""
    text = clean(text).lower().replace("’", "'").replace("w/", "with ")
    text = _EMOJI.sub(" ", text)
    text = _IS.sub(r"\1 is", text)
    return " ".join(text.split()).strip(" ?!.,;:—–-")


def title_text(raw: str) -> str:
    """A title as asked, without articles and trailing punctuation; PREVIOUS for pronouns."""
    title = raw.strip(" ?!.,;:—–-'\"")
    title = re.sub(r"^(?:an?|the|being\s+an?|becoming\s+an?)\s+", "", title)
    title = re.sub(
        r"\s+(?:at\s+work|for\s+a\s+living|nowadays|these\s+days|today|to\s+(?:work|live)(?:\s+in)?"
        r"|right\s+now|in\s+the\s+us|in\s+america|in\s+\d{4})$",
        "",
        title,
    )
    return PREVIOUS if title in _PRONOUNS else title


def find_place(text: str, places: PlaceFinder) -> tuple[Place | None, str]:
    """The first place named after "in" (longest name first), and the text without it."""
    for found in phrasings.IN_PLACE.finditer(text):
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
    return Question(Ask.QUIZ) if phrasings.QUIZ.search(said) else None


def _pay(said: str, places: PlaceFinder) -> Question | None:
    if not phrasings.JUDGE.search(said):
        return None
    amounts = [a for a in phrasings.AMOUNT.finditer(said) if a["amount"]]
    if len(amounts) != 1:
        return None
    found = amounts[0]
    if _an_age(said, found):
        return None  # "im 30, is it too late to become a doctor": years, not dollars
    value = money(found["amount"], found["k"])
    unit = (found["unit"] or "").replace(" ", "")
    hourly = "h" in unit if unit else (not found["k"] and value < 300)
    if not hourly and value < 1000:
        return None  # "is 400 good": not a pay that can be placed
    rest = said[: found.start()] + " , " + said[found.end() :]
    for pattern, replacement in phrasings.PAY_NOISE:
        rest = pattern.sub(replacement, rest)
    place, rest = find_place(rest, places)
    words = " ".join(re.sub(r"[,.;:!?—–/$]", " ", rest).split())
    title = title_text(re.sub(r"^for\s+", "", title_text(words)))  # "a good salary for that"
    if phrasings.LIST.search(title):
        return None
    # "is 120k good in seattle" names no job: the one the conversation is about.
    return Question(Ask.PAY, title=title or PREVIOUS, place=place, pay=value, hourly=hourly)


def _an_age(said: str, found: re.Match[str]) -> bool:
    """A bare number after "I'm" or before "years old" is the person's age."""
    if found["k"] or found["unit"] or "$" in found.group(0):
        return False
    before, after = said[: found.start()], said[found.end() :]
    return bool(
        re.search(r"\b(?:i'?m|i\s+am|age|aged|turning|turned)\s*$", before)
        or re.match(r"\s*(?:years?|yrs?|yo|y/o)\b", after)
    )


def _tools(said: str, is_tool: Callable[[str], bool]) -> Question | None:
    for pattern in phrasings.TOOLS:
        found = pattern.match(said)
        if found is None:
            continue
        tool = " ".join(phrasings.TOOL_NOISE.sub(" ", found["tool"]).split()).strip(" ?!.,;:")
        tool = re.sub(r"^(?:an?|the)\s+", "", tool)
        if tool and is_tool(tool):
            measure = Measure.ANNUAL if wording(said).measure else Measure.EMPLOYMENT
            return Question(Ask.TOOLS, tool=tool, measure=measure)
    return None


def _howto(said: str, places: PlaceFinder) -> Question | None:
    for pattern in phrasings.HOWTO:
        found = pattern.match(said)
        if found is None:
            continue
        groups = found.groupdict()
        raw = groups.get("t") or ""
        if "t" in groups and groups["t"] is None:
            raw = "that"  # "how would she get started": the job the conversation is about
        if groups.get("licence"):  # "get a real estate license and become an agent"
            extra = re.sub(r"^(?:an?\s+)", "", raw)
            raw = f"{groups['licence']} {extra}" if extra else groups["licence"]
        place, raw = find_place(raw, places)
        raw = phrasings.HOWTO_TAIL.sub("", raw)
        title = title_text(raw)
        return Question(Ask.HOWTO, title=title, place=place) if title else None
    return None


def _places_question(said: str, places: PlaceFinder) -> Question | None:
    for pattern in phrasings.PLACES:
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
    said = phrasings.SECOND_QUESTION.sub("", said)  # "… or is AI taking it": one job's future
    for pattern in phrasings.PROSPECTS:
        found = pattern.match(said)
        if found is not None:
            title = title_text(found["t"])
            if title and not phrasings.LIST.search(title):
                return Question(Ask.PROSPECTS, title=title)
    return None


# "what pays good …", "ok so what pays the most there", "what pays better … without a degree"
_WHAT_PAYS = re.compile(r"^(?:(?:ok(?:ay)?|so|and|but)\s+)*what\s+(?:pays?|earns?)\b")
_WHAT_PAYS_MORE = re.compile(r"^(?:(?:ok(?:ay)?|so|and|but)\s+)*what\s+pays?\s+(?:more|better)\b")
_ALTERNATIVES = re.compile(r",|\b(?:or|vs|versus|than)\b")  # "what pays more, X or Y": titles


def _rank(said: str, places: PlaceFinder) -> Question | None:
    words = wording(said)
    if words.measure is None and not words.filters.empty and _WHAT_PAYS_MORE.match(said):
        words = replace(words, measure=Measure.ANNUAL)  # a ranking: the filter says of what
    similar = phrasings.SIMILAR.search(said)
    similar_title = None
    if similar is not None:
        similar_title = title_text(similar["t"]) if similar["t"] else PREVIOUS
    filters = words.filters
    if filters.less_school and not similar_title:
        filters = replace(filters, less_school=False)
    if (
        similar is not None
        and similar_title
        and not said[similar.end() :].strip(" ?!.")  # nothing after the job ("… that pay more")
        and not (words.measure or not filters.empty or words.unsupported)
    ):
        # "similar jobs?", "what jobs are like being a zookeeper": nothing to rank them by, so
        # the Similar jobs view (O*NET's related occupations, closest first), not a ranking
        return None
    said_something = bool(words.measure or not filters.empty or similar_title)
    cue = bool(phrasings.RANK_FOLLOW_UP.search(said))
    national = bool(phrasings.NATIONAL.search(said))
    if not (said_something or cue or national or len(said.split()) <= 3):
        return None  # most messages (titles, comparisons) stop here, before any place lookup
    place, rest = (
        (None, phrasings.NATIONAL.sub(" ", said)) if national else find_place(said, places)
    )
    if place is None and not national and said_something:
        place = _trailing_state(said, places)
        rest = said.rsplit(" ", 1)[0] if place is not None and " " in said else ""
    listed = bool(phrasings.LIST.search(said)) or bool(words.field_spans)
    nouned = bool(phrasings.LIST.search(said))
    # "what about in Texas?", "and which ones have the most openings", "nationally?": about
    # a list shown before (the caller decides whether there was one).
    only_place = bool(place or national) and not phrasings.ELSEWHERE.sub(" ", rest).strip(" ?!.,")
    follow_up = cue or only_place
    if not said_something and not (follow_up and (place or national)):
        return None
    starts_with_measure = words.measure is not None and bool(
        re.match(
            r"^(?:what(?:'s|\s+is|\s+are)?\s+(?:the\s+)?)?(?:highest|best|top|fastest|most)\b",
            said,
        )
        # "what pays good in tennessee": "what" stands for the jobs, unless jobs are named
        or (_WHAT_PAYS.match(said) and not _ALTERNATIVES.search(said))
    )
    if not (listed or starts_with_measure or follow_up or similar_title):
        return None
    about_shown = bool(phrasings.ABOUT_SHOWN.search(said))
    weak = not (words.measure or similar_title or nouned)  # filters alone ("in healthcare")
    return Question(
        Ask.RANK,
        title=similar_title,
        place=place,
        measure=words.measure,
        filters=filters,
        follow_up=follow_up and not similar_title,
        national=national,
        unsupported=words.unsupported,
        needs_ranking=about_shown or weak or (follow_up and not said_something),
        elsewhere=follow_up and not said_something,
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
