"""The Telegram-free core: a message or a button press in, a rendered reply out.

The bot, the console and `careerbot ask` all call `Careerbot.answer` and `Careerbot.press`, so
they show the same thing. A reply is HTML text plus rows of buttons, plus the structured data
`ask --json` prints.
"""

from __future__ import annotations

import asyncio
import hashlib
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from bot import callbacks, views
from bot.callbacks import Action, InvalidCallback
from bot.chart import Bar, render_chart
from bot.parsing import MAX_TITLES, Intent, parse
from bot.places import Place, Places
from bot.reading import choose_reading
from bot.render import (
    MAX_CAPTION,
    Side,
    TopCode,
    differences,
    esc,
    median_pay,
    summary_lines,
    summary_table,
    trim,
    wage,
)
from bot.resolver import Candidate, Resolution, TitleIndex, load_index
from bot.switching import SwitchPlan, plan_switch, render_switch
from store.db import create_engine
from store.models import SCHEMA_VERSION
from store.queries import NATIONAL, CareerStore, OccupationFacts, WageFacts

EXAMPLES = (
    "medical collections vs loss mitigation",
    "nurse vs teacher",
    "software engineer or data scientist?",
)
ATTRIBUTION = (
    "This bot includes information from the O*NET {onet} Database by the U.S. Department of "
    "Labor, Employment and Training Administration (USDOL/ETA), used under the CC BY 4.0 "
    "licence (https://creativecommons.org/licenses/by/4.0/). O*NET® is a trademark of "
    "USDOL/ETA. We have converted, filtered and summarised some of this information. "
    "USDOL/ETA has not approved, endorsed or tested these changes."
)
DETAIL_BUTTONS = (
    (("💵 Salary", "salary"), ("🧠 Skills", "skills"), ("🎓 Education", "education")),
    (("📋 Duties", "duties"), ("👥 Demographics", "demographics"), ("📈 Outlook", "outlook")),
    (("🔁 Similar jobs", "similar"), ("🔀 How to switch", "switch"), ("📊 Chart", "chart")),
)
SUMMARY_BUTTON = ("« Summary", "summary")
LOCATION_BUTTON = ("📍 Location", "location")
LOCATION_HELP = (
    "To see pay where you live, send /state with a state or city: /state TX, "
    "/state Seattle. /state US goes back to national figures."
)
NATIONAL_WORDS = {"us", "usa", "u.s.", "national", "nationwide", "united states", "none", "reset"}


class DatabaseMissing(RuntimeError):
    """No usable career database; the message names the fix."""


@dataclass(frozen=True)
class Button:
    label: str
    data: str


@dataclass(frozen=True)
class Reply:
    kind: str  # compare | profile | clarify | none | detail | expired | about | help
    text: str
    buttons: tuple[tuple[Button, ...], ...] = ()
    occupations: tuple[dict[str, Any], ...] = ()
    extra: dict[str, Any] = field(default_factory=dict)
    photo: bytes | None = None  # a chart; `text` is then its caption
    photo_key: str | None = None  # identifies the chart, to reuse Telegram's file_id

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "text": self.text,
            "buttons": [
                [{"text": b.label, "callback_data": b.data} for b in row] for row in self.buttons
            ],
            "occupations": list(self.occupations),
            **self.extra,
        }


def _short(text: str, width: int) -> str:
    """A title cut to fit a button, with "…" only when something was cut."""
    return textwrap.shorten(text, width, placeholder="…")


def _numbered(number: int, side: Side) -> str:
    """ "1. med collections → Bill and Account Collectors"; just the title when it was asked
    as such (after « Summary, or typed exactly), rather than "Loan Officers → Loan Officers"."""
    title = f"<b>{esc(side.facts.title)}</b>"
    if side.asked_as.casefold() == side.facts.title.casefold():
        return f"{number}. {title}"
    return f"{number}. {esc(side.asked_as)} → {title}"


def data_version(metadata: dict[str, str]) -> str:
    """Four characters naming the data releases: equal after a rebuild of the same release."""
    releases = "|".join(f"{k}={v}" for k, v in sorted(metadata.items()) if k.startswith("release"))
    return hashlib.sha256(releases.encode()).hexdigest()[:4]


def occupation_json(side: Side, period: str) -> dict[str, Any]:
    f, w, p = side.facts, side.facts.wages, side.facts.projection
    return {
        "code": f.code,
        "title": f.title,
        "asked_as": side.asked_as,
        "matched_title": side.matched_title,
        "wages": None
        if w is None
        else {
            "annual_median": w.annual_median,
            "hourly_median": w.hourly_median,
            "annual_mean": w.annual_mean,
            "annual_p10": w.annual_p10,
            "annual_p90": w.annual_p90,
            "employment": w.employment,
            "area": w.area_name,
            "period": period,
            "soc_code": w.soc_code,
            "aggregate_title": f.wage_title,
        },
        "projection": None
        if p is None
        else {
            "percent_change": p.percent_change,
            "employment_2024": p.employment_2024,
            "employment_2034": p.employment_2034,
            "openings": p.openings,
            "unit": "thousands",
            "code": p.code,
        },
        "education": {"typical_entry": p.typical_education if p else None},
    }


class Careerbot:
    def __init__(
        self, store: CareerStore, index: TitleIndex, metadata: dict[str, str], places: Places
    ) -> None:
        self.store = store
        self.index = index
        self.metadata = metadata
        self.places = places
        self.version = data_version(metadata)
        self.top = TopCode.from_footnote(metadata.get("oews_footnote_5"))
        self.period = metadata.get("release_oews", "")

    @classmethod
    async def open(cls, database_url: str, index: TitleIndex | None = None) -> Careerbot:
        """Load the title index and metadata; DatabaseMissing if there is nothing to read.

        `index` lets several bots over the same database share one title index (tests, and
        later several workers in one process).
        """
        store = CareerStore(create_engine(database_url))
        try:
            metadata = await store.metadata()
            areas = await store.areas()
            if index is None and (not metadata or metadata.get("schema") == str(SCHEMA_VERSION)):
                index = await load_index(store)
        except Exception as error:
            await store.close()
            raise DatabaseMissing(
                "The career database is missing or unreadable. Build it with: careerbot data build"
            ) from error
        if metadata and metadata.get("schema") != str(SCHEMA_VERSION):
            await store.close()
            raise DatabaseMissing(
                "The career database was built by another version of careerbot. "
                "Rebuild it with: careerbot data build"
            )
        if index is None or not index.entries:
            await store.close()
            raise DatabaseMissing(
                "The career database is empty. Build it with: careerbot data build"
            )
        return cls(store, index, metadata, Places(areas))

    async def close(self) -> None:
        await self.store.close()

    # --- messages -------------------------------------------------------------------------
    def parse(self, text: str) -> Intent:
        return parse(text, lambda name: self.places.find(name) is not None)

    async def answer(
        self, text: str, default_area: str | None = None, chat_id: int | None = None
    ) -> Reply:
        """Reply to a message. A place in the message wins; else `default_area`, else the
        location remembered for `chat_id` (see `set_location`)."""
        intent = self.parse(text)
        if default_area is None and chat_id is not None and intent.titles and not intent.place:
            default_area = await self.store.chat_area(chat_id)
        if intent.kind == "none" or not intent.titles:
            return self.fallback(greeting=intent.greeting)
        resolutions = choose_reading(intent, self.index)
        too_many = len(resolutions) > MAX_TITLES or (intent.too_many and not intent.groups)
        resolutions = resolutions[:MAX_TITLES]
        if all(r.status == "unknown" for r in resolutions):
            return self.fallback(unknown=intent.titles)
        place = self.places.find(intent.place) if intent.place else None
        if place is None and default_area:
            place = self.places.by_code(default_area)
        unsure = next((i for i, r in enumerate(resolutions) if r.status != "matched"), None)
        if unsure is not None:
            view = "switch" if intent.kind == "switch" and len(resolutions) == 2 else "summary"
            return self.clarify(resolutions, unsure, view, place)
        sides = [(r.text, r.candidates[0]) for r in resolutions]
        note = "I compare up to four jobs at a time; here are the first four." if too_many else None
        codes = [c.code for _, c in sides]
        if intent.kind == "switch" and len(set(codes)) == 2:
            return await self.switch(codes, (sides[0][0], sides[1][0]), place)
        return await self.summary(sides, place=place, note=note)

    async def switch(
        self, codes: Sequence[str], asked: tuple[str, str], place: Place | None = None
    ) -> Reply:
        """How to get from the first occupation to the second."""
        facts, _ = await self.facts(codes, place)
        origin, target = facts[codes[0]], facts[codes[1]]
        plan = await plan_switch(self.store, origin.code, target.code, (origin.title, target.title))
        sides = [Side(asked[0], origin.title, origin), Side(asked[1], target.title, target)]
        return Reply(
            "switch",
            trim(self._switch_text(plan, origin, target) + "\n" + self.source_line(target)),
            self.detail_buttons(list(codes), current="switch", area=place.code if place else None),
            tuple(occupation_json(s, self.period) for s in sides),
            extra={"gaps": plan.gaps_json(), "location": self.places.json(place)},
        )

    async def chart(
        self, codes: Sequence[str], place: Place | None = None, key: str | None = None
    ) -> Reply:
        """The pay-range chart of these occupations, with a caption that names the source."""
        facts, _ = await self.facts(codes, place)
        ordered = [facts[c] for c in dict.fromkeys(codes) if c in facts]
        if not ordered:
            return self.expired()
        area = place.name if place else "United States"
        bars = [Bar(textwrap.shorten(f.title, 40, placeholder="…"), f.wages) for f in ordered]
        png = await asyncio.to_thread(render_chart, bars, area, self.period, self.top)
        caption = trim(
            "📊 Pay ranges: "
            + " vs ".join(esc(f.title) for f in ordered)
            + f" — {esc(area)}, BLS OEWS {esc(self.period)}",
            MAX_CAPTION,
        )
        return Reply("chart", caption, photo=png, photo_key=key or ",".join(codes))

    def _switch_text(
        self, plan: SwitchPlan, origin: OccupationFacts, target: OccupationFacts
    ) -> str:
        pay = (
            f"Median pay: {median_pay(origin.wages, self.top)} → "
            f"{median_pay(target.wages, self.top)}"
        )
        return render_switch(plan) + "\n" + esc(pay)

    def fallback(self, *, greeting: bool = False, unknown: Sequence[str] = ()) -> Reply:
        examples = "\n".join(f"• <code>{esc(e)}</code>" for e in EXAMPLES)
        if unknown:
            names = ", ".join(f"“{esc(u)}”" for u in unknown)
            head = f"I couldn't find {names} among job titles."
        elif greeting:
            head = "Hi! I compare careers: pay, growth, jobs, education and more."
        else:
            head = "I compare careers — send two job titles."
        return Reply(
            "none",
            f"{head}\nTry:\n{examples}",
            self.example_buttons(),
            extra={"unknown": list(unknown)} if unknown else {},
        )

    def example_buttons(self) -> tuple[tuple[Button, ...], ...]:
        rows = []
        for example in EXAMPLES:
            intent = self.parse(example)
            codes = []
            for title in intent.titles:
                best = self.index.resolve(title).best
                if best is not None:
                    codes.append(best.code)
            if len(codes) == len(intent.titles):
                rows.append((self.button(f"▶ {example}", "summary", codes),))
        return tuple(rows)

    def clarify(
        self,
        resolutions: Sequence[Resolution],
        position: int,
        view: str = "summary",
        place: Place | None = None,
    ) -> Reply:
        """Ask which occupation one unsure title means; a tap answers the whole question."""
        resolution = resolutions[position]
        chosen = [r.best.code if r.best else None for r in resolutions]
        buttons = []
        for candidate in resolution.candidates[:4]:
            codes = list(chosen)
            codes[position] = candidate.code
            if all(codes):
                area = place.code if place else None
                picked = [c for c in codes if c]
                buttons.append((self.button(candidate.title[:60], view, picked, area),))
        if not buttons:
            return self.fallback(unknown=[resolution.text])
        text = (
            f"Did you mean… for “{esc(resolution.text)}”?"
            if resolution.candidates
            else f"I couldn't find “{esc(resolution.text)}”."
        )
        return Reply(
            "clarify",
            text,
            tuple(buttons),
            extra={"sides": [self.resolution_json(r) for r in resolutions]},
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
    ) -> Reply:
        codes = [c.code for _, c in sides]
        facts, fell_back = await self.facts(codes, place)
        resolved = [
            Side(asked, c.matched_title, facts[c.code]) for asked, c in sides if c.code in facts
        ]
        if not resolved:
            return self.expired()
        average = await self.store.average_growth()
        lines: list[str] = []
        distinct = list(dict.fromkeys(s.facts.code for s in resolved))
        # Said under the heading whenever some of the pay shown is the place's own.
        where = (
            [f"📍 Pay and jobs in {esc(place.name)}; growth and education are national."]
            if place is not None and len(fell_back) < len(distinct)
            else []
        )
        if len(resolved) == 1 or len(distinct) == 1:
            lines += self._profile_lines(resolved, average, where)
            kind = "profile" if len(resolved) == 1 else "compare"
        elif len(resolved) == 2:
            a, b = resolved
            lines.append(f"⚖️ <b>{esc(a.asked_as)}</b> vs <b>{esc(b.asked_as)}</b>")
            lines += where
            lines += [_numbered(i, s) for i, s in enumerate(resolved, 1)]
            lines.append(summary_table(resolved, self.top))
            lines += [
                f"<i>{i}. pay figures for: {esc(s.facts.wage_title)}</i>"
                for i, s in enumerate(resolved, 1)
                if s.facts.wages_from_aggregate and s.facts.wage_title
            ]
            lines += differences(resolved)
            kind = "compare"
        else:
            lines.append("⚖️ " + " vs ".join(f"<b>{esc(s.asked_as)}</b>" for s in resolved))
            lines += where
            for i, side in enumerate(resolved, 1):
                lines.append("\n" + _numbered(i, side))
                lines += summary_lines(side, self.top, average)[:4]
            kind = "compare"
        if fell_back and place is not None:
            lines.append(
                f"<i>No {esc(place.name)} pay figures for {esc(', '.join(fell_back))}: "
                "national figures shown.</i>"
            )
        if note:
            lines.append(f"<i>{esc(note)}</i>")
        lines.append(self.source_line(resolved[0].facts))
        area = place.code if place else None
        return Reply(
            kind,
            trim("\n".join(lines)),
            self.detail_buttons(distinct, current="summary", area=area),
            tuple(occupation_json(s, self.period) for s in resolved),
            extra={"location": self.places.json(place)},
        )

    def _profile_lines(
        self, resolved: Sequence[Side], average: float | None, where: list[str]
    ) -> list[str]:
        side = resolved[0]
        lines = []
        if len(resolved) > 1:
            asked = " and ".join(f"“{esc(s.asked_as)}”" for s in resolved)
            lines.append(
                f"⚖️ {asked} are the same occupation in official data: "
                f"<b>{esc(side.facts.title)}</b>."
            )
        else:
            lines.append(f"💼 <b>{esc(side.facts.title)}</b>")
            if side.asked_as.casefold() != side.facts.title.casefold():
                lines.append(f"<i>You asked: {esc(side.asked_as)}</i>")
        lines += where
        lines += summary_lines(side, self.top, average)
        w = side.facts.wages
        if len(resolved) > 1 and w is not None:
            lines.append(
                "What still differs is the job within it: experience, employer and place. "
                f"Half earn between {esc(self._wage(w, 'annual_p25'))} and "
                f"{esc(self._wage(w, 'annual_p75'))} (25th–75th percentile); "
                "see Salary for states and industries."
            )
        return lines

    def _wage(self, wages: WageFacts | None, column: str) -> str:
        return wage(wages, column, self.top)

    def source_line(self, facts: OccupationFacts) -> str:
        area = facts.wages.area_name if facts.wages else "National"
        return (
            f"<i>Sources: BLS OEWS {esc(self.period)} ({esc(area)}), Employment Projections "
            f"2024–34, O*NET {esc(self.metadata.get('release_onet', ''))}. /about</i>"
        )

    # --- buttons ----------------------------------------------------------------------------
    def button(
        self, label: str, view: str, codes: Sequence[str], area: str | None = None
    ) -> Button:
        return Button(label, callbacks.encode(Action(view, tuple(codes), area), self.version))

    def detail_buttons(
        self, codes: Sequence[str], current: str, area: str | None = None
    ) -> tuple[tuple[Button, ...], ...]:
        rows = [
            tuple(
                self.button(label, view, codes, area)
                for label, view in row
                if view != current and (view != "switch" or len(codes) == 2)
            )
            for row in DETAIL_BUTTONS
        ]
        if current != "summary":
            rows.append((self.button(SUMMARY_BUTTON[0], "summary", codes, area),))
        elif area is None:
            rows.append((self.button(LOCATION_BUTTON[0], LOCATION_BUTTON[1], codes),))
        return tuple(row for row in rows if row)

    async def set_location(self, chat_id: int, text: str) -> Reply:
        """`/state TX`, `/state Seattle`: remember where this chat wants pay figures for."""
        wanted = text.strip()
        if not wanted:
            current = await self.store.chat_area(chat_id)
            place = self.places.by_code(current) if current else None
            where = place.name if place else "the whole U.S."
            return Reply("location", f"📍 Pay figures here are for {esc(where)}.\n{LOCATION_HELP}")
        if wanted.casefold() in NATIONAL_WORDS:
            await self.store.set_chat_area(chat_id, None)
            return Reply("location", "📍 Back to national figures for this chat.")
        place = self.places.find(wanted)
        if place is None:
            return Reply("location", f"I don't know the place “{esc(wanted)}”.\n{LOCATION_HELP}")
        await self.store.set_chat_area(chat_id, place.code)
        return Reply(
            "location",
            f"📍 Saved: <b>{esc(place.name)}</b>. Comparisons in this chat now show pay there "
            "(national where it is not published). /state US resets.",
            extra={"location": self.places.json(place)},
        )

    def expired(self) -> Reply:
        return Reply("expired", "This button has expired — send the question again.")

    async def press(self, data: str | None) -> Reply:
        try:
            action = callbacks.decode(data, self.version)
        except InvalidCallback:
            return self.expired()
        place = self.places.by_code(action.area) if action.area else None
        if action.view == "chart":
            return await self.chart(action.codes, place, key=data)
        if action.view == "location":
            return Reply("notice", LOCATION_HELP)
        if action.area and place is None:
            return self.expired()
        facts, _ = await self.facts(action.codes, place)
        if len(facts) != len(set(action.codes)):
            return self.expired()
        ordered = [facts[c] for c in dict.fromkeys(action.codes)]
        if action.view == "summary":
            sides = [(f.title, Candidate(f.code, f.title, f.title, 100.0)) for f in ordered]
            return await self.summary(sides, place=place)
        text, extra_rows = await self._detail(action.view, ordered, place)
        buttons = self.detail_buttons(list(dict.fromkeys(action.codes)), action.view, action.area)
        return Reply(
            "detail",
            trim(text),
            extra_rows + buttons,
            extra={"view": action.view, "codes": list(action.codes)},
        )

    async def _detail(
        self, view: str, occupations: Sequence[OccupationFacts], place: Place | None = None
    ) -> tuple[str, tuple[tuple[Button, ...], ...]]:
        if view == "salary":
            codes = [f.code for f in occupations]
            national = await self.store.occupations(codes, NATIONAL)
            local = None
            if place is not None:
                in_area = await self.store.occupations(codes, place.code)
                local = {c: f.wages for c, f in in_area.items() if f.wages is not None}
            ordered = [national[f.code] for f in occupations]
            return await views.salary(self.store, ordered, self.top, local), ()
        if view == "skills":
            return await views.skills(self.store, occupations), ()
        if view == "education":
            return await views.education(self.store, occupations), ()
        if view == "duties":
            return await views.duties(self.store, occupations), ()
        if view == "demographics":
            years = (
                self.metadata.get("release_cps_shares", ""),
                self.metadata.get("release_cps_age", ""),
            )
            return await views.demographics(self.store, occupations, years), ()
        if view == "outlook":
            return await views.outlook(self.store, occupations), ()
        if view == "similar":
            text, offers = await views.similar(self.store, occupations)
            many = len(occupations) > 1
            # Each related job is compared with the occupation it is related to.
            rows = tuple(
                (
                    self.button(
                        f"⚖️ {_short(base.title, 24)} vs {_short(title, 30)}"
                        if many
                        else f"⚖️ vs {_short(title, 44)}",
                        "summary",
                        [base.code, code],
                    ),
                )
                for base, code, title in offers[:6]
                if code != base.code
            )
            return text, rows
        if view == "switch" and len(occupations) == 2:
            origin, target = occupations
            plan = await plan_switch(
                self.store, origin.code, target.code, (origin.title, target.title)
            )
            return self._switch_text(plan, origin, target), ()
        return "This view is not available.", ()

    # --- resolution only (careerbot match) -------------------------------------------------
    def resolution_json(self, resolution: Resolution) -> dict[str, Any]:
        return {
            "text": resolution.text,
            "status": resolution.status,
            "candidates": [
                {
                    "code": c.code,
                    "title": c.title,
                    "matched_title": c.matched_title,
                    "score": c.score,
                }
                for c in resolution.candidates
            ],
        }

    def match(self, text: str) -> dict[str, Any]:
        intent = self.parse(text)
        sides = [self.resolution_json(r) for r in choose_reading(intent, self.index)[:MAX_TITLES]]
        kind = "profile" if intent.kind == "compare" and len(sides) == 1 else intent.kind
        return {"query": text, "kind": kind, "sides": sides}

    # --- fixed texts ------------------------------------------------------------------------
    def about(self) -> Reply:
        m = self.metadata
        text = "\n".join(
            [
                "ℹ️ <b>About careerbot</b>",
                "Figures come from official U.S. sources, never estimates of our own:",
                f"• Wages and jobs: BLS Occupational Employment and Wage Statistics, "
                f"{esc(m.get('release_oews', ''))} (excludes the self-employed).",
                f"• Growth, openings, entry education: BLS Employment Projections "
                f"{esc(m.get('release_projections', ''))}.",
                "• Demographics: BLS Current Population Survey "
                f"({esc(m.get('release_cps_shares', ''))} shares, "
                f"{esc(m.get('release_cps_age', ''))} median age).",
                f"• Titles, duties, skills, education: O*NET {esc(m.get('release_onet', ''))}.",
                "Source: U.S. Bureau of Labor Statistics.",
                "",
                esc(ATTRIBUTION.format(onet=m.get("release_onet", "").split(" ")[0])),
            ]
        )
        return Reply("about", text)

    def help(self) -> Reply:
        examples = "\n".join(f"• <code>{esc(e)}</code>" for e in EXAMPLES)
        text = (
            "Send two to four job titles to compare them, or one to see its profile.\n"
            f"{examples}\n"
            "• <code>/compare nurse vs teacher</code>\n"
            "• <code>/job electrician</code>\n"
            "Buttons under an answer open salary, skills, education, duties, demographics, "
            "outlook and similar jobs. /about names the sources."
        )
        return Reply("help", text, self.example_buttons())
