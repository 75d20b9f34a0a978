"""Button payloads: self-contained, versioned, at most 64 bytes.

A button carries everything needed to redraw its view (the view, the occupations, the area),
so it works after a restart, on any instance and after a rebuild of the same data release,
with no server-side memory. The data version makes buttons from another release expire
cleanly instead of showing figures the message did not promise.

Layout: `1.<version>.<view>.<codes>[.<area>[.<state>]]`, codes as 8 digits ("43-3011.00" ->
"43301100") joined by "-". Four occupations and an area take 1+1+4+1+1+1+35+1+7 = 52 bytes.
`state` is a short string a view defines for itself (a page, answers so far), up to the 64
bytes; `area` is then present but may be empty. Views that are not about occupations
(`ViewSpec.codes_optional`) may have no codes.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass

from bot.replies import View
from bot.views import KEYS, VIEWS

FORMAT = "1"
MAX_BYTES = 64  # Telegram's limit on callback_data, in bytes
MAX_CODES = 4

_CODE = re.compile(r"^\d{8}$")
_VERSION = re.compile(r"^[0-9a-z]{4}$")
_AREA = re.compile(r"^\d{7}$")
_STATE = re.compile(r"^[0-9A-Za-z_~-]{1,40}$")


class InvalidCallback(ValueError):
    """Forged, truncated, or from another data release: the button has expired."""


def data_version(metadata: Mapping[str, str]) -> str:
    """Four characters naming the data releases: equal after a rebuild of the same release."""
    releases = "|".join(f"{k}={v}" for k, v in sorted(metadata.items()) if k.startswith("release"))
    return hashlib.sha256(releases.encode()).hexdigest()[:4]


@dataclass(frozen=True)
class Action:
    view: View
    codes: tuple[str, ...]
    area: str | None = None
    state: str | None = None  # the view's own payload (see the module docstring)


def pack_code(code: str) -> str:
    return code.replace("-", "").replace(".", "")


def unpack_code(packed: str) -> str:
    return f"{packed[:2]}-{packed[2:6]}.{packed[6:]}"


def encode(action: Action, version: str) -> str:
    if action.view not in VIEWS:
        raise ValueError(f"unknown view {action.view!r}")
    fewest = 0 if VIEWS[action.view].codes_optional else 1
    if not fewest <= len(action.codes) <= MAX_CODES:
        raise ValueError("a button names one to four occupations")
    if action.state is not None and not _STATE.match(action.state):
        raise ValueError(f"a button's state is 1-40 of [0-9A-Za-z_~-]: {action.state!r}")
    parts = [FORMAT, version, VIEWS[action.view].key, "-".join(pack_code(c) for c in action.codes)]
    if action.area or action.state is not None:
        parts.append(action.area or "")
    if action.state is not None:
        parts.append(action.state)
    data = ".".join(parts)
    if len(data.encode()) > MAX_BYTES:
        raise ValueError(f"callback data over {MAX_BYTES} bytes: {data}")
    return data


def decode(data: str | None, version: str) -> Action:
    if not isinstance(data, str) or len(data.encode("utf-8", "replace")) > MAX_BYTES:
        raise InvalidCallback("not a careerbot button")
    parts = data.split(".")
    if len(parts) not in (4, 5, 6) or parts[0] != FORMAT or not _VERSION.match(parts[1]):
        raise InvalidCallback("not a careerbot button")
    if parts[1] != version:
        raise InvalidCallback("button from another data release")
    view = KEYS.get(parts[2])
    if view is None:
        raise InvalidCallback("malformed button")
    packed = parts[3].split("-") if parts[3] else []
    fewest = 0 if VIEWS[view].codes_optional else 1
    if not fewest <= len(packed) <= MAX_CODES or not all(_CODE.match(p) for p in packed):
        raise InvalidCallback("malformed button")
    area = (parts[4] or None) if len(parts) >= 5 else None
    if area is not None and not _AREA.match(area):
        raise InvalidCallback("malformed button")
    if len(parts) == 5 and not area:
        raise InvalidCallback("malformed button")  # an empty area only before a state
    state = parts[5] if len(parts) == 6 else None
    if state is not None and not _STATE.match(state):
        raise InvalidCallback("malformed button")
    return Action(view, tuple(unpack_code(p) for p in packed), area, state)
