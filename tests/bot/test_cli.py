"""The `careerbot` command as a user runs it: ask, ask --json, match --jsonl, data build."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.cli import ROOT, careerbot


def test_ask_json_gives_structured_figures(real_db_url: str) -> None:
    result = careerbot(
        "ask", "--json", "medical collections vs loss mitigation", database_url=real_db_url
    )
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    assert answer["kind"] == "compare"
    collectors = answer["occupations"][0]
    assert collectors["code"] == "43-3011.00"
    assert collectors["asked_as"] == "medical collections"
    assert collectors["matched_title"] == "Medical Collections Specialist"
    assert collectors["wages"]["annual_median"] == 47030
    assert isinstance(collectors["wages"]["hourly_median"], float)
    assert collectors["wages"]["period"] == "May 2025"
    assert collectors["projection"]["percent_change"] == -10.5
    assert collectors["education"]["typical_entry"] == "High school diploma or equivalent"
    assert answer["buttons"] and all(
        len(b["callback_data"].encode()) <= 64 for row in answer["buttons"] for b in row
    )


def test_ask_prints_plain_text_and_numbered_buttons(real_db_url: str) -> None:
    result = careerbot("ask", "nurse", "vs", "teacher", database_url=real_db_url)
    assert result.returncode == 0
    assert "Registered Nurses" in result.stdout and "[1]" in result.stdout
    assert "<b>" not in result.stdout


def test_match_jsonl_answers_every_line_even_bad_ones(real_db_url: str) -> None:
    lines = [
        "nurse vs teacher",
        "",
        "hello",
        "x" * 10_000,
        "\x00\x1b[31m",
        "RN",
        "a vs b vs c vs d vs e",
        "🙂🙂🙂",
        "<script>",
    ]
    result = careerbot("match", "--jsonl", database_url=real_db_url, stdin="\n".join(lines) + "\n")
    assert result.returncode == 0, result.stderr
    answers = [json.loads(line) for line in result.stdout.splitlines()]
    assert [a["query"] for a in answers] == lines
    first = answers[0]
    assert first["kind"] == "compare"
    assert [s["status"] for s in first["sides"]] == ["matched", "matched"]
    assert first["sides"][0]["candidates"][0]["code"] == "29-1141.00"
    assert set(first["sides"][0]["candidates"][0]) == {"code", "title", "matched_title", "score"}


def test_missing_database_names_the_fix(tmp_path: Path) -> None:
    result = careerbot("ask", "nurse", database_url=f"sqlite+aiosqlite:///{tmp_path}/none.db")
    assert result.returncode == 1
    assert "careerbot data build" in result.stderr
    assert "Traceback" not in result.stderr


def test_data_build_from_a_data_directory(tmp_path: Path) -> None:
    from tests.support.fixtures_data import write_fixture_data

    data = write_fixture_data(tmp_path / "data")
    url = f"sqlite+aiosqlite:///{tmp_path}/built.db"
    result = careerbot("data", "build", database_url=url, data_dir=data)
    assert result.returncode == 0, result.stderr
    assert "occupation" in result.stdout and "coverage" in result.stdout
    again = careerbot("data", "build", "--if-missing", database_url=url, data_dir=data)
    assert again.returncode == 0 and again.stdout == ""
    missing = careerbot("data", "build", database_url=url, data_dir=tmp_path / "nowhere")
    assert missing.returncode == 1 and "CAREERBOT_DATA_DIR" in missing.stderr


@pytest.mark.parametrize("command", [["console"], ["run"]])
def test_console_chat_with_numbered_buttons(real_db_url: str, command: list[str]) -> None:
    result = careerbot(
        *command,
        database_url=real_db_url,
        stdin="medical collections vs loss mitigation\n1\n/about\n/quit\n",
    )
    assert result.returncode == 0, result.stderr
    assert "Bill and Account Collectors" in result.stdout
    assert "Salary" in result.stdout and "$65,580" in result.stdout  # the salary view
    assert "CC BY 4.0" in result.stdout


def test_corrupt_database_names_the_fix(tmp_path: Path) -> None:
    broken = tmp_path / "broken.db"
    broken.write_bytes(b"this is not a sqlite database" * 100)
    result = careerbot("ask", "nurse", database_url=f"sqlite+aiosqlite:///{broken}")
    assert result.returncode == 1
    assert "careerbot data build" in result.stderr
    assert "Traceback" not in result.stderr


def test_console_saves_charts_and_remembers_a_location(real_db_url: str, tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "bot", "console"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        input="nurse vs teacher\n/state TX\nnurse vs teacher\n/state US\n/quit\n",
        timeout=120,
        env={**os.environ, "DATABASE_URL": real_db_url, "TMPDIR": str(tmp_path)},
    )
    assert result.returncode == 0, result.stderr
    assert "Saved: Texas" in result.stdout and "Pay and jobs in Texas" in result.stdout
    chart_number = re.search(r"\[(\d+)\] 📊 Chart", result.stdout)
    assert chart_number is not None
    pressed = subprocess.run(
        [sys.executable, "-m", "bot", "console"],
        cwd=tmp_path,  # charts go to var/charts/ under the working directory, not /tmp
        capture_output=True,
        text=True,
        input=f"nurse vs teacher\n{chart_number[1]}\n/quit\n",
        timeout=120,
        env={**os.environ, "DATABASE_URL": real_db_url, "TMPDIR": str(tmp_path / "tmp")},
    )
    assert "chart saved to var/charts/careerbot-chart-" in pressed.stdout
    assert list((tmp_path / "var" / "charts").glob("careerbot-chart-*.png"))
    assert not (tmp_path / "tmp").exists() or not list((tmp_path / "tmp").glob("*.png"))


def test_unreachable_database_server_is_a_clear_error_without_the_password(
    tmp_path: Path,
) -> None:
    from tests.support.fixtures_data import write_fixture_data

    data = write_fixture_data(tmp_path / "data")
    url = "postgresql+asyncpg://careerbot:hunter2secret@127.0.0.1:1/careerbot"
    result = careerbot("data", "build", database_url=url, data_dir=data)
    assert result.returncode == 1
    assert "cannot write the database at postgresql+asyncpg://careerbot:***@127.0.0.1:1" in (
        result.stderr
    )
    assert "hunter2secret" not in result.stderr + result.stdout
    assert "Traceback" not in result.stderr


def test_press_renders_the_reply_a_button_gives(real_db_url: str) -> None:
    answer = json.loads(
        careerbot("ask", "--json", "nurse vs teacher", database_url=real_db_url).stdout
    )
    salary = next(
        b["callback_data"] for row in answer["buttons"] for b in row if "Salary" in b["text"]
    )
    shown = careerbot("press", salary, database_url=real_db_url)
    assert shown.returncode == 0, shown.stderr
    assert (
        "Salary" in shown.stdout
        and "Registered Nurses" in shown.stdout
        and "<b>" not in shown.stdout
    )
    as_json = json.loads(careerbot("press", "--json", salary, database_url=real_db_url).stdout)
    assert as_json["kind"] == "detail" and as_json["view"] == "salary"
    assert all(b["callback_data"] for row in as_json["buttons"] for b in row)
    expired = careerbot("press", "1.zzzz.s.43301100", database_url=real_db_url)
    assert expired.returncode == 1 and "expired" in expired.stdout


def test_press_with_a_chat_saves_a_picked_place(real_db_url: str) -> None:
    answer = json.loads(careerbot("ask", "--json", "electrician", database_url=real_db_url).stdout)
    location = next(
        b["callback_data"] for row in answer["buttons"] for b in row if "Location" in b["text"]
    )
    picker = json.loads(careerbot("press", "--json", location, database_url=real_db_url).stdout)
    alabama = next(
        b["callback_data"] for row in picker["buttons"] for b in row if b["text"] == "Alabama"
    )
    metros = json.loads(careerbot("press", "--json", alabama, database_url=real_db_url).stdout)
    whole = next(
        b["callback_data"] for row in metros["buttons"] for b in row if "All of" in b["text"]
    )
    saved = json.loads(
        careerbot("press", "--json", whole, "--chat", "31337", database_url=real_db_url).stdout
    )
    assert saved["saved"] is True and saved["location"]["name"] == "Alabama"
    unsaved = json.loads(careerbot("press", "--json", whole, database_url=real_db_url).stdout)
    assert unsaved["saved"] is False and "not saved" in unsaved["text"]


def test_chart_of_a_metro_and_of_one_job_in_two_places(real_db_url: str, tmp_path: Path) -> None:
    for question in ("plumber in Seattle, WA", "teacher in Texas vs teacher in California"):
        output = tmp_path / "chart.png"
        result = careerbot("chart", question, "-o", str(output), database_url=real_db_url)
        assert result.returncode == 0, result.stderr
        assert output.read_bytes().startswith(b"\x89PNG")
    assert "Texas vs California" in result.stdout


def test_console_numbers_mean_the_same_button_all_session(real_db_url: str) -> None:
    result = careerbot(
        "console",
        database_url=real_db_url,
        stdin="nurse vs teacher\n1\n2\n/quit\n",  # the summary, its Salary, then Skills
    )
    assert result.returncode == 0, result.stderr
    numbers: dict[str, set[str]] = {}
    for number, label in re.findall(r"\[(\d+)\] ([^\[\n]+?)(?=\s{3}\[|\n|$)", result.stdout):
        numbers.setdefault(label.strip(), set()).add(number)
    assert numbers["💵 Salary"] == {"1"} and numbers["🧠 Skills"] == {"2"}
    assert len(numbers["« Summary"]) == 1 and len(numbers["📊 Chart"]) == 1
    assert "🧠 <b>Skills</b>" not in result.stdout and "Skills —" in result.stdout


def test_successive_asks_in_one_chat_form_one_conversation(real_db_url: str) -> None:
    first = careerbot("ask", "--chat", "5150", "nurse vs teacher", database_url=real_db_url)
    assert first.returncode == 0, first.stderr
    follow_up = careerbot(
        "ask", "--json", "--chat", "5150", "what about in Ohio?", database_url=real_db_url
    )
    assert follow_up.returncode == 0, follow_up.stderr
    answer = json.loads(follow_up.stdout)
    assert answer["kind"] == "compare" and answer["location"]["name"] == "Ohio"
    assert [o["code"] for o in answer["occupations"]] == ["29-1141.00", "25-2021.00"]
    alone = careerbot("ask", "--json", "what about in Ohio?", database_url=real_db_url)
    assert json.loads(alone.stdout)["kind"] == "none"  # no --chat: no conversation


def test_match_stops_quietly_when_its_reader_goes_away(real_db_url: str) -> None:
    """`careerbot match --jsonl < titles | head -1`: no traceback when head exits."""
    env = {**os.environ, "DATABASE_URL": real_db_url, "TELEGRAM_BOT_TOKEN": ""}
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "match", "--jsonl"],
        cwd=ROOT,
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdin is not None and process.stdout is not None
    process.stdin.write("nurse\n" * 5_000)  # fits the pipe: writing it cannot block
    process.stdin.close()
    assert json.loads(process.stdout.readline())["query"] == "nurse"
    process.stdout.close()  # the reader leaves while answers are still coming
    assert process.wait(timeout=120) != 0 and process.stderr is not None
    errors = process.stderr.read()
    assert "Traceback" not in errors and "BrokenPipe" not in errors


def test_ask_answers_commands_as_the_bot_does(real_db_url: str) -> None:
    """`/state TX` to `ask --chat` saves the chat's place, as in Telegram; `/about` names the
    sources."""
    saved = careerbot("ask", "--chat", "4242", "/state TX", database_url=real_db_url)
    assert saved.returncode == 0 and "Saved: Texas" in saved.stdout, saved.stdout
    nurse = careerbot("ask", "--json", "--chat", "4242", "nurse", database_url=real_db_url)
    assert json.loads(nurse.stdout)["location"]["name"] == "Texas"
    about = careerbot("ask", "/about", database_url=real_db_url)
    assert "About careerbot" in about.stdout
