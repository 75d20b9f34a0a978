"""Title resolution over the real O*NET titles: seeds, sloppy titles, generic titles, gibberish."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.resolver import RESOLVED_CACHE, Status, TitleIndex, read_tsv
from tests.support.tiny_titles import tiny_index


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
        ("PAs", "29-1071.00"),  # an abbreviation's plural, not an acronym guessed from it
        ("NPs", "29-1171.00"),
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
        # The worker only other titles name: "Pipefitter", "Bricklayer", "Coach", "Tutor".
        ("pipefitting", "47-2152.00"),
        ("bricklaying", "47-2021.00"),
        ("coaching", "27-2022.00"),
        ("tutoring", "25-3041.00"),
        ("cooking", "35-2014.00"),
        # The work an occupation's own title names, without its worker.
        ("pest control", "37-2021.00"),
        ("drywall", "47-2081.00"),
        ("construction", "47-2061.00"),
        ("electrical", "47-2111.00"),  # the trade, curated
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


def test_the_intended_spelling_is_close_and_common(real_index: TitleIndex) -> None:
    """ "electrition" is nearer "electrification" and "election" by letters, but a hundred titles
    say electrician: the likelier word is the one people mean."""
    best = real_index.resolve("electrition").best
    assert best is not None and best.code == "47-2111.00"


def test_a_run_together_title_is_read_as_the_words_it_joins(real_index: TitleIndex) -> None:
    """Both words must be matched: "dogcatcher" is a dog catcher, not any "Catcher"."""
    for text, code in (
        ("dogcatcher", "33-9011.00"),
        ("highschool teacher", "25-2031.00"),
        ("forkliftoperator", "53-7051.00"),
    ):
        found = real_index.resolve(text)
        assert found.status == "matched" and found.best is not None, text
        assert found.best.code == code, text


def test_a_rare_word_a_letter_away_is_offered_not_answered(real_index: TitleIndex) -> None:
    # "lakers" is a letter from "Lacer" (and "Layer"): worth asking about, not an answer.
    assert real_index.resolve("lakers").status != "matched"
    # A letter missing from a long word is a clear typo, however rare the word.
    hygienist = real_index.resolve("dental hygenist")
    assert hygienist.status == "matched" and hygienist.best is not None
    assert hygienist.best.code == "29-1292.00"
    # Two letters the wrong way round are one slip, not two changes.
    diesel = real_index.resolve("deisel mechanic")
    assert diesel.status == "matched" and diesel.best is not None
    assert diesel.best.code == "49-3031.00"


# --- the rules, on a tiny hand-made index -----------------------------------------------------
@pytest.fixture(scope="module")
def tiny(tmp_path_factory: pytest.TempPathFactory) -> TitleIndex:
    return tiny_index(tmp_path_factory.mktemp("curated"))


def test_status_is_an_enum_with_the_json_values() -> None:
    assert [s.value for s in Status] == ["matched", "ambiguous", "unknown"]
    assert Status.MATCHED == "matched"


def test_an_occupations_own_title_beats_another_occupations_alternate(tiny: TitleIndex) -> None:
    """Pattern 5: O*NET lists "Logistics Engineer" under industrial engineers too."""
    resolution = tiny.resolve("Logistics Engineers")
    assert resolution.status is Status.MATCHED
    assert resolution.best is not None and resolution.best.code == "13-1081.01"


@pytest.mark.parametrize(
    "text, code",
    [
        ("Machinist Class A", "51-4041.00"),
        ("Electrician Level II", "47-2111.00"),
        ("Sr. Electrician", "47-2111.00"),
        ("Lead Machinist (seasonal)", "51-4041.00"),
        ("Machinist III - 2nd shift req #4411", "51-4041.00"),
        ("Journeyman Electrician", "47-2111.00"),
        ("Apprentice Electrician", "47-2111.00"),
        ("Psychiatry Resident (PGY-2)", "29-1223.00"),
        ("Staff Nurse - Night Shift", "29-1141.00"),
    ],
)
def test_grades_ranks_schedule_and_trainee_forms_still_name_the_job(
    tiny: TitleIndex, text: str, code: str
) -> None:
    """Pattern 3: easy titles with noise are answered, not unknown."""
    resolution = tiny.resolve(text)
    assert resolution.status is Status.MATCHED, resolution
    assert resolution.best is not None and resolution.best.code == code


def test_what_was_asked_keeps_the_rank_but_not_the_requisition_number(tiny: TitleIndex) -> None:
    assert tiny.resolve("Sr. Machinist req #4411").text == "Sr. Machinist"


@pytest.mark.parametrize(
    "text, code",
    [
        ("Operator, Forklift", "53-7051.00"),
        ("Clerk, Payroll", "43-3051.00"),
        ("Supervisor, Paving Crew", "47-1011.00"),
        ("supervisor of paving crews", "47-1011.00"),
        ("Assistant Professor of Economics", "25-1063.00"),
        ("Associate Professor of Nursing", "25-1072.00"),
    ],
)
def test_the_modifiers_decide_not_the_generic_head_noun(
    tiny: TitleIndex, text: str, code: str
) -> None:
    """Patterns 1-2: inverted titles are turned round; "professor" alone would go to health
    specialties teachers, "supervisor" alone to office supervisors."""
    resolution = tiny.resolve(text)
    assert resolution.best is not None and resolution.best.code == code, resolution


@pytest.mark.parametrize(
    "text, code",
    [
        ("electrical engineer", "17-2071.00"),
        ("electronics engineer", "17-2072.00"),
        ("light truck driver", "53-3033.00"),
        ("heavy truck driver", "53-3032.00"),
        ("electrician helper", "47-3013.00"),
    ],
)
def test_the_distinguishing_word_decides_between_siblings(
    tiny: TitleIndex, text: str, code: str
) -> None:
    """Pattern 6."""
    resolution = tiny.resolve(text)
    assert resolution.best is not None and resolution.best.code == code


def test_a_lone_modifier_is_only_a_guess(tiny: TitleIndex) -> None:
    """Pattern 4: "forklift" is in a title but is not one; ask, don't answer."""
    resolution = tiny.resolve("forklift")
    assert resolution.status is Status.AMBIGUOUS
    assert resolution.best is not None and resolution.best.code == "53-7051.00"


def test_one_shared_generic_word_is_not_a_match(tiny: TitleIndex) -> None:
    """Pattern 4: "widget operator" shares only "operator" with the titles."""
    assert tiny.resolve("widget operator").status is not Status.MATCHED
    assert tiny.resolve("zorbing supervisor").status is not Status.MATCHED


def test_a_worker_noun_must_head_the_title_that_matches(tiny: TitleIndex) -> None:
    """A paving crew supervisor is not a paving crew member."""
    resolution = tiny.resolve("paving crew supervisor")
    assert resolution.best is not None and resolution.best.code == "47-1011.00"


@pytest.mark.parametrize("text", ["what about", "and", "the second one", "which one"])
def test_fragments_are_unknown_with_no_candidates(tiny: TitleIndex, text: str) -> None:
    resolution = tiny.resolve(text)
    assert resolution.status is Status.UNKNOWN and resolution.candidates == ()


def test_hiding_a_title_string_leaves_the_occupations_other_names(tiny: TitleIndex) -> None:
    """The leave-one-out evaluation: without "Heavy Truck Driver" the occupation is still
    found from its own title, never from the hidden string."""
    resolution = tiny.hiding(["Heavy Truck Driver"]).resolve("heavy truck driver")
    assert resolution.best is not None and resolution.best.code == "53-3032.00"
    assert all(c.matched_title != "Heavy Truck Driver" for c in resolution.candidates)
    assert tiny.resolve("heavy truck driver").best.matched_title == "Heavy Truck Driver"  # type: ignore[union-attr]


def test_recent_resolutions_are_remembered_in_a_bounded_lru(tiny: TitleIndex) -> None:
    first = tiny.resolve("Machinist Class A")
    assert tiny.resolve("Machinist Class A") is first
    assert tiny._resolved.maxsize == RESOLVED_CACHE
    tiny.forget_resolved()
    assert tiny.resolve("Machinist Class A") is not first


def test_descriptions_of_the_work_are_searched_by_tasks(tiny: TitleIndex) -> None:
    resolution = tiny.resolve("someone who fixes cars")
    assert resolution.best is not None and resolution.best.code == "49-3023.00"
    assert tiny.resolve("the person who cleans teeth").best.code == "29-1292.00"  # type: ignore[union-attr]


@pytest.mark.realdata
def test_modifiers_no_title_explains_are_read_in_the_tasks(real_index: TitleIndex) -> None:
    """Pattern 2 with nothing in the titles (O*NET's own "Forecast Analyst" hidden): the
    analysts whose tasks speak of forecasts; only a suggestion, never an answer."""
    resolution = real_index.hiding(["Forecast Analyst"]).resolve("Forecast Analyst")
    assert resolution.status is Status.AMBIGUOUS
    assert resolution.best is not None and resolution.best.code == "13-1161.00"


@pytest.mark.realdata
def test_a_title_that_only_comes_close_is_asked_about_not_answered(real_index: TitleIndex) -> None:
    """The bar for answering without asking (80 of 100): "executive assistant to the CEO"
    scores in the high 70s for Chief Executives — close in words, wrong in fact — so it gets a
    "did you mean" rather than an answer about chief executives."""
    found = real_index.resolve("executive assistant to the ceo")
    assert found.best is not None and 70 <= found.best.score < 80
    assert found.status == Status.AMBIGUOUS


@pytest.mark.realdata
@pytest.mark.parametrize(
    "typo, spelled", [("project manger", "project manager"), ("state troper", "state trooper")]
)
def test_a_misspelt_curated_title_means_what_the_title_means(
    real_index: TitleIndex, typo: str, spelled: str
) -> None:
    """The curated alias steers "project manager" to Project Management Specialists; its
    typo must not fall back to whichever O*NET occupation lists the string first."""
    right, misspelt = real_index.resolve(spelled), real_index.resolve(typo)
    assert right.best is not None and misspelt.best is not None
    assert misspelt.best.code == right.best.code


@pytest.mark.parametrize(
    "typo, spelled",
    [
        ("career couselor", "career counselor"),  # not whichever counselor fuzz favours
        ("staff theraist", "staff therapist"),
        ("electrcial apprentice", "electrical apprentice"),
        ("ship figtter", "ship fitter"),
    ],
)
def test_a_title_with_a_clear_typo_means_what_the_title_means(
    real_index: TitleIndex, typo: str, spelled: str
) -> None:
    right, misspelt = real_index.resolve(spelled), real_index.resolve(typo)
    assert right.best is not None and misspelt.best is not None
    assert misspelt.best.code == right.best.code
    assert misspelt.status == right.status


@pytest.mark.parametrize(
    "text, code",
    [
        ("master electrician", "47-2111.00"),  # a licence level, like "journeyman"
        ("journeyman lineman", "49-9051.00"),  # power lines, not electricians
        ("cable guy", "49-9052.00"),
        ("pizza guy", "53-3031.00"),
        ("insurance guy", "41-3021.00"),  # no alias: the "guy" rule reads the field
        ("security guy", "33-9032.00"),
        ("l&d nurse", "29-1141.00"),
        ("leo", "33-3051.00"),
        ("bdr", "41-3091.00"),
        ("foh manager", "11-9051.00"),  # words.tsv spells out FOH
        ("sped para", "25-9043.00"),  # words.tsv spells out both
    ],
)
def test_chat_slang_and_levels_name_the_job(real_index: TitleIndex, text: str, code: str) -> None:
    resolution = real_index.resolve(text)
    assert resolution.best is not None and resolution.best.code == code, resolution


def test_a_field_listed_before_the_worker_noun_is_not_what_the_title_is_about(
    real_index: TitleIndex,
) -> None:
    """ "Security and Fire Alarm Systems Installers" are installers; "Tank Car, Truck, and
    Ship Loaders" loaders; but "Technicians and Mechanics" are both."""
    heads = real_index.heads
    assert "49-2098.00" in heads["installer"] and "49-2098.00" not in heads.get("security", ())
    assert "53-7121.00" in heads["loader"] and "53-7121.00" not in heads.get("car", ())
    assert "49-3023.00" in heads["technician"] and "49-3023.00" in heads["mechanic"]
    security = real_index.resolve("security")
    assert security.best is not None and security.best.code == "33-9032.00"


@pytest.mark.parametrize("text", ["i love pizza", "i got fired", "vacation", "winter"])
def test_words_no_title_is_about_offer_no_did_you_mean(real_index: TitleIndex, text: str) -> None:
    """Chit-chat shares a word with some title ("Winter Sports Instructor", "Pizza Maker"),
    which is no evidence of a job."""
    resolution = real_index.resolve(text)
    assert resolution.status is Status.UNKNOWN and resolution.candidates == ()


def test_work_words_alone_still_offer_their_jobs(real_index: TitleIndex) -> None:
    for text in ("forklift", "warehouse", "i love nursing"):
        assert real_index.resolve(text).status is not Status.UNKNOWN, text


def test_a_curated_files_header_is_not_a_row(tmp_path: Path) -> None:
    (tmp_path / "aliases.tsv").write_text(
        "# a comment first\nalias\texpansion\treason\nwidget guy\tWidget Makers\ttest\n"
    )
    assert list(read_tsv(tmp_path / "aliases.tsv", 2)) == [["widget guy", "Widget Makers", "test"]]


def test_every_curated_alias_names_a_title_the_index_holds(real_index: TitleIndex) -> None:
    """An alias whose expansion is no O*NET title (or curated one) would silently do nothing."""
    missing = {a: e for a, e in real_index.aliases.items() if e not in real_index.entries}
    assert not missing


def test_a_word_deep_inside_an_occupations_title_is_not_its_field(real_index: TitleIndex) -> None:
    """ "car" is in "Tank Car, Truck, and Ship Loaders", but "cars" is not that work: only
    words that begin an occupation's title read as its worker ("pest control")."""
    assert real_index.resolve("cars").status != Status.MATCHED


@pytest.mark.realdata
@pytest.mark.parametrize(
    "text, code",
    [
        ("mill right", "49-9044.00"),  # joined, a clear typo of millwright
        ("lumber jack", "45-4021.00"),
        ("bar back", "35-9011.00"),
        ("fire fighter", "33-2011.00"),  # O*NET writes it apart too
    ],
)
def test_one_title_word_typed_as_two_is_read_as_one(
    real_index: TitleIndex, text: str, code: str
) -> None:
    resolution = real_index.resolve(text)
    assert resolution.status == Status.MATCHED and resolution.best is not None
    assert resolution.best.code == code, resolution


@pytest.mark.realdata
def test_words_that_only_sit_side_by_side_are_not_joined(real_index: TitleIndex) -> None:
    """ "hi there" is not "hithere", nor "hr manger" a paperhanger: small and function
    words are never joined."""
    assert real_index.resolve("hi there").status != Status.MATCHED
    hr = real_index.resolve("hr manger")
    assert hr.best is None or hr.best.code.startswith("11-")


def test_a_title_that_rules_out_the_words_asked_for_is_not_the_answer(
    real_index: TitleIndex,
) -> None:
    """ "Teaching Assistants, …, Except Special Education" is not what "special education"
    asks for, though its title holds the words."""
    found = real_index.resolve("Paraprofessional - Special Education Resource Room")
    assert found.best is not None and found.best.code == "25-9043.00"
    plain = real_index.resolve("paraprofessional")
    assert plain.best is not None and plain.best.code == "25-9042.00"
