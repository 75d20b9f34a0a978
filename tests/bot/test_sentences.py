"""The sentences under a comparison: short plural names, 'about the same', declines as declines."""

from __future__ import annotations

from bot.render import Side
from bot.sentences import COMPUTED, differences, growth_sentence, highest_and_lowest
from tests.support.facts import occupation, wages


def side(title: str, code: str, median: int, growth: float = 1.0, jobs: int = 1000) -> Side:
    w = wages(annual_median=median, employment=jobs, soc_code=code[:7])
    return Side(title, title, occupation(title, w, growth, code=code))


def test_the_headline_names_each_occupation_by_a_short_plural() -> None:
    electricians = side("Electricians", "47-2111.00", 63190, 9.5, 757220)
    hvac = side(
        "Heating, Air Conditioning, and Refrigeration Mechanics and Installers",
        "49-9021.00",
        61010,
        8.1,
        409670,
    )
    first = differences([electricians, hvac])[0]
    assert first == "Electricians earn about $2,180 (4%) more at the median than HVAC mechanics."
    bookkeepers = side("Bookkeeping, Accounting, and Auditing Clerks", "43-3031.00", 50670, -5.8)
    accountants = side("Accountants and Auditors", "13-2011.00", 83680, 4.6)
    sentences = differences([bookkeepers, accountants])
    assert sentences[0].endswith("more at the median than bookkeeping clerks.")
    assert not any(s.startswith("Bookkeeping earn") for s in sentences)
    assert "bookkeeping clerks to shrink 5.8%" in sentences[1]


def test_a_gap_under_one_percent_or_1000_dollars_is_about_the_same() -> None:
    a = side("Electricians", "47-2111.00", 63190)
    b = side("Plumbers, Pipefitters, and Steamfitters", "47-2152.00", 62740)  # $450, 0.7%
    assert differences([a, b])[0] == ("Electricians earn about the same at the median as plumbers.")
    low = side("Cashiers", "41-2011.00", 30000)
    near = side("Ushers, Lobby Attendants, and Ticket Takers", "39-3031.00", 30900)  # 3%, $900
    assert "about the same" in differences([low, near])[0]
    apart = side("Baristas", "35-3023.00", 31100)  # $1,100 and 3.7%
    assert "$1,100 (4%) more" in differences([low, apart])[0]


def test_two_jobs_with_one_bls_figure_get_no_pay_sentence() -> None:
    nurses = side("Registered Nurses", "29-1141.00", 97550)
    specialists = side("Clinical Nurse Specialists", "29-1141.04", 97550)
    sentences = differences([nurses, specialists])
    assert not any("same median" in s or "earn" in s for s in sentences)


def test_three_or_four_get_a_headline_on_the_highest_and_lowest_pay() -> None:
    sides = [
        side("Registered Nurses", "29-1141.00", 97550).facts,
        side("Electricians", "47-2111.00", 63190).facts,
        side("Plumbers, Pipefitters, and Steamfitters", "47-2152.00", 63800).facts,
    ]
    assert highest_and_lowest(sides) == (
        "Registered nurses earn the most at the median: about $34,360 (54%) more than "
        "electricians, who earn the least of the 3."
    )
    assert COMPUTED.startswith("<i>") and "computed from the figures shown" in COMPUTED


def test_a_decline_reads_as_a_decline_with_the_all_jobs_figure() -> None:
    assert growth_sentence(-10.5, 3.1) == "Projected to shrink 10.5% by 2034; all jobs +3.1%."
    assert growth_sentence(9.5, 3.1) == "Projected to grow 9.5% by 2034; all jobs +3.1%."
    assert growth_sentence(0.0, 3.1) == "Projected to stay the same size by 2034; all jobs +3.1%."
    assert "slower" not in (growth_sentence(-0.4, 3.1) or "")
    assert growth_sentence(None, 3.1) is None
