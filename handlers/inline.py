"""Inline mode: "@bot nurse vs teacher" in any chat offers the comparison as a ready message.

The article sent is the same HTML and buttons the bot would send in private; its buttons come
back as callback queries with an `inline_message_id` (see handlers.buttons). Results are
`is_personal` with a short cache: answers do not depend on the user, but Telegram otherwise
caches results across users for the given time, and 300 s keeps retyping cheap without pinning
a stale answer after a data rebuild for long.

What is offered:
- a query too short to be a job title, or with no title in it: the example comparisons;
- a clear question: one article with its comparison or profile;
- an unsure title: one article per "did you mean" choice, already answered;
- unknown titles: one article that explains, with the examples as buttons.
"""

from __future__ import annotations

import hashlib
import logging
from typing import Any

from telegram import InlineQueryResultArticle, InputTextMessageContent, Update
from telegram.error import BadRequest

from bot.replies import Reply, ReplyKind
from bot.service import Careerbot
from bot.wording import EXAMPLES
from handlers import keyboards
from handlers.context import Context
from handlers.replying import is_harmless

log = logging.getLogger(__name__)

CACHE_SECONDS = 300
MIN_QUERY = 3  # shorter than any job title: show examples while the user is still typing
SHOWN = (ReplyKind.COMPARE, ReplyKind.PROFILE)


def _pay(occupation: dict[str, Any]) -> str:
    wages = occupation.get("wages") or {}
    median = wages.get("annual_median")
    return f"${median:,.0f}" if isinstance(median, int | float) else "n/a"


def article(
    reply: Reply, title: str | None = None, description: str | None = None
) -> InlineQueryResultArticle:
    """One result carrying `reply` as a message (HTML, keyboard, no link preview)."""
    names = [str(o.get("title", "")) for o in reply.occupations]
    if title is None:
        title = " vs ".join(names) if names else "careerbot"
    if description is None and reply.occupations:
        description = "Median pay: " + " vs ".join(_pay(o) for o in reply.occupations)
    # Same text -> same id, so Telegram's client can de-duplicate; 32 hex chars < 64 bytes.
    result_id = hashlib.blake2s(reply.text.encode(), digest_size=16).hexdigest()
    return InlineQueryResultArticle(
        id=result_id,
        title=title[:200],
        description=description,
        input_message_content=InputTextMessageContent(reply.text),  # HTML: the app's default
        reply_markup=keyboards.markup(reply.buttons),
    )


async def examples(bot: Careerbot) -> list[InlineQueryResultArticle]:
    """The example comparisons, each ready to send."""
    results = []
    for example in EXAMPLES[:3]:
        reply = await bot.answer(example)
        if reply.kind in SHOWN:
            results.append(article(reply, title=example))
    return results


def _unknown_titles(reply: Reply) -> bool:
    """Whether a "none" reply says the titles were not found (rather than greeting)."""
    return bool(reply.extra.get("unknown"))


async def results_for(bot: Careerbot, text: str) -> list[InlineQueryResultArticle]:
    """What to offer for the query `text` (see the module docstring)."""
    if len(text) < MIN_QUERY:
        return await examples(bot)
    reply = await bot.answer(text)
    if reply.kind in SHOWN:
        return [article(reply)]
    if reply.kind == ReplyKind.CLARIFY:
        choices = [await bot.press(button.data) for row in reply.buttons for button in row]
        shown = [article(choice) for choice in choices if choice.kind in SHOWN]
        if shown:
            return list({result.id: result for result in shown}.values())
    if reply.kind == ReplyKind.NONE and _unknown_titles(reply):
        return [
            article(
                reply,
                title="No matching job title",
                description="Try another wording, or tap to send the examples",
            )
        ]
    return await examples(bot)


async def on_inline_query(update: Update, context: Context) -> None:
    """Answer an inline query; a query the user has already typed past is not an error."""
    query = update.inline_query
    if query is None:
        return
    results = await results_for(await context.bot_data.careerbot(), query.query.strip())
    try:
        await query.answer(results, cache_time=CACHE_SECONDS, is_personal=True)
    except BadRequest as error:
        if not is_harmless(error):
            raise
        log.debug("inline query not answered: %s", error.message)
