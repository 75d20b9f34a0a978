"""What the answers say around the figures (issue 11), on the real data."""

from __future__ import annotations

import pytest

from bot.callbacks import decode
from bot.render import MAX_TEXT
from bot.resolver import Candidate, Resolution, Status
from bot.service import Careerbot
from tests.support.telegram_html import assert_telegram_html

pytestmark = pytest.mark.realdata


async def test_two_jobs_bls_publishes_together_show_what_truly_differs(
    careerbot: Careerbot,
) -> None:
    reply = await careerbot.answer("registered nurse vs clinical nurse specialist")
    text = reply.text
    assert "BLS publishes pay, jobs and growth for both together" in text
    assert "Both earn the same" not in text and "earn about the same" not in text
    assert text.count("$97,550") == 1  # the shared figure once, not in two columns
    assert "What differs" in text and "Main task" in text and "Top skills" in text
    assert "Master's Degree" in text  # O*NET's own education for clinical nurse specialists
    assert_telegram_html(text)


async def test_headline_sentences_use_short_plurals(careerbot: Careerbot) -> None:
    reply = await careerbot.answer("electrician vs hvac mechanic")
    assert "more at the median than HVAC mechanics." in reply.text
    books = await careerbot.answer("bookkeeper vs accountant")
    assert "Bookkeeping earn" not in books.text and "bookkeeping clerks" in books.text
    assert "computed from the figures shown" in books.text


async def test_a_top_coded_10th_percentile_is_not_n_p(careerbot: Careerbot) -> None:
    reply = await careerbot.answer("dermatologist vs family physician in Maine")
    table = reply.text.split("<pre>")[1].split("</pre>")[0]
    range_row = next(line for line in table.splitlines() if line.startswith("Range"))
    assert "n/p" not in range_row and "239.2k+" in range_row


async def test_outlook_says_a_decline_plainly(careerbot: Careerbot) -> None:
    summary = await careerbot.answer("bill collector")
    outlook = next(
        b.data
        for row in summary.buttons
        for b in row
        if decode(b.data, careerbot.version).view == "outlook"
    )
    text = (await careerbot.press(outlook)).text
    assert "Projected to shrink 10.5% by 2034; all jobs +3.1%." in text
    assert "slower than" not in text.lower()


async def test_seniority_is_kept_and_the_upper_quarter_shown(careerbot: Careerbot) -> None:
    reply = await careerbot.answer("senior patient account representative")
    assert "senior patient account representative" in reply.text
    assert "BLS does not publish pay by seniority" in reply.text
    (side,) = reply.occupations
    assert side["title"] == "Billing and Posting Clerks"
    p75, p90 = side["wages"]["annual_p75"], side["wages"]["annual_p90"]
    assert f"${p75:,} – ${p90:,} (75th–90th percentile)" in reply.text


async def test_a_large_self_employed_share_is_named(careerbot: Careerbot) -> None:
    reply = await careerbot.answer("real estate agent vs rideshare driver")
    assert "self-employed" in reply.text and "leave them out" in reply.text
    shares = [o["projection"]["self_employed_percent"] for o in reply.occupations]
    assert all(share is not None and share >= 25 for share in shares)
    plain = await careerbot.answer("registered nurse")
    assert "self-employed" not in plain.text


async def test_three_and_four_way_comparisons_keep_the_rows_that_matter(
    careerbot: Careerbot,
) -> None:
    reply = await careerbot.answer("nurse, teacher, plumber and electrician")
    for word in ("range", "Growth", "Jobs", "Experience", "Bachelor's degree"):
        assert word in reply.text
    assert "earn the most at the median" in reply.text
    assert len(reply.text) <= MAX_TEXT


async def test_button_titles_are_cut_at_a_word(careerbot: Careerbot) -> None:
    """Did-you-mean buttons once cut titles mid-word at 60 characters."""
    long_title = "Grinding, Lapping, Polishing, and Buffing Machine Tool Setters, Operators"
    unsure = Resolution(
        "grinder",
        Status.AMBIGUOUS,
        (
            Candidate("51-4033.00", long_title, long_title, 80.0),
            Candidate("51-9022.00", "Grinding and Polishing Workers, Hand", "x", 70.0),
        ),
    )
    reply = careerbot.clarify([unsure], 0)
    labels = [b.label for row in reply.buttons for b in row]
    assert labels[0] == "Grinding, Lapping, Polishing, and Buffing Machine Tool…"
    assert labels[1] == "Grinding and Polishing Workers, Hand"
    assert len(labels[0]) <= 60 and long_title.startswith(labels[0].removesuffix("…"))
    assert long_title[len(labels[0]) - 1] == " "  # cut where a word ends


async def test_a_long_place_echo_is_cut_to_fit_and_loses_control_characters(
    careerbot: Careerbot,
) -> None:
    reply = await careerbot.set_location(99, "x" * 4000)
    assert len(reply.text) <= MAX_TEXT and len(reply.text) < 500
    sneaky = await careerbot.set_location(99, "Atlan\u202etis\x00\x1b[31m")
    assert "\u202e" not in sneaky.text and "\x00" not in sneaky.text and "\x1b" not in sneaky.text
    titled = await careerbot.answer("nurse\u202e vs \u2066teacher")
    assert "\u202e" not in titled.text and "\u2066" not in titled.text


@pytest.mark.parametrize(
    ("title", "published_as"),
    [
        ("acute care nurse", "Registered Nurses"),  # an O*NET breakout of an SOC occupation
        ("geographic information systems technologist", "Computer Occupations, All Other"),
    ],
)
async def test_figures_of_a_broader_bls_occupation_say_whose_they_are(
    careerbot: Careerbot, title: str, published_as: str
) -> None:
    """BLS publishes no figures for O*NET's breakouts: the profile shows the occupation's they
    belong to (3.4 million jobs are all registered nurses', not acute care nurses') and says so."""
    reply = await careerbot.answer(title)
    assert f"BLS's figures for {published_as}" in reply.text
    own = await careerbot.answer("registered nurse")
    assert "BLS's figures for" not in own.text
