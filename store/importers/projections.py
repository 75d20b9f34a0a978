"""Employment Projections 2024-34 (Table 1.2) and BLS's O*NET-SOC -> NEM crosswalk.

Table 1.2's percent self-employed is kept because OEWS wages leave the self-employed out: where
many are (real estate agents, rideshare drivers), the bot says whose pay it shows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from store.importers.tables import Row, SourceError, integer, number, read_sheet, text

TABLE = "Table 1.2"
CROSSWALK_SHEET = "ONET to SOC crosswalk"


def _header_index(rows: list[list[Any]], first_column: str) -> int:
    for index, row in enumerate(rows[:20]):
        if row and text(row[0]) == first_column:
            return index
    raise SourceError(f"no header row starting with {first_column!r}")


def _column(header: list[str], starts: str) -> int:
    for index, name in enumerate(header):
        if name.startswith(starts):
            return index
    raise SourceError(f"no column starting with {starts!r} in {header}")


def _label(value: Any) -> str | None:
    label = text(value)
    return None if label in ("", "—", "-") else label


@dataclass
class ProjectionTables:
    projections: list[Row] = field(default_factory=list)
    crosswalk: dict[str, str] = field(default_factory=dict)  # O*NET-SOC code -> NEM code
    files: list[Path] = field(default_factory=list)


def load_projections(bls_dir: Path) -> ProjectionTables:
    out = ProjectionTables()
    workbook = bls_dir / "occupation.xlsx"
    crosswalk = bls_dir / "nem-onet-to-soc-crosswalk.xlsx"
    for path in (workbook, crosswalk):
        if not path.is_file():
            raise SourceError(f"missing {path}")
        out.files.append(path)

    rows = read_sheet(workbook, TABLE)
    start = _header_index(rows, "2024 National Employment Matrix title")
    header = [text(h) for h in rows[start]]
    col = {
        "title": 0,
        "code": _column(header, "2024 National Employment Matrix code"),
        "type": _column(header, "Occupation type"),
        "employment_2024": _column(header, "Employment, 2024"),
        "employment_2034": _column(header, "Employment, 2034"),
        "change_numeric": _column(header, "Employment change, numeric"),
        "percent_change": _column(header, "Employment change, percent"),
        "self_employed_percent": _column(header, "Percent self employed"),
        "openings": _column(header, "Occupational openings"),
        "median_wage_2024": _column(header, "Median annual wage"),
        "typical_education": _column(header, "Typical education"),
        "work_experience": _column(header, "Work experience"),
        "training": _column(header, "Typical on-the-job training"),
    }
    for row in rows[start + 1 :]:
        code = text(row[col["code"]]) if len(row) > col["code"] else ""
        if len(code) != 7 or code[2] != "-":
            continue
        out.projections.append(
            {
                "code": code,
                "title": text(row[col["title"]]),
                "employment_2024": number(row[col["employment_2024"]]),
                "employment_2034": number(row[col["employment_2034"]]),
                "change_numeric": number(row[col["change_numeric"]]),
                "percent_change": number(row[col["percent_change"]]),
                "self_employed_percent": number(row[col["self_employed_percent"]]),
                "openings": number(row[col["openings"]]),
                "median_wage_2024": integer(row[col["median_wage_2024"]]),
                "typical_education": _label(row[col["typical_education"]]),
                "work_experience": _label(row[col["work_experience"]]),
                "training": _label(row[col["training"]]),
            }
        )

    rows = read_sheet(crosswalk, CROSSWALK_SHEET)
    start = _header_index(rows, "Sort Order")
    header = [text(h) for h in rows[start]]
    onet_col, nem_col = header.index("O*NET-SOC Code"), header.index("NEM Code")
    for row in rows[start + 1 :]:
        onet_code, nem_code = text(row[onet_col]), text(row[nem_col])
        if len(onet_code) == 10 and len(nem_code) == 7:
            out.crosswalk[onet_code] = nem_code
    return out
