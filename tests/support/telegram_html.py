"""The HTML subset Telegram accepts with parse_mode=HTML, to prove every reply would parse."""

from __future__ import annotations

import re

ALLOWED_TAGS = {
    "b",
    "strong",
    "i",
    "em",
    "u",
    "ins",
    "s",
    "strike",
    "del",
    "span",
    "tg-spoiler",
    "a",
    "code",
    "pre",
    "blockquote",
    "tg-emoji",
}
MAX_TEXT = 4096  # Telegram counts UTF-16 code units
_TAG = re.compile(r"<(/?)([a-zA-Z][\w-]*)(?:\s[^<>]*)?>")
_ENTITY = re.compile(r"&(?:lt|gt|amp|quot|#\d+|#x[0-9a-fA-F]+);")


def html_errors(text: str, limit: int = MAX_TEXT) -> list[str]:
    """What Telegram would reject ("can't parse entities"): unknown or misnested tags, a raw
    <, > or &, or a text over the limit."""
    errors = []
    stack: list[str] = []
    for match in _TAG.finditer(text):
        closing, name = match.group(1) == "/", match.group(2).lower()
        if name not in ALLOWED_TAGS:
            errors.append(f"tag <{name}> not supported")
        if closing:
            if not stack or stack.pop() != name:
                errors.append(f"misnested </{name}>")
        else:
            stack.append(name)
    errors += [f"unclosed <{name}>" for name in stack]
    rest = _ENTITY.sub("", _TAG.sub("", text))
    if set("<>&") & set(rest):
        errors.append("unescaped <, > or &")
    if len(text.encode("utf-16-le")) // 2 > limit:
        errors.append(f"longer than {limit} UTF-16 units")
    return errors


def assert_telegram_html(text: str, limit: int = MAX_TEXT) -> None:
    errors = html_errors(text, limit)
    assert not errors, f"{errors} in {text!r}"
