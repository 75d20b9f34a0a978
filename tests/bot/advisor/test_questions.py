"""The recogniser: which messages are advisor questions and what they ask, in people's words.

Phrasings here are written for these tests (not taken from bench/eval/advisor.jsonl), so the
evaluation set stays a check of the general rules.
"""

from __future__ import annotations

from typing import Any

import pytest

from bot.advisor.filters import Education, Measure
from bot.advisor.questions import PREVIOUS, Ask, recognise
from bot.places import Place, PlaceKind

PLACES = {
    "texas": Place("4800000", PlaceKind.STATE, "Texas"),
    "tx": Place("4800000", PlaceKind.STATE, "Texas"),
    "ohio": Place("3900000", PlaceKind.STATE, "Ohio"),
    "georgia": Place("1300000", PlaceKind.STATE, "Georgia"),
    "denver": Place("0019740", PlaceKind.METRO, "Denver-Aurora-Centennial, CO"),
    "boston": Place("0014460", PlaceKind.METRO, "Boston-Cambridge-Newton, MA-NH"),
}
TOOLS = {"excel", "python", "autocad", "photoshop", "sap", "microsoft word"}


def ask(text: str) -> Any:
    return recognise(text, PLACES.get, lambda tool: tool in TOOLS)


@pytest.mark.parametrize(
    ("text", "measure", "filters", "place"),
    [
        ("top paying careers", Measure.ANNUAL, {}, None),
        ("what are the best paid jobs in georgia", Measure.ANNUAL, {}, "Georgia"),
        ("jobs that pay the most without going to college", Measure.ANNUAL,
         {"education_max": "postsecondary_nondegree"}, None),
        ("highest paying entry level jobs", Measure.ANNUAL, {"experience": "none"}, None),
        ("fastest-growing careers in tech", Measure.GROWTH, {"field": ["15"]}, None),
        ("what construction jobs are growing fastest", Measure.GROWTH, {"field": ["47"]}, None),
        ("jobs in the medical field with the most openings", Measure.OPENINGS,
         {"field": ["29", "31"]}, None),
        ("most common careers in ohio", Measure.EMPLOYMENT, {}, "Ohio"),
        ("best jobs paying over 60k for high school grads", Measure.ANNUAL,
         {"min_pay": 60000, "education_max": "high_school"}, None),
        ("good jobs over $30 an hour", Measure.HOURLY, {"min_hourly": 30.0}, None),
        ("jobs making six figures without a degree", Measure.ANNUAL,
         {"min_pay": 100000, "education_max": "postsecondary_nondegree"}, None),
        ("best paying jobs that need a phd", Measure.ANNUAL, {"education": "doctoral"}, None),
        ("highest paying jobs in denver with an associates degree", Measure.ANNUAL,
         {"education": "associate"}, "Denver-Aurora-Centennial, CO"),
        ("best paying office jobs", Measure.ANNUAL, {"field": ["43"]}, None),
        ("best paying farm jobs", Measure.ANNUAL, {"field": ["45"]}, None),
        ("which police or security type jobs pay the most", Measure.ANNUAL, {"field": ["33"]},
         None),
        ("best paying personal care and service jobs", Measure.ANNUAL, {"field": ["39"]}, None),
        ("which sales jobs pay the most", Measure.ANNUAL, {"field": ["41"]}, None),
        ("careers like nursing that need less schooling", None, {"less_school": True}, None),
    ],
)  # fmt: skip
def test_rankings(
    text: str, measure: Measure | None, filters: dict[str, Any], place: str | None
) -> None:
    q = ask(text)
    assert q is not None and q.ask == Ask.RANK, text
    assert q.measure == measure
    assert q.filters.json() == filters
    assert (q.place.name if q.place else None) == place


def test_similar_to_keeps_the_title_and_less_school() -> None:
    q = ask("jobs similar to a paramedic but with less training")
    assert q.ask == Ask.RANK and q.title == "paramedic" and q.filters.less_school


@pytest.mark.parametrize(
    ("text", "title", "place"),
    [
        ("how can i become a firefighter", "firefighter", None),
        ("how to become an electrician in ohio", "electrician", "Ohio"),
        ("how long would it take to become a nurse", "nurse", None),
        ("what does one need to become a chef", "chef", None),
        ("steps for becoming a social worker", "social worker", None),
        ("what degree do i need to become a veterinarian", "veterinarian", None),
        ("requirements to be a police officer", "police officer", None),
        ("how do i get started as a plumber", "plumber", None),
        ("how do you become one?", PREVIOUS, None),
        ("how long is the training for a paramedic", "paramedic", None),
        ("how hard is it to become a lawyer", "lawyer", None),
        ("what training is required to become a pilot", "pilot", None),
        ("what's needed to become a midwife", "midwife", None),
        ("can i be a paramedic without a degree", "paramedic", None),
        ("do you need a license to be an electrician", "electrician", None),
        ("do locksmiths need a license", "locksmiths", None),
        ("does a dental assistant need a certification", "dental assistant", None),
        ("is a degree required to become a firefighter", "firefighter", None),
    ],
)
def test_how_to_become(text: str, title: str, place: str | None) -> None:
    q = ask(text)
    assert q is not None and q.ask == Ask.HOWTO, text
    assert q.title == title
    assert (q.place.name if q.place else None) == place


@pytest.mark.parametrize(
    ("text", "title", "metros", "within"),
    [
        ("where do nurses get paid the most", "nurses", False, None),
        ("which states pay teachers best", "teachers", False, None),
        ("best metro areas for software developers", "software developers", True, None),
        ("top paying cities in ohio for plumbers", "plumbers", True, "Ohio"),
        ("where can electricians earn the most in texas", "electricians", True, "Texas"),
        ("what are the best states to be a dental hygienist", "dental hygienist", False, None),
        ("where do they earn the most", PREVIOUS, False, None),
        ("where's the best place to work as a chef", "chef", False, None),
        ("which cities pay the most for pharmacists", "pharmacists", True, None),
        ("best states for plumbers to work in", "plumbers", False, None),
        ("where could i relocate to work as a welder", "welder", False, None),
        ("where in texas do RNs get paid the most", "rns", True, "Texas"),
    ],
)
def test_where_to_go(text: str, title: str, metros: bool, within: str | None) -> None:
    q = ask(text)
    assert q is not None and q.ask == Ask.PLACES, text
    assert (q.title, q.metros, q.within.name if q.within else None) == (title, metros, within)


@pytest.mark.parametrize(
    ("text", "title", "pay", "hourly", "place"),
    [
        ("i'm a cashier making $15/hr, is that good", "cashier", 15, True, None),
        ("is $62,500 a fair salary for a paralegal in texas", "paralegal", 62500, False, "Texas"),
        ("plumber in boston earning 41 an hour, good?", "plumber", 41, True,
         "Boston-Cambridge-Newton, MA-NH"),
        ("am i underpaid? i make 58k as a teacher in georgia", "teacher", 58000, False, "Georgia"),
        ("my pay is 130k as a software engineer, is that normal", "software engineer", 130000,
         False, None),
        ("is 120k a good salary for that in denver", PREVIOUS, 120000, False,
         "Denver-Aurora-Centennial, CO"),
        ("is $25 an hour good", PREVIOUS, 25, True, None),  # the job the conversation is about
        ("my sister's a barber in ohio and says she makes 40k, is that normal", "barber", 40000,
         False, "Ohio"),  # someone else's pay, read as theirs
    ],
)  # fmt: skip
def test_pay_position(text: str, title: str, pay: float, hourly: bool, place: str | None) -> None:
    q = ask(text)
    assert q is not None and q.ask == Ask.PAY, text
    assert (q.title, q.pay, q.hourly) == (title, pay, hourly)
    assert (q.place.name if q.place else None) == place


@pytest.mark.parametrize(
    ("text", "tool"),
    [
        ("what jobs use autocad", "autocad"),
        ("careers that use photoshop", "photoshop"),
        ("jobs where you use excel every day", "excel"),
        ("who works with sap", "sap"),
        ("which occupations require microsoft word", "microsoft word"),
        ("careers for people who know python", "python"),
        ("i'm pretty good with autocad, what kind of jobs need it", "autocad"),
        ("careers where you would use photoshop every day", "photoshop"),
        ("what jobs use excel other than accounting", "excel"),
    ],
)
def test_tools(text: str, tool: str) -> None:
    q = ask(text)
    assert q is not None and q.ask == Ask.TOOLS and q.tool == tool


def test_a_tool_the_index_does_not_know_is_not_a_tools_question() -> None:
    q = ask("jobs with the best pay")
    assert q is not None and q.ask == Ask.RANK


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("is nursing a good career choice", "nursing"),
        ("are electricians still in demand", "electricians"),
        ("is being a pharmacist worth it anymore", "pharmacist"),
        ("will ai replace accountants", "accountants"),
        ("what's the job outlook for welders", "welders"),
        ("is truck driving a dying career", "truck driving"),
        ("is it worth it?", PREVIOUS),
        ("is it worth becoming a paralegal", "paralegal"),
        ("will cashiers be replaced by robots", "cashiers"),
        ("can ai replace radiologists", "radiologists"),
        ("is there a future in being a travel agent", "travel agent"),
        ("is there still money in trucking", "trucking"),
        ("is there a future in it", PREVIOUS),
        ("is being a cop worth the stress", "cop"),
        ("is a dental hygienist a good job for a woman", "dental hygienist"),
        ("are plumbers in demand in florida", "plumbers"),
        ("is that job dying out", PREVIOUS),
        ("are travel agents going extinct", "travel agents"),
        ("is it worth getting certified as a medical coder", "medical coder"),
        ("is there a future in bookbinding or is it all machines now", "bookbinding"),
        ("is proofreading still a good job or will ai do it", "proofreading"),
        ("will court stenographers still exist in 20 years", "court stenographers"),
        ("is there going to be demand for it when i finish school", PREVIOUS),
    ],
)
def test_prospects(text: str, title: str) -> None:
    q = ask(text)
    assert q is not None and q.ask == Ask.PROSPECTS and q.title == title


@pytest.mark.parametrize(
    "text",
    [
        "which career suits me best",
        "career test please",
        "what's a good job for me",
        "no idea what to do with my life, i don't know what career to pick",
        "help me choose a career",
        "what jobs would be good for me",
        "what should i do for a living",
        "which jobs match my personality",
        "not sure what career to go for",
        "what career should i pursue",
        "can u give me one of those interest tests",
        "graduating in may and have no clue what im into",
        "what type of work suits a homebody who likes puzzles",
        "i love baking and fixing bikes what jobs would fit",
    ],
)
def test_quiz(text: str) -> None:
    q = ask(text)
    assert q is not None and q.ask == Ask.QUIZ


@pytest.mark.parametrize(
    "text",
    [
        "nurse vs teacher",
        "electrician",
        "plumber in texas",
        "what do dental hygienists make?",
        "how much do electricians make in ohio",
        "compare accountants and bookkeepers",
        "switch from cashier to accountant",
        "thanks",
        "hi",
        "best pizza in ohio",
        "the fastest car ever",
        "should i become a nurse or a teacher",
        "is a nurse paid more than a teacher",
        "",
        "1234",
    ],
)
def test_comparisons_titles_and_chit_chat_are_left_alone(text: str) -> None:
    assert ask(text) is None


@pytest.mark.parametrize(
    ("text", "measure", "place", "national"),
    [
        ("what about in texas?", None, "Texas", False),
        ("and in ohio", None, "Ohio", False),
        ("nationally?", None, None, True),
        ("and which ones are growing fastest", Measure.GROWTH, None, False),
        ("only the ones that need a bachelors", None, None, False),
    ],
)
def test_follow_ups_on_a_ranking(
    text: str, measure: Measure | None, place: str | None, national: bool
) -> None:
    q = ask(text)
    assert q is not None and q.ask == Ask.RANK and q.follow_up, text
    assert q.measure == measure
    assert (q.place.name if q.place else None) == place
    assert q.national == national


def test_a_bachelors_follow_up_filters_exactly() -> None:
    assert ask("only the ones that need a bachelors").filters.education == Education.BACHELOR


def test_what_the_data_cannot_filter_by_is_kept_to_be_said() -> None:
    q = ask("highest paying part-time jobs without a degree")
    assert q.ask == Ask.RANK and q.unsupported == ("part-time",)
    assert q.filters.json() == {"education_max": "postsecondary_nondegree"}


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("what kind of degree do you need to be a pharmacist", "pharmacist"),
        ("how many years of school for a physical therapist", "physical therapist"),
        ("im 30 is it too late to become a doctor", "doctor"),
        ("is it hard to become a firefighter", "firefighter"),
        ("how long is electrician apprenticeship", "electrician"),
        ("how hard is nursing school", "nursing"),
        ("how competitive is it to become a physical therapist", "physical therapist"),
        ("how do i get a job as a flight attendant", "flight attendant"),
        ("does she need a separate license to be a nail tech", "nail tech"),
        ("how do you get licensed as a barber", "barber"),
        ("what would my son need to do to become an electrician", "electrician"),
        ("how would he get started in that", PREVIOUS),
        ("how would she get started", PREVIOUS),  # the job the conversation is about
    ],
)
def test_what_it_takes_in_more_words(text: str, title: str) -> None:
    q = ask(text)
    assert q is not None and q.ask == Ask.HOWTO and q.title == title


def test_an_age_is_no_pay() -> None:
    """ "im 30" is years; "$30" or "30 an hour" would be pay."""
    q = ask("im 30 is it too late to become a doctor")
    assert q is not None and q.ask != Ask.PAY
    pay = ask("im at 30 an hour as a cna is that fair")
    assert pay is not None and pay.ask == Ask.PAY and pay.pay == 30.0


@pytest.mark.parametrize(
    ("text", "measure"),
    [
        ("top 10 jobs in texas", Measure.ANNUAL),  # "top" alone: as "best jobs", by pay
        ("top jobs", Measure.ANNUAL),
        ("best careers for the future", Measure.GROWTH),
        ("future proof jobs without a degree", Measure.GROWTH),
    ],
)
def test_top_and_future_are_measures(text: str, measure: Measure) -> None:
    question = ask(text)
    assert question.ask == Ask.RANK and question.measure == measure


@pytest.mark.parametrize(
    ("text", "hourly", "annual"),
    [("what about 25 an hour", 25.0, None), ("and $80k?", None, 80_000)],
)
def test_a_pay_floor_said_alone_after_a_ranking(
    text: str, hourly: float | None, annual: int | None
) -> None:
    question = ask(text)
    assert question.ask == Ask.RANK and question.follow_up
    assert question.filters.min_hourly == hourly and question.filters.min_pay == annual


@pytest.mark.parametrize("text", ["page 2", "what about 25", "top 10"])
def test_a_bare_number_is_no_pay_floor(text: str) -> None:
    question = ask(text)
    assert question is None or (
        question.filters.min_hourly is None and question.filters.min_pay is None
    )


def test_without_four_years_of_school_is_at_most_an_associate_degree() -> None:
    question = ask("something in healthcare that pays well without 4 years of school")
    assert question.ask == Ask.RANK and question.filters.education_max == Education.ASSOCIATE
