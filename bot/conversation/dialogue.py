"""What a follow-up asks for, as the context the answer should have: pure, no database.

A follow-up changes the last answer's context — its place, its occupations, the question or
the view — and the service renders the new context (`Careerbot.show`). So "what about in
Ohio?" on the Salary view is the Salary view in Ohio, on a comparison the comparison in Ohio,
and after "which pays more?" the same question there.

Conventions (also those of bench/eval/conversations.jsonl):
- "and X?" / "vs X" / "add X" add X (a profile becomes a comparison); after an answer about
  one occupation that cannot hold two (how to become it), "and X?" asks the same about X.
- "X instead (of Y)" replaces Y (or the last one), as "what about X" does after an answer
  about one job; "drop the second" / "remove X" remove
  (one left: its profile); "just the X" / "the Nth one" are that one's profile.
- After a question about pay or jobs, a bare place asks it again there; after one about
  growth or education (national figures) it shows the comparison in that place.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from bot.conversation import facts
from bot.conversation.context import Context
from bot.conversation.followups import FollowUp, Measure, Move
from bot.replies import ReplyKind, View
from bot.resolver import Resolution, Status

MAX_CODES = 4
# Answers about one occupation only: "and X?" asks the same about X, rather than adding X.
ONE_ONLY = {ReplyKind.HOWTO, ReplyKind.PLACES}
# Answers about one job asked one after another ("is hvac worth it?", "what about plumbers?"):
# "which pays more?" then is about the two.
ASKED_IN_TURN = ONE_ONLY | {ReplyKind.PROSPECTS}
# Lists of jobs: "and for nurses?" after one asks about nurses alone, in the list's place.
LISTS = {ReplyKind.RANK, ReplyKind.QUIZ, ReplyKind.TOOLS}
PLACE_FREE = {Measure.GROWTH, Measure.OPENINGS, Measure.EDUCATION, Measure.BETTER}


@dataclass(frozen=True)
class Unsure:
    """A title in the follow-up that needs a "did you mean…": `keep` are the codes around it."""

    resolution: Resolution
    keep: tuple[str, ...]
    position: int


@dataclass(frozen=True)
class Nothing:
    """The follow-up cannot apply to this context (say what the bot can do instead)."""

    why: str


Step = Context | Unsure | Nothing


def next_context(
    move: FollowUp,
    ctx: Context,
    resolve: Callable[[str], Resolution],
    state_of: Callable[[str], str | None],
) -> Step:
    """The context the answer to `move` should have, given the last answer's `ctx`.

    `resolve` reads a title; `state_of(area)` is the state of a metro area (for "the whole
    state").
    """
    kind = ReplyKind(ctx.kind)
    if move.move == Move.PLACE:
        area = _area(move, ctx, state_of)
        if isinstance(area, Nothing):
            return area
        if kind == ReplyKind.FACT and ctx.measure and facts.base(ctx.measure) in PLACE_FREE:
            return ctx.with_(kind=_summary_kind(ctx.codes), area=area, measure=None)
        if kind == ReplyKind.HOWTO:
            return ctx.with_(kind=ReplyKind.PROFILE, area=area)
        if kind == ReplyKind.DETAIL and ctx.view != View.SALARY:
            # Skills, duties, demographics… are national: there, the set's pay and jobs.
            return ctx.with_(kind=_summary_kind(ctx.codes), area=area, view=None)
        if kind in (ReplyKind.CLARIFY, ReplyKind.NONE, ReplyKind.SMALLTALK) or not ctx.codes:
            return Nothing("no occupation yet")
        return ctx.with_(area=area)
    if move.move == Move.ASK:
        if len(ctx.codes) < 2 and kind in ASKED_IN_TURN and len(set(ctx.listed[-2:])) == 2:
            # "how do I become a cop?", "and a correctional officer?", "which pays more?":
            # the two asked about, one after the other.
            ctx = ctx.with_(codes=ctx.listed[-2:], asked=("", ""))
        elif len(ctx.codes) == 1 and ctx.current is not None and ctx.current != ctx.codes[0]:
            # "I'm a nurse … is NP worth it?", "how much more do they make?": theirs and it
            ctx = ctx.with_(codes=(ctx.current, ctx.codes[0]), asked=("", ctx.asked[0]))
        if len(ctx.codes) < 2:
            return Nothing("one occupation")
        asked_area = ctx.area
        if move.place is not None or move.national:
            elsewhere = _area(move, ctx, state_of)
            asked_area = elsewhere if not isinstance(elsewhere, Nothing) else asked_area
        return ctx.with_(
            kind=ReplyKind.FACT,
            area=asked_area,
            measure=facts.key(move.measure, move.reverse) if move.measure else None,
            view=None,
        )
    if move.titles and move.move in (Move.HOWTO, Move.DETAIL):  # a new question about a title
        resolution = resolve(move.titles[0])
        if resolution.best is None or resolution.status == Status.UNKNOWN:
            return Nothing("unknown title")
        if not resolution.taken:
            return Unsure(resolution, (), 0)
        code = resolution.best.code
        if move.move == Move.DETAIL:
            return Context(
                ReplyKind.DETAIL,
                (code,),
                (move.titles[0],),
                ctx.area,
                view=move.view,
                current=ctx.current,
            )
        if ctx.current is not None and ctx.current != code:  # "I'm a bookkeeper, how do I
            origin = ctx.current  # become an accountant?": from there
            return Context(
                ReplyKind.SWITCH, (origin, code), ("", move.titles[0]), ctx.area, current=origin
            )
        return ctx.with_(
            kind=ReplyKind.HOWTO, codes=(code,), asked=(move.titles[0],), view=None, listed=()
        )
    if move.move == Move.SWITCH:
        return _switch(move, ctx, resolve)
    if not ctx.codes:
        return Nothing("no occupation yet")
    if move.move == Move.DETAIL:
        if kind == ReplyKind.SWITCH and len(ctx.codes) == 2 and move.view != View.SWITCH:
            # "what skills would i need": of the job switched to, as the summary is
            ctx = ctx.with_(codes=ctx.codes[1:], asked=ctx.asked[1:])
        where = ctx.area
        if move.place is not None or move.national:  # "salary in iowa?"
            elsewhere = _area(move, ctx, state_of)
            where = elsewhere if not isinstance(elsewhere, Nothing) else where
        return ctx.with_(kind=ReplyKind.DETAIL, view=move.view, area=where, measure=None)
    if move.move == Move.SUMMARY:
        if kind == ReplyKind.SWITCH and len(ctx.codes) == 2:  # the job switched to
            ctx = ctx.with_(codes=ctx.codes[1:], asked=ctx.asked[1:])
        where = ctx.area
        if move.place is not None or move.national:
            elsewhere = _area(move, ctx, state_of)
            where = elsewhere if not isinstance(elsewhere, Nothing) else where
        return ctx.with_(kind=_summary_kind(ctx.codes), area=where, view=None, measure=None)
    if move.move == Move.CHART:
        if move.both and len(ctx.codes) == 1 and len(ctx.listed) >= 2:
            listed = ctx.listed[:4]
            named = tuple(ctx.asked[0] if c == ctx.codes[0] else "" for c in listed)
            return ctx.with_(kind=ReplyKind.CHART, codes=listed, asked=named, view=View.CHART)
        return ctx.with_(kind=ReplyKind.CHART, view=View.CHART, measure=None)
    if move.move == Move.HOWTO:
        target = ctx.codes[-1] if kind == ReplyKind.SWITCH else ctx.codes[0]
        if move.index is not None:  # "how do I become the second one?"
            if not -len(ctx.codes) <= move.index < len(ctx.codes):
                return Nothing("no such one")
            target = ctx.codes[move.index]
        elif len(ctx.codes) > 1 and kind != ReplyKind.SWITCH:
            return Nothing("which one")
        said = ctx.asked[ctx.codes.index(target)]
        return ctx.with_(kind=ReplyKind.HOWTO, codes=(target,), asked=(said,), view=None)
    if move.move == Move.ONLY:
        return _only(move, ctx, resolve)
    if move.move == Move.REMOVE:
        position = _position(move, ctx, resolve, ctx.codes)
        if position is None or len(ctx.codes) < 2:
            return Nothing("nothing to remove")
        codes = ctx.codes[:position] + ctx.codes[position + 1 :]
        asked = ctx.asked[:position] + ctx.asked[position + 1 :]
        return _shown(ctx, codes, asked)
    if move.move in (Move.ADD, Move.REPLACE):
        resolution = resolve(move.titles[0])
        if resolution.status == Status.UNKNOWN or resolution.best is None:
            return Nothing("unknown title")
        one = len(set(ctx.codes)) == 1 and kind in (ReplyKind.PROFILE, ReplyKind.DETAIL)
        if move.move == Move.REPLACE or (move.instead_of_one and one):
            # "what about plumbers" after an answer about one job: that answer about plumbers
            position = len(ctx.codes) - 1
            if len(move.titles) > 1:
                found = _position(
                    FollowUp(Move.REMOVE, titles=move.titles[1:]), ctx, resolve, ctx.codes
                )
                if found is None:
                    return Nothing("nothing to replace")
                position = found
            keep = ctx.codes[:position] + ctx.codes[position + 1 :]
            asked = ctx.asked[:position] + ctx.asked[position + 1 :]
            at = position
        elif (kind in ONE_ONLY or kind in LISTS) and not move.versus:  # "and for a nurse?":
            keep, asked, at = (), (), 0  # the same question, or after a list that job alone
        elif kind == ReplyKind.SWITCH and len(ctx.codes) == 2 and not move.versus:
            keep, asked, at = ctx.codes[:1], ctx.asked[:1], 1  # "and for a hygienist?": from
            # the same job to that one
        else:
            keep, asked, at = ctx.codes, ctx.asked, len(ctx.codes)
        if len(keep) >= MAX_CODES:
            return Nothing("too many")  # before a did-you-mean: its buttons hold four at most
        if not resolution.taken:
            if kind in LISTS:  # "what about ones that are growing fast": about the list
                return Nothing("not surely a title")
            return Unsure(resolution, keep, at)
        code = resolution.best.code
        codes = (*keep[:at], code, *keep[at:])
        asked = (*asked[:at], move.titles[0], *asked[at:])
        if len(codes) > MAX_CODES:
            return Nothing("too many")
        if kind in ONE_ONLY and not move.versus:  # "and a nurse?" after how to become one
            return ctx.with_(codes=codes, asked=asked, listed=(*ctx.codes, *codes))
        return _shown(ctx, codes, asked)
    return Nothing("not a follow-up")


def _summary_kind(codes: tuple[str, ...]) -> ReplyKind:
    return ReplyKind.PROFILE if len(set(codes)) == 1 else ReplyKind.COMPARE


def _shown(ctx: Context, codes: tuple[str, ...], asked: tuple[str, ...]) -> Context:
    """The set changed: the same view of the new set, or its summary."""
    kind = ReplyKind(ctx.kind)
    if kind == ReplyKind.DETAIL and ctx.view and (ctx.view != View.SWITCH or len(codes) == 2):
        return ctx.with_(codes=codes, asked=asked)
    if kind == ReplyKind.SWITCH and len(codes) == 2:
        return ctx.with_(codes=codes, asked=asked)
    return ctx.with_(kind=_summary_kind(codes), codes=codes, asked=asked, view=None, measure=None)


def _area(
    move: FollowUp, ctx: Context, state_of: Callable[[str], str | None]
) -> str | Nothing | None:
    if move.national:
        return None
    if move.whole_state:
        state = state_of(ctx.area) if ctx.area else None
        return state if state is not None else Nothing("no metro area shown")
    assert move.place is not None
    return move.place.code


def _only(move: FollowUp, ctx: Context, resolve: Callable[[str], Resolution]) -> Step:
    """One of these, or of the list shown before ("the other one" after "the second")."""
    listed = ctx.listed or ctx.codes
    if move.index == -2:  # "the other one"
        others = [c for c in listed if c not in ctx.codes]
        if len(ctx.codes) != 1 or len(others) != 1:
            return Nothing("which one")
        code = others[0]
    else:
        position = _position(move, ctx, resolve, listed)
        if position is None:
            return Nothing("which one")
        code = listed[position]
    said = ctx.asked[ctx.codes.index(code)] if code in ctx.codes else ""
    return ctx.with_(
        kind=ReplyKind.PROFILE,
        codes=(code,),
        asked=(said,),
        view=None,
        measure=None,
        listed=listed if len(listed) > 1 else (),
    )


def _switch(move: FollowUp, ctx: Context, resolve: Callable[[str], Resolution]) -> Step:
    if move.titles:
        resolution = resolve(move.titles[0])
        if not resolution.taken or resolution.best is None:
            return Nothing("unknown title")
        target, asked = resolution.best.code, move.titles[0]
    else:
        position = move.index if move.index is not None else (0 if len(ctx.codes) == 1 else None)
        if position is None or not -len(ctx.codes) <= position < len(ctx.codes):
            return Nothing("which one")
        target, asked = ctx.codes[position], ctx.asked[position]
    origin = ctx.current
    if move.origin is not None:
        if not -len(ctx.codes) <= move.origin < len(ctx.codes):
            return Nothing("which one")
        origin = ctx.codes[move.origin]
    if origin is None:
        others = [c for c in ctx.codes if c != target]
        if len(others) != 1:
            return Nothing("from which job")
        origin = others[0]
    if origin == target:
        return Nothing("same job")
    origin_asked = ctx.asked[ctx.codes.index(origin)] if origin in ctx.codes else origin
    return ctx.with_(
        kind=ReplyKind.SWITCH, codes=(origin, target), asked=(origin_asked, asked), view=None
    )


def _position(
    move: FollowUp, ctx: Context, resolve: Callable[[str], Resolution], among: tuple[str, ...]
) -> int | None:
    """Which of `among` the follow-up means: by ordinal, or by a title that resolves to one."""
    if move.index is not None:
        index = move.index if move.index >= 0 else len(among) + move.index
        return index if 0 <= index < len(among) else None
    if not move.titles:
        return None
    wanted = move.titles[0].casefold()
    for i, asked in enumerate(ctx.asked):
        if asked.casefold() == wanted and ctx.codes[i] in among:
            return among.index(ctx.codes[i])
    resolution = resolve(move.titles[0])
    for candidate in resolution.candidates[:3]:
        if candidate.code in among:
            return among.index(candidate.code)
    return None
