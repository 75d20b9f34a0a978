"""The Telegram Application: wiring only — which update goes to which handler, and start-up.

`build_application` is what `careerbot run` uses and what the end-to-end tests drive against a
fake Bot API, so both exercise the same wiring. `add_handlers` lists every handler in one place,
in the order PTB tries them, so it reads as the bot's table of contents.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import Any

from telegram import (
    BotCommand,
    BotCommandScopeAllGroupChats,
    BotCommandScopeAllPrivateChats,
    Update,
)
from telegram.error import TelegramError
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    InlineQueryHandler,
    MessageHandler,
    filters,
)

from bot.answer import Careerbot, DatabaseMissing
from bot.config import Settings
from handlers import (
    FACTORY,
    CareerbotFactory,
    buttons,
    close_careerbot,
    commands,
    errors,
    flood,
    inline,
    messages,
    open_careerbot,
)
from handlers.delivery import Delivery
from handlers.transport import AiohttpRequest

log = logging.getLogger("careerbot.app")

CareerbotApplication = Application[
    Any, ContextTypes.DEFAULT_TYPE, dict[Any, Any], dict[Any, Any], dict[Any, Any], Any
]

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
    BotCommand("state", "Pay where you live: /state TX"),
    BotCommand("about", "Data sources"),
]
GROUP_COMMANDS = [
    BotCommand("compare", "Compare jobs: /compare nurse vs teacher"),
    BotCommand("job", "One job's profile: /job electrician"),
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
    # 5. Private chats: any text is a question; an unknown /command gets the help.
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
    """The bot, ready for `run_polling` (or to be driven by a test).

    `careerbot_factory` opens the core; tests pass one that shares a prebuilt title index.
    """
    if not settings.telegram_bot_token:
        raise ValueError("TELEGRAM_BOT_TOKEN is not set")

    def default_factory() -> Any:
        return Careerbot.open(settings.database_url)

    base = settings.telegram_api_base_url.rstrip("/")
    application: CareerbotApplication = (
        Application.builder()
        .token(settings.telegram_bot_token)
        .base_url(f"{base}/bot")
        .base_file_url(f"{base}/file/bot")
        .request(AiohttpRequest())  # the HTTP client: handlers/transport.py
        .get_updates_request(AiohttpRequest(pool_size=1))
        .rate_limiter(Delivery())  # throttling + retries: handlers/delivery.py
        .concurrent_updates(CONCURRENT_UPDATES)
        .post_init(post_init)
        .post_shutdown(post_shutdown)
        .build()
    )
    application.bot_data[FACTORY] = careerbot_factory or default_factory
    add_handlers(application)
    return application


async def post_init(application: CareerbotApplication) -> None:
    """Open the core and publish the command menus.

    A missing database does not stop the bot: users are told to build it (handlers.errors),
    and the next update tries again, so it recovers without a restart.
    """
    try:
        await open_careerbot(application.bot_data)
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
    await close_careerbot(application.bot_data)


class RedactingFilter(logging.Filter):
    """Removes secrets from every record: message, arguments and formatted traceback.

    HTTP clients may log request URLs (httpx does, at INFO), and Telegram URLs contain the bot
    token (`/bot<token>/getMe`); errors can quote them too. Put on the root *handlers*, it sees
    records from every logger, including ones that propagate from libraries.
    """

    def __init__(self, redact: Callable[[str], str]) -> None:
        super().__init__("redact")
        self.redact = redact

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        clean = self.redact(message)
        if clean != message:
            record.msg, record.args = clean, None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self.redact(record.exc_text)
        if record.stack_info:
            record.stack_info = self.redact(record.stack_info)
        return True


def configure_logging(settings: Settings) -> None:
    """Redact the token from whatever is logged, by careerbot or any library."""
    root = logging.getLogger()
    if not root.handlers:
        logging.basicConfig(
            level=settings.log_level, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
        )
    for handler in root.handlers:
        if not any(isinstance(f, RedactingFilter) for f in handler.filters):
            handler.addFilter(RedactingFilter(settings.redact))


class StartupError(Exception):
    """`careerbot run` cannot start; the message says what to fix and never holds a secret."""


def run(settings: Settings) -> None:
    """`careerbot run`: webhook mode when TELEGRAM_WEBHOOK_URL is set, long polling otherwise.

    Raises StartupError when webhook mode is asked for but cannot start (no secret, port taken,
    Telegram refused the URL, ...).
    """
    if settings.webhook_url:
        run_webhook(settings)
    else:
        run_polling(settings)


def run_polling(settings: Settings) -> None:
    """Poll Telegram until Ctrl-C / SIGTERM, then shut down cleanly."""
    configure_logging(settings)
    if settings.webhook_secret:
        log.info("TELEGRAM_WEBHOOK_SECRET is set but TELEGRAM_WEBHOOK_URL is not: polling")
    application = build_application(settings)
    log.info("careerbot is starting (polling %s)", settings.telegram_api_base_url)
    # PTB deletes a webhook left from webhook mode before it starts polling.
    application.run_polling(allowed_updates=ALLOWED_UPDATES)


def run_webhook(settings: Settings) -> None:
    """Serve Telegram's webhook (see `bot.webhook`) until Ctrl-C / SIGTERM."""
    configure_logging(settings)
    from bot.webhook import WebhookConfig, serve_until_signalled  # tornado: webhook mode only

    config = WebhookConfig.from_settings(settings)  # before anything starts: fail fast
    application = build_application(settings)
    log.info("careerbot is starting (webhook, Bot API %s)", settings.telegram_api_base_url)
    asyncio.run(serve_until_signalled(application, config))
