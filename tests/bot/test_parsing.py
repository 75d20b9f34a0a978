"""Message parsing: the phrasings people use to ask for a comparison or a profile."""

from __future__ import annotations

import pytest

from bot.parsing import MAX_TITLES, parse, split_places


@pytest.mark.parametrize(
    "text",
    [
        "nurse vs teacher",
        "nurse vs. teacher",
        "nurse versus teacher",
        "nurse v teacher",
        "nurse or teacher?",
        "compare nurse and teacher",
        "compare nurses with teachers",
        "difference between nurse and teacher",
        "what's the difference between a nurse and a teacher",
        "is a nurse paid more than a teacher?",
        "do nurses make more than teachers",
        "should I become a nurse or a teacher?",
        "which pays more, nurse or teacher",
        "/compare nurse vs teacher",
        "/compare@careerbot_test_bot nurse vs teacher",
        "@careerbot_test_bot nurse vs teacher",
        "nurse / teacher",
        "NURSE VS TEACHER!!!",
        "nurse or maybe a teacher",  # a second thought
    ],
)
def test_two_titles_in_every_common_phrasing(text: str) -> None:
    intent = parse(text)
    assert intent.kind == "compare"
    assert [t.rstrip("s") for t in intent.titles] == ["nurse", "teacher"]


def test_up_to_four_titles_and_commas() -> None:
    assert parse("nurse, teacher or plumber").titles == ("nurse", "teacher", "plumber")
    assert parse("nurse vs teacher vs cop vs chef").titles == ("nurse", "teacher", "cop", "chef")
    many = parse("a1 vs b2 vs c3 vs d4 vs e5")
    assert len(many.titles) == MAX_TITLES and many.too_many


def test_titles_with_and_inside_are_kept_whole_without_a_compare_word() -> None:
    assert parse("bill and account collectors vs loan officers").titles == (
        "bill and account collectors",
        "loan officers",
    )


@pytest.mark.parametrize(
    "text, title",
    [
        ("what do dental hygienists make?", "dental hygienists"),
        ("how much does a plumber earn", "plumber"),
        ("tell me about electricians", "electricians"),
        ("plumber salary", "plumber"),
        ("what is the salary of a nurse", "nurse"),
        ("/job electrician", "electrician"),
        ("i would like to be a welder", "welder"),
        ("i'd like to become a pilot", "pilot"),
        ("i'm going to be a nurse", "nurse"),
        ("what's a brickie earn these days", "brickie"),  # when, not part of the title
        ("what do plumbers make nowadays", "plumbers"),
    ],
)
def test_one_title_is_a_profile(text: str, title: str) -> None:
    intent = parse(text)
    assert (intent.kind, intent.titles) == ("profile", (title,))


def test_switching_is_its_own_intent() -> None:
    assert parse("switch from nurse to teacher").titles == ("nurse", "teacher")
    assert parse("how do I go from cashier to accountant?").kind == "switch"
    # "X to Y", bare or with a judgment after it, is a switch too.
    assert parse("lpn to rn").titles == ("lpn", "rn")
    assert parse("receptionist to medical coder, good move??").kind == "switch"
    for text in (
        "executive assistant to the ceo",  # a title
        "i want to be a nurse",
        "what do vets make compared to dentists",
        "someone who uses math to figure out risk",
    ):
        assert parse(text).kind != "switch", text


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "hello",
        "Thanks!",
        "👍",
        "???",
        "/start",
        "ok",
        "test",
        "testing",
        "are you a bot?",
    ],
)
def test_chit_chat_and_empty_messages_ask_for_nothing(text: str) -> None:
    assert parse(text).kind == "none"


def test_a_place_is_split_off_only_when_it_is_a_place() -> None:
    places = {"texas", "seattle"}
    intent = parse("nurse vs teacher in Texas", lambda p: p in places)
    assert intent.titles == ("nurse", "teacher") and intent.place == "texas"
    kept = parse("teacher in special education", lambda p: p in places)
    assert kept.titles == ("teacher in special education",) and kept.place is None
    # The last "in": "for bakers in vermont" is not a place, "vermont" is.
    pay = parse("what's the pay like for bakers in vermont", lambda p: p == "vermont")
    assert pay.titles == ("bakers",) and pay.place == "vermont"
    # A place on each side of "vs" is not the whole comparison's.
    each = parse("teacher in seattle vs teacher in texas", lambda p: p in places)
    assert each.place is None


def test_huge_messages_are_capped() -> None:
    intent = parse("nurse vs " + "x" * 100_000)
    assert all(len(t) <= 80 for t in intent.titles)


PLACES = {"texas", "california", "ohio", "florida", "seattle, wa", "austin"}


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        (
            "teacher in Texas vs teacher in California",
            [("teacher", "texas"), ("teacher", "california")],
        ),
        ("nurse pay in Texas vs California", [("nurse", "texas"), ("nurse", "california")]),
        ("electrician: Ohio vs Florida", [("electrician", "ohio"), ("electrician", "florida")]),
        (
            "how much do nurses make in texas or california?",
            [("nurses", "texas"), ("nurses", "california")],
        ),
        (
            "plumber in Seattle, WA vs plumber in Austin",
            [("plumber", "seattle, wa"), ("plumber", "austin")],
        ),
        # no "in": the first side's last words are its place
        ("nurse pay california vs texas", [("nurse", "california"), ("nurse", "texas")]),
        ("electrician ohio or florida", [("electrician", "ohio"), ("electrician", "florida")]),
    ],
)
def test_one_job_in_several_places_is_split_by_place(
    text: str, sides: list[tuple[str, str]]
) -> None:
    assert split_places(text, PLACES.__contains__) == sides


@pytest.mark.parametrize(
    "text",
    [
        "nurse vs teacher in Texas",
        "nurse in texas",
        "texas vs california",
        "nurse in Texas vs nurse in Texas",
        "nurse vs teacher",
        "texas vs california",
        "florida vs teacher",  # the second side is a title: one side has no place
    ],
)
def test_other_questions_are_left_to_the_usual_split(text: str) -> None:
    assert split_places(text, PLACES.__contains__) is None


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Warehouse Associate (Temp-to-Hire)", "warehouse associate (temp-to-hire)"),
        ("(nurse)", "nurse"),
        ("welder)", "welder"),
    ],
)
def test_a_bracket_stays_only_when_it_closes_one_opened_inside(text: str, title: str) -> None:
    assert parse(text).titles == (title,)
