"""Sentences about one job, rewritten as the question they ask.

"is being a probation officer dangerous" and "what's a good salary for a respiratory therapist
in ohio" are answered by the job's profile; "can a paralegal become a lawyer" is a switch; "i
wanna be a dental hygienist how long is school" asks how to become one; "burnt out, what else
can I do" asks for jobs like the one the person has. `bot.conversation.phrasing` finds the
question inside a message; this module says what such a question asks.
"""

from __future__ import annotations

import re

# Questions about one job that the figures answer with its profile: "is being a probation
# officer dangerous", "how stressful is being a 911 dispatcher", "what's a good salary for a
# respiratory therapist in ohio", "i want to be a game warden when i grow up".
_JOB_ABOUT = (
    re.compile(
        r"^(?P<t>.+?)\s+(?:when\s+i\s+grow\s+up|someday|some\s+day|one\s+day|eventually|"
        r"on\s+commission|with\s+(?:overtime|tips|commission)|after\s+taxes|starting\s+out|"
        r"to\s+start|at\s+first|in\s+their\s+first\s+years?|right\s+out\s+of\s+school)$"
    ),
    re.compile(
        r"^(?:is|are)\s+(?:being\s+|becoming\s+|working\s+as\s+)?(?:an?\s+)?(?P<t>.+?)\s+"
        r"(?:really\s+|very\s+|that\s+|so\s+|too\s+|still\s+)?(?:dangerous|stressful|hard|difficult|"
        r"boring|fun|easy|safe|tiring|demanding|physical|lonely|hard\s+to\s+find|"
        r"in\s+short\s+supply|as\s+(?:hard|bad|tough|stressful)\s+as\s+.+)$"
    ),
    re.compile(
        r"^how\s+(?:stressful|hard|dangerous|difficult|boring|physical|demanding|fun)\s+is\s+"
        r"(?:it\s+)?(?:being|to\s+be|working\s+as)\s+(?:an?\s+)?(?P<t>.+)$"
    ),
    re.compile(  # "what's a phlebotomist": what the job is
        r"^what(?:'s|s|\s+is|\s+are)\s+(?:an?\s+)(?!(?:good|great|bad|best|nice|fun|easy|decent"
        r"|high|well|hard|cool|safe|stable|normal|typical|usual|average)\b)(?P<t>.+?)"
        r"(?<!\sdo)(?<!\sdoes)(?<!\smake)(?<!\searn)(?<!\sneed)(?<!\sget)$"  # not "… do?"
    ),
    re.compile(  # "are there a lot of jobs for paralegals"
        r"^(?:are\s+there\s+(?:a\s+lot\s+of|lots\s+of|many|enough|any)\s+jobs\s+for|"
        r"how\s+many\s+jobs\s+(?:are\s+there\s+)?for)\s+(?:an?\s+)?(?P<t>.+)$"
    ),
    re.compile(  # "how many hours a week do truck drivers work"
        r"^how\s+many\s+hours\s+(?:a|per|each)\s+(?:week|day|month)\s+(?:do|does)\s+(?:an?\s+)?"
        r"(?P<t>.+?)\s+work(?:\s+on\s+average)?$"
    ),
    re.compile(  # "how many electricians are there in ohio"
        r"^how\s+many\s+(?P<t>.+?)\s+(?:are\s+there|work|are\s+employed)(?=\s+in\s|$)"
    ),
    re.compile(  # "can you make 100k as an electrician"
        r"^(?:can|could|do|does)\s+(?:you|i|u|one|people)\s+(?:actually\s+|really\s+|still\s+)?"
        r"(?:make|earn)\s+(?:\$?\d+k?|six\s+figures|good\s+money|a\s+(?:good\s+|decent\s+|"
        r"comfortable\s+)?living|a\s+lot)\s+(?:as|being)\s+(?:an?\s+)?(?P<t>.+)$"
    ),
    re.compile(  # "nanny jobs good money?", "is welding good pay", "do barbers make good money"
        r"^(?!(?:(?:is|are|do|does)\s+)?(?:it|that|this|they|them|those|these|there)\b)"
        r"(?:(?:is|are|do|does)\s+)?(?:being\s+|working\s+as\s+)?(?:an?\s+)?(?P<t>.+?)\s+(?:jobs?\s+|work\s+)?"
        r"(?:(?:make|makes|pay|pays|earn|earns)\s+)?(?:(?:good|decent|real|ok|okay|big|enough|bad"
        r"|insane|crazy|great|bank|serious|nice)\s+(?:money|pay)|well"
        r"|(?:(?<=make\s)|(?<=makes\s)|(?<=earn\s)|(?<=earns\s))bank|(?:any|even)\s+good)"
        r"(?:\s+(?:right|though|tho|or\s+not))?$"
    ),
    re.compile(  # "whats a brickie earn these days", "what do roofers bring home"
        r"^what(?:'s|s|\s+does|\s+do)\s+(?:an?\s+)?(?P<t>.+?)\s+(?:earn|bring\s+home|take\s+home|pull\s+in)"
        r"(?:\s+(?:these\s+days|nowadays|now|a\s+year|an\s+hour|per\s+year|per\s+hour))?$"
    ),
    re.compile(  # "do truck drivers get paid weekly"
        r"^(?:do|does)\s+(?:an?\s+)?(?P<t>.+?)\s+get\s+paid\s+(?:weekly|hourly|monthly|well|a\s+lot"
        r"|overtime|by\s+the\s+hour|salary)$"
    ),
    re.compile(
        r"^what(?:'s|s|\s+is)\s+(?:a\s+)?(?:good|typical|average|normal|decent|fair|starting)\s+"
        r"(?:salary|pay|wage|income)\s+for\s+(?:an?\s+)?(?P<t>.+)$"
    ),
)
# "(I'm a line cook and) burnt out, what else can I do": jobs like the one they have.
_WHAT_ELSE = re.compile(
    r"^(?:(?:and\s+)?(?:i'?m\s+|im\s+)?(?:so\s+)?(?:burnt|burned|fed\s+up|tired|bored|sick\s+of\s+it)"
    r"(?:\s+out)?[,.]?\s+)?what\s+else\s+(?:can|could|should)\s+(?:i|he|she|they|we)\s+do"
    r"(?:\s+(?:instead|now|then))?$"
    # "(I'm a teacher) looking for a career change", "(I work in retail and) hate it".
    r"|^(?:and\s+)?(?:i'?m\s+|i\s+am\s+)?(?:looking\s+for|want|need|thinking\s+about|considering)"
    r"\s+(?:a\s+)?(?:career\s+change|new\s+career|change\s+of\s+careers?|different\s+(?:career|job))"
    r"|^what\s+(?:other\s+|civilian\s+)?(?:jobs|careers|work)\s+(?:can|could|should|would)\s+i\s+(?:get|do|find"
    r"|apply\s+for|go\s+for)(?:\s+(?:now|with\s+(?:that|this|it)))?$"
    r"|^what\s+(?:else\s+)?(?:can|could|should)\s+i\s+(?:switch|move|change|transition|pivot)\s+"
    r"(?:to|into)$"
    r"|^what\s+else\s+(?:can|could|should)\s+i\s+do\s+with\s+(?:my|these|this)\s+(?:skills|degree"
    r"|experience|background)(?:\s+that\s+pays\s+(?:more|better))?$"
    # "what civilian jobs match that", "(im a parts guy at napa,) where can that go"
    r"|^what\s+(?:civilian\s+|other\s+)?(?:jobs|careers|work)\s+(?:match|fit|suit|use|need)\s+"
    r"(?:that|it|this|those\s+skills|my\s+skills|(?:his|her|their)\s+skills)$"
    r"|^where\s+(?:can|could|does|will|would)\s+(?:that|it|this)\s+(?:go|lead|take\s+me)$"
    r"|^(?:and\s+)?(?:i\s+)?(?:really\s+)?(?:hate|can'?t\s+stand|don'?t\s+like|am\s+sick\s+of)"
    r"\s+(?:it|my\s+job|this\s+job|the\s+job)(?:\s+(?:lol|tbh|honestly))?$"
)


# Questions about two jobs, asked as one sentence about them.
_CAN_BECOME = re.compile(
    r"^(?:can|could)\s+(?!(?:i|you|we|they|he|she|someone|one|anyone|people|somebody)\s)(?:an?\s+)?"
    r"(?P<a>.+?)\s+(?:(?:go\s+on|move\s+on|later|eventually|ever|then|also)\s+(?:to\s+)?)?"
    r"(?:become|be|move\s+up\s+to|switch\s+to|transition\s+to|move\s+into|go\s+into)\s+"
    r"(?:an?\s+)?(?P<b>.+?)(?:\s+without\s+.+)?$"
)
_SOMEONE_WANTS = re.compile(  # "my girlfriend wants to be a nurse what should she study"
    r"^my\s+\w+(?:\s+\w+)?\s+(?:wants|would\s+like|plans|hopes)\s+to\s+(?:be|become)\s+(?:an?\s+)?"
    r"(?P<t>.+?)(?:[,.]?\s+(?:what|how)\s+(?:should|does|do|can|could)\s+(?:she|he|they)\s+.+"
    r"|[,.]?\s+(?P<worth>(?:is|would)\s+(?:that|it|this)\s+(?:be\s+)?(?:realistic|a\s+good\s+idea"
    r"|smart|a\s+good\s+(?:job|career|choice)"
    r"|worth\s+(?:it|(?:all\s+)?the\s+[a-z]+(?:\s+[a-z]+)?))))?$"  # "worth the student loans"
)
_BACK_TO_SCHOOL = re.compile(  # "thinking about going back to school for radiology"
    r"^(?:(?:i'?m\s+|im\s+)?thinking\s+(?:about|of)\s+)?(?:i'?m\s+|im\s+)?(?:going|goin)\s+(?:back\s+)?"
    r"to\s+school\s+"
    r"(?:for|to\s+(?:be|become))\s+(?:an?\s+)?(?P<t>.+)$"
)
_WISH_HOW_LONG = re.compile(
    r"^(?:i\s+)?(?:want\s+to|wanna|would\s+like\s+to|'d\s+like\s+to)\s+(?:be|become)\s+"
    r"(?:an?\s+)?(?P<t>.+?)\s+how\s+long\s+(?:is\s+(?:the\s+)?(?:school|training|program)|"
    r"does\s+it\s+take|will\s+it\s+take)$"
)


# "switching from teacher to something else": the jobs like it.
_AWAY_FROM = re.compile(
    r"^(?:i\s+(?:want|need|would\s+like)\s+to\s+|thinking\s+(?:about|of)\s+|help\s+(?:me\s+)?)?"
    r"(?:switch(?:ing)?|mov(?:e|ing)|chang(?:e|ing)|transition(?:ing)?|pivot(?:ing)?)\s+(?:careers?\s+)?"
    r"(?:from|out\s+of)\s+(?:an?\s+|being\s+an?\s+)?(?P<t>.+?)(?:\s+(?:to|into)\s+(?:something|"
    r"anything)(?:\s+else)?)?$"
)


# "what jobs could i move into from teaching", "careers for former cops": jobs like that one.
_MOVE_ON_FROM = re.compile(
    r"^what\s+(?:other\s+|else\s+)?(?:jobs|careers|fields|work)?\s*(?:could|can|should|might)\s+"
    r"(?:i|you|someone|one|he|she|they|we)\s+(?:move|switch|transition|go|pivot|change|get)\s+"
    r"(?:in)?to\s+"
    r"(?:after|from|coming\s+from)\s+(?:being\s+|working\s+as\s+)?(?:an?\s+)?(?P<t>.+)$"
    r"|^(?:good\s+|best\s+)?(?:jobs|careers)\s+for\s+(?:former|ex[- ]?|retired)\s*(?P<u>.+)$"
    # "what jobs could a janitor move into"
    r"|^what\s+(?:other\s+|else\s+)?(?:jobs|careers|work)?\s*(?:could|can|should|might)\s+"
    r"(?!(?:i|you|he|she|they|we)\s)(?:an?\s+)?(?P<v>.+?)\s+(?:move|switch|transition|go|pivot)"
    r"\s+(?:in)?to(?:\s+next|\s+later|\s+after\s+that)?$"
)


# "how long does it take to go from lpn to rn", "is it hard to go from cna to rn": a switch.
_GO_FROM = re.compile(
    r"^(?:how\s+(?:long|hard|easy|difficult)\s+(?:does|would|will|is)\s+it\s+(?:take\s+|be\s+)?"
    r"|is\s+it\s+(?:hard|easy|difficult|possible)\s+|can\s+(?:i|you)\s+|what\s+does\s+it\s+take\s+)"
    r"to\s+(?:go|get|move|switch|transition|step\s+up)\s+from\s+(?:being\s+)?(?:an?\s+)?(?P<a>.+?)"
    r"\s+to\s+(?:being\s+)?(?:an?\s+)?(?P<b>.+)$"
)


_PAYS_BETTER = re.compile(
    r"^what\s+(?:else|other\s+(?:jobs?|work|careers?))\s+(?:pays?|would\s+pay|could\s+pay|makes?)\s+"
    r"(?:better|more)(?:\s+(?:money|than\s+(?:this|that|it)))?$"
    r"|^what\s+(?:else\s+)?(?:can|could|should)\s+(?:i|he|she|they|we)\s+do\s+(?:that|which)\s+"
    r"(?:pays?|makes?)\s+(?:better|more)(?:\s+money)?$"
)
_THINKING_WORTH = re.compile(
    r"^(?:(?:and|but|so)\s+)?(?:(?:i'?m\s+)?(?:thinking\s+(?:of|about)|considering)\s+"
    r"(?:becoming|being|going\s+into|getting\s+into)\s+(?:an?\s+)?(?P<t>.+?)[,.;]?"
    r"|(?:an?\s+)?(?P<u>[a-z][a-z '&/-]+?)[,.;])"
    r"\s+(?:is\s+it\s+|would\s+it\s+be\s+)?worth\s+it$"
)
_DO_WITHOUT = re.compile(
    r"^what\s+(?:else\s+|kind\s+of\s+(?:jobs?|work)\s+)?(?:can|could|should)\s+i\s+(?:do|get)\s+"
    r"(?P<rest>(?:without|with\s+no)\s+(?:a\s+|any\s+)?(?:college\s+)?(?:degree|college|diploma|experience)"
    r"(?:\s+that\s+pays?\s+(?:well|good|ok))?)$"
)
_ELSE_FOR = re.compile(
    r"^what\s+else\s+(?:can|could)\s+(?!(?:i|you|we|he|she|they)\s)(?:an?\s+)?(?P<t>.+?)\s+do$"
)


# A title, then the question about it: "investment advisor whats the pay like", "athletic
# trainer job info pls", "wage and hour investigator what is that".
_TITLE_THEN_ASKED = re.compile(
    r"^(?P<t>[a-z][a-z '&/-]+?)[,:;]?\s+"
    r"(?:(?P<pay>what(?:'s|s|\s+is|\s+does)\s+(?:the\s+)?(?:pay|salary)"
    r"(?:\s+like)?|how\s+much\s+(?:money\s+)?(?:can|do|does|would|will)\s+(?:you|u|i|one|they|it)"
    r"\s+(?:make|earn|pay)|(?:pay|salary)\s+(?:info|information))"
    r"|(?P<info>(?:job\s+)?info(?:rmation)?|what(?:'s|s|\s+is)\s+(?:that|this|it)|tell\s+me\s+more)"
    r"|(?P<does>what\s+do\s+(?:they|you)\s+(?:do|actually\s+do)(?:\s+all\s+day|\s+day\s+to\s+day)?"
    r"|job\s+description|duties))(?:\s+(?:please|pls|plz))?$"
)


def as_asked(question: str) -> str:
    """The question a sentence about one job (or two) asks, in the words the rest of the bot
    reads; else the question as it came."""
    said = question.strip(" ?!.")
    lowered = said.casefold().replace("’", "'")
    if _WHAT_ELSE.match(lowered):
        return "similar jobs"
    then = _TITLE_THEN_ASKED.match(lowered)
    if then and not re.match(r"(?:what|how|is|are|do|does|which|who)\b", then["t"]):
        if then["does"]:
            return f"what does {then['t']} do"
        return f"how much do {then['t']} make" if then["pay"] else then["t"]
    worth = _THINKING_WORTH.match(lowered)
    if worth:  # "(i'm a nurse) thinking of becoming a nurse practitioner, worth it?"
        return f"is being a {worth['t'] or worth['u']} worth it"
    without = _DO_WITHOUT.match(lowered)
    if without:  # "(i'm 34 and tired of retail,) what can i do without a degree"
        return f"jobs {without['rest']}"
    if _PAYS_BETTER.match(lowered):  # "(i drive for doordash,) what else pays better"
        return "jobs like it that pay more"
    going = _GO_FROM.match(lowered)
    if going:
        return f"switch from {going['a']} to {going['b']}"
    other = _ELSE_FOR.match(lowered)  # "what else can accountants do"
    if other:
        return f"jobs similar to {other['t']}"
    moving = _MOVE_ON_FROM.match(lowered)
    if moving:
        return f"jobs similar to {moving['t'] or moving['u'] or moving['v']}"
    away = _AWAY_FROM.match(lowered)
    if away and not re.search(r"\s(?:to|into)\s", away["t"]):
        return f"jobs similar to {away['t']}"
    becoming = _CAN_BECOME.match(lowered)
    if becoming:  # "can a paralegal become a lawyer": how one goes from one to the other
        return f"switch from {becoming['a']} to {becoming['b']}"
    back = _BACK_TO_SCHOOL.match(lowered)
    if back and not re.search(r"\s(?:or|vs)\s|,", back["t"]):  # two jobs: their comparison
        return f"how to become {back['t']}"
    someone = _SOMEONE_WANTS.match(lowered)
    if someone and someone["worth"]:  # "… is that realistic": the job's prospects
        return f"is being a {someone['t']} worth it"
    if someone:  # what it takes, for them
        return f"how to become {someone['t']}"
    wish = _WISH_HOW_LONG.match(lowered)
    if wish:
        return f"how long does it take to become {wish['t']}"
    for pattern in _JOB_ABOUT:
        found = pattern.match(lowered)
        if found:
            # What follows the pattern is kept: "how many electricians are there | in ohio".
            return said[found.start("t") : found.end("t")] + said[found.end() :]
    return question
