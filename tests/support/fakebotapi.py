"""A small fake Telegram Bot API server for end-to-end tests.

Why: unit tests that mock ``telegram.Bot`` never exercise PTB's real request encoding, error
mapping and polling loop.  This module serves the Bot API over real HTTP on loopback, so the
real python-telegram-bot client (``Bot``/``Application``) talks to it exactly as it would talk
to ``api.telegram.org``.  It records every request, lets tests inject updates and faults, and
keeps just enough state (sent messages, webhooks, commands, files) to answer realistically.

The server runs in its own thread (``ThreadingHTTPServer``), so it never blocks or depends on the
pytest-asyncio event loop the Application runs in.

Usage::

    with FakeBotAPI() as server:
        app = server.app_builder().build()      # or Application.builder().token(server.token)
        ...                                      #   .base_url(f"{server.url}/bot")
                                                 #   .base_file_url(f"{server.url}/file/bot")
"""

from __future__ import annotations

import asyncio
import contextlib
import copy
import itertools
import json
import re
import socket
import sys
import threading
import time
from collections import Counter, deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl, unquote, urlsplit

import pytest

if TYPE_CHECKING:
    from telegram.ext._applicationbuilder import InitApplicationBuilder

__all__ = [
    "BLOCKED",
    "DEFAULT_TOKEN",
    "MIGRATED",
    "NOT_MODIFIED",
    "QUERY_TOO_OLD",
    "BotAPIError",
    "FakeBotAPI",
    "Fault",
    "FaultPolicy",
    "Request",
    "UploadedFile",
    "fake_bot_api",
]

JSONDict = dict[str, Any]
MethodHandler = Callable[[JSONDict], Any]

DEFAULT_TOKEN = "777:AAFakeTokenForCareerbotTests_0123456789"

NOT_MODIFIED = (
    "Bad Request: message is not modified: specified new message content and reply markup are "
    "exactly the same as a current content and reply markup of a message"
)
QUERY_TOO_OLD = "Bad Request: query is too old and response timeout expired or query ID is invalid"
BLOCKED = "Forbidden: bot was blocked by the user"
MIGRATED = "Bad Request: group chat was upgraded to a supergroup chat"

# Parameters whose string values must stay strings even if they look like JSON ("123", "true").
# Everything else sent form/multipart-encoded is JSON-decoded (PTB json.dumps every non-str value).
_STRING_FIELD_NAMES = """
    text caption query data callback_query_id inline_query_id inline_message_id parse_mode
    action url description short_description name title secret_token next_offset switch_pm_text
    switch_pm_parameter language_code ip_address emoji question explanation first_name
    last_name username file_id photo document audio video animation voice video_note sticker
    thumbnail message_effect_id business_connection_id custom_emoji_id
"""
_STRING_FIELDS = frozenset(_STRING_FIELD_NAMES.split())

_DEFAULT_DESCRIPTIONS = {
    400: "Bad Request",
    401: "Unauthorized",
    403: "Forbidden: bot was blocked by the user",
    404: "Not Found",
    409: "Conflict: terminated by other getUpdates request; make sure that only one bot "
    "instance is running",
    500: "Internal Server Error",
    502: "Bad Gateway",
    503: "Service Unavailable",
    504: "Gateway Timeout",
}

_COMMAND_RE = re.compile(r"(?<!\S)/[A-Za-z0-9_]{1,64}(?:@[A-Za-z0-9_]{1,64})?")
_MENTION_RE = re.compile(r"(?<![\w@/])@[A-Za-z0-9_]{1,32}")
_PARAM_RE = re.compile(r'([\w*-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;\s]*))')


# --------------------------------------------------------------------------- public data types


@dataclass
class Request:
    """One recorded HTTP call; ``status`` is the HTTP status sent back (None: dropped/pending).

    A call answered late (``delay_next`` or a ``Fault`` with ``delay``) has the status of what
    the server *did*, at once: a client that gave up waiting never saw it, but Telegram did it.
    ``fault`` names the injected fault, if any: "error", "delay" or "drop".
    """

    method: str
    params: JSONDict
    time: float
    status: int | None = None
    fault: str | None = None


@dataclass(frozen=True)
class UploadedFile:
    """A multipart file part, stored in ``Request.params`` under its form field name."""

    filename: str | None
    content_type: str | None
    content: bytes


@dataclass(frozen=True)
class Fault:
    """What a fault policy does to one call (see ``FakeBotAPI.set_fault_policy``).

    ``error``: answer with this error and do nothing (Telegram refused: 429, 5xx, 400 ...).
    ``delay``: do the call, then answer ``delay`` seconds late (past the client's timeout, the
    client cannot know it was done). ``drop``: close the connection without doing anything.
    """

    error: BotAPIError | None = None
    delay: float = 0.0
    drop: bool = False


class BotAPIError(Exception):
    """Raise from a method handler to answer with a Bot API error payload."""

    def __init__(
        self, status: int, description: str | None = None, parameters: JSONDict | None = None
    ) -> None:
        self.status = status
        self.description = description or _DEFAULT_DESCRIPTIONS.get(status, f"Error {status}")
        self.parameters = parameters
        super().__init__(f"{status}: {self.description}")

    def payload(self) -> JSONDict:
        """The JSON body Telegram sends for this error."""
        body: JSONDict = {"ok": False, "error_code": self.status, "description": self.description}
        if self.parameters:
            body["parameters"] = self.parameters
        return body


# --------------------------------------------------------------------------- internal helpers


@dataclass
class _Failure:
    error: BotAPIError
    remaining: int
    chat_id: int | str | None = None


@dataclass
class _Delay:
    seconds: float
    remaining: int


@dataclass
class _Outcome:
    status: int | None
    payload: JSONDict | None
    delay: float = 0.0
    drop: bool = False


FaultPolicy = Callable[[str, JSONDict], "Fault | None"]
Listener = Callable[[Request], None]


def _ok(result: Any) -> _Outcome:
    return _Outcome(200, {"ok": True, "result": result})


def _utf16_len(text: str) -> int:
    """Telegram entity offsets/lengths are measured in UTF-16 code units."""
    return len(text.encode("utf-16-le")) // 2


def _auto_entities(text: str) -> list[JSONDict]:
    """Build the bot_command / mention entities Telegram would attach to ``text``."""
    found: list[tuple[int, int, str]] = []
    for match in _COMMAND_RE.finditer(text):
        found.append((match.start(), match.end(), "bot_command"))
    for match in _MENTION_RE.finditer(text):
        if not any(s <= match.start() < e for s, e, _ in found):
            found.append((match.start(), match.end(), "mention"))
    found.sort()
    return [
        {
            "type": kind,
            "offset": _utf16_len(text[:start]),
            "length": _utf16_len(text[start:end]),
        }
        for start, end, kind in found
    ]


def _coerce(key: str, value: Any) -> Any:
    """Decode a form value the way Telegram would: JSON for everything but free-text fields."""
    if not isinstance(value, str) or key in _STRING_FIELDS:
        return value
    try:
        decoded = json.loads(value, parse_constant=_reject_constant)
    except ValueError:
        return value
    return value if isinstance(decoded, str) else decoded


def _reject_constant(name: str) -> Any:
    raise ValueError(name)


def _header_params(value: str) -> tuple[str, dict[str, str]]:
    """Split ``type/sub; a=b; c="d"`` into the main value and its parameters."""
    main, _, rest = value.partition(";")
    params: dict[str, str] = {}
    for match in _PARAM_RE.finditer(rest):
        raw = match.group(2) if match.group(2) is not None else match.group(3)
        params[match.group(1).lower()] = raw.replace('\\"', '"')
    return main.strip().lower(), params


def _parse_multipart(body: bytes, boundary: str) -> JSONDict:
    """Minimal multipart/form-data parser (stdlib ``cgi`` is deprecated)."""
    result: JSONDict = {}
    delimiter = b"\r\n--" + boundary.encode("latin-1")
    for part in (b"\r\n" + body).split(delimiter)[1:]:
        if part.startswith(b"--"):
            break
        _, _, part = part.partition(b"\r\n")  # end of delimiter line
        head, sep, content = part.partition(b"\r\n\r\n")
        if not sep:
            continue
        headers: dict[str, str] = {}
        for line in head.decode("utf-8", "replace").split("\r\n"):
            hname, _, hvalue = line.partition(":")
            headers[hname.strip().lower()] = hvalue.strip()
        _, disposition = _header_params(headers.get("content-disposition", ""))
        name = disposition.get("name")
        if name is None:
            continue
        if "filename" in disposition or "filename*" in disposition:
            filename = disposition.get("filename") or unquote(
                disposition.get("filename*", "").split("''")[-1]
            )
            result[name] = UploadedFile(
                filename=filename, content_type=headers.get("content-type"), content=content
            )
        else:
            result[name] = content.decode("utf-8")
    return result


def _norm_markup(markup: Any) -> Any:
    """Telegram treats an empty inline keyboard as "no keyboard"."""
    if isinstance(markup, dict) and not markup.get("inline_keyboard", True):
        return None
    return markup


# --------------------------------------------------------------------------- HTTP layer


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 1024  # socketserver's default of 5 refuses bursts of new connections

    def __init__(self, fake: FakeBotAPI, address: tuple[str, int]) -> None:
        self.fake = fake
        self.connections: set[socket.socket] = set()
        self.connections_lock = threading.Lock()
        super().__init__(address, _Handler)

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Stay quiet about clients that hang up; report anything else."""
        if not isinstance(sys.exc_info()[1], OSError):
            super().handle_error(request, client_address)

    def close_connections(self) -> None:
        """Unblock handler threads idling on keep-alive connections."""
        with self.connections_lock:
            conns = list(self.connections)
        for conn in conns:
            with contextlib.suppress(OSError):
                conn.shutdown(socket.SHUT_RDWR)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, like Telegram; PTB pools connections
    disable_nagle_algorithm = True  # headers and body go out separately: avoid 40 ms stalls
    server: _HTTPServer

    def setup(self) -> None:
        super().setup()
        with self.server.connections_lock:
            self.server.connections.add(self.connection)

    def finish(self) -> None:
        with self.server.connections_lock:
            self.server.connections.discard(self.connection)
        with contextlib.suppress(OSError):
            super().finish()

    def log_message(self, format: str, *args: Any) -> None:
        """Silence the default stderr access log."""

    def do_GET(self) -> None:
        self._handle()

    def do_POST(self) -> None:
        self._handle()

    def _read_body(self) -> bytes:
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            chunks: list[bytes] = []
            while True:
                size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
                if size == 0:
                    while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                        pass
                    return b"".join(chunks)
                chunks.append(self.rfile.read(size))
                self.rfile.readline()
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def _parse_params(self, body: bytes, query: str) -> JSONDict:
        raw: JSONDict = dict(parse_qsl(query, keep_blank_values=True))
        ctype, ctparams = _header_params(self.headers.get("Content-Type", ""))
        if body:
            if ctype == "application/json":
                decoded = json.loads(body.decode("utf-8"))
                if not isinstance(decoded, dict):
                    raise ValueError("JSON body must be an object")
                raw.update(decoded)
            elif ctype == "multipart/form-data":
                if "boundary" not in ctparams:
                    raise ValueError("multipart body without boundary")
                raw.update(_parse_multipart(body, ctparams["boundary"]))
            else:  # application/x-www-form-urlencoded (also the fallback)
                raw.update(parse_qsl(body.decode("utf-8"), keep_blank_values=True))
        return {key: _coerce(key, value) for key, value in raw.items()}

    def _send(self, status: int, body: bytes, content_type: str) -> None:
        try:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except OSError:  # the client gave up (cancelled long-poll, read timeout): fine
            self.close_connection = True

    def _send_json(self, status: int, payload: JSONDict) -> None:
        self._send(status, json.dumps(payload).encode("utf-8"), "application/json")

    def _handle(self) -> None:
        fake = self.server.fake
        url = urlsplit(self.path)
        path = unquote(url.path)
        try:
            body = self._read_body()
        except (ValueError, OSError):
            self.close_connection = True
            return
        if path.startswith("/file/bot"):
            token, _, file_path = path[len("/file/bot") :].partition("/")
            content = fake._download(token, file_path)
            if content is None:
                self._send_json(404, BotAPIError(404).payload())
            else:
                self._send(200, content, "application/octet-stream")
            return
        if not path.startswith("/bot"):
            self._send_json(404, BotAPIError(404).payload())
            return
        token, _, method = path[len("/bot") :].partition("/")
        try:
            params = self._parse_params(body, url.query)
        except (ValueError, UnicodeDecodeError) as exc:
            err = BotAPIError(400, f"Bad Request: can't parse request body: {exc}")
            self._send_json(400, err.payload())
            return
        outcome = fake._process(token, method.strip("/"), params)
        if outcome.delay:
            fake._stopping.wait(outcome.delay)
        if outcome.drop or outcome.payload is None or outcome.status is None:
            self.close_connection = True  # answer nothing; the client sees a disconnect
            return
        self._send_json(outcome.status, outcome.payload)


# --------------------------------------------------------------------------- the fake API


class FakeBotAPI:
    """Fake Bot API server; use as a context manager or call ``start()``/``stop()``."""

    def __init__(
        self,
        token: str = DEFAULT_TOKEN,
        *,
        bot_username: str = "careerbot_test_bot",
        bot_id: int = 777,
        bot_first_name: str = "CareerBot",
        host: str = "127.0.0.1",
        port: int = 0,
    ) -> None:
        self.token = token
        self.bot_username = bot_username
        self.bot_id = bot_id
        self.bot_first_name = bot_first_name
        self._address = (host, port)
        self._lock = threading.RLock()  # re-entrant: custom handlers may call public helpers
        self._cond = threading.Condition(self._lock)
        self._stopping = threading.Event()
        self._httpd: _HTTPServer | None = None
        self._thread: threading.Thread | None = None

        self._requests: list[Request] = []
        self._sent: list[JSONDict] = []
        self._updates: list[JSONDict] = []
        self._last_update_id = 0
        self._message_ids: dict[int, int] = {}
        self._messages: dict[tuple[int, int], JSONDict] = {}
        self._chats: dict[int, JSONDict] = {}
        self._query_ids = itertools.count(1)
        self._callback_ids: set[str] = set()
        self._inline_ids: set[str] = set()
        self._files: dict[str, tuple[str, bytes]] = {}
        self._file_ids = itertools.count(1)
        self._commands: dict[tuple[str, str], list[JSONDict]] = {}
        self._webhook: JSONDict | None = None
        self._failures: dict[str, deque[_Failure]] = {}
        self._delays: dict[str, deque[_Delay]] = {}
        self._drops: dict[str, int] = {}
        self._fault_policy: FaultPolicy | None = None
        self._listeners: list[Listener] = []
        self._blocked: set[int | str] = set()
        self._migrated: dict[int | str, int] = {}
        self._answered_queries: set[str] = set()

        self._handlers: dict[str, MethodHandler] = {
            "getMe": lambda _p: self.bot_user(full=True),
            "deleteWebhook": self._delete_webhook,
            "setWebhook": self._set_webhook,
            "getWebhookInfo": self._get_webhook_info,
            "sendMessage": self._send_message,
            "editMessageText": self._edit_message_text,
            "editMessageReplyMarkup": self._edit_message_reply_markup,
            "deleteMessage": self._delete_message,
            "answerCallbackQuery": self._answer_callback_query,
            "answerInlineQuery": self._answer_inline_query,
            "sendChatAction": lambda _p: True,
            "setMyCommands": self._set_my_commands,
            "deleteMyCommands": self._delete_my_commands,
            "getMyCommands": self._get_my_commands,
            "sendPhoto": self._send_photo,
            "sendDocument": self._send_document,
            "getFile": self._get_file,
            "close": lambda _p: True,
            "logOut": lambda _p: True,
        }
        self._canonical = {name.lower(): name for name in self._handlers}
        self._canonical["getupdates"] = "getUpdates"

    # ----------------------------------------------------------------- lifecycle

    def start(self) -> FakeBotAPI:
        """Bind a loopback port and serve in a daemon thread."""
        if self._httpd is not None:
            raise RuntimeError("FakeBotAPI already started")
        self._stopping.clear()
        self._httpd = _HTTPServer(self, self._address)
        self._thread = threading.Thread(
            target=self._httpd.serve_forever,
            kwargs={"poll_interval": 0.05},
            name="FakeBotAPI",
            daemon=True,
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Wake long-polls, stop serving and close every client connection."""
        httpd, self._httpd = self._httpd, None
        if httpd is None:
            return
        self._stopping.set()
        with self._cond:
            self._cond.notify_all()
        httpd.shutdown()
        httpd.close_connections()
        httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def __enter__(self) -> FakeBotAPI:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    @property
    def url(self) -> str:
        """``http://127.0.0.1:<port>``; append ``/bot`` for PTB's ``base_url``."""
        if self._httpd is None:
            raise RuntimeError("FakeBotAPI is not running; call start() first")
        host, port = self._httpd.server_address[:2]
        return f"http://{host!s}:{port}"

    @property
    def base_url(self) -> str:
        """Value for ``ApplicationBuilder.base_url`` / ``Bot(base_url=...)``."""
        return f"{self.url}/bot"

    @property
    def base_file_url(self) -> str:
        """Value for ``ApplicationBuilder.base_file_url`` / ``Bot(base_file_url=...)``."""
        return f"{self.url}/file/bot"

    def app_builder(self) -> InitApplicationBuilder:
        """An ``ApplicationBuilder`` with token and URLs pointing at this server."""
        from telegram.ext import Application

        return (
            Application.builder()
            .token(self.token)
            .base_url(self.base_url)
            .base_file_url(self.base_file_url)
        )

    # ----------------------------------------------------------------- recording

    @property
    def requests(self) -> list[Request]:
        """Snapshot of every request received since the last ``clear()``."""
        with self._lock:
            return list(self._requests)

    def calls(self, method: str) -> list[JSONDict]:
        """Params of every recorded call of ``method`` (including failed/faulted ones)."""
        with self._lock:
            return [r.params for r in self._requests if r.method == method]

    def sent_messages(self, chat_id: int | str | None = None) -> list[JSONDict]:
        """Messages the bot sent successfully (as returned to it), optionally for one chat."""
        with self._lock:
            return [
                copy.deepcopy(m)
                for m in self._sent
                if chat_id is None or m["chat"]["id"] == chat_id
            ]

    def last_message(self, chat_id: int) -> JSONDict | None:
        """The bot's latest message in ``chat_id`` as it is now (cheaper than sent_messages)."""
        with self._lock:
            for sent in reversed(self._sent):
                if sent["chat"]["id"] == chat_id:
                    current = self._messages.get((chat_id, sent["message_id"]), sent)
                    return copy.deepcopy(current)
            return None

    def message(self, chat_id: int, message_id: int) -> JSONDict | None:
        """Current state (after edits) of a message known to the server."""
        with self._lock:
            msg = self._messages.get((chat_id, message_id))
            return copy.deepcopy(msg) if msg is not None else None

    def clear(self) -> None:
        """Forget recorded requests and sent messages (server state is kept)."""
        with self._lock:
            self._requests.clear()
            self._sent.clear()

    def method_counts(self) -> dict[str, int]:
        """How many times each method was called, for diagnostics."""
        with self._lock:
            return dict(Counter(r.method for r in self._requests))

    @property
    def pending_updates(self) -> list[JSONDict]:
        """Injected updates not yet confirmed by a getUpdates offset."""
        with self._lock:
            return copy.deepcopy(self._updates)

    def _timeout_message(self, method: str, count: int, timeout: float) -> str:
        got = len(self.calls(method))
        return (
            f"expected >= {count} {method!r} call(s) within {timeout}s, got {got}; "
            f"recorded methods: {self.method_counts() or 'none'}"
        )

    async def wait_for(
        self,
        method: str,
        count: int = 1,
        timeout: float = 5.0,  # noqa: ASYNC109 - a plain number keeps call sites short
    ) -> list[JSONDict]:
        """Yield to the event loop until ``count`` calls of ``method`` were recorded."""
        deadline = time.monotonic() + timeout
        while True:
            found = self.calls(method)
            if len(found) >= count:
                return found
            if time.monotonic() >= deadline:
                raise AssertionError(self._timeout_message(method, count, timeout))
            await asyncio.sleep(0.01)

    def wait_for_sync(self, method: str, count: int = 1, timeout: float = 5.0) -> list[JSONDict]:
        """Blocking variant of ``wait_for`` for use from plain threads."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                found = [r.params for r in self._requests if r.method == method]
                if len(found) >= count:
                    return found
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise AssertionError(self._timeout_message(method, count, timeout))
                self._cond.wait(remaining)

    # ----------------------------------------------------------------- fault injection

    def fail_next(
        self,
        method: str,
        status: int = 500,
        description: str | None = None,
        retry_after: int | None = None,
        times: int = 1,
        parameters: JSONDict | None = None,
        chat_id: int | str | None = None,
    ) -> None:
        """Make the next ``times`` calls of ``method`` fail with a Bot API error payload.

        With ``chat_id``, only calls for that chat fail (e.g. a 429 in one chat only).
        """
        params = dict(parameters or {})
        if retry_after is not None or status == 429:
            params["retry_after"] = retry_after if retry_after is not None else 1
            description = description or f"Too Many Requests: retry after {params['retry_after']}"
        with self._lock:
            self._failures.setdefault(method, deque()).append(
                _Failure(BotAPIError(status, description, params or None), times, chat_id)
            )

    def delay_next(self, method: str, seconds: float, times: int = 1) -> None:
        """Delay the next ``times`` responses of ``method`` (processed first, then answered)."""
        with self._lock:
            self._delays.setdefault(method, deque()).append(_Delay(seconds, times))

    def drop_next(self, method: str, times: int = 1) -> None:
        """Close the connection without answering (and without processing) next ``times``."""
        with self._lock:
            self._drops[method] = self._drops.get(method, 0) + times

    def set_fault_policy(self, policy: FaultPolicy | None) -> None:
        """Decide a fault for every call: ``policy(method, params)`` returns a Fault or None.

        Runs in the server thread under the server's lock, after the ``*_next`` queues (which
        win), for every method including getUpdates. ``None`` turns the policy off.
        """
        with self._lock:
            self._fault_policy = policy

    def listen(self, listener: Listener | None) -> None:
        """Call ``listener(request)`` once each call's outcome is known (``None``: stop all).

        It runs in the server thread, under the lock: keep it short, and hand over to an event
        loop with ``loop.call_soon_threadsafe``. The Request's status is what the server did.
        """
        with self._lock:
            if listener is None:
                self._listeners.clear()
            else:
                self._listeners.append(listener)

    def block(self, chat_id: int) -> None:
        """The user blocked the bot: calls for their chat get 403 until ``unblock``."""
        with self._lock:
            self._blocked.add(chat_id)

    def unblock(self, chat_id: int) -> None:
        with self._lock:
            self._blocked.discard(chat_id)

    def migrate_group(
        self, old_chat_id: int, new_chat_id: int, title: str = "Test Group"
    ) -> tuple[JSONDict, JSONDict]:
        """The group became a supergroup, as Telegram does it.

        Queues the two service messages (``migrate_to_chat_id`` in the old group,
        ``migrate_from_chat_id`` in the new supergroup); from now on every call for the old id
        fails with 400 "group chat was upgraded to a supergroup chat" and
        ``parameters.migrate_to_chat_id`` (PTB raises ChatMigrated).
        """
        with self._lock:
            old: JSONDict = {"id": old_chat_id, "type": "group", "title": title}
            new: JSONDict = {"id": new_chat_id, "type": "supergroup", "title": title}
            self._chats[new_chat_id] = copy.deepcopy(new)
            user = self._user(1001, "testuser", "Test")
            first = self.inject_raw(
                {
                    "message": {
                        "message_id": self._next_message_id_locked(old_chat_id),
                        "from": user,
                        "chat": old,
                        "date": int(time.time()),
                        "migrate_to_chat_id": new_chat_id,
                    }
                }
            )
            second = self.inject_raw(
                {
                    "message": {
                        "message_id": self._next_message_id_locked(new_chat_id),
                        "from": user,
                        "sender_chat": new,
                        "chat": new,
                        "date": int(time.time()),
                        "migrate_from_chat_id": old_chat_id,
                    }
                }
            )
            self._migrated[old_chat_id] = new_chat_id
            return first, second

    def register_method(self, name: str, handler: MethodHandler) -> None:
        """Add/override a method; ``handler(params)`` returns the result or raises BotAPIError."""
        with self._lock:
            self._handlers[name] = handler
            self._canonical[name.lower()] = name

    # ----------------------------------------------------------------- update injection

    def bot_user(self, *, full: bool = False) -> JSONDict:
        """The bot's User object (``full`` adds the getMe-only fields)."""
        user: JSONDict = {
            "id": self.bot_id,
            "is_bot": True,
            "first_name": self.bot_first_name,
            "username": self.bot_username,
        }
        if full:
            user.update(
                can_join_groups=True,
                can_read_all_group_messages=False,
                supports_inline_queries=True,
                can_connect_to_business=False,
                has_main_web_app=False,
            )
        return user

    @staticmethod
    def _user(user_id: int, username: str | None, first_name: str) -> JSONDict:
        user: JSONDict = {
            "id": user_id,
            "is_bot": False,
            "first_name": first_name,
            "language_code": "en",
        }
        if username:
            user["username"] = username
        return user

    def inject_raw(self, update: JSONDict) -> JSONDict:
        """Queue an arbitrary Update dict (``update_id`` is assigned when missing)."""
        update = copy.deepcopy(update)
        with self._cond:
            if "update_id" not in update:
                update["update_id"] = self._next_update_id_locked()
            self._last_update_id = max(self._last_update_id, int(update["update_id"]))
            self._register_update_locked(update)
            self._updates.append(update)
            self._updates.sort(key=lambda u: int(u["update_id"]))
            self._cond.notify_all()
        return copy.deepcopy(update)

    def inject_message(
        self,
        text: str,
        chat_id: int | None = None,
        chat_type: str = "private",
        user_id: int = 1001,
        username: str | None = "testuser",
        first_name: str = "Test",
        reply_to_message: JSONDict | None = None,
        entities: list[JSONDict] | None = None,
        chat_title: str = "Test Group",
    ) -> JSONDict:
        """Queue a user's text message; bot_command/mention entities are added automatically."""
        if chat_id is None:
            chat_id = (
                user_id
                if chat_type == "private"
                else (-1001000000001 if chat_type == "supergroup" else -1000001)
            )
        chat: JSONDict = {"id": chat_id, "type": chat_type}
        if chat_type == "private":
            chat["first_name"] = first_name
            if username:
                chat["username"] = username
        else:
            chat["title"] = chat_title
        with self._lock:
            message: JSONDict = {
                "message_id": self._next_message_id_locked(chat_id),
                "from": self._user(user_id, username, first_name),
                "chat": chat,
                "date": int(time.time()),
                "text": text,
            }
            ents = entities if entities is not None else _auto_entities(text)
            if ents:
                message["entities"] = ents
            if reply_to_message is not None:
                message["reply_to_message"] = copy.deepcopy(reply_to_message)
            return self.inject_raw({"message": message})

    def inject_callback_query(
        self,
        data: str,
        message: JSONDict,
        user_id: int = 1001,
        chat_instance: str | None = None,
        username: str | None = "testuser",
        first_name: str = "Test",
    ) -> JSONDict:
        """Queue a button press on ``message`` (its current, post-edit state when known)."""
        with self._lock:
            current = self._messages.get((message["chat"]["id"], message["message_id"]))
            query_id = f"cbq{next(self._query_ids)}"
            return self.inject_raw(
                {
                    "callback_query": {
                        "id": query_id,
                        "from": self._user(user_id, username, first_name),
                        "message": copy.deepcopy(current or message),
                        "chat_instance": chat_instance or f"ci{message['chat']['id']}",
                        "data": data,
                    }
                }
            )

    def inject_inline_query(
        self,
        query: str,
        user_id: int = 1001,
        offset: str = "",
        username: str | None = "testuser",
        first_name: str = "Test",
        chat_type: str | None = None,
    ) -> JSONDict:
        """Queue an inline query typed by a user."""
        with self._lock:
            inline: JSONDict = {
                "id": f"iq{next(self._query_ids)}",
                "from": self._user(user_id, username, first_name),
                "query": query,
                "offset": offset,
            }
            if chat_type is not None:
                inline["chat_type"] = chat_type
            return self.inject_raw({"inline_query": inline})

    def _next_update_id_locked(self) -> int:
        self._last_update_id += 1
        return self._last_update_id

    def _next_message_id_locked(self, chat_id: int) -> int:
        self._message_ids[chat_id] = self._message_ids.get(chat_id, 0) + 1
        return self._message_ids[chat_id]

    def _register_update_locked(self, update: JSONDict) -> None:
        """Remember chats, messages and query ids an update introduces."""
        for key in ("message", "edited_message", "channel_post", "edited_channel_post"):
            msg = update.get(key)
            if isinstance(msg, dict) and isinstance(msg.get("chat"), dict):
                self._remember_message_locked(msg)
        cbq = update.get("callback_query")
        if isinstance(cbq, dict):
            self._callback_ids.add(str(cbq.get("id")))
            if isinstance(cbq.get("message"), dict) and "chat" in cbq["message"]:
                chat = cbq["message"]["chat"]
                self._chats.setdefault(chat["id"], copy.deepcopy(chat))
        inline = update.get("inline_query")
        if isinstance(inline, dict):
            self._inline_ids.add(str(inline.get("id")))

    def _remember_message_locked(self, msg: JSONDict) -> None:
        chat_id = msg["chat"]["id"]
        self._chats[chat_id] = copy.deepcopy(msg["chat"])
        message_id = int(msg.get("message_id", 0))
        self._message_ids[chat_id] = max(self._message_ids.get(chat_id, 0), message_id)
        self._messages[(chat_id, message_id)] = copy.deepcopy(msg)

    # ----------------------------------------------------------------- dispatch

    def _process(self, token: str, method: str, params: JSONDict) -> _Outcome:
        """Record the call, apply faults, run the handler; state changes are atomic."""
        with self._cond:
            name = self._canonical.get(method.lower(), method)
            req = Request(name, params, time.time())
            self._requests.append(req)
            self._cond.notify_all()
            if token != self.token:
                req.status = 401
                return _Outcome(401, BotAPIError(401, "Unauthorized").payload())
            delay = self._pop_delay_locked(name)
            if self._drops.get(name, 0) > 0:
                self._drops[name] -= 1
                req.fault = "drop"
                self._notify_locked(req)
                return _Outcome(None, None, delay, drop=True)
            failure = self._pop_failure_locked(name, params)
            fault = self._fault_policy(name, params) if self._fault_policy else None
            if failure is None and fault is not None:
                if fault.drop:
                    req.fault = "drop"
                    self._notify_locked(req)
                    return _Outcome(None, None, fault.delay, drop=True)
                failure = fault.error
                delay = max(delay, fault.delay)
            if failure is not None:
                req.status, req.fault = failure.status, "error"
                self._notify_locked(req)
                return _Outcome(failure.status, failure.payload(), delay)
            if delay:
                req.fault = "delay"
            if name != "getUpdates":
                outcome = self._run_locked(name, params)
                outcome.delay = delay
                req.status = outcome.status
                self._notify_locked(req)
                return outcome
        outcome = self._get_updates(params)  # long-poll outside the lock
        outcome.delay = delay
        with self._lock:
            req.status = outcome.status
            self._notify_locked(req)
        return outcome

    def _notify_locked(self, req: Request) -> None:
        for listener in self._listeners:
            listener(req)

    def _run_locked(self, name: str, params: JSONDict) -> _Outcome:
        handler = self._handlers.get(name)
        if handler is None:
            err = BotAPIError(404, "Not Found: method not found")
            return _Outcome(404, err.payload())
        chat_id = params.get("chat_id")
        if isinstance(chat_id, int | str):
            if chat_id in self._blocked:
                return _Outcome(403, BotAPIError(403, BLOCKED).payload())
            if chat_id in self._migrated:
                moved = {"migrate_to_chat_id": self._migrated[chat_id]}
                return _Outcome(400, BotAPIError(400, MIGRATED, moved).payload())
        try:
            return _ok(handler(params))
        except BotAPIError as exc:
            return _Outcome(exc.status, exc.payload())
        except (KeyError, TypeError, ValueError) as exc:
            err = BotAPIError(400, f"Bad Request: invalid parameters: {exc!r}")
            return _Outcome(400, err.payload())

    def _pop_delay_locked(self, name: str) -> float:
        queue = self._delays.get(name)
        if not queue:
            return 0.0
        spec = queue[0]
        spec.remaining -= 1
        if spec.remaining <= 0:
            queue.popleft()
        return spec.seconds

    def _pop_failure_locked(self, name: str, params: JSONDict) -> BotAPIError | None:
        queue = self._failures.get(name)
        if not queue:
            return None
        spec = next(
            (f for f in queue if f.chat_id is None or f.chat_id == params.get("chat_id")), None
        )
        if spec is None:
            return None
        spec.remaining -= 1
        if spec.remaining <= 0:
            queue.remove(spec)
        return spec.error

    # ----------------------------------------------------------------- method implementations

    def _get_updates(self, params: JSONDict) -> _Outcome:
        offset = int(params.get("offset") or 0)
        limit = min(max(int(params.get("limit") or 100), 1), 100)
        timeout = max(float(params.get("timeout") or 0), 0.0)
        deadline = time.monotonic() + timeout
        with self._cond:
            if self._webhook is not None:
                err = BotAPIError(
                    409,
                    "Conflict: can't use getUpdates method while webhook is active; "
                    "use deleteWebhook to delete the webhook first",
                )
                return _Outcome(409, err.payload())
            if offset < 0:
                self._updates = self._updates[offset:]
            elif offset > 0:
                self._updates = [u for u in self._updates if int(u["update_id"]) >= offset]
            while True:
                if self._updates or self._stopping.is_set():
                    return _ok(copy.deepcopy(self._updates[:limit]))
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return _ok([])
                self._cond.wait(remaining)

    def _set_webhook(self, params: JSONDict) -> bool:
        url = str(params.get("url") or "")
        self._webhook = {"url": url, "params": params} if url else None
        if params.get("drop_pending_updates"):
            self._updates.clear()
        return True

    def _delete_webhook(self, params: JSONDict) -> bool:
        self._webhook = None
        if params.get("drop_pending_updates"):
            self._updates.clear()
        return True

    def _get_webhook_info(self, _params: JSONDict) -> JSONDict:
        info: JSONDict = {
            "url": self._webhook["url"] if self._webhook else "",
            "has_custom_certificate": False,
            "pending_update_count": len(self._updates),
        }
        if self._webhook:
            info["max_connections"] = self._webhook["params"].get("max_connections", 40)
            if self._webhook["params"].get("allowed_updates") is not None:
                info["allowed_updates"] = self._webhook["params"]["allowed_updates"]
        return info

    def _chat_locked(self, chat_id: Any) -> JSONDict:
        if isinstance(chat_id, str):  # "@channelusername"
            username = chat_id.lstrip("@")
            for chat in self._chats.values():
                if chat.get("username") == username:
                    return copy.deepcopy(chat)
            chat = {
                "id": -1002000000000 - len(self._chats),
                "type": "channel",
                "title": username,
                "username": username,
            }
            self._chats[chat["id"]] = chat
            return copy.deepcopy(chat)
        known = self._chats.get(chat_id)
        if known is not None:
            return copy.deepcopy(known)
        return {"id": chat_id, "type": "private" if chat_id > 0 else "group"}

    def _new_message_locked(self, params: JSONDict) -> JSONDict:
        chat = self._chat_locked(params["chat_id"])
        msg: JSONDict = {
            "message_id": self._next_message_id_locked(chat["id"]),
            "from": self.bot_user(),
            "chat": chat,
            "date": int(time.time()),
        }
        if params.get("message_thread_id") is not None:
            msg["message_thread_id"] = params["message_thread_id"]
        reply = params.get("reply_parameters")
        reply_id = reply.get("message_id") if isinstance(reply, dict) else None
        reply_id = reply_id if reply_id is not None else params.get("reply_to_message_id")
        if reply_id is not None:
            original = self._messages.get((chat["id"], int(reply_id)))
            if original is not None:
                original = copy.deepcopy(original)
                original.pop("reply_to_message", None)
                msg["reply_to_message"] = original
            elif not (isinstance(reply, dict) and reply.get("allow_sending_without_reply")):
                raise BotAPIError(400, "Bad Request: message to be replied not found")
        return msg

    def _finish_send_locked(self, msg: JSONDict, params: JSONDict) -> JSONDict:
        markup = _norm_markup(params.get("reply_markup"))
        # Telegram only echoes inline keyboards; reply keyboards are not part of a Message.
        if isinstance(markup, dict) and "inline_keyboard" in markup:
            msg["reply_markup"] = markup
        self._messages[(msg["chat"]["id"], msg["message_id"])] = msg
        self._sent.append(copy.deepcopy(msg))
        return copy.deepcopy(msg)

    def _send_message(self, params: JSONDict) -> JSONDict:
        text = str(params.get("text") or "")
        if not text.strip():
            raise BotAPIError(400, "Bad Request: message text is empty")
        if _utf16_len(text) > 4096:
            raise BotAPIError(400, "Bad Request: message is too long")
        msg = self._new_message_locked(params)
        msg["text"] = text
        if params.get("entities"):
            msg["entities"] = params["entities"]
        if params.get("link_preview_options") is not None:
            msg["link_preview_options"] = params["link_preview_options"]
        return self._finish_send_locked(msg, params)

    def _store_file_locked(
        self, value: Any, params: JSONDict, kind: str, default_name: str
    ) -> tuple[str, str, bytes, UploadedFile | None]:
        """Resolve an upload/attach:// reference/file_id into (file_id, path, bytes, upload)."""
        if isinstance(value, str) and value.startswith("attach://"):
            value = params.get(value[len("attach://") :])
        if isinstance(value, UploadedFile):
            number = next(self._file_ids)
            file_id = f"{kind}-file-{number}"
            suffix = (value.filename or default_name).rsplit(".", 1)[-1]
            path = f"{kind}s/file_{number}.{suffix}"
            self._files[file_id] = (path, value.content)
            return file_id, path, value.content, value
        if isinstance(value, str) and value:
            known = self._files.get(value)
            if known is not None:
                return value, known[0], known[1], None
            number = next(self._file_ids)
            file_id = f"{kind}-file-{number}"  # a URL or foreign file_id: pretend we fetched it
            path = f"{kind}s/file_{number}"
            self._files[file_id] = (path, b"")
            return file_id, path, b"", None
        raise BotAPIError(400, f"Bad Request: there is no {kind} in the request")

    def _send_photo(self, params: JSONDict) -> JSONDict:
        file_id, _, content, _ = self._store_file_locked(
            params.get("photo"), params, "photo", "photo.jpg"
        )
        msg = self._new_message_locked(params)
        msg["photo"] = [
            {
                "file_id": f"{file_id}-thumb",
                "file_unique_id": f"u-{file_id}-thumb",
                "width": 90,
                "height": 90,
                "file_size": min(len(content), 1024),
            },
            {
                "file_id": file_id,
                "file_unique_id": f"u-{file_id}",
                "width": 800,
                "height": 600,
                "file_size": len(content),
            },
        ]
        self._add_caption(msg, params)
        return self._finish_send_locked(msg, params)

    def _send_document(self, params: JSONDict) -> JSONDict:
        file_id, _, content, upload = self._store_file_locked(
            params.get("document"), params, "document", "document.bin"
        )
        msg = self._new_message_locked(params)
        document: JSONDict = {
            "file_id": file_id,
            "file_unique_id": f"u-{file_id}",
            "file_size": len(content),
        }
        if upload is not None:
            if upload.filename:
                document["file_name"] = upload.filename
            if upload.content_type:
                document["mime_type"] = upload.content_type
        msg["document"] = document
        self._add_caption(msg, params)
        return self._finish_send_locked(msg, params)

    @staticmethod
    def _add_caption(msg: JSONDict, params: JSONDict) -> None:
        if params.get("caption"):
            msg["caption"] = params["caption"]
            if params.get("caption_entities"):
                msg["caption_entities"] = params["caption_entities"]

    def _get_file(self, params: JSONDict) -> JSONDict:
        file_id = str(params.get("file_id") or "")
        known = self._files.get(file_id)
        if known is None:
            raise BotAPIError(400, "Bad Request: invalid file_id")
        return {
            "file_id": file_id,
            "file_unique_id": f"u-{file_id}",
            "file_size": len(known[1]),
            "file_path": known[0],
        }

    def _download(self, token: str, file_path: str) -> bytes | None:
        with self._lock:
            if token != self.token:
                return None
            for path, content in self._files.values():
                if path == file_path:
                    return content
        return None

    def _editable_locked(self, params: JSONDict) -> JSONDict | None:
        """The stored bot message targeted by an edit, or None for inline messages."""
        if params.get("inline_message_id"):
            return None
        if params.get("chat_id") is None or params.get("message_id") is None:
            raise BotAPIError(400, "Bad Request: message identifier is not specified")
        chat = self._chat_locked(params["chat_id"])
        msg = self._messages.get((chat["id"], int(params["message_id"])))
        if msg is None:
            raise BotAPIError(400, "Bad Request: message to edit not found")
        if msg.get("from", {}).get("id") != self.bot_id:
            raise BotAPIError(400, "Bad Request: message can't be edited")
        return msg

    def _apply_markup(self, msg: JSONDict, markup: Any) -> None:
        if markup is None:
            msg.pop("reply_markup", None)
        else:
            msg["reply_markup"] = markup

    def _edit_message_text(self, params: JSONDict) -> JSONDict | bool:
        text = str(params.get("text") or "")
        if not text.strip():
            raise BotAPIError(400, "Bad Request: message text is empty")
        msg = self._editable_locked(params)
        if msg is None:
            return True
        if "text" not in msg:
            raise BotAPIError(400, "Bad Request: there is no text in the message to edit")
        markup = _norm_markup(params.get("reply_markup"))
        if msg["text"] == text and msg.get("reply_markup") == markup:
            raise BotAPIError(400, NOT_MODIFIED)
        msg["text"] = text
        msg.pop("entities", None)
        if params.get("entities"):
            msg["entities"] = params["entities"]
        self._apply_markup(msg, markup)
        msg["edit_date"] = int(time.time())
        return copy.deepcopy(msg)

    def _edit_message_reply_markup(self, params: JSONDict) -> JSONDict | bool:
        msg = self._editable_locked(params)
        if msg is None:
            return True
        markup = _norm_markup(params.get("reply_markup"))
        if msg.get("reply_markup") == markup:
            raise BotAPIError(400, NOT_MODIFIED)
        self._apply_markup(msg, markup)
        msg["edit_date"] = int(time.time())
        return copy.deepcopy(msg)

    def _delete_message(self, params: JSONDict) -> bool:
        chat = self._chat_locked(params["chat_id"])
        if self._messages.pop((chat["id"], int(params["message_id"])), None) is None:
            raise BotAPIError(400, "Bad Request: message to delete not found")
        return True

    def _answer_callback_query(self, params: JSONDict) -> bool:
        """Like Telegram, a query can be answered once; a second answer is refused."""
        query_id = str(params.get("callback_query_id"))
        if query_id not in self._callback_ids or query_id in self._answered_queries:
            raise BotAPIError(400, QUERY_TOO_OLD)
        self._answered_queries.add(query_id)
        return True

    def _answer_inline_query(self, params: JSONDict) -> bool:
        if str(params.get("inline_query_id")) not in self._inline_ids:
            raise BotAPIError(400, QUERY_TOO_OLD)
        if not isinstance(params.get("results", []), list):
            raise BotAPIError(400, "Bad Request: can't parse inline query results")
        return True

    @staticmethod
    def _commands_key(params: JSONDict) -> tuple[str, str]:
        scope = params.get("scope") or {"type": "default"}
        return json.dumps(scope, sort_keys=True), str(params.get("language_code") or "")

    def _set_my_commands(self, params: JSONDict) -> bool:
        commands = params.get("commands")
        if not isinstance(commands, list):
            raise BotAPIError(400, "Bad Request: can't parse commands JSON object")
        self._commands[self._commands_key(params)] = commands
        return True

    def _delete_my_commands(self, params: JSONDict) -> bool:
        self._commands.pop(self._commands_key(params), None)
        return True

    def _get_my_commands(self, params: JSONDict) -> list[JSONDict]:
        return copy.deepcopy(self._commands.get(self._commands_key(params), []))


@pytest.fixture
def fake_bot_api() -> Iterator[FakeBotAPI]:
    """A running FakeBotAPI (registered by `pytest_plugins` in tests/conftest.py)."""
    with FakeBotAPI() as server:
        yield server
