"""`careerbot data build` on hand-written fixtures: every table imported, joins and gaps right."""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path

import pytest

from bot.service import Careerbot, DatabaseMissing
from store.db import create_engine
from store.importers.build import build_database, database_exists
from store.importers.tables import SourceError
from store.queries import CareerStore
from tests.support.fixtures_data import write_fixture_data


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return write_fixture_data(tmp_path / "data")


@pytest.fixture
async def built(data_dir: Path, tmp_path: Path) -> tuple[str, Path]:
    path = tmp_path / "db" / "careerbot.sqlite3"
    await build_database(data_dir, f"sqlite+aiosqlite:///{path}")
    return f"sqlite+aiosqlite:///{path}", path


def rows(path: Path, sql: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(path) as connection:
        return connection.execute(sql).fetchall()


async def test_occupations_join_their_wages_projections_and_demographics(built) -> None:
    _, path = built
    joined = dict(
        (code, rest)
        for code, *rest in rows(
            path,
            "select code, wage_code, wage_title, projection_code, demographic_id is not null "
            "from occupation",
        )
    )
    assert joined["43-3011.00"] == ["43-3011", "Bill and Account Collectors", "43-3011", 1]
    # BLS publishes only the aggregate for this O*NET occupation: use it, and name it.
    assert joined["15-1299.08"] == ["15-1299", "Computer Occupations, All Other", None, 0]
    # No BLS figures at all: nothing is filled in.
    assert joined["55-1011.00"] == [None, None, None, 0]
    # A CPS title naming a BLS broad group lends its row to the group's occupations...
    assert joined["13-2072.00"][2:] == ["13-2072", 1]
    # ...and the most specific group wins over a major-group summary row listed before it.
    assert rows(
        path,
        "select d.cps_title from occupation o join demographic d on d.id = o.demographic_id "
        "where o.code = '13-2072.00'",
    ) == [("Credit counselors and loan officers",)]


async def test_wages_keep_source_values_and_footnotes(built) -> None:
    _, path = built
    national = rows(
        path,
        "select employment, annual_median, hourly_median, annual_p10, "
        "annual_p90, annual_mean from wage where soc_code='43-3011' and "
        "area_code='0000000' and industry_code='000000'",
    )
    assert national == [(158830, 47030, 22.61, 34400, 65580, 49060)]
    top_coded = rows(
        path,
        "select annual_p90, footnotes from wage where soc_code='13-2072' and area_code='0000000'",
    )
    assert top_coded == [(None, "annual_p90=5")]
    assert rows(path, "select count(*) from wage") == [(8,)]


async def test_metro_percentiles_and_concentration_fill_the_metro_rows(built) -> None:
    """bls/oews-metro/ holds the metro series bls/oews/ leaves out: they join the same row."""
    _, path = built
    metro = rows(
        path,
        "select employment, annual_median, annual_p10, annual_p25, annual_p75, annual_p90, "
        "hourly_p10, hourly_median, hourly_p90, jobs_per_1000, location_quotient from wage "
        "where soc_code='43-3011' and area_code='0019100'",
    )
    assert metro == [(5200, 45120, 33010, 38250, 53960, 63020, 15.87, 21.69, 30.30, 1.329, 1.08)]
    coverage = rows(path, "select value from metadata where key='coverage'")[0][0]
    assert "metro pay ranges: 1/2 (50%)" in coverage


async def test_a_data_folder_without_metro_percentiles_still_builds(
    data_dir: Path, tmp_path: Path
) -> None:
    for file in (data_dir / "bls" / "oews-metro").iterdir():
        file.unlink()
    path = tmp_path / "db" / "careerbot.sqlite3"
    await build_database(data_dir, f"sqlite+aiosqlite:///{path}")
    assert rows(path, "select annual_p10 from wage where area_code='0019100'") == [(None,)]
    coverage = rows(path, "select value from metadata where key='coverage'")[0][0]
    assert "no bls/oews-metro/ data file" in coverage


async def test_titles_tasks_ratings_and_education(built) -> None:
    _, path = built
    titles = rows(path, "select title, kind from title where code='43-3011.00' order by title")
    assert ("Medical Collections Specialist", "alternate") in titles
    assert ("Bill and Account Collectors", "occupation") in titles
    assert rows(path, "select title, kind from title where code='15-1299.08' and kind='short'") == [
        ("SA", "short")
    ]
    assert rows(path, "select core from task where code='43-3011.00' order by id") == [(1,), (0,)]
    assert rows(path, "select domain, importance, level from rating order by domain") == [
        ("knowledge", 3.75, 3.5),
        ("skill", 3.75, 3.5),
        ("work_style", 3.75, 3.5),
    ]
    # O*NET recommends suppressing two shares: the category is kept without its figure, so
    # the bot can say it is withheld; one nobody chose is left out.
    assert rows(path, "select category, percent from education_share order by category") == [
        (2, 71.5),
        (6, None),
    ]
    # A related occupation missing from this release is skipped, not invented.
    assert rows(path, "select related_code from related_occupation") == [("13-2072.00",)]
    assert rows(path, "select hot, in_demand from technology order by example") == [(0, 0), (1, 1)]


async def test_projections_and_demographics_as_published(built) -> None:
    _, path = built
    assert rows(
        path,
        "select employment_2024, employment_2034, percent_change, openings, "
        "typical_education, work_experience from projection where "
        "code='43-3011'",
    ) == [(166.9, 149.4, -10.5, 13.7, "High school diploma or equivalent", "None")]
    assert rows(
        path,
        "select women, median_age from demographic where cps_title='Bill and account collectors'",
    ) == [(68.8, 45.5)]
    # CPS dashes mean "not published": NULL, never zero.
    assert rows(
        path,
        "select women, median_age from demographic where cps_title='Pumping station operators'",
    ) == [(None, None)]


async def test_metadata_names_releases_and_hashes_sources(built, data_dir: Path) -> None:
    url, _ = built
    store = CareerStore(create_engine(url))
    try:
        metadata = await store.metadata()
    finally:
        await store.close()
    assert metadata["release_onet"] == "29.3 (May 2025)"
    assert metadata["release_oews"] == "May 2025"
    assert metadata["release_cps_shares"] == "2022"
    import hashlib

    expected = hashlib.sha256((data_dir / "bls/oews/oe.data.2025A01").read_bytes()).hexdigest()
    assert metadata["sha256:bls/oews/oe.data.2025A01"] == expected


async def test_a_failed_build_leaves_the_previous_database_untouched(built, data_dir) -> None:
    url, path = built
    before = path.read_bytes()
    (data_dir / "onet" / "Task Statements.txt").unlink()
    with pytest.raises(SourceError, match="Task Statements"):
        await build_database(data_dir, url)
    assert path.read_bytes() == before
    assert [p.name for p in path.parent.iterdir()] == [path.name]


async def test_rebuild_keeps_chat_preferences(built, data_dir) -> None:
    url, _ = built
    store = CareerStore(create_engine(url))
    await store.preferences.set_area(-100123, "0000048")
    await store.close()
    await build_database(data_dir, url)
    store = CareerStore(create_engine(url))
    try:
        assert await store.preferences.area(-100123) == "0000048"
    finally:
        await store.close()


async def test_a_database_built_under_another_schema_is_refused_and_rebuilt(
    built, data_dir
) -> None:
    url, path = built
    assert await asyncio.to_thread(database_exists, url)
    with sqlite3.connect(path) as connection:
        connection.execute("update metadata set value = '1' where key = 'schema'")

    assert not await asyncio.to_thread(database_exists, url)  # `--if-missing` rebuilds it
    with pytest.raises(DatabaseMissing, match="Rebuild it with: careerbot data build"):
        await Careerbot.open(url)
    await build_database(data_dir, url)
    assert await asyncio.to_thread(database_exists, url)
    await (await Careerbot.open(url)).close()


async def test_nothing_built_is_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "never.sqlite3"
    assert not await asyncio.to_thread(database_exists, f"sqlite+aiosqlite:///{path}")
    assert not path.exists()  # asking did not create an empty file


async def test_missing_data_directory_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="CAREERBOT_DATA_DIR"):
        await build_database(tmp_path / "nowhere", f"sqlite+aiosqlite:///{tmp_path}/x.db")


@pytest.mark.realdata
def test_real_data_build_counts_and_coverage(real_db_url: str) -> None:
    path = Path(real_db_url.split("///", 1)[1])
    counts = dict(
        rows(
            path,
            "select 'occupation', count(*) from occupation union all "
            "select 'title', count(*) from title union all "
            "select 'wage', count(*) from wage",
        )
    )
    assert counts["occupation"] == 1016
    assert counts["title"] > 60000
    assert counts["wage"] > 300000
    coverage = rows(path, "select value from metadata where key='coverage'")[0][0]
    assert "wages (national)" in coverage
    with_demographics = rows(
        path, "select count(*) from occupation where demographic_id is not null"
    )[0][0]
    assert with_demographics > 850


async def test_buttons_keep_working_after_a_rebuild_of_the_same_release(
    data_dir: Path, tmp_path: Path
) -> None:
    """Button payloads name the data release; two builds of the same files are one release,
    so an answer's buttons work on a rebuilt database (and on any other instance)."""
    urls = []
    for name in ("first", "second"):
        path = tmp_path / name / "careerbot.sqlite3"
        await build_database(data_dir, f"sqlite+aiosqlite:///{path}")
        urls.append(f"sqlite+aiosqlite:///{path}")
    first, second = [await Careerbot.open(url) for url in urls]
    try:
        assert first.version == second.version
        answer = await first.answer("bill and account collectors")
        buttons = [b.data for row in answer.buttons for b in row]
        assert buttons
        for data in buttons:
            assert (await second.press(data)).kind != "expired"
    finally:
        await first.close()
        await second.close()
