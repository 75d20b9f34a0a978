"""The Telegram-free core: a message or a button press in, a `Reply` out.

The bot, the console and `careerbot ask` all call `Careerbot.answer` and `Careerbot.press`, so
they show the same thing. This module holds the steps of a request — parse, resolve, find the
place asked about, pick the kind of reply — and `bot.answers` builds each reply from the facts,
handing the wording to `bot.summary`, `bot.views` and `bot.wording` and the buttons to
`bot.layout`.

What a message asks (its question, titles, follow-up; `careerbot match`) is read by
`bot.asked`, and the buttons' own answers live in `bot.pressing`; this module keeps the order
of a request's steps and what the conversation remembers between them.

A little over 450 lines: `_turn` is one ordered list of readings (small talk, places, advice,
follow-ups, a question with titles), and the order is the rule; spread over modules, a reader
would have to put it back together to see which reading wins.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from bot import advisor, wording
from bot.asked import AskedReading
from bot.conversation import dialogue, followups, phrasing, question_first
from bot.conversation.charted import asked_for as charted_asked_for
from bot.conversation.context import Context, member_key, message_key
from bot.conversation.dialogue import Unsure
from bot.parsing import MAX_TITLES, IntentKind
from bot.places import NATIONAL_WORDS, Places, is_region, place_name
from bot.pressing import ButtonAnswers
from bot.render import trim
from bot.replies import Reply, ReplyKind, View
from bot.resolver import Status, TitleIndex, load_index
from store.db import DatabaseFault as DatabaseFault  # re-exported: front ends catch them
from store.db import DatabaseMissing as DatabaseMissing
from store.db import unusable
from store.queries import CareerStore


class Careerbot(AskedReading, ButtonAnswers):
    """The core every front end talks to: answer a message, press a button, set a place."""

    @classmethod
    async def open(cls, database_url: str, index: TitleIndex | None = None) -> Careerbot:
        """Open the store and load the title index; DatabaseMissing (naming the fix) if there
        is nothing usable to read.

        `index` lets several bots over the same database share one title index (tests, and
        later several workers in one process).
        """
        store = await CareerStore.open(database_url)
        try:
            metadata = await store.metadata()
            areas = await store.areas()
            jobs = await store.area_jobs()
            if index is None:
                index = await load_index(store)
        except Exception as error:
            await store.close()
            raise unusable(error) from error  # missing, or the server's fault (store.db)
        return cls(store, index, metadata, Places(areas, jobs))

    async def close(self) -> None:
        await self.store.close()

    # --- messages -------------------------------------------------------------------------
    async def answer(
        self,
        text: str,
        default_area: str | None = None,
        chat_id: int | None = None,
        member_id: int | None = None,
        replying_to: int | None = None,
    ) -> Reply:
        """Reply to a message, as the next turn of the conversation in `chat_id`.

        The conversation is the chat's (and, in groups, `member_id`'s), or that of the bot's
        answer `replying_to` (a message id) when the message replies to one; without a chat
        there is none. A place in the message wins; else `default_area`, else the place
        remembered for the chat (see `set_location`).
        """
        key = member_key(chat_id, member_id) if chat_id is not None else None
        if key is not None:
            self.store.conversations.refresh_soon()  # other instances' turns, now and then
        before = self._recall(chat_id, key, replying_to)
        reply = await self._turn(text, before, default_area, chat_id, member_id)
        # A reply to an older answer continues that answer's thread (kept with the message the
        # front end sends, `remember_sent`); the member's own thread is left as it was — unless
        # they have none yet: then this one becomes theirs.
        threaded = (
            replying_to is not None
            and chat_id is not None
            and key is not None
            and self.store.conversations.get(message_key(chat_id, replying_to)) is not None
            and self.store.conversations.get(key) is not None
        )
        if key is not None and not threaded:
            self._remember(key, before, reply)
        return reply

    async def _turn(
        self,
        text: str,
        before: Context | None,
        default_area: str | None,
        chat_id: int | None,
        member_id: int | None = None,
    ) -> Reply:
        if before is not None and before.kind == ReplyKind.QUIZ:  # "yes", "nah", "3"
            answered = await advisor.quiz.typed(self, text, before.redo)
            if answered is not None:
                return answered
        said = self._read(text)
        if said.small_talk:
            return self.greeting() if said.greeting else self.small_talk(text)
        if said.meta == "about":
            return self.about()
        if said.meta == "help":
            return self.help()
        if said.set_place is not None and chat_id is not None:
            return await self.set_location(chat_id, said.set_place, member_id)
        here = self._here(said, before)
        if here is not None and chat_id is not None:
            # "i'm in boston", "moving to boise"
            return await self.set_location(chat_id, here, member_id)
        if said.likes is not None:
            if phrasing.is_activity(said.likes) or not self._is_exact(said.likes):
                # "i like working with my hands": no job asked; the interest quiz finds some
                return await advisor.quiz.start(self, group=advisor.is_group(chat_id))
            said = replace(said, question=said.likes)  # "i like nursing": the field's job
        # Titles with a question about them ("plumber or electrician, which pays more in
        # texas?") are ours, whatever else the message says ("…going into the trades").
        both = question_first.split_read(
            text, said.question, self.places.find_loosely, self._is_title
        )
        if both is None and said.question and said.question != text:
            both = self._set_said_before(text, said.question)
        own = self._own_job(said.own_job)
        ctx = before or Context(ReplyKind.NONE)
        if own is not None:
            ctx = ctx.with_(current=own)
            if not ctx.codes or said.someone_else:  # "my uncle is a boilermaker, do they make
                # a lot?", "is that a good living?": about that job, whatever came before
                ctx = ctx.with_(kind=ReplyKind.PROFILE, codes=(own,), asked=(said.own_job or "",))
        # Advisor questions ("highest paying jobs without a degree", "how do I become one?",
        # "what career fits me?"), read against the last answer; None: not one of them.
        advice = None
        if not both:
            advice = await self._advise(
                text, said, ctx if ctx.codes else before, chat_id, default_area
            )
        if advice is not None:
            if own is None and advice.kind == ReplyKind.PAY_POSITION and _FIRST_PERSON.search(text):
                own = advice.context.codes[0] if advice.context and advice.context.codes else None
            return _as_current(own, advice)  # "im a guard making 16.50": a switch starts there
        if not both and len(ctx.codes) != 1 and advisor.about_the_last(self, said.question or text):
            # "is it worth it?", "is 120k good?" with no job yet, or after two: which one?
            why = "which one" if ctx.codes else "no occupation yet"
            return self.hint(dialogue.Nothing(why), before)
        wants = self._wants(said)
        if wants is not None and own is not None:  # "a car mechanic who wants to become…"
            step = dialogue.next_context(
                followups.FollowUp(followups.Move.HOWTO, titles=(wants,)),
                ctx,
                self.index.resolve,
                self.places.state_of,
            )
            if isinstance(step, Context):
                return await self.show(step)
        question = said.question
        if not question or (
            own is not None
            and not both
            and self._follow_up(question) is None
            and self._about_own_job(said)
        ):
            if own is not None:  # "I'm a nurse", "… is that union work": that job's profile
                return await self.show(
                    ctx.with_(kind=ReplyKind.PROFILE, codes=(own,), asked=(said.own_job or "",))
                )
            if said.own_job:  # "I work at a hospital": a job we cannot tell; what we can do
                return self.hint(None, before)
            return self.greeting()
        across_places = await self.across_places(question)
        if across_places is not None:  # "teacher in Texas vs teacher in California"
            return across_places
        if both is not None:  # "carpenter vs electrician, which pays more?"
            return _as_current(own, await self._set_question(both, default_area, chat_id))
        elsewhere_too = await self.across_follow_up(question, before)
        if elsewhere_too is not None:  # "oregon or maine?" after carpenters in Portland
            return elsewhere_too
        bare = followups.without_lead(question)
        if is_region(bare):  # "what about the midwest?"
            return Reply(ReplyKind.NONE, wording.place_unknown(bare))
        move = self._follow_up(question)
        if move is not None and move.move is followups.Move.ASK and not move.place:
            again = await self.across_again(before)  # "nurse in ca vs tx", "which pays more?"
            if again is not None:
                return again
        if move is not None:
            move = self._with_head(move, ctx.asked)  # "vs mechanical" after "civil engineer"
            step = dialogue.next_context(move, ctx, self.index.resolve, self.places.state_of)
            if isinstance(step, Context):
                return await self.show(step)
            if isinstance(step, Unsure):
                return self.clarify_in(step, ctx)
            if (before is not None and before.codes) or not move.titles:
                return self.hint(step, before)
            question = move.titles[0]  # "and electricians?" with no job before: electricians
        elsewhere = followups.place_asked(question)
        if elsewhere is not None and not self._is_title(elsewhere):
            return Reply(ReplyKind.NONE, wording.place_unknown(elsewhere))  # "in the south?"
        if followups.is_function_words(question) or advisor.asks_for_a_page(question):
            return self.hint(None, before)  # "page 2" with no list shown
        if said.there and before is not None and before.area and default_area is None:
            default_area = before.area  # "how much do teachers make there"
        # One job named mid-conversation without a place ("tell me about radiation therapists"
        # after a ranking in Minnesota) is about the place the conversation is in; a new set
        # of jobs ("X vs Y") starts afresh.
        along = before.area if before is not None and default_area is None else None
        charted = charted_asked_for(question)
        if charted is not None:  # "can u make me a chart comparing welders and machinists"
            drawn = await self._question(charted, default_area, chat_id)
            if drawn.kind in (ReplyKind.COMPARE, ReplyKind.PROFILE) and drawn.context is not None:
                chart = drawn.context.with_(kind=ReplyKind.CHART, view=View.CHART, measure=None)
                return _as_current(own, await self.show(chart))
            return drawn
        return _as_current(own, await self._question(question, default_area, chat_id, along))

    def _here(self, said: phrasing.Said, before: Context | None) -> str | None:
        """Where the person says they are ("i'm in boston", "moving to boise next month"), as
        a name `set_location` knows — unless they are moving while a job is being discussed:
        "im moving to denver" then asks about that job there (a follow-up)."""
        if said.here is None or (said.moving and before is not None and before.codes):
            return None
        if self.places.find(said.here) is not None:
            return said.here
        loosely = self.places.find_loosely(said.here)  # "boise": Boise City, ID
        return loosely.name if loosely is not None else None

    def _set_said_before(self, text: str, question: str) -> question_first.Asked | None:
        """ "… maybe electrician or hvac but idk which one. … which is better?": a question
        about a set, and the set named earlier in the message."""
        move = self._follow_up(question)
        if move is None or move.move is not followups.Move.ASK:
            return None
        found = question_first.set_in(text, self._is_matched)
        return question_first.Asked(found, move) if found else None

    async def _set_question(
        self, both: question_first.Asked, default_area: str | None, chat_id: int | None
    ) -> Reply:
        """The titles compared, with the question about them answered from the figures on
        top: "Electricians earn more: …", then their side-by-side figures. Someone who names
        the jobs has not seen them yet, so the comparison stays the answer (and the
        conversation goes on from it); "which is better?" gets the comparison alone, and so
        does a set that is not one (a did-you-mean)."""
        reply = await self._question(both.titles, default_area, chat_id)
        if reply.context is None or len(reply.context.codes) < 2:
            return reply
        step = dialogue.next_context(
            both.question, reply.context, self.index.resolve, self.places.state_of
        )
        if not isinstance(step, Context):
            return reply
        if step.area != reply.context.area:  # "would I make more as X or Y in Kansas"
            reply = await self.show(reply.context.with_(area=step.area))
        if both.question.measure == followups.Measure.BETTER:
            return reply  # of titles just named, their side-by-side figures are the answer
        fact = await self.show(step)
        if fact.kind != ReplyKind.FACT:
            return reply
        answered: dict[str, Any] = {
            k: fact.extra[k] for k in ("measure", "answer") if k in fact.extra
        }
        return replace(
            reply, text=trim(f"{fact.text}\n\n{reply.text}"), extra={**reply.extra, **answered}
        )

    async def _advise(
        self,
        text: str,
        said: phrasing.Said,
        before: Context | None,
        chat_id: int | None,
        default_area: str | None,
    ) -> Reply | None:
        """The advisor's answer to the message as written, else to the question inside it
        ("Hi! what career fits me?") — unless the person named their own job, whose "how do I
        become X?" is a switch from it (answered below); "is that a good living?" about it is
        the advisor's. `before` is what the question is about: the last answer, or the job the
        message named (`_turn`)."""
        if said.question != text and not said.own_job and self._is_exact(said.question):
            return None  # "nanny jobs good money?": about that job, not a list of jobs
        previous = advisor.Previous.from_context(before) if before is not None else None
        reply = await advisor.answer(
            self, text, chat_id=chat_id, previous=previous, default_area=default_area
        )
        inside = said.question and said.question != text
        if (
            reply is None
            and inside
            and (
                not said.own_job
                or advisor.about_the_last(self, said.question)
                or advisor.is_prospects(self, said.question)  # "(i'm a nurse,) is NP worth it"
            )
        ):
            reply = await advisor.answer(
                self, said.question, chat_id=chat_id, previous=previous, default_area=default_area
            )
        return reply

    async def _question(
        self, text: str, default_area: str | None, chat_id: int | None, along: str | None = None
    ) -> Reply:
        """A new question: the titles in `text` compared, profiled or switched between.
        `along`: the place the conversation is in, for a question about one job."""
        intent, resolutions = self._read_titles(text)
        if along and not intent.place and len(resolutions) == 1 and default_area is None:
            default_area = along
        if default_area is None and chat_id is not None and intent.titles and not intent.place:
            default_area = await self.store.preferences.area(chat_id)
        if intent.kind == IntentKind.NONE or not intent.titles:
            return self.fallback(greeting=intent.greeting)
        too_many = len(resolutions) > MAX_TITLES or (intent.too_many and not intent.groups)
        resolutions = resolutions[:MAX_TITLES]
        if all(r.status == Status.UNKNOWN for r in resolutions):
            return self.fallback(unknown=intent.titles)
        place = self.places.find_loosely(intent.place) if intent.place else None
        if place is None and default_area:
            place = self.places.by_code(default_area)
        # A title O*NET lists as written under several occupations ("forklift operator") is
        # answered as its first, most likely meaning, with the others offered to tap; only a
        # title that is not found as written gets a "did you mean" first.
        shared = [(i, r) for i, r in enumerate(resolutions) if r.shared]
        unsure = next(
            (
                i
                for i, r in enumerate(resolutions)
                if r.status != Status.MATCHED and i not in dict(shared)
            ),
            None,
        )
        if unsure is not None:
            switching = intent.kind == IntentKind.SWITCH and len(resolutions) == 2
            return self.clarify(
                resolutions, unsure, View.SWITCH if switching else View.SUMMARY, place
            )
        sides = [(r.text, r.candidates[0]) for r in resolutions]
        note = wording.TOO_MANY if too_many else None
        codes = [c.code for _, c in sides]
        if intent.kind == IntentKind.SWITCH and len(set(codes)) == 2:
            return await self.switch(codes, (sides[0][0], sides[1][0]), place)
        return await self.summary(sides, place=place, note=note, also=shared)

    # --- one job in several places ------------------------------------------------------------
    # --- the conversation -------------------------------------------------------------------
    def _recall(
        self, chat_id: int | None, key: str | None, replying_to: int | None
    ) -> Context | None:
        """The context a message continues: the answer it replies to, else the member's last."""
        if chat_id is None or key is None:
            return None
        conversations = self.store.conversations
        if replying_to is not None:
            found = conversations.get(message_key(chat_id, replying_to))
            if found is not None:
                return Context.loads(found)
        found = conversations.get(key)
        return Context.loads(found) if found is not None else None

    def _remember(self, key: str, before: Context | None, reply: Reply) -> None:
        """Keep what the conversation is about after `reply` (unchanged by small talk, hints,
        did-you-mean and fixed texts)."""
        after = reply.context
        if after is None:
            return
        if before is not None and after.current is None and before.current is not None:
            after = after.with_(current=before.current)
        self.store.conversations.put(key, after.dumps())

    def _moved(self, key: str, area: str | None) -> None:
        """The conversation under `key` is now about `area` (None: the whole country)."""
        found = self.store.conversations.get(key)
        ctx = Context.loads(found) if found is not None else None
        if ctx is not None:
            self.store.conversations.put(key, ctx.with_(area=area).dumps())

    def remember_sent(self, chat_id: int, message_id: int, reply: Reply) -> None:
        """The front end sent `reply` as `message_id`: a reply to it continues from there."""
        if reply.context is not None:
            self.store.conversations.put(message_key(chat_id, message_id), reply.context.dumps())

    async def refresh_conversations(self) -> None:
        """Other instances' conversations, for front ends that share a database."""
        await self.store.conversations.refresh()

    # --- the chat's place -------------------------------------------------------------------
    async def set_location(self, chat_id: int, text: str, member_id: int | None = None) -> Reply:
        """`/state TX`, `/state Seattle`: remember where this chat wants pay figures for. The
        conversation (the member's) moves there too: its next question is asked there."""
        wanted = text.strip()
        if not wanted:
            current = await self.store.preferences.area(chat_id)
            place = self.places.by_code(current) if current else None
            where = place_name(place)
            return Reply(ReplyKind.LOCATION, wording.location_shown(where))
        if wanted.casefold() in NATIONAL_WORDS:
            await self.store.preferences.set_area(chat_id, None)
            self._moved(member_key(chat_id, member_id), None)
            return Reply(ReplyKind.LOCATION, wording.LOCATION_RESET)
        place = self.places.find_loosely(wanted)
        if place is None:
            return Reply(ReplyKind.LOCATION, wording.location_unknown(wanted))
        await self.store.preferences.set_area(chat_id, place.code)
        self._moved(member_key(chat_id, member_id), place.code)
        return Reply(
            ReplyKind.LOCATION,
            wording.location_saved(place.name),
            extra={"location": self.places.json(place)},
        )

    # --- buttons ----------------------------------------------------------------------------
    async def press(
        self, data: str | None, chat_id: int | None = None, member_id: int | None = None
    ) -> Reply:
        """The reply to a button: the view its payload names, for its occupations and place.

        Detail views are rendered from the table in `bot.views`; the other buttons are
        answered by the methods in `_buttons` (one entry each). In a chat, what the button
        shows becomes what the conversation is about ("in Ohio?" after Salary: Salary in Ohio).
        `chat_id` is the chat of the pressed message (None for inline-mode messages): the place
        picker saves the chosen place for it.
        """
        reply = await self._press(data, chat_id)
        if chat_id is not None and reply.context is not None:
            key = member_key(chat_id, member_id)
            before = self._recall(chat_id, key, None)
            after = reply.context if before is None else _keep_wording(reply.context, before)
            self._remember(key, before, replace(reply, context=after))
        return reply


def _keep_wording(after: Context, before: Context) -> Context:
    """After a button press (which knows only official titles): the words the person used for
    the occupations still shown, and their own job."""
    asked = tuple(
        before.asked[before.codes.index(code)] if code in before.codes else said
        for code, said in zip(after.codes, after.asked, strict=True)
    )
    return after.with_(asked=asked, current=after.current or before.current)


# A pay said as one's own ("i make", "im a guard making 16.50", "my salary"): one's own job.
_FIRST_PERSON = re.compile(
    r"\b(?:i'?m|im|i\s+am|i\s+(?:make|earn|get|got|bring)|my\s+(?:pay|salary|wage|rate))\b",
    re.IGNORECASE,
)


def _as_current(own: str | None, reply: Reply) -> Reply:
    """`reply`, remembering the person's own job (`own`, "I'm a cashier") as where a switch
    starts."""
    if own is None or reply.context is None:
        return reply
    return replace(reply, context=reply.context.with_(current=own))
