"""The house rules, checked on the code itself: imports run handlers -> bot -> store, the core
knows no Telegram, handler modules do not lean on each other, and there are no import circles.

Read with `ast` from the source files, so a lazy import inside a function counts too.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("bot", "handlers", "store")
# Handler modules: each reads an update, asks the core and sends with handlers.replying.
HANDLER_MODULES = {
    "handlers.buttons",
    "handlers.commands",
    "handlers.errors",
    "handlers.flood",
    "handlers.inline",
    "handlers.messages",
}
# The one way from the core into Telegram: `careerbot run` starts the bot.
CLI_INTO_TELEGRAM = ("bot.cli", "handlers.runner")


def modules() -> dict[str, Path]:
    found = {}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            parts = path.relative_to(ROOT).with_suffix("").parts
            name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
            found[name] = path
    return found


def imports(path: Path, package: str, names: bool = True) -> Iterator[str]:
    """Every module `path` imports, absolute, at any depth of the file (with `names`, also
    `module.name` for each `from module import name`, which may be a submodule)."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative: resolve against the importing package
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                yield ".".join([*base, node.module] if node.module else base)
            elif node.module:
                yield node.module
                if names:
                    yield from (f"{node.module}.{alias.name}" for alias in node.names)


def graph() -> dict[str, set[str]]:
    known = modules()
    edges: dict[str, set[str]] = {}
    for name, path in known.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        edges[name] = {target for target in imports(path, package) if target in known} - {name}
    return edges


def all_imports() -> dict[str, set[str]]:
    found = {}
    for name, path in modules().items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        found[name] = set(imports(path, package, names=False))
    return found


def test_the_core_knows_no_telegram_except_to_start_the_bot() -> None:
    offending = {
        (name, target)
        for name, targets in all_imports().items()
        if name.split(".")[0] == "bot"
        for target in targets
        if target.split(".")[0] in ("telegram", "handlers")
    }
    assert offending == {CLI_INTO_TELEGRAM}


def test_the_store_knows_no_answers_and_no_telegram() -> None:
    offending = {
        (name, target)
        for name, targets in all_imports().items()
        if name.split(".")[0] == "store"
        for target in targets
        if target.split(".")[0] in ("bot", "handlers", "telegram")
    }
    assert offending == set()


def test_handler_modules_do_not_import_each_other() -> None:
    edges = graph()
    assert edges.keys() >= HANDLER_MODULES
    leaning = {(a, b) for a in HANDLER_MODULES for b in edges[a] if b in HANDLER_MODULES}
    assert leaning == set()


def test_there_are_no_import_circles() -> None:
    edges = graph()
    circles: list[list[str]] = []

    def visit(name: str, path: list[str], done: set[str]) -> None:
        for target in sorted(edges[name]):
            if target in path:
                circles.append([*path[path.index(target) :], target])
            elif target not in done:
                visit(target, [*path, target], done)
        done.add(name)

    done: set[str] = set()
    for name in sorted(edges):
        if name not in done:
            visit(name, [name], done)
    assert circles == []
