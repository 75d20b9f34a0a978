"""Settings, read once from the environment and an optional `.env` file.

The environment wins over `.env`, so a deployment can override a developer's file without
editing it. Secrets are kept out of `repr()` so that logging a Settings object never leaks them.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_API_BASE_URL = "https://api.telegram.org"


def read_env_file(path: Path) -> dict[str, str]:
    """Parse KEY=VALUE lines; blank lines and `#` comments are skipped, quotes stripped."""
    values: dict[str, str] = {}
    if not path.is_file():
        return values
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        key, _, value = line.partition("=")
        key = key.strip().removeprefix("export ").strip()
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
            value = value[1:-1]
        values[key] = value
    return values


def default_data_dir() -> Path:
    """`../shared/data` beside the project, where the public data lives in development and CI."""
    return (PROJECT_ROOT.parent / "shared" / "data").resolve()


def default_database_url() -> str:
    return f"sqlite+aiosqlite:///{PROJECT_ROOT / 'var' / 'careerbot.sqlite3'}"


@dataclass(frozen=True)
class Settings:
    telegram_bot_token: str | None = field(default=None, repr=False)
    telegram_api_base_url: str = DEFAULT_API_BASE_URL
    database_url: str = field(default_factory=default_database_url)
    data_dir: Path = field(default_factory=default_data_dir)
    webhook_url: str | None = None
    webhook_secret: str | None = field(default=None, repr=False)
    webhook_listen: str = "0.0.0.0:8443"
    log_level: str = "INFO"

    @classmethod
    def load(
        cls, environ: Mapping[str, str] | None = None, env_file: Path | None = None
    ) -> Settings:
        file_values = read_env_file(env_file if env_file is not None else PROJECT_ROOT / ".env")
        env = {**file_values, **(os.environ if environ is None else environ)}

        def get(name: str) -> str | None:
            value = env.get(name, "").strip()
            return value or None

        return cls(
            telegram_bot_token=get("TELEGRAM_BOT_TOKEN"),
            telegram_api_base_url=(get("TELEGRAM_API_BASE_URL") or DEFAULT_API_BASE_URL).rstrip(
                "/"
            ),
            database_url=get("DATABASE_URL") or default_database_url(),
            data_dir=Path(get("CAREERBOT_DATA_DIR") or default_data_dir()),
            webhook_url=get("TELEGRAM_WEBHOOK_URL"),
            webhook_secret=get("TELEGRAM_WEBHOOK_SECRET"),
            webhook_listen=get("TELEGRAM_WEBHOOK_LISTEN") or "0.0.0.0:8443",
            log_level=(get("CAREERBOT_LOG_LEVEL") or "INFO").upper(),
        )

    def redact(self, text: str) -> str:
        """Remove secrets from text that is about to be logged or shown."""
        for secret in (self.telegram_bot_token, self.webhook_secret):
            if secret:
                text = text.replace(secret, "[redacted]")
        return text
