"""The advisor against the real data, and an independent reading of the same source rows.

`source` is bench/eval/check_advisor.py's `Data`: a standalone, standard-library reading of the
database rows (and, for metro percentiles, of the OEWS flat file itself) written for the
evaluation set, not for the bot. Tests compare the bot's rankings with its computations.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

CHECKER = Path(__file__).resolve().parents[3] / "bench" / "eval" / "check_advisor.py"


@pytest.fixture(scope="session")
def checker() -> ModuleType:
    spec = importlib.util.spec_from_file_location("check_advisor", CHECKER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["check_advisor"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def source(checker: ModuleType, real_db_url: str, real_data_dir: Path) -> Any:
    return checker.Data(Path(real_db_url.split("///", 1)[1]), real_data_dir)
