"""What every advisor answer shows the same way: its area (named, and coded for `ask --json`),
the line naming the releases it comes from, buttons to a listed occupation, and « » pages."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from bot import callbacks
from bot.advisor.core import Core
from bot.callbacks import Action
from bot.places import POSTAL, Place, PlaceKind
from bot.render import esc
from bot.replies import Button, View
from bot.resolver import Candidate, Status
from store.codes import NATIONAL

PAGE_SIZE = 10  # occupations or places per page of a list
NO_COST_OF_LIVING = "Pay is nominal: no cost-of-living adjustment (the sources publish none)."


def area_code(place: Place | None) -> str:
    """A place as bench/eval/advisor.jsonl writes it: "US", a postal code, or a CBSA code."""
    if place is None or place.code == NATIONAL:
        return "US"
    if place.kind == PlaceKind.STATE:
        return POSTAL.get(place.code[:2], place.code)
    return place.code[2:]


def area_name(place: Place | None) -> str:
    return place.name if place is not None else "United States"


def sources(core: Core, *, oews: bool = True, projections: bool = True, onet: bool = False) -> str:
    """The releases an answer's figures come from, in one italic line."""
    parts = []
    if oews:
        parts.append(f"BLS OEWS {core.period}")
    if projections:
        parts.append(f"Employment Projections {core.metadata.get('release_projections', '')}")
    if onet:
        parts.append(f"O*NET {core.metadata.get('release_onet', '')}")
    return f"<i>Sources: {esc(', '.join(parts))}. /about</i>"


def button(
    core: Core,
    label: str,
    view: View,
    codes: Sequence[str],
    area: str | None = None,
    state: str | None = None,
) -> Button:
    """A button whose payload may carry a view's own state (pages, quiz answers)."""
    data = callbacks.encode(Action(view, tuple(codes), area, state), core.version)
    return Button(label, data)


def profile_button(core: Core, number: int, code: str, title: str, place: Place | None) -> Button:
    """ "3. Nurse practitioners": opens that occupation's summary (in the list's place)."""
    area = place.code if place is not None else None
    return core.keyboards.button(f"{number}. {fit(title, 26)}", View.SUMMARY, [code], area)


def listed_rows(
    core: Core, listed: Sequence[tuple[str, str]], first: int, place: Place | None
) -> list[tuple[Button, ...]]:
    """Buttons under a list of occupations ((code, title), numbered from `first`): each opens
    that occupation's summary, two to a row, and one compares the first two."""
    buttons = [
        profile_button(core, n, code, title, place) for n, (code, title) in enumerate(listed, first)
    ]
    rows: list[tuple[Button, ...]] = [tuple(buttons[i : i + 2]) for i in range(0, len(buttons), 2)]
    if len(listed) >= 2:
        area = place.code if place is not None else None
        pair = [listed[0][0], listed[1][0]]
        label = f"⚖️ Compare {first} and {first + 1}"
        rows.append((core.keyboards.button(label, View.SUMMARY, pair, area),))
    return rows


def fit(text: str, width: int) -> str:
    """A title cut at a word to fit a button, with "…" only when something was cut (what
    `bot.layout.short` does, without textwrap's cost: lists make many buttons)."""
    if len(text) <= width:
        return text
    cut = text[: width - 1].rsplit(" ", 1)[0].rstrip(" ,;-")
    return f"{cut}…"


def pages(count: int) -> int:
    return max(1, -(-count // PAGE_SIZE))


def pager(
    core: Core,
    view: View,
    codes: Sequence[str],
    area: str | None,
    page: int,
    count: int,
    state_of: Callable[[int], str],
) -> tuple[Button, ...]:
    """« and » buttons around page `page` of a list of `count`; `state_of(page)` is the state
    each button carries."""
    row = []
    if page > 0:
        row.append(button(core, "« Previous", view, codes, area, state_of(page - 1)))
    if page + 1 < pages(count):
        row.append(button(core, "Next »", view, codes, area, state_of(page + 1)))
    return tuple(row)


@dataclass(frozen=True)
class Resolved:
    """The occupation a title in an advisor question means, and the others it might mean."""

    code: str
    title: str
    asked: str
    others: tuple[Candidate, ...] = ()


# A field of work -> the people who do it ("dental hygiene" -> "dental hygienist"): how people
# ask about a career ("is data science a good career?") and how titles name its workers.
_WORKER_FORMS = [
    (re.compile(r"ology$"), "ologist"),
    (re.compile(r"ene$"), "enist"),
    (re.compile(r"ences?$"), "entist"),
    (re.compile(r"istry$"), "ist"),
    (re.compile(r"apy$"), "apist"),
    (re.compile(r"acy$"), "acist"),
    (re.compile(r"opment$"), "oper"),
    (re.compile(r"ign$"), "igner"),
    (re.compile(r"eering$"), "eer"),
]


def worker_form(title: str) -> str | None:
    """The title with its last word as the worker of that field, if it names a field."""
    head, _, last = title.rpartition(" ")
    for pattern, ending in _WORKER_FORMS:
        if pattern.search(last) and len(last) > 5:
            return f"{head} {pattern.sub(ending, last)}".strip()
    return None


def resolve(core: Core, title: str) -> Resolved | None:
    """The title's best occupation, when the index has one; an unsure title still answers
    with its best reading, and the others are offered as buttons. A field of work is read as
    its workers first when the index is sure of those ("data science": data scientists)."""
    resolution = core.index.resolve(title)
    worker = worker_form(title)
    if worker is not None:
        as_worker = core.index.resolve(worker)
        if as_worker.status == Status.MATCHED and as_worker.best is not None:
            return Resolved(as_worker.best.code, as_worker.best.title, title)
    elif title.endswith("ing") and len(title) > 6 and resolution.best is not None:
        # "firefighting": the activity's doer, when the title read as written is not about it
        stem = title.rpartition(" ")[2][:-3]
        as_doer = core.index.resolve(f"{title[:-3]}er")
        doer = as_doer.best
        if (
            stem not in resolution.best.matched_title.lower()
            and as_doer.status == Status.MATCHED
            and doer is not None
            and stem in doer.matched_title.lower()
        ):
            return Resolved(doer.code, doer.title, title)
    best = resolution.best
    if best is None or resolution.status == Status.UNKNOWN:
        return None
    others = resolution.candidates[1:3] if resolution.status == Status.AMBIGUOUS else ()
    return Resolved(best.code, best.title, title, tuple(others))
