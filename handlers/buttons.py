"""Button presses: redraw the message in place with the view the button names.

Every press is answered exactly once — otherwise the user's client shows a spinner for a long
time — including presses whose data is forged, stale or from another data release.

Charts: a text message cannot become a photo, so the chart is sent as a new photo replying to
the message whose button was pressed, which stays as it was. Messages sent through inline mode
belong to a chat the bot may not be in, so there the press only explains where to ask.

Expired buttons: the press is answered with the core's "This button has expired — send the
question again." as a short notification, and the message is NOT edited. The message still
shows a correct answer the user may be reading; replacing it with an error would destroy it,
while the toast says exactly why nothing happened and what to do.

"Message is not modified" (a double tap, or pressing the view already shown) and "query is too
old" (the press waited too long, e.g. while the bot was down) are normal, not errors.
"""

from __future__ import annotations

import contextlib
import logging

from telegram import CallbackQuery, Message, Update
from telegram.constants import ParseMode
from telegram.error import BadRequest, TelegramError

from bot.answer import Reply
from handlers import Context, careerbot, file_ids, keyboards
from handlers.errors import user_message
from handlers.messages import NO_PREVIEW, send_reply

log = logging.getLogger(__name__)

NO_CHARTS_HERE = "Charts can't be shown here — send me the question in a private chat."


def is_harmless(error: BadRequest) -> bool:
    """Errors that only mean "nothing to do": the content is unchanged, or the query is gone."""
    text = error.message.casefold()
    return (
        "message is not modified" in text
        or "query is too old" in text
        or "query id is invalid" in text
    )


async def on_button(update: Update, context: Context) -> None:
    """Press -> `Careerbot.press` -> edit the message; always answer the callback query."""
    query = update.callback_query
    if query is None:
        return
    try:
        reply = await (await careerbot(context)).press(query.data)
        notice = reply.text if reply.kind in ("expired", "notice") else None
        if notice is None and reply.photo is not None:
            if isinstance(query.message, Message):
                await send_reply(query.message, reply, file_ids(context))
            else:
                notice = NO_CHARTS_HERE
        elif notice is None:
            await edit(query, reply, context)
    except Exception as error:
        with contextlib.suppress(TelegramError):
            await answer(query, user_message(error))
        raise  # the error handler logs it
    await answer(query, notice, alert=reply.kind == "notice")


async def edit(query: CallbackQuery, reply: Reply, context: Context) -> None:
    """Replace the pressed message's text and keyboard with `reply`.

    Messages sent through inline mode have no chat message, only `inline_message_id`; very old
    messages arrive as InaccessibleMessage, which still carries the chat and message ids.
    """
    if query.inline_message_id is not None:
        inline_id, chat_id, message_id = query.inline_message_id, None, None
    elif query.message is not None:
        inline_id, chat_id, message_id = None, query.message.chat.id, query.message.message_id
    else:
        return
    try:
        await context.bot.edit_message_text(
            reply.text,
            chat_id=chat_id,
            message_id=message_id,
            inline_message_id=inline_id,
            parse_mode=ParseMode.HTML,
            reply_markup=keyboards.markup(reply.buttons),
            link_preview_options=NO_PREVIEW,
        )
    except BadRequest as error:
        if not is_harmless(error):
            raise
        log.debug("edit skipped: %s", error.message)


async def answer(query: CallbackQuery, text: str | None = None, alert: bool = False) -> None:
    """Answer the query, ignoring a query that Telegram no longer accepts.

    `alert` shows the text as a dialog (for instructions) rather than a brief toast.
    """
    try:
        await query.answer(text, show_alert=alert)
    except BadRequest as error:
        if not is_harmless(error):
            raise
        log.debug("callback query not answered: %s", error.message)
