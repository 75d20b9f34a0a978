"""Short plural names: every occupation gets one that reads as a job, never a fragment."""

from __future__ import annotations

import sqlite3

import pytest

from bot.naming import short_names, short_plural


def plural(word: str) -> bool:
    """A plural noun, grammatically ("activities" too): not "analysis", "status", "physics"."""
    word = word.lower()
    if word == "mechanics":
        return True
    return word.endswith("s") and not word.endswith(("ss", "is", "us", "ics"))


FUNCTION_WORDS = {"and", "or", "of", "as", "a", "the", "for", "in", "to", "except", "including"}


def fragment_problem(title: str, name: str) -> str | None:
    """Why `name` is not a proper short name of `title`, or None."""
    words = name.split()
    if not words:
        return "empty"
    if "," in name:
        return "a comma: cut mid-list"
    if words[-1].lower() in FUNCTION_WORDS or words[0].lower() in FUNCTION_WORDS - {"other"}:
        return "starts or ends on a function word"
    whole = " ".join(title.replace(",", " ").split()).lower()
    if not plural(words[-1]) and name.lower() != whole.removeprefix("helpers--"):
        return f"ends on {words[-1]!r}, not a plural noun"
    if words[-1].lower() not in title.lower():
        return "loses the title's head noun"
    if len(name) > len(title) + len("helpers of other "):
        return "longer than the title"
    return None


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Electricians", "electricians"),
        ("Heating, Air Conditioning, and Refrigeration Mechanics and Installers", "HVAC mechanics"),
        ("Bookkeeping, Accounting, and Auditing Clerks", "bookkeeping clerks"),
        ("Claims Adjusters, Examiners, and Investigators", "claims adjusters"),
        ("Child, Family, and School Social Workers", "child social workers"),
        ("Education Administrators, Postsecondary", "postsecondary education administrators"),
        ("Managers, All Other", "other managers"),
        ("Elementary School Teachers, Except Special Education", "elementary school teachers"),
        (
            "First-Line Supervisors of Mechanics, Installers, and Repairers",
            "first-line supervisors of mechanics",
        ),
        ("Helpers--Electricians", "helpers of electricians"),
        ("Clergy", "clergy"),
    ],
)
def test_short_plural_keeps_the_head_noun(title: str, expected: str) -> None:
    assert short_plural(title) == expected


def test_cutting_at_the_first_comma_would_be_rejected() -> None:
    """The check itself catches the old rule's fragments."""
    assert fragment_problem("Bookkeeping, Accounting, and Auditing Clerks", "bookkeeping")
    assert fragment_problem(
        "Heating, Air Conditioning, and Refrigeration Mechanics and Installers", "heating"
    )


def test_names_that_would_read_the_same_are_told_apart() -> None:
    assert short_names(["Cooks, Restaurant", "Cooks, Fast Food"]) == [
        "restaurant cooks",
        "fast food cooks",
    ]
    assert short_names(["Electricians", "Plumbers, Pipefitters, and Steamfitters"]) == [
        "electricians",
        "plumbers",
    ]


@pytest.mark.realdata
def test_every_occupation_gets_a_short_name_that_is_not_a_fragment(real_db_url: str) -> None:
    path = real_db_url.split("///", 1)[1]
    with sqlite3.connect(path) as connection:
        titles = [title for (title,) in connection.execute("select title from occupation")]
    assert len(titles) > 1000
    problems = {
        title: (name, why)
        for title in titles
        if (why := fragment_problem(title, name := short_plural(title)))
    }
    assert problems == {}
