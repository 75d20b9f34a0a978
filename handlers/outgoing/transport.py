"""How Bot API calls travel: over aiohttp rather than PTB's default httpx client.

Why. At load, sending the request was most of the bot's CPU: httpx/httpcore spend about a
millisecond per call on pool bookkeeping (scanning every pooled connection, polling each
socket's readability, asking the peer name) before a byte is written. aiohttp's C-accelerated
client does the same call for a fraction of that, which is what lets one process answer
hundreds of updates a second (`make bench`). PTB supports this officially: any `BaseRequest`
subclass can carry the calls (python-telegram-bot's ptbcontrib has one too; it is not on PyPI).

What it keeps from PTB's contract:
- Timeouts per call (connect, read, write, pool), with defaults from `Timeouts`.
- Failures become PTB's errors: `TimedOut` for timeouts, `NetworkError` otherwise, so PTB and
  `handlers.outgoing.delivery` see what they would with httpx. `NotSent` marks the failures
  after which Telegram certainly did not carry out the call (no connection; the server closed it
  without answering), which Delivery may safely retry.
- Plain calls go as a JSON body (as Telegram documents); uploads as multipart/form-data.
- Error messages never contain the URL, which holds the bot token.
- An answer that is not JSON (a TELEGRAM_API_BASE_URL that is not a Bot API server) is
  PTB's TelegramError("Invalid server response"), without PTB's own log record of the whole
  body with a traceback: `careerbot run` reports it in one line (handlers/lifecycle.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, cast

import aiohttp
import orjson
from telegram.error import NetworkError, TelegramError, TimedOut
from telegram.request import BaseRequest, RequestData

JSON_HEADERS = {"Content-Type": "application/json"}


class NotSent(NetworkError):
    """Telegram certainly did not carry out the call: no connection could be made, none was
    free in time, or the server closed the connection without answering."""


class NotSentTimedOut(NotSent, TimedOut):
    """A connection (or a free one from the pool) could not be had in time: not sent."""


@dataclass(frozen=True)
class Timeouts:
    """Seconds each phase of a call may take (None: no limit). As PTB's HTTPXRequest defaults."""

    connect: float | None = 5.0
    read: float | None = 5.0
    write: float | None = 5.0
    pool: float | None = 1.0
    media_write: float | None = 20.0  # the write timeout of calls that upload a file


def _given(value: Any, default: float | None) -> float | None:
    return default if isinstance(value, type(BaseRequest.DEFAULT_NONE)) else value


class AiohttpRequest(BaseRequest):
    """PTB's `BaseRequest` on an aiohttp session with up to `pool_size` keep-alive connections.

    `timeouts` is read on every call, so it can be changed before or while the bot runs.
    """

    def __init__(self, *, pool_size: int = 256, timeouts: Timeouts | None = None) -> None:
        self.pool_size = pool_size
        self.timeouts = timeouts or Timeouts()
        self._session: aiohttp.ClientSession | None = None

    @property
    def read_timeout(self) -> float | None:
        return self.timeouts.read

    async def initialize(self) -> None:
        """Open the session; it must be created inside the running event loop."""
        if self._session is None or self._session.closed:
            self._session = aiohttp.ClientSession(
                connector=aiohttp.TCPConnector(limit=self.pool_size),
                headers={"User-Agent": self.USER_AGENT},
                # Telegram's answers are JSON; nothing to gain from cookies or redirects.
                cookie_jar=aiohttp.DummyCookieJar(),
            )

    async def shutdown(self) -> None:
        if self._session is not None and not self._session.closed:
            await self._session.close()
        self._session = None

    def call_timeouts(
        self,
        request_data: RequestData | None,
        *,
        read: Any = BaseRequest.DEFAULT_NONE,
        write: Any = BaseRequest.DEFAULT_NONE,
        connect: Any = BaseRequest.DEFAULT_NONE,
        pool: Any = BaseRequest.DEFAULT_NONE,
    ) -> Timeouts:
        """The limits of one call: those given with it, else the defaults (uploads get the
        longer `media_write`, as with PTB's own client)."""
        uploads = request_data is not None and request_data.contains_files
        defaults = self.timeouts
        return Timeouts(
            connect=_given(connect, defaults.connect),
            read=_given(read, defaults.read),
            write=_given(write, defaults.media_write if uploads else defaults.write),
            pool=_given(pool, defaults.pool),
        )

    @staticmethod
    def parse_json_payload(payload: bytes) -> dict[str, Any]:
        """The answer's JSON; TelegramError("Invalid server response") if it is not JSON."""
        try:
            parsed = orjson.loads(payload.decode("utf-8", "replace"))
        except ValueError as error:
            raise TelegramError("Invalid server response (not JSON)") from error
        if not isinstance(parsed, dict):
            raise TelegramError("Invalid server response (not a JSON object)")
        return parsed

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: Any = BaseRequest.DEFAULT_NONE,
        write_timeout: Any = BaseRequest.DEFAULT_NONE,
        connect_timeout: Any = BaseRequest.DEFAULT_NONE,
        pool_timeout: Any = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        if self._session is None or self._session.closed:
            raise RuntimeError("This AiohttpRequest is not initialized!")
        limits = self.call_timeouts(
            request_data,
            read=read_timeout,
            write=write_timeout,
            connect=connect_timeout,
            pool=pool_timeout,
        )
        body, headers = _encode(request_data)
        try:
            async with self._session.request(
                method,
                url,
                data=body,
                headers=headers,
                timeout=_client_timeout(limits),
                allow_redirects=False,
            ) as response:
                return response.status, await response.read()
        except aiohttp.ConnectionTimeoutError as error:  # pool or connect: nothing was sent
            raise NotSentTimedOut(f"no connection in time ({_describe(error, url)})") from error
        except TimeoutError as error:  # aiohttp's own timeouts are TimeoutErrors too
            raise TimedOut(f"no answer in time ({_describe(error, url)})") from error
        except (aiohttp.ClientConnectorError, aiohttp.ServerDisconnectedError) as error:
            raise NotSent(f"aiohttp.{_describe(error, url)}") from error
        except aiohttp.ClientError as error:
            raise NetworkError(f"aiohttp.{_describe(error, url)}") from error


def _encode(request_data: RequestData | None) -> tuple[Any, dict[str, str] | None]:
    """The body: JSON for plain calls, multipart when the call uploads a file."""
    if request_data is None:
        return None, None
    if not request_data.contains_files:
        return orjson.dumps(request_data.parameters), JSON_HEADERS
    form = aiohttp.FormData()
    for name, value in request_data.json_parameters.items():
        form.add_field(name, value)
    for name, (filename, content, mimetype) in request_data.multipart_data.items():
        form.add_field(name, content, filename=filename, content_type=mimetype)
    return form, None


def _client_timeout(limits: Timeouts) -> aiohttp.ClientTimeout:
    """aiohttp has no write timeout: it is folded into the call's total, with the others.

    aiohttp's `connect` covers waiting for a pooled connection plus opening a new one.
    """
    return aiohttp.ClientTimeout(
        total=_sum(limits.pool, limits.connect, limits.write, limits.read),
        connect=_sum(limits.pool, limits.connect),
        sock_connect=limits.connect,
        sock_read=limits.read,
    )


def _sum(*seconds: float | None) -> float | None:
    """The total of some time limits; no limit if any of them is none."""
    return None if any(part is None for part in seconds) else sum(cast(float, s) for s in seconds)


def _describe(error: BaseException, url: str) -> str:
    """The error's class and text, with the URL (it holds the bot token) taken out."""
    text = str(error).replace(url, "<url>")
    return f"{type(error).__name__}: {text}" if text else type(error).__name__
