"""How people ask each kind of advisor question: the regular expressions, one group per kind.

The recogniser (`bot.advisor.questions`) tries them in order; each pattern is one way people
ask ("where do X make the most", "best cities in <state> for X"), and captures the title
(`t`), the place or the tool as written. How a ranking's measure and filters are worded is in
`bot.advisor.words`. Patterns read lower-case text without trailing punctuation
(`questions.normal`).

About 450 lines, on purpose: it is one table of phrasings, a group per kind; it grows by a
line when people are found to ask another way, and splitting it by kind would only spread
the shared pieces (`_BE`, `_CREDENTIAL`, `_WHEN`) over several files.
"""

from __future__ import annotations

import re

from bot.advisor.words import AMOUNT_PATTERN, LIST_NOUNS
from bot.conversation.phrasing import RELATIVE

# --- the quiz --------------------------------------------------------------------------------
QUIZ = re.compile(
    r"\b(?:career|job|interest|personality|aptitude)\s+(?:quiz|test|assessment|profiler)s?\b|\bquiz\b"
    r"|\bno\s+(?:clue|idea)\s+what\s+(?:i'?m|im|i\s+am)\s+(?:into|good\s+at|interested\s+in)\b"
    r"|\bwhat\s+(?:kind\s+of\s+|type\s+of\s+|sort\s+of\s+)?(?:career|job|work|occupation)s?"
    r"\s+(?:would\s+|might\s+|will\s+|could\s+|should\s+)?(?:fits?|suits?|match(?:es)?|be\s+"
    r"(?:good|right|best)\s+for)\s+me\b"
    r"|\b(?:fits?|suits?)\s+me\b|\bright\s+for\s+me\b|\bbased\s+on\s+my\s+interests\b"
    r"|\bwhat(?:'s|s|\s+is|\s+are)\s+(?:an?\s+|some\s+)?(?:good|great|the\s+best)\s+(?:careers?|jobs?)"
    r"\s+for\s+me\b"
    r"|\bdo\s*n[o']?t\s+know\s+what\s+(?:i\s+want\s+to\s+do|to\s+do|career|job)"
    r"|\bno\s+idea\s+what\s+(?:i\s+want\s+to\s+do|to\s+do)\b"
    r"|\b(?:idk|i\s+dunno|not\s+sure|unsure)\s+what\s+(?:i\s+want\s+to\s+do|to\s+do"
    r"|career|job)\b"
    r"|\bwhat\s+should\s+i\s+do\s+with\s+my\s+life\b"
    r"|\bhelp\s+me\s+(?:choose|pick|find|decide\s+on)\s+an?\s+(?:career|job)\b"
    r"|\bhelp\s+(?:me\s+)?(?:picking|choosing|finding|with\s+(?:picking|choosing))\s+an?\s+"
    r"(?:career|job)\b|\bwhat\s+should\s+i\s+do\s+for\s+(?:a\s+living|work|my\s+career)\b"
    r"|\b(?:match(?:es)?|fit|suit)\s+my\s+(?:personality|interests)\b"
    r"|\b(?:careers?|jobs?)\s+for\s+my\s+(?:personality|interests)\b"
    r"|\b(?:no\s+(?:idea|clue)|not\s+sure|unsure|confused\s+about)\s+(?:what|which)\s+"
    r"(?:career|job|field|work|to\s+do)"
    r"|\bwhat\s+(?:job|career|work|field)\s+should\s+i\s+(?:do|pick|choose|get|go\s+into|pursue)\b"
    r"|^(?:i'?m|i\s+am)\s+(?:really\s+|pretty\s+)?good\s+(?:with|at)\s+(?!my\s+job)[a-z ]+"
    r"(?:\s+and|,)\s+(?:i\s+)?(?:like|love|enjoy|prefer|want)\b"
    r"|\b(?:jobs?|careers?|work)\s+for\s+(?:someone|somebody|a\s+person|people|me|a\s+guy|a\s+girl)"
    r"\s+(?:who|that)\s+(?:likes?|loves?|enjoys?|is\s+good\s+at|are\s+good\s+at)\b"
    r"|\bwhat\s+should\s+(?:i|he|she|they|my\s+\w+)\s+(?:study|major\s+in|go\s+to\s+(?:school|college)"
    r"\s+for|do\s+after\s+(?:high\s+)?school)\b|\b(?:pick|choose|choosing|picking)\s+a\s+major\b"
    # "what kind of job fits an introvert who likes …", "what jobs would match that" (after
    # what the person likes)
    r"|\bwhat\s+(?:kind\s+of\s+|type\s+of\s+|sort\s+of\s+)?(?:careers?|jobs?|work)\s+"
    r"(?:would\s+|might\s+|could\s+)?(?:fits?|suits?|match(?:es)?)\s+(?:an?\s+\w+\s+who"
    r"|someone\s+who|somebody\s+who|people\s+who|that|this|those|these|my)\b"
    r"|\b(?:i\s+)?(?:like|love|enjoy)\s+[a-z ,&']{3,60}\s+what\s+(?:kind\s+of\s+)?"
    r"(?:jobs?|careers?)\s+(?:would|might|could)\s+(?:match|fit|suit)\b"
)

# --- pay position ----------------------------------------------------------------------------
AMOUNT = re.compile(AMOUNT_PATTERN)
JUDGE = re.compile(
    r"\b(?:is\s+(?:that|this|it)|am\s+i|good|fair|underpaid|overpaid|low|decent|normal|bad"
    r"|where\s+does\s+that\s+put\s+me|enough|competitive|average)\b"
)
PAY_NOISE = [
    (
        re.compile(
            r"[,.;:!?—–]+\s*(?:is|was)\s+(?:that|this|it)\b.*$"
            r"|\b(?:is|was)\s+(?:that|this|it)\b.*$"
        ),
        " ",
    ),
    (re.compile(r"\bwhere\s+does\s+that\s+put\s+me\b.*$"), " "),
    (
        re.compile(
            r"\bam\s+i\s+(?:being\s+)?(?:underpaid|overpaid|paid\s+(?:enough|fairly|well|right|ok)"
            r"|making\s+enough|doing\s+(?:ok|okay|well|fine))\b"
        ),
        " ",
    ),
    (re.compile(r"\bi\s+drive\s+an?\s+(\w+)"), r" \1 driver "),
    (re.compile(r"^(?:is|are)\b"), " "),
    (re.compile(r"\bmy\s+(?:salary|pay|wage|income)\s+is\b|\b(?:salary|income|wage)\b"), " "),
    (
        re.compile(r"\b(?:i|im|i'm|i\s+am)\s+(?:make|earn|get\s+paid|get|paid|making|earning)\b"),
        " ",
    ),
    (re.compile(r"\b(?:making|earning|getting|get\s+paid|paid|make|earn|earns|makes|and)\b"), " "),
    (
        re.compile(
            r"\b(?:good\s+or\s+bad|good\s+pay|fair|decent|normal|underpaid|overpaid|low"
            r"|good|bad|enough|ok|okay)\b"
        ),
        " ",
    ),
    (
        re.compile(
            r"\b(?:as|for|being)\s+an?\b|\b(?:im|i'm|i\s+am)\s+an?\b|\bi\s+work\s+as\s+an?\b"
        ),
        " ",
    ),
    (re.compile(r"\bhere\b|\bi\b"), " "),
    # someone else's pay, read as theirs: "my brother's a janitor, says he makes 15 an hour"
    (
        re.compile(
            rf"{RELATIVE}(?:'s|\s+is)\s+(?:an?\s+)?"
            r"|\b(?:says|said|thinks)\s+(?:he|she|they)\b|\b(?:he|she|they)\b"
        ),
        " ",
    ),
]

# --- tools -----------------------------------------------------------------------------------
TOOLS = [
    re.compile(
        rf"^(?:which|what|wat)\s+(?:{LIST_NOUNS})\s+(?:use|uses|need|needs|require|requires"
        r"|involve|work\s+with)\s+(?P<tool>.+)$"
    ),
    re.compile(
        rf"^(?:{LIST_NOUNS})\s+(?:that|which|where\s+(?:i|you|people)"
        r"(?:\s+(?:can|could|would|get\s+to))?)?\s*"
        r"(?:use|uses|using|need|needs|require|requires|with|involving)\s+(?P<tool>.+)$"
    ),
    re.compile(r"^who\s+(?:uses|works\s+with)\s+(?P<tool>.+?)(?:\s+at\s+work)?$"),
    re.compile(
        rf"^(?:{LIST_NOUNS})\s+for\s+(?:people|someone|somebody|me|those)\s+(?:who|that|if\s+i)\s+"
        r"(?:know|knows|use|uses|can\s+use|am\s+good\s+at|like)\s+(?P<tool>.+)$"
    ),
    re.compile(
        r"^i\s+(?:know|use|can\s+use|am\s+good\s+at)\s+(?P<tool>.+?)\s*[.,;!]?\s*"
        rf"(?:which|what)\s+(?:{LIST_NOUNS})\s+use\s+it$"
    ),
    # "im really good at quickbooks, what kind of jobs actually use it"
    re.compile(
        r"^(?:i'?m|im|i\s+am)\s+(?:really\s+|pretty\s+|very\s+)?(?:good|great|skilled)\s+(?:at|with)"
        r"\s+(?P<tool>.+?)\s*[.,;!]?\s*(?:so\s+)?(?:which|what)\s+(?:kind\s+of\s+|sort\s+of\s+)?"
        rf"(?:{LIST_NOUNS})\s+(?:actually\s+|really\s+)?(?:use|need)\s+(?:it|that|them)$"
    ),
    # "careers where you'd use sketchup a lot", "what jobs use westlaw besides being a lawyer"
    re.compile(
        rf"^(?:{LIST_NOUNS})\s+where\s+(?:you'?d|you\s+would|i'?d|i\s+would|you)\s+use\s+"
        r"(?P<tool>.+?)(?:\s+(?:a\s+lot|every\s+day|daily|all\s+day))?$"
    ),
    re.compile(
        rf"^(?:which|what|wat)\s+(?:other\s+)?(?:{LIST_NOUNS})\s+(?:use|uses|need|needs)\s+"
        r"(?P<tool>.+?)\s+(?:besides|other\s+than|apart\s+from|except)\b.*$"
    ),
]
TOOL_NOISE = re.compile(
    r"\([^)]*\)|\b(?:skills?|software|program|at\s+work|professionally|daily|every\s+day)\b"
)

# --- how to become ---------------------------------------------------------------------------
_BE = (
    r"(?:become|becoming|be|get\s+into|getting\s+into|get\s+started\s+(?:as|in)"
    r"|start\s+(?:as|in)|train\s+(?:as|to\s+be)|qualify\s+as|work\s+as"
    r"|get\s+(?:a\s+job|hired|work|a\s+position)\s+as"
    r"|get\s+(?:licensed|certified|trained|qualified)\s+(?:as|to\s+be))"
)
_CREDENTIAL = (
    r"(?:(?:college\s+|university\s+|bachelor'?s\s+|4[- ]year\s+)?degree|college|diploma"
    r"|licen[cs]e|certification|certificate|cert|school(?:ing)?|training|experience)"
)
HOWTO = [
    re.compile(
        r"^what\s+(?:schooling|education|training|degree|qualifications?|certifications?"
        r"|experience)\s+(?:is|are)\s+(?:needed|required|necessary)\s+(?:to\s+(?:be|become)|for)"
        r"\s+(?P<t>.+)$"
    ),
    re.compile(
        r"^what\s+is\s+(?:required|needed|involved|necessary)\s+(?:to\s+(?:be|become)|for"
        r"|in\s+becoming)\s+(?P<t>.+)$"
    ),
    re.compile(
        r"^how\s+(?:long|many\s+years)\s+(?:is|are)\s+(?:the\s+)?(?:school(?:ing)?|college|training"
        r"|education|program)\s+(?:for|to\s+(?:be|become))\s+(?P<t>.+)$"
    ),
    re.compile(
        rf"^how\s+(?:hard|difficult|easy|long|competitive|expensive)\s+is\s+it\s+to\s+{_BE}\s+"
        rf"(?P<t>.+)$"
    ),
    re.compile(
        rf"^how\s+(?:do|can|could|would|should|does)\s+(?:i|you|u|one|someone"
        rf"|a\s+person)\s+{_BE}\s+(?P<t>.+)$"
    ),
    re.compile(rf"^how\s+to\s+{_BE}\s+(?P<t>.+)$"),
    re.compile(
        rf"^how\s+long\s+(?:does\s+it|will\s+it|would\s+it|do\s+you"
        rf"|does\s+one)\s+(?:take\s+)?(?:to\s+)?{_BE}\s+(?P<t>.+)$"
    ),
    re.compile(rf"^how\s+long\s+(?:to|until\s+i\s+can)\s+{_BE}\s+(?P<t>.+)$"),
    re.compile(
        rf"^what\s+(?:do|does|would|will)\s+(?:i|you|u|one|he|she|they|we|my\s+\w+)\s+need"
        rf"\s+(?:to\s+)?(?:do\s+to\s+)?{_BE}\s+(?P<t>.+)$"
    ),
    # "how would i get started on that", "how would she get started": the job shown
    re.compile(
        r"^(?:so\s+|and\s+|ok\s+)?how\s+(?:do|would|can|could|should|does|did)\s+(?:i|you|u|one"
        r"|he|she|they|we)\s+(?:get\s+started|start(?:\s+out)?|begin)(?:\s+(?:on|in|with|as)"
        r"\s+(?:an?\s+)?(?P<t>.+?))?$"
    ),
    re.compile(
        rf"^what\s+(?:does\s+it|do\s+you|do\s+i|would\s+it)\s+(?:take"
        rf"|need)\s+to\s+{_BE}\s+(?P<t>.+)$"
    ),
    re.compile(rf"^(?:what\s+are\s+(?:the\s+)?)?steps\s+(?:to|for)\s+{_BE}\s+(?P<t>.+)$"),
    re.compile(
        rf"^how\s+many\s+years\s+(?:of\s+(?:school|college|training|education"
        rf"|study)\s+)?(?:does\s+it\s+take\s+|do\s+you\s+need\s+"
        rf"|is\s+it\s+)?(?:to\s+)?{_BE}\s+(?P<t>.+)$"
    ),
    re.compile(
        r"^what\s+(?:qualifications|education|training|degree|degrees|schooling|certifications?"
        r"|requirements|experience)\s+(?:do|does|would)\s+(?:i|you|u|one)\s+need\s+(?:to\s+(?:be"
        r"|become)|for|as)\s+(?P<t>.+)$"
    ),
    re.compile(
        r"^(?:what\s+are\s+the\s+)?(?:requirements|qualifications)\s+(?:to\s+(?:be|become)"
        r"|for)\s+(?P<t>.+)$"
    ),
    re.compile(
        r"^how\s+(?:do\s+i|to|can\s+i|would\s+i)\s+get\s+(?:a|an|my)\s+(?P<t>cdl(?:[\s-]?a|[\s-]?b)?)$"
    ),
    re.compile(
        r"^how\s+(?:do\s+i\s+|to\s+"
        r"|can\s+i\s+)get\s+an?\s+(?P<licence>.+?)\s+licen[cs]e(?:\s+and\s+(?:become"
        r"|be)\s+(?P<t>.+))?$"
    ),
    # Whether a job needs a credential: "can i be a paramedic without a degree", "do you need
    # a license to be an electrician", "do locksmiths need a license". The answer is what it
    # typically takes.
    re.compile(
        rf"^(?:can|could)\s+(?:i|you|u|one|someone|a\s+person)\s+{_BE}\s+(?P<t>.+?)\s+without"
        rf"\s+(?:(?:going\s+to|attending|getting|having|finishing|an?|any)\s+)*{_CREDENTIAL}\b.*$"
    ),
    re.compile(
        rf"^(?:do|does|would|will)\s+(?:i|you|u|one|he|she|they|we)\s+(?:need|have\s+to\s+have)\s+"
        rf"(?:an?\s+|any\s+)?(?:separate\s+|special\s+|extra\s+|different\s+|state\s+|new\s+)?"
        rf"{_CREDENTIAL}\s+(?:to\s+{_BE}|for|as)\s+(?P<t>.+)$"
    ),
    re.compile(
        rf"^(?:is|are)\s+(?:an?\s+)?{_CREDENTIAL}\s+(?:needed|required|necessary)\s+(?:to\s+{_BE}"
        rf"|for)\s+(?P<t>.+)$"
    ),
    re.compile(
        rf"^(?:do|does)\s+(?P<t>.+?)\s+(?:need|require|have\s+to\s+have)\s+(?:an?\s+|any\s+)?"
        rf"{_CREDENTIAL}\b.*$"
    ),
    # "what kind of degree do you need to be a pharmacist", "how many years of school for a
    # physical therapist", "is it too late to become a doctor", "how long is electrician
    # apprenticeship", "how hard is nursing school".
    re.compile(
        rf"^what\s+(?:kind|type|sort)\s+of\s+{_CREDENTIAL}\s+(?:do|does|would)\s+(?:i|you|u|one)"
        rf"\s+need\s+(?:to\s+{_BE}|for|as)\s+(?P<t>.+)$"
    ),
    re.compile(
        rf"^how\s+(?:many\s+years|long)\s+(?:of\s+)?{_CREDENTIAL}\s+(?:for|to\s+{_BE})\s+"
        rf"(?P<t>.+)$"
    ),
    re.compile(
        rf"^(?:(?:i'?m|im|i\s+am)\s+\d{{1,2}}(?:\s+years?\s+old)?[,.]?\s+)?(?:is\s+it|am\s+i)\s+"
        rf"(?:too\s+late|too\s+old)\s+(?:to\s+{_BE}|for)\s+(?P<t>.+)$"
    ),
    re.compile(rf"^is\s+it\s+(?:hard|difficult|easy|tough)\s+to\s+{_BE}\s+(?P<t>.+)$"),
    re.compile(  # "how much school do you need to be a dentist", "how much training for a pilot"
        rf"^how\s+much\s+(?:school(?:ing)?|college|training|education|studying)\s+(?:(?:do|does|would)"
        rf"\s+(?:i|you|u|one)\s+need\s+|does\s+it\s+take\s+|is\s+(?:needed|required)\s+)?"
        rf"(?:for|to\s+{_BE}|as)\s+(?P<t>.+)$"
    ),
    re.compile(
        r"^how\s+(?:long|hard|difficult)\s+(?:is|are)\s+(?:an?\s+|the\s+)?(?P<t>.+?)\s+"
        r"(?:school|apprenticeship|program|training|courses?|licen[cs]ing|exams?|certification)$"
    ),
]
HOWTO_TAIL = re.compile(
    r"\s+(?:fast|quickly|quick|asap|now|today|as\s+an\s+adult|at\s+\d+|with\s+no\s+experience"
    r"|without\s+a\s+degree|step\s+by\s+step|in\s+\d+\s+(?:months|years))$"
)

# --- where to go -----------------------------------------------------------------------------
_AREAS = (
    r"(?P<kind>states?|cities|city|metros?|metro\s+areas?|metropolitan\s+areas?|places|areas?"
    r"|towns?|regions?|parts\s+of\s+the\s+country)"
)
_BEST = (
    r"(?:the\s+)?(?:best|top|highest[- ]paying|top[- ]paying|best[- ]paying|highest[- ]paid"
    r"|best[- ]paid|richest)"
)
PLACES = [
    re.compile(
        r"^where\s+(?:should|could|can|would)\s+i\s+(?:move|live|go|work|relocate)\s+(?:to\s+)?"
        r"(?:to\s+(?:be|work\s+as)|as)\s+(?:an?\s+)?(?P<t>.+)$"
    ),
    re.compile(
        r"^where\s+(?:is|are)\s+(?:the\s+)?(?:best|highest[- ]paying|top)\s+(?:place|places|state"
        r"|states|city|cities)\s+(?:to\s+(?:be|work\s+as|live\s+as)|for)\s+(?:an?\s+)?(?P<t>.+)$"
    ),
    re.compile(
        rf"^(?:which|what)\s+{_AREAS}\s+(?:in\s+(?P<within>.+?)\s+)?pays?\s+(?:the\s+)?"
        r"(?:most|best|more|highest)\s+(?:for|to)\s+(?:an?\s+)?(?P<t>.+)$"
    ),
    re.compile(  # "where in texas do RNs get paid the most": the state's metros
        r"^where\s+in\s+(?P<within>[a-z .'-]+?)\s+(?:do|does|can|would)\s+(?:an?\s+)?(?P<t>.+?)\s+"
        r"(?:make|earn|get\s+paid|are\s+paid|get)\s+(?:the\s+)?(?:most|best|more|highest)"
        r"(?:\s+money|\s+pay)?$"
    ),
    re.compile(
        r"^where\s+(?:do|does|can|should|would)\s+(?:an?\s+)?(?P<t>.+?)\s+(?:make|earn|get\s+paid"
        r"|be\s+paid|are\s+paid|paid|get|work|go|live)\s+(?:the\s+)?(?:most|best|more"
        r"|highest)(?:\s+money|\s+pay)?(?P<rest>.*)$"
    ),
    re.compile(
        r"^where\s+(?:is|are)\s+(?:an?\s+)?(?P<t>.+?)\s+(?:paid|making)\s+(?:the\s+)?(?:most"
        r"|best)(?P<rest>.*)$"
    ),
    re.compile(
        rf"^(?:what|which)\s+(?:are\s+"
        rf"|is\s+)?{_BEST}\s+{_AREAS}\s+(?:in\s+(?P<within>.+?)\s+)?(?:for|to\s+work\s+as|to\s+be"
        rf"|to\s+live\s+as)\s+(?:an?\s+)?(?P<t>.+)$"
    ),
    re.compile(
        rf"^{_BEST}\s+{_AREAS}\s+(?:in\s+(?P<within>.+?)\s+)?(?:for|to\s+work\s+as|to\s+be"
        rf"|to\s+live\s+as)\s+(?:an?\s+)?(?P<t>.+)$"
    ),
    re.compile(
        rf"^(?:which|what)\s+{_AREAS}\s+(?:in\s+(?P<within>.+?)\s+)?(?:pays?"
        rf"|pay)\s+(?:an?\s+)?(?P<t>.+?)\s+(?:the\s+)?(?:most|best|more|highest)$"
    ),
    re.compile(
        rf"^(?:which|what)\s+{_AREAS}\s+(?:in\s+(?P<within>.+?)\s+)?(?:is"
        rf"|are)\s+best\s+for\s+(?:an?\s+)?(?P<t>.+)$"
    ),
]

# --- is X a good bet? ------------------------------------------------------------------------
_BEING = r"(?:being\s+an?\s+|becoming\s+an?\s+|working\s+as\s+an?\s+|an?\s+|the\s+)?"
_CAREER = (
    r"(?:career|job|field|trade|profession|choice|idea|option|industry|path|bet|investment"
    r"|major|occupation|line\s+of\s+work|living|gig)"
)
# When, after the job: "is being a court reporter worth it in 2026", "… after covid".
_WHEN = (
    r"(?:\s+(?:in\s+\d{4}|after\s+(?:covid|ai|the\s+pandemic)|these\s+days|nowadays|today"
    r"|now|long[- ]term|in\s+the\s+long\s+(?:run|term)"
    r"|(?:in\s+the\s+|over\s+the\s+)?(?:next|coming)\s+(?:\d+|few|five|ten)\s+years|(?:because|due\s+to|thanks\s+to)\s+(?:of\s+)?(?:ai|software"
    r"|automation|robots|technology|computers|chatgpt|the\s+economy)))?"
)
# A second question after the first: "is there a future in X or is it all online now".
SECOND_QUESTION = re.compile(
    r"\s+or\s+(?:is|are|will|has|have|do|does|did|should|would|could|can|was|am)\s+.*$"
)
PROSPECTS = [
    re.compile(
        r"^is\s+it\s+(?:still\s+)?(?:worth\s+(?:it\s+)?|a\s+good\s+idea\s+|smart\s+)(?:to\s+)?"
        r"(?:becoming|being|become|be|going\s+into|getting\s+into|go\s+into|get\s+into|working\s+as"
        r"|work\s+as|studying|study|getting\s+(?:certified|licensed|trained|qualified)\s+as)"
        r"\s+(?:an?\s+)?(?P<t>.+)$"
    ),
    re.compile(
        r"^(?:will|are|is|can|could)\s+(?P<t>.+?)\s+(?:be\s+|being\s+|get\s+)?(?:replaced"
        r"|taken\s+over"
        r"|automated)(?:\s+by\s+(?:ai|robots|automation|machines))?(?:\s+soon)?$"
    ),
    re.compile(r"^(?:can|could)\s+(?:ai|robots|automation)\s+replace\s+(?P<t>.+)$"),
    re.compile(
        r"^(?:is|are|will)\s+(?:ai|robots|automation)\s+(?:going\s+to|gonna|gon\s+na)\s+"
        r"(?:replace|take\s+over|take)\s+(?P<t>.+?)(?:\s+jobs)?$"
    ),
    re.compile(
        rf"^(?:is|are|would)\s+{_BEING}(?P<t>.+?)\s+(?:still\s+"
        rf"|really\s+)?(?:be\s+)?(?:an?\s+)?(?:good|great|bad|smart|solid|safe|stable|wise|dying"
        rf"|growing|secure|promising|viable|real|legit|decent)\s+{_CAREER}(?:\s+to\s+(?:get\s+into|go\s+into|pursue"
        rf"|study|choose))?(?:\s+(?:choice|path|option"
        rf"|for\s+(?:me|an?\s+(?:woman|man|mom|dad|parent|introvert|veteran)|women|men|moms"
        rf"|introverts|veterans)))?(?:\s+in\s+\d{{4}})?(?:\s+anymore)?{_WHEN}$"
    ),
    re.compile(
        rf"^(?:is|are)\s+{_BEING}(?P<t>.+?)\s+(?:still\s+|really\s+)?worth\s+(?:it|(?:all\s+)?the\s+(?:stress"
        rf"|money|debt|time|effort|hassle|risk|student\s+loans|schooling))(?:\s+anymore)?{_WHEN}$"
    ),
    re.compile(
        rf"^(?:is|are)\s+{_BEING}(?P<t>.+?)\s+(?:still\s+)?(?:in\s+(?:high\s+)?demand"
        r"|dying(?:\s+(?:out|off))?|going\s+extinct|disappearing|(?:becoming\s+)?obsolete"
        r"|on\s+the\s+way\s+out|growing|future[- ]proof|going\s+away|still\s+needed"
        r"|a\s+dying\s+field"
        r"|recession[- ]proof|safe\s+from\s+ai)(?:\s+(?:in|around)\s+[a-z .'-]{2,30})?"
        rf"{_WHEN}$"
    ),
    re.compile(
        r"^(?:do|does|will)\s+(?:an?\s+)?(?P<t>.+?)\s+(?:still\s+)?have\s+a\s+(?:good\s+"
        r"|bright\s+)?future\b.*$"
    ),
    re.compile(
        r"^will\s+(?:ai|robots|automation)\s+(?:replace|take\s+over)\s+(?P<t>.+?)(?:\s+jobs)?$"
    ),
    re.compile(
        rf"^is\s+there\s+(?:still\s+)?(?:(?:gonna|going\s+to)\s+be\s+)?(?:a\s+|any\s+)?"
        rf"(?:good\s+|bright\s+|real\s+)?(?:future|money|demand|growth)\s+(?:in|for)\s+{_BEING}"
        rf"(?P<t>.+?)(?:\s+anymore)?{_WHEN}(?:\s+(?:when|by\s+the\s+time|once)\s+i\s+.+)?$"
    ),
    # "will bank tellers even exist in 10 years", "will there still be X jobs"
    re.compile(
        rf"^will\s+(?!there\b)(?P<t>.+?)\s+(?:even\s+|still\s+)?(?:exist|be\s+around|be\s+needed"
        rf"|be\s+a\s+thing)(?:\s+anymore)?{_WHEN}(?:\s+in\s+(?:\d+|ten|five|twenty)\s+years)?$"
    ),
    re.compile(
        r"^(?:what\s+is|what's|whats|how\s+is|how's|hows)\s+the\s+(?:job\s+|career\s+"
        r"|employment\s+)?(?:outlook|future|demand)\s+(?:for|of"
        r"|like\s+for)\s+(?:an?\s+)?(?P<t>.+)$"
    ),
]

# --- follow-ups on a previous answer ---------------------------------------------------------
SIMILAR = re.compile(
    rf"\b(?:{LIST_NOUNS})\s+(?:(?:are|that\s+are|which\s+are|kinda|kind\s+of|sort\s+of|pretty"
    rf"|a\s+lot|a\s+bit|really|more|most)\s+)*(?:like|similar\s+to)\s+(?:an?\s+|being\s+an?\s+)?(?P<t>.+?)"
    r"(?=\s+(?:that|which|but|with|without|and|where|who|in|paying|for|needing)\b|$)"
    r"|\bsimilar\s+(?:jobs|careers|occupations|ones|work)\b"
)
# A question about the occupations shown ("which pays the most?", "and which one has more
# jobs?"): the conversation's, unless what was shown is a ranking.
ABOUT_SHOWN = re.compile(
    r"^(?:(?:and|so|ok|okay|but|then|now)\s+)?(?:in\s+[a-z .'-]+?\s+)?(?:which|who|what)\s+"
    r"(?:one\s+|ones\s+|of\s+(?:them|these|those|the\s+\w+)\s+)?(?:has|have|pays?|earns?|makes?"
    r"|needs?|requires?|gets?|grows?|employs?|offers?)\b"
)
# What is said around a place in a follow-up that asks the same somewhere else ("how does
# that compare nationally?", "what about in Texas overall").
ELSEWHERE = re.compile(
    r"\bhow\s+(?:does|do|is|would)\s+(?:that|it|this|mine)\s+(?:compare|look|stack\s+up)\b"
    r"|\b(?:what|how)\s+about\b|\b(?:and|but|so|ok|okay|overall|again|there|instead|then|too"
    r"|also|in|the|whole|state|of|for|compared|to|nationally|nationwide)\b"
)
# The same question about another occupation, after an answer about one: "and for LPNs?",
# "same for plumbers", "what about for welders?".
SAME_FOR = re.compile(
    r"^(?:(?:and|but|ok|okay|so)\s+)?(?:(?:what|how)\s+about\s+|same\s+|and\s+)?(?:for|with)\s+"
    r"(?:an?\s+|the\s+)?(?P<t>.+)$|^(?:and|what\s+about|how\s+about)\s+(?:an?\s+|the\s+)?(?P<u>.+)$"
)
LIST = re.compile(rf"\b(?:{LIST_NOUNS})\b")
RANK_FOLLOW_UP = re.compile(
    r"^(?:and|but|ok|okay|so|then|now|what\s+about|how\s+about|only|just|same|show\s+me"
    r"|that|ones?\s+that|with|without|w/o|no)\b"
    r"|^(?:in|for)\s+\S|^which\s+(?:ones|of\s+(?:them|those|these))\b"
)
NATIONAL = re.compile(
    r"\b(?:nationally|nationwide|in\s+(?:the\s+)?(?:us|usa|u\.s\.|america|united\s+states"
    r"|country))\b"
)
IN_PLACE = re.compile(r"\b(?:in|near|around)\s+(?P<place>[a-z .,'-]{2,40})")


# --- a list's pages, typed -------------------------------------------------------------------
# "next", "more", "page 2", "back": another page of the ranking shown (as its « » buttons).
PAGE = re.compile(
    r"^(?:ok\s+|and\s+)?(?:show\s+(?:me\s+)?)?(?:(?P<next>(?:the\s+)?next(?:\s+(?:page|one|ones|10|ten))?"
    r"|more(?:\s+(?:please|pls|jobs|of\s+them))?|keep\s+going|continue)"
    r"|page\s+(?P<number>\d{1,2})|(?P<back>(?:go\s+)?back|previous(?:\s+page)?|prev))$"
)
