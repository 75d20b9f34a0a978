"""Descriptions of the work: recognised by their frame, ranked by what workers do."""

from __future__ import annotations

import pytest

from bot import descriptions
from bot.descriptions import DescriptionIndex, is_description, stem
from tests.support.tiny_titles import EMPLOYMENT, EVERYDAY, TASKS


@pytest.mark.parametrize(
    "text",
    [
        "someone who fixes cars",
        "the person who cleans teeth",
        "person who cleans teeth",
        "people who paint houses",
        "a job where I work with animals",
        "job where you repair roofs",
        "what do you call someone who fixes pipes",
        "the doctor who reads x rays",  # a worker noun, then what this one does
        "whats the job where you put shoes on horses",
        "the ppl who load the bags onto the planes",
        "my mom cleans houses for a living",
    ],
)
def test_descriptions_are_recognised_by_their_frame(text: str) -> None:
    assert is_description(text)


@pytest.mark.parametrize(
    "text", ["nurse", "software engineer", "people operations manager", "who", "my mom is a nurse"]
)
def test_titles_are_not_descriptions(text: str) -> None:
    assert not is_description(text)


def test_one_stem_on_both_sides() -> None:
    assert stem("fixes") == stem("fixing") == stem("fixed") == "fix"
    assert stem("houses") == stem("house")
    assert stem("teacher") == stem("teaching") == stem("teaches")
    assert stem("running") == "run" and stem("filling") == "fill"


@pytest.fixture
def index() -> DescriptionIndex:
    return DescriptionIndex(TASKS, EMPLOYMENT, everyday=EVERYDAY)


def test_everyday_words_find_the_tasks_that_say_it_otherwise(index: DescriptionIndex) -> None:
    """ "fixes cars": the tasks say "repair automobiles"."""
    found = index.search("someone who fixes cars")
    assert found[0][0] == "49-3023.00"


def test_one_clear_winner_answers_otherwise_the_top_few_are_offered(
    index: DescriptionIndex,
) -> None:
    teeth = index.search("the person who cleans teeth")
    assert teeth[0][0] == "29-1292.00" and index.clear_winner(teeth)
    mixed = index.search("someone who repairs electrical wiring in trucks")
    assert {code for code, _ in mixed[:2]} == {"47-2111.00", "49-3023.00"}
    assert not index.clear_winner([("47-2111.00", 90.0), ("49-3023.00", 80.0)])


def test_saying_it_is_a_job_is_no_evidence_of_which(index: DescriptionIndex) -> None:
    assert index.search("someone who fixes cars for a living") == index.search(
        "someone who fixes cars"
    )


def _close_fits(index_names: dict[str, list[str]] | None = None) -> DescriptionIndex:
    tasks = {
        "29-1224.00": ["Read scans and images of patients."],
        "29-2034.00": [
            "Read scans and images of patients.",
            "Read scans for the doctor.",
            "Read more scans.",
            "Read scans.",
        ],
        "47-2231.00": ["Put solar panels in place on buildings."],
        "47-2181.00": ["Install roofs.", "Put solar panels on roofs."],
        **{f"99-000{n}.00": [f"Unrelated work number {n}."] for n in range(8)},  # rarer words
    }
    names = {
        "29-1224.00": ["Radiologists", "Radiology Doctor"],
        "29-2034.00": ["Radiologic Technologists", "X-Ray Tech"],
        "47-2231.00": ["Solar Installers"],
        "47-2181.00": ["Roofers"],
    }
    return DescriptionIndex(tasks, {}, everyday={}, names=names)


def test_the_worker_named_decides_between_close_fits() -> None:
    """ "the doctor who reads scans": of two that read scans, the one called a doctor, though
    the other's tasks say "read scans" more often."""
    assert _close_fits().search("the doctor who reads scans")[0][0] == "29-1224.00"
    assert _close_fits().search("someone who reads scans")[0][0] == "29-2034.00"


def test_the_verb_as_the_titles_worker_lifts_that_occupation(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """ "someone who installs solar panels on roofs": the Solar Installers come closer to the
    roofers whose tasks say "roofs" — their title names who installs, and what."""
    asked = "someone who installs solar panels on roofs"
    lifted = dict(_close_fits().search(asked))["47-2231.00"]
    monkeypatch.setattr(descriptions, "VERB_BOOST", 0.0)
    plain = dict(_close_fits().search(asked))["47-2231.00"]
    assert lifted > plain


def test_no_evidence_is_no_answer(index: DescriptionIndex) -> None:
    assert index.search("someone who juggles flaming torches") == []


def test_the_index_is_built_on_first_use(index: DescriptionIndex) -> None:
    assert not index.postings
    index.search("someone who fixes cars")
    assert index.postings and index.codes


@pytest.mark.realdata
@pytest.mark.parametrize(
    "text, code",
    [
        ("someone who fixes cars", "49-3023.00"),
        ("the person who cleans teeth", "29-1292.00"),
        ("people who fix air conditioners", "49-9021.00"),
        ("a job where you repair roofs", "47-2181.00"),
    ],
)
def test_real_descriptions_find_the_occupation_within_three(
    real_index, text: str, code: str
) -> None:  # type: ignore[no-untyped-def]
    resolution = real_index.resolve(text)
    assert code in [c.code for c in resolution.candidates[:3]], resolution


def test_a_phrasal_verb_is_read_as_the_task_it_names() -> None:
    """ "someone who puts out fires": "put" and "out" say nothing one by one; the phrase is
    the firefighters' "extinguish fires", not the forest technicians' many "fire" tasks."""
    tasks = {
        "33-2011.00": ["Extinguish fires in buildings.", "Rescue victims."],
        "19-4071.00": [
            "Survey fire damage in forests.",
            "Plan prescribed fire burns.",
            "Record fire weather.",
        ],
    }
    others = {f"43-90{n}1.00": [f"Sort mail of kind {n}.", "File records."] for n in range(8)}
    index = DescriptionIndex({**tasks, **others}, {}, everyday={})
    assert index.search("someone who puts out fires")[0][0] == "33-2011.00"


@pytest.mark.parametrize(
    "text", ["what do you call the lady who draws your blood", "the dude who fixes roofs"]
)
def test_people_are_named_as_people_say_them(text: str) -> None:
    assert is_description(text)
