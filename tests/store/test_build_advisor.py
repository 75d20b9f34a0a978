"""`careerbot data build`: the tables behind the advisor answers, imported as published."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from store.importers.build import build_database
from tests.support.fixtures_data import write_fixture_data


@pytest.fixture(scope="module")
def path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import asyncio

    root = tmp_path_factory.mktemp("advisor")
    data = write_fixture_data(root / "data")
    db = root / "db" / "careerbot.sqlite3"
    asyncio.run(build_database(data, f"sqlite+aiosqlite:///{db}"))
    return db


def rows(path: Path, sql: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(path) as connection:
        return connection.execute(sql).fetchall()


def test_interest_profiles_keep_scores_and_high_points(path: Path) -> None:
    assert rows(path, "select * from interest") == [
        # Scores O*NET did not publish stay NULL; "0" (no third high point) is NULL too.
        ("43-3011.00", 1.5, None, None, None, 5.2, 6.1, 6, 5, None)
    ]  # the row of an occupation missing from Occupation Data is dropped


def test_activities_keep_their_type_and_order(path: Path) -> None:
    assert rows(path, "select id, riasec, kind, interest, activity from interest_activity") == [
        (1, 1, "General", "Realistic", "Build kitchen cabinets."),
        (2, 6, "General", "Conventional", "Keep shipping and receiving records."),
        (3, 0, "Basic", "Mechanics/Electronics", "Repair cars."),
    ]


def test_work_values_keep_extents_only(path: Path) -> None:
    assert rows(path, "select code, name, extent from work_value") == [
        ("43-3011.00", "Support", 5.33)
    ]


def test_separations_and_factors_of_tables_1_10_and_1_12(path: Path) -> None:
    assert rows(path, "select * from separation order by code") == [
        ("00-0000", 4.7, 5.9, 10.6, 8155.0, 10187.1, 18863.3),
        ("43-3011", 3.9, 6.5, 10.4, 6.2, 10.4, 14.9),
    ]
    assert rows(path, "select code, industry_code, industry, factor from utilization_factor") == [
        (
            "43-3011",
            "TE1000",
            "Total, all industries",
            "Productivity change - share decreases as automation lets fewer collectors do the "
            "work.",
        )
    ]
    assert rows(path, "select self_employed_percent from projection where code = '43-3011'") == [
        (0.2,)
    ]


def test_job_zone_reference_keeps_examples(path: Path) -> None:
    assert rows(path, "select zone, examples from job_zone order by zone") == [(2, ""), (4, "")]
