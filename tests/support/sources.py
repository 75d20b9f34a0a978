"""Reading the public source files directly, independently of the importers, to check figures."""

from __future__ import annotations

from pathlib import Path


def oews_value(data_dir: Path, series_id: str) -> str:
    """Read one value straight from the OEWS flat file, independently of the importer."""
    with (data_dir / "bls" / "oews" / "oe.data.2025A01").open(encoding="utf-8") as handle:
        for line in handle:
            if line.startswith(series_id + "\t"):
                return line.split("\t")[3]
    raise AssertionError(f"series {series_id} not in source")


def oews_metro_value(data_dir: Path, series_id: str) -> str:
    """One value of the metro percentiles file (bls/oews-metro/), read directly."""
    with (data_dir / "bls" / "oews-metro" / "oe.data.2025A01").open(encoding="utf-8") as handle:
        for line in handle:
            if line.startswith(series_id + "\t"):
                return line.split("\t")[3]
    raise AssertionError(f"series {series_id} not in source")
