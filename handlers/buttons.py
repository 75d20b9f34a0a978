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

from telegram import Message, Update
from telegram.error import TelegramError

from bot.replies import Display
from handlers.context import Context
from handlers.replying import answer_query, apology, edit_reply, send_reply

NO_CHARTS_HERE = "Charts can't be shown here — send me the question in a private chat."


async def on_button(update: Update, context: Context) -> None:
    """Press -> `Careerbot.press` -> edit the message; always answer the callback query."""
    query = update.callback_query
    if query is None:
        return
    try:
        # The chat the pressed message is in; none for inline-mode messages, whose chat the
        # bot may not be in: a place picked there is shown but not saved.
        chat = query.message.chat.id if query.message is not None else None
        core = await context.bot_data.careerbot()
        reply = await core.press(query.data, chat_id=chat, member_id=query.from_user.id)
        notice = reply.text if reply.display in (Display.TOAST, Display.ALERT) else None
        if reply.display == Display.PHOTO:
            if isinstance(query.message, Message):
                sent = await send_reply(
                    context.bot, query.message, reply, context.bot_data.chart_file_ids
                )
                core.remember_sent(sent.chat_id, sent.message_id, reply)
            else:
                notice = NO_CHARTS_HERE
        elif reply.display == Display.TEXT:
            await edit_reply(query, reply, context)
            if chat is not None and query.message is not None:
                core.remember_sent(chat, query.message.message_id, reply)
    except Exception as error:
        with contextlib.suppress(TelegramError):
            await answer_query(query, apology(error))
        raise  # the error handler logs it
    await answer_query(query, notice, alert=reply.display == Display.ALERT)
