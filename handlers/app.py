"""The Telegram Application: wiring only — which update goes to which handler, and start-up.

`build_application` is what `careerbot run` uses and what the end-to-end tests drive against a
fake Bot API, so both exercise the same wiring. `add_handlers` lists every handler in one place,
in the order PTB tries them, so it reads as the bot's table of contents.
"""

from __future__ import annotations

import logging
from typing import Any, cast

from telegram import (
    BotCommand,
    BotCommandScopeAllGroupChats,
    BotCommandScopeAllPrivateChats,
    LinkPreviewOptions,
    Update,
)
from telegram.constants import ParseMode
from telegram.error import TelegramError
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    Defaults,
    ExtBot,
    InlineQueryHandler,
    MessageHandler,
    TypeHandler,
    filters,
)

from bot.config import Settings
from bot.service import Careerbot, DatabaseMissing
from handlers import buttons, commands, errors, flood, inline, messages
from handlers.context import CONTEXT_TYPES, BotData, CareerbotFactory, Context
from handlers.inbox import InboxProcessor
from handlers.outgoing.delivery import Delivery
from handlers.outgoing.transport import AiohttpRequest
from handlers.updates import PrivateQuestion

log = logging.getLogger("careerbot.app")

CareerbotApplication = Application[
    ExtBot[int], Context, dict[Any, Any], dict[Any, Any], BotData, Any
]
# Every reply is Telegram HTML and never shows link previews: said once, for every call.
DEFAULTS = Defaults(parse_mode=ParseMode.HTML, link_preview_options=LinkPreviewOptions(True))

# Enough to keep a slow answer from holding up everyone else; answers take milliseconds, and
# Delivery (handlers/delivery.py) keeps the total within Telegram's flood limits whatever this is.
CONCURRENT_UPDATES = 32
# Only what the handlers use: Telegram then does not even send the rest.
ALLOWED_UPDATES = [Update.MESSAGE, Update.CALLBACK_QUERY, Update.INLINE_QUERY]

PRIVATE_COMMANDS = [
    BotCommand("start", "Examples to try"),
    BotCommand("help", "How to ask"),
    BotCommand("compare", "Compare jobs: /compare nurse vs teacher"),
    BotCommand("job", "One job's profile: /job electrician"),
    BotCommand("quiz", "Which jobs suit you: a short interest quiz"),
    BotCommand("state", "Pay where you live: /state TX"),
    BotCommand("about", "Data sources"),
]
GROUP_COMMANDS = [
    BotCommand("compare", "Compare jobs: /compare nurse vs teacher"),
    BotCommand("job", "One job's profile: /job electrician"),
    BotCommand("quiz", "Which jobs suit you: a short interest quiz"),
    BotCommand("help", "How to ask"),
    BotCommand("about", "Data sources"),
]


def add_handlers(application: CareerbotApplication) -> None:
    """Every handler, in the order PTB tries them (the first match in the group wins)."""
    new = filters.UpdateType.MESSAGE  # edits are ignored: re-answering would duplicate replies
    # 0. Flood guard, before everything: a burst gets one polite "slow down", then silence.
    application.add_handler(flood.handler(), group=flood.GROUP)
    # 1. Commands, in private chats and groups ("/compare@otherbot" is not ours: PTB skips it).
    application.add_handler(CommandHandler("start", commands.start, filters=new))
    application.add_handler(CommandHandler("help", commands.help_command, filters=new))
    application.add_handler(CommandHandler("about", commands.about, filters=new))
    application.add_handler(CommandHandler("compare", commands.compare, filters=new))
    application.add_handler(CommandHandler("job", commands.job, filters=new))
    application.add_handler(CommandHandler("quiz", commands.quiz, filters=new))
    application.add_handler(CommandHandler(["state", "location"], commands.state, filters=new))
    # 2. Inline mode: "@bot nurse vs teacher" typed in any chat.
    application.add_handler(InlineQueryHandler(inline.on_inline_query))
    # 3. Buttons under answers (also under messages sent through inline mode).
    application.add_handler(CallbackQueryHandler(buttons.on_button))
    # 4. Groups: only replies to the bot and @mentions of it; other chatter is ignored.
    application.add_handler(
        MessageHandler(
            new
            & filters.ChatType.GROUPS
            & filters.TEXT
            & ~filters.COMMAND
            & messages.ADDRESSED_TO_BOT,
            messages.group_text,
        )
    )
    # 5. Private chats: any text is a question; an unknown /command gets the help. A plain
    #    text message comes read without PTB's objects (handlers/updates.py), anything else
    #    (a reply, a forward…) as PTB's Update.
    application.add_handler(TypeHandler(PrivateQuestion, messages.private_question))
    application.add_handler(
        MessageHandler(
            new & filters.ChatType.PRIVATE & filters.TEXT & ~filters.COMMAND, messages.private_text
        )
    )
    application.add_handler(
        MessageHandler(new & filters.ChatType.PRIVATE & filters.COMMAND, commands.unknown)
    )
    # 6. A group became a supergroup.
    application.add_handler(MessageHandler(filters.StatusUpdate.MIGRATE, messages.migrate))
    # 7. Everything that went wrong above.
    application.add_error_handler(errors.on_error)


def build_application(
    settings: Settings, *, careerbot_factory: CareerbotFactory | None = None
) -> CareerbotApplication:
    """The bot, ready for `handlers.lifecycle.running` (or to be driven by a test).

    Updates do not come from PTB's Updater (there is none) but from the inbox
    (handlers/inbox.py), fed by handlers/polling.py or handlers/webhook.py; the update
    processor tells the inbox when each update is finished. `careerbot_factory` opens the core;
    tests pass one that shares a prebuilt title index.
    """
    if not settings.telegram_bot_token:
        raise ValueError("TELEGRAM_BOT_TOKEN is not set")

    def default_factory() -> Any:
        return Careerbot.open(settings.database_url)

    base = settings.telegram_api_base_url.rstrip("/")
    application = cast(
        CareerbotApplication,
        Application.builder()
        .token(settings.telegram_bot_token.get_secret_value())
        .context_types(CONTEXT_TYPES)
        .defaults(DEFAULTS)
        .base_url(f"{base}/bot")
        .base_file_url(f"{base}/file/bot")
        .request(AiohttpRequest())  # the HTTP client: handlers/outgoing/transport.py
        .get_updates_request(AiohttpRequest(pool_size=1))
        .rate_limiter(Delivery())  # throttling + retries: handlers/outgoing/delivery.py
        .updater(None)  # updates arrive through the inbox: handlers/inbox.py
        .concurrent_updates(InboxProcessor(CONCURRENT_UPDATES))
        .post_init(post_init)
        .post_shutdown(post_shutdown)
        .build(),
    )
    application.bot_data.factory = careerbot_factory or default_factory
    add_handlers(application)
    return application


async def post_init(application: CareerbotApplication) -> None:
    """Open the core and publish the command menus.

    A missing database does not stop the bot: users are told to build it (handlers.errors),
    and the next update tries again, so it recovers without a restart. A database server that
    cannot be reached, or refuses the password, raises (DatabaseFault): a start-up error.
    """
    try:
        await application.bot_data.careerbot()
    except DatabaseMissing as error:
        log.error("%s — the bot will tell users so until it exists", error)
    try:
        await application.bot.set_my_commands(
            PRIVATE_COMMANDS, scope=BotCommandScopeAllPrivateChats()
        )
        await application.bot.set_my_commands(GROUP_COMMANDS, scope=BotCommandScopeAllGroupChats())
    except TelegramError as error:  # the menu is a convenience; answering matters more
        log.warning("could not set the command menus: %s", error)


async def post_shutdown(application: CareerbotApplication) -> None:
    """Close the database connections."""
    await application.bot_data.close()


class StartupError(Exception):
    """`careerbot run` cannot start; the message says what to fix and never holds a secret."""
