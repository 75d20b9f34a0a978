"""careerbot's tests, mirroring the packages: tests/bot, tests/handlers, tests/store; shared
helpers in tests/support."""

import pytest

# The helpers in tests/support assert too: rewrite them for readable failures. Here, because
# this runs before conftest.py imports them.
pytest.register_assert_rewrite("tests.support")
