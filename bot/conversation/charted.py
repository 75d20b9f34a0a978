"""A chart asked for in the first message: "can u make me a chart comparing welders, machinists
and millwrights pay in michigan", "graph of bartender vs server vs barista pay in nevada pls".

The words after the request are read as any question about titles (`Careerbot._question`);
the answer is then drawn as the chart view, as "show the chart" after it would.
"""

from __future__ import annotations

import re

_CHART_REQUEST = re.compile(
    r"^(?:(?:hey|hi|ok|so)[\s,]+)?(?:(?:can|could|would)\s+(?:you|u)\s+)?(?:please\s+|pls\s+)?"
    r"(?:(?:make|show|give|draw|do|send|get)\s+(?:me\s+|us\s+)?)?(?:an?\s+)?"
    r"(?:chart|graph|plot|bar\s+chart)\s+(?:comparing|of|for|with|that\s+compares|to\s+compare)\s+"
    r"(?P<rest>.+?)(?:\s+(?:pls|please|plz|thanks|thx))?[\s?!.]*$",
    re.IGNORECASE,
)
# "… pay in michigan": the chart shows pay; the word names no title.
_PAY_WORD = re.compile(r"\s+(?:pay|salary|salaries|wages?|income)(?=\s+in\s|\s*$)", re.IGNORECASE)


def asked_for(text: str) -> str | None:
    """The titles (and place) a chart request names, else None."""
    found = _CHART_REQUEST.match(" ".join(text.split()))
    if found is None:
        return None
    return _PAY_WORD.sub("", found["rest"]).strip() or None
