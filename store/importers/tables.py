"""Reading source tables by header name, whatever the file format.

O*NET ships the same tables as Excel workbooks and as tab-separated text; reading columns by
their header lets one importer take either edition, and survives column reordering.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from python_calamine import CalamineWorkbook

Row = dict[str, Any]


class SourceError(Exception):
    """A source file is missing or does not have the expected shape."""


def find_table(directory: Path, name: str) -> Path:
    """The file for table `name` in `directory`: `name.xlsx`, else `name.txt`."""
    for suffix in (".xlsx", ".txt"):
        path = directory / f"{name}{suffix}"
        if path.is_file():
            return path
    raise SourceError(f"missing source table {name!r} (.xlsx or .txt) in {directory}")


def read_sheet(path: Path, sheet: str | None = None) -> list[list[Any]]:
    """All cells of one sheet (the first, unless named) as rows of Python values."""
    workbook = CalamineWorkbook.from_path(str(path))
    data = workbook.get_sheet_by_name(sheet) if sheet else workbook.get_sheet_by_index(0)
    rows: list[list[Any]] = data.to_python()
    return rows


def read_rows(path: Path, required: tuple[str, ...] = ()) -> Iterator[Row]:
    """Rows as dicts keyed by the header line, from a one-sheet workbook or a tab-separated file."""
    if path.suffix == ".xlsx":
        rows = read_sheet(path)
        header, body = [str(h).strip() for h in rows[0]], rows[1:]
        records: Iterator[Row] = (dict(zip(header, row, strict=False)) for row in body)
    else:
        handle = path.open(encoding="utf-8", newline="")
        reader = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = [h.strip() for h in next(reader)]
        records = (dict(zip(header, row, strict=False)) for row in reader)
    missing = [column for column in required if column not in header]
    if missing:
        raise SourceError(f"{path.name}: missing column(s) {', '.join(missing)}")
    yield from records


def text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def number(value: Any) -> float | None:
    """A numeric cell as float; blanks, dashes and other non-numbers are None (not published)."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    cleaned = str(value).strip().replace(",", "")
    try:
        return float(cleaned)
    except ValueError:
        return None


def integer(value: Any) -> int | None:
    as_float = number(value)
    return None if as_float is None else round(as_float)
