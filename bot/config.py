"""Settings, read once from the environment and an optional `.env` file (pydantic-settings).

Each field is named after its environment variable (`telegram_bot_token` is
TELEGRAM_BOT_TOKEN), so the mapping needs no table. The environment wins over `.env`, so a
deployment can override a developer's file without editing it; empty values count as unset.
Secrets are `SecretStr`: printing or logging a Settings object never shows them, and `redact`
removes them (and the database password) from any text about to be logged or shown.

A bad value is reported as one line naming the setting (`SettingsError`), never echoing the
value itself, which may be a secret.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_API_BASE_URL = "https://api.telegram.org"

LogLevel = Literal["DEBUG", "INFO", "WARNING", "ERROR"]


def default_data_dir() -> Path:
    """`../shared/data` beside the project, where the public data lives in development and CI."""
    return (PROJECT_ROOT.parent / "shared" / "data").resolve()


def default_database_url() -> str:
    return f"sqlite+aiosqlite:///{PROJECT_ROOT / 'var' / 'careerbot.sqlite3'}"


class SettingsError(ValueError):
    """A setting has a value careerbot cannot use; the message names it in one line."""


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_file=PROJECT_ROOT / ".env",
        env_file_encoding="utf-8",
        env_ignore_empty=True,
        extra="ignore",
        frozen=True,
    )

    telegram_bot_token: SecretStr | None = None
    telegram_api_base_url: str = DEFAULT_API_BASE_URL
    database_url: str = Field(default_factory=default_database_url)
    careerbot_data_dir: Path = Field(default_factory=default_data_dir)
    careerbot_log_level: LogLevel = "INFO"
    telegram_webhook_url: str | None = None
    telegram_webhook_secret: SecretStr | None = None
    telegram_webhook_listen: str = "0.0.0.0:8443"

    @field_validator("telegram_api_base_url")
    @classmethod
    def _server_root(cls, value: str) -> str:
        value = value.strip().rstrip("/")
        if not value.startswith(("http://", "https://")):
            raise ValueError("must be a server root such as https://api.telegram.org")
        return value

    @field_validator("database_url")
    @classmethod
    def _database_url(cls, value: str) -> str:
        try:
            backend = make_url(value.strip()).get_backend_name()
        except (ArgumentError, ValueError):
            backend = ""
        if backend not in ("sqlite", "postgresql", "postgres"):
            raise ValueError(
                "is not a database URL; use sqlite+aiosqlite:///path/to/file.sqlite3 or "
                "postgresql+asyncpg://user:password@host:5432/database"
            )
        return value.strip()

    @field_validator("careerbot_log_level", mode="before")
    @classmethod
    def _upper(cls, value: object) -> object:
        return value.strip().upper() if isinstance(value, str) else value

    @classmethod
    def load(cls, env_file: Path | None = None) -> Settings:
        """The settings of this process; SettingsError (one line) for a value it cannot use."""
        try:
            if env_file is None:
                return cls()
            return cls(_env_file=env_file)  # type: ignore[call-arg]
        except ValidationError as error:
            raise SettingsError(describe(error)) from None

    def redact(self, text: str) -> str:
        """Remove secrets from text that is about to be logged or shown."""
        for secret in (self.telegram_bot_token, self.telegram_webhook_secret):
            if secret is not None and secret.get_secret_value():
                text = text.replace(secret.get_secret_value(), "[redacted]")
        password = make_url(self.database_url).password
        if password:
            text = text.replace(str(password), "[redacted]")
        return text


def describe(error: ValidationError) -> str:
    """The first problem as `NAME: what is wrong`, without the value (it may be a secret)."""
    problem = error.errors(include_url=False, include_input=False)[0]
    name = str(problem["loc"][0]).upper() if problem["loc"] else "settings"
    message = str(problem["msg"]).removeprefix("Value error, ")
    return f"{name} {message}" if message.startswith("is ") else f"{name}: {message}"
