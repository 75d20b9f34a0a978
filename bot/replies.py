"""What the core answers with: a `Reply` (HTML text, buttons, structured data) and its kinds.

Every front end (Telegram, the console, `careerbot ask`) shows the same `Reply`. How it is shown
is the reply's own `display`, so a front end never has to guess from its kind: a message (or,
for a button press, the pressed message edited in place), a photo, a brief toast, or an alert.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from bot.conversation.context import Context


class ReplyKind(StrEnum):
    """What a reply is about; `ask --json` prints it as `kind`."""

    COMPARE = "compare"  # two to four occupations side by side
    PROFILE = "profile"  # one occupation
    SWITCH = "switch"  # how to get from one occupation to another
    CLARIFY = "clarify"  # "did you mean…": a title was unsure
    NONE = "none"  # nothing to answer: what the bot can do, with examples
    SMALLTALK = "smalltalk"  # thanks, ok, cool: a short reply
    FACT = "fact"  # a question about the occupations shown, answered from the figures
    HOWTO = "howto"  # how to become it: education, experience, training, preparation
    DETAIL = "detail"  # a detail view behind a button (salary, skills, …)
    CHART = "chart"  # the pay-range chart
    LOCATION = "location"  # the chat's place was set or shown
    NOTICE = "notice"  # an instruction shown over the message
    EXPIRED = "expired"  # a button that can no longer be answered
    ABOUT = "about"
    HELP = "help"
    # The advisor (bot.advisor): questions that are not "A vs B".
    RANK = "rank"  # a ranked list of occupations, with filters
    PLACES = "places"  # states or metros ranked for one occupation
    PAY_POSITION = "pay_position"  # where a given pay stands in an area's percentiles
    TOOLS = "tools"  # which jobs use a tool or software
    PROSPECTS = "prospects"  # "is X a good career?": a factual card
    QUIZ = "quiz"  # the interest quiz


class Display(StrEnum):
    """How a front end shows a reply."""

    TEXT = "text"  # a message; for a button press, the pressed message edited in place
    PHOTO = "photo"  # a new photo with the text as its caption; the pressed message stays
    TOAST = "toast"  # a brief notification; the pressed message stays as it was
    ALERT = "alert"  # a dialog the user dismisses; the pressed message stays as it was


class View(StrEnum):
    """What a button opens (see `bot.views.VIEWS` for each one's label and payload key)."""

    SUMMARY = "summary"
    SALARY = "salary"
    SKILLS = "skills"
    EDUCATION = "education"
    DUTIES = "duties"
    DEMOGRAPHICS = "demographics"
    OUTLOOK = "outlook"
    SIMILAR = "similar"
    SWITCH = "switch"
    CHART = "chart"
    LOCATION = "location"
    # The advisor's own buttons (bot.advisor): pages of its lists, its cards, the quiz.
    RANKING = "ranking"
    PLACES = "places"
    TOOLS = "tools"
    HOWTO = "howto"
    PROSPECTS = "prospects"
    QUIZ = "quiz"


@dataclass(frozen=True)
class Button:
    label: str
    data: str  # callback data, at most 64 bytes (bot.callbacks); "" for a `start` button
    # A button that opens a private chat with the bot and sends `/start <start>` there (a
    # Telegram deep link, built by the front end, which knows the bot's name).
    start: str | None = None


Keyboard = tuple[tuple[Button, ...], ...]


@dataclass(frozen=True)
class Reply:
    kind: ReplyKind
    text: str  # Telegram HTML; a caption when there is a photo
    buttons: Keyboard = ()
    occupations: tuple[dict[str, Any], ...] = ()
    extra: dict[str, Any] = field(default_factory=dict)
    photo: bytes | None = None  # a chart (PNG)
    photo_key: str | None = None  # identifies the chart, to reuse Telegram's file_id
    display: Display = Display.TEXT
    # What the conversation is about after this reply (None: as it was). Front ends that can
    # be replied to (Telegram) keep it with the message they sent (`Careerbot.remember_sent`).
    context: Context | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "text": self.text,
            "buttons": [
                [
                    {"text": b.label, "start": b.start}
                    if b.start
                    else {"text": b.label, "callback_data": b.data}
                    for b in row
                ]
                for row in self.buttons
            ],
            "occupations": list(self.occupations),
            **self.extra,
        }
