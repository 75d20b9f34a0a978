"""Button presses: the view a button's payload names, for its occupations and place.

Detail views are rendered from the table in `bot.views`; the other buttons are answered by
the methods `_buttons` lists (one entry each). `Careerbot.press` (bot/service.py) calls
`_press` and remembers what the button showed as what the conversation is about.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import replace

from bot import across, advisor, callbacks, picker, wording
from bot.across import Placed
from bot.callbacks import Action, InvalidCallback
from bot.conversation.answers import ConversationAnswers
from bot.places import Place, place_name
from bot.render import trim
from bot.replies import Reply, ReplyKind, View
from bot.resolver import Candidate
from store.facts import OccupationFacts


class ButtonAnswers(ConversationAnswers):
    """The answers to the bot's buttons, and the view a payload names."""

    async def _press(self, data: str | None, chat_id: int | None = None) -> Reply:
        try:
            action = callbacks.decode(data, self.version)
        except InvalidCallback:
            return self.expired()
        own = self._buttons().get(action.view)
        if own is not None:
            return await own(action, data or "", chat_id)
        place = self.places.by_code(action.area) if action.area else None
        if action.area and place is None:
            return self.expired()
        return await self.detail(action.view, action.codes, place, state=action.state)

    async def view(
        self, view: View, codes: Sequence[str], place: Place | None, state: str | None = None
    ) -> Reply:
        """A detail view (`state`: its own, e.g. How to switch's direction) or the summary."""
        if view == View.SUMMARY:
            ordered = await self._facts_of(codes, place)
            if ordered is None:
                return self.expired()
            sides = [(f.title, Candidate(f.code, f.title, f.title, 100.0)) for f in ordered]
            return await self.summary(sides, place=place)
        return await self.detail(view, codes, place, state=state)

    def _buttons(
        self,
    ) -> dict[View, Callable[[Action, str, int | None], Awaitable[Reply]]]:
        """Buttons that are not detail views: what answers each."""
        return {
            View.SUMMARY: self._press_summary,
            View.CHART: self._press_chart,
            View.LOCATION: self._press_location,
            View.RANKING: self._press_advisor,
            View.PLACES: self._press_advisor,
            View.TOOLS: self._press_advisor,
            View.HOWTO: self._press_advisor,
            View.PROSPECTS: self._press_advisor,
            View.QUIZ: self._press_advisor,
        }

    async def _facts_of(
        self, codes: Sequence[str], place: Place | None
    ) -> list[OccupationFacts] | None:
        """The button's occupations in its place, in order; None if one is unknown (forged)."""
        facts, _ = await self.facts(codes, place)
        if len(facts) != len(set(codes)):
            return None
        return [facts[c] for c in dict.fromkeys(codes)]

    async def _press_summary(self, action: Action, data: str, chat_id: int | None) -> Reply:
        if across.is_across(action.state):
            placed = await self._pressed_across(action)
            return self.expired() if placed is None else await self.across(placed)
        place = self.places.by_code(action.area) if action.area else None
        if action.area and place is None:
            return self.expired()
        return await self.view(View.SUMMARY, action.codes, place)

    async def _press_chart(self, action: Action, data: str, chat_id: int | None) -> Reply:
        if across.is_across(action.state):
            placed = await self._pressed_across(action)
            return self.expired() if placed is None else await self.across_chart(placed, data)
        place = self.places.by_code(action.area) if action.area else None
        return await self.chart(action.codes, place, key=data)

    async def _press_location(self, action: Action, data: str, chat_id: int | None) -> Reply:
        """📍 Location: a page of the place picker, or the chosen place's answer (saved for
        the chat when there is one)."""
        picking = picker.decode(action.state)
        place = self.places.by_code(action.area) if action.area else None
        if picking is None or (action.area and place is None):
            return self.expired()
        if picking.step != picker.Step.CHOSEN:
            page = picker.Picker(self.places, self.keyboards).page(
                picking, action.codes, action.area
            )
            if page is None:
                return self.expired()
            return Reply(ReplyKind.LOCATION, page[0], page[1], extra={"picking": True})
        reply = await self.view(picking.view, action.codes, place, picking.own)
        if reply.kind == ReplyKind.EXPIRED:
            return reply
        if chat_id is not None:
            await self.store.preferences.set_area(chat_id, place.code if place else None)
        note = wording.place_chosen(
            place_name(place), saved=chat_id is not None, national=place is None
        )
        return replace(
            reply,
            text=trim(f"{note}\n{reply.text}"),
            extra={
                **reply.extra,
                "location": self.places.json(place),
                "saved": chat_id is not None,
            },
        )

    async def _press_advisor(self, action: Action, data: str, chat_id: int | None) -> Reply:
        """The advisor's buttons: pages of its lists, its cards and the interest quiz."""
        return await advisor.press(self, action)

    async def quiz(self, chat_id: int | None = None) -> Reply:
        """The interest quiz's first item (/quiz, or `/start quiz`: the deep link a group's
        invite opens); in a group, /quiz gets the invitation to take it in private."""
        return await advisor.quiz.start(self, group=advisor.is_group(chat_id))

    async def _pressed_across(self, action: Action) -> list[Placed] | None:
        """The sides of a comparison across places a button carries (None: not one, or
        forged)."""
        pairs = across.unpack(action.codes, action.state)
        if pairs is None:
            return None
        sides = []
        for code, area in pairs:
            place = self.places.by_code(area)
            if place is None:
                return None
            sides.append(("", code, place))
        placed = await self.placed(sides)
        if placed is None:
            return None
        return [replace(p, asked=p.facts.title) for p in placed]
