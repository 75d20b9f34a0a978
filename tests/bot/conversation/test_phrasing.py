"""Questions in people's words (bot.conversation.phrasing): the question inside a message."""

from __future__ import annotations

import pytest

from bot.conversation.phrasing import (
    is_activity,
    is_small_talk,
    place_in_words,
    read,
    without_pay_words,
)


def test_greeting_own_job_wish_and_question() -> None:
    said = read(
        "Hi! I'm a cashier and want to earn more. Should I become an accountant or a bookkeeper?"
    )
    assert said.question == "Should I become an accountant or a bookkeeper?"
    assert said.own_job == "cashier" and said.greeting


@pytest.mark.parametrize(
    ("text", "own_job", "question"),
    [
        ("i do roofing", "roofing", ""),
        (
            "I do HVAC and want to earn more. electrician or plumber?",
            "HVAC",
            "electrician or plumber?",
        ),
        ("i'm a nurse at a hospital", "nurse", ""),  # where they work is not a question
        ("im a cashier at walmart lol", "cashier", ""),
        ("i do security at a hospital", "security", ""),
        ("i do not know", None, "i do not know"),  # "do" followed by a verb is no job
        ("what do i do", None, "what do i do"),
        ("i'm a nurse in texas", "nurse", "in texas"),  # a place is still asked about
        ("line cook here, how do i move up to chef", "line cook", "how do i move up to chef"),
        ("new here, what do nurses make", None, "new here, what do nurses make"),
        (
            "im a receptionist at a dentist office, how do i become a dental assistant",
            "receptionist",
            "how do i become a dental assistant",
        ),
        # Where the person is, when the question is about "here" or pay, is its place.
        (
            "im a bartender in vegas, how much do casino dealers make here",
            "bartender",
            "how much do casino dealers make in vegas",
        ),
        ("i'm a nurse in ohio, what do teachers make?", "nurse", "what do teachers make in ohio"),
        ("my uncle is a boilermaker do they make a lot", "boilermaker", "do they make a lot"),
        ("im a line cook and burnt out what else can i do", "line cook", "similar jobs"),
        ("i drive for uber what else can i do", "uber driver", "similar jobs"),
        (
            "i drive a truck, how do i become a dispatcher",
            "truck driver",
            "how do i become a dispatcher",
        ),
        # The job ends where the question, or when, begins; how they feel is not the question.
        ("im a cna right now, could i become an lpn", "cna", "could i become an lpn"),
        ("im a barista could i become a bartender", "barista", "could i become a bartender"),
        (
            "im a correctional officer how do i move up to probation officer",
            "correctional officer",
            "how do i move up to probation officer",
        ),
        (
            "im a line cook and honestly burnt out, could i become a baker",
            "line cook",
            "could i become a baker",
        ),
        ("i was a teacher, how do i become a tutor", "teacher", "how do i become a tutor"),
        ("i'm a bit confused about nurse pay", None, "i'm a bit confused about nurse pay"),
        (
            "my dad drives a garbage truck how much does he make",
            "garbage truck driver",
            "how much does he make",
        ),
        # Where one works names one's job when the titles name its worker ("Daycare Worker").
        (
            "i work at a daycare rn, how would i become a preschool teacher",
            "daycare worker",
            "how would i become a preschool teacher",
        ),
    ],
)
def test_the_job_they_do(text: str, own_job: str | None, question: str) -> None:
    said = read(text)
    assert (said.own_job, said.question) == (own_job, question)


@pytest.mark.parametrize(
    ("text", "question"),
    [
        (
            "im a receptionist and want something that pays more. medical assistant or coder?",
            "medical assistant or coder?",
        ),
        (
            "thinking about pharmacy tech or medical coding, which is better?",
            "pharmacy tech or medical coding",
        ),
        (
            "hello! im in college and cant decide between nursing and pharmacy. thoughts?",
            "compare nursing and pharmacy.",
        ),
        ("Can you tell me about being a dental hygienist?", "dental hygienist?"),
        ("cna or home health aide whats the diff", "cna or home health aide"),
        ("rn vs lpn, what's the difference?", "rn vs lpn"),
        ("whats the difference", "what's the difference"),  # of no titles: left as asked
        # A question about one job that its figures answer: the job.
        ("is being a probation officer dangerous", "probation officer"),
        ("can you make 100k as an electrician", "electrician"),
        ("how much do nurses make starting out", "how much do nurses make"),
        ("what's a phlebotomist", "phlebotomist"),
        ("what's a phlebotomist do", "what's a phlebotomist do"),  # their duties, read later
        ("are there a lot of jobs for paralegals", "paralegals"),
        ("how many electricians are there in ohio", "electricians in ohio"),
        ("thinking about going back to school for radiology", "how to become radiology"),
        ("do truck drivers get paid weekly", "truck drivers"),
        ("my girlfriend wants to be a nurse what should she study", "how to become nurse"),
        ("how stressful is being a 911 dispatcher", "911 dispatcher"),
        ("are farm equipment mechanics hard to find", "farm equipment mechanics"),
        (
            "whats a good salary for a respiratory therapist in ohio",
            "respiratory therapist in ohio",
        ),
        ("i want to be a game warden when i grow up", "i want to be a game warden"),
        ("how much do loan officers make on commission", "how much do loan officers make"),
        ("can a paralegal become a lawyer without law school", "switch from paralegal to lawyer"),
        (
            "i wanna be a dental hygienist how long is school",
            "how long does it take to become dental hygienist",
        ),
        ("ok then, how much do accountants make in ny", "how much do accountants make in ny"),
        (
            "whats the difference between an rn and an lpn?",
            "what's the difference between an rn and an lpn?",
        ),
        ("so which is better?", "which is better?"),
        ("i wanna be a vet", "i want to be a vet"),  # chat spelling, then the parser's frame
        ("gonna be a welder", "going to be a welder"),
        ("i'm thinking of becoming a plumber", "plumber"),
        ("how many hours a week do truck drivers work", "truck drivers"),
        (
            "my son wants to be a game designer is that realistic",
            "is being a game designer worth it",
        ),
        ("i am a teacher looking for a career change", "similar jobs"),
        ("i work in retail and hate it", "similar jobs"),
        ("i work as a cashier, what can i switch to", "similar jobs"),
        ("im a teacher, what else could i do with my skills that pays more", "similar jobs"),
        ("switching from teacher to something else", "jobs similar to teacher"),
        # What they heard, and words that only stress, are not the question.
        ("is pharmacist worth it, i hear the market is saturated", "is pharmacist worth it"),
        ("do actors really make that much per hour??", "do actors make that much per hour??"),
        # Emoji end a sentence; "what's the difference in pay" after a set is its comparison.
        (
            "been at a coffee shop 2 yrs 😭 thinking about lab tech or microbiologist whats the "
            "difference pay wise in maryland",
            "lab tech or microbiologist in maryland",
        ),
        (
            "comparing options: electrician, plumber or hvac in tennessee, whats the pay",
            "electrician, plumber or hvac in tennessee",
        ),
        ("gis tech w the county", "gis tech with the county"),
        # A title, then the question about it
        ("investment advisor whats the pay like", "how much do investment advisor make"),
        ("compensation analyst job description", "what does compensation analyst do"),
        ("athletic trainer job info pls", "athletic trainer"),
        ("do welders make bank", "welders"),
        ("nurse vs bank", "nurse vs bank"),  # "bank" alone is no "make bank"
        (
            "can a paralegal become a court clerk or is that a step down",
            "switch from paralegal to court clerk",
        ),
    ],
)
def test_the_question_inside(text: str, question: str) -> None:
    assert read(text).question == question


def test_someone_elses_job_and_wish_make_a_switch() -> None:
    said = read("my cousin is a car mechanic and wants to become a wind turbine tech, how?")
    assert (said.own_job, said.wants) == ("car mechanic", "wind turbine tech")
    said = read("im a cna and want to be a surgical tech how long is school")
    assert (said.own_job, said.wants) == ("cna", "surgical tech")


@pytest.mark.parametrize("text", ["how are you", "hows it going", "hi how r u doing", "whats up"])
def test_asking_after_the_bot_is_a_greeting(text: str) -> None:
    said = read(text)
    assert said.small_talk and said.greeting


@pytest.mark.parametrize(
    "text",
    [
        "thanks",
        "ok thx",
        "lol nice",
        "cool",
        "👍",
        "k thanks",
        "nvm",
        "good night",
        "brb",
        "thanks man",
        "cheers mate",
        "i like it",
        "ok thank u!!",
        "thx this helps a lot",
    ],
)
def test_small_talk(text: str) -> None:
    assert is_small_talk(text) and read(text).small_talk


@pytest.mark.parametrize(
    "text", ["nurse", "thanks, what do nurses make?", "?!", "ok so nurse vs teacher"]
)
def test_not_small_talk(text: str) -> None:
    assert not is_small_talk(text)


@pytest.mark.parametrize("tail", ["tho", "though", "ngl", "anyways", "do you think"])
def test_chat_words_after_a_question_are_not_part_of_it(tail: str) -> None:
    assert read(f"is there a future in it {tail}").question == "is there a future in it"


def test_questions_about_the_bot_and_where_it_is() -> None:
    assert read("what can you do?").meta == "help"
    assert read("where do these numbers come from?").meta == "about"
    assert read("set my location to washington state").set_place == "washington state"


def test_pay_words_and_places_without_in() -> None:
    assert without_pay_words("salary of welder in houston") == "welder in houston"
    assert without_pay_words("electrician how much money") == "electrician"
    places = {"texas", "austin tx"}
    titles = {"nurse", "electrician", "plumber"}

    def moved(question: str) -> str:
        return place_in_words(question, lambda t: t if t in places else None, titles.__contains__)

    assert moved("nurse texas") == "nurse in texas"
    assert moved("texas plumber") == "plumber in texas"
    assert moved("electrician austin tx") == "electrician in austin tx"
    assert moved("nurse vs texas") == "nurse vs texas"  # a comparison, not a place
    assert moved("electrician in texas") == "electrician in texas"


def test_a_question_with_no_place_at_either_end_asks_no_title_lookup() -> None:
    """Resolving is the costly part: without a place to move there is nothing to ask."""
    asked: list[str] = []

    def resolves(text: str) -> bool:
        asked.append(text)
        return text in {"nurse", "teacher"}

    places = {"texas": "TX"}.get
    assert place_in_words("nurse vs teacher", places, resolves) == "nurse vs teacher"
    assert asked == []
    assert place_in_words("nurse texas", places, resolves) == "nurse in texas"
    assert asked == ["nurse texas", "nurse"]


def test_what_the_person_likes_is_no_job_asked() -> None:
    assert read("i like cars").likes == "cars"
    assert read("I really love animals!").likes == "animals"
    assert read("i like it").likes is None  # small talk
    assert read("i'm a nurse and i like it").likes is None


def test_an_activity_liked_is_not_a_field_named() -> None:
    assert is_activity("working with my hands") and is_activity("computers and games")
    assert not is_activity("nursing") and not is_activity("graphic design")


@pytest.mark.parametrize(
    ("text", "question", "own_job", "wants"),
    [
        (
            "my cousin's a chippy over in manchester, what would that pay in the states",
            "what would that pay in the states",
            "chippy",
            None,
        ),
        ("wife's a vet tech and wants to become a vet", "", "vet tech", "vet"),
        ("im a guy and want to be a manny", "want to be a manny", None, None),  # no job
        (
            "my dad was an artillery officer, what civilian jobs match that",
            "similar jobs",
            "artillery officer",
            None,
        ),
        ("is copywriter a real job or nah", "is copywriter a real job", None, None),
        (
            "is actuary a good career for someone who hates people",
            "is actuary a good career",
            None,
            None,
        ),
        ("repo man pay any good?", "repo man", None, None),
        (
            "quick q do glaziers need an apprenticeship",
            "do glaziers need an apprenticeship",
            None,
            None,
        ),
        ("actually nvm, how much do actuaries make", "how much do actuaries make", None, None),
    ],
)
def test_stories_and_asides_around_the_question(
    text: str, question: str, own_job: str | None, wants: str | None
) -> None:
    said = read(text)
    assert (said.question, said.own_job, said.wants) == (question, own_job, wants)


def test_help_about_and_thanks_in_more_words() -> None:
    assert read("what can this bot do exactly").meta == "help"
    assert read("who makes these numbers up lol").meta == "about"
    assert read("where does this thing get its data").meta == "about"


def test_words_before_a_question_that_change_nothing_are_left_out() -> None:
    assert read("ok but seriously which one is better").question == "which one is better"
    assert read("honestly, which pays more").question == "which pays more"
    assert read("thx guys").small_talk
