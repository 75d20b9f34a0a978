"""What a follow-up asks for (bot.conversation.dialogue): the next context, from the last."""

from __future__ import annotations

from bot.conversation.context import Context
from bot.conversation.dialogue import Nothing, Unsure, next_context
from bot.conversation.followups import FollowUp, Measure, Move
from bot.places import Place, PlaceKind
from bot.replies import ReplyKind, View
from bot.resolver import Candidate, Resolution, Status

OHIO = Place("3900000", PlaceKind.STATE, "Ohio")
SEATTLE = Place("0042660", PlaceKind.METRO, "Seattle-Tacoma-Bellevue, WA")
NURSE, TEACHER, ELECTRICIAN, PLUMBER = "29-1141.00", "25-2021.00", "47-2111.00", "47-2152.00"
KNOWN = {"electricians": ELECTRICIAN, "plumbers": PLUMBER, "nurse": NURSE, "teacher": TEACHER}
COMPARE = Context(ReplyKind.COMPARE, (NURSE, TEACHER), ("nurse", "teacher"))


def resolve(text: str) -> Resolution:
    if text == "plumber-ish":
        return Resolution(text, Status.AMBIGUOUS, (Candidate(PLUMBER, "Plumbers", text, 70.0),))
    code = KNOWN.get(text)
    if code is None:
        return Resolution(text, Status.UNKNOWN)
    return Resolution(text, Status.MATCHED, (Candidate(code, text, text, 100.0),))


def step(move: FollowUp, ctx: Context = COMPARE) -> object:
    return next_context(
        move, ctx, resolve, lambda area: "5300000" if area == SEATTLE.code else None
    )


def test_another_place_keeps_the_answer_and_changes_only_the_place() -> None:
    assert step(FollowUp(Move.PLACE, place=OHIO)) == COMPARE.with_(area=OHIO.code)
    salary = COMPARE.with_(kind=ReplyKind.DETAIL, view=View.SALARY, area=OHIO.code)
    assert step(FollowUp(Move.PLACE, national=True), salary) == salary.with_(area=None)
    metro = COMPARE.with_(area=SEATTLE.code)
    assert step(FollowUp(Move.PLACE, whole_state=True), metro) == COMPARE.with_(area="5300000")
    assert isinstance(step(FollowUp(Move.PLACE, whole_state=True)), Nothing)


def test_after_a_pay_question_a_place_asks_it_again_there_but_not_after_growth() -> None:
    pay = COMPARE.with_(kind=ReplyKind.FACT, measure="pay")
    assert step(FollowUp(Move.PLACE, place=OHIO), pay) == pay.with_(area=OHIO.code)
    growth = COMPARE.with_(kind=ReplyKind.FACT, measure="growth")
    assert step(FollowUp(Move.PLACE, place=OHIO), growth) == COMPARE.with_(area=OHIO.code)
    # National figures either way round: "more school" and "fewer openings" are too.
    for national in ("education+", "openings-"):
        fact = COMPARE.with_(kind=ReplyKind.FACT, measure=national)
        assert step(FollowUp(Move.PLACE, place=OHIO), fact) == COMPARE.with_(area=OHIO.code)


def test_the_set_grows_shrinks_and_narrows() -> None:
    added = step(FollowUp(Move.ADD, titles=("electricians",)))
    assert added == COMPARE.with_(
        codes=(NURSE, TEACHER, ELECTRICIAN), asked=("nurse", "teacher", "electricians")
    )
    dropped = step(FollowUp(Move.REMOVE, index=1))
    assert dropped == Context(ReplyKind.PROFILE, (NURSE,), ("nurse",))
    only = step(FollowUp(Move.ONLY, titles=("teacher",)))
    assert only == Context(ReplyKind.PROFILE, (TEACHER,), ("teacher",), listed=(NURSE, TEACHER))
    other = step(FollowUp(Move.ONLY, index=-2), only)
    assert isinstance(other, Context) and other.codes == (NURSE,)
    replaced = step(FollowUp(Move.REPLACE, titles=("plumbers", "nurse")))
    assert isinstance(replaced, Context) and replaced.codes == (PLUMBER, TEACHER)


def test_an_unsure_title_in_a_follow_up_keeps_the_others_for_the_did_you_mean() -> None:
    unsure = step(FollowUp(Move.ADD, titles=("plumber-ish",)))
    assert isinstance(unsure, Unsure) and unsure.keep == (NURSE, TEACHER) and unsure.position == 2
    assert isinstance(step(FollowUp(Move.ADD, titles=("blorp",))), Nothing)


def test_questions_about_the_set_need_two() -> None:
    fact = step(FollowUp(Move.ASK, measure=Measure.EDUCATION, reverse=True, place=OHIO))
    assert fact == COMPARE.with_(kind=ReplyKind.FACT, measure="education+", area=OHIO.code)
    less = step(FollowUp(Move.ASK, measure=Measure.PAY, reverse=True))
    assert isinstance(less, Context) and less.measure == "pay-"
    one = Context(ReplyKind.PROFILE, (NURSE,), ("nurse",))
    assert isinstance(step(FollowUp(Move.ASK, measure=Measure.PAY), one), Nothing)


def test_how_to_become_it_and_how_to_switch() -> None:
    one = Context(ReplyKind.PROFILE, (NURSE,), ("nurse",))
    assert step(FollowUp(Move.HOWTO), one) == one.with_(kind=ReplyKind.HOWTO)
    assert isinstance(step(FollowUp(Move.HOWTO)), Nothing)  # which of the two?
    mine = COMPARE.with_(current=ELECTRICIAN)
    switch = step(FollowUp(Move.SWITCH, index=0), mine)
    assert isinstance(switch, Context) and switch.kind == ReplyKind.SWITCH
    assert switch.codes == (ELECTRICIAN, NURSE)
    # "I'm an electrician, how do I become a nurse?": a switch, not a how-to.
    asked = step(
        FollowUp(Move.HOWTO, titles=("nurse",)), Context(ReplyKind.NONE, current=ELECTRICIAN)
    )
    assert isinstance(asked, Context) and asked.kind == ReplyKind.SWITCH


def test_nothing_to_follow_up_on() -> None:
    empty = Context(ReplyKind.NONE)
    for move in (FollowUp(Move.PLACE, place=OHIO), FollowUp(Move.DETAIL, view=View.SKILLS)):
        assert isinstance(step(move, empty), Nothing)


def test_a_context_survives_its_own_json() -> None:
    full = COMPARE.with_(
        area=OHIO.code, view="salary", measure="pay", current=PLUMBER, listed=(PLUMBER,)
    )
    assert Context.loads(full.dumps()) == full
    assert Context.loads("not json") is None and Context.loads('{"x": 1}') is None


def test_after_how_to_become_one_and_x_asks_it_again_but_vs_x_compares() -> None:
    howto = Context(ReplyKind.HOWTO, (NURSE,), ("nurse",))
    again = step(FollowUp(Move.ADD, titles=("electricians",)), howto)
    assert isinstance(again, Context) and again.kind == ReplyKind.HOWTO
    assert again.codes == (ELECTRICIAN,)
    versus = step(FollowUp(Move.ADD, titles=("electricians",), versus=True), howto)
    assert isinstance(versus, Context) and versus.kind == ReplyKind.COMPARE
    assert versus.codes == (NURSE, ELECTRICIAN)


def test_after_a_switch_and_x_switches_to_x_from_the_same_job() -> None:
    switch = Context(ReplyKind.SWITCH, (PLUMBER, NURSE), ("plumber", "nurse"), current=PLUMBER)
    again = step(FollowUp(Move.ADD, titles=("teacher",)), switch)
    assert isinstance(again, Context) and again.kind == ReplyKind.SWITCH
    assert again.codes == (PLUMBER, TEACHER)
    versus = step(FollowUp(Move.ADD, titles=("teacher",), versus=True), switch)
    assert isinstance(versus, Context) and versus.kind == ReplyKind.COMPARE


def test_a_place_after_a_national_view_is_the_sets_pay_and_jobs_there() -> None:
    skills = COMPARE.with_(kind=ReplyKind.DETAIL, view=View.SKILLS)
    assert step(FollowUp(Move.PLACE, place=OHIO), skills) == COMPARE.with_(area=OHIO.code)
    salary = COMPARE.with_(kind=ReplyKind.DETAIL, view=View.SALARY)
    assert step(FollowUp(Move.PLACE, place=OHIO), salary) == salary.with_(area=OHIO.code)


def test_a_question_after_two_how_tos_is_about_the_two() -> None:
    """ "how do I become a nurse?", "and a teacher?", "which pays more?"."""
    howto = Context(ReplyKind.HOWTO, (TEACHER,), ("teacher",), listed=(NURSE, TEACHER))
    asked = step(FollowUp(Move.ASK, measure=Measure.PAY), howto)
    assert isinstance(asked, Context) and asked.kind == ReplyKind.FACT
    assert asked.codes == (NURSE, TEACHER)
    alone = Context(ReplyKind.HOWTO, (TEACHER,), ("teacher",))
    assert isinstance(step(FollowUp(Move.ASK, measure=Measure.PAY), alone), Nothing)


def test_an_unsure_fifth_title_is_too_many_not_a_did_you_mean() -> None:
    """A did-you-mean's buttons carry the set kept and the candidate: four at most."""
    four = Context(ReplyKind.COMPARE, (NURSE, TEACHER, ELECTRICIAN, PLUMBER), ("",) * 4)
    assert step(FollowUp(Move.ADD, titles=("plumber-ish",)), four) == Nothing("too many")


def test_a_detail_asked_somewhere_else_moves_there() -> None:
    salary = step(FollowUp(Move.DETAIL, view=View.SALARY, place=OHIO))
    assert salary == COMPARE.with_(kind=ReplyKind.DETAIL, view=View.SALARY, area=OHIO.code)


def test_how_to_become_the_second_of_two() -> None:
    second = step(FollowUp(Move.HOWTO, index=1))
    assert isinstance(second, Context) and second.kind == ReplyKind.HOWTO
    assert second.codes == (TEACHER,)
    assert isinstance(step(FollowUp(Move.HOWTO, index=5)), Nothing)


def test_what_about_x_after_one_job_asks_the_same_of_x_but_adds_to_a_set() -> None:
    profile = Context(ReplyKind.PROFILE, (NURSE,), ("nurse",), OHIO.code)
    about = FollowUp(Move.ADD, titles=("plumbers",), instead_of_one=True)
    assert step(about, profile) == profile.with_(codes=(PLUMBER,), asked=("plumbers",))
    skills = profile.with_(kind=ReplyKind.DETAIL, view=View.SKILLS)
    assert step(about, skills) == skills.with_(codes=(PLUMBER,), asked=("plumbers",))
    also = step(FollowUp(Move.ADD, titles=("plumbers",)), profile)  # "and plumbers?"
    assert isinstance(also, Context) and also.codes == (NURSE, PLUMBER)
    grown = step(about, COMPARE)  # after two, "what about plumbers" adds a third
    assert isinstance(grown, Context) and grown.codes == (NURSE, TEACHER, PLUMBER)


def test_a_view_after_a_switch_is_of_the_job_switched_to() -> None:
    switch = Context(ReplyKind.SWITCH, (PLUMBER, NURSE), ("plumber", "nurse"), current=PLUMBER)
    skills = step(FollowUp(Move.DETAIL, view=View.SKILLS), switch)
    assert isinstance(skills, Context) and skills.codes == (NURSE,)
    assert skills.view == View.SKILLS
