"""Webhook mode: the real Application behind the real webhook server, Telegram played by a fake.

Why: `careerbot run` with TELEGRAM_WEBHOOK_URL is a public HTTP endpoint, so what matters is
what it does with each request — Telegram's (right secret: answered), anyone else's (403,
never processed), garbage (400, no crash) — and what it tells Telegram (setWebhook with the
secret) and the load balancer (/healthz). Everything runs on loopback: the fake Bot API from
`tests.fakebotapi`, and the webhook server on a free port, which the tests POST to with httpx
exactly as Telegram would.
"""

from __future__ import annotations

import asyncio
import json
import logging
import secrets
import socket
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from typing import Any

import httpx
import pytest

from bot import cli
from bot.config import Settings
from bot.resolver import TitleIndex
from bot.service import Careerbot, DatabaseMissing
from handlers.app import ALLOWED_UPDATES, CareerbotApplication, build_application
from handlers.runner import RedactingFilter
from handlers.webhook import (
    MAX_BODY_BYTES,
    SECRET_HEADER,
    WebhookConfig,
    WebhookSetupError,
    parse_listen,
    running_webhook,
)
from tests.support.fakebotapi import FakeBotAPI

JSONDict = dict[str, Any]
PUBLIC_URL = "https://careerbot.example.test/telegram/updates"
PATH = "/telegram/updates"
QUESTION = "medical collections vs loss mitigation"


@dataclass
class Webhook:
    """The running bot in webhook mode, seen from Telegram's side of the HTTP connection."""

    server: FakeBotAPI
    app: CareerbotApplication
    http: httpx.AsyncClient
    secret: str

    async def post(
        self, update: JSONDict | bytes, secret: str | None = None, path: str = PATH
    ) -> httpx.Response:
        """POST like Telegram does; `secret=None` sends the right one, "" sends no header."""
        secret = self.secret if secret is None else secret
        headers = {"Content-Type": "application/json"}
        if secret:
            headers[SECRET_HEADER] = secret
        body = update if isinstance(update, bytes) else json.dumps(update).encode()
        return await self.http.post(path, content=body, headers=headers)

    def message(self, text: str, chat_id: int = 1001) -> JSONDict:
        """A user's message as Telegram would deliver it (the fake learns the chat too)."""
        return self.server.inject_message(text, chat_id=chat_id)

    async def answer_to(self, text: str, chat_id: int = 1001) -> JSONDict:
        """POST a message with the right secret; return what the bot sent back."""
        before = len(self.server.sent_messages(chat_id))
        response = await self.post(self.message(text, chat_id))
        assert response.status_code == 200
        await until(lambda: len(self.server.sent_messages(chat_id)) > before, repr(text))
        return self.server.sent_messages(chat_id)[before]


async def until(condition: Callable[[], bool], what: str) -> None:
    for _ in range(500):
        if condition():
            return
        await asyncio.sleep(0.01)
    raise AssertionError(f"timed out waiting for {what}")


def webhook_settings(server: FakeBotAPI, database_url: str, secret: str) -> Settings:
    return Settings(
        telegram_bot_token=server.token,
        telegram_api_base_url=server.url,
        database_url=database_url,
        telegram_webhook_url=PUBLIC_URL,
        telegram_webhook_secret=secret,
        telegram_webhook_listen="127.0.0.1:0",  # a free loopback port
    )


async def serve(
    server: FakeBotAPI, settings: Settings, factory: Callable[[], Any] | None = None
) -> AsyncIterator[Webhook]:
    """What `careerbot run` does in webhook mode, without the signal handling."""
    app = build_application(settings, careerbot_factory=factory)
    async with running_webhook(app, WebhookConfig.from_settings(settings)) as running:
        base = f"http://127.0.0.1:{running.port}"
        async with httpx.AsyncClient(base_url=base, timeout=5) as http:
            assert settings.telegram_webhook_secret is not None
            yield Webhook(server, app, http, settings.telegram_webhook_secret.get_secret_value())


@pytest.fixture
def secret() -> str:
    return secrets.token_urlsafe(32)


@pytest.fixture
def shared_index(real_db_url: str, real_index: TitleIndex) -> Callable[[], Any]:
    async def open_core() -> Careerbot:  # the session's title index: saves ~1 s per test
        return await Careerbot.open(real_db_url, index=real_index)

    return open_core


@pytest.fixture
async def webhook(
    fake_bot_api: FakeBotAPI, real_db_url: str, shared_index: Callable[[], Any], secret: str
) -> AsyncIterator[Webhook]:
    settings = webhook_settings(fake_bot_api, real_db_url, secret)
    async for running in serve(fake_bot_api, settings, shared_index):
        yield running


# --------------------------------------------------------------------------- start-up


async def test_startup_registers_the_webhook_with_its_secret(webhook: Webhook) -> None:
    (call,) = webhook.server.calls("setWebhook")
    assert call["url"] == PUBLIC_URL
    assert call["secret_token"] == webhook.secret
    assert call["allowed_updates"] == ALLOWED_UPDATES
    assert not call.get("drop_pending_updates")
    assert webhook.server.calls("setMyCommands")  # post_init ran, as in polling mode
    assert isinstance(webhook.app.bot_data.core, Careerbot)


async def test_shutdown_keeps_the_webhook_for_other_instances(
    fake_bot_api: FakeBotAPI, real_db_url: str, shared_index: Callable[[], Any], secret: str
) -> None:
    settings = webhook_settings(fake_bot_api, real_db_url, secret)
    app = build_application(settings, careerbot_factory=shared_index)
    async with running_webhook(app, WebhookConfig.from_settings(settings)) as server:
        port = server.port
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}") as http:
            update = fake_bot_api.inject_message(QUESTION, chat_id=1001)
            response = await http.post(PATH, json=update, headers={SECRET_HEADER: secret})
            assert response.status_code == 200
        # leaving at once: the queued update must still be answered before shutdown ends

    assert fake_bot_api.sent_messages(1001), "a queued update was lost at shutdown"
    assert not fake_bot_api.calls("deleteWebhook")
    assert app.bot_data.core is None  # post_shutdown closed the database
    with pytest.raises(httpx.ConnectError):  # nothing listens any more
        async with httpx.AsyncClient() as http:
            await http.get(f"http://127.0.0.1:{port}/healthz")


# --------------------------------------------------------------------------- Telegram's requests


async def test_update_with_the_secret_is_answered(webhook: Webhook) -> None:
    answer = await webhook.answer_to(QUESTION)

    assert "Bill and Account Collectors" in answer["text"]
    assert "$47,030" in answer["text"]


async def test_updates_are_answered_concurrently_and_none_is_lost(webhook: Webhook) -> None:
    chats = range(2001, 2011)
    responses = await asyncio.gather(
        *(webhook.post(webhook.message("nurse vs teacher", chat)) for chat in chats)
    )

    assert [r.status_code for r in responses] == [200] * len(chats)
    await until(
        lambda: all(webhook.server.sent_messages(chat) for chat in chats), "every chat's answer"
    )


@pytest.mark.parametrize(
    "presented",
    ["", "wrong", "x" * 43, "{secret}x", "{secret_upper}"],
    ids=["missing", "wrong", "wrong-same-length", "longer", "other-case"],
)
async def test_request_without_the_right_secret_is_403_and_ignored(
    webhook: Webhook, presented: str
) -> None:
    presented = presented.format(secret=webhook.secret, secret_upper=webhook.secret.upper())
    if presented == webhook.secret:
        pytest.skip("token_urlsafe gave a secret without letters")

    response = await webhook.post(webhook.message("nurse", chat_id=3001), secret=presented)

    assert response.status_code == 403
    await webhook.answer_to("teacher", chat_id=3002)  # processed after anything queued before
    assert webhook.server.sent_messages(3001) == []


@pytest.mark.parametrize(
    "body",
    [
        b"",
        b"{",
        b"[]",
        b'"update"',
        b"null",
        b'{"message": {}}',
        b'{"update_id": "1"}',
        b'{"update_id": 1, "message": {"text": 5}}',
        b"\xff\xfe",
    ],
)
async def test_malformed_update_is_400_and_the_server_carries_on(
    webhook: Webhook, body: bytes
) -> None:
    response = await webhook.post(body)

    assert response.status_code == 400
    assert "nurse" in (await webhook.answer_to("nurse")).get("text", "").lower()


async def test_oversized_body_is_refused_without_being_processed(webhook: Webhook) -> None:
    update = webhook.message("nurse", chat_id=4001)
    update["message"]["text"] = "nurse " + " " * MAX_BODY_BYTES

    try:  # tornado answers 400 and hangs up without reading the body
        response = await webhook.post(update)
        assert response.status_code == 400
    except httpx.TransportError:  # ... which the client may notice first, while still sending
        pass

    await webhook.answer_to("teacher", chat_id=4002)
    assert webhook.server.sent_messages(4001) == []


# --------------------------------------------------------------------------- other requests


async def test_healthz_reports_ok(webhook: Webhook) -> None:
    response = await webhook.http.get("/healthz")

    assert response.status_code == 200
    assert response.json()["ok"] is True
    assert (await webhook.http.head("/healthz")).status_code == 200


async def test_healthz_is_503_while_the_database_is_missing(
    fake_bot_api: FakeBotAPI, real_db_url: str, secret: str
) -> None:
    async def missing() -> Careerbot:
        raise DatabaseMissing("no database here")

    settings = webhook_settings(fake_bot_api, real_db_url, secret)
    async for running in serve(fake_bot_api, settings, missing):
        response = await running.http.get("/healthz")
        assert response.status_code == 503
        assert response.json() == {"ok": False, "error": "database missing"}
        assert (await running.http.head("/healthz")).status_code == 503


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [
        ("POST", "/", 404),
        ("POST", "/telegram/updates/", 404),
        ("POST", "/telegram", 404),
        ("GET", "/healthz/", 404),
        ("GET", "/favicon.ico", 404),
        ("GET", PATH, 405),
        ("PUT", PATH, 405),
        ("POST", "/healthz", 405),
        ("DELETE", "/healthz", 405),
    ],
)
async def test_other_paths_and_methods(
    webhook: Webhook, method: str, path: str, status: int
) -> None:
    update = webhook.message("nurse", chat_id=5001)
    headers = {SECRET_HEADER: webhook.secret}

    response = await webhook.http.request(method, path, json=update, headers=headers)

    assert response.status_code == status
    assert "Tornado" not in response.headers.get("Server", "")
    await webhook.answer_to("teacher", chat_id=5002)
    assert webhook.server.sent_messages(5001) == []


async def test_secret_and_token_never_reach_the_logs(
    webhook: Webhook, caplog: pytest.LogCaptureFixture
) -> None:
    """At DEBUG, PTB logs every Bot API call's parameters; the redacting filter must hold."""
    settings = Settings(
        telegram_bot_token=webhook.server.token, telegram_webhook_secret=webhook.secret
    )
    caplog.handler.addFilter(RedactingFilter(settings.redact))  # what configure_logging does
    caplog.set_level(logging.DEBUG)

    await webhook.app.bot.set_webhook(PUBLIC_URL, secret_token=webhook.secret)  # logged params
    await webhook.answer_to("nurse")
    await webhook.post(webhook.message("nurse"), secret=webhook.secret[:-1])
    await webhook.post(b"{")

    assert "setWebhook" in caplog.text  # the call was logged, redacted
    assert webhook.secret not in caplog.text
    assert webhook.server.token not in caplog.text
    assert "403 POST /telegram/updates" in caplog.text


# --------------------------------------------------------------------------- configuration


def test_webhook_mode_refuses_to_start_without_a_secret() -> None:
    settings = Settings(telegram_bot_token="1:x", telegram_webhook_url=PUBLIC_URL)

    with pytest.raises(WebhookSetupError, match="TELEGRAM_WEBHOOK_SECRET is not set"):
        WebhookConfig.from_settings(settings)


@pytest.mark.parametrize(
    ("changes", "complaint"),
    [
        ({"telegram_webhook_secret": "has spaces in it"}, "TELEGRAM_WEBHOOK_SECRET must be"),
        ({"telegram_webhook_secret": "x" * 257}, "TELEGRAM_WEBHOOK_SECRET must be"),
        ({"telegram_webhook_url": "careerbot.example.test/hook"}, "TELEGRAM_WEBHOOK_URL must be"),
        ({"telegram_webhook_url": "https://h.example.test/healthz"}, "cannot use the path"),
        ({"telegram_webhook_listen": "8443"}, "TELEGRAM_WEBHOOK_LISTEN must be"),
        ({"telegram_webhook_listen": "0.0.0.0:http"}, "TELEGRAM_WEBHOOK_LISTEN must be"),
        ({"telegram_webhook_listen": "0.0.0.0:70000"}, "TELEGRAM_WEBHOOK_LISTEN must be"),
    ],
)
def test_bad_webhook_settings_are_explained(changes: dict[str, Any], complaint: str) -> None:
    base = {
        "telegram_bot_token": "1:x",
        "telegram_webhook_url": PUBLIC_URL,
        "telegram_webhook_secret": "s3-c_t",
    }
    settings = Settings(**{**base, **changes})

    with pytest.raises(WebhookSetupError, match=complaint) as raised:
        WebhookConfig.from_settings(settings)
    assert settings.telegram_webhook_secret is not None
    assert settings.telegram_webhook_secret.get_secret_value() not in str(raised.value)


def test_listen_addresses() -> None:
    assert parse_listen("0.0.0.0:8443") == ("0.0.0.0", 8443)
    assert parse_listen("[::1]:8080") == ("::1", 8080)
    assert parse_listen(":8443") == ("", 8443)
    config = WebhookConfig.from_settings(
        Settings(telegram_webhook_url="https://h.example/", telegram_webhook_secret="abc")
    )
    assert (config.path, config.port) == ("/", 8443)
    assert "abc" not in repr(config)


def test_careerbot_run_without_a_secret_exits_with_a_clear_message(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "123:not-a-real-token")
    monkeypatch.setenv("TELEGRAM_WEBHOOK_URL", PUBLIC_URL)
    monkeypatch.setenv("TELEGRAM_WEBHOOK_SECRET", "")  # also hides one from a local .env

    assert cli.main(["run"]) == 1
    error = capsys.readouterr().err
    assert "TELEGRAM_WEBHOOK_SECRET is not set" in error
    assert "not-a-real-token" not in error


def test_careerbot_run_reports_a_port_in_use(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "123:not-a-real-token")
        monkeypatch.setenv("TELEGRAM_API_BASE_URL", "http://127.0.0.1:9")  # never reached
        monkeypatch.setenv("TELEGRAM_WEBHOOK_URL", PUBLIC_URL)
        monkeypatch.setenv("TELEGRAM_WEBHOOK_SECRET", "s3cret")
        monkeypatch.setenv("TELEGRAM_WEBHOOK_LISTEN", f"127.0.0.1:{port}")

        assert cli.main(["run"]) == 1
    assert "cannot listen on TELEGRAM_WEBHOOK_LISTEN" in capsys.readouterr().err
