"""What fits me: a short interest quiz built on O*NET's interest data.

Items are O*NET's general Interests Illustrative Activities, three per RIASEC type, asked in
turn (R I A S E C, R I A S E C, ...), one per edit of the same message, with 👍 / 🤷 / 👎.
The answers so far travel in the buttons' state (`a` + one letter per answer, then `z` and
the Job Zone wanted), so the quiz needs no server memory and survives restarts.

Scoring: 👍 2, 🤷 1, 👎 0 per item; the user's top three types, best first (ties in RIASEC
order). Matches: occupations (one per OEWS code with figures of its own) whose O*NET interest
high points share the user's top types, weighted by position on both sides (3, 2, 1), in the
Job Zone chosen; ties by the occupation's interest score for the user's first type, then code.
It is not the official O*NET Interest Profiler, and says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from bot.advisor.context import context
from bot.advisor.core import Core
from bot.advisor.frame import button, fit, listed_rows, sources
from bot.advisor.rankings import representatives
from bot.conversation.context import Context
from bot.render import esc, median_pay, signed_percent, trim
from bot.replies import Button, Reply, ReplyKind, View
from store.advisor import Activity

ITEMS_PER_TYPE = 3
MATCHES = 8
TYPES = "RIASEC"
NAMES = {
    "R": "Realistic",
    "I": "Investigative",
    "A": "Artistic",
    "S": "Social",
    "E": "Enterprising",
    "C": "Conventional",
}
PLAIN = {
    "R": "hands-on work with tools, machines, plants or animals",
    "I": "ideas, research and working out how things work",
    "A": "creating, designing and expressing yourself",
    "S": "helping, teaching and looking after people",
    "E": "leading, persuading, selling and starting things",
    "C": "organising, keeping records and following clear procedures",
}
ANSWERS = {"y": ("👍", 2), "m": ("🤷", 1), "n": ("👎", 0)}
NOT_OFFICIAL = (
    "Built on O*NET interest data (its illustrative activities and occupations' interest high "
    "points). This is not the official O*NET Interest Profiler (see My Next Move for that)."
)
INVITE = (
    "🧭 The interest quiz is one question at a time, so it works best just between us: tap "
    "below to take it in a private chat with me."
)
_STATE = re.compile(r"^a(?P<answers>[ymn]*)(?:z(?P<zone>[0-5]))?$")


@dataclass(frozen=True)
class Item:
    riasec: str  # R I A S E C
    text: str


def items(activities: tuple[Activity, ...]) -> list[Item]:
    """The quiz's items: the first ITEMS_PER_TYPE general activities of each type, in turn."""
    by_type: dict[str, list[str]] = {t: [] for t in TYPES}
    for a in activities:
        if 1 <= a.riasec <= 6:
            by_type[TYPES[a.riasec - 1]].append(a.text)
    out = []
    for round_ in range(ITEMS_PER_TYPE):
        for t in TYPES:
            if round_ < len(by_type[t]):
                out.append(Item(t, by_type[t][round_]))
    return out


def scores(answers: str, quiz: list[Item]) -> dict[str, int]:
    total = dict.fromkeys(TYPES, 0)
    for answer, item in zip(answers, quiz, strict=False):
        total[item.riasec] += ANSWERS[answer][1]
    return total


def top_types(total: dict[str, int]) -> list[str]:
    return sorted(TYPES, key=lambda t: (-total[t], TYPES.index(t)))[:3]


def _quiz_button(core: Core, label: str, state: str) -> Button:
    return button(core, label, View.QUIZ, [], None, state)


async def start(core: Core, group: bool = False) -> Reply:
    """The quiz's first item; in a group, an invitation to take it in private instead."""
    if group:
        return Reply(
            ReplyKind.QUIZ,
            INVITE,
            ((Button("🧭 Take the quiz in private", "", start="quiz"),),),
            extra={"quiz": {"invite": True}},
        )
    return await step(core, "")


async def step(core: Core, answers: str, zone: int | None = None) -> Reply:
    """The next screen after these answers: an item, the preparation question, or results."""
    quiz = items(await core.store.interest_activities())
    if len(answers) < len(quiz):
        return _item(core, answers, quiz)
    if zone is None:
        return await _zones(core, answers, quiz)
    return await _results(core, answers, quiz, zone)


def _item(core: Core, answers: str, quiz: list[Item]) -> Reply:
    item = quiz[len(answers)]
    text = "\n".join(
        [
            f"🧭 <b>Interest quiz</b> · {len(answers) + 1} of {len(quiz)}",
            "Would you like doing this?",
            f"<b>{esc(item.text)}</b>",
            "",
            "👍 I'd like it · 🤷 Not sure · 👎 I wouldn't (tap, or type yes / not sure / no)",
            f"<i>{esc(NOT_OFFICIAL)}</i>",
        ]
    )
    rows: list[tuple[Button, ...]] = [
        tuple(_quiz_button(core, emoji, f"a{answers}{key}") for key, (emoji, _) in ANSWERS.items())
    ]
    if answers:
        rows.append((_quiz_button(core, "↩ Back", f"a{answers[:-1]}"),))
    return Reply(
        ReplyKind.QUIZ,
        text,
        tuple(rows),
        extra={
            "quiz": {
                "item": len(answers) + 1,
                "of": len(quiz),
                "activity": item.text,
                "riasec": NAMES[item.riasec],
            }
        },
        context=_asking(answers),
    )


def _zone_label(name: str) -> str:
    """ "Job Zone Three: Medium Preparation Needed" -> "Medium Preparation Needed"."""
    return fit(name.split(": ")[-1], 40)


async def _zones(core: Core, answers: str, quiz: list[Item]) -> Reply:
    zones = await core.store.job_zones()
    rows: list[tuple[Button, ...]] = [
        (_quiz_button(core, f"{z.zone}. {_zone_label(z.name)}", f"a{answers}z{z.zone}"),)
        for z in zones.values()
    ]
    rows.append((_quiz_button(core, "Any amount: show all", f"a{answers}z0"),))
    rows.append((_quiz_button(core, "↩ Back", f"a{answers[:-1]}"),))
    text = (
        "🧭 <b>Interest quiz</b> · last question\n"
        "How much preparation are you ready for? (O*NET Job Zones: from little or none to "
        "graduate school; tap one, or type its number)"
    )
    return Reply(
        ReplyKind.QUIZ,
        text,
        tuple(rows),
        extra={"quiz": {"item": "job_zone"}},
        context=_asking(answers),
    )


async def _results(core: Core, answers: str, quiz: list[Item], zone: int) -> Reply:
    total = scores(answers, quiz)
    top = top_types(total)
    most = 2 * sum(1 for item in quiz if item.riasec == top[0])
    occupations = representatives(await core.store.advisor_occupations())
    weights = {t: 3 - i for i, t in enumerate(top)}
    profiles = await core.store.interest_profiles()
    scored = []
    for o in occupations:
        if not o.high_points or (zone and o.job_zone != zone):
            continue
        match = sum((3 - i) * weights.get(TYPES[h - 1], 0) for i, h in enumerate(o.high_points[:3]))
        if match:
            first = profiles.get(o.code, {}).get(top[0]) or 0.0
            scored.append((-match, -first, o.code, o))
    scored.sort(key=lambda s: s[:3])
    best = [s[3] for s in scored[:MATCHES]]
    facts, _ = await core.facts([o.code for o in best], None)
    lines = ["🧭 <b>Your interests</b>"]
    for t in top:
        lines.append(f"• <b>{NAMES[t]}</b> ({total[t]} of {most}): {esc(PLAIN[t])}")
    if len(set(total.values())) == 1:
        lines.append(
            "<i>Every type scored the same: no clear favourite, so these are in order.</i>"
        )
    zones = await core.store.job_zones()
    prep = esc(zones[zone].name) if zone in zones else "any amount of preparation"
    lines.append(f"\n<b>Jobs that match</b> — {prep}:")
    for n, o in enumerate(best, 1):
        f = facts.get(o.code)
        code = "".join(TYPES[h - 1] for h in o.high_points)
        lines.append(
            f"{n}. {esc(o.title)} ({code}) — {esc(median_pay(f.wages if f else None, core.top))}"
            f" · growth {signed_percent(o.growth)}"
        )
    if not best:
        lines.append("No occupation in this Job Zone shares your top interests.")
    lines.append(f"<i>{esc(NOT_OFFICIAL)}</i>")
    lines.append(sources(core, onet=True))
    rows = listed_rows(core, [(o.code, o.title) for o in best], 1, None)
    rows.append(
        (
            _quiz_button(core, "↩ Other preparation", f"a{answers}"),
            _quiz_button(core, "🔄 Start again", "a"),
        )
    )
    result: dict[str, Any] = {"scores": {NAMES[t]: total[t] for t in TYPES},
                              "top": [NAMES[t] for t in top], "job_zone": zone or None}  # fmt: skip
    return Reply(
        ReplyKind.QUIZ,
        trim("\n".join(lines)),
        tuple(rows),
        tuple({"code": o.code, "title": o.title, "rank": n} for n, o in enumerate(best, 1)),
        extra={"quiz": result},
        context=context(
            ReplyKind.QUIZ,
            [o.code for o in best],
            [o.title for o in best],
            None,
            listed=[o.code for o in best],
        ),
    )


# --- answers typed instead of tapped -----------------------------------------------------------
# The quiz's place in the conversation (`redo`: "q|" + the buttons' state), so that "yes",
# "nah", "not sure" or, at the last question, "3" answer it as the buttons do.
QUIZ_REDO = "q|"
_TYPED = (
    ("y", r"y|yes+|yeah|yea|yep|yup|ya|sure|definitely|absolutely|i'?d\s+like\s+(?:it|that)"
     r"|(?:i\s+)?like\s+(?:it|that)|i\s+would|sounds\s+(?:good|fun|great)|love\s+it|👍"),
    ("n", r"n|no+|nope|nah|no\s+way|never|not\s+really|i\s+wouldn'?t|hate\s+it|boring|👎"),
    ("m", r"m|maybe|not\s+sure|unsure|idk|dunno|i\s+don'?t\s+know|kind\s+of|kinda|sort\s+of"
     r"|meh|so\s+so|skip|🤷(?:‍?[♂♀]️?)?"),
)  # fmt: skip
_TYPED_PATTERNS = tuple(
    (key, re.compile(rf"^(?:{words})(?:[\s,]+(?:{words}|i\s+guess|lol|haha|thanks|please))*$"))
    for key, words in _TYPED
)
_STOP = re.compile(
    r"^(?:(?:please\s+)?(?:stop|quit|cancel|exit|end|leave|skip)(?:\s+(?:the\s+|this\s+)?quiz)?"
    r"|i'?m\s+done|nevermind|never\s+mind|nvm|no\s+more(?:\s+questions)?)$"
)
STOPPED = (
    "🧭 Quiz stopped. Ask about any job (<code>nurse vs teacher</code>), or send "
    "<code>career quiz</code> to start again."
)
_ANY_ZONE = re.compile(r"^(?:any|all|any\s+amount|show\s+all|doesn'?t\s+matter|whatever|0)$")


def _asking(answers: str) -> Context:
    return context(ReplyKind.QUIZ, [], [], None, redo=f"{QUIZ_REDO}a{answers}")


async def typed(core: Core, text: str, redo: str | None) -> Reply | None:
    """The next screen when the quiz asked last and the message answers it in words; None
    when it does not (the message is then read as any other)."""
    if not redo or not redo.startswith(QUIZ_REDO):
        return None
    found = _STATE.match(redo[len(QUIZ_REDO) :])
    if found is None:
        return None
    said = " ".join(text.casefold().replace("’", "'").strip(" .!?,").split())
    if _STOP.match(said):
        return Reply(ReplyKind.NONE, STOPPED, context=Context(ReplyKind.NONE))
    answers = found["answers"]
    if said in ("back", "go back", "undo") and answers:
        return await step(core, answers[:-1])
    quiz = items(await core.store.interest_activities())
    if len(answers) < len(quiz):
        key = next((k for k, pattern in _TYPED_PATTERNS if pattern.match(said)), None)
        return None if key is None else await step(core, answers + key)
    if _ANY_ZONE.match(said):
        return await step(core, answers, 0)
    zones = await core.store.job_zones()
    number = re.fullmatch(r"(?:zone\s+)?([0-5])", said)
    if number is not None and (int(number[1]) in zones or number[1] == "0"):
        return await step(core, answers, int(number[1]))
    return None


async def press(core: Core, state: str | None) -> Reply:
    found = _STATE.match(state or "")
    if found is None:
        return core.expired()
    zone = found["zone"]
    return await step(core, found["answers"], int(zone) if zone is not None else None)
