"""The advisor: answers to questions that are not "A vs B".

`answer` is one step of `Careerbot.answer`, tried before title parsing: it recognises an
advisor question (`bot.advisor.questions`) and answers it, or returns None so the comparison
path answers as before. `press` answers the advisor's own buttons (pages, cards, the quiz).

One module per answer: `rankings` (filters, « » pages), `howto`, `quiz`, `where` (best
places), `pay` (pay position), `tools`, `prospects`. The conversation layer calls the same
answers with an occupation code: `how_to_become(core, code, place)`, `prospects(core, code)`,
`rank_reply(core, RankQuery(...))`; and passes `previous` (`Previous.from_reply` of the last
answer) so that "how do I become one?" or "what about in Texas?" read as follow-ups.
"""

from __future__ import annotations

import re
from dataclasses import replace

import bot.advisor.phrasings as phrasings
from bot.advisor import pay, quiz, rankings, tools, where
from bot.advisor.context import Previous, is_state, ranking_of
from bot.advisor.core import Core
from bot.advisor.filters import Filters, Measure, RankQuery
from bot.advisor.frame import PAGE_SIZE, Resolved, resolve
from bot.advisor.howto import how_to_become
from bot.advisor.prospects import prospects
from bot.advisor.questions import PREVIOUS, Ask, Question, normal, recognise, title_text
from bot.advisor.rankings import rank, rank_reply
from bot.advisor.words import money, wording
from bot.callbacks import Action
from bot.conversation.context import Context
from bot.memory import Kept
from bot.places import Place
from bot.render import esc
from bot.replies import Button, Reply, ReplyKind, View
from bot.resolver import Status
from store.codes import NATIONAL

__all__ = [
    "Filters",
    "Measure",
    "Previous",
    "RankQuery",
    "answer",
    "asks_for_a_page",
    "becoming",
    "how_to_become",
    "press",
    "prospects",
    "rank",
    "rank_reply",
    "show",
    "title_asked",
]


def _recognised(core: Core, text: str, *, tools: bool) -> Question | None:
    """The advisor question in `text` (`tools`: "what jobs use Excel?" may be one), read once
    while the core remembers it: it depends on the words and the release's places only."""
    return core.memory.recall(
        Kept.ADVICE, text, lambda: recognise(text, core.places.find, lambda _: tools), tools
    )


def title_asked(core: Core, text: str) -> str | None:
    """The occupation an advisor question names as written ("how long does it take to become
    a pharmacist" -> pharmacist), for reading titles as the bot does (`careerbot match`)."""
    question = _recognised(core, text, tools=False)
    if question is None or not question.title or question.title == PREVIOUS:
        return None
    return question.title


def becoming(core: Core, text: str) -> str | None:
    """The occupation a how-to-become question names as written ("does she need a license to
    be a nail tech" -> nail tech): after "my aunt is a hairstylist", a switch between them."""
    question = _recognised(core, text, tools=False)
    if question is None or question.ask is not Ask.HOWTO or question.title == PREVIOUS:
        return None
    return question.title


# "welder jobs that pay good money", "what are some good nursing careers": jobs of one kind.
_KIND_OF_JOBS = re.compile(
    r"(?:^|\s)(?P<t>[a-z][a-z'-]*(?:\s+[a-z][a-z'-]*){0,2}?)\s+(?:jobs|careers|positions|roles)\b"
)


def _of_a_kind(core: Core, text: str, question: Question) -> Question:
    """A ranking of jobs named by a title ("welder jobs that pay well") is of the jobs like
    that one, not of all jobs: the words before "jobs" are kept, never silently dropped. The
    longest of them that is exactly a title counts; a field ("healthcare jobs") stays a field."""
    if question.title or question.follow_up or question.filters.fields:
        return question
    found = _KIND_OF_JOBS.search(normal(text))
    if found is None:
        return question
    words = found["t"].split()
    for n in range(len(words), 0, -1):
        span = " ".join(words[-n:])
        said = wording(span)
        if said.measure is not None or not said.filters.empty or said.field_spans:
            break  # "fastest growing jobs": how to rank them, not a kind of job
        resolved = core.index.resolve(span)
        if resolved.status is Status.MATCHED and resolved.as_written:
            return replace(question, title=span)
    return question


def is_list_question(text: str) -> bool:
    """Whether a question asks about jobs in general ("what jobs pay more"), not one job."""
    return bool(phrasings.LIST.search(normal(text)))


def is_prospects(core: Core, text: str) -> bool:
    """Whether `text` asks whether a job it names is a good bet ("is being a nurse practitioner
    worth it"): asked after one's own job, about that other job."""
    question = _recognised(core, text, tools=False)
    return question is not None and question.ask is Ask.PROSPECTS and question.title != PREVIOUS


def about_the_last(core: Core, text: str) -> bool:
    """Whether an advisor question is about "it" ("is that a good living?", "is it worth
    it?"): the job the last answer — or the same message — named."""
    question = _recognised(core, text, tools=False)
    return question is not None and question.title == PREVIOUS


def is_group(chat_id: int | None) -> bool:
    """Telegram gives groups, supergroups and channels negative ids, users positive ones."""
    return chat_id is not None and chat_id < 0


async def answer(
    core: Core,
    text: str,
    *,
    chat_id: int | None = None,
    previous: Previous | None = None,
    default_area: str | None = None,
) -> Reply | None:
    """The advisor's reply to a message, or None when it is not an advisor question.

    `previous` is the chat's last answer, when the caller remembers it; `default_area` the
    chat's remembered place (used for "is my pay fair?", where the pay is the user's own).
    """
    paged = await _another_page(core, text, previous) or await _another_pay(core, text, previous)
    if paged is not None:
        return paged
    question = _recognised(core, text, tools=True)
    if question is not None and question.ask == Ask.TOOLS:
        index = await tools.tool_index(core)
        found = index.find(question.tool or "")
        if found is not None:
            return await tools.tools_reply(core, found, question.measure or Measure.EMPLOYMENT)
        question = _recognised(core, text, tools=False)
    if question is None:
        return await _same_for_another(core, text, previous)
    if question.ask == Ask.QUIZ:
        return await quiz.start(core, group=is_group(chat_id))
    if question.ask == Ask.RANK:
        return await _rank(core, _of_a_kind(core, text, question), previous)
    occupation = _occupation(core, question.title, previous)
    if occupation is None:
        return None  # a title the index does not know: the comparison path explains
    code = occupation.code
    if question.ask == Ask.HOWTO:  # in the conversation's place when the question names none
        place = question.place
        if place is None and previous is not None and previous.area:
            place = core.places.by_code(previous.area)
        reply = await how_to_become(core, code, place)
    elif question.ask == Ask.PROSPECTS:
        reply = await prospects(core, code)
        if previous is not None and previous.area and reply.context is not None:
            # the outlook is national; the conversation stays where it was ("is it growing?"
            # after machinists in Wichita, then "vs cnc programmer": in Wichita)
            reply = replace(reply, context=reply.context.with_(area=previous.area))
    elif question.ask == Ask.PLACES:
        reply = await where.places_reply(core, code, question.metros, question.within)
    else:
        place = question.place
        if place is None and default_area is None and chat_id is not None:
            default_area = await core.store.preferences.area(chat_id)
        if place is None and default_area:
            place = core.places.by_code(default_area)
        reply = await pay.pay_reply(core, code, place, question.pay or 0.0, question.hourly)
    return _with_others(core, reply, occupation)


def asks_for_a_page(text: str) -> bool:
    """ "next", "page 2": a list's page, whatever the last answer was (so never a title:
    "page" is one, the Senate's)."""
    return phrasings.PAGE.match(normal(text)) is not None


async def _another_page(core: Core, text: str, previous: Previous | None) -> Reply | None:
    """ "next", "more", "page 2", "back" after a ranking: that page of it, as « » shows."""
    if previous is None or previous.ranking is None:
        return None
    asked = phrasings.PAGE.match(normal(text))
    if asked is None:
        return None
    if asked["number"]:
        return await rank_reply(core, previous.ranking, int(asked["number"]) - 1)
    ranking = await rank(core, previous.ranking)
    ranked = [r.occupation.code for r in ranking.ranked]
    first = previous.codes[0] if previous.codes else None
    shown = ranked.index(first) // PAGE_SIZE if first in ranked else 0
    turn = -1 if asked["back"] else 1
    return await rank_reply(core, previous.ranking, shown + turn, ranking=ranking)


_ANOTHER_PAY = re.compile(
    r"^(?:(?:and|ok|so|but)\s+)?(?:(?:what|how)\s+about|what\s+if\s+(?:i\s+(?:made|make|got))?|and)?\s*"
    rf"{phrasings.AMOUNT.pattern}(?:\s+instead)?$"
)


async def _another_pay(core: Core, text: str, previous: Previous | None) -> Reply | None:
    """ "what about 40?" after "is $30 an hour good for an electrician in ohio": the same
    question with the other pay, same job and place (and unit, unless one is said)."""
    if previous is None or previous.kind != ReplyKind.PAY_POSITION or not previous.codes:
        return None
    redo = (previous.redo or "").split("|")
    found = _ANOTHER_PAY.match(normal(text))
    if found is None or len(redo) != 3 or redo[0] != "$":
        return None
    value = money(found["amount"], found["k"])
    unit = (found["unit"] or "").replace(" ", "")
    hourly = "h" in unit if unit else (redo[2] == "h" and not found["k"])
    if not hourly and value < 1000:
        return None
    place = core.places.by_code(previous.area) if previous.area else None
    return await pay.pay_reply(core, previous.codes[0], place, value, hourly)


async def _same_for_another(core: Core, text: str, previous: Previous | None) -> Reply | None:
    """ "And for LPNs?" after where nurses make the most: the same answer about another
    occupation (after a list of places or a good-bet card; how-to follow-ups are the
    conversation's)."""
    if previous is None or previous.kind not in (ReplyKind.PLACES, ReplyKind.PROSPECTS):
        return None
    found = phrasings.SAME_FOR.match(normal(text))
    title = (found["t"] or found["u"]) if found is not None else None
    if not title or core.places.find(title) is not None or title.split()[0] in ("in", "the"):
        return None
    occupation = resolve(core, title_text(title))
    if occupation is None or occupation.others:
        return None
    ctx = previous.elsewhere(previous.area)
    reply = await show(
        core, Context(ctx.kind, (occupation.code,), (title,), ctx.area, redo=ctx.redo)
    )
    before = previous.codes[:1]  # "which pays more?" next: the two asked about, in turn
    if reply is None or reply.context is None or before == (occupation.code,):
        return reply
    return replace(reply, context=reply.context.with_(listed=(*before, occupation.code)))


def _occupation(core: Core, title: str | None, previous: Previous | None) -> Resolved | None:
    if title == PREVIOUS:
        code = previous.occupation if previous is not None else None
        return Resolved(code, code, code) if code else None
    return resolve(core, title) if title else None


def _with_others(core: Core, reply: Reply, occupation: Resolved) -> Reply:
    """An unsure title was read as its best occupation: name it, and offer the others."""
    if not occupation.others or reply.kind == ReplyKind.EXPIRED:
        return reply
    note = f"\n<i>Read “{esc(occupation.asked)}” as {esc(occupation.title)}. Or did you mean:</i>"
    rows: tuple[tuple[Button, ...], ...] = tuple(
        (core.keyboards.button(f"↪ {c.title[:60]}", View.SUMMARY, [c.code]),)
        for c in occupation.others
    )
    return replace(reply, text=reply.text + note, buttons=reply.buttons + rows)


async def _rank(core: Core, question: Question, previous: Previous | None) -> Reply | None:
    ranking = previous.ranking if previous is not None else None
    if question.elsewhere and previous is not None and ranking is None:
        # "how does that compare nationally?" after a pay position or a list of places
        area = question.place.code if question.place is not None else None
        if previous.kind in (ReplyKind.PAY_POSITION, ReplyKind.PLACES, ReplyKind.TOOLS):
            return await show(core, previous.elsewhere(area))
    if question.needs_ranking and ranking is None:
        # "what about in Texas?", "which pays most?" after something not a list; but with
        # nothing shown to ask about, "what pays the most in ohio" asks for the ranking.
        shown = previous is not None and len(previous.codes) > 1  # one job: nothing to choose
        if shown or question.measure is None or question.elsewhere:
            return None
    base = ranking if question.follow_up or question.needs_ranking else None
    filters = question.filters
    if question.title is not None:
        similar = _occupation(core, question.title, previous)
        if similar is None:
            return None
        filters = replace(filters, similar_to=similar.code)
    if base is not None:
        filters = base.filters.merged(filters)
    measure = question.measure or (base.measure if base is not None else Measure.ANNUAL)
    area = _area(question.place, question.national, base)
    return await rank_reply(
        core, RankQuery(measure, area, filters), unsupported=question.unsupported
    )


def _area(place: Place | None, national: bool, base: RankQuery | None) -> str:
    if place is not None:
        return place.code
    if national or base is None:
        return NATIONAL
    return base.area


async def show(core: Core, ctx: Context) -> Reply | None:
    """An advisor answer again, as the conversation changed it (another place, mostly): the
    ranking, tools list, places or pay position its context names; None when the context is
    not one of these, or the change makes it another kind of answer (the service shows it)."""
    place = core.places.by_code(ctx.area) if ctx.area else None
    redo = (ctx.redo or "").split("|")
    if ctx.kind == ReplyKind.RANK and redo[0] == "n":
        query = ranking_of(ctx.redo or "", ctx.area)
        return await rank_reply(core, query) if query is not None else None
    if ctx.kind == ReplyKind.TOOLS and redo[0] == "t" and len(redo) == 3 and redo[1].isdigit():
        tool = (await tools.tool_index(core)).by_number(int(redo[1]))
        measure = Measure.ANNUAL if redo[2] == "a" else Measure.EMPLOYMENT
        return await tools.tools_reply(core, tool, measure) if tool is not None else None
    code = ctx.codes[0] if ctx.codes else None
    if code is None or code not in await core.store.occupations([code]):
        return None
    if ctx.kind == ReplyKind.PLACES:
        if place is None:
            return await where.places_reply(core, code, redo[1:2] == ["m"])
        return await where.places_reply(core, code, True, place) if is_state(place) else None
    if ctx.kind == ReplyKind.PAY_POSITION and redo[0] == "$" and len(redo) == 3:
        try:
            pay_value = float(redo[1])
        except ValueError:
            return None
        return await pay.pay_reply(core, code, place, pay_value, redo[2] == "h")
    if ctx.kind == ReplyKind.PROSPECTS and place is None:
        return await prospects(core, code)
    return None


async def press(core: Core, action: Action) -> Reply:
    """The reply to one of the advisor's buttons (`View.RANKING`, `PLACES`, `TOOLS`, `HOWTO`,
    `PROSPECTS`, `QUIZ`)."""
    place = core.places.by_code(action.area) if action.area else None
    if action.area and place is None:
        return core.expired()
    if action.view == View.RANKING:
        return await rankings.press(core, action.codes, action.area, action.state or "a")
    if action.view == View.PLACES:
        return await where.press(core, action.codes, action.area, action.state)
    if action.view == View.TOOLS:
        return await tools.press(core, action.state)
    if action.view == View.QUIZ:
        return await quiz.press(core, action.state or "a")
    known = await core.store.occupations(action.codes[:1])
    if not action.codes or action.codes[0] not in known:
        return core.expired()
    if action.view == View.HOWTO:
        return await how_to_become(core, action.codes[0], place)
    if action.view == View.PROSPECTS:
        return await prospects(core, action.codes[0])
    return core.expired()
