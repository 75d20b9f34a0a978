"""A checker for the HTML subset Telegram accepts, used to prove every reply would parse."""

from __future__ import annotations

from html.parser import HTMLParser

ALLOWED = {
    "b",
    "strong",
    "i",
    "em",
    "u",
    "ins",
    "s",
    "strike",
    "del",
    "code",
    "pre",
    "a",
    "tg-spoiler",
    "blockquote",
    "span",
}


class _Checker(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ALLOWED:
            self.errors.append(f"tag <{tag}> not allowed")
        self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"unbalanced </{tag}>")
        else:
            self.stack.pop()


def html_errors(text: str) -> list[str]:
    """Problems Telegram's HTML parser would reject: unknown tags, bad nesting, raw '<'."""
    checker = _Checker()
    checker.feed(text)
    checker.close()
    errors = checker.errors + [f"unclosed <{tag}>" for tag in checker.stack]
    stripped = text
    for tag in ALLOWED:
        stripped = stripped.replace(f"<{tag}>", "").replace(f"</{tag}>", "")
    if "<" in stripped or ">" in stripped:
        errors.append("a raw '<' or '>' outside a tag")
    return errors
