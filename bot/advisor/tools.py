"""Which jobs use a tool: "which jobs use Python / Excel / AutoCAD?" -> the occupations whose
O*NET Technology Skills list it (with O*NET's hot and in-demand flags there), ranked by jobs
or by pay like any ranking (one line per OEWS occupation with figures of its own).

A tool is found by name the way people write it: an exact O*NET example name first ("Python"),
else the example that contains the words as a phrase and that most occupations list ("excel"
-> "Microsoft Excel", "sql" -> "Structured query language SQL", "autocad" -> "Autodesk
AutoCAD").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from weakref import WeakKeyDictionary

from bot.advisor.context import context
from bot.advisor.core import Core
from bot.advisor.filters import Measure
from bot.advisor.frame import PAGE_SIZE, listed_rows, pager, pages, sources
from bot.advisor.rankings import representatives
from bot.payloads import occupation_json
from bot.render import Side, count, esc, money, trim
from bot.replies import Reply, ReplyKind, View
from store.advisor import ToolUse
from store.codes import NATIONAL
from store.queries import CareerStore

_WORD = re.compile(r"[a-z0-9+#]+")
# Words too common to name a tool on their own.
_GENERIC = {"software", "system", "systems", "the", "and", "of", "for", "data", "management"}


def words(text: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(text.lower()))


@dataclass(frozen=True)
class Tool:
    name: str  # the O*NET example ("Microsoft Excel")
    number: int  # its place in the sorted list of examples: what a button carries
    uses: tuple[ToolUse, ...]


class ToolIndex:
    """O*NET Technology Skills examples by the words of their names."""

    def __init__(self, examples: dict[str, tuple[ToolUse, ...]]) -> None:
        self.names = sorted(examples)
        self.examples = examples
        self.exact = {name.casefold(): name for name in self.names}
        self.worded = {name: words(name) for name in self.names}
        self.postings: dict[str, set[str]] = {}
        for name, name_words in self.worded.items():
            for word in name_words:
                self.postings.setdefault(word, set()).add(name)

    def tool(self, name: str) -> Tool:
        return Tool(name, self.names.index(name), self.examples[name])

    def by_number(self, number: int) -> Tool | None:
        return self.tool(self.names[number]) if 0 <= number < len(self.names) else None

    def find(self, text: str) -> Tool | None:
        exact = self.exact.get(text.strip().casefold())
        if exact is not None:
            return self.tool(exact)
        wanted = words(text)
        if not wanted or all(w in _GENERIC for w in wanted) or len(wanted) > 4:
            return None
        n = len(wanted)
        candidates = set.intersection(*(self.postings.get(w, set()) for w in wanted))
        matches = [
            name
            for name in candidates
            if any(self.worded[name][i : i + n] == wanted for i in range(len(self.worded[name])))
        ]
        if not matches:
            return None
        best = max(matches, key=lambda name: (len(self.examples[name]), -len(name)))
        return self.tool(best)


_INDEXES: WeakKeyDictionary[CareerStore, ToolIndex] = WeakKeyDictionary()


async def tool_index(core: Core) -> ToolIndex:
    """The index of a store's examples, built once per store (its examples are memoized)."""
    examples = await core.store.technology_examples()
    index = _INDEXES.get(core.store)
    if index is None or index.examples is not examples:
        index = _INDEXES[core.store] = ToolIndex(examples)
    return index


def _state(number: int, measure: Measure, page: int) -> str:
    return f"{number}~{'a' if measure == Measure.ANNUAL else 'e'}~{page}"


async def tools_reply(core: Core, tool: Tool, measure: Measure, page: int = 0) -> Reply:
    uses = {u.code: u for u in tool.uses}
    occupations = await core.store.advisor_occupations()
    wages = await core.store.area_wages(NATIONAL)
    listed = [o for o in representatives(occupations) if o.code in uses]
    others = len(uses) - len(listed)
    ranked: list[tuple[float, str]] = []
    no_figure = 0
    by_code = {o.code: o for o in listed}
    for o in listed:
        w = wages.get(o.soc_code)
        value = (
            None if w is None else (w.annual_median if measure == Measure.ANNUAL else w.employment)
        )
        if value is None:
            no_figure += 1
        else:
            ranked.append((float(value), o.code))
    ranked.sort(key=lambda item: (-item[0], item[1]))
    page = min(max(page, 0), pages(len(ranked)) - 1)
    shown = ranked[page * PAGE_SIZE : (page + 1) * PAGE_SIZE]
    by_what = "median annual pay" if measure == Measure.ANNUAL else "number of jobs"
    lines = [
        f"🛠 <b>Jobs that use {esc(tool.name)}</b> — O*NET Technology Skills",
        f"Ranked by {by_what} (BLS OEWS {esc(core.period)}, national); computed by careerbot. "
        "🔥 hot technology (often in job postings), ⭐ in demand for that job (O*NET flags).",
    ]
    for number, (figure_value, code) in enumerate(shown, page * PAGE_SIZE + 1):
        o, use = by_code[code], uses[code]
        w = wages.get(o.soc_code)
        flags = ("🔥" if use.hot else "") + ("⭐" if use.in_demand else "")
        figure = (
            f"{money(figure_value)}/yr"
            if measure == Measure.ANNUAL
            else f"{count(figure_value)} jobs"
        )
        extra = (
            f"{count(w.employment)} jobs"
            if measure == Measure.ANNUAL and w
            else (f"{money(w.annual_median)}/yr" if w and w.annual_median else "")
        )
        line = f"{number}. {esc(o.title)} — <b>{esc(figure)}</b>"
        lines.append(line + (f" · {esc(extra)}" if extra else "") + (f" {flags}" if flags else ""))
    if not shown:
        lines.append("\nNone of the occupations listing it has figures of its own to rank.")
    else:
        lines.append(f"<i>Page {page + 1} of {pages(len(ranked))} · {len(ranked)} occupations.</i>")
    left = []
    if no_figure:
        left.append(f"{no_figure} with no published figure")
    if others:
        left.append(f"{others} O*NET occupations whose figures BLS publishes only as a group")
    if left:
        lines.append(f"<i>Also listing it, not ranked: {esc('; '.join(left))}.</i>")
    lines.append(sources(core, projections=False, onet=True))

    titled = [(code, by_code[code].title) for _, code in shown]
    rows = listed_rows(core, titled, page * PAGE_SIZE + 1, None)
    paging = pager(
        core, View.TOOLS, [], None, page, len(ranked), lambda p: _state(tool.number, measure, p)
    )
    if paging:
        rows.append(paging)
    facts, _ = await core.facts([code for _, code in shown], None)
    occupations_json = tuple(
        occupation_json(Side(facts[c].title, facts[c].title, facts[c]), core.period)
        | {"rank": n, "hot": uses[c].hot, "in_demand": uses[c].in_demand}
        for n, (_, c) in enumerate(shown, page * PAGE_SIZE + 1)
        if c in facts
    )
    return Reply(
        ReplyKind.TOOLS,
        trim("\n".join(lines)),
        tuple(rows),
        occupations_json,
        extra={
            "tool": {"name": tool.name, "occupations": len(uses)},
            "ranked_by": measure.value,
            "page": page + 1,
            "pages": pages(len(ranked)),
            "total": len(ranked),
        },
        context=context(
            ReplyKind.TOOLS,
            [code for _, code in shown],
            [by_code[code].title for _, code in shown],
            None,
            f"t|{tool.number}|{'a' if measure == Measure.ANNUAL else 'e'}",
            listed=[code for _, code in shown],
        ),
    )


async def press(core: Core, state: str | None) -> Reply:
    """A « » button of a tools list: `<tool number>~<a|e>~<page>`."""
    parts = (state or "").split("~")
    if (
        len(parts) != 3
        or not (parts[0].isdigit() and parts[2].isdigit())
        or parts[1] not in ("a", "e")
    ):
        return core.expired()
    tool = (await tool_index(core)).by_number(int(parts[0]))
    if tool is None:
        return core.expired()
    measure = Measure.ANNUAL if parts[1] == "a" else Measure.EMPLOYMENT
    return await tools_reply(core, tool, measure, int(parts[2]))
