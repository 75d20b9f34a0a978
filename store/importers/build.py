"""`careerbot data build`: the whole career database from the public files, atomically.

SQLite is built into a new file beside the old one and swapped in with one rename, so a failed
build leaves the previous database untouched and a running bot never sees a half-built one.
Other databases (PostgreSQL) get the same effect from one transaction with transactional DDL:
the source tables are dropped, re-created and filled, and committed together; until then
readers see the old tables (or wait for the commit), and any failure rolls it all back.

The user tables (`models.USER_TABLES`: chat preferences, conversations, the inbox of updates)
are what the bot writes, not source data. Elsewhere than SQLite they are never dropped, so they
stay where they are. SQLite copies them into the new file at the last moment, holding the old
file's write lock from before the copy until after the rename: a running bot's write either
commits before the copy (and is copied) or waits for the lock and then finds the file replaced,
and is redone in the new file (`store.db.Database.write`). Nothing the bot wrote is left behind
in the old one.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import os
import sqlite3
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Table, func, insert, select
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.ext.asyncio import AsyncConnection

from store import models
from store.codes import CROSS_INDUSTRY, NATIONAL
from store.db import BUILD_BUSY_TIMEOUT, create_engine, sqlite_path
from store.importers.demographics import DemographicTables, load_demographics
from store.importers.interests import load_interests
from store.importers.oews import OewsTables, load_oews
from store.importers.onet import OnetTables, load_onet
from store.importers.outlook import load_outlook
from store.importers.projections import ProjectionTables, load_projections
from store.importers.tables import Row, SourceError


def table(model: type[models.Base]) -> Table:
    """The Core table behind a model, typed as a Table (bulk inserts work on tables)."""
    return models.Base.metadata.tables[model.__tablename__]


SOURCE_TABLES = [t for t in models.Base.metadata.sorted_tables if t.name not in models.USER_TABLES]
CHUNK = 20_000


@dataclass
class BuildReport:
    counts: dict[str, int] = field(default_factory=dict)
    coverage: dict[str, str] = field(default_factory=dict)
    releases: dict[str, str] = field(default_factory=dict)
    seconds: float = 0.0

    def lines(self) -> list[str]:
        out = [f"built in {self.seconds:.1f} s"]
        out += [f"  {name:<22} {count:>9,}" for name, count in self.counts.items()]
        out += ["coverage:"] + [f"  {name:<22} {value}" for name, value in self.coverage.items()]
        out += ["releases:"] + [f"  {name:<22} {value}" for name, value in self.releases.items()]
        return out


def onet_release(onet_dir: Path) -> str:
    """'29.3 (May 2025)' from O*NET's own Read Me, which names the version and month."""
    readme = onet_dir / "Read Me.txt"
    if not readme.is_file():
        return "unknown"
    lines = [line.strip() for line in readme.read_text(encoding="utf-8").splitlines()]
    version = next((line.split()[1] for line in lines if line.startswith("O*NET ")), "unknown")
    month = next((line.removesuffix(" Release") for line in lines if line.endswith(" Release")), "")
    return f"{version} ({month})" if month else version


def oews_release(code: str) -> str:
    """BLS release code 2025A01 (annual, reference month May) -> 'May 2025'."""
    return f"May {code[:4]}" if len(code) >= 4 and code[:4].isdigit() else code


def file_hash(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def join_occupations(
    onet: OnetTables,
    oews: OewsTables,
    projections: ProjectionTables,
    demographics: DemographicTables,
) -> list[Row]:
    """Each O*NET occupation with the BLS rows that describe it.

    Wages use the occupation's own SOC code when OEWS publishes it, else the aggregate BLS
    publishes instead (the NEM code from the crosswalk, or the SOC broad group), named so the
    bot can say "pay figures for: Computer Occupations, All Other".
    """
    national = {
        w["soc_code"]
        for w in oews.wages
        if w["area_code"] == NATIONAL and w["industry_code"] == CROSS_INDUSTRY
    }
    projected = {p["code"] for p in projections.projections}
    rows = []
    for occupation in onet.occupations:
        code = occupation["code"]
        soc = code[:7]
        nem = projections.crosswalk.get(code)
        wage_code = next((c for c in (soc, nem, soc[:6] + "0") if c and c in national), None)
        projection_code = next((c for c in (nem, soc) if c and c in projected), None)
        demographic_id = next(
            (
                demographics.soc_to_row[c]
                for c in (soc, wage_code, projection_code)
                if c and c in demographics.soc_to_row
            ),
            None,
        )
        rows.append(
            {
                **occupation,
                "soc_code": soc,
                "job_zone": onet.job_zones.get(code),
                "wage_code": wage_code,
                "wage_title": oews.occupation_names.get(wage_code) if wage_code else None,
                "projection_code": projection_code,
                "demographic_id": demographic_id,
            }
        )
    return rows


def _metro_ranges(oews: OewsTables) -> str:
    """How many metro rows have a pay range: none without the metro file (bls/oews-metro/)."""
    metro_codes = {a["code"] for a in oews.areas if a["kind"] == "M"}
    metro = [w for w in oews.wages if w["area_code"] in metro_codes]
    ranged = sum(1 for w in metro if w["annual_p10"] is not None or w["hourly_p10"] is not None)
    note = "" if oews.metro_series else " (no bls/oews-metro/ data file)"
    return _percent(ranged, len(metro)) + note


def _percent(part: int, whole: int) -> str:
    return f"{part:,}/{whole:,} ({100 * part / whole:.0f}%)" if whole else "0/0"


async def _insert(conn: AsyncConnection, table: Table, rows: Iterable[Row]) -> int:
    """Insert in batches of CHUNK rows, one executemany each (asyncpg pipelines them)."""
    batch: list[Row] = []
    count = 0
    for row in rows:
        batch.append(row)
        if len(batch) >= CHUNK:
            await conn.execute(insert(table), batch)
            count += len(batch)
            batch = []
    if batch:
        await conn.execute(insert(table), batch)
        count += len(batch)
    return count


async def _write(url: str, tables: dict[Table, list[Row]]) -> None:
    """Replace every source table in one transaction; the user tables are created if missing,
    never dropped."""
    engine = create_engine(url, timeout=None)
    try:
        async with engine.begin() as conn:
            await conn.run_sync(models.Base.metadata.drop_all, tables=SOURCE_TABLES)
            await conn.run_sync(models.Base.metadata.create_all)
            await conn.run_sync(_index_user_tables)
            for target, rows in tables.items():
                await _insert(conn, target, rows)
    finally:
        await engine.dispose()


def _index_user_tables(conn: Connection) -> None:
    """The user tables' indexes where the tables were kept (PostgreSQL: create_all leaves a
    table that exists alone, and an older schema's table lacks a newer index)."""
    for name in models.USER_TABLES:
        for index in models.Base.metadata.tables[name].indexes:
            index.create(conn, checkfirst=True)


def _swap_in(scratch: Path, target: Path) -> None:
    """Copy the user tables of `target` (if any) into `scratch`, then rename `scratch` over
    `target`, holding `target`'s write lock throughout (see the module docstring).

    Plain sqlite3, in a thread: the lock must be held by one connection from the first read to
    after the rename, with nothing else in between.
    """
    if not target.is_file():
        os.replace(scratch, target)
        return
    old = sqlite3.connect(target, timeout=BUILD_BUSY_TIMEOUT, isolation_level=None)
    try:
        try:
            old.execute("BEGIN IMMEDIATE")  # waits for a bot's write in progress, then locks
            copied = {name: _user_rows(old, name) for name in models.USER_TABLES}
        except sqlite3.DatabaseError:  # not a database any more: nothing to carry over
            copied = {}
        new = sqlite3.connect(scratch, isolation_level=None)
        try:
            new.execute("BEGIN")
            for name, (columns, rows) in copied.items():
                if not columns:  # the old file has no such table (an older schema)
                    continue
                marks = ", ".join("?" for _ in columns)
                new.executemany(f"INSERT INTO {name} ({', '.join(columns)}) VALUES ({marks})", rows)
            new.execute("COMMIT")
        finally:
            new.close()
        os.replace(scratch, target)
    finally:
        old.close()  # releases the lock (nothing was written to the old file)


def _user_rows(old: sqlite3.Connection, name: str) -> tuple[list[str], list[tuple[Any, ...]]]:
    """The columns both versions of table `name` have, and the old file's rows of them."""
    wanted = [column.name for column in models.Base.metadata.tables[name].columns]
    present = {row[1] for row in old.execute(f"PRAGMA table_info({name})")}
    columns = [column for column in wanted if column in present]
    if not columns:
        return [], []
    return columns, old.execute(f"SELECT {', '.join(columns)} FROM {name}").fetchall()


def load_sources(data_dir: Path) -> tuple[dict[Table, list[Row]], BuildReport]:
    """Read and join every source file; raises SourceError naming what is missing."""
    if not data_dir.is_dir():
        raise SourceError(f"data directory not found: {data_dir} (set CAREERBOT_DATA_DIR)")
    onet_dir, bls_dir = data_dir / "onet", data_dir / "bls"
    onet = load_onet(onet_dir)
    oews = load_oews(bls_dir / "oews", bls_dir / "oews-metro")
    projections = load_projections(bls_dir)
    outlook = load_outlook(bls_dir / "occupation.xlsx")
    interests = load_interests(onet_dir, {o["code"] for o in onet.occupations})
    soc_titles = list(oews.occupation_names.items()) + [
        (p["code"], p["title"]) for p in projections.projections
    ]
    demographics = load_demographics(bls_dir, soc_titles)
    occupations = join_occupations(onet, oews, projections, demographics)

    report = BuildReport()
    report.releases = {
        "onet": onet_release(onet_dir),
        "oews": oews_release(oews.release),
        "oews_code": oews.release,
        "projections": "2024-34",
        "cps_shares": demographics.year_shares,
        "cps_age": demographics.year_age,
    }
    metadata: dict[str, str] = {f"release_{k}": v for k, v in report.releases.items()}
    metadata["schema"] = str(models.SCHEMA_VERSION)
    metadata.update({f"oews_footnote_{k}": v for k, v in oews.footnotes.items()})
    sources = [*onet.files, *interests.files, *oews.files, *projections.files, *demographics.files]
    for path in sources:
        metadata[f"sha256:{path.relative_to(data_dir)}"] = file_hash(path)

    n = len(occupations)
    with_wages = sum(1 for o in occupations if o["wage_code"])
    report.coverage = {
        "wages (national)": _percent(with_wages, n),
        "wages via aggregate": str(
            sum(1 for o in occupations if o["wage_code"] and o["wage_code"] != o["soc_code"])
        ),
        "projections": _percent(sum(1 for o in occupations if o["projection_code"]), n),
        "demographics": _percent(sum(1 for o in occupations if o["demographic_id"]), n),
        "job zones": _percent(sum(1 for o in occupations if o["job_zone"]), n),
        "interests": _percent(len(interests.interests), n),
        "metro pay ranges": _metro_ranges(oews),
    }
    metadata["coverage"] = "; ".join(f"{k}: {v}" for k, v in report.coverage.items())
    tables: dict[Table, list[Row]] = {
        table(models.Demographic): demographics.rows,
        table(models.Occupation): occupations,
        table(models.Title): onet.titles,
        table(models.Task): onet.tasks,
        table(models.Rating): onet.ratings,
        table(models.Technology): onet.technology,
        table(models.EducationCategory): onet.education_categories,
        table(models.EducationShare): onet.education_shares,
        table(models.JobZone): onet.job_zone_reference,
        table(models.RelatedOccupation): onet.related,
        table(models.Area): oews.areas,
        table(models.Industry): oews.industries,
        table(models.Wage): oews.wages,
        table(models.Projection): projections.projections,
        table(models.Separation): outlook.separations,
        table(models.UtilizationFactor): outlook.factors,
        table(models.Interest): interests.interests,
        table(models.InterestActivity): interests.activities,
        table(models.WorkValue): interests.work_values,
        table(models.Metadata): [{"key": k, "value": v} for k, v in metadata.items()],
    }
    report.counts = {target.name: len(rows) for target, rows in tables.items()}
    return tables, report


async def build_database(
    data_dir: Path, database_url: str, progress: Callable[[str], Any] = lambda _: None
) -> BuildReport:
    started = time.perf_counter()
    progress(f"reading sources from {data_dir}")
    tables, report = load_sources(data_dir)
    target = sqlite_path(database_url)
    progress("writing database")
    if target is None:
        await _write(database_url, tables)
    else:
        target.parent.mkdir(parents=True, exist_ok=True)
        scratch = target.with_name(f"{target.name}.building-{os.getpid()}")
        scratch.unlink(missing_ok=True)
        scratch_url = make_url(database_url).set(database=str(scratch))
        try:
            await _write(scratch_url.render_as_string(hide_password=False), tables)
            await asyncio.to_thread(_swap_in, scratch, target)
        finally:
            with contextlib.suppress(FileNotFoundError):
                scratch.unlink()
    report.seconds = time.perf_counter() - started
    return report


async def _built_schema(database_url: str) -> str | None:
    """The schema version the database was built with; "" if built before versions were
    recorded, None if nothing was built (or the database cannot be read)."""
    engine = create_engine(database_url)
    try:
        async with engine.connect() as conn:
            metadata = table(models.Metadata)
            if not await conn.scalar(select(func.count()).select_from(metadata)):
                return None
            version = await conn.scalar(select(metadata.c.value).where(metadata.c.key == "schema"))
            return version or ""
    except Exception:  # no such table (never built), or no server: build and say what fails
        return None
    finally:
        await engine.dispose()


def database_exists(database_url: str) -> bool:
    """Whether a database built by this version of careerbot is there (`data build
    --if-missing` rebuilds one built under another schema)."""
    path = sqlite_path(database_url)
    if path is not None and not path.is_file():
        return False  # connecting would create an empty file
    # Called from the CLI's running event loop: ask on a thread with an event loop of its own.
    with ThreadPoolExecutor(max_workers=1) as pool:
        built = pool.submit(asyncio.run, _built_schema(database_url)).result()
    return built == str(models.SCHEMA_VERSION)


__all__ = ["BuildReport", "SourceError", "build_database", "database_exists"]
