"""A question about the set asked in the same message as the titles it is about.

People rarely send "carpenter vs electrician" and then "which pays more?" as two messages; they
write "carpenter vs electrician, which pays more?", "which pays more, carpenter or
electrician?" or "who makes more, cops or firefighters". Read whole, such a message is neither a
comparison (the question is no title) nor a follow-up (there is no answer before it to ask
about). Split in two, it is both: the comparison, then the follow-up question (followups._ask)
about it, answered from the figures like any "which pays more?". "Which is better?" of
titles just named is answered by their side-by-side comparison (bot/service.py).

This module only finds the split; the core (bot/service.py) answers the comparison and applies
the question to it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from bot.conversation import followups
from bot.conversation.followups import FollowUp, Move
from bot.conversation.phrasing import plain
from bot.places import Place

# A set of titles: two or more, joined as people join them.
_JOINED = re.compile(r"\s(?:or|vs\.?|versus|v\.?|and)\s|,")
# The question after the titles: "…, which pays more", "… who earns more".
_TRAILING = re.compile(
    r"^(?P<titles>.+?)[\s,;:–—-]+(?P<ask>(?:so\s+|and\s+)?(?:which|who|what(?:'?s)?)\b.*)$"
)
# The titles inside the question: "would I make more as a plumber or an electrician", "do
# plumbers or electricians earn more", "is nursing or teaching better".
_WRAPPED = (
    re.compile(
        r"^(?:would|will|could|do|can)\s+(?:i|you|one|someone)\s+(?:make|earn|get\s+paid)\s+"
        r"(?P<way>more|less)(?:\s+money)?\s+(?:as|being|working\s+as)\s+(?P<titles>.+)$"
    ),
    re.compile(
        r"^(?:do|does|would)\s+(?P<titles>.+?)\s+(?:make|earn|get\s+paid)\s+(?P<way>more|less)"
        r"(?:\s+money)?$"
    ),
    re.compile(r"^(?:is|are)\s+(?P<titles>.+?)\s+(?P<way>better)(?:\s+paid)?$"),
)
MAX_LEAD_WORDS = 8  # "which one of the two needs the least school": the longest question first


@dataclass(frozen=True)
class Asked:
    """The titles part of the message and the question asked about them."""

    titles: str
    question: FollowUp


def split_read(
    text: str,
    read: str,
    find_place: Callable[[str], Place | None],
    is_title: Callable[[str], bool],
) -> Asked | None:
    """`split` of the question as read (`read`, without greetings and "I'm a cashier"), or —
    when reading it dropped the question ("cop vs firefighter, which is better") — the set it
    kept, with the question `text` asked about it."""
    found = split(read, find_place, is_title)
    if found is not None or read == text:
        return found
    # Cheap first (no "which"/"who" in the text: no split), the set's resolutions last.
    whole = split(text, find_place, is_title)
    if whole is None or plain(read) not in plain(whole.titles) or not is_set(read, is_title):
        return None
    return Asked(read, whole.question)


def split(
    text: str,
    find_place: Callable[[str], Place | None],
    is_title: Callable[[str], bool],
) -> Asked | None:
    """The titles and the question of a message that holds both, else None.

    `is_title` says whether a text resolves to some occupation; a split is kept only when
    every part of the titles does (so "which pays more" alone, a follow-up, is not split).
    """
    said = " ".join(text.casefold().replace("’", "'").split()).rstrip("?!. ")
    trailing = _TRAILING.match(said)
    if trailing and is_set(trailing["titles"], is_title):
        asked = _question(trailing["ask"], find_place, is_title)
        if asked is not None:
            return Asked(trailing["titles"].strip(" ,;:"), asked)
    wrapped = _wrapped(said, find_place, is_title) or _schooling_of_a_set(
        said, find_place, is_title
    )
    if wrapped is not None:
        return wrapped
    if not re.match(r"^(?:so\s+|and\s+|ok\s+)?(?:which|who|what(?:'?s)?)\b", said):
        return None
    # The question first: "which pays more carpenter or electrician". The titles start after
    # the shortest question that reads as one and leaves a set of titles behind.
    lead, comma, rest = said.partition(",")  # "which is easier to get into, X or Y"
    if (
        comma
        and len(lead.split()) <= MAX_LEAD_WORDS
        and not is_title(lead.split()[-1])  # not "what pays more: pharmacist, …"
        and is_set(rest.strip(" ,;:"), is_title)
    ):
        asked = _question(lead, find_place, is_title)
        if asked is not None:
            return Asked(rest.strip(" ,;:"), asked)
    words = said.split()
    for cut in range(2, min(len(words) - 2, MAX_LEAD_WORDS) + 1):
        lead, rest = " ".join(words[:cut]).rstrip(",:;"), " ".join(words[cut:]).strip(" ,;:")
        if _starts_a_question(rest) or not is_set(rest, is_title):
            continue
        asked = _question(lead, find_place, is_title)
        if asked is not None:
            return Asked(rest, asked)
    return None


def _wrapped(
    said: str, find_place: Callable[[str], Place | None], is_title: Callable[[str], bool]
) -> Asked | None:
    """ "would i make more as a plumber or an electrician (in ohio)" -> the set, then
    "which pays more (in ohio)"."""
    for pattern in _WRAPPED:
        found = pattern.match(said)
        if found is None:
            continue
        titles, place = re.sub(r"^(?:an?|the)\s+", "", found["titles"]), ""
        tail = re.search(r"\s(?P<place>(?:in|around|near)\s+[a-z .'-]{2,30})$", titles)
        if tail and find_place(tail["place"].split(None, 1)[1]) is not None:
            titles, place = titles[: tail.start()], f" {tail['place']}"
        if not is_set(titles, is_title):
            continue
        verb = {"more": "pays more", "less": "pays less", "better": "is better"}[found["way"]]
        asked = _question(f"which {verb}{place}", find_place, is_title)
        if asked is not None:
            return Asked(titles.strip(" ,;:"), asked)
    return None


_HOW_LONG = re.compile(r"^(?:so\s+|and\s+|ok\s+)?how\s+(?:long|much|many\s+years)\b")


def _schooling_of_a_set(
    said: str, find_place: Callable[[str], Place | None], is_title: Callable[[str], bool]
) -> Asked | None:
    """ "how long does it take to become a nurse vs a paramedic", "how much school for a
    psychiatrist or a psychologist": what it takes, asked of a set, is the set compared, with
    "which needs less school" answered from the figures."""
    if not _HOW_LONG.match(said) or not _SET_JOINER.search(said):
        return None
    titles = followups.howto_titles(said)
    if titles is None or not _SET_JOINER.search(f" {titles} "):
        return None
    titles = re.sub(r"^(?:an?|the)\s+", "", titles)
    if not is_set(titles, is_title):
        return None
    asked = _question("which needs less school", find_place, is_title)
    return Asked(titles, asked) if asked is not None else None


def _question(
    text: str, find_place: Callable[[str], Place | None], is_title: Callable[[str], bool]
) -> FollowUp | None:
    found = followups.recognize(text, find_place, is_title)
    return found if found is not None and found.move == Move.ASK else None


_CLAUSE = re.compile(r"[.!?;:,()]|\s(?:but|so|because|though|idk|i\s+think)\s")
_SET_JOINER = re.compile(r"\s(?:or|vs\.?|versus)\s")
MAX_SIDE_WORDS = 3


def set_in(text: str, is_matched: Callable[[str], bool]) -> str | None:
    """The titles named as a choice somewhere in a longer message ("… thinking about getting
    into trades, maybe electrician or hvac but idk which one. … which is better"): in the
    clause that holds "or"/"vs", the longest words on each side that are surely titles."""
    for clause in _CLAUSE.split(" ".join(text.casefold().split())):
        found = _SET_JOINER.search(f" {clause} ")
        if found is None:
            continue
        left = clause[: found.start()].split()
        right = clause[found.end() - 1 :].split()
        a = _longest_title([left[-n:] for n in range(1, len(left) + 1)], is_matched)
        b = _longest_title([right[:n] for n in range(1, len(right) + 1)], is_matched)
        if a and b:
            return f"{a} or {b}"
    return None


def _longest_title(spans: list[list[str]], is_matched: Callable[[str], bool]) -> str | None:
    """The longest of `spans` (shortest first) up to MAX_SIDE_WORDS that is surely a title."""
    for words in reversed(spans[:MAX_SIDE_WORDS]):
        if is_matched(" ".join(words)):
            return " ".join(words)
    return None


def is_set(text: str, is_title: Callable[[str], bool]) -> bool:
    """Two or more parts, each a title ("carpenter or electrician", "rn, lpn, cna")."""
    parts = [p.strip(" ,") for p in _JOINED.split(f" {text.strip()} ")]
    parts = [p for p in parts if p]
    return len(parts) >= 2 and all(is_title(p) for p in parts)


def _starts_a_question(text: str) -> bool:
    """Whether the titles part still begins with the question's words ("more carpenter")."""
    words = re.findall(r"[a-z']+", text)
    return bool(words) and words[0] in _QUESTION_WORDS


# Words that end a "which …" question rather than start a title.
_QUESTION_WORDS = frozenset(
    [
        "more",
        "less",
        "most",
        "least",
        "better",
        "best",
        "faster",
        "money",
        "school",
        "schooling",
        "education",
        "training",
        "jobs",
        "growth",
        "pays",
        "pay",
        "earns",
        "makes",
        "needs",
        "requires",
        "takes",
        "is",
        "are",
    ]
)
