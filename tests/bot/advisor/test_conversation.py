"""The advisor in a conversation: follow-ups on its answers through `Careerbot.answer` in a
chat, as a person would send them."""

from __future__ import annotations

import itertools
from typing import Any

import pytest

from bot.service import Careerbot

pytestmark = pytest.mark.realdata

_CHATS = itertools.count(91_000_001)


class Talk:
    def __init__(self, bot: Careerbot) -> None:
        self.bot, self.chat = bot, next(_CHATS)

    async def say(self, text: str) -> dict[str, Any]:
        return (await self.bot.answer(text, chat_id=self.chat)).to_json()


async def test_a_ranking_moves_to_another_place_and_back(careerbot: Careerbot) -> None:
    talk = Talk(careerbot)
    first = await talk.say("highest paying jobs without a degree")
    assert first["kind"] == "rank" and first["ranking"]["area"] == "US"
    ohio = await talk.say("in ohio?")
    assert ohio["kind"] == "rank" and ohio["ranking"]["area"] == "OH"
    assert ohio["ranking"]["filters"] == first["ranking"]["filters"]
    again = await talk.say("nationally again")
    assert again["ranking"]["area"] == "US"
    third = await talk.say("tell me about the third one")
    assert third["kind"] == "profile"
    assert third["occupations"][0]["code"] == first["occupations"][2]["code"]


async def test_a_ranking_changes_its_measure_or_filters(careerbot: Careerbot) -> None:
    talk = Talk(careerbot)
    await talk.say("fastest growing jobs in healthcare")
    openings = await talk.say("and which ones have the most openings")
    assert openings["ranking"]["measure"] == "openings"
    assert openings["ranking"]["filters"] == {"field": ["29", "31"]}
    narrower = await talk.say("only ones without a degree")
    assert narrower["ranking"]["filters"] == {
        "field": ["29", "31"],
        "education_max": "postsecondary_nondegree",
    }


async def test_a_pay_position_asked_again_elsewhere(careerbot: Careerbot) -> None:
    talk = Talk(careerbot)
    ohio = await talk.say("I make $55,000 as an accountant in Ohio. Is that good?")
    assert ohio["kind"] == "pay_position" and ohio["position"]["area"] == "OH"
    national = await talk.say("how does that compare nationally?")
    assert national["kind"] == "pay_position"
    assert (national["position"]["area"], national["position"]["pay"]) == ("US", 55000)
    columbus = await talk.say("what about in columbus")
    assert columbus["position"]["area"] == "18140"


async def test_a_pay_with_no_job_is_about_the_job_shown(careerbot: Careerbot) -> None:
    first = await Talk(careerbot).say("is 120k good in seattle")
    assert first["kind"] == "none"  # no job yet: what the bot can do, no "did you mean"
    talk = Talk(careerbot)
    await talk.say("software developer")
    seattle = await talk.say("is 120k good in seattle")
    assert seattle["kind"] == "pay_position" and seattle["position"]["area"] == "42660"
    assert [o["code"] for o in seattle["occupations"]] == ["15-1252.00"]
    austin = await talk.say("what if i moved to austin")
    assert austin["kind"] == "pay_position" and austin["position"]["area"] == "12420"
    two = Talk(careerbot)
    await two.say("accountant vs bookkeeper")
    which = await two.say("is 60k good for them")
    assert which["kind"] == "none" and "Which one" in which["text"]


async def test_ones_own_pay_makes_it_ones_own_job(careerbot: Careerbot) -> None:
    talk = Talk(careerbot)
    await talk.say("im a security guard making 16.50 in vegas is that normal")
    await talk.say("how much do casino surveillance officers make here")
    switch = await talk.say("how do i switch to that")
    assert switch["kind"] == "switch"
    assert [o["code"] for o in switch["occupations"]] == ["33-9032.00", "33-9031.00"]


async def test_places_for_another_occupation_and_within_a_state(careerbot: Careerbot) -> None:
    talk = Talk(careerbot)
    await talk.say("best states for nurses")
    lpns = await talk.say("and for lpns?")
    assert lpns["kind"] == "places" and lpns["occupations"][0]["code"] == "29-2061.00"
    texas = await talk.say("what about in texas?")
    assert texas["kind"] == "places"
    assert (texas["area_kind"], texas["within"]) == ("metro", "TX")


async def test_how_do_i_become_one_after_a_profile_is_the_advisors_card(
    careerbot: Careerbot,
) -> None:
    talk = Talk(careerbot)
    await talk.say("dental assistant")
    howto = await talk.say("how do I become one?")
    assert howto["kind"] == "howto" and howto["occupations"][0]["code"] == "31-9091.00"
    assert "stepping_stones" in howto["howto"]
    assert "check your state's requirements" in howto["text"]
    bet = await talk.say("is it a good career?")
    assert bet["kind"] == "prospects" and bet["occupations"][0]["code"] == "31-9091.00"


async def test_greetings_and_ones_own_job_around_advisor_questions(careerbot: Careerbot) -> None:
    talk = Talk(careerbot)
    assert (await talk.say("Hi! what career would suit me?"))["kind"] == "quiz"
    assert (await talk.say("hey there, highest paying jobs in texas"))["kind"] == "rank"
    # With their own job named, "how do I become X" is how to switch from it.
    switch = await Talk(careerbot).say("I'm a cashier. How do I become an accountant?")
    assert switch["kind"] == "switch"


async def test_the_conversations_own_questions_stay_its_own(careerbot: Careerbot) -> None:
    talk = Talk(careerbot)
    await talk.say("nurse vs teacher")
    assert (await talk.say("which pays more?"))["kind"] == "fact"
    assert (await talk.say("which has more jobs?"))["kind"] == "fact"
    assert (await talk.say("what about in ohio?"))["kind"] == "fact"  # the same, in Ohio
    profile = Talk(careerbot)
    await profile.say("paralegal")
    similar = await profile.say("more like this")
    assert similar["kind"] == "detail" and similar["view"] == "similar"


async def test_jobs_of_a_kind_rank_jobs_like_that_one_not_all_jobs(careerbot: Careerbot) -> None:
    """ "welder jobs that pay good money" must not drop "welder" and list surgeons; a measure
    before "jobs" ("fastest growing jobs") is still how to rank, not a kind of job."""
    welder = await Talk(careerbot).say("welder jobs that pay good money")
    assert welder["kind"] == "rank"
    assert welder["ranking"]["filters"].get("similar_to") == "51-4121.00"
    growing = await Talk(careerbot).say("fastest growing jobs")
    assert "similar_to" not in growing["ranking"]["filters"]


async def test_another_pay_asks_the_same_position_again(careerbot: Careerbot) -> None:
    """ "what about 40?" after "$30 an hour … in ohio": $40 an hour, same job and place."""
    talk = Talk(careerbot)
    first = await talk.say("is $30 an hour good for an electrician in ohio")
    assert first["kind"] == "pay_position"
    again = await talk.say("what about 40")
    assert again["kind"] == "pay_position" and again["location"]["name"] == "Ohio"
    assert "$40.00 an hour" in again["text"]
    yearly = await talk.say("and $90k?")
    assert "$90,000 a year" in yearly["text"]


async def test_what_pays_most_is_a_ranking_unless_a_set_is_shown(careerbot: Careerbot) -> None:
    """ "what" stands for the jobs when no jobs are on the table; after a comparison it asks
    which of them."""
    alone = await Talk(careerbot).say("what pays good in ohio if you dont have a college degree")
    assert alone["kind"] == "rank" and alone["ranking"]["area"] == "OH"
    assert alone["ranking"]["filters"] == {"education_max": "postsecondary_nondegree"}
    better = await Talk(careerbot).say("what pays better in texas that doesnt need a degree")
    assert better["kind"] == "rank" and better["ranking"]["measure"] == "annual_median"
    talk = Talk(careerbot)
    await talk.say("how much do dental hygienists make")
    assert (await talk.say("what pays the most"))["kind"] == "rank"  # one job: no choice
    talk = Talk(careerbot)
    await talk.say("plumber vs electrician")
    assert (await talk.say("what pays the most"))["kind"] == "fact"
    assert (await Talk(careerbot).say("what pays more, plumber or electrician"))[
        "kind"
    ] == "compare"


async def test_what_it_takes_after_a_switch_is_of_the_job_switched_to(careerbot: Careerbot) -> None:
    talk = Talk(careerbot)
    await talk.say("im a cashier in ohio")
    await talk.say("could i become a pharmacy technician")
    takes = await talk.say("what degree do u need for that")
    assert takes["kind"] == "howto" and takes["occupations"][0]["code"] == "29-2052.00"
