"""The replies a conversation adds: any context shown again (`show`), answers to questions
about the occupations shown, how to become one, small talk and the hints for what cannot be
answered.

`Careerbot` extends this class (over `bot.answers.Answers`), so every reply is built the same
way whether it answers a new question or a follow-up.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from bot import across, advisor, wording
from bot.answers import Answers
from bot.conversation import facts
from bot.conversation.context import Context
from bot.conversation.dialogue import Nothing, Unsure
from bot.layout import REVERSED
from bot.payloads import occupation_json, resolution_json
from bot.places import Place
from bot.render import Side, trim
from bot.replies import Button, Reply, ReplyKind, View
from bot.resolver import Candidate
from bot.views import VIEWS, ViewContext

MAX_CLARIFY = 4


class ConversationAnswers(Answers):
    async def show(self, ctx: Context) -> Reply:
        """The answer a context describes (its kind, occupations, place and view); the reply's
        context keeps what the conversation knew besides (the person's job, a list shown)."""
        reply = await self._show(ctx)
        if reply.context is None:
            return reply
        after = reply.context.with_(
            current=reply.context.current or ctx.current,
            listed=reply.context.listed or ctx.listed,
            asked=tuple(
                ctx.asked[ctx.codes.index(c)]
                if c in ctx.codes and ctx.asked[ctx.codes.index(c)]
                else a
                for c, a in zip(reply.context.codes, reply.context.asked, strict=True)
            ),
        )
        return replace(reply, context=after)

    async def _show(self, ctx: Context) -> Reply:
        advised = await advisor.show(self, ctx)  # a ranking, places, a pay… asked again
        if advised is not None:
            return advised
        place = self.places.by_code(ctx.area) if ctx.area else None
        kind = ReplyKind(ctx.kind)
        if kind == ReplyKind.SWITCH and len(ctx.codes) == 2:
            return await self.switch(ctx.codes, (ctx.asked[0], ctx.asked[1]), place)
        if kind == ReplyKind.CHART:
            return await self.chart(ctx.codes, place)
        if kind == ReplyKind.FACT and ctx.measure:
            return await self.fact(ctx, place)
        if kind == ReplyKind.HOWTO:
            return await self.howto(ctx, place)
        if kind == ReplyKind.DETAIL and ctx.view in VIEWS and VIEWS[View(ctx.view)].render:
            return await self.detail(View(ctx.view), ctx.codes, place, asked=ctx.asked)
        sides = [
            (asked, Candidate(code, "", "", 100.0))
            for code, asked in zip(ctx.codes, ctx.asked, strict=True)
        ]
        return await self.summary(sides, place=place)

    async def _sides(
        self, codes: Sequence[str], asked: Sequence[str], place: Place | None
    ) -> list[Side] | None:
        """The occupations in the place (national where it has no figure), in order; None if
        one is unknown (a forged button, or a context from another release)."""
        found, _ = await self.facts(codes, place)
        if any(code not in found for code in codes):
            return None
        return [Side(a, found[c].title, found[c]) for c, a in zip(codes, asked, strict=True)]

    async def detail(
        self,
        view: View,
        codes: Sequence[str],
        place: Place | None,
        asked: Sequence[str] | None = None,
        state: str | None = None,
    ) -> Reply:
        """A detail view of these occupations in this place (see `bot.views`); `state` is the
        button's own: How to switch's direction, or the places of a comparison across places
        (`bot.across`), which every button then keeps."""
        render = VIEWS[view].render
        unique = list(dict.fromkeys(codes))
        sides = await self._sides(unique, list(asked or unique)[: len(unique)], place)
        if render is None or sides is None:
            return self.expired()
        ordered = [s.facts for s in sides]
        if view == View.SWITCH and state == REVERSED:
            ordered = ordered[::-1]
        rendered = await render(ViewContext(self.store, ordered, place, self.top, self.metadata))
        area = place.code if place else None
        places = across.is_across(state)
        return Reply(
            ReplyKind.DETAIL,
            trim(rendered.text),
            self.keyboards.offers(rendered.offers, len(ordered) > 1)
            + self.keyboards.detail(
                unique,
                view,
                area,
                shown=None if places else state,
                state=state if places else None,  # back to the comparison across places
                picker=not places,
            ),
            tuple(occupation_json(s, self.period) for s in sides),
            extra={"view": view, "codes": list(codes), "location": self.places.json(place)},
            context=Context(
                ReplyKind.DETAIL,
                tuple(unique),
                tuple(s.asked_as for s in sides),
                area,
                view=view,
                listed=tuple(o.code for o in rendered.offers),
            ),
        )

    async def fact(self, ctx: Context, place: Place | None) -> Reply:
        """ "which pays more?" and the like, answered from the figures in the place."""
        sides = await self._sides(ctx.codes, ctx.asked, place)
        if sides is None or not ctx.measure:
            return self.expired()
        where = place.name if place else "the U.S."
        # Figures from another area (the national ones a side falls back to when the place
        # has none) are not the place's: that side has no figure there, and says so.
        found = facts.answer(
            [
                s.facts
                if place is None or s.facts.wages is None or s.facts.wages.area_code == place.code
                else replace(s.facts, wages=None)
                for s in sides
            ],
            ctx.measure,
            where,
            self.top,
            self.period,
            await self.store.average_growth(),
        )
        area = place.code if place else None
        return Reply(
            ReplyKind.FACT,
            trim(found.text),
            self.keyboards.detail(list(ctx.codes), View.SUMMARY, area),
            tuple(occupation_json(s, self.period) for s in sides),
            extra={
                "location": self.places.json(place),
                "measure": found.measure,
                "answer": found.favoured,
            },
            context=ctx.with_(kind=ReplyKind.FACT, area=area, view=None),
        )

    async def howto(self, ctx: Context, place: Place | None) -> Reply:
        """How to become it: the advisor's card (`bot.advisor.how_to_become`), in this
        conversation."""
        if not ctx.codes:
            return self.expired()
        reply = await advisor.how_to_become(self, ctx.codes[0], place)
        if reply.context is None:
            return reply
        area = place.code if place else None
        return replace(
            reply,
            context=ctx.with_(
                kind=ReplyKind.HOWTO, codes=ctx.codes[:1], asked=ctx.asked[:1], area=area, view=None
            ),
        )

    def small_talk(self, text: str = "thanks") -> Reply:
        return Reply(ReplyKind.SMALLTALK, wording.small_talk(text))

    def greeting(self) -> Reply:
        """ "hi": what the bot does, with examples to tap; a short reply like small talk."""
        return replace(self.fallback(greeting=True), kind=ReplyKind.SMALLTALK)

    def hint(self, why: Nothing | None = None, context: Context | None = None) -> Reply:
        """What cannot be answered: say what the bot can do, with examples close to it."""
        return Reply(ReplyKind.NONE, wording.hint(why.why if why else None, context is not None))

    def clarify_in(self, unsure: Unsure, ctx: Context) -> Reply:
        """ "Did you mean…" for a title in a follow-up; a tap answers with the others kept."""
        place = self.places.by_code(ctx.area) if ctx.area else None
        buttons: list[tuple[Button, ...]] = []
        for candidate in unsure.resolution.candidates[:MAX_CLARIFY]:
            codes = [
                *unsure.keep[: unsure.position],
                candidate.code,
                *unsure.keep[unsure.position :],
            ]
            codes = list(dict.fromkeys(codes))
            buttons.append(
                (
                    self.keyboards.button(
                        candidate.title[:60], View.SUMMARY, codes, place.code if place else None
                    ),
                )
            )
        if not buttons:
            return self.hint()
        return Reply(
            ReplyKind.CLARIFY,
            wording.did_you_mean(unsure.resolution.text, True),
            tuple(buttons),
            extra={"sides": [resolution_json(unsure.resolution)]},
        )


def _said(ctx: Context, code: str) -> str:
    """How the person named `code` in this context ("" if they did not)."""
    return ctx.asked[ctx.codes.index(code)] if code in ctx.codes else ""
