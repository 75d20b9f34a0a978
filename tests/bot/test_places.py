"""Places: states, postal codes, metros by city, and the area figures in answers."""

from __future__ import annotations

import pytest

from bot.places import Places
from bot.service import Careerbot
from store.facts import AreaFacts
from tests.support.sources import oews_value

AREAS = [
    AreaFacts("4800000", "S", "48", "Texas"),
    AreaFacts("5300000", "S", "53", "Washington"),
    AreaFacts("3600000", "S", "36", "New York"),
    AreaFacts("4100000", "S", "41", "Oregon"),
    AreaFacts("2300000", "S", "23", "Maine"),
    AreaFacts("0042660", "M", "53", "Seattle-Tacoma-Bellevue, WA"),
    AreaFacts("0035620", "M", "36", "New York-Newark-Jersey City, NY-NJ"),
    AreaFacts("0038900", "M", "41", "Portland-Vancouver-Hillsboro, OR-WA"),
    AreaFacts("0038860", "M", "23", "Portland-South Portland, ME"),
    AreaFacts("4800004", "M", "48", "West Texas nonmetropolitan area"),
]


@pytest.mark.parametrize(
    "text, code",
    [
        ("Texas", "4800000"),
        ("TX", "4800000"),
        ("tx.", "4800000"),
        ("Seattle", "0042660"),
        ("Seattle, WA", "0042660"),
        ("NYC", "0035620"),
        ("New York", "3600000"),
        ("Portland, OR", "0038900"),
        ("Portland, ME", "0038860"),
        ("Washington", "5300000"),
        ("portland maine", "0038860"),  # a city, then its state, without the comma
        ("seattle wa", "0042660"),
        ("new york new york", "0035620"),
    ],
)
def test_finds_states_and_metros(text: str, code: str) -> None:
    place = Places(AREAS).find(text)
    assert place is not None and place.code == code


@pytest.mark.parametrize(
    "text", ["pizza", "special education", "Seattle, TX", "seattle texas", "west texas", "help me"]
)
def test_other_words_are_not_places(text: str) -> None:
    assert Places(AREAS).find(text) is None


def test_location_json_uses_fips_and_cbsa_codes() -> None:
    places = Places(AREAS)
    assert places.json(places.find("TX")) == {
        "kind": "state",
        "code": "48",
        "name": "Texas",
        "oews_area": "4800000",
    }
    assert places.json(places.find("Seattle"))["code"] == "42660"
    assert places.json(None)["kind"] == "national"


async def test_comparison_in_a_state_uses_state_wages(careerbot: Careerbot) -> None:
    national = await careerbot.answer("nurse vs teacher")
    texas = await careerbot.answer("nurse vs teacher in Texas")
    assert texas.extra["location"]["code"] == "48"
    assert texas.occupations[0]["wages"]["area"] == "Texas"
    assert (
        texas.occupations[0]["wages"]["annual_median"]
        != national.occupations[0]["wages"]["annual_median"]
    )
    assert "Texas" in texas.text
    # The area travels with the buttons.
    salary = next(b.data for row in texas.buttons for b in row if b.label.endswith("Salary"))
    assert "Texas" in (await careerbot.press(salary)).text


@pytest.mark.parametrize(
    "question",
    [
        "plumbers in California",
        "nurse vs teacher in California",
        "nurse, chef or plumber in California",
    ],
)
async def test_every_answer_with_a_place_says_whose_pay_it_shows(
    careerbot: Careerbot, question: str
) -> None:
    """Profiles and 3-way comparisons too, not only side-by-side ones."""
    reply = await careerbot.answer(question)
    assert "📍 Pay and jobs in California; growth and education are national." in reply.text
    national = await careerbot.answer(question.removesuffix(" in California"))
    assert "📍" not in national.text


async def test_remembered_chat_location_applies_without_a_place(careerbot: Careerbot) -> None:
    reply = await careerbot.answer("nurse vs teacher", default_area="0042660")
    assert reply.extra["location"]["kind"] == "metro"


async def test_a_chat_remembers_its_location_until_reset(careerbot: Careerbot) -> None:
    chat = 424242
    saved = await careerbot.set_location(chat, "TX")
    assert "Texas" in saved.text
    texas = await careerbot.answer("nurse vs teacher", chat_id=chat)
    assert texas.extra["location"]["name"] == "Texas"
    # A place in the message wins over the remembered one.
    seattle = await careerbot.answer("nurse vs teacher in Seattle", chat_id=chat)
    assert seattle.extra["location"]["kind"] == "metro"
    assert "Texas" in (await careerbot.set_location(chat, "")).text
    await careerbot.set_location(chat, "US")
    national = await careerbot.answer("nurse vs teacher", chat_id=chat)
    assert national.extra["location"]["kind"] == "national"


async def test_unknown_place_explains_how_to_set_one(careerbot: Careerbot) -> None:
    reply = await careerbot.set_location(7, "Atlantis")
    assert "Atlantis" in reply.text and "/state" in reply.text
    assert await careerbot.store.preferences.area(7) is None


async def test_area_figures_equal_the_source_rows(careerbot: Careerbot, real_data_dir) -> None:

    texas = await careerbot.answer("nurse in TX")
    (nurse,) = texas.occupations
    series = "OEUS480000000000029114113"  # state 48, cross-industry, 29-1141, annual median
    assert nurse["wages"]["annual_median"] == int(oews_value(real_data_dir, series))
    seattle = await careerbot.answer("electricians vs plumbers in Seattle, WA")
    electricians = seattle.occupations[0]
    series = "OEUM004266000000047211113"  # metro 42660, 47-2111, annual median
    assert electricians["wages"]["annual_median"] == int(oews_value(real_data_dir, series))
    assert electricians["wages"]["employment"] == int(oews_value(real_data_dir, series[:-2] + "01"))


@pytest.mark.parametrize("text", ["the south", "south", "north", "the west", "new"])
def test_a_compass_word_is_no_city(text: str) -> None:
    """ "what about in the south": not South Bend-Mishawaka, IN-MI; "pasadena" still is."""
    places = Places(
        [
            *AREAS,
            AreaFacts("0043780", "M", "18", "South Bend-Mishawaka, IN-MI"),
            AreaFacts("0035840", "M", "12", "North Port-Bradenton-Sarasota, FL"),
            AreaFacts("0026420", "M", "48", "Houston-Pasadena-The Woodlands, TX"),
        ]
    )
    assert places.find_loosely(text) is None
    assert places.find_loosely("pasadena") is not None


def test_regions_are_known_as_regions_and_parts_of_states_as_the_state() -> None:
    from bot.places import is_region

    assert is_region("the midwest") and is_region("in new england") and is_region("west coast")
    assert not is_region("west virginia") and not is_region("texas")
    places = Places(AREAS)
    texas = places.find("texas")
    assert texas is not None and places.find_loosely("southern texas") == texas
