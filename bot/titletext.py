"""What in a title, as employers and people write it, names the occupation, and what does not.

"Sr. Machinist Class A (2nd Shift) - Plant 3 req #4411" is about machinists: the requisition
number is noise to drop everywhere (also from what the bot repeats back); "Sr." and "Class A" are
rank and grade, kept in what the person asked but not needed for matching; "(2nd Shift)" is
schedule; "Plant 3" after the dash is a department, worth a little as a hint only. Employers also
invert titles ("Operator, Forklift"; "Supervisor, Paving Crew") and name trainees ("Psychiatry
Resident", "HVAC Apprentice", "Postdoctoral Fellow - Chemistry").

This module only reads the text; the title index decides what the remaining words mean.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.normalize import fold, tokens

# Requisition numbers, posting codes and pay: never part of what was asked.
_CODES = re.compile(
    r"(?:\b(?:req(?:uisition)?|job(?:\s*(?:id|code|no|number))?|posting|ref(?:erence)?|id)\b\.?"
    r"\s*(?:#|no\.?|number|id)?\s*:?\s*[a-z]{0,4}[-_]?\d[\w-]*)"
    r"|#\s*\d[\w-]*"
    r"|\b[a-z]{1,4}-?\d{4,}\b|\b\d{4,}\b"
    r"|(?:(?:up\s+to|from|starting\s+at)\s+)?\$\s*\d[\d,.]*\s*(?:k\b)?(?:\s*(?:-|–|to)\s*\$?\s*\d[\d,.]*"
    r"\s*(?:k\b)?)?(?:\s*(?:/|per|an?)?\s*(?:hr|hour|h|yr|year|wk|week|day|mo|month)\b)?"
    r"(?:\s*(?:\+|plus)\s*(?:commission|bonus(?:es)?|tips|benefits))?"
    r"|\b(?:sign(?:ing)?[\s-]*on\s+)?bonus\b",
    re.IGNORECASE,
)
_PARENTHESES = re.compile(r"[(\[]([^()\[\]]*)[)\]]?")
_DASH = re.compile(r"\s+[-–—|]+\s+|\s*[–—|]\s*|\s+-(?=\s*$)")
# Schedule, contract and location-of-work phrases: not the occupation, wherever they appear.
_SCHEDULE = re.compile(
    r"\b(?:part|full)[\s-]*time\b|\bper[\s-]*diem\b|\bprn\b|\bseasonal\b|\btemporary\b"
    r"|\bremote\b|\bhybrid\b|\bon[\s-]?site\b|\bwork\s+from\s+home\b|\bwfh\b"
    r"|\b(?:1st|2nd|3rd|first|second|third|day|night|evening|overnight|swing|graveyard|"
    r"weekend|rotating|am|pm|morning|afternoon|mid)\s+shifts?\b"
    r"|\bnights\b|\bweekends\b|\bovernights?\b|\bnew[\s-]+grad(?:uate)?s?\b"
    r"|\b(?:now\s+|immediately\s+)?hiring(?:\s+(?:now|immediately))?\b|\burgent(?:ly)?\b"
    r"|\bimmediate\s+(?:start|opening)s?\b|\bhome\s+(?:daily|weekly|nightly)\b|\botr\b"
    r"|\bbilingual\b|\bft\b|\bf/t\b|\bp/t\b"
    r"|\b(?:contract|temp)[\s-]+to[\s-]+(?:hire|perm(?:anent)?)\b|\bneeded\s+(?:asap|now|immediately)\b"
    r"|\b(?:19|20)\d\d(?:-\d\d)?\s+(?:school\s+year|start)\b|\bschool\s+year\b",
    re.IGNORECASE,
)
# Also noise in a qualifier or parentheses, though they can be title words elsewhere
# ("night auditor", "day care worker", "contract specialist").
_QUALIFIER_ONLY = re.compile(
    r"\b(?:days?|nights?|evenings?|weekends?|contract(?:or)?|temp|commission(?:ed)?|lateral|"
    r"travel|local|regional|dedicated|flexible|multiple|various|openings?|positions?|"
    r"\d+(?:st|nd|rd|th)\s+year|first\s+year|year\s+\d|k-\d+|pre-?k|pgy-?\d|co-?op|"
    r"entry[\s-]+level|all\s+levels?)\b",
    re.IGNORECASE,
)
# Grades and levels: "Class A", "Level II", "Grade 5", "Tier 1", "III", "2".
_LEVEL = re.compile(
    r"\b(?:level|lvl|class|grade|tier|step|band|pgy)[\s-]*(?:[0-9]+|[ivx]+|[a-d])\b"
    r"|(?<=\w\s)\b(?:i{1,3}|iv|v|vi)\b(?=\s*(?:$|[,(-]))|(?<=\w\s)\b[1-6]\b(?=\s*(?:$|[,(-]))"
    r"|\b(?:l[1-6])\b",
    re.IGNORECASE,
)
# Academic ranks before a teaching title: "Assistant Professor of Economics" is a professor.
_ACADEMIC_RANK = re.compile(
    r"\b(?:assistant|associate|adjunct|visiting|clinical|full|tenured?|tenure[\s-]+track|"
    r"research|teaching|senior|junior)\s+(?=(?:professor|prof|lecturer|instructor)\b)",
    re.IGNORECASE,
)
_DEPARTMENT = re.compile(r"\b(?:department|dept|division|school|college|office)\s+of\b")
# "Head of Marketing" directs marketing; a trailing "Lead" is the group's working supervisor
# ("Warehouse Lead", "Team Lead"), as employers use the words.
_HEAD_OF = re.compile(r"^\s*head\s+of\b")
_LEAD = re.compile(r"(?<=\w)\s+lead\s*$")
# "the cable guy", "lawn guy", "hr people": slang for whoever does that work; the work word is the
# title.
_GUY = re.compile(r"(?<=\w)\s+(?:guy|guys|gal|gals|dude|lady|ladies|people|folks|peeps)\s*$")
# "i got fired", "you a robot": a sentence about the speaker or the bot, not a title.
_ABOUT_SOMEONE = re.compile(
    r"^(?:i|i'?m|you|you'?re|we|my|your|me)\b|\b(?:my|me|mine|myself|your|yourself|our)$"
    r"|\b(?:my|your|our)\s"
)  # ... or holds "my"/"your": "quitting my (job)" is about the speaker too
_JOINED = (
    (re.compile(r"\bpost[\s-]*doc(?:toral)?\b"), "postdoctoral"),
    (re.compile(r"\bco-op\b"), "coop"),
)

# Words about a position's rank, not its occupation: tried without them too.
RANKS = frozenset(
    {
        "senior",
        "sr",
        "junior",
        "jr",
        "lead",
        "principal",
        "staff",
        "head",
        "chief",
        "experienced",
        "entry",
        "journeyman",
        "journeyperson",
        "master",
        "journey",
        "level",
        "i",
        "ii",
        "iii",
        "iv",
        "v",
        "associate",
        "assistant",
        "deputy",
        "certified",
        "licensed",
        "registered",
    }
)
# Trainee words: an apprentice electrician is counted with electricians, a psychiatry resident
# with psychiatrists, a pharmacy intern with pharmacists.
TRAINEES = frozenset(
    {
        "apprentice",
        "apprenticeship",
        "trainee",
        "intern",
        "internship",
        "extern",
        "coop",
        "resident",
        "residency",
        "fellow",
        "fellowship",
        "postdoc",
        "postdoctoral",
        "student",
        "scholar",
    }
)
# Words of a question or a reference, never of a title: "what about", "the second one".
FUNCTION_WORDS = frozenset(  # a word list reads best as text
    "what about which who whom whose how why when where one ones first second third last "  # noqa: SIM905
    "other another that this these those its they them their there here is are was were be "
    "been can could would should will more less than then also too same both either neither "
    "any all some such yes no not please thanks ok okay".split()
)
# Words that join or frame title words without naming anything.
STOP = frozenset({"of", "and", "the", "for", "in", "to", "with", "a", "an", "at", "on", "or"})
FILLER = frozenset(
    {
        "my",
        "job",
        "jobs",
        "career",
        "careers",
        "position",
        "role",
        "work",
        "working",
        "as",
        "being",
        "become",
        "profession",
        "occupation",
        "field",
        "opening",
        "opportunity",
        "department",
        "dept",
        "division",
        "team",
        "w",
    }
)


@dataclass(frozen=True)
class TitleText:
    """A title taken apart: what was asked, the title proper and the hints around it."""

    asked_as: str  # as written, minus requisition numbers, pay and empty brackets
    head_part: tuple[str, ...]  # normalised words before the first comma ("operator")
    tail_part: tuple[str, ...]  # after it ("forklift"): an inverted title or a qualifier
    qualifiers: tuple[str, ...]  # after a dash and inside parentheses: department, specialty
    inner: tuple[tuple[str, ...], ...]  # each parenthesised part ("cfo"), for exact lookup
    trainee: bool  # a trainee word was written
    raw: tuple[tuple[str, ...], ...] = ()  # the title's words as written, nothing dropped
    worker_implied: bool = False  # a trainee word or "guy": the words left name the field
    sentence: bool = False  # begins like a sentence about someone ("i got fired")

    @property
    def core(self) -> tuple[str, ...]:
        return self.head_part + self.tail_part

    @property
    def inverted(self) -> tuple[str, ...] | None:
        """ "operator, forklift" -> forklift operator; None without a comma."""
        return self.tail_part + self.head_part if self.tail_part and self.head_part else None


def asked_as(text: str) -> str:
    """The title as the person wrote it, without requisition numbers, pay or empty brackets."""
    cleaned = _CODES.sub(" ", text)
    cleaned = re.sub(r"[(\[]\s*[)\]]|[(\[]\s*$", " ", cleaned)
    cleaned = re.sub(r"\s+", " ", cleaned).strip(" -–—|,:;/")
    return cleaned or text.strip()


def _words(text: str, *, qualifier: bool = False) -> tuple[str, ...]:
    for pattern, joined in _JOINED:
        text = pattern.sub(joined, text)
    text = _GUY.sub("", _LEAD.sub(" supervisor", _HEAD_OF.sub("director of", text)))
    text = _ACADEMIC_RANK.sub(" ", text)
    text = _DEPARTMENT.sub(" ", text)
    text = _SCHEDULE.sub(" ", text)
    if qualifier:
        text = _QUALIFIER_ONLY.sub(" ", text)
    text = _LEVEL.sub(" ", text)
    return tuple(tokens(text))


def analyse(text: str) -> TitleText:
    asked = asked_as(text)
    folded = fold(asked)
    inner_texts = _PARENTHESES.findall(folded)
    main = _PARENTHESES.sub(" ", folded)
    title, *after_dash = _DASH.split(main, maxsplit=1)
    head, _, tail = title.partition(",")
    head_words = _words(head)
    tail_words = _words(tail)
    if not head_words and tail_words:  # ", Forklift" or a comma-first oddity
        head_words, tail_words = tail_words, ()
    qualifiers = tuple(w for part in after_dash for w in _words(part, qualifier=True))
    inner = tuple(w for w in (_words(t, qualifier=True) for t in inner_texts) if w)
    if not head_words and not tail_words:
        # Only a dash part or brackets: "- ICU Nurse", "(CNA)".
        if qualifiers:
            head_words, qualifiers = qualifiers, ()
        elif inner:
            head_words, inner = inner[0], inner[1:]
    all_words = set(head_words + tail_words + qualifiers) | {w for i in inner for w in i}
    trainee = bool(all_words & TRAINEES)
    # As written: "Remote Sensing Technicians" is a title although "remote" is usually noise.
    raw_head, raw_tail = tuple(tokens(head)), tuple(tokens(tail))
    raw = (raw_head + raw_tail, raw_tail + raw_head) if raw_tail else (raw_head,)
    implied = trainee or bool(_GUY.search(head) or _GUY.search(tail))
    sentence = bool(_ABOUT_SOMEONE.search(folded))
    return TitleText(
        asked, head_words, tail_words, qualifiers, inner, trainee, raw, implied, sentence
    )


def head_noun(words: tuple[str, ...] | list[str]) -> str:
    """The word a title is about: 'supervisor' in 'first line supervisor of office worker',
    'developer' in 'python developer'."""
    if "of" in words[1:]:
        return words[list(words).index("of") - 1]
    return words[-1] if words else ""


def of_inverted(words: tuple[str, ...]) -> tuple[str, ...] | None:
    """'director of nursing' -> nursing director; 'professor of economics' -> economics professor.

    Only for a short head before "of", as employers write it; O*NET's own "First-Line
    Supervisors of ..." titles are matched as written.
    """
    if "of" not in words[1:-1]:
        return None
    at = words.index("of")
    if at > 2:
        return None
    return tuple(w for w in words[at + 1 :] if w not in STOP) + words[:at]


def strip_ranks(words: tuple[str, ...]) -> tuple[str, ...]:
    """Without rank and trainee words, except the title's head noun ("sales associate",
    "medical assistant") and unless nothing would be left ("Principal", "Intern")."""
    head = head_noun(words)
    kept = tuple(
        w for w in words if (w == head and w not in TRAINEES) or w not in RANKS | TRAINEES | FILLER
    )
    return kept if any(w not in STOP for w in kept) else words
