"""Short plural names for occupations, to use inside a sentence.

O*NET titles are lists ("Bookkeeping, Accounting, and Auditing Clerks") with qualifiers
("Education Administrators, Postsecondary", "Managers, All Other"). Cutting a title at its first
comma gives fragments ("… more than heating.", "Bookkeeping earn …"), so the short name keeps
the title's head noun: the first item of a list with the head it shares ("bookkeeping clerks"),
or the first item when it is a job itself ("claims adjusters"); a one-word qualifier such as
"Postsecondary" moves to the front and "All Other" reads "other …"; the other qualifiers go,
since the table above names the occupation in full. A handful of titles where the rule reads
oddly are named by hand in SHORT_NAMES, each with its reason.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from bot.normalize import PEOPLE_IN_ICS

# By hand, where the rule's name is right but not what people say, or reads oddly.
SHORT_NAMES = {
    # The trade's own name; the rule gives "heating mechanics and installers".
    "Heating, Air Conditioning, and Refrigeration Mechanics and Installers": "HVAC mechanics",
    # The rule keeps "association" from the third item ("property association managers").
    "Property, Real Estate, and Community Association Managers": "property managers",
    # The rule keeps "analysis" from the third item.
    "Compensation, Benefits, and Job Analysis Specialists": "compensation and benefits specialists",
    # The list's items are phrases ("English as a Second Language").
    "Adult Basic Education, Adult Secondary Education, and English as a Second Language "
    "Instructors": "adult education and ESL instructors",
    # "Directors" alone says nothing.
    "Directors, Religious Activities and Education": "directors of religious activities",
    # The first item, "Securities", is what they sell, not who they are.
    "Securities, Commodities, and Financial Services Sales Agents": "securities sales agents",
    # A plural modifier ("Surfaces") looks like the head to the rule.
    "Aircraft Structure, Surfaces, Rigging, and Systems Assemblers": "aircraft assemblers",
    # The first item carries a shared prefix ("Food and Tobacco"), so the head is miscounted.
    "Food and Tobacco Roasting, Baking, and Drying Machine Operators and Tenders": (
        "food roasting and baking machine operators"
    ),
    "Cleaning, Washing, and Metal Pickling Equipment Operators and Tenders": (
        "cleaning equipment operators"
    ),
    # The job is the qualifier: pathologists are the physicians named.
    "Physicians, Pathologists": "pathologists",
    # One job under two state names (LPN, LVN): the full title repeats "licensed".
    "Licensed Practical and Licensed Vocational Nurses": "licensed practical nurses",
}
# Qualifiers that read naturally in front: "Business Teachers, Postsecondary".
FRONT = {"Postsecondary"}
KEEP_CASE = {"English"}  # proper adjectives; acronyms (all capitals) are kept too
_FUNCTION_WORDS = {"and", "or", "of", "as", "a", "the", "for", "in", "to"}
_NOT_PLURAL = re.compile(r"(?:ss|is|us|ics|ities|sales|business)$", re.IGNORECASE)


def is_plural(word: str) -> bool:
    """Whether a title word reads as a plural noun: "Clerks", not "Analysis" or "Physics"."""
    return word.endswith("s") and (word.lower() in PEOPLE_IN_ICS or not _NOT_PLURAL.search(word))


def _lower(words: list[str]) -> str:
    return " ".join(
        w if w in KEEP_CASE or (w.isupper() and len(w) > 1) else w.lower() for w in words
    )


def _head_of_list(items: list[str]) -> list[str]:
    """The words of a list of modifiers sharing one head: its first item plus the head.

    "Bookkeeping", "Accounting", "and Auditing Clerks" -> "Bookkeeping Clerks". The head is
    the last item without as many leading words as the first item has ("Auditing"); failing
    that (nothing left, or it starts mid-phrase), without one word; failing that its last word.
    """
    first = items[0].split()
    last = items[-1].split()
    if last and last[0] in ("and", "or"):
        last = last[1:]
    head = last[-1:]
    for drop in (len(first), 1):
        rest = last[drop:]
        if rest and rest[0].lower() not in _FUNCTION_WORDS:
            head = rest
            break
    if first and head and first[-1] == head[0]:  # "Locker Room" + "Room Attendants"
        head = head[1:]
    return first + head


@functools.lru_cache(maxsize=4096)  # a pure function of ~1,000 titles, asked on every answer
def short_plural(title: str, qualified: bool = False) -> str:
    """A short plural name for mid-sentence use: "Bookkeeping, Accounting, and Auditing
    Clerks" -> "bookkeeping clerks", "Education Administrators, Postsecondary" ->
    "postsecondary education administrators".

    `qualified` keeps the first qualifier in front ("Cooks, Restaurant" -> "restaurant
    cooks"), for when the short names of two occupations would be the same.
    """
    if title in SHORT_NAMES and not qualified:
        return SHORT_NAMES[title]
    helper = title.startswith("Helpers--")
    body = title.removeprefix("Helpers--")
    items = [item.strip() for item in body.split(",") if item.strip()]
    ending = next(
        (i for i, item in enumerate(items) if is_plural(item.split()[-1])),
        None,
    )
    if ending is None:  # "Clergy", "Transit and Railroad Police": the title itself
        words = body.replace(",", "").split()
    elif ending == 0:
        words = items[0].split()
    else:
        words = _head_of_list(items[: ending + 1])
    qualifiers = items[(ending or 0) + 1 :]
    front = [q for q in qualifiers if q in FRONT]
    if qualified:
        front = [q for q in qualifiers if not q.startswith(_NOT_IN_FRONT)][:1] or front
    name = _lower([*" ".join(front).split(), *words])
    if any(q.startswith("All Other") for q in qualifiers):
        name = f"other {name}"
    return f"helpers of {name}" if helper else name


_NOT_IN_FRONT = ("Except", "Including", "All Other", "and ", "or ")


def short_names(titles: list[str]) -> list[str]:
    """Short plural names for occupations named together, told apart: where two would read
    the same ("cooks"), their first qualifiers ("restaurant cooks", "fast food cooks"), and
    where that is not enough, their full titles."""
    names = [short_plural(t) for t in titles]
    passes: list[Callable[[str], str]] = [
        lambda t: short_plural(t, qualified=True),
        lambda t: _lower(t.split()),
    ]
    for pass_ in passes:
        clashes = {n for n in names if sum(1 for m in names if m == n) > 1}
        distinct = {t for t, n in zip(titles, names, strict=True) if n in clashes}
        if len(distinct) < 2:
            break
        names = [pass_(t) if t in distinct else n for t, n in zip(titles, names, strict=True)]
    return names
