"""Webhook mode: Telegram POSTs each update to us instead of the bot polling for it.

`careerbot run` uses this when `TELEGRAM_WEBHOOK_URL` is set. The Application runs as usual
(same handlers, rate limiter and concurrency as long polling); only the source of updates
changes. A small tornado HTTP server (tornado is what python-telegram-bot's own `run_webhook`
uses, via the `python-telegram-bot[webhooks]` extra) serves:

- `POST <path of TELEGRAM_WEBHOOK_URL>` — one update from Telegram. Requests without the right
  `X-Telegram-Bot-Api-Secret-Token` get 403 and are never parsed. A valid update is stored in
  the inbox (handlers/inbox.py; concurrent requests share one INSERT) and answered 200 only
  once it is stored, so an instance killed right after its 200 still has it; the Application
  then processes it with its usual concurrency. When it cannot be stored (the database is
  failing) it is still handled, but answered 503, so that Telegram sends it again until it is
  stored. An update id stored already (Telegram's retry, maybe through another instance) gets
  200 and is not handled again. Malformed JSON gets 400; bodies over `MAX_BODY_BYTES` are
  refused by the HTTP layer.
- `GET /healthz` (and HEAD) — 200 `{"ok": true, ...}` while the bot can answer; 503 while the
  database is missing or unreachable, or the bot is stopping, so a load balancer sends
  Telegram's requests to another instance.
- anything else: 404, or 405 for a known path with the wrong method.

Nothing here keeps state between requests: every instance behind a load balancer can take any
update, as long as they share one database (see README, "Webhooks and scaling out"). The inbox
rows an instance stores are claimed under its name, `webhook@<host>:<port>`: restarted with the
same name it takes over its unfinished updates at once; another instance takes them over once
their lease runs out.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import json
import logging
import re
import socket
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from http.client import responses
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import text
from telegram.error import TelegramError

from bot.config import Settings
from bot.service import DatabaseMissing
from handlers.app import ALLOWED_UPDATES, CareerbotApplication, StartupError
from handlers.lifecycle import running, signalled
from handlers.updates import read_update
from store.db import sqlite_threads_done
from store.inbox import Received

try:
    import tornado.httpserver
    import tornado.netutil
    import tornado.web
except ImportError as missing:  # pragma: no cover - depends on the installation
    raise ImportError(
        "webhook mode needs tornado: pip install 'python-telegram-bot[webhooks]'"
    ) from missing

log = logging.getLogger("careerbot.webhook")

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
HEALTH_PATH = "/healthz"
# Updates are a few KB (a 4096-character message with entities and a quoted reply is ~30 KB);
# anything near this is not from Telegram.
MAX_BODY_BYTES = 1024 * 1024
MAX_HEADER_BYTES = 16 * 1024
# Longer than the usual load-balancer keep-alive (60 s), so the balancer closes idle connections
# first and never sends a request on one we are closing. Also the limit for sending headers.
IDLE_TIMEOUT = 75.0
BODY_TIMEOUT = 15.0
HEALTH_TIMEOUT = 2.0  # a database that needs longer to answer "SELECT 1" is not healthy
# What Telegram accepts as secret_token.
_SECRET = re.compile(r"[A-Za-z0-9_-]{1,256}")


class WebhookSetupError(StartupError):
    """Webhook mode cannot start; the message says what to fix (and never contains secrets)."""


@dataclass(frozen=True)
class WebhookConfig:
    """Webhook settings, checked: where Telegram sends updates and where we listen."""

    url: str
    secret: str = field(repr=False)
    host: str
    port: int
    path: str

    @classmethod
    def from_settings(cls, settings: Settings) -> WebhookConfig:
        """Check the TELEGRAM_WEBHOOK_* settings; raise WebhookSetupError saying what is wrong.

        A secret is required rather than generated: every instance behind the load balancer
        must present the same one to Telegram, and a secret generated at start-up would differ
        per instance (each start would lock out the others) and change on every restart.
        """
        url = settings.telegram_webhook_url or ""
        parts = urlsplit(url)
        if parts.scheme not in ("https", "http") or not parts.hostname:
            raise WebhookSetupError(
                "TELEGRAM_WEBHOOK_URL must be a full URL such as "
                "https://bot.example.com/telegram/webhook"
            )
        path = parts.path or "/"
        if path == HEALTH_PATH:
            raise WebhookSetupError(
                f"TELEGRAM_WEBHOOK_URL cannot use the path {HEALTH_PATH}: it is the health check"
            )
        secret = (
            settings.telegram_webhook_secret.get_secret_value()
            if settings.telegram_webhook_secret
            else None
        )
        if not secret:
            raise WebhookSetupError(
                "TELEGRAM_WEBHOOK_SECRET is not set. Webhook mode needs a secret shared by every "
                "instance, e.g. the output of: python -c 'import secrets; "
                "print(secrets.token_urlsafe(32))'"
            )
        if not _SECRET.fullmatch(secret):
            raise WebhookSetupError(
                "TELEGRAM_WEBHOOK_SECRET must be 1-256 characters from A-Z, a-z, 0-9, _ and - "
                "(Telegram's rule)"
            )
        host, port = parse_listen(settings.telegram_webhook_listen)
        return cls(url=url, secret=secret, host=host, port=port, path=path)


def parse_listen(value: str) -> tuple[str, int]:
    """`host:port`, `[ipv6]:port` or `:port` (every interface) → (host, port)."""
    host, sep, port_text = value.strip().rpartition(":")
    if host.startswith("[") and host.endswith("]"):
        host = host[1:-1]
    if not sep or not port_text.isdigit() or not 0 <= int(port_text) <= 65535:
        raise WebhookSetupError(
            f"TELEGRAM_WEBHOOK_LISTEN must be host:port, e.g. 0.0.0.0:8443, not {value!r}"
        )
    return host, int(port_text)


# --------------------------------------------------------------------------- HTTP handlers


class _Handler(tornado.web.RequestHandler):
    """Small JSON errors instead of tornado's HTML pages; no Server header."""

    def set_default_headers(self) -> None:
        self.clear_header("Server")
        self.set_header("Cache-Control", "no-store")

    def write_error(self, status_code: int, **kwargs: Any) -> None:
        if status_code == 405:
            self.set_header("Allow", ", ".join(self.allowed_methods()))
        self.write_json({"ok": False, "error": responses.get(status_code, "Error")})

    def allowed_methods(self) -> tuple[str, ...]:
        return ()

    def write_json(self, payload: dict[str, Any]) -> None:
        self.set_header("Content-Type", "application/json")
        self.finish(json.dumps(payload))


class _NotFound(_Handler):
    def prepare(self) -> None:
        raise tornado.web.HTTPError(404)


class _UpdateHandler(_Handler):
    """Telegram's POST: check the secret, queue the update, answer 200."""

    def initialize(self, telegram: CareerbotApplication, secret: bytes) -> None:
        self.telegram = telegram
        self.secret = secret

    def allowed_methods(self) -> tuple[str, ...]:
        return ("POST",)

    async def post(self) -> None:
        presented = self.request.headers.get(SECRET_HEADER, "").encode("latin-1", "replace")
        if not hmac.compare_digest(presented, self.secret):  # constant time
            raise tornado.web.HTTPError(403)
        if not self.telegram.running:  # stopping: Telegram retries, maybe on another instance
            raise tornado.web.HTTPError(503)
        try:
            body = self.request.body.decode("utf-8")
            data = json.loads(body)
            if not isinstance(data, dict) or not isinstance(data.get("update_id"), int):
                raise ValueError("not an Update object")
            update = read_update(data, self.telegram.bot)
        except Exception as error:  # whatever the body is, the answer is 400, not a crash
            log.warning("webhook: malformed update (%s)", type(error).__name__)
            raise tornado.web.HTTPError(400) from None
        inbox = self.telegram.bot_data.inbox
        if inbox is None or not await inbox.accept([Received(data["update_id"], body)], [update]):
            raise tornado.web.HTTPError(503)  # not stored: Telegram sends it again
        self.set_status(200)
        self.finish()


class _HealthHandler(_Handler):
    """For load balancers: can this instance answer updates right now?"""

    def initialize(self, telegram: CareerbotApplication) -> None:
        self.telegram = telegram

    def allowed_methods(self) -> tuple[str, ...]:
        return ("GET", "HEAD")

    async def get(self) -> None:
        status, payload = await self.check()
        self.set_status(status)
        self.write_json(payload)

    async def head(self) -> None:
        status, _ = await self.check()
        self.set_status(status)
        self.finish()

    async def check(self) -> tuple[int, dict[str, Any]]:
        if not self.telegram.running:
            return 503, {"ok": False, "error": "stopping"}
        try:
            # Opens the core if it was missing at start-up: an instance recovers by itself.
            core = await self.telegram.bot_data.careerbot()
            async with asyncio.timeout(HEALTH_TIMEOUT), core.store.engine.connect() as conn:
                await conn.execute(text("SELECT 1"))
        except DatabaseMissing:
            return 503, {"ok": False, "error": "database missing"}
        except Exception as error:  # unreachable, timed out, refused: all mean "not now"
            log.warning("health check: database unreachable (%s)", type(error).__name__)
            return 503, {"ok": False, "error": "database unreachable"}
        inbox = self.telegram.bot_data.inbox
        in_flight = inbox.in_flight if inbox is not None else 0
        return 200, {"ok": True, "updates_in_flight": in_flight}


def _log_request(handler: tornado.web.RequestHandler) -> None:
    """Access log without query strings or headers; successes only at DEBUG."""
    status = handler.get_status()
    level = logging.DEBUG if status < 400 else logging.INFO if status < 500 else logging.WARNING
    log.log(
        level,
        "%d %s %s (%s) %.1f ms",
        status,
        handler.request.method,
        handler.request.path,
        handler.request.remote_ip,
        1000.0 * handler.request.request_time(),
    )


def make_web_app(
    application: CareerbotApplication, config: WebhookConfig
) -> tornado.web.Application:
    """The routes: the webhook path, /healthz, and 404 for everything else."""
    return tornado.web.Application(
        [
            (
                re.escape(config.path),
                _UpdateHandler,
                {"telegram": application, "secret": config.secret.encode("ascii")},
            ),
            (re.escape(HEALTH_PATH), _HealthHandler, {"telegram": application}),
        ],
        default_handler_class=_NotFound,
        log_function=_log_request,
    )


# --------------------------------------------------------------------------- lifecycle


@dataclass
class WebhookServer:
    """The HTTP server; `port` is the one actually bound (useful with port 0)."""

    http: tornado.httpserver.HTTPServer
    sockets: list[socket.socket]

    @classmethod
    def bind(cls, application: CareerbotApplication, config: WebhookConfig) -> WebhookServer:
        """Claim `config.host:config.port`; connections wait in the backlog until `serve`."""
        try:
            sockets = tornado.netutil.bind_sockets(config.port, config.host or None)
        except OSError as error:
            raise WebhookSetupError(
                f"cannot listen on TELEGRAM_WEBHOOK_LISTEN {config.host}:{config.port}: "
                f"{error.strerror or error}"
            ) from error
        http = tornado.httpserver.HTTPServer(
            make_web_app(application, config),
            max_body_size=MAX_BODY_BYTES,
            max_header_size=MAX_HEADER_BYTES,
            idle_connection_timeout=IDLE_TIMEOUT,
            body_timeout=BODY_TIMEOUT,
            decompress_request=False,
        )
        return cls(http, sockets)

    @property
    def port(self) -> int:
        port: int = self.sockets[0].getsockname()[1]
        return port

    def serve(self) -> None:
        """Accept connections, in the running event loop."""
        self.http.add_sockets(self.sockets)

    async def stop(self) -> None:
        """Stop listening and close every connection (again: nothing more to do)."""
        self.http.stop()
        for sock in self.sockets:  # never served: `stop` does not know them
            sock.close()
        await self.http.close_all_connections()


@contextlib.asynccontextmanager
async def running_webhook(
    application: CareerbotApplication, config: WebhookConfig, settings: Settings
) -> AsyncIterator[WebhookServer]:
    """The bot in webhook mode, from start-up to a clean shutdown; yields the HTTP server.

    Start-up: claim the port (a port in use fails before anything else), start the bot
    (handlers.lifecycle: getMe, the core, the inbox's leftovers, processing), serve, then
    `setWebhook` — last, so Telegram's first request finds an instance ready for it.

    Shutdown: stop listening (Telegram's requests then fail and are retried), finish and mark
    done every update taken, close the database. The webhook is deliberately *not* deleted:
    other instances behind the load balancer are still serving it, and while none is, Telegram
    keeps the updates and retries, so nothing is lost during a restart or deploy. To switch
    back to long polling, `careerbot run` without TELEGRAM_WEBHOOK_URL deletes it.
    """
    async with contextlib.AsyncExitStack() as stack:
        server = WebhookServer.bind(application, config)
        stack.push_async_callback(server.stop)
        owner = f"webhook@{socket.gethostname()}:{server.port}"
        await stack.enter_async_context(running(application, settings, owner))
        stack.push_async_callback(server.stop)  # stop listening before the bot stops
        server.serve()
        try:
            await application.bot.set_webhook(
                url=config.url,
                secret_token=config.secret,
                allowed_updates=ALLOWED_UPDATES,
                drop_pending_updates=False,
            )
        except TelegramError as error:
            raise WebhookSetupError(
                settings.redact(f"Telegram refused the webhook: {error}")
            ) from error
        log.info(
            "careerbot is serving its webhook on %s:%d%s (health check: %s)",
            config.host or "*",
            server.port,
            config.path,
            HEALTH_PATH,
        )
        yield server
        log.info("careerbot is stopping; the webhook stays registered for other instances")


async def serve_until_signalled(
    application: CareerbotApplication, config: WebhookConfig, settings: Settings
) -> None:
    """`careerbot run` in webhook mode: serve until SIGINT/SIGTERM, then shut down cleanly."""
    stop = signalled()
    started = time.monotonic()
    async with running_webhook(application, config, settings):
        await stop.wait()
    await sqlite_threads_done()  # before the loop closes (store.db)
    log.info("careerbot stopped after %.0f s", time.monotonic() - started)
