"""Evaluation sets built from the public data itself, so nobody here wrote (or tuned) them.

- Own titles: every O*NET occupation title (non-military), every OEWS detailed occupation title
  and every Employment Projections (Table 1.2) line item, each with the O*NET codes it may open:
  the code itself, or for a BLS code that O*NET splits, any O*NET code under it (by SOC code,
  BLS's O*NET-to-NEM crosswalk, or the OEWS aggregate's code prefix).
- Leave-one-out: a seeded sample of O*NET's Alternate Titles and Sample of Reported Titles. The
  resolver must find the title's occupation with that title string (and every exact duplicate
  of it) hidden from the index, i.e. from the other names the occupation goes by.
"""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from bot.normalize import title_variants
from store.importers.tables import find_table, read_rows, read_sheet, text

MILITARY = "55-"
LOO_SAMPLE = 4000
LOO_SEED = 13


@dataclass(frozen=True)
class TitleCase:
    source: str  # onet | oews | ep | alternate | reported
    title: str
    acceptable: frozenset[str]  # O*NET-SOC codes
    hidden: tuple[str, ...] = ()  # normalised title strings removed from the index


def _onet_titles(onet_dir: Path) -> dict[str, str]:
    rows = read_rows(find_table(onet_dir, "Occupation Data"), ("O*NET-SOC Code", "Title"))
    return {
        text(r["O*NET-SOC Code"]): text(r["Title"])
        for r in rows
        if not text(r["O*NET-SOC Code"]).startswith(MILITARY)
    }


def _crosswalk(bls_dir: Path) -> dict[str, str]:
    rows = read_sheet(bls_dir / "nem-onet-to-soc-crosswalk.xlsx", "ONET to SOC crosswalk")
    start = next(i for i, row in enumerate(rows) if row and text(row[0]) == "Sort Order")
    header = [text(h) for h in rows[start]]
    onet_col, nem_col = header.index("O*NET-SOC Code"), header.index("NEM Code")
    return {text(r[onet_col]): text(r[nem_col]) for r in rows[start + 1 :] if len(r) > nem_col}


def _under(bls_code: str, onet: dict[str, str], crosswalk: dict[str, str]) -> frozenset[str]:
    """O*NET codes a BLS detailed code covers: same SOC code, crosswalked to it, or (for an
    aggregate such as 13-1020 "Buyers and Purchasing Agents") under its code prefix."""
    prefix = bls_code.rstrip("0") if bls_code.endswith("0") else bls_code
    return frozenset(
        code
        for code in onet
        if code[:7] == bls_code or crosswalk.get(code) == bls_code or code.startswith(prefix)
    )


def own_title_cases(data_dir: Path) -> list[TitleCase]:
    onet = _onet_titles(data_dir / "onet")
    crosswalk = _crosswalk(data_dir / "bls")
    cases = [TitleCase("onet", title, frozenset({code})) for code, title in onet.items()]
    lines = (data_dir / "bls" / "oews" / "oe.occupation").read_text(encoding="utf-8").splitlines()
    for line in lines[1:]:
        code, name, level, *_ = [*line.split("\t"), "", "", ""][:3]
        bls_code = f"{code[:2]}-{code[2:]}"
        if level.strip() == "3" and not bls_code.startswith(MILITARY):
            cases.append(TitleCase("oews", name.strip(), _under(bls_code, onet, crosswalk)))
    rows = read_sheet(data_dir / "bls" / "occupation.xlsx", "Table 1.2")
    for row in rows:
        if len(row) > 2 and text(row[2]) == "Line item" and not text(row[1]).startswith(MILITARY):
            cases.append(TitleCase("ep", text(row[0]), _under(text(row[1]), onet, crosswalk)))
    return [case for case in cases if case.acceptable]


def leave_one_out_cases(
    data_dir: Path, sample: int = LOO_SAMPLE, seed: int = LOO_SEED
) -> list[TitleCase]:
    """A seeded sample of alternate and reported titles, each hiding its own string."""
    onet_dir = data_dir / "onet"
    known = _onet_titles(onet_dir)
    listed: dict[str, set[str]] = defaultdict(set)  # normalised title -> codes listing it
    pairs: dict[tuple[str, str], str] = {}  # (title as written, code) -> source
    sources = (
        ("alternate", "Alternate Titles", "Alternate Title"),
        ("reported", "Sample of Reported Titles", "Reported Job Title"),
    )
    for source, table, column in sources:
        for row in read_rows(find_table(onet_dir, table), ("O*NET-SOC Code", column)):
            code, title = text(row["O*NET-SOC Code"]), text(row[column])
            if code in known and title:
                pairs.setdefault((title, code), source)
                for variant in title_variants(title):
                    listed[variant].add(code)
    ordered = sorted(pairs.items())
    random.Random(seed).shuffle(ordered)
    cases = []
    for (title, code), source in ordered[:sample]:
        variants = title_variants(title)
        if not variants:
            continue
        acceptable = frozenset(listed[variants[0]]) | {code}
        cases.append(TitleCase(source, title, acceptable, tuple(variants)))
    return cases
