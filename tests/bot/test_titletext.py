"""Taking a title apart: what names the occupation, what is rank, schedule, code or hint."""

from __future__ import annotations

import pytest

from bot.titletext import analyse, asked_as, head_noun, of_inverted, strip_ranks


@pytest.mark.parametrize(
    "text, kept",
    [
        ("CDL-A Truck Driver req #4411", "CDL-A Truck Driver"),
        ("Welder - Job ID: 77812", "Welder"),
        ("Cook #5521", "Cook"),
        ("Warehouse Associate ($18/hr)", "Warehouse Associate"),
        ("RN - $10K Sign-On Bonus", "RN"),
        ("Machinist Class A", "Machinist Class A"),
        ("Sr. Accountant (Seasonal)", "Sr. Accountant (Seasonal)"),
        ("Dishwasher, $16hr", "Dishwasher"),  # pay with no "/"
    ],
)
def test_what_was_asked_loses_only_pure_noise(text: str, kept: str) -> None:
    """Requisition numbers and pay are dropped; rank, grade and schedule stay as written."""
    assert asked_as(text) == kept


@pytest.mark.parametrize(
    "text, core",
    [
        ("Machinist Class A", ("machinist",)),
        ("Electrician Level II", ("electrician",)),
        ("Accountant III", ("accountant",)),
        ("Engineer 2", ("engineer",)),
        ("Janitor - Night Shift", ("janitor",)),
        ("Prep Cook (Part-Time)", ("prep", "cook")),
        ("Remote Customer Service Representative", ("customer", "service", "representative")),
        ("Bartender - Weekends", ("bartender",)),
        ("QA Tester (Contract to Hire)", ("qa", "tester")),
        ("Line Cook needed ASAP", ("line", "cook")),
        ("Paraprofessional (2026-27 School Year)", ("paraprofessional",)),
    ],
)
def test_grades_levels_and_schedule_are_not_the_occupation(
    text: str, core: tuple[str, ...]
) -> None:
    assert analyse(text).core == core


def test_department_after_a_dash_and_brackets_are_hints() -> None:
    title = analyse("Registered Nurse - ICU (Nights)")
    assert title.core == ("registered", "nurse")
    assert title.qualifiers == ("icu",)
    assert title.inner == ()  # "(Nights)" is schedule only


def test_an_abbreviation_in_brackets_is_kept_for_lookup() -> None:
    assert analyse("Chief Financial Officer (CFO)").inner == (("cfo",),)


@pytest.mark.parametrize(
    "text, inverted",
    [
        ("Operator, Forklift", ("forklift", "operator")),
        ("Clerk, Payroll", ("payroll", "clerk")),
        ("Supervisor, Paving Crew", ("paving", "crew", "supervisor")),
    ],
)
def test_employers_inverted_titles_are_turned_round(text: str, inverted: tuple[str, ...]) -> None:
    assert analyse(text).inverted == inverted


def test_a_title_without_a_comma_has_no_inverted_reading() -> None:
    assert analyse("Forklift Operator").inverted is None


@pytest.mark.parametrize(
    "words, turned",
    [
        (("director", "of", "nursing"), ("nursing", "director")),
        (("professor", "of", "economics"), ("economics", "professor")),
        (("supervisor", "of", "paving", "crew"), ("paving", "crew", "supervisor")),
    ],
)
def test_x_of_y_is_read_as_y_x(words: tuple[str, ...], turned: tuple[str, ...]) -> None:
    assert of_inverted(words) == turned


def test_long_official_of_titles_are_left_as_written() -> None:
    words = ("first", "line", "supervisor", "of", "office", "worker")
    assert of_inverted(words) is None
    assert head_noun(words) == "supervisor"


def test_academic_ranks_are_dropped_before_a_teaching_title() -> None:
    assert analyse("Assistant Professor of Economics").core == ("professor", "of", "economics")
    assert analyse("Visiting Lecturer - Philosophy").core == ("lecturer",)


@pytest.mark.parametrize(
    "text", ["HVAC Apprentice", "Psychiatry Resident", "Postdoctoral Fellow", "Accounting Intern"]
)
def test_trainee_forms_are_recognised(text: str) -> None:
    assert analyse(text).trainee


def test_rank_words_are_stripped_but_never_the_head_noun() -> None:
    assert strip_ranks(("senior", "staff", "accountant")) == ("accountant",)
    assert strip_ranks(("sales", "associate")) == ("sales", "associate")
    assert strip_ranks(("medical", "assistant")) == ("medical", "assistant")
    assert strip_ranks(("principal",)) == ("principal",)  # nothing else to keep


def test_words_as_written_are_kept_for_titles_that_look_like_noise() -> None:
    """'Remote Sensing Technicians' is an occupation although 'remote' is usually noise."""
    title = analyse("Remote Sensing Technicians")
    assert title.core == ("sensing", "technician")
    assert title.raw[0] == ("remote", "sensing", "technician")


@pytest.mark.parametrize(
    "text, core",
    [
        ("Head of Marketing", ("director", "of", "marketing")),
        ("Warehouse Lead - 2nd Shift", ("warehouse", "supervisor")),
        ("Lead Machinist", ("lead", "machinist")),  # a leading "Lead" is rank, kept as written
    ],
)
def test_head_of_directs_and_a_trailing_lead_supervises(text: str, core: tuple[str, ...]) -> None:
    assert analyse(text).core == core


def test_slang_for_whoever_does_the_work_leaves_the_work_word() -> None:
    assert analyse("the cable guy").core == ("the", "cable")
    assert analyse("lunch lady").core == ("lunch",)


@pytest.mark.parametrize(
    "text, implied, sentence",
    [
        ("cable guy", True, False),
        ("cable guy, night shift", True, False),
        ("psychiatry resident", True, False),
        ("i got fired", False, True),
        ("I'm bored", False, True),
        ("it support", False, False),
        ("welder", False, False),
        ("medical assistant", False, False),
    ],
)
def test_a_worker_implied_by_slang_or_training_and_sentences_about_someone(
    text: str, implied: bool, sentence: bool
) -> None:
    """The field words of "cable guy" name the job; "i got fired" is a sentence, not a title."""
    query = analyse(text)
    assert (query.worker_implied, query.sentence) == (implied, sentence)


@pytest.mark.parametrize(
    "text",
    ["Delivery Driver $20-25/hour", "Sales Rep $60k + commission", "Driver - $1,500/week"],
)
def test_pay_ranges_and_their_extras_are_no_part_of_the_title(text: str) -> None:
    kept = asked_as(text)
    assert "$" not in kept and not any(ch.isdigit() for ch in kept), kept
    assert "commission" not in kept
