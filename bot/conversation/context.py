"""What a conversation is about: the last answer's occupations, place, view and question.

A follow-up ("what about in Ohio?", "which pays more?", "drop the second") is read against
it. It is kept per chat and asking member (`member_key`), and per answer the bot sent
(`message_key`), so a reply to an older answer in a group continues that answer, not the
member's latest. Stored as compact JSON by `store.conversations` (a few hundred bytes).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

import orjson


@dataclass(frozen=True)
class Context:
    kind: str  # the ReplyKind of the answer it describes
    codes: tuple[str, ...] = ()  # its occupations, in the order shown
    asked: tuple[str, ...] = ()  # how each was asked ("rn"), same order
    area: str | None = None  # its OEWS area; None: national
    view: str | None = None  # the detail view shown, if any (a View value)
    measure: str | None = None  # what the last fact question compared (pay, jobs, ...)
    current: str | None = None  # the person's own job, from "I'm a cashier" (an O*NET code)
    listed: tuple[str, ...] = field(default=())  # occupations a list showed ("the third one")
    redo: str | None = None  # how to ask an advisor question again elsewhere (its own format)

    def with_(self, **changes: Any) -> Context:
        return replace(self, **changes)

    def dumps(self) -> str:
        data: dict[str, Any] = {"k": self.kind, "c": list(self.codes), "a": list(self.asked)}
        for name, value in (
            ("p", self.area),
            ("v", self.view),
            ("m", self.measure),
            ("j", self.current),
            ("r", self.redo),
        ):
            if value is not None:
                data[name] = value
        if self.listed:
            data["l"] = list(self.listed)
        return orjson.dumps(data).decode()  # compact, UTF-8 as written

    @classmethod
    def loads(cls, text: str) -> Context | None:
        """The context in `text`, or None if it is not one (a row from another version)."""
        try:
            data = orjson.loads(text)
            codes = tuple(str(c) for c in data.get("c", ()))
            asked = tuple(str(a) for a in data.get("a", ()))
            if len(asked) != len(codes):
                asked = codes
            return cls(
                kind=str(data["k"]),
                codes=codes,
                asked=asked,
                area=data.get("p"),
                view=data.get("v"),
                measure=data.get("m"),
                current=data.get("j"),
                listed=tuple(str(c) for c in data.get("l", ())),
                redo=data.get("r"),
            )
        except (ValueError, KeyError, TypeError, AttributeError):
            return None


def member_key(chat_id: int, member_id: int | None) -> str:
    """A chat's context for one member (private chats and the console: the chat itself)."""
    return f"c{chat_id}:{member_id if member_id is not None else chat_id}"


def message_key(chat_id: int, message_id: int) -> str:
    """The context of one answer the bot sent, for replies to it."""
    return f"m{chat_id}:{message_id}"
