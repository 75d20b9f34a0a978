"""Every view a button can open, in one table: its payload key, button label and renderer.

Adding a detail view is one entry in `VIEWS` plus its render function (an async function of a
`ViewContext` returning `Rendered`). The detail keyboard under every answer is laid out from
this table, in its order (`row`); the payload key is what `bot.callbacks` writes into a
button's data. Views without a renderer (summary, chart, location) are answered by the service
itself, since they are not text about the occupations.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from bot.replies import View
from bot.views.context import Offer, Rendered, ViewContext
from bot.views.outlook import outlook
from bot.views.pay import salary
from bot.views.people import demographics, similar
from bot.views.switch import switch
from bot.views.work import duties, education, skills

__all__ = ["KEYS", "VIEWS", "Offer", "Rendered", "ViewContext", "ViewSpec"]

Render = Callable[[ViewContext], Awaitable[Rendered]]


@dataclass(frozen=True)
class ViewSpec:
    key: str  # one character in the button's callback data; never reuse a retired one
    label: str
    render: Render | None = None  # None: answered by the service (not a detail view)
    row: int | None = None  # its row in the detail keyboard; None: not in that keyboard
    pairs_only: bool = False  # offered only when the answer is about exactly two occupations
    codes_optional: bool = False  # its buttons may name no occupation (not about occupations)


VIEWS: dict[View, ViewSpec] = {
    View.SUMMARY: ViewSpec("m", "« Summary"),
    View.SALARY: ViewSpec("s", "💵 Salary", salary, row=0),
    View.SKILLS: ViewSpec("k", "🧠 Skills", skills, row=0),
    View.EDUCATION: ViewSpec("e", "🎓 Education", education, row=0),
    View.DUTIES: ViewSpec("d", "📋 Duties", duties, row=1),
    View.DEMOGRAPHICS: ViewSpec("g", "👥 Demographics", demographics, row=1),
    View.OUTLOOK: ViewSpec("o", "📈 Outlook", outlook, row=1),
    View.SIMILAR: ViewSpec("r", "🔁 Similar jobs", similar, row=2),
    View.SWITCH: ViewSpec("w", "🔀 How to switch", switch, row=2, pairs_only=True),
    View.CHART: ViewSpec("x", "📊 Chart", row=2),
    View.LOCATION: ViewSpec("l", "📍 Location"),
    # The advisor's buttons (bot.advisor.buttons answers them): their state says which page,
    # list or quiz answers; lists and the quiz are not about given occupations.
    View.RANKING: ViewSpec("n", "📊 Ranking", codes_optional=True),
    View.PLACES: ViewSpec("p", "📍 Best-paying places"),
    View.TOOLS: ViewSpec("t", "🛠 Jobs that use it", codes_optional=True),
    View.HOWTO: ViewSpec("h", "🎓 How to become one"),
    View.PROSPECTS: ViewSpec("b", "📈 Is it a good bet?"),
    View.QUIZ: ViewSpec("i", "🧭 Interest quiz", codes_optional=True),
}
KEYS: dict[str, View] = {spec.key: view for view, spec in VIEWS.items()}
