"""Title resolution over the real O*NET titles: seeds, sloppy titles, generic titles, gibberish."""

from __future__ import annotations

import pytest

from bot.resolver import TitleIndex


@pytest.mark.parametrize(
    "text, code",
    [
        ("medical collections", "43-3011.00"),
        ("med collections", "43-3011.00"),
        ("collections specialist", "43-3011.00"),
        ("loss mitigation", "13-2072.00"),
        ("loss mitigation specialist", "13-2072.00"),
        ("senior patient account representative", "43-3021.00"),
        ("RN", "29-1141.00"),
        ("nurce", "29-1141.00"),
        ("nurse", "29-1141.00"),
        ("software engineers", "15-1252.00"),
        ("electritian", "47-2111.00"),
        ("plummer", "47-2152.00"),
        ("dental hygienists", "29-1292.00"),
        ("Registered Nurses", "29-1141.00"),
    ],
)
def test_resolves_to_the_occupation_people_mean(
    real_index: TitleIndex, text: str, code: str
) -> None:
    resolution = real_index.resolve(text)
    assert resolution.best is not None and resolution.best.code == code, resolution
    assert resolution.status in {"matched", "ambiguous"}


@pytest.mark.parametrize(
    "field, code",
    [
        ("nursing", "29-1141.00"),
        ("teaching", "25-2021.00"),
        ("accounting", "13-2011.00"),
        ("welding", "51-4121.00"),
        ("trucking", "53-3032.00"),
        ("law", "23-1011.00"),
        ("pharmacy", "29-1051.00"),
        ("real estate", "41-9022.00"),
        ("customer service", "43-4051.00"),
        ("retail", "41-2031.00"),
        ("manager", "11-1021.00"),
    ],
)
def test_a_field_of_work_means_its_main_job(real_index: TitleIndex, field: str, code: str) -> None:
    """ "Is nursing a good career?" is about nurses, not nursing directors or aides."""
    resolution = real_index.resolve(field)
    assert resolution.status == "matched" and resolution.best is not None
    assert resolution.best.code == code


@pytest.mark.parametrize(
    "text, code",
    [
        ("nursing assistant", "31-1131.00"),
        ("welding machine operator", "51-4122.00"),
        ("pharmacy technician", "29-2052.00"),
        ("teaching assistant", "25-9042.00"),
    ],
)
def test_titles_that_contain_a_field_keep_their_own_job(
    real_index: TitleIndex, text: str, code: str
) -> None:
    resolution = real_index.resolve(text)
    assert resolution.best is not None and resolution.best.code == code


def test_seed_false_friends_are_not_chosen(real_index: TitleIndex) -> None:
    loss = real_index.resolve("loss mitigation specialist")
    assert "33-9099.02" not in [c.code for c in loss.candidates]
    collections = real_index.resolve("collections specialist")
    assert collections.best is not None
    assert collections.best.code not in {"13-2081.00", "25-4022.00"}


def test_generic_titles_put_most_jobs_first_and_offer_the_rest(real_index: TitleIndex) -> None:
    teacher = real_index.resolve("teacher")
    assert teacher.status == "matched"
    assert teacher.best is not None and teacher.best.code.startswith("25-20")
    assert len(teacher.candidates) > 1
    employment = [real_index.employment.get(c.code, 0) for c in teacher.candidates]
    assert employment[0] == max(employment)


@pytest.mark.parametrize("text", ["asdfgh", "qwerty", "zzzzzz", "xkcd blorp"])
def test_gibberish_is_unknown(real_index: TitleIndex, text: str) -> None:
    assert real_index.resolve(text).status == "unknown"


def test_scores_are_ordered_and_bounded(real_index: TitleIndex) -> None:
    for text in ("nurce", "acountant", "truck driver", "data scientist"):
        scores = [c.score for c in real_index.resolve(text).candidates]
        assert all(0 <= s <= 100 for s in scores)
        assert scores[0] == max(scores)


def test_curated_lines_override_onet(tmp_path) -> None:
    (tmp_path / "titles.tsv").write_text(
        "title\tcode\treason\nwidget wrangler\t22-2222.00\ttest\n-gizmo\t11-1111.00\ttest\n"
    )
    rows = [
        ("11-1111.00", "Gizmo Makers", "occupation"),
        ("11-1111.00", "Gizmo", "alternate"),
        ("22-2222.00", "Widget Makers", "occupation"),
        ("11-1111.00", "Widget Wrangler", "alternate"),
    ]
    index = TitleIndex.from_rows(rows, {"11-1111.00": 10, "22-2222.00": 5}, data_dir=tmp_path)
    wrangler = index.resolve("widget wranglers")
    assert wrangler.best is not None and wrangler.best.code == "22-2222.00"
    gizmo = index.resolve("gizmo")
    assert all(c.matched_title != "Gizmo" for c in gizmo.candidates)


def test_a_typo_of_a_common_title_word_is_answered_a_rare_one_only_offered(
    real_index: TitleIndex,
) -> None:
    assert real_index.resolve("electrision").status == "matched"
    # "burgers" is one edit from "bugler": a guess worth asking about, never an answer.
    assert real_index.resolve("burgers").status != "matched"
