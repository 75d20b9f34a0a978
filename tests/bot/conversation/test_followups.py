"""Reading follow-ups (bot.conversation.followups): what each everyday phrasing asks for.

The place and title checks are stand-ins here, so these tests are about the phrasing only.
"""

from __future__ import annotations

import pytest

from bot.conversation.followups import FollowUp, Measure, Move, is_function_words, recognize
from bot.places import Place, PlaceKind
from bot.replies import View

PLACES = {
    "ohio": Place("3900000", PlaceKind.STATE, "Ohio"),
    "texas": Place("4800000", PlaceKind.STATE, "Texas"),
    "seattle": Place("0042660", PlaceKind.METRO, "Seattle-Tacoma-Bellevue, WA"),
    "nyc": Place("0035620", PlaceKind.METRO, "New York-Newark-Jersey City, NY-NJ"),
}
TITLES = {
    "electricians",
    "plumbers",
    "welders",
    "nurse",
    "teacher",
    "a paralegal",
    "paralegal",
    "the teller",
    "teller",
    "loan officer",
    "a nurse",
    "accountant",
    "accountants",
    "data analyst",
    "nursing",
    "law",
    "cdl",
}


def read(text: str) -> FollowUp | None:
    return recognize(text, lambda name: PLACES.get(name.strip()), lambda t: t.strip() in TITLES)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("what about in Ohio?", "ohio"),
        ("and in texas?", "texas"),
        ("in seattle?", "seattle"),
        ("how about NYC", "nyc"),
        ("wat about ohio", "ohio"),
        ("n in texas?", "texas"),
        ("Ohio?", "ohio"),
        ("same for texas?", "texas"),
        ("the same thing but in ohio", "ohio"),
        ("what about if i moved to seattle", "seattle"),
        ("what if we move out to nyc", "nyc"),
        ("im moving to texas", "texas"),
        ("in texas overall?", "texas"),
    ],
)
def test_another_place(text: str, place: str) -> None:
    assert read(text) == FollowUp(Move.PLACE, place=PLACES[place])


@pytest.mark.parametrize(
    "text", ["nationally?", "what about nationwide", "in the US", "across the country"]
)
def test_back_to_national(text: str) -> None:
    assert read(text) == FollowUp(Move.PLACE, national=True)


def test_the_whole_state_of_a_metro_shown() -> None:
    assert read("and the whole state?") == FollowUp(Move.PLACE, whole_state=True)
    assert read("the whole state of texas") == FollowUp(Move.PLACE, place=PLACES["texas"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("and electricians?", FollowUp(Move.ADD, titles=("electricians",))),
        ("vs plumbers", FollowUp(Move.ADD, titles=("plumbers",), versus=True)),
        ("add welders", FollowUp(Move.ADD, titles=("welders",))),
        ("and for electricians?", FollowUp(Move.ADD, titles=("electricians",))),
        ("same for plumbers", FollowUp(Move.ADD, titles=("plumbers",))),
        ("drop the second", FollowUp(Move.REMOVE, index=1)),
        ("remove teacher", FollowUp(Move.REMOVE, titles=("teacher",))),
        ("just the nurse", FollowUp(Move.ONLY, titles=("nurse",))),
        ("tell me about the second one", FollowUp(Move.ONLY, index=1)),
        ("the 3rd one", FollowUp(Move.ONLY, index=2)),
        ("and the other one?", FollowUp(Move.ONLY, index=-2)),
        ("what about a paralegal instead", FollowUp(Move.REPLACE, titles=("paralegal",))),
        (
            "loan officer instead of the teller",
            FollowUp(Move.REPLACE, titles=("loan officer", "teller")),
        ),
    ],
)
def test_changing_the_set(text: str, expected: FollowUp) -> None:
    assert read(text) == expected


def test_a_title_that_is_not_one_is_not_added() -> None:
    assert read("and blorps?") is None


@pytest.mark.parametrize(
    ("text", "measure"),
    [
        ("which pays more?", Measure.PAY),
        ("who earns more", Measure.PAY),
        ("which one makes more money", Measure.PAY),
        ("which needs less school?", Measure.EDUCATION),
        ("which one takes less training", Measure.EDUCATION),
        ("which is growing faster?", Measure.GROWTH),
        ("which has more jobs?", Measure.JOBS),
        ("which has more openings", Measure.OPENINGS),
        ("which is easier to get into", Measure.EDUCATION),
        ("which one is hiring more", Measure.OPENINGS),
        ("which is better?", Measure.BETTER),
        ("which has better growth", Measure.GROWTH),  # better what: that measure
        ("which one has better pay", Measure.PAY),
    ],
)
def test_questions_about_the_set(text: str, measure: Measure) -> None:
    assert read(text) == FollowUp(Move.ASK, measure=measure)


def test_a_question_about_the_set_somewhere_else() -> None:
    assert read("in texas which pays more") == FollowUp(
        Move.ASK, place=PLACES["texas"], measure=Measure.PAY
    )
    assert read("which pays more in ohio?") == FollowUp(
        Move.ASK, place=PLACES["ohio"], measure=Measure.PAY
    )
    assert read("which needs more school") == FollowUp(
        Move.ASK, measure=Measure.EDUCATION, reverse=True
    )
    # "for me" is the asker, not Maine.
    assert read("which would be better for me?") == FollowUp(Move.ASK, measure=Measure.BETTER)


@pytest.mark.parametrize(
    ("text", "measure"),
    [
        ("which pays less", Measure.PAY),
        ("who makes the least money", Measure.PAY),
        ("which has fewer jobs?", Measure.JOBS),
        ("which is growing slower", Measure.GROWTH),
    ],
)
def test_a_question_the_other_way_round(text: str, measure: Measure) -> None:
    assert read(text) == FollowUp(Move.ASK, measure=measure, reverse=True)


def test_less_of_another_measure_does_not_turn_the_question_round() -> None:
    assert read("which pays more but needs less school") == FollowUp(Move.ASK, measure=Measure.PAY)


@pytest.mark.parametrize(
    ("text", "view"),
    [
        ("skills?", View.SKILLS),
        ("what do they do?", View.DUTIES),
        ("education?", View.EDUCATION),
        ("hourly?", View.SALARY),
        ("what's the outlook", View.OUTLOOK),
        ("who works in it", View.DEMOGRAPHICS),
        ("who does this job? like age and gender", View.DEMOGRAPHICS),
        ("age and gender?", View.DEMOGRAPHICS),
        ("is it male dominated", View.DEMOGRAPHICS),
        ("more like this", View.SIMILAR),
        ("pay?", View.SALARY),
        ("starting pay?", View.SALARY),
        ("what do the top ones make", View.SALARY),
        ("what degree do you need", View.EDUCATION),
        ("what kind of education do they need", View.EDUCATION),
        ("what education is required", View.EDUCATION),
        ("is it mostly women who do it", View.DEMOGRAPHICS),
        ("are they mostly men", View.DEMOGRAPHICS),
        ("what's the job growth", View.OUTLOOK),
        ("how's the job market like", View.OUTLOOK),
        ("what jobs are similar", View.SIMILAR),
        ("jobs like mine", View.SIMILAR),
    ],
)
def test_details(text: str, view: View) -> None:
    assert read(text) == FollowUp(Move.DETAIL, view=view)


def test_a_detail_somewhere_else() -> None:
    assert read("salary in ohio?") == FollowUp(Move.DETAIL, view=View.SALARY, place=PLACES["ohio"])
    assert read("hourly in texas") == FollowUp(Move.DETAIL, view=View.SALARY, place=PLACES["texas"])


def test_the_chart_and_how_to_become_one() -> None:
    assert read("show the chart") == FollowUp(Move.CHART)
    assert read("can you show that as a chart") == FollowUp(Move.CHART)
    assert read("can i see a chart of that") == FollowUp(Move.CHART)
    assert read("show the chart for both") == FollowUp(Move.CHART, both=True)
    assert read("chart it") == FollowUp(Move.CHART)
    assert read("can you graph them") == FollowUp(Move.CHART, both=True)
    assert read("how do I become one?") == FollowUp(Move.HOWTO)
    assert read("how long does it take?") == FollowUp(Move.HOWTO)
    assert read("how to become a nurse") == FollowUp(Move.HOWTO, titles=("nurse",))
    assert read("could i become a nurse") == FollowUp(Move.HOWTO, titles=("nurse",))
    assert read("could he become a nurse") == FollowUp(Move.HOWTO, titles=("nurse",))
    jump = read("could i realistically make the jump to nurse")
    assert jump == FollowUp(Move.HOWTO, titles=("nurse",))
    assert read("how do i move up to nurse") == FollowUp(Move.HOWTO, titles=("nurse",))
    hard = read("how hard would it be to become a nurse")
    assert hard == FollowUp(Move.HOWTO, titles=("nurse",))


def test_what_about_a_job_then_a_question_asks_it_of_that_job() -> None:
    become = read("what about teacher, how would i become one")
    assert become == FollowUp(Move.HOWTO, titles=("teacher",))
    skills = read("and what about accountants, what skills do they need")
    assert skills == FollowUp(Move.DETAIL, view=View.SKILLS, titles=("accountants",))


def test_a_view_of_the_job_shown_said_with_a_pronoun() -> None:
    for text in ("what skills do you need for that", "what skills would i need"):
        assert read(text) == FollowUp(Move.DETAIL, view=View.SKILLS), text


@pytest.mark.parametrize(
    "text",
    [
        "how long is school",
        "how long does the apprenticeship take",
        "do i need a phd",
        "do you need a license for it",
    ],
)
def test_how_long_and_what_credential_ask_how_to_become_one(text: str) -> None:
    assert read(text) == FollowUp(Move.HOWTO)


def test_how_long_a_named_jobs_school_takes() -> None:
    assert read("how long does law school take") == FollowUp(Move.HOWTO, titles=("law",))
    assert read("cdl how long") == FollowUp(Move.HOWTO, titles=("cdl",))


def test_pay_somewhere_else_is_the_salary_view_there() -> None:
    assert read("pay in ohio") == FollowUp(Move.DETAIL, view=View.SALARY, place=PLACES["ohio"])


def test_how_to_switch_between_the_jobs_shown() -> None:
    assert read("how do i switch to the first one") == FollowUp(Move.SWITCH, index=0)
    assert read("how do i switch to that") == FollowUp(Move.SWITCH)  # the one shown
    assert read("how do i switch from the first to the second") == FollowUp(
        Move.SWITCH, index=1, origin=0
    )


def test_pay_again_maybe_elsewhere() -> None:
    assert read("how much do they make?") == FollowUp(Move.SUMMARY)
    assert read("and how much do they make in ohio") == FollowUp(Move.SUMMARY, place=PLACES["ohio"])


@pytest.mark.parametrize("text", ["nurse vs teacher", "electrician", "is nursing worth it"])
def test_new_questions_are_not_follow_ups(text: str) -> None:
    assert read(text) is None


def test_fragments_are_only_function_words() -> None:
    assert all(is_function_words(t) for t in ["what about", "and?", "vs", "the second one", "idk"])
    assert not is_function_words("and electricians?")


def test_the_difference_between_them_is_the_comparison_again() -> None:
    for text in ("whats the difference in pay", "what's the difference pay wise"):
        assert read(text) == FollowUp(Move.SUMMARY), text
    ohio = FollowUp(Move.SUMMARY, place=PLACES["ohio"])
    assert read("how do they compare in ohio") == ohio


def test_is_the_pay_good_is_the_summary_again() -> None:
    for text in ("do they make a lot", "does it pay well", "is the pay good"):
        assert read(text) == FollowUp(Move.SUMMARY), text


def test_a_detail_of_a_job_named_in_the_question() -> None:
    assert read("what skills do i need to be a nurse") == FollowUp(
        Move.DETAIL, view=View.SKILLS, titles=("nurse",)
    )
    assert read("what does a nurse do on a daily basis") == FollowUp(
        Move.DETAIL, view=View.DUTIES, titles=("nurse",)
    )
    # Where the job is done, and what a day of it is like, still ask what the job is.
    for text in (
        "what does a nurse do at a hospital",
        "what's a normal day like for a nurse",
        "what's a typical day for a nurse",
    ):
        assert read(text) == FollowUp(Move.DETAIL, view=View.DUTIES, titles=("nurse",)), text


@pytest.mark.parametrize(
    ("text", "view"),
    [
        ("what's the job growth for accountants", View.OUTLOOK),
        ("how's the job market for accountants", View.OUTLOOK),
        ("accountants outlook", View.OUTLOOK),
        ("are most accountants women", View.DEMOGRAPHICS),
        ("are there many women electricians", View.DEMOGRAPHICS),
        ("how many plumbers are women", View.DEMOGRAPHICS),
        ("is nursing mostly women", View.DEMOGRAPHICS),
        ("what's the gender split for accountants", View.DEMOGRAPHICS),
        ("accountants demographics", View.DEMOGRAPHICS),
        ("data analyst skills", View.SKILLS),
        ("electricians duties", View.DUTIES),
        ("nurse education", View.EDUCATION),
        ("what jobs are kinda like being a nurse", View.SIMILAR),
        ("careers similar to nursing", View.SIMILAR),
    ],
)
def test_a_view_asked_about_a_job_it_names(text: str, view: View) -> None:
    found = read(text)
    assert found is not None and found.move is Move.DETAIL and found.view is view, text
    assert len(found.titles) == 1 and found.titles[0] in TITLES


def test_a_view_word_after_no_job_is_no_view_of_one() -> None:
    assert read("soft skills") is None  # "soft" names no job


def test_how_to_become_one_of_the_set_and_more_ways_to_ask() -> None:
    assert read("how do i become the second one") == FollowUp(Move.HOWTO, index=1)
    assert read("is it hard to get into") == FollowUp(Move.HOWTO)
    assert read("what skills would i need") == FollowUp(Move.DETAIL, view=View.SKILLS)
    assert read("whats the pay like") == FollowUp(Move.SUMMARY)


def test_the_tools_of_a_job_are_its_skills_view() -> None:
    """The skills view lists the job's technology (O*NET Technology Skills)."""
    assert read("what software do accountants use") == FollowUp(
        Move.DETAIL, view=View.SKILLS, titles=("accountants",)
    )
    assert read("what tools do they use") == FollowUp(Move.DETAIL, view=View.SKILLS)
    assert read("what skills does a data analyst need") == FollowUp(
        Move.DETAIL, view=View.SKILLS, titles=("data analyst",)
    )


def test_is_that_good_pay_is_the_summary_again() -> None:
    assert read("is that good pay") == FollowUp(Move.SUMMARY)


def test_more_ways_to_ask_about_the_set_or_the_job_shown() -> None:
    assert read("ok but which one would you pick") == FollowUp(Move.ASK, measure=Measure.BETTER)
    assert read("how would she get started") == FollowUp(Move.HOWTO)
    assert read("what degree do you need for that") == FollowUp(Move.HOWTO)
    assert read("what about if he moved to ohio") == FollowUp(Move.PLACE, place=PLACES["ohio"])
    assert read("in the states?") == FollowUp(Move.PLACE, national=True)
    assert read("do nurse need a license") == FollowUp(Move.HOWTO, titles=("nurse",))
    switch = read("ok how would i go from what i do now to teacher")
    assert switch == FollowUp(Move.SWITCH, titles=("teacher",))


def test_what_about_a_job_is_said_apart_from_and_a_job() -> None:
    """ "what about X" asks the same of X; "and X?" adds X (the dialogue decides per answer)."""
    assert read("what about teacher") == FollowUp(
        Move.ADD, titles=("teacher",), instead_of_one=True
    )
    assert read("and teacher?") == FollowUp(Move.ADD, titles=("teacher",))
