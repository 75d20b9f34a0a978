"""CPS demographics (Table 11, 2022; Table 11b, 2025) joined to SOC codes by title.

The CPS tables carry Census occupation titles and no codes. A row joins the SOC occupation
whose BLS title is the same after normalisation; where Census words it differently or combines
several SOC occupations, the curated file `store/data/cps_occupations.tsv` says which.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from store.curated import read_curated
from store.importers.tables import Row, SourceError, number, read_sheet, text

CURATED_FILE = Path(__file__).resolve().parent.parent / "data" / "cps_occupations.tsv"


def normalize_title(title: str) -> str:
    title = title.lower().replace("&", " and ")
    title = re.sub(r"[^a-z0-9 ]+", " ", title)
    return " ".join(title.split())


@dataclass
class DemographicTables:
    rows: list[Row] = field(default_factory=list)  # id, cps_title, shares, median_age
    soc_to_row: dict[str, int] = field(default_factory=dict)  # "43-3011" -> row id
    year_shares: str = ""
    year_age: str = ""
    files: list[Path] = field(default_factory=list)


def _table(path: Path) -> tuple[str, list[list[Any]]]:
    """The year in the header and the occupation rows of a CPS annual-average table."""
    if not path.is_file():
        raise SourceError(f"missing {path}")
    rows = read_sheet(path)
    for index, row in enumerate(rows[:15]):
        if text(row[0]) == "Occupation":
            year = text(row[1]).removesuffix(".0")
            body = [r for r in rows[index + 1 :] if text(r[0]) and number(r[1]) is not None]
            return year, body
    raise SourceError(f"{path.name}: no 'Occupation' header row")


def read_census_titles(path: Path = CURATED_FILE) -> dict[str, list[str]]:
    """Census title (normalised) -> SOC codes, from the curated file."""
    return {
        normalize_title(cps_title): [c.strip() for c in codes.split("|") if c.strip()]
        for cps_title, codes, *_ in read_curated(path, 2)
    }


def load_demographics(
    bls_dir: Path, soc_titles: Iterable[tuple[str, str]], curated_path: Path = CURATED_FILE
) -> DemographicTables:
    """`soc_titles`: (SOC code, BLS title) pairs that a CPS title may equal after normalising."""
    out = DemographicTables()
    shares_path, ages_path = bls_dir / "cpsaat11.xlsx", bls_dir / "cpsaat11b.xlsx"
    out.files = [shares_path, ages_path]
    out.year_shares, shares = _table(shares_path)
    out.year_age, ages = _table(ages_path)
    median_age = {normalize_title(text(r[0])): number(r[9]) for r in ages if len(r) > 9}

    by_title: dict[str, list[str]] = {}
    detailed: set[str] = set()
    for code, title in soc_titles:
        by_title.setdefault(normalize_title(title), []).append(code)
        if not code.endswith("0"):
            detailed.add(code)
    curated = read_census_titles(curated_path)

    exact: list[tuple[str, int]] = []
    broad: list[tuple[str, int]] = []
    for index, row in enumerate(shares, start=1):
        cps_title = text(row[0])
        key = normalize_title(cps_title)
        out.rows.append(
            {
                "id": index,
                "cps_title": cps_title,
                "employed_thousands": number(row[1]),
                "women": number(row[2]),
                "white": number(row[3]),
                "black": number(row[4]),
                "asian": number(row[5]),
                "hispanic": number(row[6]),
                "median_age": median_age.get(key),
            }
        )
        for code in curated.get(key) or by_title.get(key, []):
            (broad if code.endswith("0") else exact).append((code, index))
    # Detailed codes first; then a broad group ("13-2070", "25-1000") lends its row to the
    # detailed occupations under it that no more specific row claimed. SOC detailed codes never
    # end in 0, so trailing zeros mark the group's prefix.
    for code, index in exact:
        out.soc_to_row.setdefault(code, index)
    # The most specific group first: "Credit counselors and loan officers" (13-2070) before
    # "Business and financial operations occupations" (13-0000), whatever the table order.
    broad.sort(key=lambda item: len(item[0].rstrip("0")), reverse=True)
    for code, index in broad:
        out.soc_to_row.setdefault(code, index)
        prefix = code.rstrip("0")
        for member in sorted(detailed):
            if member.startswith(prefix):
                out.soc_to_row.setdefault(member, index)
    return out
