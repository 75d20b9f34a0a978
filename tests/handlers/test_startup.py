"""`careerbot run` when it cannot start or cannot go on: one clear line, a non-zero exit, no
traceback, and never the token or the database password — checked on the real command's whole
output. And a clean stop on SIGTERM: exit 0, nothing pending.

The scenarios run as concurrent subprocesses (each takes seconds, mostly Python starting, and the
revoked token's back-off 7 s), once for the module; each test reads its own result.
"""

from __future__ import annotations

import asyncio
import http.server
import importlib.util
import secrets
import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.engine import make_url

from tests.support.fakebotapi import FakeBotAPI
from tests.support.postgres import URL, requires_postgres
from tests.support.process import UNCLEAN, BotProcess
from tests.support.smalldb import SmallDatabase

TOKEN = f"987654321:AAW{secrets.token_urlsafe(24)}"  # one Telegram does not know
PASSWORD = f"pw-{secrets.token_hex(8)}"


@dataclass
class Outcome:
    code: int
    output: str
    secrets: tuple[str, ...]

    @property
    def error(self) -> str:
        """The one line `careerbot run` printed about what went wrong."""
        lines = [line for line in self.output.splitlines() if line.startswith("careerbot:")]
        assert len(lines) == 1, self.output
        return lines[0]


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class NotABotAPI(http.server.BaseHTTPRequestHandler):
    """A web server that is not a Bot API (a wrong TELEGRAM_API_BASE_URL): HTML 404s."""

    def do_POST(self) -> None:
        self.send_response(404)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        self.wfile.write(b"<html><body>Not Found</body></html>")

    do_GET = do_POST

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet."""


@pytest.fixture(scope="module")
def not_a_bot_api() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), NotABotAPI)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


async def scenario(log: Path, *, then: Any = None, **settings: str) -> Outcome:
    bot = BotProcess.start(log, **settings)
    if then is not None:
        await then(bot)
    code = await bot.exit_code(timeout=60)
    return Outcome(code, bot.output(), (settings["TELEGRAM_BOT_TOKEN"], PASSWORD))


@pytest.fixture(scope="module")
def outcomes(
    tmp_path_factory: pytest.TempPathFactory, not_a_bot_api: str
) -> Iterator[dict[str, Outcome]]:
    where = tmp_path_factory.mktemp("startup")

    async def everything(server: FakeBotAPI, quiet: FakeBotAPI) -> dict[str, Outcome]:
        db = await SmallDatabase.build(where)
        ok = {"TELEGRAM_BOT_TOKEN": server.token, "TELEGRAM_API_BASE_URL": server.url}
        pg = f"postgresql+asyncpg://careerbot:{PASSWORD}@127.0.0.1"

        async def stop(bot: BotProcess) -> None:
            await bot.wait_for_line("careerbot is polling")
            server.inject_message("bill collector", chat_id=7)
            await asyncio.to_thread(server.wait_for_sync, "sendMessage", 1, 20)
            await bot.terminate()

        async def revoke(bot: BotProcess) -> None:
            await bot.wait_for_line("careerbot is polling")
            quiet.revoke_token()  # every call with the bot's token is 401 from now on

        plans = {
            "rejected token": dict(ok, TELEGRAM_BOT_TOKEN=TOKEN, DATABASE_URL=db.url),
            "unreachable api": dict(
                ok, TELEGRAM_API_BASE_URL=f"http://127.0.0.1:{closed_port()}", DATABASE_URL=db.url
            ),
            "not a bot api": dict(ok, TELEGRAM_API_BASE_URL=not_a_bot_api, DATABASE_URL=db.url),
            "malformed url": dict(ok, DATABASE_URL=f"{pg}:notaport/careerbot"),
            "url the driver refuses": dict(ok, DATABASE_URL=f"{pg}:5432/careerbot?sslmode=require"),
            "unreachable database": dict(ok, DATABASE_URL=f"{pg}:{closed_port()}/careerbot"),
        }
        runs = {
            name: scenario(where / f"{name}.log", **settings) for name, settings in plans.items()
        }
        runs["sigterm"] = scenario(where / "sigterm.log", then=stop, DATABASE_URL=db.url, **ok)
        runs["revoked"] = scenario(
            where / "revoked.log",
            then=revoke,
            TELEGRAM_BOT_TOKEN=quiet.token,  # a bot of its own: the token gets revoked
            TELEGRAM_API_BASE_URL=quiet.url,
            DATABASE_URL=db.url,
        )
        return dict(zip(runs, await asyncio.gather(*runs.values()), strict=True))

    with FakeBotAPI() as server, FakeBotAPI() as quiet:
        yield asyncio.run(everything(server, quiet))


def check_clean_failure(outcome: Outcome) -> str:
    assert outcome.code == 1, outcome.output
    assert not any(word in outcome.output for word in UNCLEAN), outcome.output
    assert not any(secret in outcome.output for secret in outcome.secrets), outcome.output
    return outcome.error


@pytest.mark.parametrize(
    ("name", "says"),
    [
        ("rejected token", "Telegram rejected TELEGRAM_BOT_TOKEN — check it with @BotFather"),
        ("unreachable api", "cannot reach the Bot API at TELEGRAM_API_BASE_URL http://127.0.0.1:"),
        ("not a bot api", "does not answer like a Bot API server"),
        ("malformed url", "DATABASE_URL is not a database URL"),
        ("url the driver refuses", "DATABASE_URL has an option the database driver does not"),
        ("unreachable database", "The database server cannot be reached"),
    ],
)
def test_a_start_up_error_is_one_line_without_secrets(
    outcomes: dict[str, Outcome], name: str, says: str
) -> None:
    assert says in check_clean_failure(outcomes[name])


def test_the_unreachable_url_is_named_without_the_token(outcomes: dict[str, Outcome]) -> None:
    error = outcomes["unreachable api"].error
    assert "/bot" not in error  # the Bot API's URLs hold the token: only the base is named


def test_a_token_revoked_while_running_ends_the_process_after_a_few_retries(
    outcomes: dict[str, Outcome],
) -> None:
    outcome = outcomes["revoked"]
    error = check_clean_failure(outcome)
    assert "Telegram rejected TELEGRAM_BOT_TOKEN on getUpdates 4 times in a row" in error
    assert outcome.output.count("retrying in") == 3  # back-off 1, 2, 4 s, then it gives up


def test_sigterm_stops_cleanly_with_exit_0(outcomes: dict[str, Outcome]) -> None:
    outcome = outcomes["sigterm"]
    assert outcome.code == 0, outcome.output
    assert not any(word in outcome.output for word in UNCLEAN), outcome.output
    assert "careerbot stopped" in outcome.output


def test_the_bot_runs_on_uvloop_where_it_is_installed(outcomes: dict[str, Outcome]) -> None:
    loop = "uvloop" if importlib.util.find_spec("uvloop") else "asyncio"
    assert f"event loop: {loop}" in outcomes["sigterm"].output


@pytest.mark.postgres
@requires_postgres
async def test_a_wrong_database_password_is_named(tmp_path: Path) -> None:
    wrong = make_url(URL).set(password=PASSWORD).render_as_string(hide_password=False)
    with FakeBotAPI() as server:
        outcome = await scenario(
            tmp_path / "password.log",
            TELEGRAM_BOT_TOKEN=server.token,
            TELEGRAM_API_BASE_URL=server.url,
            DATABASE_URL=wrong,
        )

    error = check_clean_failure(outcome)
    assert "rejected the password (or the user name) in DATABASE_URL" in error
