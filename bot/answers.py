"""Each kind of reply, built from the facts: summaries, switching plans, charts, did-you-mean,
the fallback and fixed texts.

`Careerbot` (bot/service.py) decides which reply a message or a button gets — the steps of a
request — and builds it with these methods; it extends this class, so front ends and tests
call them on the core as before.
"""

from __future__ import annotations

import asyncio
import re
import textwrap
from collections.abc import Sequence

from bot import across, callbacks, layout, wording
from bot.across import Placed
from bot.chart import Bar, render_chart
from bot.conversation.context import Context
from bot.layout import Keyboards
from bot.memory import Kept, Memory
from bot.naming import short_names
from bot.parsing import Intent, parse, places_in, split_places
from bot.payloads import occupation_json, resolution_json
from bot.places import Place, Places, place_name
from bot.render import MAX_CAPTION, Side, TopCode, clip, esc, trim
from bot.replies import Button, Display, Keyboard, Reply, ReplyKind, View
from bot.resolver import Candidate, Resolution, Status, TitleIndex
from bot.sentences import capitalize
from bot.summary import source_line, summary_text
from bot.switching import plan_switch, switch_text
from bot.together import shared, what_differs
from store.codes import NATIONAL
from store.facts import OccupationFacts
from store.queries import CareerStore

MAX_CLARIFY = 4


class Answers:
    """The reply builders, over the store, the title index and the places of one release."""

    def __init__(
        self, store: CareerStore, index: TitleIndex, metadata: dict[str, str], places: Places
    ) -> None:
        self.store = store
        self.index = index
        self.metadata = metadata
        self.places = places
        self.version = callbacks.data_version(metadata)
        self.keyboards = Keyboards(self.version)
        self.top = TopCode.from_footnote(metadata.get("oews_footnote_5"))
        self.period = metadata.get("release_oews", "")
        # One release's readings and summaries: replaced with the core when the data changes.
        self.memory = Memory()

    def forget_answers(self) -> None:
        """Drop the remembered resolutions and summaries, so that the next questions are
        answered afresh (the load benchmark measures unseen questions)."""
        self.index.forget_resolved()
        self.memory.forget()

    def parse(self, text: str) -> Intent:
        """What `text` asks: a question's reading depends on its words and this release's
        places only, so a question asked again is read from memory."""
        return self.memory.recall(
            Kept.INTENT,
            text,
            lambda: parse(text, lambda name: self.places.find_loosely(name) is not None),
        )

    async def switch(
        self, codes: Sequence[str], asked: tuple[str, str], place: Place | None = None
    ) -> Reply:
        """How to get from the first occupation to the second."""
        facts, _ = await self.facts(codes, place)
        origin, target = facts[codes[0]], facts[codes[1]]
        plan = await plan_switch(self.store, origin.code, target.code, (origin.title, target.title))
        sides = [Side(asked[0], origin.title, origin), Side(asked[1], target.title, target)]
        text = switch_text(plan, origin, target, self.top) + "\n" + self.source_line(target)
        area = place.code if place else None
        return Reply(
            ReplyKind.SWITCH,
            trim(text),
            self.keyboards.detail(list(codes), View.SWITCH, area),
            tuple(occupation_json(s, self.period) for s in sides),
            extra={"gaps": plan.gaps_json(), "location": self.places.json(place)},
            context=Context(ReplyKind.SWITCH, tuple(codes), tuple(asked), area),
        )

    async def chart(
        self, codes: Sequence[str], place: Place | None = None, key: str | None = None
    ) -> Reply:
        """The pay-range chart of these occupations, with a caption that names the source."""
        facts, _ = await self.facts(codes, place)
        ordered = [facts[c] for c in dict.fromkeys(codes) if c in facts]
        if not ordered:
            return self.expired()
        area = place_name(place)
        bars = [Bar(textwrap.shorten(f.title, 40, placeholder="…"), f.wages) for f in ordered]
        png = await asyncio.to_thread(render_chart, bars, area, self.period, self.top)
        caption = trim(
            "📊 Pay ranges: "
            + " vs ".join(esc(f.title) for f in ordered)
            + f" — {esc(area)}, BLS OEWS {esc(self.period)}",
            MAX_CAPTION,
        )
        area_code = place.code if place else None
        shown = tuple(f.code for f in ordered)
        sides = [Side(f.title, f.title, f) for f in ordered]
        return Reply(
            ReplyKind.CHART,
            caption,
            occupations=tuple(occupation_json(s, self.period) for s in sides),
            extra={"location": self.places.json(place)},
            photo=png,
            photo_key=key or ",".join(codes),
            display=Display.PHOTO,
            context=Context(
                ReplyKind.CHART, shown, tuple(f.title for f in ordered), area_code, view=View.CHART
            ),
        )

    def fallback(self, *, greeting: bool = False, unknown: Sequence[str] = ()) -> Reply:
        return Reply(
            ReplyKind.NONE,
            wording.fallback(greeting=greeting, unknown=unknown),
            self.example_buttons(),
            extra={"unknown": list(unknown)} if unknown else {},
        )

    def example_buttons(self) -> Keyboard:
        rows = []
        for example in wording.EXAMPLES:
            intent = self.parse(example)
            codes = []
            for title in intent.titles:
                best = self.index.resolve(title).best
                if best is not None:
                    codes.append(best.code)
            if len(codes) == len(intent.titles):
                rows.append((self.keyboards.button(f"▶ {example}", View.SUMMARY, codes),))
        return tuple(rows)

    def clarify(
        self,
        resolutions: Sequence[Resolution],
        position: int,
        view: View = View.SUMMARY,
        place: Place | None = None,
    ) -> Reply:
        """Ask which occupation one unsure title means; a tap answers the whole question."""
        resolution = resolutions[position]
        chosen = [r.best.code if r.best else None for r in resolutions]
        buttons: list[tuple[Button, ...]] = []
        for candidate in resolution.candidates[:MAX_CLARIFY]:
            codes = list(chosen)
            codes[position] = candidate.code
            if all(codes):
                area = place.code if place else None
                picked = [c for c in codes if c]
                buttons.append(
                    (self.keyboards.button(clip(candidate.title, 60), view, picked, area),)
                )
        if not buttons:
            return self.fallback(unknown=[resolution.text])
        return Reply(
            ReplyKind.CLARIFY,
            wording.did_you_mean(resolution.text, bool(resolution.candidates)),
            tuple(buttons),
            extra={"sides": [resolution_json(r) for r in resolutions]},
        )

    # --- summary ----------------------------------------------------------------------------
    async def facts(
        self, codes: Sequence[str], place: Place | None
    ) -> tuple[dict[str, OccupationFacts], list[str]]:
        """Facts for an area, falling back to national figures where the area has none.

        Also returns the titles that fell back, so the reply can say so.
        """
        national = await self.store.occupations(codes, NATIONAL)
        if place is None:
            return national, []
        local = await self.store.occupations(codes, place.code)
        fell_back = [
            f.title for code, f in local.items() if f.wages is None and national[code].wages
        ]
        merged = {code: f if f.wages is not None else national[code] for code, f in local.items()}
        return merged, fell_back

    async def summary(
        self,
        sides: Sequence[tuple[str, Candidate]],
        place: Place | None = None,
        note: str | None = None,
        also: Sequence[tuple[int, Resolution]] = (),
    ) -> Reply:
        """The summary of these occupations; `also` are titles read as their most common
        meaning ((position, resolution)): the answer offers their other meanings to tap.

        Rendered once per release for the same sides, place and note: the figures behind it
        do not change until the core is reopened on new data."""
        key = (tuple(sides), place.code if place else None, note, tuple(also))
        return await self.memory.recall_async(
            Kept.SUMMARY, key, lambda: self._summary(sides, place, note, also)
        )

    async def _summary(
        self,
        sides: Sequence[tuple[str, Candidate]],
        place: Place | None,
        note: str | None,
        also: Sequence[tuple[int, Resolution]],
    ) -> Reply:
        codes = [c.code for _, c in sides]
        facts, fell_back = await self.facts(codes, place)
        resolved = [  # a follow-up may know only the code: then the official title
            Side(
                asked or facts[c.code].title, c.matched_title or facts[c.code].title, facts[c.code]
            )
            for asked, c in sides
            if c.code in facts
        ]
        if not resolved:
            return self.expired()
        differs: list[str] = []
        pair = [s.facts for s in resolved]
        if len(pair) == 2 and pair[0].code != pair[1].code and shared(*pair).everything:
            differs = await what_differs(self.store, *pair)
        area = place.code if place else None
        others = self._other_meanings(codes, also, area)
        kind, text = summary_text(
            resolved,
            place=place,
            fell_back=fell_back,
            average=await self.store.average_growth(),
            top=self.top,
            note=note,
            source=self.source_line(resolved[0].facts),
            differs=differs,
            also=wording.other_meanings([r.text for _, r in also]) if others else None,
        )
        distinct = list(dict.fromkeys(s.facts.code for s in resolved))
        asked = [next(s.asked_as for s in resolved if s.facts.code == c) for c in distinct]
        return Reply(
            kind,
            trim(text),
            others + self.keyboards.detail(distinct, View.SUMMARY, area),
            tuple(occupation_json(s, self.period) for s in resolved),
            extra={"location": self.places.json(place)},
            context=Context(kind, tuple(distinct), tuple(asked), place.code if place else None),
        )

    # --- one job in several places ------------------------------------------------------------
    async def placed(self, sides: Sequence[tuple[str, str, Place]]) -> list[Placed] | None:
        """(asked, code, place) -> each occupation's facts in its place, national where the
        place has none; None if a code is unknown (a forged button)."""
        out = []
        for asked, code, place in sides:
            facts, fell_back = await self.facts([code], place)
            if code not in facts:
                return None
            out.append(Placed(asked, place, facts[code], bool(fell_back)))
        return out

    async def across_again(self, before: Context | None) -> Reply | None:
        """A question about a comparison across places ("which pays more?"): that comparison
        again, whose sentence says where the job pays most, from the figures."""
        sides = across.sides_again(before.redo if before is not None else None)
        if before is None or sides is None or before.kind != ReplyKind.COMPARE:
            return None
        if set(before.codes) != {code for code, _ in sides} or before.area != sides[0][1]:
            return None  # the conversation moved on from it ("and electricians?", "in ohio?")
        asked = dict(zip(before.codes, before.asked, strict=False))
        wanted = []
        for code, area in sides:
            place = self.places.by_code(area)
            if place is None:
                return None
            wanted.append((asked.get(code, ""), code, place))
        placed = await self.placed(wanted)
        return None if placed is None else await self.across(placed)

    async def across_places(self, text: str) -> Reply | None:
        """The comparison across places a message asks for, if it names a place on every side
        and each title is matched surely; None to answer it the usual way."""
        wanted = split_places(text, lambda name: self.places.find_loosely(name) is not None)
        if wanted is None:
            return None
        resolved = {title: self.index.resolve(title) for title, _ in wanted}
        if any(r.status != Status.MATCHED or r.best is None for r in resolved.values()):
            return None
        sides = []
        for title, name in wanted:
            best, place = resolved[title].best, self.places.find_loosely(name)
            if best is None or place is None:
                return None
            sides.append((title, best.code, place))
        if not across.fits([c for _, c, _ in sides], [p.code for _, _, p in sides]):
            return None
        placed = await self.placed(sides)
        return None if placed is None else await self.across(placed)

    async def across_follow_up(self, text: str, before: Context | None) -> Reply | None:
        """ "oregon or maine?" after carpenters in Portland: the job shown, in each place."""
        if before is None or len(set(before.codes)) != 1:
            return None
        parts = [p.strip(" ?!.,") for p in places_in(text)]
        if not 2 <= len(parts) <= across.MAX_SIDES:
            return None
        names = [re.sub(r"^(?:in|for)\s+", "", p) for p in parts]
        found = [self.places.find_loosely(name) for name in names]
        if any(place is None for place in found) or len({p.code for p in found if p}) < 2:
            return None
        for name in names:  # "pa vs np": titles, though "pa" is Pennsylvania too
            resolved = self.index.resolve(name)
            if resolved.status == Status.MATCHED and resolved.as_written:
                return None
        asked = before.asked[0] if before.asked else ""
        placed = await self.placed([(asked, before.codes[0], p) for p in found if p is not None])
        return None if placed is None else await self.across(placed)

    async def across(self, sides: Sequence[Placed]) -> Reply:
        """One job (or several) compared across places: table or lines, then a sentence."""
        names = ", ".join(dict.fromkeys(s.place.name for s in sides))
        source = source_line(
            sides[0].facts, self.period, self.metadata.get("release_onet", ""), names
        )
        text = across.across_text(sides, self.top, await self.store.average_growth(), source)
        codes, state = across.pack([s.facts.code for s in sides], [s.place.code for s in sides])
        asked_by_code: dict[str, str] = {}
        for s in sides:
            asked_by_code.setdefault(s.facts.code, s.asked)
        return Reply(
            ReplyKind.COMPARE,
            trim(text),
            self.keyboards.detail(codes, View.SUMMARY, state=state, picker=False),
            tuple(occupation_json(s.side, self.period) for s in sides),
            extra={
                "location": self.places.json(sides[0].place),
                "places": across.places_json(self.places, sides),
            },
            # A follow-up ("which pays more?", "and electricians?") goes on from the first place.
            context=Context(
                ReplyKind.COMPARE,
                tuple(asked_by_code),
                tuple(asked_by_code.values()),
                sides[0].place.code,
                redo=across.redo(sides),  # "which pays more?": these places again
            ),
        )

    async def across_chart(self, sides: Sequence[Placed], key: str) -> Reply:
        """The pay-range chart of a comparison across places: one bar per place."""
        same = len({s.facts.code for s in sides}) == 1
        names = short_names([s.facts.title for s in sides])
        bars = [
            Bar(
                clip(s.place.name if same else f"{capitalize(n)}, {s.place.name}", 40),
                s.facts.wages,
            )
            for s, n in zip(sides, names, strict=True)
        ]
        where = " vs ".join(s.place.name for s in sides)
        what = capitalize(names[0]) if same else " vs ".join(names)
        title = f"{what}: {where}" if same else where
        png = await asyncio.to_thread(render_chart, bars, title, self.period, self.top)
        caption = trim(
            f"📊 Pay ranges: {esc(what)} — {esc(where)}, BLS OEWS {esc(self.period)}",
            MAX_CAPTION,
        )
        return Reply(ReplyKind.CHART, caption, photo=png, photo_key=key, display=Display.PHOTO)

    def _other_meanings(
        self, codes: Sequence[str], also: Sequence[tuple[int, Resolution]], area: str | None
    ) -> Keyboard:
        """A button per other meaning of a title read as its most common one (two at most)."""
        rows = []
        for position, resolution in also:
            for candidate in resolution.candidates[1:3]:
                swapped = list(codes)
                swapped[position] = candidate.code
                label = f"↔ {layout.short(candidate.title, 56)}"
                rows.append((self.keyboards.button(label, View.SUMMARY, swapped, area),))
        return tuple(rows)

    def source_line(self, facts: OccupationFacts) -> str:
        return source_line(facts, self.period, self.metadata.get("release_onet", ""))

    def expired(self) -> Reply:
        return Reply(ReplyKind.EXPIRED, wording.EXPIRED, display=Display.TOAST)

    # --- fixed texts ------------------------------------------------------------------------
    def about(self) -> Reply:
        return Reply(ReplyKind.ABOUT, wording.about_text(self.metadata))

    def help(self) -> Reply:
        return Reply(ReplyKind.HELP, wording.help_text(), self.example_buttons())
