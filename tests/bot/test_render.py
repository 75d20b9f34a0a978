"""Rendering figures: exact source values, 'not published' for gaps, top-coding, trimming."""

from __future__ import annotations

from dataclasses import replace

from bot.render import (
    MAX_TEXT,
    NOT_PUBLISHED,
    Side,
    TopCode,
    clip,
    echo,
    median_pay,
    money,
    onet_value,
    pay_range,
    signed_percent,
    summary_lines,
    summary_table,
    thousands,
    trim,
    wage,
)
from bot.sentences import differences
from tests.support.facts import occupation, wages

TOP = TopCode.from_footnote(
    "This wage is equal to or greater than $115.00 per hour or $239,200 per year."
)


def test_numbers_read_as_in_the_source() -> None:
    assert money(47030) == "$47,030"
    assert wage(wages(hourly_median=22.61), "hourly_median", TOP) == "$22.61"
    assert signed_percent(-10.5) == "−10.5%" and signed_percent(1.7) == "+1.7%"


def test_gaps_say_not_published_and_top_coding_uses_the_bls_threshold() -> None:
    assert wage(wages(), "annual_median", TOP) == NOT_PUBLISHED
    assert wage(None, "annual_median", TOP) == NOT_PUBLISHED
    top = wages(annual_p10=50000, footnotes={"annual_p90": "5"})
    assert wage(top, "annual_p90", TOP) == "$239,200+"
    assert pay_range(top, TOP) == "$50,000 – $239,200+"


def test_a_top_coded_hourly_wage_reads_as_the_hourly_threshold() -> None:
    top = wages(hourly_p10=24.04, footnotes={"hourly_p90": "5", "annual_p90": "5"})
    assert wage(top, "hourly_p90", TOP) == "$115.00+"
    assert wage(top, "annual_p90", TOP) == "$239,200+"


def test_summary_table_fits_a_phone_and_shows_both_sides() -> None:
    a = Side(
        "med collections",
        "x",
        occupation(
            "Bill and Account Collectors",
            wages(annual_median=47030, hourly_median=22.61, employment=158830),
            -10.5,
        ),
    )
    b = Side("loss mitigation", "x", occupation("Loan Officers", None, 1.7))
    table = summary_table([a, b], TOP)
    assert "$47,030" in table and "n/p" in table and "−10.5%" in table
    body = table.removeprefix("<pre>").removesuffix("</pre>")
    assert max(len(line) for line in body.splitlines()) <= 42
    assert body.splitlines()[-1] == "n/p: not published by the source"  # the gap is explained


def test_summary_table_explains_n_p_only_when_it_appears() -> None:
    published = wages(
        annual_median=47030, hourly_median=22.61, annual_p10=34400, annual_p90=65580, employment=1
    )
    a = Side("a", "x", occupation("Bill and Account Collectors", published, -10.5))
    table = summary_table([a, a], TOP)
    assert "n/p" not in table


def test_differences_name_the_higher_paid_side_with_exact_gap() -> None:
    a = Side(
        "a",
        "x",
        occupation(
            "Bill and Account Collectors", wages(annual_median=47030, employment=158830), -10.5
        ),
    )
    b = Side(
        "b",
        "x",
        replace(
            occupation(
                "Loan Officers",
                wages(annual_median=76690, employment=274330),
                1.7,
                code="13-2072.00",
            )
        ),
    )
    sentences = differences([a, b])
    assert sentences[0] == (
        "Loan officers earn about $29,660 (63%) more at the median than "
        "bill and account collectors."
    )
    assert len(sentences) == 2


def test_trim_cuts_on_a_line_and_closes_pre() -> None:
    text = "<b>head</b>\n<pre>" + "\n".join("row &amp; value" for _ in range(600)) + "</pre>"
    trimmed = trim(text)
    assert len(trimmed) <= MAX_TEXT
    assert trimmed.count("<pre>") == trimmed.count("</pre>")
    assert trimmed.endswith("…")


def test_a_job_bls_reports_only_yearly_says_so_instead_of_not_published() -> None:
    """BLS footnote 4: teachers are paid by the year, so BLS publishes no hourly figures."""
    hourly_gap = {c: "4" for c in ("hourly_median", "hourly_p10", "hourly_p90")}
    teachers = wages(annual_median=63970, employment=1, footnotes=hourly_gap)
    side = Side("teacher", "x", occupation("Elementary School Teachers", teachers, -2.0))

    first = summary_lines(side, TOP, 3.1)[0]
    assert first == (
        "💵 Median pay: <b>$63,970</b>/yr "
        "(BLS reports yearly pay only: often not a year-round, full-time job)"
    )
    table = summary_table([side, side], TOP)
    assert "Hourly      yearly only" in table


def test_a_job_bls_reports_only_hourly_shows_the_hourly_median() -> None:
    annual_gap = {c: "4" for c in ("annual_median", "annual_p10", "annual_p90")}
    actors = wages(
        hourly_median=25.0, hourly_p10=17.05, hourly_p90=56.25, employment=1, footnotes=annual_gap
    )
    side = Side("actor", "x", occupation("Actors", actors, 1.0))

    lines = summary_lines(side, TOP, 3.1)
    assert lines[0] == (
        "💵 Median pay: <b>$25.00</b>/h "
        "(BLS reports hourly pay only: often not a year-round, full-time job)"
    )
    assert lines[1] == "↔️ Pay range (10th–90th pct): $17.05 – $56.25 an hour"
    table = summary_table([side, side], TOP)
    assert "Median pay  hourly only" in table and "$17–56/h" in table


def test_pay_without_a_reason_is_simply_not_published() -> None:
    side = Side("x", "x", occupation("Collectors", wages(annual_median=47030), 1.0))
    assert summary_lines(side, TOP, 3.1)[0] == (
        "💵 Median pay: <b>$47,030</b>/yr (hourly not published)"
    )


def test_two_jobs_paid_by_the_hour_are_compared_by_the_hour() -> None:
    annual_gap = {"annual_median": "4"}
    actors = wages(hourly_median=29.05, footnotes=annual_gap)
    dancers = wages(hourly_median=24.80, footnotes=annual_gap)
    sides = [
        Side("actor", "x", occupation("Actors", actors)),
        Side("dancer", "x", occupation("Dancers", dancers, code="27-2031.00")),
    ]
    assert differences(sides)[0] == (
        "Actors earn about $4.25 an hour (17%) more at the median than dancers."
    )


def test_median_pay_names_its_unit() -> None:
    assert median_pay(wages(annual_median=63970), TOP) == "$63,970/yr"
    actors = wages(hourly_median=29.05, footnotes={"annual_median": "4"})
    assert median_pay(actors, TOP) == "$29.05/h"
    assert median_pay(wages(footnotes={"annual_median": "5"}), TOP) == "$239,200+/yr"
    assert median_pay(None, TOP) == NOT_PUBLISHED


def test_a_top_coded_10th_percentile_reads_as_the_top_code_not_n_p() -> None:
    """Dermatologists in Maine: every percentile is at or above BLS's top code."""
    all_top = {c: "5" for c in ("annual_p10", "annual_p90", "annual_median")}
    top_coded = wages(footnotes=all_top)
    assert pay_range(top_coded, TOP, short=True) == "$239.2k+"
    assert "n/p" not in pay_range(top_coded, TOP, short=True)
    assert pay_range(top_coded, TOP) == "$239,200+ (all percentiles)"
    only_p90 = wages(annual_p10=120000, footnotes={"annual_p90": "5"})
    assert pay_range(only_p90, TOP, short=True) == "$120k–239.2k+"


def test_projections_of_zero_thousand_read_fewer_than_50() -> None:
    assert thousands(0.0) == "fewer than 50"
    assert thousands(13.7) == "13,700"
    assert thousands(None) == NOT_PUBLISHED


def test_o_net_values_round_half_up() -> None:
    assert onet_value(3.25) == "3.3"
    assert onet_value(3.24) == "3.2"
    assert onet_value(4.0) == "4.0"
    assert onet_value(2.35) == "2.4"  # 2.35 is stored as 2.34999…: formatting gives 2.3


def test_echoed_text_is_cut_at_a_word_and_loses_control_and_bidi_characters() -> None:
    assert echo("nurse\u202e vs \u2066teacher\x00\x1b") == "nurse vs teacher"
    long = echo("registered " * 50)
    assert len(long) <= 80 and long.endswith("…") and long.removesuffix("…").endswith("registered")
    assert echo("<b>R&D</b>") == "&lt;b&gt;R&amp;D&lt;/b&gt;"
    assert clip("Industrial Machinery Mechanics", 20) == "Industrial…"


def test_a_gap_says_why_and_rounded_ranges_say_so() -> None:
    unreleased = wages(
        annual_median=47030,
        annual_p10=34400,
        annual_p90=65580,
        employment=None,
        footnotes={"employment": "8"},
    )
    side = Side("a", "x", occupation("Bill and Account Collectors", unreleased, -10.5))
    body = summary_table([side, side], TOP).removeprefix("<pre>").removesuffix("</pre>")
    assert "n/p: not published (BLS: estimate not released)" in body
    assert body.splitlines()[-1] == "k: thousands, rounded to $100"
