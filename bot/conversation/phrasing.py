"""Questions in people's words: the question inside a message, and what was said around it.

"Hi! I'm a cashier and want to earn more. Should I become an accountant or a bookkeeper?" is
a greeting, a person's own job, a wish, and a question; only the question is parsed for
titles, and the job is remembered so "how do I switch?" can start there. "nurse salary texas"
and "electrician pay austin tx" name a place without "in". "thanks", "ok", "lol" are small
talk: a short reply, never a "did you mean".
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

_SENTENCES = re.compile(r"(?<=[.!?])\s+|\n+")
_GREETING = re.compile(
    r"^(?:(?:hi|hello|hey|hiya|howdy|yo|hola|greetings|good\s+(?:morning|afternoon|evening)|"
    r"dear\s+careerbot)(?:\s+(?:there|all|guys|bot|careerbot|again))?[\s!,.:;-]*)+",
    re.IGNORECASE,
)
_THANKS_LEAD = re.compile(r"^(?:thanks|thank\s+you|thx|ty)(?:\s+(?:so\s+much|a\s+lot))?[\s!,.:;-]+", re.I)
_OWN_JOB = re.compile(
    r"\b(?:i'?m|i\s+am|i\s+work\s+as|i'?m\s+working\s+as|i\s+currently\s+work\s+as|"
    r"i'?m\s+currently|i\s+am\s+currently|currently|i'?ve\s+been|i\s+have\s+been)"
    r"\s+(?:a|an|working\s+as\s+an?)\s+(?P<job>[a-z][a-z /&'-]{1,40}?)"
    r"(?=\s+(?:and|but|who|looking|wanting|want|trying|thinking|for|with|at|in)\b|\s*[,.!?;]|\s*$)",
    re.IGNORECASE,
)
# Sentences that only say what the person wants, not what they ask.
_WISH = re.compile(
    r"^(?:and\s+)?(?:i\s+)?(?:(?:really\s+)?(?:want|wanna|would\s+like|need|hope|am\s+looking|'m\s+"
    r"looking|looking)\s+(?:to\s+)?(?:earn|make|get|find|something|a\s+change|more|better|out))",
    re.IGNORECASE,
)
SMALL_TALK = {
    "thanks",
    "thank you",
    "thank you so much",
    "thanks a lot",
    "thx",
    "ty",
    "ok",
    "okay",
    "ok thanks",
    "ok thank you",
    "okay thanks",
    "k",
    "kk",
    "cool",
    "cool thanks",
    "nice",
    "great",
    "great thanks",
    "awesome",
    "perfect",
    "got it",
    "gotcha",
    "lol",
    "lmao",
    "haha",
    "hah",
    "nvm",
    "never mind",
    "nevermind",
    "sounds good",
    "makes sense",
    "that helps",
    "helpful",
    "good to know",
    "interesting",
    "wow",
    "bye",
    "goodbye",
    "see you",
    "cheers",
    "alright",
    "all right",
    "sure",
    "yes",
    "yep",
    "no",
    "nope",
    "good",
    "thanks bot",
    "ok cool",
}
_ACK = re.compile(r"^(?:(?:lol|ok|okay|alright|haha|so)\s+)*(?:[a-z]+\s+){0,3}it\s+is$")
_PLACE_TAIL_WORDS = 3


@dataclass(frozen=True)
class Said:
    question: str  # the part of the message to answer ("" when there is none)
    own_job: str | None = None  # "cashier", from "I'm a cashier"
    greeting: bool = False  # it began with a greeting
    small_talk: bool = False  # nothing to answer: thanks, ok, cool, lol


def plain(text: str) -> str:
    """Lower case, no punctuation or emoji, single spaces: for matching short replies."""
    text = text.casefold().replace("’", "'")
    text = re.sub(r"[^\w\s'&/-]+", " ", text)
    return " ".join(text.split())


def is_small_talk(text: str) -> bool:
    words = plain(text)
    if not words:  # only emoji or punctuation: 👍, 🙏, "?!" is not small talk
        return bool(re.search(r"[^\W\d_]|[\U0001F300-\U0001FAFF\u2600-\u27BF]", text)) and "?" not in text
    return words in SMALL_TALK or bool(_ACK.match(words))


def read(text: str) -> Said:
    """Split a message into its question and what was said around it."""
    text = " ".join(text.split()) if "\n" not in text else text.strip()
    if is_small_talk(text):
        return Said("", small_talk=True)
    greeting = bool(_GREETING.match(text))
    own_job: str | None = None
    asked: list[str] = []
    for sentence in _SENTENCES.split(text):
        sentence = _THANKS_LEAD.sub("", _GREETING.sub("", sentence.strip())).strip()
        if not sentence:
            continue
        found = _OWN_JOB.search(sentence)
        if found:
            own_job = own_job or found["job"].strip()
            sentence = (sentence[: found.start()] + sentence[found.end() :]).strip(" ,.;")
            sentence = re.sub(r"^(?:and|but|so)\s+", "", sentence, flags=re.I)
        if not sentence or _WISH.match(sentence) or is_small_talk(sentence):
            continue
        asked.append(sentence)
    questions = [s for s in asked if "?" in s] or asked
    question = questions[-1] if questions else ""
    if not question and not own_job and not greeting:
        question = text
    return Said(question.strip(), own_job, greeting)


def place_in_words(
    question: str,
    find_place: Callable[[str], object | None],
    resolves: Callable[[str], bool],
) -> str:
    """ "nurse salary texas" -> "nurse salary in texas", so the parser sees the place.

    Only when the last words name a place, the rest is a title, and the whole is not one
    ("registered nurse" stays; "mobile crane operator" stays).
    """
    if re.search(r"\b(?:in|near|around)\s+\S+", question.casefold()):
        return question
    words = question.rstrip(" ?!.").split()
    for size in range(min(_PLACE_TAIL_WORDS, len(words) - 1), 0, -1):
        tail = " ".join(words[-size:])
        rest = " ".join(words[:-size])
        named = find_place(tail) or (
            find_place(f"{' '.join(words[-size:-1])}, {words[-1]}") if size >= 2 else None
        )
        if named is not None and rest and resolves(rest) and not resolves(question):
            if size >= 2 and find_place(tail) is None:
                tail = f"{' '.join(words[-size:-1])}, {words[-1]}"
            return f"{rest} in {tail}"
    return question
