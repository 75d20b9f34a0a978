"""Employment Projections 2024-34, Tables 1.10 and 1.12: who leaves each occupation every year
(labour-force exits and transfers), and BLS's own stated reasons for the projected change."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from store.importers.tables import Row, SourceError, number, read_sheet, text

SEPARATIONS = "Table 1.10"
FACTORS = "Table 1.12"
ALL_INDUSTRIES = "TE1000"  # Table 1.12's code for "Total, all industries"


@dataclass
class OutlookTables:
    separations: list[Row] = field(default_factory=list)
    factors: list[Row] = field(default_factory=list)


def _header(rows: list[list[object]], first: str) -> tuple[int, list[str]]:
    for index, row in enumerate(rows[:20]):
        if row and text(row[0]).startswith(first):
            return index, [text(h) for h in row]
    raise SourceError(f"no header row starting with {first!r}")


def _column(header: list[str], starts: str) -> int:
    for index, name in enumerate(header):
        if name.startswith(starts):
            return index
    raise SourceError(f"no column starting with {starts!r} in {header}")


def _is_code(value: object) -> bool:
    code = text(value)
    return len(code) == 7 and code[2] == "-"


def load_outlook(workbook: Path) -> OutlookTables:
    out = OutlookTables()
    rows = read_sheet(workbook, SEPARATIONS)
    start, header = _header(rows, "2024 National Employment Matrix title")
    col = {
        "code": _column(header, "2024 National Employment Matrix code"),
        "exit_rate": _column(header, "Labor force exit rate"),
        "transfer_rate": _column(header, "Occupational transfer rate"),
        "separation_rate": _column(header, "Total occupational separations rate"),
        "exits": _column(header, "Labor force exits"),
        "transfers": _column(header, "Occupational transfers,"),
        "openings": _column(header, "Occupational openings"),
    }
    for row in rows[start + 1 :]:
        if len(row) > col["code"] and _is_code(row[col["code"]]):
            out.separations.append(
                {"code": text(row[col["code"]])}
                | {name: number(row[index]) for name, index in col.items() if name != "code"}
            )

    rows = read_sheet(workbook, FACTORS)
    start, header = _header(rows, "2024 National Employment Matrix occupation title")
    code = _column(header, "2024 National Employment Matrix occupation code")
    industry = _column(header, "2024 National Employment Matrix industry title")
    industry_code = _column(header, "2024 National Employment Matrix industry code")
    factor = _column(header, "Factors affecting")
    for row in rows[start + 1 :]:
        if len(row) > factor and _is_code(row[code]) and text(row[factor]):
            out.factors.append(
                {
                    "id": len(out.factors) + 1,
                    "code": text(row[code]),
                    "industry_code": text(row[industry_code]),
                    "industry": text(row[industry]),
                    "factor": text(row[factor]),
                }
            )
    return out
