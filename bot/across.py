"""One job in several places: "teacher in Texas vs teacher in California", "nurse pay in
Texas vs California", "electrician: Ohio vs Florida".

Each side is an occupation in a place (usually the same occupation), shown with the place's own
pay and jobs; growth and education are national, as BLS projects them, so they are said once.
The places travel in the buttons' state ("P" + the areas, shortened: a state's two FIPS digits,
a metro's five CBSA digits), so the chart and « Summary come back to the same comparison:

    state = "P" <area> ("-" <area>)*     codes = one per side, or one for all sides
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot import wording
from bot.naming import short_names
from bot.places import Place, Places
from bot.render import Side, TopCode, echo, esc, summary_table
from bot.sentences import COMPUTED, COMPUTED_ROUNDED, by_the_hour, capitalize, median_gap, median_of
from bot.summary import compact_lines, side_notes
from store.facts import OccupationFacts

PREFIX = "P"
MAX_SIDES = 4


@dataclass(frozen=True)
class Placed:
    """One side: what was asked, the place, and the occupation's facts there (national when
    the place has no figure: `fell_back`)."""

    asked: str
    place: Place
    facts: OccupationFacts
    fell_back: bool = False

    @property
    def side(self) -> Side:
        return Side(self.asked, self.facts.title, self.facts)


def _short_area(code: str) -> str:
    if code.endswith("00000"):
        return code[:2]  # a state: "4800000" -> "48"
    return code[2:] if code.startswith("00") else code  # a metro: "0042660" -> "42660"


def _long_area(short: str) -> str | None:
    if len(short) == 2:
        return short + "00000"
    if len(short) == 5:
        return "00" + short
    return short if len(short) == 7 else None


REDO = "a|"  # a conversation's way back to a comparison across places: "a|" + code:area …


def redo(sides: Sequence[Placed]) -> str:
    return REDO + " ".join(f"{s.facts.code}:{s.place.code}" for s in sides)


def sides_again(text: str | None) -> list[tuple[str, str]] | None:
    """The (code, area) of each side of the comparison across places `redo` wrote."""
    if not text or not text.startswith(REDO):
        return None
    sides = [tuple(part.split(":", 1)) for part in text[len(REDO) :].split()]
    if not 2 <= len(sides) <= MAX_SIDES or any(len(side) != 2 for side in sides):
        return None
    return [(code, area) for code, area in sides]


def pack(codes: Sequence[str], areas: Sequence[str]) -> tuple[list[str], str]:
    """The codes and state of a comparison's buttons."""
    packed = [codes[0]] if len(set(codes)) == 1 else list(codes)
    return packed, PREFIX + "-".join(_short_area(a) for a in areas)


def is_across(state: str | None) -> bool:
    return state is not None and state.startswith(PREFIX)


def unpack(codes: Sequence[str], state: str | None) -> list[tuple[str, str]] | None:
    """(code, area) per side; None for a payload that is not a valid comparison."""
    if not is_across(state) or state is None:
        return None
    areas = [_long_area(a) for a in state[len(PREFIX) :].split("-")]
    if not 2 <= len(areas) <= MAX_SIDES or None in areas:
        return None
    if len(codes) == 1:
        codes = list(codes) * len(areas)
    if len(codes) != len(areas):
        return None
    return [(c, a) for c, a in zip(codes, areas, strict=True) if a is not None]


def fits(codes: Sequence[str], areas: Sequence[str]) -> bool:
    """Whether the comparison's buttons fit Telegram's 64 bytes: four places of one job do,
    four different jobs in four places do not."""
    return len(set(codes)) == 1 or len(codes) <= 3


def across_text(sides: Sequence[Placed], top: TopCode, average: float | None, source: str) -> str:
    same = len({s.facts.code for s in sides}) == 1
    names = short_names([s.facts.title for s in sides])
    places = " vs ".join(esc(s.place.name) for s in sides)
    lines: list[str] = []
    if same:
        first = sides[0]
        lines.append(f"⚖️ <b>{esc(capitalize(names[0]))}</b>: {places}")
        lines.append(f"💼 <b>{esc(first.facts.title)}</b>")
        if first.asked.casefold() != first.facts.title.casefold():
            lines.append(f"<i>You asked: {echo(first.asked)}</i>")
        lines += [f"{i}. {esc(s.place.name)}" for i, s in enumerate(sides, 1)]
    else:
        lines.append(
            "⚖️ " + " vs ".join(f"<b>{echo(s.asked)}</b> in {esc(s.place.name)}" for s in sides)
        )
        lines += [
            wording.numbered(i, s.side).replace(" → ", f" in {esc(s.place.name)} → ", 1)
            if s.asked.casefold() != s.facts.title.casefold()
            else f"{i}. <b>{esc(s.facts.title)}</b> in {esc(s.place.name)}"
            for i, s in enumerate(sides, 1)
        ]
    if len(sides) == 2:
        lines.append(summary_table([s.side for s in sides], top))
    else:
        for i, s in enumerate(sides, 1):
            lines.append(f"\n{i}. <b>{esc(s.place.name)}</b>")
            lines += compact_lines(s.side, top)
        lines.append("")
    lines.append("<i>Pay and jobs are each place's own; growth and education are national.</i>")
    lines += [
        f"<i>{i}. no {esc(s.place.name)} pay figures for {esc(s.facts.title)}: national "
        "figures shown.</i>"
        for i, s in enumerate(sides, 1)
        if s.fell_back
    ]
    noted = sides[:1] if same else sides
    lines += side_notes([s.side for s in noted], top, numbered=not same)
    sentence = _pay_sentence(sides, names, same)
    note = COMPUTED if len(sides) == 2 else COMPUTED_ROUNDED
    if sentence or len(sides) > 2:
        lines += [sentence, note] if sentence else [note]
    lines.append(source)
    return "\n".join(lines)


def _pay_sentence(sides: Sequence[Placed], names: Sequence[str], same: bool) -> str | None:
    """Where the pay is highest and by how much more than where it is lowest."""
    local = [s for s in sides if not s.fell_back]
    hourly = by_the_hour([s.facts for s in local])
    priced = [(m, i) for i, s in enumerate(local) if (m := median_of(s.facts, hourly)) is not None]
    if len(priced) < 2:
        return None
    (top, i), (bottom, j) = max(priced), min(priced)
    high, low = local[i], local[j]
    gap = median_gap(top, bottom, hourly)
    if same:
        who = esc(names[0])
        if gap is None:
            return f"{esc(capitalize(who))} earn about the same at the median in each."
        amount, percent = gap
        return (
            f"In {esc(high.place.name)}, {who} earn about {amount} ({percent:.0f}%) more at the "
            f"median than in {esc(low.place.name)}."
        )
    hi_name = names[sides.index(high)]
    lo_name = names[sides.index(low)]
    if gap is None:
        return "They earn about the same at the median."
    amount, percent = gap
    return (
        f"{esc(capitalize(hi_name))} in {esc(high.place.name)} earn about {amount} "
        f"({percent:.0f}%) more at the median than {esc(lo_name)} in {esc(low.place.name)}."
    )


def places_json(places: Places, sides: Sequence[Placed]) -> list[dict[str, str]]:
    return [places.json(s.place) for s in sides]
