"""One title or several: commas, slashes, "&", "and" and "or" split only when the parts resolve
better apart than the whole does together; "vs" always compares."""

from __future__ import annotations

import pytest

from bot.parsing import parse
from bot.reading import choose_reading
from bot.resolver import Status, TitleIndex
from tests.support.tiny_titles import tiny_index


@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> TitleIndex:
    return tiny_index(tmp_path_factory.mktemp("curated"))


def codes(text: str, index: TitleIndex) -> list[str | None]:
    return [r.best.code if r.best else None for r in choose_reading(parse(text), index)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Operator, Forklift", ["53-7051.00"]),
        ("Clerk, Payroll", ["43-3051.00"]),
        ("Supervisor, Paving Crew", ["47-1011.00"]),
        ("Claims Adjusters, Examiners, and Investigators", ["13-1031.00"]),
        ("Paving, Surfacing, and Tamping Equipment Operators", ["47-2071.00"]),
        ("Hosts and Hostesses, Restaurant, Lounge, and Coffee Shop", ["35-9031.00"]),
        ("host/hostess", ["35-9031.00"]),
    ],
)
def test_one_title_with_commas_slashes_or_and_inside_is_one_title(
    tiny: TitleIndex, text: str, expected: list[str]
) -> None:
    assert codes(text, tiny) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("electrician, machinist", ["47-2111.00", "51-4041.00"]),
        ("electrician / machinist", ["47-2111.00", "51-4041.00"]),
        ("compare electricians and machinists", ["47-2111.00", "51-4041.00"]),
        ("how much do electricians and machinists make", ["47-2111.00", "51-4041.00"]),
        ("electrician, machinist or psychiatrist", ["47-2111.00", "51-4041.00", "29-1223.00"]),
    ],
)
def test_a_list_of_titles_is_a_comparison(tiny: TitleIndex, text: str, expected: list[str]) -> None:
    assert codes(text, tiny) == expected


def test_vs_always_compares_even_the_same_occupation(tiny: TitleIndex) -> None:
    assert codes("host vs hostess", tiny) == ["35-9031.00", "35-9031.00"]
    assert codes("host or hostess", tiny) == ["35-9031.00", "35-9031.00"]


def test_segments_are_decided_one_by_one(tiny: TitleIndex) -> None:
    found = codes("Operator, Forklift vs electrician, machinist", tiny)
    assert found == ["53-7051.00", "47-2111.00", "51-4041.00"]


def test_a_description_split_by_or_stays_one_description(tiny: TitleIndex) -> None:
    resolutions = choose_reading(parse("someone who fixes cars or trucks"), tiny)
    assert len(resolutions) == 1
    assert resolutions[0].best is not None and resolutions[0].best.code == "49-3023.00"


async def test_the_bot_and_match_read_a_message_the_same_way(careerbot) -> None:  # type: ignore[no-untyped-def]
    """`careerbot match --jsonl` and the bot agree: one side, a profile."""
    result = careerbot.match("Operator, Forklift")
    assert result["kind"] == "profile" and len(result["sides"]) == 1
    assert set(result) == {"query", "kind", "sides"}
    assert set(result["sides"][0]) == {"text", "status", "candidates"}
    reply = await careerbot.answer("Operator, Forklift")
    assert reply.kind in {"profile", "clarify"}
    if reply.kind == "profile":
        assert [o["code"] for o in reply.occupations] == [
            result["sides"][0]["candidates"][0]["code"]
        ]


@pytest.mark.realdata
async def test_an_official_title_with_commas_opens_one_profile(careerbot) -> None:  # type: ignore[no-untyped-def]
    reply = await careerbot.answer("Claims Adjusters, Examiners, and Investigators")
    assert reply.kind == "profile"
    assert [o["code"] for o in reply.occupations] == ["13-1031.00"]


def test_a_side_that_is_not_a_title_is_unknown_with_no_candidates(tiny: TitleIndex) -> None:
    resolutions = choose_reading(parse("electrician vs what about"), tiny)
    assert resolutions[-1].status is Status.UNKNOWN and resolutions[-1].candidates == ()


@pytest.mark.realdata
@pytest.mark.parametrize(
    "text, code",
    [
        ("Civil Engineer, Transportation", "17-2051.01"),
        ("Translator, Japanese", "27-3091.00"),
    ],
)
def test_a_qualifier_after_a_comma_is_part_of_the_title(real_index, text: str, code: str) -> None:  # type: ignore[no-untyped-def]
    """ "Transportation" and "Japanese" name no worker and are no title: they say which."""
    resolutions = choose_reading(parse(text), real_index)
    assert [r.best.code for r in resolutions if r.best] == [code]


@pytest.mark.parametrize(
    "text",
    [
        "Fruit or Nut Crops Farm Manager",
        "HVAC Journeyman (Heating, Ventilation, and Air Conditioning Journeyman)",
        "Branch Manager, Retail Banking",  # a department, though "banking" reads as a banker
        "Dishwasher/Utility",  # what else the dishwasher does, though "utility worker" is a title
    ],
)
def test_or_and_commas_inside_one_title_do_not_split_it(real_index, text: str) -> None:  # type: ignore[no-untyped-def]
    """ "Fruit or ..." only modifies the manager; a comma inside brackets is no list."""
    assert len(choose_reading(parse(text), real_index)) == 1


def test_a_bare_head_noun_before_other_workers_is_a_list(real_index) -> None:  # type: ignore[no-untyped-def]
    assert len(choose_reading(parse("teacher, librarian, school counselor"), real_index)) == 3


async def test_the_reply_names_the_job_as_asked_without_the_requisition_number(careerbot) -> None:  # type: ignore[no-untyped-def]
    reply = await careerbot.answer("Sr. Machinist Class A req #4411")
    assert reply.kind == "profile"
    assert [o["asked_as"] for o in reply.occupations] == ["sr. machinist class a"]
    assert [o["code"] for o in reply.occupations] == ["51-4041.00"]


@pytest.mark.realdata
async def test_match_leaves_out_a_question_about_the_titles(careerbot) -> None:  # type: ignore[no-untyped-def]
    """ "carpenter vs electrician which pays more": two titles, as the bot reads it, not a
    second title "electrician which pays more"."""
    for text in (
        "carpenter vs electrician which pays more",
        "which pays more, carpenter or electrician",
    ):
        result = careerbot.match(text)
        assert result["query"] == text and result["kind"] == "compare"
        assert [s["text"] for s in result["sides"]] == ["carpenter", "electrician"]
        assert [s["candidates"][0]["code"] for s in result["sides"]] == ["47-2031.00", "47-2111.00"]


@pytest.mark.realdata
async def test_match_reads_the_titles_of_a_chat_message_as_the_bot_does(careerbot) -> None:  # type: ignore[no-untyped-def]
    cases = {
        "i wanna be a nurse": ["29-1141.00"],
        "whats the difference between a psychologist and a psychiatrist": [
            "19-3033.00",
            "29-1223.00",
        ],
        "Hi! im a cashier and wanna become an accountant": ["41-2011.00", "13-2011.00"],
        "I'm a welder.": ["51-4121.00"],
        "how long does it take to become a pharmacist": ["29-1051.00"],
        "do locksmiths need a license": ["49-9094.00"],
        # Their own job and how to become another: a switch from one to the other.
        "im a barista could i become a bartender": ["35-3023.01", "35-3011.00"],
        "my aunt is a hairstylist does she need a license to be a nail tech": [
            "39-5012.00",
            "39-5092.00",
        ],
        # Pay and benefit words around a title, and the ways people ask to compare.
        "what kind of money does a lineman make": ["49-9051.00"],
        "whats the hourly rate for a bartender in nyc": ["35-3011.00"],
        "do dental assistants get benefits": ["31-9091.00"],
        "salary of software engineer in seattle": ["15-1252.00"],
        "can you compare plumber and electrician salaries": ["47-2152.00", "47-2111.00"],
        "should i go to school for radiology tech or sonography": ["29-2034.00", "29-2032.00"],
        "do actors really make that much per hour??": ["27-2011.00"],
        "is vet tech pay really that low": ["29-2056.00"],
        "real estate agent how much do they really make": ["41-9022.00"],
        "i think i want to be a nurse": ["29-1141.00"],
        # A title every word of which one occupation's own title says: that occupation.
        "game designer": ["15-1255.01"],
        # A worker's name mistyped before "or" is still a worker, not a qualifier.
        "cosmotologist or barber": ["39-5012.00", "39-5011.00"],
    }
    for text, codes in cases.items():
        result = careerbot.match(text)
        assert result["query"] == text
        assert [s["candidates"][0]["code"] for s in result["sides"]] == codes, text
    # As typed when reading changes nothing but case and punctuation.
    assert careerbot.match("Operator, Forklift")["sides"][0]["text"].lower() == "operator, forklift"
    # Chit-chat still comes back as one unknown side, not as a job.
    assert all(s["status"] == "unknown" for s in careerbot.match("thank you so much")["sides"])


@pytest.mark.parametrize(
    "text, code",
    [
        ("epidemologist jobs after covid", "19-1041.00"),  # a typo, then talk about the job
        ("mortitian school cost", "39-4031.00"),
        ("bookeeper for small businesses from home", "43-3031.00"),
        ("can you make a real living as a personal trainer", "39-9031.00"),
        ("my mom wants me to be a nuerologist lol", "29-1217.00"),  # letters swapped
    ],
)
def test_a_title_with_talk_around_it_is_that_title(careerbot, text: str, code: str) -> None:  # type: ignore[no-untyped-def]
    [side] = careerbot.match(text)["sides"]
    assert side["status"] == "matched" and side["candidates"][0]["code"] == code


@pytest.mark.parametrize(
    "text",
    [
        "nurse shark facts",
        "pilot episode of breaking bad",
        "tell me a joke",
        "painting my room this weekend",
        "the person at the bank window who handles deposits",
    ],
)
def test_a_job_word_in_talk_about_something_else_names_no_job(careerbot, text: str) -> None:  # type: ignore[no-untyped-def]
    assert all(side["status"] != "matched" for side in careerbot.match(text)["sides"])


@pytest.mark.parametrize(
    "text, code",
    [
        ("narc with the county drug task force, burning out", "33-3021.00"),
        ("DA at a pediatric dental office, want more $$", "31-9091.00"),
        ("how much do crematory operators make, asking for me", "39-4012.00"),
    ],
)
def test_talk_after_a_comma_is_not_another_title(careerbot, text: str, code: str) -> None:  # type: ignore[no-untyped-def]
    [side] = careerbot.match(text)["sides"]
    assert side["candidates"][0]["code"] == code


def test_a_department_after_a_comma_still_belongs_to_the_title(careerbot) -> None:  # type: ignore[no-untyped-def]
    """Not talk: the words name where the job is ("Specialist I, Benefits & Leave …")."""
    sides = careerbot.match("Manager, Benefits & Leave Administration")["sides"]
    assert [side["text"] for side in sides] != ["manager"]  # the department is not dropped
    assert len(careerbot.match("nurse, teacher")["sides"]) == 2


@pytest.mark.parametrize(
    "text, code",
    [
        ("Meat Cutter / Butcher - Grocery", "51-3021.00"),
        ("Caregiver / Home Health Aide - Weekends", "31-1121.00"),
    ],
)
def test_two_names_of_one_job_joined_by_a_slash_are_one_title(
    careerbot, text: str, code: str
) -> None:  # type: ignore[no-untyped-def]
    [side] = careerbot.match(text)["sides"]
    assert side["candidates"][0]["code"] == code


@pytest.mark.parametrize("text", ["electrician/plumber", "cna/lpn", "nurse/teacher"])
def test_two_jobs_joined_by_a_slash_are_still_compared(careerbot, text: str) -> None:  # type: ignore[no-untyped-def]
    assert len(careerbot.match(text)["sides"]) == 2
