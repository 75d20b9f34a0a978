"""Charts: a real PNG of the asked occupations, from the chart button and `careerbot chart`."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from bot.callbacks import decode
from bot.chart import Bar, _gap_note, render_chart
from bot.render import TopCode
from bot.service import Careerbot
from tests.support.cli import careerbot as run_cli
from tests.support.facts import wages

PNG = b"\x89PNG\r\n\x1a\n"


def test_renders_published_ranges_and_labels_gaps() -> None:
    png = render_chart(
        [
            Bar("Collectors", wages(annual_p10=34400, annual_median=47030, annual_p90=65580)),
            Bar("Unpublished", None),
            Bar(
                "Top-coded",
                wages(annual_p10=90000, footnotes={"annual_p90": "5", "annual_median": "5"}),
            ),
        ],
        "United States",
        "May 2025",
        TopCode(),
    )
    assert png.startswith(PNG) and len(png) > 10_000


def test_a_job_paid_by_the_hour_is_labelled_with_its_hourly_range() -> None:
    hourly_only = wages(
        hourly_p10=16.5, hourly_p90=143.68, footnotes={"annual_p10": "4", "annual_p90": "4"}
    )
    assert _gap_note(hourly_only, None) == "paid hourly: $16.50 – $143.68 an hour"
    assert _gap_note(wages(), None) == "pay range not published"
    assert _gap_note(wages(), 47030) == "median $47,030"


def test_charts_drawn_at_once_in_threads_are_each_their_own() -> None:
    """Charts render off the event loop, several at a time: none may draw into another."""
    charts = [
        [Bar(f"Job {n}", wages(annual_p10=20_000 + n * 1000, annual_median=40_000 + n * 3000))]
        for n in range(8)
    ]

    def draw(bars: list[Bar]) -> bytes:
        return render_chart(bars, "United States", "May 2025", TopCode())

    one_by_one = [draw(bars) for bars in charts]
    with ThreadPoolExecutor(8) as pool:
        at_once = list(pool.map(draw, charts))
    assert at_once == one_by_one
    assert len(set(one_by_one)) == len(charts)


async def test_chart_button_sends_a_photo_with_a_sourced_caption(careerbot: Careerbot) -> None:
    summary = await careerbot.answer("nurse vs teacher in Texas")
    data = next(
        b.data
        for row in summary.buttons
        for b in row
        if decode(b.data, careerbot.version).view == "chart"
    )
    chart = await careerbot.press(data)
    assert chart.kind == "chart" and chart.photo is not None and chart.photo.startswith(PNG)
    assert "Texas" in chart.text and "OEWS" in chart.text and len(chart.text) <= 1024
    assert chart.photo_key == data


def test_cli_writes_the_chart(real_db_url: str, tmp_path) -> None:
    output = tmp_path / "chart.png"
    result = run_cli("chart", "nurse vs teacher", "-o", str(output), database_url=real_db_url)
    assert result.returncode == 0, result.stderr
    assert output.read_bytes().startswith(PNG)
