"""Slash commands: /start, /help, /about, /compare A vs B, /job TITLE, /quiz, /state.

Commands work the same in private chats and groups; PTB's CommandHandler already ignores
`/compare@some_other_bot`, so several bots can share a group. The texts come from the core;
only the two usage hints live here, because they describe the commands themselves.
"""

from __future__ import annotations

from telegram import Message, Update

from bot.replies import Reply, ReplyKind
from handlers.context import Context
from handlers.replying import answer_message, send_reply

COMPARE_USAGE = (
    "Send the job titles after the command, for example:\n<code>/compare nurse vs teacher</code>"
)
JOB_USAGE = "Send one job title after the command, for example:\n<code>/job electrician</code>"


def command_argument(message: Message) -> str:
    """What follows the command ("/compare@bot  nurse vs teacher" -> "nurse vs teacher")."""
    parts = (message.text or "").split(maxsplit=1)
    return parts[1].strip() if len(parts) == 2 else ""


# `/start <payload>` deep links (t.me/<bot>?start=<payload>) the bot's own buttons open.
QUIZ_LINK = "quiz"  # a group's invitation to the interest quiz (bot.advisor.quiz)


async def start(update: Update, context: Context) -> None:
    """Greeting plus three example buttons: one tap shows what the bot does. `/start quiz`
    (the deep link a group's quiz invitation opens) starts the interest quiz instead."""
    message = update.effective_message
    if message is None:
        return
    bot = await context.bot_data.careerbot()
    if command_argument(message).casefold() == QUIZ_LINK:
        await send_reply(context.bot, message, await bot.quiz())
        return
    await send_reply(context.bot, message, bot.fallback(greeting=True))


async def help_command(update: Update, context: Context) -> None:
    """How to ask, with the same example buttons."""
    if update.effective_message is None:
        return
    bot = await context.bot_data.careerbot()
    await send_reply(context.bot, update.effective_message, bot.help())


async def about(update: Update, context: Context) -> None:
    """Sources and the O*NET attribution the licence requires."""
    if update.effective_message is None:
        return
    bot = await context.bot_data.careerbot()
    await send_reply(context.bot, update.effective_message, bot.about())


async def compare(update: Update, context: Context) -> None:
    """/compare A vs B: the same as sending "A vs B" in private; a usage hint when empty."""
    message = update.effective_message
    if message is None:
        return
    question = command_argument(message)
    if not question:
        bot = await context.bot_data.careerbot()
        await send_reply(
            context.bot, message, Reply(ReplyKind.HELP, COMPARE_USAGE, bot.example_buttons())
        )
        return
    await answer_message(message, context, question)


async def job(update: Update, context: Context) -> None:
    """/job TITLE: one occupation's profile; a usage hint when empty."""
    message = update.effective_message
    if message is None:
        return
    title = command_argument(message)
    if not title:
        await send_reply(context.bot, message, Reply(ReplyKind.HELP, JOB_USAGE))
        return
    await answer_message(message, context, title)


async def quiz(update: Update, context: Context) -> None:
    """/quiz: the interest quiz; in a group, an invitation to take it in private."""
    message = update.effective_message
    if message is None:
        return
    bot = await context.bot_data.careerbot()
    await send_reply(context.bot, message, await bot.quiz(message.chat_id))


async def state(update: Update, context: Context) -> None:
    """/state TX, /state Seattle, /state US: the chat's remembered location for pay figures."""
    message = update.effective_message
    if message is None:
        return
    bot = await context.bot_data.careerbot()
    member = message.from_user.id if message.from_user else None
    moved = await bot.set_location(message.chat_id, command_argument(message), member)
    await send_reply(context.bot, message, moved)


async def unknown(update: Update, context: Context) -> None:
    """An unknown /command in a private chat: show help rather than guess at it."""
    await help_command(update, context)
