"""A conversation through the core, on the real data: follow-ups read against the last answer,
questions in people's words, and nothing offered as "did you mean" that is not a title.

Figures in follow-ups are checked against the OEWS source rows, read independently.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from bot.replies import Reply, ReplyKind, View
from bot.resolver import TitleIndex
from bot.service import Careerbot
from tests.support.sources import oews_value

pytestmark = pytest.mark.realdata

NURSE, TEACHER = "29-1141.00", "25-2021.00"
chats = itertools.count(71_000_000)


def codes(reply: Reply) -> list[str]:
    return [o["code"] for o in reply.occupations]


def where(reply: Reply) -> str:
    return str(reply.extra["location"]["name"])


class Chat:
    def __init__(self, core: Careerbot, member: int | None = None, chat: int | None = None) -> None:
        self.core, self.member = core, member
        self.chat = next(chats) if chat is None else chat

    async def say(self, text: str, replying_to: int | None = None) -> Reply:
        return await self.core.answer(
            text, chat_id=self.chat, member_id=self.member, replying_to=replying_to
        )


async def test_another_place_then_a_question_answered_from_that_places_figures(
    careerbot: Careerbot, real_data_dir: Path
) -> None:
    chat = Chat(careerbot)
    assert codes(await chat.say("nurse vs teacher")) == [NURSE, TEACHER]
    ohio = await chat.say("what about in Ohio?")
    assert ohio.kind == ReplyKind.COMPARE and codes(ohio) == [NURSE, TEACHER]
    assert where(ohio) == "Ohio" and "⚖️ <b>nurse</b> vs <b>teacher</b>" in ohio.text

    fact = await chat.say("which pays more?")
    nurses = int(oews_value(real_data_dir, "OEUS390000000000029114113"))
    teachers = int(oews_value(real_data_dir, "OEUS390000000000025202113"))
    assert fact.kind == ReplyKind.FACT and where(fact) == "Ohio"
    assert fact.extra["answer"] == (NURSE if nurses > teachers else TEACHER)
    assert f"${nurses:,}" in fact.text and f"${teachers:,}" in fact.text
    assert "computed from these figures" in fact.text

    michigan = await chat.say("in michigan?")  # the same question, somewhere else
    assert michigan.kind == ReplyKind.FACT and where(michigan) == "Michigan"


async def test_the_set_changes_and_how_to_become_the_one_left(careerbot: Careerbot) -> None:
    chat = Chat(careerbot)
    await chat.say("nurse vs teacher")
    three = await chat.say("and electricians?")
    assert codes(three) == [NURSE, TEACHER, "47-2111.00"]
    two = await chat.say("drop the second")
    assert codes(two) == [NURSE, "47-2111.00"]
    one = await chat.say("just the nurse")
    assert one.kind == ReplyKind.PROFILE and codes(one) == [NURSE]
    how = await chat.say("how do I become one?")
    assert how.kind == ReplyKind.HOWTO and codes(how) == [NURSE]
    assert "Entry education: Bachelor's degree" in how.text  # the advisor's card (issue 15)


async def test_which_needs_less_school_names_the_occupation_as_a_plural(
    careerbot: Careerbot,
) -> None:
    chat = Chat(careerbot)
    await chat.say("medical collections vs loss mitigation")
    less = await chat.say("which needs less school?")
    assert less.kind == ReplyKind.FACT and less.extra["answer"] == "43-3011.00"  # high school
    assert "<b>Bill and Account Collectors</b> need less school to start." in less.text


async def test_small_talk_keeps_the_conversation(careerbot: Careerbot) -> None:
    chat = Chat(careerbot)
    await chat.say("electrician")
    thanks = await chat.say("thanks!")
    assert thanks.kind == ReplyKind.SMALLTALK and not thanks.buttons
    texas = await chat.say("in texas?")
    assert texas.kind == ReplyKind.PROFILE and where(texas) == "Texas"


@pytest.mark.parametrize("fragment", ["what about", "and?", "vs", "hmm", "idk", "so?", "compare"])
async def test_fragments_never_get_a_did_you_mean(careerbot: Careerbot, fragment: str) -> None:
    fresh = Chat(careerbot)
    assert (await fresh.say(fragment)).kind in (ReplyKind.NONE, ReplyKind.SMALLTALK)
    talking = Chat(careerbot)
    await talking.say("nurse vs teacher")
    assert (await talking.say(fragment)).kind in (ReplyKind.NONE, ReplyKind.SMALLTALK)
    assert (await Chat(careerbot).say("the second one")).kind == ReplyKind.NONE


async def test_a_follow_up_with_nothing_before_says_what_to_ask(careerbot: Careerbot) -> None:
    reply = await Chat(careerbot).say("what about in Ohio?")
    assert reply.kind == ReplyKind.NONE and "nurse vs teacher" in reply.text


async def test_a_question_in_peoples_words_and_the_job_they_have(careerbot: Careerbot) -> None:
    chat = Chat(careerbot)
    asked = await chat.say(
        "Hi! I'm a cashier and want to earn more. Should I become an accountant or a bookkeeper?"
    )
    assert asked.kind == ReplyKind.COMPARE and codes(asked) == ["13-2011.00", "43-3031.00"]
    switch = await chat.say("how do I switch to the first one?")
    assert switch.kind == ReplyKind.SWITCH and codes(switch) == ["41-2011.00", "13-2011.00"]


@pytest.mark.parametrize(
    ("question", "code", "place"),
    [
        ("nurse salary texas", NURSE, "Texas"),
        ("how much do plumbers make in ohio", "47-2152.00", "Ohio"),
        ("electrician pay austin tx", "47-2111.00", "Austin-Round Rock-San Marcos, TX"),
        ("texas plumber salary", "47-2152.00", "Texas"),
    ],
)
async def test_pay_questions_in_peoples_words(
    careerbot: Careerbot, question: str, code: str, place: str
) -> None:
    reply = await Chat(careerbot).say(question)
    assert reply.kind == ReplyKind.PROFILE and codes(reply) == [code] and where(reply) == place


async def test_a_button_press_becomes_what_the_conversation_is_about(careerbot: Careerbot) -> None:
    chat = Chat(careerbot)
    answer = await chat.say("nurse vs teacher")
    salary = next(b.data for row in answer.buttons for b in row if "Salary" in b.label)
    await careerbot.press(salary, chat_id=chat.chat)
    ohio = await chat.say("and in ohio?")
    assert ohio.kind == ReplyKind.DETAIL and ohio.extra["view"] == View.SALARY
    assert where(ohio) == "Ohio" and "Ohio" in ohio.text


async def test_group_members_have_their_own_threads_and_replies_continue_an_answer(
    careerbot: Careerbot,
) -> None:
    group = -next(chats)
    ana, ben = Chat(careerbot, 1, group), Chat(careerbot, 2, group)
    dentists = await ana.say("dentist vs orthodontist")
    careerbot.remember_sent(group, 501, dentists)
    await ben.say("electrician vs plumber")
    replied = await ben.say("which pays more?", replying_to=501)
    assert codes(replied) == codes(dentists)  # the answer replied to
    mine = await ben.say("which pays more?")
    assert codes(mine) == ["47-2111.00", "47-2152.00"]  # ben's own thread is as it was
    assert codes(await ana.say("in ohio?")) == codes(dentists)


async def test_the_conversation_survives_a_restart(
    real_db_url: str, real_index: TitleIndex
) -> None:
    chat = next(chats)
    first = await Careerbot.open(real_db_url, index=real_index)
    await first.answer("nurse vs teacher", chat_id=chat)
    await first.close()
    again = await Careerbot.open(real_db_url, index=real_index)
    try:
        reply = await again.answer("which needs less school?", chat_id=chat)
        assert reply.kind == ReplyKind.FACT and codes(reply) == [NURSE, TEACHER]
    finally:
        await again.close()


async def test_titles_and_a_question_about_them_in_one_message(
    careerbot: Careerbot, real_data_dir: Path
) -> None:
    """ "carpenter vs electrician, which pays more?" is the comparison with its question
    answered on top, from the figures; the conversation goes on from the comparison."""
    carpenters = int(oews_value(real_data_dir, "OEUN000000000000047203113"))
    electricians = int(oews_value(real_data_dir, "OEUN000000000000047211113"))
    for text in (
        "carpenter vs electrician, which pays more?",
        "which pays more, carpenter or electrician",
        "Hi! who makes more money: carpenters or electricians?",
        "would I make more as a carpenter or an electrician",
        "do carpenters or electricians earn more",
        "what pays more, carpenter or electrician",
    ):
        both = await Chat(careerbot).say(text)
        assert both.kind == ReplyKind.COMPARE, text
        assert codes(both) == ["47-2031.00", "47-2111.00"]
        higher = "47-2111.00" if electricians > carpenters else "47-2031.00"
        assert both.extra["answer"] == higher
        answer, comparison = both.text.split("\n\n", 1)
        assert f"${carpenters:,}" in answer and f"${electricians:,}" in answer
        assert "earn more" in answer and "⚖️" in comparison

    chat = Chat(careerbot)
    school = await chat.say("which needs less school in ohio, nurse or teacher")
    assert school.kind == ReplyKind.COMPARE and where(school) == "Ohio"
    assert codes(school) == [NURSE, TEACHER] and "Typical education needed" in school.text
    texas = await chat.say("what about in Texas?")
    assert codes(texas) == [NURSE, TEACHER] and where(texas) == "Texas"
    asked = await chat.say("which pays less")
    assert asked.kind == ReplyKind.FACT and where(asked) == "Texas" and "earn less" in asked.text

    kansas = await Chat(careerbot).say(
        "would i make more as a pharmacy technician or a medical assistant in kansas"
    )
    assert kansas.kind == ReplyKind.COMPARE and where(kansas) == "Kansas"
    assert "In Kansas" in kansas.text.split("\n\n", 1)[0]

    better = await Chat(careerbot).say("which is better, nurse or teacher?")
    assert better.kind == ReplyKind.COMPARE and codes(better) == [NURSE, TEACHER]
    ohio = await Chat(careerbot).say("nurse or teacher which is better in ohio")
    assert ohio.kind == ReplyKind.COMPARE and where(ohio) == "Ohio"  # the question's place

    cashier = Chat(careerbot)  # the job they have stays the start of a switch
    await cashier.say("I'm a cashier. accountant or bookkeeper, which pays more?")
    switch = await cashier.say("how do I switch to the second")
    assert switch.kind == ReplyKind.SWITCH and "From Cashiers to" in switch.text


async def test_a_new_how_to_question_keeps_the_conversations_place(careerbot: Careerbot) -> None:
    """After "in Oklahoma", "how do I become a lineman" is answered with Oklahoma's figures;
    "is it a dying job" is about national projections, and says so."""
    chat = Chat(careerbot)
    await chat.say("lineman vs electrician")
    await chat.say("in oklahoma")
    howto = await chat.say("how do i become a lineman")
    assert howto.kind == ReplyKind.HOWTO and where(howto) == "Oklahoma"
    assert codes(howto) == ["49-9051.00"]
    bet = await chat.say("is it a dying job")
    assert bet.kind == ReplyKind.PROSPECTS and where(bet) == "United States"


async def test_titles_with_their_question_are_not_taken_for_a_ranking(careerbot: Careerbot) -> None:
    """ "…going into the trades. plumber or electrician, which pays more in texas?" names the
    jobs to compare; "the trades … pays more" is no ranking of all trades."""
    chat = Chat(careerbot)
    both = await chat.say(
        "hey so im a cashier at walmart and thinking about going into the trades. "
        "plumber or electrician, which pays more in texas?"
    )
    assert both.kind == ReplyKind.COMPARE and where(both) == "Texas"
    assert codes(both) == ["47-2152.00", "47-2111.00"]
    switch = await chat.say("how would i switch to the second one")
    assert switch.kind == ReplyKind.SWITCH and codes(switch) == ["41-2011.00", "47-2111.00"]


async def test_a_workplace_is_a_job_only_when_the_titles_name_its_worker(
    careerbot: Careerbot,
) -> None:
    chat = Chat(careerbot)
    switch = await chat.say("i work at a daycare rn, how would i become a preschool teacher")
    assert switch.kind == ReplyKind.SWITCH and codes(switch) == ["39-9011.00", "25-2011.00"]
    unknown = await Chat(careerbot).say("I work at a hospital")
    assert unknown.kind == ReplyKind.NONE and "Try" in unknown.text


async def test_a_job_named_in_the_message_is_what_its_pronouns_mean(careerbot: Careerbot) -> None:
    """ "my mom is a medical coder is that a good job" is about medical coders; so is "do
    they make a lot" after "my uncle is a boilermaker"."""
    bet = await Chat(careerbot).say("my mom is a medical coder is that a good job")
    assert bet.kind == ReplyKind.PROSPECTS and codes(bet) == ["29-2072.00"]
    chat = Chat(careerbot)
    await chat.say("elevator mechanics")  # what was talked about before does not matter
    pay = await chat.say("my uncle is a boilermaker do they make a lot")
    assert pay.kind == ReplyKind.PROFILE and codes(pay) == ["47-2011.00"]
    similar = await Chat(careerbot).say("im a line cook and burnt out what else can i do")
    assert similar.kind == ReplyKind.DETAIL and "35-2014.00" in codes(similar)
    guard = await Chat(careerbot).say("could i go from security guard to police officer")
    assert guard.kind == ReplyKind.SWITCH and codes(guard) == ["33-9032.00", "33-3051.00"]


async def test_their_own_job_and_how_to_become_another_is_a_switch(careerbot: Careerbot) -> None:
    """However the job and the question are joined: "right now", no comma, a feeling between
    them, a credential asked about for someone close; "and for X?" then switches to X."""
    for text, pair in {
        "im a cna right now, could i become an lpn": ["31-1131.00", "29-2061.00"],
        "im a correctional officer how do i move up to probation officer": [
            "33-3012.00",
            "21-1092.00",
        ],
        "im a line cook and honestly burnt out, could i become a baker": [
            "35-2014.00",
            "51-3011.00",
        ],
        "my aunt is a hairstylist does she need a license to be a nail tech": [
            "39-5012.00",
            "39-5092.00",
        ],
    }.items():
        reply = await Chat(careerbot).say(text)
        assert reply.kind == ReplyKind.SWITCH and codes(reply) == pair, text
    chat = Chat(careerbot)
    await chat.say("im a receptionist, how do i become a dental assistant")
    hygienist = await chat.say("and for a hygienist?")
    assert hygienist.kind == ReplyKind.SWITCH
    assert codes(hygienist) == ["43-4171.00", "29-1292.00"]


async def test_asking_after_the_bot_gets_the_greeting(careerbot: Careerbot) -> None:
    for text in ("how are you", "hows it going?"):
        reply = await Chat(careerbot).say(text)
        assert reply.kind == ReplyKind.SMALLTALK and reply.text == careerbot.greeting().text


async def test_a_ranking_is_paged_by_typing_as_by_its_buttons(careerbot: Careerbot) -> None:
    chat = Chat(careerbot)
    first = await chat.say("jobs that pay well without a degree")
    assert first.kind == ReplyKind.RANK and first.extra["ranking"]["page"] == 1
    second = await chat.say("next")
    assert second.kind == ReplyKind.RANK and second.extra["ranking"]["page"] == 2
    assert not set(codes(first)) & set(codes(second))
    third = await chat.say("page 3")
    assert third.extra["ranking"]["page"] == 3
    back = await chat.say("back")
    assert codes(back) == codes(second)
    # With no list shown, "page 2" is no title (the Senate's Pages are one).
    alone = await Chat(careerbot).say("page 2")
    assert alone.kind == ReplyKind.NONE


async def test_what_someone_likes_starts_the_interest_quiz_not_a_did_you_mean(
    careerbot: Careerbot,
) -> None:
    for text in (
        "i like cars",
        "i like working with my hands and being outside",
        "i like working with my hands",  # not a "Hand" worker
    ):
        assert (await Chat(careerbot).say(text)).kind == ReplyKind.QUIZ, text
    nursing = await Chat(careerbot).say("i like nursing")
    assert nursing.kind == ReplyKind.PROFILE and codes(nursing) == [NURSE]


async def test_follow_ups_people_type_after_one_job(careerbot: Careerbot) -> None:
    chat = Chat(careerbot)
    await chat.say("welder")
    ohio = await chat.say("pay in ohio")
    assert ohio.kind == ReplyKind.DETAIL and ohio.extra["view"] == "salary"
    assert where(ohio) == "Ohio"
    school = await chat.say("how long is school")
    assert school.kind == ReplyKind.HOWTO and codes(school) == ["51-4121.00"]
    duties = await Chat(careerbot).say("what does a PA do")  # PA is also Pennsylvania
    assert duties.kind == ReplyKind.DETAIL and codes(duties) == ["29-1071.00"]
    two = Chat(careerbot)
    await two.say("how do i become a police officer")
    await two.say("and correctional officer?")
    pay = await two.say("which pays more in california")
    assert pay.kind == ReplyKind.FACT and codes(pay) == ["33-3051.00", "33-3012.00"]


async def test_a_long_message_with_a_choice_in_it_compares_the_choice(careerbot: Careerbot) -> None:
    reply = await Chat(careerbot).say(
        "im 34 and work retail at walmart for 8 yrs, sick of it. thinking about getting into "
        "trades maybe electrician or hvac but idk which one. i have a hs diploma, no college. "
        "which is better"
    )
    assert reply.kind == ReplyKind.COMPARE and codes(reply) == ["47-2111.00", "49-9021.00"]
    switch = await Chat(careerbot).say("lpn to rn")
    assert switch.kind == ReplyKind.SWITCH and codes(switch) == ["29-2061.00", NURSE]


async def test_where_the_person_is_becomes_the_chats_place(careerbot: Careerbot) -> None:
    chat = Chat(careerbot)
    here = await chat.say("i'm in boston")
    assert here.kind == ReplyKind.LOCATION
    pay = await chat.say("how much do rns make")
    assert "Boston" in where(pay)
    assert (await Chat(careerbot).say("i'm in college")).kind != ReplyKind.LOCATION


async def test_a_wish_before_the_choice_keeps_the_choice(careerbot: Careerbot) -> None:
    chat = Chat(careerbot)
    both = await chat.say("hi! i'm a cashier and want to earn more, accountant or bookkeeper?")
    assert both.kind == ReplyKind.COMPARE and codes(both) == ["13-2011.00", "43-3031.00"]
    switch = await chat.say("how do i switch to the first one?")
    assert switch.kind == ReplyKind.SWITCH and codes(switch) == ["41-2011.00", "13-2011.00"]
    assert (await Chat(careerbot).say("who made you")).kind == ReplyKind.ABOUT


async def test_a_sentence_after_someones_job_is_about_that_job(careerbot: Careerbot) -> None:
    """When nothing else in the message names a job, what follows the person's (or someone
    close's) job is about it; a list question ("what jobs pay more") is not."""
    for text, code in {
        "my gf is a hairstylist and wants to open her own salon": "39-5012.00",
        "my uncle is a boilermaker, is that union work": "47-2011.00",
    }.items():
        reply = await Chat(careerbot).say(text)
        assert reply.kind == ReplyKind.PROFILE and codes(reply) == [code], text
    other = await Chat(careerbot).say("i'm a nurse, what jobs pay more without more school")
    assert codes(other) != ["29-1141.00"]


async def test_two_jobs_set_against_each_other_in_a_sentence_are_compared(
    careerbot: Careerbot,
) -> None:
    for text, pair in {
        "my friend is an optician, whats the difference from an optometrist": [
            "29-2081.00",
            "29-1041.00",
        ],
        "my dad wants me to be a lawyer but i wanna be a graphic designer": [
            "23-1011.00",
            "27-1024.00",
        ],
    }.items():
        reply = await Chat(careerbot).say(text)
        assert reply.kind == ReplyKind.COMPARE and codes(reply) == pair, text


async def test_what_it_takes_asked_of_two_jobs_answers_which_needs_less_school(
    careerbot: Careerbot,
) -> None:
    reply = await Chat(careerbot).say("how long does it take to become a nurse vs a paramedic")
    assert reply.kind == ReplyKind.COMPARE and codes(reply) == ["29-1141.00", "29-2043.00"]
    assert reply.extra["measure"] == "education" and reply.extra["answer"] == "29-2043.00"


async def test_more_ways_to_ask_about_one_job(careerbot: Careerbot) -> None:
    for text, (kind, code) in {
        "how much school do you need to be a dentist": (ReplyKind.HOWTO, "29-1021.00"),
        "can you become a firefighter without going to college": (ReplyKind.HOWTO, "33-2011.00"),
        "what skills does a data analyst need": (ReplyKind.DETAIL, "15-2051.00"),
        "nanny jobs good money?": (ReplyKind.PROFILE, "39-9011.01"),
        "is becoming a surgeon worth all the debt": (ReplyKind.PROSPECTS, "29-1249.00"),
        "im a stay at home mom and want to become a bookkeeper": (
            ReplyKind.PROFILE,
            "43-3031.00",
        ),
    }.items():
        reply = await Chat(careerbot).say(text)
        assert reply.kind == kind and codes(reply)[:1] == [code], text
    for text, pair in {
        "can a medical assistant go on to become an rn": ["31-9092.00", "29-1141.00"],
        "my brother is a sheet metal worker and wants to get into hvac": [
            "47-2211.00",
            "49-9021.00",
        ],
    }.items():
        reply = await Chat(careerbot).say(text)
        assert reply.kind == ReplyKind.SWITCH and codes(reply) == pair, text


async def test_is_that_good_pay_after_a_job_is_its_summary(careerbot: Careerbot) -> None:
    chat = Chat(careerbot)
    await chat.say("plumber")
    reply = await chat.say("is that good pay")
    assert reply.kind == ReplyKind.PROFILE and codes(reply) == ["47-2152.00"]
    alone = await Chat(careerbot).say("is that good pay")
    assert alone.kind == ReplyKind.NONE  # no job before it: what the bot can do, no did-you-mean


async def test_a_bare_modifier_added_to_the_set_takes_the_head_asked_before(
    careerbot: Careerbot,
) -> None:
    """ "civil engineer", "vs mechanical", "and electrical?": engineers all three, though
    "electrical" alone is the electricians; "vs teacher" after "nurse" stays teachers."""
    chat = Chat(careerbot)
    await chat.say("civil engineer")
    await chat.say("vs mechanical")
    three = await chat.say("and electrical?")
    assert codes(three) == ["17-2051.00", "17-2141.00", "17-2071.00"]
    chat = Chat(careerbot)
    await chat.say("nurse")
    assert codes(await chat.say("vs teacher")) == ["29-1141.00", "25-2021.00"]


async def test_one_job_in_two_places_named_without_in(careerbot: Careerbot) -> None:
    reply = await Chat(careerbot).say("nurse pay california vs texas")
    assert reply.kind == ReplyKind.COMPARE and codes(reply)[:1] == ["29-1141.00"]
    assert "California vs Texas" in reply.text


async def test_moving_on_from_a_job_shows_the_jobs_related_to_it(careerbot: Careerbot) -> None:
    """With nothing to rank them by, O*NET's related occupations, closest first (a ranking
    by pay put surgeons first for "jobs like a nurse"); with a measure, the ranking."""
    for text, code in {
        "what jobs could i move into from teaching": "25-2021.00",
        "careers for former cops": "33-3051.00",
        "what jobs are kinda like being a zookeeper": "39-2021.00",
        "careers similar to nursing": "29-1141.00",
        "what jobs could a cashier move into": "41-2011.00",
    }.items():
        reply = await Chat(careerbot).say(text)
        assert reply.kind == ReplyKind.DETAIL and reply.extra["view"] == "similar", text
        assert codes(reply) == [code], text
    ranked = await Chat(careerbot).say("what jobs could i move into from teaching that pay more")
    assert ranked.kind == ReplyKind.RANK
    assert ranked.to_json()["ranking"]["filters"]["similar_to"] == "25-2021.00"


async def test_a_set_with_its_place_named_last_without_in(careerbot: Careerbot) -> None:
    reply = await Chat(careerbot).say("software developer vs data scientist salary seattle")
    assert reply.kind == ReplyKind.COMPARE and codes(reply) == ["15-1252.00", "15-2051.00"]
    assert reply.context is not None and reply.context.area == "0042660"  # Seattle's metro


async def test_after_a_list_and_for_a_job_asks_about_that_job_there(careerbot: Careerbot) -> None:
    """ "best jobs in houston", "and for nurses?": nurses in Houston, not a fifth job added to
    the four shown; with no job before at all (a quiz), "what about landscaping" is that job."""
    chat = Chat(careerbot)
    await chat.say("best jobs in houston")
    nurses = await chat.say("and for nurses?")
    assert nurses.kind == ReplyKind.PROFILE and codes(nurses) == ["29-1141.00"]
    assert where(nurses).startswith("Houston")
    quiz = Chat(careerbot)
    await quiz.say("career quiz")
    landscaping = await quiz.say("what about landscaping")
    assert landscaping.kind == ReplyKind.PROFILE and codes(landscaping) == ["37-3011.00"]
    ranked = Chat(careerbot)
    await ranked.say("jobs that pay well without a degree")
    growing = await ranked.say("what about ones that are growing fast")
    assert growing.kind == ReplyKind.RANK  # about the list, never a did-you-mean


async def test_follow_ups_in_more_words(careerbot: Careerbot) -> None:
    chat = Chat(careerbot)
    await chat.say("electrician")
    degree = await chat.say("does he need a degree")  # "he": the job shown, not Helpers
    assert degree.kind == ReplyKind.HOWTO and codes(degree) == ["47-2111.00"]
    chat = Chat(careerbot)
    await chat.say("welder")
    certified = await chat.say("hw do i get certifed")
    assert certified.kind == ReplyKind.HOWTO and codes(certified) == ["51-4121.00"]
    body = await chat.say("is it hard on ur body")
    assert body.kind == ReplyKind.PROFILE and codes(body) == ["51-4121.00"]
    chat = Chat(careerbot)
    await chat.say("np vs pa")
    faster = await chat.say("which one is faster to become")
    assert faster.kind == ReplyKind.FACT and faster.extra["measure"] == "education"
    chat = Chat(careerbot)
    await chat.say("switch from cashier to bookkeeper")
    took = await chat.say("how long would that take")
    assert took.kind == ReplyKind.HOWTO and codes(took) == ["43-3031.00"]


async def test_a_region_is_no_place_and_says_which_places_there_are(careerbot: Careerbot) -> None:
    chat = Chat(careerbot)
    await chat.say("electrician")
    south = await chat.say("what about in the south")
    assert south.kind == ReplyKind.NONE and "state" in south.text  # not South Bend, IN
    assert (await chat.say("in ohio?")).context.area == "3900000"  # type: ignore[union-attr]


async def test_more_sentences_about_jobs(careerbot: Careerbot) -> None:
    for text, (kind, found) in {
        "how long does it take to go from lpn to rn": (
            ReplyKind.SWITCH,
            ["29-2061.00", "29-1141.00"],
        ),
        "is pharmacy school worth it": (ReplyKind.PROSPECTS, ["29-1051.00"]),
        "high school teacher vs elementary": (ReplyKind.COMPARE, ["25-2031.00", "25-2021.00"]),
        "compare electrician plumber welder and hvac": (
            ReplyKind.COMPARE,
            ["47-2111.00", "47-2152.00", "51-4121.00", "49-9021.00"],
        ),
        "are you a real person": (ReplyKind.HELP, []),
    }.items():
        reply = await Chat(careerbot).say(text)
        assert reply.kind == kind and codes(reply) == found, text


async def test_places_as_people_write_them(careerbot: Careerbot) -> None:
    louis = await Chat(careerbot).say("nurses in st. louis")
    assert louis.kind == ReplyKind.PROFILE and where(louis).startswith("St. Louis")
    near = await Chat(careerbot).say("accountant job openings near me")
    assert near.kind == ReplyKind.PROFILE and "Maine" not in near.text  # "me" is the person


async def test_sentences_about_oneself_never_get_a_did_you_mean(careerbot: Careerbot) -> None:
    for text in ("im thinking about quitting my job", "quitting my job"):
        reply = await Chat(careerbot).say(text)
        assert reply.kind == ReplyKind.NONE, text


async def test_demographics_asked_in_words(careerbot: Careerbot) -> None:
    chat = Chat(careerbot)
    await chat.say("nurse")
    for text in ("how many are women", "what percentage are men", "how old are they"):
        reply = await chat.say(text)
        assert reply.kind == ReplyKind.DETAIL and reply.context is not None, text
        assert reply.context.view == View.DEMOGRAPHICS, text


async def test_thanks_gets_anytime_and_a_plain_no_does_not(careerbot: Careerbot) -> None:
    assert "Anytime" in (await Chat(careerbot).say("thanks!")).text
    no = await Chat(careerbot).say("no")
    assert no.kind == ReplyKind.SMALLTALK and "Anytime" not in no.text


async def test_which_pays_more_after_two_jobs_asked_in_turn(careerbot: Careerbot) -> None:
    """ "is hvac worth it?", "what about plumbers?", "which pays more?": the two asked about."""
    chat = Chat(careerbot)
    await chat.say("is hvac tech a good career")
    await chat.say("what about plumbers")
    fact = await chat.say("which pays more")
    assert fact.kind == ReplyKind.FACT and codes(fact) == ["49-9021.00", "47-2152.00"]


async def test_regions_and_parts_of_states(careerbot: Careerbot) -> None:
    chat = Chat(careerbot)
    await chat.say("electrician")
    midwest = await chat.say("what about the midwest")
    assert midwest.kind == ReplyKind.NONE and "metro area" in midwest.text
    assert where(await chat.say("southern california")) == "California"
    assert where(await chat.say("upstate ny")) == "New York"


async def test_an_own_job_and_what_jobs_it_leads_to(careerbot: Careerbot) -> None:
    text = "I just got out of the army after 8 years as an infantryman, what jobs can I get"
    reply = await Chat(careerbot).say(text)
    assert reply.kind == ReplyKind.DETAIL and codes(reply)[:1] == ["55-3016.00"]
    assert reply.context is not None and reply.context.view == View.SIMILAR


async def test_more_follow_ups_on_one_job(careerbot: Careerbot) -> None:
    chat = Chat(careerbot)
    await chat.say("nurse")
    top = await chat.say("what do the top 10% make")
    assert top.context is not None and top.context.view == View.SALARY
    more = await chat.say("tell me more")
    assert more.context is not None and more.context.view == View.DUTIES
    chat = Chat(careerbot)
    await chat.say("nurse vs paramedic")
    harder = await chat.say("which one is harder to become")
    assert harder.kind == ReplyKind.FACT and harder.extra["answer"] == "29-1141.00"


async def test_a_ranking_refined_in_a_fragment(careerbot: Careerbot) -> None:
    chat = Chat(careerbot)
    await chat.say("what jobs are in demand")
    await chat.say("in healthcare")
    refined = await chat.say("that dont need a degree")
    assert refined.kind == ReplyKind.RANK
    assert refined.to_json()["ranking"]["filters"]["education_max"] == "postsecondary_nondegree"


async def test_what_should_someone_study_starts_the_quiz(careerbot: Careerbot) -> None:
    text = "my son is 16 and likes video games and computers what should he study"
    assert (await Chat(careerbot).say(text)).kind == ReplyKind.QUIZ


async def test_what_else_pays_better_ranks_jobs_like_their_own(careerbot: Careerbot) -> None:
    for text, code in {
        "im a cashier, what else pays more": "41-2011.00",
        "i drive for doordash, what else pays better": "53-3031.00",  # the app: food delivery
    }.items():
        reply = await Chat(careerbot).say(text)
        assert reply.kind == ReplyKind.RANK, text
        ranking = reply.to_json()["ranking"]
        assert ranking["filters"]["similar_to"] == code and ranking["measure"] == "annual_median", (
            text
        )


def test_short_words_of_postings_are_written_out(careerbot: Careerbot) -> None:
    """ "Assoc. Dir., Mktg" is one title (an associate director of marketing), not two."""
    sides = careerbot.match("Assoc. Dir., Mktg")["sides"]
    assert len(sides) == 1 and sides[0]["candidates"][0]["code"] == "11-2021.00"


async def test_which_pays_more_after_one_job_in_several_places(careerbot: Careerbot) -> None:
    """The comparison across places again: its sentence says where the job pays most."""
    chat = Chat(careerbot)
    first = await chat.say("nurse in ca vs nurse in tx vs nurse in ny")
    again = await chat.say("which pays more")
    assert again.kind == ReplyKind.COMPARE and again.text == first.text
    assert "In California, registered nurses earn" in again.text
    await chat.say("and electricians?")
    fact = await chat.say("which pays more")  # the set changed: a question about the two jobs
    assert fact.kind == ReplyKind.FACT


async def test_two_places_after_one_job_compare_it_there(careerbot: Careerbot) -> None:
    chat = Chat(careerbot)
    await chat.say("how much do carpenters make in portland")
    both = await chat.say("oregon or maine?")
    assert both.kind == ReplyKind.COMPARE and "Oregon vs Maine" in both.text
    chat = Chat(careerbot)
    await chat.say("nurse")
    titles = await chat.say("pa or np?")  # titles, though "pa" is Pennsylvania too
    assert codes(titles) == ["29-1071.00", "29-1171.00"]


async def test_which_is_more_of_something_no_figure_measures(careerbot: Careerbot) -> None:
    """ "which is more dangerous": no figure here says; the two side by side, as for 'better'."""
    chat = Chat(careerbot)
    await chat.say("carpenter vs roofer")
    reply = await chat.say("which is more dangerous")
    assert reply.kind == ReplyKind.FACT and reply.extra["measure"] == "better"
    assert reply.extra.get("answer") is None


async def test_a_job_for_someone_who_likes_something_starts_the_quiz(careerbot: Careerbot) -> None:
    text = "whats a good job for someone who likes working with their hands"
    assert (await Chat(careerbot).say(text)).kind == ReplyKind.QUIZ


async def test_chat_shorthand_for_places_and_words(careerbot: Careerbot) -> None:
    chat = Chat(careerbot)
    await chat.say("nurse")
    assert where(await chat.say("what abt in nj")) == "New Jersey"
    assert where(await chat.say("in mass")) == "Massachusetts"
    both = await chat.say("how much in texas vs california")
    assert both.kind == ReplyKind.COMPARE and "Texas vs California" in both.text


async def test_more_advisor_questions_in_a_sentence(careerbot: Careerbot) -> None:
    tired = await Chat(careerbot).say("im 34 and tired of retail, what can i do without a degree")
    assert tired.kind == ReplyKind.RANK
    assert tired.to_json()["ranking"]["filters"]["education_max"] == "postsecondary_nondegree"
    chat = Chat(careerbot)
    await chat.say("paralegal")
    replaced = await chat.say("is ai going to replace them")
    assert replaced.kind == ReplyKind.PROSPECTS and codes(replaced) == ["23-2011.00"]
    top = await chat.say("what about the top 10%")
    assert top.context is not None and top.context.view == View.SALARY


async def test_follow_ups_from_the_second_trial(careerbot: Careerbot) -> None:
    chat = Chat(careerbot)
    await chat.say("welder in austin")
    assert where(await chat.say("what about that state")) == "Texas"
    chat = Chat(careerbot)
    await chat.say("nurse in ohio")
    there = await chat.say("btw how much do teachers make there")
    assert codes(there) == ["25-2021.00"] and where(there) == "Ohio"
    chat = Chat(careerbot)
    await chat.say("teacher in ny")
    high = await chat.say("what about high school")  # the same answer, of that one instead
    assert codes(high) == ["25-2031.00"] and where(high) == "New York"
    chat = Chat(careerbot)
    await chat.say("nurse vs teacher")
    again = await chat.say("whats the difference between them")
    assert again.kind == ReplyKind.COMPARE and codes(again) == ["29-1141.00", "25-2021.00"]
    worth = await Chat(careerbot).say(
        "I'm a nurse thinking of becoming a nurse practitioner, worth it?"
    )
    assert worth.kind == ReplyKind.PROSPECTS and codes(worth) == ["29-1171.00"]
    cdl = await Chat(careerbot).say("how do i get a cdl")
    assert cdl.kind == ReplyKind.HOWTO and codes(cdl) == ["53-3032.00"]


async def test_ones_own_job_and_another_asked_about_are_the_pair(careerbot: Careerbot) -> None:
    chat = Chat(careerbot)
    await chat.say("I'm a nurse thinking of becoming a nurse practitioner, worth it?")
    more = await chat.say("how much more do they make")
    assert more.kind == ReplyKind.FACT and more.extra["answer"] == "29-1171.00"
    assert codes(more) == ["29-1141.00", "29-1171.00"]


async def test_back_to_a_job_is_that_job(careerbot: Careerbot) -> None:
    chat = Chat(careerbot)
    await chat.say("cashier")
    back = await chat.say("ok back to nurses")  # not a barback
    assert codes(back) == ["29-1141.00"]
    school = await Chat(careerbot).say("what about cdl school")
    assert codes(school) == ["53-3032.00"]


async def test_the_place_survives_a_national_answer_in_between(careerbot: Careerbot) -> None:
    """ "is it growing?" is answered nationally (BLS projects growth nationally), and the next
    comparison is still in Wichita."""
    chat = Chat(careerbot)
    await chat.say("machinist pay in wichita")
    await chat.say("is it growing")
    both = await chat.say("vs cnc programmer")
    assert both.kind == ReplyKind.COMPARE and where(both).startswith("Wichita")


async def test_chat_words_around_the_question(careerbot: Careerbot) -> None:
    here = await Chat(careerbot).say("im in montana btw")
    assert here.kind == ReplyKind.LOCATION
    city = await Chat(careerbot).say("im in cleveland ohio")  # no comma before the state
    assert city.kind == ReplyKind.LOCATION and "Cleveland" in city.text
    boise = await Chat(careerbot).say("moving to boise next month")  # where they will be
    assert boise.kind == ReplyKind.LOCATION and "Boise City" in boise.text
    chat = Chat(careerbot)
    await chat.say("nurse")
    there = await chat.say("im moving to denver")  # while a job is shown: that job there
    assert there.kind == ReplyKind.PROFILE and where(there).startswith("Denver")
    assert (await Chat(careerbot).say("hiii")).kind == ReplyKind.SMALLTALK
    assert (await Chat(careerbot).say("ty this is useful")).kind == ReplyKind.SMALLTALK
    assert (await Chat(careerbot).say("what can this bot do")).kind == ReplyKind.HELP
    chat = Chat(careerbot)
    await chat.say("nurse")
    assert (await chat.say("whoa ok where do they make the most")).kind == ReplyKind.PLACES


async def test_a_job_with_where_it_is_done_or_who_does_it(careerbot: Careerbot) -> None:
    for text, code in {
        "cma at a pediatric office": "31-9092.00",
        "powder monkey at a quarry": "47-5032.00",
        "my uncle's a chippy, mostly builds decks": "47-2031.00",
        "thinking of being a rent-a-cop for a while": "33-9032.00",
        "average chef salary new york": "35-1011.00",
    }.items():
        reply = await Chat(careerbot).say(text)
        assert codes(reply)[:1] == [code], text
    quiz = await Chat(careerbot).say("i'm good with numbers and like quiet work, no customers pls")
    assert quiz.kind == ReplyKind.QUIZ


async def test_match_reads_a_message_as_the_bot_answers_it(careerbot: Careerbot) -> None:
    """`careerbot match` (and the title benchmarks) see the titles the bot answers about."""
    for text in ("csr at a call center", "Technologist, CT", "code monkey at a startup lol"):
        reply = await Chat(careerbot).say(text)
        sides = careerbot.match(text)["sides"]
        assert [s["candidates"][0]["code"] for s in sides] == codes(reply)[:1], text
    # "for a <job>" is the job asked about, not where the work is done.
    graphic = careerbot.match("career path for a graphic designer")["sides"]
    assert graphic[0]["candidates"][0]["code"] == "27-1024.00"
    # A person described where they work is a description, not a title before "at".
    lady = careerbot.match("the lady at the library who does story time for the kids")["sides"]
    assert [s["text"] for s in lady] == ["lady at the library who does story time for the kids"]


async def test_a_clause_after_a_list_of_titles_is_said_about_them(careerbot: Careerbot) -> None:
    both = await Chat(careerbot).say("psychologist vs psychiatrist, which one can prescribe meds?")
    assert both.kind == ReplyKind.COMPARE and codes(both) == ["19-3033.00", "29-1223.00"]
    vet = await Chat(careerbot).say("my daughter wants to be a vet, is it worth the student loans")
    assert vet.kind == ReplyKind.PROSPECTS and codes(vet) == ["29-1131.00"]


async def test_a_job_where_it_is_done_then_what_is_said_about_it(careerbot: Careerbot) -> None:
    for text, code in {
        "pearl diver at a diner, worst job ever lol": "35-9021.00",
        "tin knocker for a commercial hvac outfit, 6 yrs in": "47-2211.00",
        "im 40 and want to retrain as a pharmacy technician, too late?": "29-2052.00",
    }.items():
        sides = careerbot.match(text)["sides"]
        assert [s["candidates"][0]["code"] for s in sides] == [code], text


async def test_a_request_to_the_bot_is_no_title(careerbot: Careerbot) -> None:
    reply = await Chat(careerbot).say("can u help me write my resume")
    assert reply.kind == ReplyKind.NONE and "Did you mean" not in reply.text


async def test_a_chart_asked_for_first_draws_the_set(careerbot: Careerbot) -> None:
    chart = await Chat(careerbot).say("graph of bartender vs server vs barista pay in nevada pls")
    assert chart.kind == ReplyKind.CHART
    assert codes(chart) == ["35-3011.00", "35-3031.00", "35-3023.01"] and where(chart) == "Nevada"


async def test_long_stories_around_ones_own_job(careerbot: Careerbot) -> None:
    mom = (
        "my mom has been a housekeeper at a hotel for 20 years and her back hurts, "
        "what else could she do"
    )
    similar = await Chat(careerbot).say(mom)
    assert similar.kind == ReplyKind.DETAIL and codes(similar) == ["37-2012.00"]
    better = await Chat(careerbot).say(
        "i been a forklift driver 8 yrs what else can i do that pays more"
    )
    assert better.kind == ReplyKind.RANK


async def test_everyday_ways_to_ask_about_a_job_name_it(careerbot: Careerbot) -> None:
    for text, code in {
        "whats a dental assistant make": "31-9091.00",  # "what's" for "what does"
        "what do hr people make in chicago": "13-1071.00",  # "people" as "guy"
    }.items():
        reply = await Chat(careerbot).say(text)
        assert reply.kind == ReplyKind.PROFILE and codes(reply) == [code], text


async def test_is_it_a_good_bet_in_more_words(careerbot: Careerbot) -> None:
    chat = Chat(careerbot)
    await chat.say("bookkeeper")
    for text in (
        "is it worth it long term",
        "is it dying because of AI",
        "is bookkeeping going away cuz of software",
    ):
        reply = await chat.say(text)
        assert reply.kind == ReplyKind.PROSPECTS and codes(reply) == ["43-3031.00"], text


async def test_questions_about_the_data_are_the_about_answer(careerbot: Careerbot) -> None:
    chat = Chat(careerbot)
    for text in ("who made this thing and where do u get ur numbers from", "is it up to date"):
        assert (await chat.say(text)).kind == ReplyKind.ABOUT, text


async def test_places_approached_in_everyday_words(careerbot: Careerbot) -> None:
    reply = await Chat(careerbot).say("hey yall what does a roustabout make down in oklahoma")
    assert reply.kind == ReplyKind.PROFILE and codes(reply) == ["47-5071.00"]
    assert reply.context is not None and reply.context.area == "4000000"
    chat = Chat(careerbot)
    await chat.say("im a security guard making 16.50 in vegas is that normal")
    here = await chat.say("how much do casino surveillance officers make here")
    assert here.kind == ReplyKind.PROFILE and codes(here) == ["33-9031.00"]
    assert here.context is not None and here.context.area == "0029820"  # Las Vegas


async def test_how_do_two_jobs_compare_somewhere(careerbot: Careerbot) -> None:
    reply = await Chat(careerbot).say(
        "how do bus mechanics and heavy equipment mechanics compare in texas"
    )
    assert reply.kind == ReplyKind.COMPARE and codes(reply) == ["49-3031.00", "49-3042.00"]
    assert reply.context is not None and reply.context.area == "4800000"


async def test_a_place_after_a_title_one_letter_off_is_still_read(careerbot: Careerbot) -> None:
    """ "alarm installer nyc": the title is found (one word is no title word), and the place
    is read, not dropped with it."""
    reply = await Chat(careerbot).say("locksmith vs alarm installer nyc")
    assert reply.context is not None and reply.context.area == "0035620"


async def test_a_title_o_net_shares_is_taken_in_a_follow_up_as_in_a_question(
    careerbot: Careerbot,
) -> None:
    chat = Chat(careerbot)
    await chat.say("locksmith vs alarm installer")
    reply = await chat.say("garage door installers instead of locksmiths")
    assert reply.kind == ReplyKind.COMPARE and codes(reply) == ["49-9011.00", "49-2098.00"]


async def test_a_fact_in_a_place_never_quotes_another_areas_figure(careerbot: Careerbot) -> None:
    """BLS publishes no Virginia figures for transit police; the national $90,230 shown as
    Virginia's, as it once was, is a figure the source does not give."""
    chat = Chat(careerbot)
    await chat.say("security guard vs transit police")
    reply = await chat.say("which pays more in virginia")
    assert reply.kind == ReplyKind.FACT and reply.extra["answer"] is None
    assert "no median pay for <b>Transit and Railroad Police</b> in Virginia" in reply.text
    assert "$90,230" not in reply.text  # the national median


async def test_a_relatives_job_and_pay_are_asked_about_as_theirs(careerbot: Careerbot) -> None:
    """ "my sister's a X, says she makes N, is that ok?": where that pay stands; what she could
    become starts from her job."""
    chat = Chat(careerbot)
    first = await chat.say(
        "My sister's a hairdresser in Ohio, says she makes 16 an hour. is that ok?"
    )
    assert first.kind == ReplyKind.PAY_POSITION and codes(first) == ["39-5012.00"]
    assert where(first) == "Ohio"
    later = await chat.say("could she become a cosmetology instructor")
    assert later.kind == ReplyKind.SWITCH and codes(later)[0] == "39-5012.00"


async def test_jobs_said_before_the_question_are_what_it_asks_about(careerbot: Careerbot) -> None:
    """A long first message: one's own job, a mood, the jobs in mind, then "what do those pay"."""
    chat = Chat(careerbot)
    first = await chat.say(
        "Hey. I'm 38 and spent 12 years as a bank teller. Kind of stuck. Thinking about "
        "becoming a loan officer or maybe a credit analyst. What do those pay in Ohio?"
    )
    assert first.kind == ReplyKind.COMPARE and codes(first) == ["13-2072.00", "13-2041.00"]
    assert where(first) == "Ohio"
    switch = await chat.say("how do i switch to the second one")
    assert switch.kind == ReplyKind.SWITCH and codes(switch) == ["43-3071.00", "13-2041.00"]


async def test_two_jobs_one_goes_back_to_school_for_are_compared(careerbot: Careerbot) -> None:
    reply = await Chat(careerbot).say(
        "thinking about going back to school for dental hygienist or radiologic technologist, "
        "which pays more in georgia"
    )
    assert reply.kind == ReplyKind.COMPARE  # the set first; "which pays more" rides along
    assert codes(reply) == ["29-1292.00", "29-2034.00"]


async def test_a_verb_typed_with_letters_swapped_is_still_read(careerbot: Careerbot) -> None:
    reply = await Chat(careerbot).say("how much do glaziers mkae in oregon")
    assert reply.kind == ReplyKind.PROFILE and codes(reply) == ["47-2121.00"]
    assert where(reply) == "Oregon"


async def test_a_job_named_mid_conversation_is_asked_about_where_the_conversation_is(
    careerbot: Careerbot,
) -> None:
    chat = Chat(careerbot)
    await chat.say("highest paying jobs without a degree in minnesota")
    named = await chat.say("tell me about radiation therapists")
    assert codes(named) == ["29-1124.00"] and where(named) == "Minnesota"
    await careerbot.set_location(chat.chat, "US")  # /state US: the country again
    again = await chat.say("tell me about dental hygienists")
    assert where(again) == "United States"
