"""The bot's fixed sentences: greetings, help, /about, did-you-mean, expired buttons, places.

Figures and tables are worded in `bot.render` and the views; this module holds the sentences
that do not depend on the data, so the voice of the bot can be read (and changed) in one place.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from bot.render import Side, echo, esc

EXAMPLES = (
    "medical collections vs loss mitigation",
    "nurse vs teacher",
    "software engineer or data scientist?",
)
ATTRIBUTION = (
    "This bot includes information from the O*NET {onet} Database by the U.S. Department of "
    "Labor, Employment and Training Administration (USDOL/ETA), used under the CC BY 4.0 "
    "licence (https://creativecommons.org/licenses/by/4.0/). O*NET® is a trademark of "
    "USDOL/ETA. We have converted, filtered and summarised some of this information. "
    "USDOL/ETA has not approved, endorsed or tested these changes."
)
LOCATION_HELP = (
    "To see pay where you live, tap 📍 Location under an answer, or send /state with a "
    "state or city: /state TX, /state Seattle. /state US goes back to national figures."
)
EXPIRED = "This button has expired — send the question again."
TOO_MANY = "I compare up to four jobs at a time; here are the first four."
NOT_AVAILABLE = "This view is not available."


def example_list() -> str:
    return "\n".join(f"• <code>{esc(e)}</code>" for e in EXAMPLES)


# What to suggest after words the bot could not read, by what they seem to ask about: the
# first entries whose pattern the words hold, else the comparison examples.
_NEAR = (
    (r"\b(?:pay|paid|salary|salaries|make|earn|money|wage)",
     "how much do electricians make in Texas"),
    (r"\b(?:school|degree|college|become|certif\w*|licen[cs]\w*|train\w*|study)",
     "how do I become a dental hygienist?"),
    (r"\b(?:jobs|careers|work|options|fields)\b", "highest paying jobs without a degree"),
    (r"\b(?:like|love|enjoy|suit|fit|good\s+at|interest\w*|personality|quit\w*|hate)\b",
     "what career fits me?"),
    (r"\b(?:future|demand|worth|outlook|ai|automat\w*)\b", "is welding a good career?"),
    (r"\b(?:switch|change|move|from)\b", "switch from cashier to bookkeeper"),
)  # fmt: skip


def examples_near(words: str) -> list[str]:
    """One or two examples close to what was asked (issue 14: a reply that says what the bot
    can do, with examples close to the question), else the comparison examples."""
    lowered = words.casefold()
    near = [example for pattern, example in _NEAR if re.search(pattern, lowered)]
    return near[:2] or list(EXAMPLES[1:])


def fallback(*, greeting: bool = False, unknown: Sequence[str] = ()) -> str:
    """What the bot says when there is nothing to compare: why, and what to try."""
    if unknown:
        names = ", ".join(f"“{echo(u)}”" for u in unknown)
        tries = examples_near(" ".join(unknown))
        listed = "\n".join(f"• <code>{esc(e)}</code>" for e in tries)
        return f"I couldn't find {names} among job titles.\nTry:\n{listed}"
    if greeting:
        head = "Hi! I compare careers: pay, growth, jobs, education and more."
    else:
        head = "I compare careers — send two job titles."
    return f"{head}\nTry:\n{example_list()}"


ADVISOR_EXAMPLES = (
    "highest paying jobs without a degree",
    "how do I become a dental hygienist?",
    "where do electricians make the most?",
    "what career fits me?",
)


def help_text() -> str:
    return (
        "Send two to four job titles to compare them, or one to see its profile.\n"
        f"{example_list()}\n"
        "• <code>/compare nurse vs teacher</code>\n"
        "• <code>/job electrician</code>\n"
        "• <code>teacher in Texas vs teacher in California</code>\n"
        "Or ask: "
        + ", ".join(f"<code>{esc(e)}</code>" for e in ADVISOR_EXAMPLES)
        + ", “is welding a good career?”, “I make $55k as an accountant in Ohio, is that "
        "good?”, “which jobs use Python?”.\n"
        "Buttons under an answer open salary, skills, education, duties, demographics, "
        "outlook and similar jobs; 📍 Location picks a state or metro area. /about names the "
        "sources."
    )


def about_text(metadata: Mapping[str, str]) -> str:
    m = metadata
    return "\n".join(
        [
            "ℹ️ <b>About careerbot</b>",
            "Figures come from official U.S. sources, never estimates of our own:",
            f"• Wages and jobs: BLS Occupational Employment and Wage Statistics, "
            f"{esc(m.get('release_oews', ''))}, national, state and metro (excludes the "
            "self-employed; Employment Projections give their share).",
            f"• Growth, openings, entry education: BLS Employment Projections "
            f"{esc(m.get('release_projections', ''))}. Growth is said as the projected change "
            "next to the figure for all jobs.",
            "• Demographics: BLS Current Population Survey "
            f"({esc(m.get('release_cps_shares', ''))} shares, "
            f"{esc(m.get('release_cps_age', ''))} median age).",
            f"• Titles, duties, skills, education, interests, work values: O*NET "
            f"{esc(m.get('release_onet', ''))}.",
            "• Who leaves each occupation and BLS's stated reasons for its change: Employment "
            "Projections Tables 1.10 and 1.12.",
            "Differences, ratios, rounded ranges, rankings, percentile positions and the quiz's "
            "matches are computed by careerbot from the figures shown, and say so.",
            "Source: U.S. Bureau of Labor Statistics.",
            "",
            esc(ATTRIBUTION.format(onet=m.get("release_onet", "").split(" ")[0])),
        ]
    )


def did_you_mean(asked: str, has_candidates: bool) -> str:
    if has_candidates:
        return f"Did you mean… for “{echo(asked)}”?"
    return f"I couldn't find “{echo(asked)}”."


def numbered(number: int, side: Side) -> str:
    """ "1. med collections → Bill and Account Collectors"; just the title when it was asked
    as such (after « Summary, or typed exactly), rather than "Loan Officers → Loan Officers"."""
    title = f"<b>{esc(side.facts.title)}</b>"
    if side.asked_as.casefold() == side.facts.title.casefold():
        return f"{number}. {title}"
    return f"{number}. {echo(side.asked_as)} → {title}"


def location_shown(where: str) -> str:
    return f"📍 Pay figures here are for {esc(where)}.\n{LOCATION_HELP}"


LOCATION_RESET = "📍 Back to national figures for this chat."


def location_unknown(wanted: str) -> str:
    return f"I don't know the place “{echo(wanted, 60)}”.\n{LOCATION_HELP}"


def place_unknown(wanted: str) -> str:
    """ "what about in the south?": a place the figures do not have."""
    return (
        f"I don't know the place “{echo(wanted, 60)}”: BLS publishes pay for the U.S., each "
        "state and each metro area. Try <code>what about in Georgia?</code> or "
        "<code>in Atlanta?</code>"
    )


def location_saved(name: str) -> str:
    return (
        f"📍 Saved: <b>{esc(name)}</b>. Comparisons in this chat now show pay there "
        "(national where it is not published). /state US resets."
    )


def place_chosen(name: str, *, saved: bool, national: bool = False) -> str:
    """The line above an answer shown for a place picked with 📍 Location."""
    if saved and national:
        return f"<i>📍 Back to {esc(name)} figures for this chat.</i>"
    if saved:
        return f"<i>📍 {esc(name)} saved for this chat: answers here now show pay there.</i>"
    return (
        f"<i>📍 Showing {esc(name)} for this answer only: this message is not in a chat "
        "with me (inline mode), so the place is not saved. /state saves one in a chat.</i>"
    )


SMALL_TALK = (
    "👍 Anytime. Ask about another job, a place (<code>what about in Ohio?</code>), or "
    "<code>which pays more?</code>"
)
# "ok", "no", "🤔": not thanks, so no "anytime".
ACKNOWLEDGED = (
    "👍 Ask about another job, a place (<code>what about in Ohio?</code>), or "
    "<code>which pays more?</code>"
)
_THANKS = re.compile(r"\b(?:thanks?|thank\s+you|thx|thnx|tnx|ty|cheers|appreciate)\b|🙏")


def small_talk(text: str) -> str:
    """The short reply to small talk: "anytime" only for thanks."""
    return SMALL_TALK if _THANKS.search(text.casefold()) else ACKNOWLEDGED


def howto_heading(title: str) -> str:
    return f"🎓 <b>How to become: {esc(title)}</b>"


# What cannot be answered, by why (bot.conversation.dialogue.Nothing), and the examples closest
# to it.
_HINTS = {
    "no occupation yet": "Ask about a job first, then follow up.",
    "one occupation": "That compares jobs, and this answer is about one — add one: "
    "<code>vs plumbers</code>.",
    "which one": "Which one? Say <code>the first one</code>, or ask "
    "<code>how do I become a nurse?</code>",
    "from which job": "From which job? Tell me yours: <code>I'm a cashier</code>, or ask "
    "<code>switch from cashier to accountant</code>.",
    "unknown title": "I don't know that job title — try another wording.",
    "too many": "I compare up to four jobs at a time — <code>drop the first</code> to make room.",
    "no metro area shown": "This answer is for a state or the whole U.S. already.",
}


def hint(why: str | None, has_context: bool) -> str:
    """A short reply saying what the bot can do, with examples close to what was asked."""
    head = _HINTS.get(why or "", "I can't answer that one.")
    if has_context:
        follow = (
            "You can ask <code>what about in Ohio?</code>, <code>which pays more?</code>, "
            "<code>and electricians?</code> or <code>how do I become one?</code>"
        )
    else:
        follow = "Try <code>nurse vs teacher</code> or <code>electrician pay in Texas</code>."
    return f"{head}\n{follow}"


def other_meanings(asked: Sequence[str]) -> str:
    """Under an answer that read a shared title as its most common meaning."""
    names = " and ".join(f"“{esc(a)}”" for a in asked)
    return f"<i>{names} can also mean another job: tap below to see that one instead.</i>"
