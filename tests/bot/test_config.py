"""bot.config: settings from the environment and .env, validated, with secrets kept secret."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import DEFAULT_API_BASE_URL, Settings, SettingsError, default_data_dir
from tests.support.cli import careerbot

TOKEN = "123456:AAConfigTestsSecretToken_abcdefghij"


def env_file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / ".env"
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_without_any_setting(tmp_path: Path) -> None:
    settings = Settings.load(env_file(tmp_path, ""))
    assert settings.telegram_bot_token is None
    assert settings.telegram_api_base_url == DEFAULT_API_BASE_URL
    assert settings.database_url.startswith("sqlite+aiosqlite:///")
    assert settings.careerbot_data_dir == default_data_dir()
    assert settings.careerbot_log_level == "INFO"
    assert settings.telegram_webhook_url is None


def test_the_env_file_is_read_and_the_environment_wins_over_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = env_file(
        tmp_path,
        "# a comment\n"
        f"TELEGRAM_BOT_TOKEN='{TOKEN}'\n"
        "CAREERBOT_LOG_LEVEL=debug\n"
        "TELEGRAM_API_BASE_URL=http://127.0.0.1:8081/\n"
        "CAREERBOT_DATA_DIR=/srv/data\n",
    )
    monkeypatch.setenv("CAREERBOT_LOG_LEVEL", "WARNING")
    settings = Settings.load(path)
    assert settings.telegram_bot_token is not None
    assert settings.telegram_bot_token.get_secret_value() == TOKEN  # quotes stripped
    assert settings.careerbot_log_level == "WARNING"  # the environment wins
    assert settings.telegram_api_base_url == "http://127.0.0.1:8081"  # a root, no slash
    assert settings.careerbot_data_dir == Path("/srv/data")


def test_empty_values_count_as_unset(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_URL", "")
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "")
    settings = Settings.load(env_file(tmp_path, "TELEGRAM_WEBHOOK_URL=\n"))
    assert settings.database_url.startswith("sqlite+aiosqlite:///")
    assert settings.telegram_bot_token is None and settings.telegram_webhook_url is None


def test_secrets_never_show_in_the_settings_or_what_is_redacted(tmp_path: Path) -> None:
    settings = Settings(
        _env_file=None,  # type: ignore[call-arg]
        telegram_bot_token=TOKEN,
        telegram_webhook_secret="webhook-s3cret",
        database_url="postgresql+asyncpg://careerbot:db-pa55word@db.example/careerbot",
    )
    assert TOKEN not in repr(settings) and TOKEN not in str(settings)
    assert "webhook-s3cret" not in repr(settings)
    leaked = f"GET /bot{TOKEN}/getMe with webhook-s3cret for careerbot:db-pa55word@db"
    cleaned = settings.redact(leaked)
    assert TOKEN not in cleaned and "webhook-s3cret" not in cleaned
    assert "db-pa55word" not in cleaned and cleaned.count("[redacted]") == 3


@pytest.mark.parametrize(
    ("line", "named"),
    [
        ("CAREERBOT_LOG_LEVEL=LOUD", "CAREERBOT_LOG_LEVEL"),
        ("DATABASE_URL=not a url at all", "DATABASE_URL"),
        ("TELEGRAM_API_BASE_URL=telegram-server", "TELEGRAM_API_BASE_URL"),
        ("DATABASE_URL=https://db.example/careerbot", "DATABASE_URL"),
    ],
)
def test_a_bad_value_is_one_line_naming_the_setting_not_its_value(
    tmp_path: Path, line: str, named: str
) -> None:
    with pytest.raises(SettingsError) as raised:
        Settings.load(env_file(tmp_path, line + "\n"))
    message = str(raised.value)
    assert message.startswith(named) and "\n" not in message
    assert line.split("=", 1)[1] not in message


def test_the_command_reports_a_bad_setting_in_one_line_and_exits_1() -> None:
    result = careerbot("ask", "nurse", database_url="postgresql://u:pw@db:notaport/careerbot")
    assert result.returncode == 1
    assert result.stderr.strip().startswith("careerbot: DATABASE_URL")
    assert len(result.stderr.strip().splitlines()) == 1 and "pw" not in result.stderr
