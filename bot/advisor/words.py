"""How people word what a ranking is about: "highest paying", "without a degree", "in
healthcare", "over $80k", "no experience" -> a Measure and Filters.

Each phrase list says what it means in the terms of the data (Table 1.2 entry education and
work experience, SOC major groups, OEWS medians), so a reader can check one line at a time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.advisor.filters import Education, Filters, Measure

# --- measures ------------------------------------------------------------------------------
_PAY = re.compile(
    r"\b(?:high(?:est|er)?|best|top|good|great|well|better|decent|nice)[- ]?"
    r"(?:pay(?:ing|in'?|s)?|paid)\b"
    r"|\bpays?\s+(?:the\s+)?(?:most|best|well|good|a\s+lot)\b"
    r"|\b(?:like\s+(?:it|this|that|them)|else)\s+(?:that\s+)?pays?\s+(?:more|better)\b"
    r"|\bmake\s+(?:the\s+)?(?:most|good|a\s+lot\s+of)\s*(?:money|cash)?\b"
    r"|\bmost\s+money\b|\bmake\s+bank\b|\blucrative\b|\bsix[- ]figures?\b"
    r"|\b(?:highest|best|top|biggest)\s+(?:hourly\s+)?(?:salar(?:y|ies)|wages?|incomes?|pay)\b"
    r"|\b(?:good|best)\s+(?:jobs|careers|money)\b|\bearn\s+(?:the\s+)?most\b"
    r"|\b(?:best|top)\s+(?:\d{1,2}|ten|five|twenty)\s+(?:jobs|careers)\b|\btop\s+(?:jobs|careers)\b"
)
_HOURLY = re.compile(r"\bhourly\b|\bper\s+hour\b|\ban\s+hour\b|\s*/\s*h(?:ou)?r\b")
_GROWTH = re.compile(
    r"\b(?:fast(?:est)?|quick(?:est)?|rapid(?:ly)?)[- ]?grow(?:ing|th)\b"
    r"|\bgrow(?:ing)?\s+(?:the\s+)?(?:fastest|most|quickest)\b"
    r"|\b(?:most|biggest|highest|fastest)\s+(?:job\s+|employment\s+)?growth\b"
    r"|\bgrowing\s+(?:jobs|careers|fields|occupations|trades)\b"
    r"|\bgrow(?:s|ing)?\s+(?:fast|quickly|rapidly|a\s+lot)\b"
    r"|\b(?:jobs|careers|fields|trades)\s+(?:for|of|with)\s+(?:the|a)\s+(?:future|bright\s+future)\b"
    r"|\bfuture[- ]proof\s+(?:jobs|careers|fields|trades)\b"
)
_OPENINGS = re.compile(
    r"\bmost\s+(?:job\s+)?(?:openings|vacancies|hiring|open\s+positions)\b"
    r"|\bmost\s+in[- ]demand\b|\bhiring\s+the\s+most\b|\bmost\s+demand\b"
    r"|\b(?:jobs|careers)\s+(?:that\s+are\s+|are\s+)?in\s+(?:high\s+)?demand\b"
)
_EMPLOYMENT = re.compile(
    r"\bmost\s+(?:common|popular)\b|\bemploys?\s+the\s+most\b"
    r"|\bmost\s+(?:people|workers|employed|jobs)\b|\b(?:biggest|largest)\s+(?:jobs|occupations)\b"
)

# --- filters -------------------------------------------------------------------------------
_DEGREE = r"(?:college\s+)?(?:degree|diploma)"
# (pattern, filter name, level), tried in order: the first that matches decides.
_EDUCATION: list[tuple[re.Pattern[str], str, Education]] = [
    (
        re.compile(r"\b(?:without|no|dont\s+need|don't\s+need)\s+(?:a\s+)?high\s+school\b"),
        "education_max",
        Education.NONE,
    ),
    (
        re.compile(
            r"\b(?:without|no|not|w/o)\s+(?:a\s+)?(?:4|four)[- ]years?\s+(?:of\s+)?"
            r"(?:degree|college|school|university|uni)\b"
            r"|\b(?:less\s+than|under)\s+(?:4|four)\s+years\s+of\s+(?:school|college)\b"
        ),
        "education_max",
        Education.ASSOCIATE,
    ),
    (
        re.compile(r"\b(?:without|no)\s+(?:a\s+)?bachelor'?s?\b"),
        "education_max",
        Education.ASSOCIATE,
    ),
    (
        re.compile(
            rf"\b(?:without|no|w/o)\s+(?:a\s+|any\s+|going\s+to\s+|attending\s+)?"
            rf"(?:{_DEGREE}|college|uni(?:versity)?)\b"
            rf"|\b(?:do\s*n[o']?t|doesn'?t|does\s+not|do\s+not|wont|won'?t)\s+(?:need|require)"
            rf"\s+(?:a\s+|any\s+)?(?:{_DEGREE}|college)\b"
            # "if you dont have a college degree", "for someone who doesnt have a degree"
            rf"|\b(?:do\s*n[o']?t|doesn'?t|does\s+not|do\s+not|never\s+got)\s+(?:have|got)"
            rf"\s+(?:a\s+|any\s+)?(?:{_DEGREE}|college)\b"
            r"|\bno[- ]college\b|\bskip(?:ping)?\s+college\b|\bnon[- ]degree\b"
            r"|\b(?:little|minimal|not\s+much)\s+(?:school(?:ing)?|education|college)\b"
        ),
        "education_max",
        Education.POSTSECONDARY,
    ),
    (
        re.compile(
            r"\b(?:only|just)\s+(?:a\s+|my\s+)?(?:high\s+school|hs|ged)\b"
            r"|\bhigh\s+school\s+(?:grads?|graduates?|diploma|education|degree|level)\b"
            r"|\b(?:with|for)\s+(?:a\s+)?(?:ged|hs\s+diploma)\b"
        ),
        "education_max",
        Education.HIGH_SCHOOL,
    ),
    (
        re.compile(r"\bassociate'?s?(?:\s+degree)?\b|\b(?:2|two)[- ]year\s+degree\b"),
        "education",
        Education.ASSOCIATE,
    ),
    (
        re.compile(
            r"\b(?:certificate|certification|trade\s+school|vocational\s+(?:school|training))\b"
        ),
        "education",
        Education.POSTSECONDARY,
    ),
    (
        re.compile(r"\bbachelor'?s?(?:\s+degree)?\b|\b(?:4|four)[- ]year\s+degree\b"),
        "education",
        Education.BACHELOR,
    ),
    (re.compile(r"\bmaster'?s?(?:\s+degree)?\b|\bmba\b"), "education", Education.MASTER),
    (
        re.compile(r"\bdoctora(?:te|l)\b|\bph\.?d\b|\bprofessional\s+degree\b"),
        "education",
        Education.DOCTORAL,
    ),
]
# Every pattern above names one of these words.
_ANY_EDUCATION = re.compile(
    r"school|college|degree|diploma|uni|ged|\bhs\b|associate|certific|trade|vocational"
    r"|bachelor|\b(?:2|4|two|four)[- ]year|master|mba|doctora|ph\.?d|professional"
)
_NO_EXPERIENCE = re.compile(
    r"\b(?:no|without|zero|little\s+or\s+no)\s+(?:work\s+|prior\s+|previous\s+|job\s+)?"
    r"exp[ei]r[a-z]*\b|\bentry[- ]level\b|\bexp[ei]r[a-z]*\s+not\s+(?:needed|required)\b"
)
_LESS_SCHOOL = re.compile(
    r"\bless\s+(?:school(?:ing)?|education|training|college|time\s+in\s+school|study)\b"
    r"|\bfewer\s+years\s+of\s+(?:school|college|study)\b|\bshorter\s+(?:training|schooling)\b"
    r"|\blower\s+job\s+zone\b|\bless\s+(?:preparation|prep)\b"
)
_THRESHOLD = re.compile(
    r"\b(?:over|above|more\s+than|at\s+least|min(?:imum)?\s+of|paying|pays?|making|earn(?:ing)?)"
    r"\s+\$?\s?(?P<amount>\d[\d,]*(?:\.\d+)?)\s?(?P<k>k|grand|thousand)?"
    r"(?P<unit>\s*(?:/\s*h(?:ou)?r|an?\s+hour|per\s+hour|hourly|/\s*y(?:ea)?r|a\s+year|per\s+year))?"
    r"|\bsix[- ]figures?\b"
)
# A pay floor said alone, after a ranking: "what about 25 an hour?", "and $80k?" (with a unit,
# "k" or "$", so that a bare number — "page 2", "top 10" — is never one).
# An amount of pay as people write it: "$30", "25 an hour", "80k", "$1,500/yr".
AMOUNT_PATTERN = (
    r"\$?\s?(?P<amount>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s?(?P<k>k\b|grand\b)?"
    r"(?P<unit>\s*(?:/\s*h(?:ou)?r|an?\s+hour|per\s+hour|hourly|/\s*y(?:ea)?r|an?\s+year"
    r"|per\s+year|yearly|annually|/\s*h\b)\b)?"
)
_BARE_THRESHOLD = re.compile(
    r"^(?:(?:and|ok|okay|so|but)\s+)?(?:(?:what|how)\s+about\s+)?(?:(?:ones?|jobs)\s+)?"
    rf"(?:(?:at|over|above)\s+)?{AMOUNT_PATTERN}(?:\s+or\s+more|\s*\+|\s+plus|\s+instead)?$"
)

# SOC major groups by the everyday words for them. Matched only as "<word> jobs", "jobs in
# (the) <word>" or as the list noun itself ("trades"), so "education" in "less education"
# or "it" in "is it" is never a field.
FIELD_WORDS: dict[str, tuple[str, ...]] = {
    "healthcare": ("29", "31"),
    "health care": ("29", "31"),
    "health": ("29", "31"),
    "medical": ("29", "31"),
    "medicine": ("29", "31"),
    "hospital": ("29", "31"),
    "tech": ("15",),
    "technology": ("15",),
    "it": ("15",),
    "computer": ("15",),
    "computers": ("15",),
    "computing": ("15",),
    "software": ("15",),
    "coding": ("15",),
    "programming": ("15",),
    "construction": ("47",),
    "trade": ("47", "49"),
    "trades": ("47", "49"),
    "skilled trade": ("47", "49"),
    "skilled trades": ("47", "49"),
    "finance": ("13",),
    "financial": ("13",),
    "business": ("13",),
    "accounting": ("13",),
    "management": ("11",),
    "engineering": ("17",),
    "science": ("19",),
    "sciences": ("19",),
    "scientific": ("19",),
    "social work": ("21",),
    "social service": ("21",),
    "social services": ("21",),
    "counseling": ("21",),
    "legal": ("23",),
    "law": ("23",),
    "education": ("25",),
    "teaching": ("25",),
    "arts": ("27",),
    "art": ("27",),
    "design": ("27",),
    "media": ("27",),
    "entertainment": ("27",),
    "sports": ("27",),
    "creative": ("27",),
    "law enforcement": ("33",),
    "protective service": ("33",),
    "security": ("33",),
    "police": ("33",),
    "public safety": ("33",),
    "food service": ("35",),
    "restaurant": ("35",),
    "hospitality": ("35",),
    "food": ("35",),
    "cleaning": ("37",),
    "personal care": ("39",),
    "personal care and service": ("39",),
    "personal service": ("39",),
    "beauty": ("39",),
    "sales": ("41",),
    "retail": ("41",),
    "office": ("43",),
    "administrative": ("43",),
    "admin": ("43",),
    "clerical": ("43",),
    "farming": ("45",),
    "farm": ("45",),
    "ranch": ("45",),
    "forestry": ("45",),
    "agriculture": ("45",),
    "agricultural": ("45",),
    "repair": ("49",),
    "mechanic": ("49",),
    "maintenance": ("49",),
    "manufacturing": ("51",),
    "production": ("51",),
    "factory": ("51",),
    "transportation": ("53",),
    "transport": ("53",),
    "logistics": ("53",),
    "driving": ("53",),
    "trucking": ("53",),
    "military": ("55",),
}
LIST_NOUNS = (
    r"jobs?|careers?|occupations?|professions?|trades|fields?|positions|roles|gigs|ones"
    r"|options|paths|majors"
)
_FIELD_ALTERNATION = "|".join(
    re.escape(word) for word in sorted(FIELD_WORDS, key=len, reverse=True)
)
_FIELD = re.compile(
    rf"\b(?P<a>{_FIELD_ALTERNATION})(?:[- ](?:type|related|kind\s+of))?"
    rf"[- ](?:{LIST_NOUNS}|industry|sector)\b"
    rf"|\b(?:in|into)\s+(?:the\s+)?(?!it\b)(?P<b>{_FIELD_ALTERNATION})"
    rf"(?:\s+(?:field|industry|sector|world))?\b"
    r"|\b(?P<c>trades|skilled\s+trades)\b"
)


# What people ask lists to be about that the sources publish nothing on: the answer says its
# list is not filtered by it, rather than quietly ignoring it.
_UNSUPPORTED = re.compile(
    r"\b(?:remote|work(?:ing)?\s+from\s+home|from\s+home|part[- ]time|low[- ]stress"
    r"|least\s+stressful|stress[- ]free|easiest|easy|fun|happiest|flexible|safest"
    r"|for\s+(?:women|men|introverts|extroverts|teens|teenagers|students|veterans|felons"
    r"|seniors|retirees|moms|parents))\b"
)


@dataclass(frozen=True)
class Wording:
    """What a message says about a ranking (None / empty where it says nothing)."""

    measure: Measure | None
    filters: Filters
    field_spans: tuple[tuple[int, int], ...] = ()  # where the fields were said (not places)
    unsupported: tuple[str, ...] = ()  # qualifiers the data cannot filter by ("remote")


def measure_of(text: str) -> Measure | None:
    """The measure a message asks to rank by, if it names one."""
    if _GROWTH.search(text):
        return Measure.GROWTH
    if _OPENINGS.search(text):
        return Measure.OPENINGS
    if _EMPLOYMENT.search(text):
        return Measure.EMPLOYMENT
    if _PAY.search(text):
        return Measure.HOURLY if _HOURLY.search(text) else Measure.ANNUAL
    return None


def money(amount: str, k: str | None) -> float:
    value = float(amount.replace(",", ""))
    return value * 1000 if k else value


def wording(text: str) -> Wording:
    """The measure and filters a (lower-case) message names."""
    measure = measure_of(text)
    education: dict[str, Education] = {}
    if _ANY_EDUCATION.search(text):  # most messages say nothing of school: one search, not ten
        for pattern, name, level in _EDUCATION:
            if pattern.search(text):
                education[name] = level
                break
    fields: list[str] = []
    spans = []
    for found in _FIELD.finditer(text):
        word = found["a"] or found["b"] or found["c"]
        spans.append(found.span())
        for group in FIELD_WORDS[" ".join(word.split())]:
            if group not in fields:
                fields.append(group)
    min_pay: int | None = None
    min_hourly: float | None = None
    threshold = _THRESHOLD.search(text)
    bare = _BARE_THRESHOLD.match(text) if threshold is None else None
    if bare is not None and ("$" in bare.group(0) or bare["k"] or bare["unit"]):
        threshold = bare
    if threshold is not None:
        if threshold["amount"] is None:  # six figures
            min_pay = 100_000
        else:
            value = money(threshold["amount"], threshold["k"])
            hourly = bool(threshold["unit"] and "h" in threshold["unit"].replace("hour", "h"))
            if hourly or (not threshold["k"] and value < 300):
                min_hourly = value
                if measure in (None, Measure.ANNUAL):
                    measure = Measure.HOURLY
            elif value >= 1000:
                min_pay = round(value)
    filters = Filters(
        education=education.get("education"),
        education_max=education.get("education_max"),
        education_min=education.get("education_min"),
        experience_none=bool(_NO_EXPERIENCE.search(text)),
        fields=tuple(sorted(fields)),
        min_pay=min_pay,
        min_hourly=min_hourly,
        less_school=bool(_LESS_SCHOOL.search(text)),
    )
    unsupported = tuple(dict.fromkeys(m.group(0) for m in _UNSUPPORTED.finditer(text)))
    return Wording(measure, filters, tuple(spans), unsupported)
