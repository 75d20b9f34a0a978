"""OEWS industries are NAICS codes at nested levels: which ones are really different industries.

OEWS publishes an occupation's wages at several NAICS levels at once (Rail Transportation is
both 482000 and 482100, often with the same figures), and schools and hospitals once more per
owner. A list of best-paying industries should name each industry once.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


def _industry_key(code: str, name: str) -> tuple[str, str]:
    """(NAICS digits, ownership) of an OEWS industry code.

    Plain codes are NAICS padded with zeros (482100: "4821"). Codes for schools and hospitals
    by owner end in an ownership digit instead, and their names say so (622103, "General
    Medical and Surgical Hospitals, Local Government Owned": "6221", local government "3").
    """
    if name.endswith(" Owned"):
        return code[:5].rstrip("0"), code[5]
    return code.rstrip("0"), ""


def _naics_nested(one: tuple[str, str], other: tuple[str, str]) -> bool:
    """Whether one industry (an `_industry_key`) contains the other: 482000 contains 482100,
    622003 (hospitals, local government) contains 622103, and 622000 contains both."""
    (a, owner_a), (b, owner_b) = one, other
    same_owners = owner_a == owner_b or "" in (owner_a, owner_b)
    return same_owners and (a.startswith(b) or b.startswith(a))


def distinct_industries(rows: Sequence[Any], limit: int) -> list[Any]:
    """The first `limit` ranked (name, code, wage) rows, skipping any industry nested with
    one already taken."""
    taken: list[Any] = []
    for row in rows:
        key = _industry_key(row[1], row[0])
        if not any(_naics_nested(key, _industry_key(kept[1], kept[0])) for kept in taken):
            taken.append(row)
            if len(taken) == limit:
                break
    return taken
