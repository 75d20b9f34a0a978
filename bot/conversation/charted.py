"""A chart asked for in the first message: "can u make me a chart comparing welders, machinists
and millwrights pay in michigan", "graph of bartender vs server vs barista pay in nevada pls",
"can you chart pay for carpenters, cement masons and tile setters in colorado".

The words after the request are read as any question about titles (`Careerbot._question`);
the answer is then drawn as the chart view, as "show the chart" after it would.
"""

from __future__ import annotations

import re

_CHART_REQUEST = re.compile(
    r"^(?:(?:hey|hi|ok|so)[\s,]+)?(?:(?:can|could|would)\s+(?:you|u)\s+)?(?:please\s+|pls\s+)?"
    r"(?:"
    r"(?:(?:make|show|give|draw|do|send|get)\s+(?:me\s+|us\s+)?)?(?:an?\s+)?"
    r"(?:(?:pay|salary|wage)\s+)?(?:chart|graph|plot|bar\s+chart)\s+"
    r"(?:comparing|of|for|with|that\s+compares|to\s+compare)\s+"
    # "chart pay for carpenters, …", "graph the salaries of X and Y", "chart X vs Y"
    r"|(?:chart|graph|plot)\s+(?:the\s+)?(?:(?:pay|salar(?:y|ies)|wages?)\s+)?"
    r"(?:(?:for|of|comparing|between)\s+)?"
    r")"
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
    rest = _PAY_WORD.sub("", found["rest"]).strip()
    nothing = re.fullmatch(r"(?:the\s+)?(?:pay|salary|salaries|wages?|it|them)?", rest)
    return None if nothing else rest
