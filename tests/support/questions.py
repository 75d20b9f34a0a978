"""Questions the tests share."""

from __future__ import annotations

from bot.service import Careerbot

# Questions where one title is unsure. Which ones clarify depends on the resolver's thresholds,
# so tests ask the core for the first that does; none doing so is a failure, not a skip.
UNSURE = (
    "nurse vs cable guy",
    "nurce vs tacher",
    "nurse vs bank",
    "nurse vs data",
    "teacher vs lab",
    "nurse vs markting",
    "teacher vs help desk",
)


async def clarifying_question(core: Careerbot) -> str:
    for question in UNSURE:
        if (await core.answer(question)).kind == "clarify":
            return question
    raise AssertionError(f"none of {UNSURE} produces a did-you-mean with the current resolver")
