"""OEWS May 2025 wages and employment from BLS's time-series flat files.

A series id packs area type, area, industry, occupation and datatype into fixed positions
(`OEU` + N/S/M + area(7) + industry(6) + occupation(6) + datatype(2)); one Wage row gathers
every datatype of one (occupation, area, industry).

The metro percentiles and concentration (datatypes 06-07, 09-12, 14-17 for metropolitan areas)
come in a second data file of the same release and layout (`bls/oews-metro/`); its series fill
the same rows, so a metro row has its pay range like a state's. No series is in both files.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from store.importers.tables import Row, SourceError

DATATYPES = {
    "01": "employment",
    "03": "hourly_mean",
    "04": "annual_mean",
    "06": "hourly_p10",
    "07": "hourly_p25",
    "08": "hourly_median",
    "09": "hourly_p75",
    "10": "hourly_p90",
    "11": "annual_p10",
    "12": "annual_p25",
    "13": "annual_median",
    "14": "annual_p75",
    "15": "annual_p90",
    "16": "jobs_per_1000",
    "17": "location_quotient",
}
INTEGER_FIELDS = {
    "employment",
    "annual_mean",
    "annual_p10",
    "annual_p25",
    "annual_median",
    "annual_p75",
    "annual_p90",
}


def soc_with_dash(code: str) -> str:
    return f"{code[:2]}-{code[2:]}"


@dataclass
class OewsTables:
    wages: list[Row] = field(default_factory=list)
    areas: list[Row] = field(default_factory=list)
    industries: list[Row] = field(default_factory=list)
    occupation_names: dict[str, str] = field(default_factory=dict)  # "43-3011" -> name
    footnotes: dict[str, str] = field(default_factory=dict)  # code -> text
    release: str = ""
    files: list[Path] = field(default_factory=list)
    metro_series: int = 0  # values read from the metro file (0: the data has none)


def _tsv(path: Path) -> list[list[str]]:
    if not path.is_file():
        raise SourceError(f"missing OEWS file {path}")
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines[1:] if line.strip()]


def find_data_file(directory: Path) -> Path:
    candidates = sorted(directory.glob("oe.data.*"))
    if not candidates:
        raise SourceError(f"no OEWS data file (oe.data.*) in {directory}")
    return candidates[-1]


def load_oews(directory: Path, metro_directory: Path | None = None) -> OewsTables:
    """The OEWS tables of `directory`, with the metro series of `metro_directory` merged in
    when it holds a data file of the same release (older data folders have none)."""
    out = OewsTables()
    data_file = find_data_file(directory)
    out.release = data_file.name.removeprefix("oe.data.")
    out.files = [data_file] + [
        directory / name for name in ("oe.area", "oe.industry", "oe.occupation", "oe.footnote")
    ]
    for state_code, area_code, kind, name, *_ in _tsv(directory / "oe.area"):
        out.areas.append({"code": area_code, "kind": kind, "state_code": state_code, "name": name})
    for code, name, level, *_ in _tsv(directory / "oe.industry"):
        out.industries.append({"code": code, "name": name, "level": int(level or 0)})
    for code, footnote_text, *_ in _tsv(directory / "oe.footnote"):
        out.footnotes[code] = footnote_text
    for code, name, *_ in _tsv(directory / "oe.occupation"):
        out.occupation_names[soc_with_dash(code)] = name

    rows: dict[str, Row] = {}
    footnotes: dict[str, list[str]] = {}
    _read_series(data_file, rows, footnotes)
    metro_file = metro_directory / data_file.name if metro_directory is not None else None
    if metro_file is not None and metro_file.is_file():
        out.files.append(metro_file)
        out.metro_series = _read_series(metro_file, rows, footnotes)
    for key, row in rows.items():
        for column in DATATYPES.values():
            row.setdefault(column, None)
        row["footnotes"] = ";".join(footnotes.get(key, ()))
    out.wages = list(rows.values())
    return out


def _read_series(data_file: Path, rows: dict[str, Row], footnotes: dict[str, list[str]]) -> int:
    """Add one flat file's values to `rows` (keyed by the series id without its datatype);
    returns how many values it held."""
    read = 0
    with data_file.open(encoding="utf-8") as handle:
        next(handle)
        for line in handle:
            series_id, _year, _period, value, *rest = line.rstrip("\n").split("\t")
            column = DATATYPES.get(series_id[23:25])
            if column is None:
                continue
            read += 1
            key = series_id[4:23]
            row = rows.get(key)
            if row is None:
                row = rows[key] = {
                    "soc_code": soc_with_dash(series_id[17:23]),
                    "area_code": series_id[4:11],
                    "industry_code": series_id[11:17],
                }
            footnote = rest[0].strip() if rest else ""
            if footnote:
                footnotes.setdefault(key, []).append(f"{column}={footnote}")
            if value in ("", "-"):
                row[column] = None
            elif column in INTEGER_FIELDS:
                row[column] = int(float(value))
            else:
                row[column] = float(value)
    return read
