"""Questions in people's words: the question inside a message, and what was said around it.

"Hi! I'm a cashier and want to earn more. Should I become an accountant or a bookkeeper?" is
a greeting, a person's own job, a wish, and a question; only the question is parsed for
titles, and the job is remembered so "how do I switch?" can start there. "nurse salary texas"
and "electrician pay austin tx" name a place without "in". "thanks", "ok", "lol" are small
talk: a short reply, never a "did you mean".

About 790 lines: it is one list of how people frame a question (greetings, their own job,
wishes, places without "in"), and its patterns are checked against each other (a greeting
must not eat a title). What a sentence about one job asks is `bot.conversation.one_job`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from bot.conversation import one_job

# A full stop, a line break, or emoji between words ("… at a coffee shop 😭 thinking about …")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+|\s*[\U0001F300-\U0001FAFF\u2600-\u27BF]+\s*(?=\w)")
# Abbreviations a full stop does not end a sentence after: "Sr. Machinist", "St. Louis".
_ABBREVIATIONS = re.compile(
    r"(?:^|\s)(?:sr|jr|dr|mr|mrs|ms|st|ft|mt|lt|sgt|no|vs|v|asst|assoc|mgr|dept|inc|co|corp|"
    r"jan|feb|aug|sept|oct|nov|dec|approx|e\.g|i\.e|u\.s)\.$",
    re.IGNORECASE,
)
# How people spell in chats, and what the parser expects.
_SPELLINGS = (
    (r"\bwhats\b", "what's"),
    (r"\bwats?\b", "what"),
    (r"\babt\b", "about"),
    (r"\bbc\b|\bb/c\b|\bcuz\b", "because"),
    (r"\bw/o\b", "without"),
    (r"(?<=[a-z])\s+w/?\s+(?=(?:an?|the|my|our)\s)", " with "),  # "gis tech w the county"
    (r"\bwhts?\b", "what"),
    (r"\bhows\b", "how's"),
    (r"\bim\b", "i'm"),
    (r"\bive\b", "i've"),
    (r"\bdont\b", "don't"),
    (r"\bdoesnt\b", "doesn't"),
    (r"\bcant\b", "can't"),
    (r"\bu\b", "you"),
    (r"\bur\b", "your"),
    (r"\bwhch\b", "which"),
    (r"\bhw\b", "how"),
    (r"\b(?:becme|becom|bcome|becum)\b", "become"),
    (r"\bmcuh\b", "much"),
    (r"\b(?:mkae|amke|maek)\b", "make"),  # letters swapped on a phone
    (r"\b(?:mkaes|amkes|maeks)\b", "makes"),
    (r"\b(?:salery|sallary|salry)\b", "salary"),
    (r"\bplz\b|\bpls\b", "please"),
    (r"\bwanna\b", "want to"),
    (r"\bgonna\b", "going to"),
)
_GREETING = re.compile(
    r"^(?:(?:hi+|hel+o+|he+y+|hiya|howdy|yo+|hola|greetings|good\s+(?:morning|afternoon|evening)|"
    r"dear\s+careerbot)\b(?:\s+(?:there|all|guys|bot|careerbot|again|y'?all|folks|everyone"
    r"|everybody|people|friend|man|bro))?[\s!,.:;-]*)+",
    re.IGNORECASE,
)
_THANKS_LEAD = re.compile(
    r"^(?:thanks|thank\s+you|thx|ty)(?:\s+(?:so\s+much|a\s+lot))?[\s!,.:;-]+", re.I
)
# Someone close whose job the person names: "my uncle is a boilermaker" (also read by the
# advisor: "my brother's a janitor, says he makes 15 an hour").
RELATIVE = (
    r"(?:my\s+|^)(?:cousin|friend|brother|sister|son|daughter|wife|husband|partner|mom|dad|mother|"
    r"father|kid|boyfriend|girlfriend|uncle|aunt|grandma|grandpa|grandmother|grandfather|niece|"
    r"nephew|roommate|neighbou?r|fianc[eé]e?|stepdad|stepmom|bf|gf|best\s+friend)"
)
# Where a job named in a sentence ends: at a joining word, at the question that follows ("I'm a
# line cook how do I become a chef", "… could I become a baker"), at when ("a cna right now").
_JOB_END = (
    r"(?=\s+(?:and|but|who|looking|wanting|want|wants|trying|thinking|for|with|at|in)\b|"
    r"\s+(?:over|out|down|up|back)\s+(?:in|at|for|with)\b|\s+(?:lol|lmao|haha+|tbh|ngl)\b|"
    r"\s+(?:how|what|which|why|where|when)\b|"
    r"\s+(?:is|are|do|does|did|can|could|should|would|will)\s+(?:that|it|this|they|he|she"
    r"|i|you|we|there)\b|"
    r"\s+(?:right\s+now|now|rn|currently|atm|at\s+the\s+moment|these\s+days|lately)\b|"
    r"\s+(?:for\s+)?(?:\d+|a\s+few|several|many)\s+(?:years?|yrs?|months?)\b|"  # "… 8 yrs"
    r"\s*[,.!?;]|\s*$)"
)
_OWN_JOB = re.compile(
    r"\b(?:i'?m|i\s+am|i\s+work\s+as|i'?m\s+working\s+as|i\s+currently\s+work\s+as|"
    r"i'?m\s+currently|i\s+am\s+currently|currently|i'?ve\s+been|i\s+have\s+been|i\s+been|"
    r"i\s+was|i\s+used\s+to\s+be|(?:\d+|\w+)\s+years?\s+as|"
    + RELATIVE
    + r"(?:\s+(?:is|was|used\s+to\s+be|has\s+been|had\s+been)|'s(?:\s+been)?))"
    r"\s+(?:a|an|working\s+as\s+an?)\s+(?!(?:bit|little|lot|fan|big|huge|total|guy|girl|woman|man"
    r"|dude|gal|lady|person|human|student)\b)"
    r"(?P<job>[a-z][a-z /&'-]{1,40}?)" + _JOB_END + r"|"
    r"\b(?:i\s+)?(?:currently\s+)?work\s+in\s+(?P<field>[a-z][a-z /&'-]{1,30}?)"
    r"(?=\s+(?:and|but|who|looking|wanting|want|trying|thinking|for|with|at|in)\b|\s*[,.!?;]|\s*$)|"
    # "I do roofing", "I do hair", "I do security at a hospital": the work one does.
    r"\bi\s+(?:currently\s+)?do\s+(?!(?:not|n't|like|want|know|think|love|hate|enjoy|need|have|"
    r"without|with|now|next|after|instead|then|if|for|to|in|about|"
    r"this|that|it|what|a\s+lot|some|so|too|well|better|more|less|the\s+same)\b)"
    r"(?P<work>[a-z][a-z /&'-]{1,30}?)"
    r"(?=\s+(?:and|but|who|looking|wanting|want|trying|thinking|for|with|at|in)\b|\s*[,.!?;]|\s*$)|"
    # "I drive for uber", "I drive a forklift": that vehicle's (or company's) driver.
    r"\b(?:i|(?P<whose>" + RELATIVE + r"))\s+(?:currently\s+)?drives?\s+(?:for\s+|an?\s+|the\s+)?"
    r"(?P<drive>[a-z][a-z&'-]{1,20}"
    r"(?:\s+(?:truck|bus|cab|van))?)(?=\s+(?:and|but|now|rn|right\s+now|for\s+a\s+living|what|how)\b|"
    r"\s*[,.!?;]|\s*$)|"
    # "I work at a daycare (rn)": the place's worker, when the titles name one.
    r"\bi\s+(?:currently\s+)?work\s+at\s+(?:an?\s+|the\s+)?(?P<workplace>[a-z][a-z &'-]{1,30}?)"
    r"(?=\s+(?:and|but|rn|right\s+now|now|currently|looking|wanting|want|trying|thinking)\b|"
    r"\s*[,.!?;]|\s*$)|"
    # "line cook here, how do I move up to chef?": the job one has, where one writes from.
    r"^(?!(?:new|anyone|everyone|someone|anybody|people|guys|all|still|just)\s+here\b)"
    r"(?:an?\s+)?(?P<here>[a-z][a-z /&'-]{1,30}?)\s+here(?=\s*[,.!;])",
    re.IGNORECASE,
)
# The question after a comma, once the job is taken out of a longer sentence.
_ASKED_AFTER_COMMA = re.compile(
    r",\s*(?P<question>(?:what|how|which|can|could|should|is|are|do|does|where|who|why|will|would)"
    r"\b[^,]*)$",
    re.IGNORECASE,
)
# "(i did 4 years as an artillery crewman) in the marines what civilian jobs …": the service
# the job was done in, then the question, with no comma between.
_ASKED_AFTER_SERVICE = re.compile(
    r"\b(?:in|with)\s+the\s+(?:army|marines?|navy|air\s+force|military|coast\s+guard"
    r"|national\s+guard|reserves?|service)\s+(?P<question>(?:what|how|which|can|could|should"
    r"|where)\b.*)$",
    re.IGNORECASE,
)
_WANTED = re.compile(r"\b(?:want|wants|wanna|become|be|switch|move|get\s+into|go\s+into)\b", re.I)
# What is left before the question once the job is taken out: where it is done ("at a
# dentist office, how do I …"), dropped; where the person is ("in vegas, what do dealers make
# here?"), the question's place.
_LEAD_WORKPLACE = re.compile(r"^(?:at|for|with)\s+[^,]{2,40},\s*", re.IGNORECASE)
# How the person feels about the job, before the question: "(I'm a line cook and) honestly
# burnt out, could I become a baker?"
_LEAD_MOOD = re.compile(
    r"^(?:(?:i'?m|i\s+am|feeling|i\s+feel|getting)\s+)?(?:(?:honestly|really|kinda|kind\s+of|"
    r"so|pretty|totally|super|very|just|a\s+bit|a\s+little|tbh)\s+)*(?:burnt?\s+out|burned\s+out|"
    r"bored|tired(?:\s+of\s+it)?|sick\s+of\s+it|stressed(?:\s+out)?|unhappy|fed\s+up|"
    r"done\s+with\s+it|exhausted|over\s+it|miserable|stuck|underpaid|not\s+happy)"
    r"(?:\s+tbh)?\s*[,.;]\s*",
    re.IGNORECASE,
)
_LEAD_PLACE = re.compile(r"^in\s+(?P<place>[a-z .'-]{2,30}),\s*(?P<rest>.+)$", re.IGNORECASE)
_HERE = re.compile(r"\b(?:around\s+here|here)\b", re.IGNORECASE)
# Words after the question that are no part of it.
_CHAT_TAIL = re.compile(
    r"(?:[\s,]+(?:btw|lol|lmao|tbh|ngl|fr|haha+|pls|please|plz|tho|though|anyways?|just\s+curious"
    r"|(?:do\s+)?you\s+think|for\s+a\s+while|for\s+now|for\s+a\s+bit|or\s+(?:nah|not|no)"
    r"|or\s+(?:is|would|does)\s+(?:that|it|this)\s+(?:be\s+)?a\s+step\s+(?:down|up|back)"
    # "is actuary a good career for someone who hates people": who asks, not what is asked
    r"|(?<=career |choice |option |career,|choice,)for\s+(?:someone|somebody|a\s+person|people"
    r"|me)\b.*))+"
    r"\s*[?!.]*$",
    re.IGNORECASE,
)
# "… make there?": the place the conversation is about (not "out there", "over there").
# "… make here?": where the person is, which the conversation holds once they have said it.
_THERE = re.compile(
    r"(?<!\bout)(?<!\bover)\s+(?:in\s+)?there\s*[?!.]*$|\s+(?:around\s+|near\s+|over\s+|out\s+)?"
    r"here\s*[?!.]*$",
    re.IGNORECASE,
)
_PAY_QUESTION = re.compile(r"\b(?:make|earn|paid|pay|salary|salaries|wages?)\b", re.IGNORECASE)
# Where the person's job is done, when that is all that follows it: "(I'm a nurse) at a hospital".
_WORKPLACE = re.compile(
    r"^(?:at|for|with)\s+(?:an?\s+|the\s+|my\s+)?[a-z0-9][a-z0-9 &'.-]{0,40}?"
    r"\s*(?:lol|lmao)?[.!]*$",
    re.IGNORECASE,
)
# "… and wants to become a wind turbine tech": with a job named, a switch.
_WANTS_TO_BECOME = re.compile(
    r"^(?:and\s+)?(?:i\s+|he\s+|she\s+|they\s+)?(?:want|wants|wanna|would\s+like|'d\s+like|"
    r"hope|hopes|plan|plans)\s+to\s+(?:become|be|switch\s+to\s+being|move\s+into\s+being|"
    r"(?:get|go|move|switch|transition)\s+(?:into|to)(?:\s+being)?|"
    r"get\s+(?:certified|licensed|trained|qualified)\s+as)\s+"
    r"(?:an?\s+)?(?P<job>[a-z][a-z /&'-]{1,40}?)"
    r"(?:[,;]?\s+(?:how|what|which|is|are|can|could|should|do|does|would|will)\b.*)?\s*[?!.]*$",
    re.IGNORECASE,
)
# "(im a sysadmin) thinking about becoming a cloud engineer": the job wanted, nothing asked after.
_THINKING_OF = re.compile(
    r"^(?:and\s+|but\s+|so\s+)?(?:i'?m\s+|im\s+|i\s+am\s+)?(?:thinking\s+(?:about|of)|considering)"
    r"\s+(?:becoming|switching\s+to|going\s+into|moving\s+into)\s+(?:an?\s+)?"
    r"(?P<job>[a-z][a-z /&'-]{1,40}?)\s*[?!.]*$",
    re.IGNORECASE,
)
# The job named before, set against another: "(my friend is an optician,) what's the
# difference from an optometrist", "how does that compare to a dentist".
_COMPARED_WITH = re.compile(
    r"^(?:and\s+|but\s+|so\s+)?(?:what(?:'s|\s+is)\s+the\s+difference\s+(?:from|with|to|vs|"
    r"between\s+(?:that|it|them|him|her)\s+and)|how\s+(?:does|is)\s+(?:that|it)\s+"
    r"(?:compare|different)\s+(?:to|with|from)|is\s+(?:that|it)\s+(?:better|worse)\s+than|"
    r"how\s+is\s+(?:that|it)\s+different\s+from)\s+(?:being\s+)?(?:an?\s+|the\s+)?"
    r"(?P<job>[a-z][a-z /&'-]{1,40}?)\s*[?!.]*$",
    re.IGNORECASE,
)
# "my dad wants me to be a lawyer but i want to be a graphic designer": the two, compared.
_PUSHED = re.compile(
    r"^(?:my\s+[a-z ]{2,20}?|everyone|people|they)\s+(?:wants?|want|expects?|pushes|push)\s+me\s+"
    r"(?:to\s+(?:be|become|go\s+into|study)|into)\s+(?:an?\s+)?(?P<theirs>[a-z][a-z /&'-]{1,40}?)"
    r"[\s,]+but\s+(?:i\s+)?(?:(?:really\s+)?(?:want|wanna|would\s+rather|'d\s+rather|rather)|"
    r"i'd\s+rather)\s+(?:to\s+)?(?:be|become|do|go\s+into|study)\s+(?:an?\s+)?"
    r"(?P<mine>[a-z][a-z /&'-]{1,40}?)\s*[?!.]*$",
    re.IGNORECASE,
)
# Sentences that only say what the person wants, not what they ask.
_WISH = re.compile(
    r"^(?:and\s+)?(?:i\s+)?(?:(?:really\s+)?(?:want|wanna|would\s+like|need|hope|am\s+looking|'m\s+"
    r"looking|looking)\s+(?:to\s+)?(?:earn|make|get|find|something|a\s+change|more|better|out))",
    re.IGNORECASE,
)
# Asking after the bot is a greeting: "how are you", "hows it going", "how r u doing".
_HOW_ARE_YOU = re.compile(
    r"(?:(?:and|so|ok)\s+)?(?:how(?:'s|\s+is)\s+(?:it\s+going|your\s+day|life|everything)|"
    r"how\s+(?:are|r)\s+(?:you|u|ya)(?:\s+doing)?(?:\s+today)?|how\s+(?:you|ya)\s+doing|"
    r"what'?s\s+(?:up|good|new)|wassup|sup)(?:\s+(?:bot|careerbot|buddy|man|today))?"
)
# What the person likes, not a job: "i like cars", "i really love animals".
_LIKES = re.compile(
    r"(?:i\s+)?(?:really\s+|kinda\s+|just\s+)?(?:like|love|enjoy|am\s+into|'m\s+into|"
    r"am\s+good\s+at|'m\s+good\s+at)\s+(?!(?:it|that|this|them|those|you|u|my)\b)"
    r"(?P<what>[a-z][a-z '&-]{1,60})"
)
# Words that make up small talk whatever their order: "ok thx", "lol nice", "haha ok".
SMALL_WORDS = {
    "thanks",
    "thank",
    "you",
    "thx",
    "thnx",
    "tnx",
    "ty",
    "ok",
    "okay",
    "k",
    "kk",
    "cool",
    "nice",
    "great",
    "awesome",
    "perfect",
    "got",
    "it",
    "gotcha",
    "lol",
    "lmao",
    "haha",
    "hah",
    "hehe",
    "wow",
    "alright",
    "sure",
    "yes",
    "yep",
    "yeah",
    "no",
    "nope",
    "good",
    "cheers",
    "bye",
    "goodbye",
    "hey",
    "hi",
    "hello",
    "there",
    "so",
    "much",
    "a",
    "lot",
    "that",
    "helps",
    "helpful",
    "interesting",
    "makes",
    "sense",
    "sounds",
    "nvm",
    "appreciate",
    "amazing",
    "oh",
    "ah",
    "i",
    "see",
    "bot",
    "careerbot",
    "guys",
    "yall",
    "y'all",
    "everyone",
    "folks",
    "dude",
    "bro",
    "all",
    "again",
    # chat spellings and what a thanks says: "ok thank u!!", "thx this helps a lot"
    "u",
    "ya",
    "tysm",
    "this",
    "very",
    "really",
    "useful",
    "helped",
    # who is thanked: "thanks man", "cheers mate", "ty bro"
    "man",
    "mate",
    "buddy",
    "pal",
    "fam",
}
SMALL_TALK = {
    "i like it",
    "i love it",
    "love it",
    "like it",
    "i like that",
    "i love that",
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
    "see ya",
    "cya",
    "later",
    "good night",
    "goodnight",
    "night",
    "gn",
    "brb",
    "gtg",
    "ttyl",
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
# "ty this is useful", "that was super helpful thanks".
_PRAISE = re.compile(
    r"^(?:(?:ty|thanks|thank\s+you|thx|ok|wow|oh)\s+)*(?:this|that|it|you)(?:'s|'re|\s+is|\s+was|\s+are)\s+"
    r"(?:so\s+|very\s+|really\s+|super\s+|pretty\s+)?(?:useful|helpful|great|awesome|cool|amazing"
    r"|perfect|good|nice|interesting)(?:\s+(?:thanks|ty|thx|lol))*$"
)
_ACK = re.compile(r"^(?:(?:lol|ok|okay|alright|haha|so)\s+)*(?:[a-z]+\s+){0,3}it\s+is$")
_PLACE_TAIL_WORDS = 3


_META = (
    (
        "help",
        re.compile(
            r"^(?:what\s+can\s+you\s+do|what\s+(?:can|does)\s+this\s+(?:bot|thing)\s+do|"
            r"what\s+do\s+you\s+do|are\s+you\s+(?:a\s+)?(?:real(?:\s+person)?"
            r"|human|a\s+human|person|bot|robot|ai|an\s+ai|chatgpt|a\s+real\s+person)|"
            r"how\s+do(?:es)?\s+(?:this|it|you)\s+"
            r"work|help(?:\s+me)?|what\s+are\s+you|who\s+are\s+you|what\s+is\s+this(?:\s+bot)?|"
            r"how\s+do\s+i\s+use\s+(?:this|you|it)|what\s+can\s+i\s+ask(?:\s+you)?)"
            r"(?:\s+(?:exactly|even|for\s+me|again|here))?$"
        ),
    ),
    (
        "about",
        re.compile(
            r"^(?:(?:and\s+|so\s+)?(?:"
            r"where\s+(?:do|does)\s+(?:these|the|this|your)\s+(?:numbers|figures|data|info"
            r"(?:rmation)?|stats)\s+come\s+from|what(?:'s|\s+is|\s+are)\s+(?:your|the)\s+"
            r"(?:sources?|data)|sources?|where(?:'s|\s+is)\s+(?:the|this|your)\s+data\s+from|"
            r"where\s+(?:do|did|does)\s+(?:you|they|u|this\s+bot|the\s+bot|this\s+thing|it)\s+get\s+"
            r"(?:your|the|these|this|their|its|ur)\s+(?:numbers"
            r"|figures|data|info(?:rmation)?|stats)(?:\s+from)?|"
            r"(?:is|are)\s+(?:this|it|the\s+data|the\s+numbers|these\s+numbers|your\s+numbers|your\s+data)"
            r"\s+(?:data\s+)?(?:accurate|reliable|official|up\s+to\s+date|up-to-date|current|recent"
            r"|legit|real)|how\s+(?:old|current|recent|accurate|up\s+to\s+date)\s+(?:is|are)\s+"
            r"(?:this|it|the|these|your)(?:\s+(?:data|numbers|figures|info))?|"
            r"who\s+(?:made|built|created|wrote|owns|runs)\s+(?:you|this(?:\s+(?:bot|thing|app))?)|"
            r"who\s+(?:makes|made|comes\s+up\s+with|came\s+up\s+with)\s+(?:these|the|your|this)\s+"
            r"(?:numbers|figures|data|stats)(?:\s+up)?)"
            r"(?:\s+and\s+|[\s,]*$))+$"
        ),
    ),
)
_SET_PLACE = re.compile(
    r"^(?:(?:please\s+)?set\s+(?:my\s+)?(?:location|place|state|area|city)\s+(?:to|as)|"
    r"my\s+(?:location|state|city|area)\s+is|i\s+live\s+in|i'm\s+(?:based|located)\s+in|"
    r"use|show\s+me\s+pay\s+(?:in|for))\s+(?P<place>.+)$"
)
_I_AM_IN = re.compile(
    r"^(?:(?:i'?m|i\s+am|we'?re|we\s+are)\s+(?:currently\s+|now\s+)?(?:in|near|around)\s+"
    # "moving to boise next month": where the person will be
    r"|(?:(?:i'?m|i\s+am|we'?re|we\s+are)\s+)?(?P<moving>moving|relocating)\s+(?:(?:out|over|down|up|back)\s+)?"
    r"to\s+)"
    r"(?!(?:college|school|university|uni|class|high\s+school|grad\s+school|the\s+(?:army|navy|"
    r"military|middle)|trouble|debt|love|charge|between|town|a\s+\w+)\b)"
    r"(?P<place>[a-z .,'-]{2,40}?)(?:\s+(?:next|this)\s+(?:month|year|week|summer|fall|spring"
    r"|winter)|\s+soon)?$"
)
# Around the titles of a question: "thinking about X or Y, which is better?", "tell me about
# being a X", "can't decide between X and Y". The titles stay; the frame goes.
_FRAME_LEAD = re.compile(
    r"^(?:(?:so|and|ok|well|actually|also|hmm|but)\s+)*(?:"
    r"(?:i'm\s+|i\s+am\s+)?(?:thinking\s+about|thinking\s+of|considering|looking\s+at|"
    r"thinking|debating)\s+|"
    r"(?:can|could)\s+you\s+(?:please\s+)?(?:tell\s+me\s+about|explain)\s+|"
    r"(?:tell|show)\s+me\s+(?:about|more\s+about)\s+|"
    r"(?:what\s+about|how\s+about)\s+being\s+|what\s+is\s+it\s+like\s+(?:being|to\s+be)\s+"
    r")(?:being\s+|becoming\s+)?"
    # "(thinking about) going back to school for X or Y, which pays more": the jobs
    r"(?:(?:going|goin)\s+(?:back\s+)?to\s+school\s+for\s+(?=.+\s(?:or|vs)\s))?(?:an?\s+)?",
    re.IGNORECASE,
)
# A question that points back at jobs named before it: "what do those pay", "are they hiring".
_AT_THE_JOBS = re.compile(r"\b(?:those|these|them|they|both|either\s+(?:one|of\s+them))\b", re.I)
# "torn between X and Y", "can't decide between X and Y": a comparison, "and" included.
_BETWEEN = re.compile(
    r"^(?:(?:so|and|ok|well|but)\s+)*(?:i'm\s+|i\s+am\s+|i\s+)?(?:torn|deciding|choosing|"
    r"trying\s+to\s+(?:decide|choose)|can't\s+decide|cannot\s+decide|unsure|not\s+sure)"
    r"\s+(?:between|whether\s+to\s+be(?:come)?)\s+",
    re.IGNORECASE,
)
# Words before a question that are no part of it: "ok then, how much do…", "actually …".
# What the person heard or fears, after the question: "is pharmacist worth it, i hear the
# market is saturated", "is it worth it with all the layoffs and ai stuff".
_ASIDE_TAIL = re.compile(
    r"(?:[,;]\s*|\s+)(?:(?:cause|because|since)\s+)?(?:i|we)\s+(?:heard|hear|read|think|guess|feel"
    r"|was\s+told|keep\s+hearing)\b.*$"
    r"|\s+with\s+all\s+(?:the|this|these)\s+.*$",
    re.IGNORECASE,
)
# Words that stress, not ask: "do actors really make that much", "is vet tech pay really low".
_STRESS = re.compile(r"\b(?:really|actually|honestly|seriously|truly)\s+", re.IGNORECASE)
_FILLER_LEAD = re.compile(
    r"^(?:(?:ok(?:ay)?|alright|all\s+right|actually|well|so|hmm+|um+|also|oh|ah|anyway|wait|btw"
    r"|but|seriously|honestly|tbh|real\s+talk"
    r"|nvm|never\s*mind|by\s+the\s+way|quick\s+(?:question|q)|comparing\s+(?:options|jobs|careers)|random\s+(?:question|q)|one\s+more\s+thing|also"
    r"|(?:go(?:ing)?\s+|getting\s+|coming\s+)?back\s+to|whoa|wow|oh\s+wow|damn|dang|interesting"
    r"|nice|cool|great|got\s+it|i\s+see)"
    r"(?:\s+then)?[\s,;:!.-]+)+",
    re.IGNORECASE,
)
# "what's better money, X or Y": the frame of a comparison.
_BETTER_FRAME = re.compile(
    r"^(?:what(?:'s|\s+is)|which(?:'s|\s+is)?|who)\s+(?:the\s+)?(?:better|more)\s+"
    r"(?:money|pay|paid|job|career|option|choice)[\s,:;-]+",
    re.IGNORECASE,
)
# Questions that only ask for an opinion on what was said before them ("thoughts?").
_OPINION = re.compile(
    r"^(?:any\s+)?(?:thoughts|advice|ideas|suggestions|opinions?|help|what\s+do\s+you\s+think|"
    r"which\s+(?:one|should\s+i\s+(?:pick|choose))|what\s+should\s+i\s+do)\s*[?!.]*$",
    re.IGNORECASE,
)
# How the person feels about work, before the question: "(i'm) tired of retail, what can i do".
_TIRED_OF = re.compile(
    r"^(?:i'?m\s+|i\s+am\s+)?(?:so\s+|really\s+|just\s+)?(?:tired|sick|fed\s+up|done|bored)\s+"
    r"(?:of|with)\s+[a-z][a-z /&'-]{1,30}?[,.;]\s*(?=\S)",
    re.IGNORECASE,
)
# "i'm in college and …", "i'm 45 and …": context about the person before the question.
_ABOUT_ME = re.compile(
    r"^(?:i'm|i\s+am)\s+(?:in\s+\w+(?:\s+\w+)?|\d+(?:\s+years?\s+old)?|new\s+here|"
    r"a\s+(?:college\s+|high\s+school\s+|grad\s+)?student|retired|unemployed|out\s+of\s+work|"
    r"an?\s+(?:guy|girl|woman|man|dude|gal|lady)|"
    r"an?\s+(?:stay[- ]at[- ]home|single|new|working)\s+(?:mom|dad|parent|mother|father|mum)|"
    r"an?\s+(?:mom|dad|parent|mother|father|mum)(?:\s+of\s+\w+)?)[\s,]+(?:and|but|so)\s+",
    re.IGNORECASE,
)
_FRAME_TAIL = re.compile(
    r"(?:[,;]?\s+(?:which|what)\s+(?:one\s+)?(?:is|would\s+be|'s)\s+(?:better|best)|"
    r"[,;]?\s+which\s+should\s+i\s+(?:pick|choose|do)|[,;]?\s+(?:any\s+)?thoughts|"
    r"[,;]?\s+what\s+do\s+you\s+think|[,;]?\s+help"
    r"|[,;]\s*what(?:'s|\s+is|\s+are)\s+(?:the|their)\s+(?:pay|salary|salaries|wages?)(?:\s+like)?)"
    r"\s*[?!.]*$"
)
# "cna or home health aide whats the diff": after a set of titles, the comparison is the answer.
_DIFFERENCE_TAIL = re.compile(
    r"[,;]?\s+(?:(?:what(?:'?s|\s+is)\s+the\s+)?diff(?:erence)?(?:\s+between\s+(?:them|the\s+two))?"
    r"|(?:pay|salary|wage)\s+diff(?:erence)?)"
    r"(?:\s+(?:in\s+)?(?:pay|salary|salaries|wages?|money)(?:[\s-]?wise)?)?"
    r"(?P<where>\s+in\s+[a-z][a-z .,'-]{1,40})?\s*[?!.]*$",
    re.IGNORECASE,
)
_SET_JOINER = re.compile(r"\s(?:or|vs\.?|versus|and)\s|,", re.IGNORECASE)
# Pay words around a title: "nurse salary texas", "salary of welder in houston",
# "electrician how much money", "lifeguard pay florida".
_PAY_WORDS = re.compile(
    r"^(?:average|median|typical|starting|entry[- ]level)\s+(?=\w+\s+(?:salary|pay|wages?)\b)|"
    r"\b(?:(?:average|median|typical|starting|annual|yearly|hourly)\s+)?"
    r"(?:salary|salaries|salery|sallary|salarey|salaray|pay(?:\s+rate)?|wages?|wadges|income"
    r"|earnings)(?:\s+(?:of|for|in))?\b|"
    r"\bhow\s+much(?:\s+money)?(?:\s+(?:do|does|can|could|would))?\b|"
    r"\b(?:make|makes|making|earn|earns|earning)(?:\s+(?:a\s+year|an\s+hour|per\s+(?:year|hour)))?"
    r"(?=\s|$)"
)


@dataclass(frozen=True)
class Said:
    question: str  # the part of the message to answer ("" when there is none)
    own_job: str | None = None  # "cashier", from "I'm a cashier"
    greeting: bool = False  # it began with a greeting
    small_talk: bool = False  # nothing to answer: thanks, ok, cool, lol
    meta: str | None = None  # "help" or "about": a question about the bot itself
    set_place: str | None = None  # "set my location to texas", "I live in Ohio"
    wants: str | None = None  # "become": the person wants to become the job asked about
    # The job is someone else's ("my uncle is a boilermaker"): it is what the question is about.
    someone_else: bool = False
    likes: str | None = None  # "i like cars": what the person likes, not a job asked about
    here: str | None = None  # "i'm in boston": where the person is, if it is a place
    moving: bool = False  # "moving to boise": `here` is where they are going
    there: bool = False  # "how much do teachers make there": in the conversation's place


def is_activity(likes: str) -> bool:
    """Whether what someone likes is something they do or several things ("working with my
    hands", "computers and games"), not a field's one name ("nursing", "graphic design"),
    though O*NET may list the phrase as a title."""
    words = likes.split()
    return " and " in f" {likes} " or (len(words) > 1 and words[0].endswith("ing"))


_POINTS_BACK = re.compile(
    r"^(?:and\s+|but\s+|so\s+)?(?:(?:is|was|does|do|are|can|will|would|did)\s+(?:that|it|this|"
    r"they|he|she)\b|(?:he\s+|she\s+|they\s+)?(?:wants|hopes|plans|would\s+like|'d\s+like|"
    r"is\s+(?:planning|hoping|trying)|loves|likes|hates)\s+(?:to\s+)?)",
    re.IGNORECASE,
)


def points_back(question: str) -> bool:
    """Whether a question is about a job named before it: "is that union work", "does it pay",
    "(my gf is a hairstylist and) wants to open her own salon"."""
    return bool(_POINTS_BACK.match(question.strip()))


def plain(text: str) -> str:
    """Lower case, no punctuation or emoji, single spaces: for matching short replies."""
    text = text.casefold().replace("’", "'")
    text = re.sub(r"[^\w\s'&/-]+", " ", text)
    return " ".join(text.split())


def is_small_talk(text: str) -> bool:
    words = plain(text)
    if not words:  # only emoji or punctuation: 👍 and 🙏 are small talk, "?!" is not
        emoji = re.search(r"[\U0001F300-\U0001FAFF\u2600-\u27BF]", text)
        return bool(emoji) and "?" not in text
    if words in SMALL_TALK or _ACK.match(words) or _PRAISE.match(words):
        return True
    tokens = words.split()
    return len(tokens) <= 6 and all(t in SMALL_WORDS for t in tokens) and "?" not in text


_SPELLED = [
    (re.compile(pattern, re.IGNORECASE), replacement) for pattern, replacement in _SPELLINGS
]


def sentences(text: str) -> list[str]:
    """The sentences of `text`; a full stop after an abbreviation ends none."""
    found: list[str] = []
    start = 0
    for end in _SENTENCE_END.finditer(text):
        if end.group().strip() == "" and _ABBREVIATIONS.search(text[start : end.start()]):
            continue
        found.append(text[start : end.start()])
        start = end.end()
    found.append(text[start:])
    return found


def spelled(text: str) -> str:
    """Chat spellings the parser does not know, written out ("whats" -> "what's")."""
    text = text.replace("’", "'")
    for pattern, replacement in _SPELLED:
        text = pattern.sub(replacement, text)
    return text


def read(text: str) -> Said:
    """Split a message into its question and what was said around it."""
    text = " ".join(text.split()) if "\n" not in text else text.strip()
    if is_small_talk(text):
        return Said("", greeting=bool(_GREETING.match(text)), small_talk=True)
    text = spelled(text)
    greeting = bool(_GREETING.match(text))
    own_job: str | None = None
    wants: str | None = None
    someone_else = False
    asked: list[str] = []
    for sentence in sentences(text):
        sentence = _THANKS_LEAD.sub("", _GREETING.sub("", sentence.strip())).strip()
        if not sentence:
            continue
        sentence = _ABOUT_ME.sub("", sentence)
        sentence = _TIRED_OF.sub("", sentence)  # "tired of retail, what can i do …"
        pushed = _PUSHED.match(sentence)
        if pushed:
            sentence = f"{pushed['theirs']} vs {pushed['mine']}"
        found = None if pushed else _OWN_JOB.search(sentence)
        if found:
            place_worked = f"{found['workplace']} worker" if found["workplace"] else None
            if found["drive"]:
                place_worked = f"{found['drive']} driver"
            job = found["job"] or found["field"] or found["work"] or found["here"] or place_worked
            if own_job is None and found.group(0).casefold().startswith("my "):
                someone_else = True
            # "an army infantry vet": the service is the job
            job = re.sub(r"(?<=\w)\s+(?:vet|veteran)$", "", (job or "").strip())
            own_job = own_job or job or None
            sentence = (sentence[: found.start()] + sentence[found.end() :]).strip(" ,.;")
            sentence = re.sub(
                r"^(?:(?:and|but|so|rn|right\s+now|now|currently|lol|lmao|haha+)\b[\s,]*"
                r"|(?:for\s+)?(?:\d+|a\s+few|several|many)\s+(?:years?|yrs?|months?)\b[\s,]*)+",
                "",
                sentence,
                flags=re.I,
            )
            sentence = _WORKPLACE.sub("", sentence)  # "… at a hospital": where, not what
            sentence = _around_the_job(sentence)
            asked_after = _ASKED_AFTER_COMMA.search(sentence) or _ASKED_AFTER_SERVICE.search(
                sentence
            )
            if asked_after and not _WANTED.search(sentence[: asked_after.start()]):
                # "… out of the army after (8 years as an infantryman), what jobs …"; not "i
                # want to become a loan officer, how do i do that"
                sentence = asked_after["question"]
        other = _COMPARED_WITH.match(sentence)
        if other and own_job:  # "my friend is an optician, what's the difference from …"
            sentence = f"{own_job} vs {other['job']}"
        becoming = _WANTS_TO_BECOME.search(sentence) or _THINKING_OF.search(sentence)
        if becoming and own_job:
            wants = becoming["job"].strip()
            sentence = ""
        if sentence and _WISH.match(sentence) and "," in sentence:
            sentence = sentence.split(",", 1)[1].strip()  # "want to earn more, X or Y?"
        if not sentence or _WISH.match(sentence) or is_small_talk(sentence):
            continue
        asked.append(sentence)
    if len(asked) > 1:
        asked = [s for s in asked if not _OPINION.match(s)] or asked
    questions = [s for s in asked if "?" in s] or asked
    question = questions[-1] if questions else ""
    if not question and not own_job and not greeting:
        question = text
    if _AT_THE_JOBS.search(question) and "?" in question:
        # "Thinking about becoming an event planner or a hotel manager. What do those pay in
        # South Carolina?": the jobs said just before are what the question is about.
        before = wants or (asked[-2] if len(asked) > 1 and "?" not in asked[-2] else None)
        if before:
            question, wants = f"{before.rstrip(' .!;,')}, {question}", None
    question = _CHAT_TAIL.sub("", question) or question  # "im in montana btw", "… for a while"
    if _HOW_ARE_YOU.fullmatch(plain(question)):
        return Said("", own_job, greeting=True, small_talk=True)
    likes = _LIKES.fullmatch(plain(question))
    if likes and not own_job:
        return Said(question, greeting=greeting, likes=likes["what"])
    lowered = " ".join(question.casefold().strip(" ?!.").split())
    meta = next((name for name, pattern in _META if pattern.match(lowered)), None)
    if meta is not None:
        return Said("", own_job, greeting, meta=meta)
    place = _SET_PLACE.match(lowered)
    if place is not None:
        return Said("", own_job, greeting, set_place=place["place"])
    where = _I_AM_IN.match(lowered)
    if where is not None:  # a place only if the places know it ("i'm in college" is not)
        return Said(question, own_job, greeting, here=where["place"], moving=bool(where["moving"]))
    question = _FILLER_LEAD.sub("", question.strip()).strip()
    asides = _ASIDE_TAIL.sub("", question).strip(" ,;")
    if re.search(r"[a-z]{3}", asides, re.IGNORECASE):
        question = asides
    question = _STRESS.sub("", question)
    framed = _FRAME_TAIL.sub("", question).strip()
    difference = _DIFFERENCE_TAIL.search(framed)
    if difference and _SET_JOINER.search(framed[: difference.start()]):
        framed = framed[: difference.start()].strip() + (difference["where"] or "")
    if re.search(r"[a-z]{3}", re.sub(r"\b(?:so|and|ok|then|well)\b", "", framed.casefold())):
        question = framed  # "so which is better?" is the question itself, not a frame
    between = _BETWEEN.match(question)
    if between:
        question = "compare " + question[between.end() :]
    elif _BETTER_FRAME.match(question):
        question = "compare " + question[_BETTER_FRAME.match(question).end() :]  # type: ignore[union-attr]
    else:
        question = _FRAME_LEAD.sub("", question).strip()
    there = _THERE.search(question)
    if there:
        question = question[: there.start()]
    return Said(
        one_job.as_asked(question),
        own_job,
        greeting,
        wants=wants,
        someone_else=someone_else,
        there=bool(there),
    )


def _around_the_job(sentence: str) -> str:
    """The question after "I'm a bartender", without where the job is done, and with where
    the person is when the question asks about "here" or pay."""
    sentence = _LEAD_MOOD.sub("", _LEAD_WORKPLACE.sub("", sentence))
    placed = _LEAD_PLACE.match(sentence)
    if placed is None:
        return sentence
    rest, place = placed["rest"], placed["place"].strip()
    if _HERE.search(rest):
        return _HERE.sub(f"in {place}", rest, count=1)
    if _PAY_QUESTION.search(rest):
        return f"{rest.rstrip(' ?!.')} in {place}"
    return rest


def without_pay_words(question: str) -> str:
    """The question with its pay words taken out ("nurse salary texas" -> "nurse texas")."""
    return " ".join(_PAY_WORDS.sub(" ", question).split())


def place_in_words(
    question: str,
    find_place: Callable[[str], object | None],
    resolves: Callable[[str], bool],
    exact: Callable[[str], bool] | None = None,
) -> str:
    """ "nurse salary texas" -> "nurse salary in texas", "texas plumber" -> "plumber in texas",
    so the parser sees the place.

    Only when the first or last words name a place, the rest is a title (`resolves`), and the
    whole is not a title itself (`exact`: "registered nurse" stays, so does "mobile crane
    operator").
    """
    if re.search(r"\b(?:in|near|around)\s+\S+", question.casefold()):
        return question
    words = question.rstrip(" ?!.").split()
    if len(words) < 2:
        return question
    # The places at either end first: they are cheap to look up, and without one there is
    # nothing to move, so the title index (the costly part) is not asked at all.
    readings: list[tuple[str, str]] = []  # (the title, the place)
    for size in range(min(_PLACE_TAIL_WORDS, len(words) - 1), 0, -1):
        tail, rest = " ".join(words[-size:]), " ".join(words[:-size])
        if rest.split()[-1].casefold() in _CONNECTIVES:
            continue  # "np vs pa": pa is the other title, not Pennsylvania
        if find_place(tail) is not None:
            readings.append((rest, tail))
        head, rest = " ".join(words[:size]), " ".join(words[size:])
        if find_place(head) is not None:
            readings.append((rest, head))
    if not readings or (exact or resolves)(question):
        return question
    for rest, place in readings:
        if resolves(rest):
            return f"{rest} in {place}"
    return question


_CONNECTIVES = {"vs", "v", "versus", "or", "and", "to", "from", "than", "with", "against"}
