"""Descriptions of the work: "someone who fixes cars", "a job where I work with animals".

Occupations are ranked by BM25 over what their workers do: O*NET's occupation description and
task statements. Everyday words are first put into O*NET's vocabulary with a small curated list
(bot/data/everyday.tsv: "fix" -> repair, "teeth" -> dental...), and words are cut to a crude stem
on both sides ("fixes", "fixing" -> fix). One occupation answers only when it clearly wins;
otherwise the top few are offered.

The index is built on first use, off the bot's start-up path: the title index must be ready in
under a second, and most questions are titles. Postings are compact arrays (occupation number,
term count), about 3 MB for ~19,000 task statements.
"""

from __future__ import annotations

import math
import re
import threading
from array import array
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from pathlib import Path

from bot.normalize import fold

DATA_DIR = Path(__file__).resolve().parent / "data"
K1 = 1.2
B = 0.75
TITLE_WEIGHT = 3  # the occupation's own title, per word
NAMES_WEIGHT = 1  # each distinct word of its other names ("car mechanic", "x-ray tech")
DESCRIPTION_WEIGHT = 2  # the occupation's own summary counts twice, as a task would
PRIOR_WEIGHT = 0.5  # among similar fits, the occupation with more jobs is the likelier meaning
# The worker noun said ("the doctor who …") among the occupation's names, and the verb said
# ("someone who installs …") as its own title's worker ("Installers"): the likelier meaning.
NAMED_BOOST = 0.3
VERB_BOOST = 0.15
CLEAR_RATIO = 1.35  # the first occupation's score over the second's to answer alone
MIN_SCORE = 4.0  # BM25 below this is no evidence at all

_FRAME = re.compile(
    r"^(?:(?:i\s+want\s+to\s+be|i'?m|i\s+am|who\s+is|what\s+is)\s+)?"
    r"(?:an?\s+|the\s+)?(?:someone|somebody|person|people|ppl|persons|guy|guys|gal|woman|women|lady|"
    r"ladies|dude|dudes|fella|fellas|"
    r"man|men|one|ones|those|folks?|worker|workers|professional|professionals|expert|"
    r"specialist)\s+(?:who|that|which)\s+(?P<rest>.+)$"
    r"|^(?:what(?:'s|s|\s+is)\s+)?(?:an?\s+|the\s+)?(?:job|jobs|career|careers|work|position|occupation"
    r"|profession|role)s?"
    r"\s+(?:where|in\s+which|that|which|when|for\s+(?:someone|people)\s+who)\s+(?P<rest2>.+)$"
    r"|^(?:what\s+(?:do\s+you\s+call|is\s+(?:it\s+)?called|job)|which\s+job"
    r"|(?:do\s+)?you\s+call)\s+.*?"
    r"(?:who|that|where)\s+(?P<rest3>.+)$"
    # "the doctor who reads x rays", "a nurse who works in surgery": a worker noun, then what
    # this one does (the noun is kept: it says which kind of work).
    r"|^(?:an?\s+|the\s+)?(?P<kind>[a-z]{3,}\s+who\s+.+)$"
    # "my mom cleans houses for a living": what someone does for a living
    r"|^(?:my\s+[a-z]+|he|she|they|i)\s+(?P<rest4>(?!is\b|was\b|has\b)[a-z]+s?\s+.+?\s+for\s+a\s+living)$"
)
# Words of the frame or of any sentence, no evidence of an occupation.
_STOP = frozenset(  # a word list reads best as text
    "a an the and or of to in on at for with by from as is are be been being am was were i "  # noqa: SIM905
    "me my you your we our they them their he she his her it its one ones someone people "
    "person who that which where when what job work works working help helps helping do "
    "does doing get gets make makes making lot lots thing things stuff all day days every "
    "some can could would should will want like likes really very much many also other "
    "others around about into out up down over them this these those there here just so "
    "if whether guy guys gal gals big small new sure use uses using figure figures give gives "
    "giving kind type sort s whole".split()  # "s": of "company's"
)
# Everyday phrases in O*NET's words, before the words are read one by one.
# Phrasal verbs and set phrases whose words, read one by one, say something else ("put out").
_PHRASES = tuple(
    (re.compile(pattern), words)
    for pattern, words in (
        (r"\bup\s+to\s+code\b", "compliance regulations ordinances"),
        (r"\bput(?:s|ting)?\s+out\s+(?:the\s+)?fires?\b", "extinguish fires firefighting"),
        (r"\bdraws?\s+(?:your\s+|people'?s\s+)?blood\b", "draw blood venipuncture specimens"),
        (r"\bdeliver(?:s|ing)?\s+babies\b", "deliver infants childbirth obstetric labor"),
        (r"\bclean(?:s|ing)?\s+(?:your\s+|people'?s\s+)?teeth\b", "clean teeth dental hygiene"),
        (r"\bdesign(?:s|ing)?\s+(?:buildings|houses|homes)\b", "design buildings architectural"),
        (r"\bpower\s+lines?\b", "power lines electrical power-line"),
        (r"\bapps?\b", "applications software"),
        (r"\bold\s+(?:people|folks|men|women)\b", "elderly patients"),
    )
)
_WORD = re.compile(r"[a-z]+")
# How people say it is a job, not what the job does: "someone who trains dogs for a living".
_FOR_A_LIVING = re.compile(
    r"\b(?:for\s+(?:a\s+)?(?:living|job|work|money|pay)|as\s+(?:a|their|his|her)\s+(?:job|career)"
    r"|professionally|all\s+day(?:\s+long)?|every\s+day|on\s+the\s+job)\b"
)


def is_description(text: str) -> bool:
    """Whether `text` describes the work instead of naming a title."""
    return _FRAME.match(fold(text).strip()) is not None


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A crude stem, the same on both sides: 'fixes', 'fixing', 'fixed' -> fix; 'houses',
    'house' -> hous; 'teacher', 'teaching' -> teach."""
    if len(word) <= 3:
        return word
    if word.endswith(("ies", "ied")):
        return word[:-3] + "y"
    if word.endswith(("sses", "ches", "shes", "xes", "zes")):
        word = word[:-2]
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    for ending in ("ing", "ed", "er"):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            word = word[: -len(ending)]
            if word[-1] == word[-2] and word[-1] not in "lsz":
                word = word[:-1]  # "running" -> "run", but "filling" -> "fill"
            break
    if word.endswith("e") and len(word) > 4:
        word = word[:-1]
    return word


def read_everyday(path: Path = DATA_DIR / "everyday.tsv") -> dict[str, str]:
    """word -> O*NET's words for it, from the curated file (word, replacement, reason)."""
    out: dict[str, str] = {}
    if not path.is_file():
        return out
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and not line.startswith("#") and parts[0] != "word":
            out[parts[0].strip().casefold()] = parts[1].strip().casefold()
    return out


class DescriptionIndex:
    def __init__(
        self,
        texts: Mapping[str, Sequence[str]],  # code -> description, then task statements
        employment: Mapping[str, int] | None = None,
        everyday: Mapping[str, str] | None = None,
        names: Mapping[str, Sequence[str]] | None = None,  # code -> own title, other titles
    ) -> None:
        self._texts = texts
        self._names = names or {}
        self._employment = dict(employment or {})
        self._everyday = {
            k: v for k, v in (everyday if everyday is not None else read_everyday()).items()
        }
        self._lock = threading.Lock()
        self._term_cache: dict[str, tuple[str, ...]] = {}
        self._built = False
        self.codes: list[str] = []
        self.number: dict[str, int] = {}
        # Terms an occupation has only from its other names: not evidence of what it does.
        self.names_only: dict[str, set[int]] = {}
        self.lengths = array("f")
        self.postings: dict[str, tuple[array[int], array[int]]] = {}
        self.idf: dict[str, float] = {}
        self.average_length = 1.0
        self.prior: list[float] = []
        self.title_terms: list[frozenset[str]] = []  # of the occupation's own title
        self.name_terms: list[frozenset[str]] = []  # of all its names

    def terms(self, text: str) -> list[str]:
        out: list[str] = []
        for word in _WORD.findall(fold(text)):
            out.extend(self._word_terms(word))
        return out

    def _word_terms(self, word: str) -> tuple[str, ...]:
        known = self._term_cache.get(word)
        if known is None:
            if word in _STOP:
                known = ()
            else:
                replacement = self._everyday.get(word) or self._everyday.get(stem(word))
                parts = replacement.split() if replacement else [word]
                known = tuple(dict.fromkeys(stem(p) for p in parts if p not in _STOP))
            self._term_cache[word] = known
        return known

    def build(self) -> None:
        """Tokenise every task once; safe to call from several threads."""
        with self._lock:
            if self._built:
                return
            counts: dict[str, tuple[array[int], array[int]]] = {}
            top = math.log1p(max(self._employment.values(), default=1) or 1)
            for number, (code, texts) in enumerate(sorted(self._texts.items())):
                self.codes.append(code)
                self.number[code] = number
                terms: Counter[str] = Counter()
                for i, text in enumerate(texts):
                    words = self.terms(text)
                    for _ in range(DESCRIPTION_WEIGHT if i == 0 else 1):
                        terms.update(words)
                names = self._names.get(code, ())
                for name in names[:1]:
                    for _ in range(TITLE_WEIGHT):
                        terms.update(self.terms(name))
                other = {t for name in names[1:] for t in self.terms(name)}
                own = frozenset(t for name in names[:1] for t in self.terms(name))
                self.title_terms.append(own)
                self.name_terms.append(own | other)
                for term in other - terms.keys():
                    self.names_only.setdefault(term, set()).add(number)
                for _ in range(NAMES_WEIGHT):
                    terms.update(other)
                self.lengths.append(float(sum(terms.values())))
                for term, count in terms.items():
                    docs, tfs = counts.setdefault(term, (array("H"), array("H")))
                    docs.append(number)
                    tfs.append(min(count, 65535))
                self.prior.append(math.log1p(self._employment.get(code, 0)) / top)
            self.postings = counts
            n = len(self.codes)
            self.idf = {
                t: math.log(1 + (n - len(d) + 0.5) / (len(d) + 0.5)) for t, (d, _) in counts.items()
            }
            self.average_length = (sum(self.lengths) / n) if n else 1.0
            self._built = True

    def search(self, text: str, limit: int = 5) -> list[tuple[str, float]]:
        """Occupations whose work the description fits best: (code, score 0-100)."""
        self.build()
        match = _FRAME.match(fold(text).strip())
        body = next((g for g in match.groups() if g), text) if match else text
        body = _FOR_A_LIVING.sub(" ", fold(body))
        for phrase, words in _PHRASES:
            body = phrase.sub(words, body)
        worker, _, does = body.partition(" who ") if match and match["kind"] else ("", "", body)
        query = list(dict.fromkeys(self.terms(body)))
        if not query:
            return []
        named = set(self.terms(worker))
        verb = next(iter(self.terms(does)), None)
        scores: dict[int, float] = {}
        for term in query:
            found = self.postings.get(term)
            if found is None:
                continue
            idf = self.idf[term]
            docs, tfs = found
            for doc, tf in zip(docs, tfs, strict=True):
                norm = K1 * (1 - B + B * self.lengths[doc] / self.average_length)
                scores[doc] = scores.get(doc, 0.0) + idf * tf * (K1 + 1) / (tf + norm)
        if not scores:
            return []
        # Among similar fits, the occupation with more jobs is the likelier meaning.
        ranked = sorted(
            (
                (
                    score
                    * (1 + PRIOR_WEIGHT * self.prior[doc])
                    * (1 + NAMED_BOOST * bool(named and named <= self.name_terms[doc]))
                    * (1 + VERB_BOOST * self._names_the_work(doc, verb, query)),
                    doc,
                )
                for doc, score in scores.items()
            ),
            reverse=True,
        )
        best = ranked[0][0]
        if best < MIN_SCORE:
            return []
        return [
            (self.codes[doc], round(100.0 * score / best * 0.9, 1)) for score, doc in ranked[:limit]
        ]

    def _names_the_work(self, doc: int, verb: str | None, query: list[str]) -> bool:
        """Whether the occupation's title names the verb's worker ("Installers") and its
        names something else the description says ("Solar"): "installs solar panels"."""
        if verb is None or verb not in self.title_terms[doc]:
            return False
        return any(t != verb and t in self.name_terms[doc] for t in query)

    def rank_among(self, words: Iterable[str], codes: Iterable[str]) -> list[tuple[str, float]]:
        """Which of `codes` does work that `words` name: "Forecast Analyst" is among the
        analysts whose tasks speak of forecasts. (code, BM25) above MIN_SCORE, best first.
        Only what the occupation does counts, not its other names (the title index has those)."""
        self.build()
        wanted = {self.number[c] for c in codes if c in self.number}
        scores: dict[int, float] = {}
        for term in dict.fromkeys(t for w in words for t in self._word_terms(w)):
            found = self.postings.get(term)
            if found is None:
                continue
            idf = self.idf[term]
            only_named = self.names_only.get(term, set())
            for doc, tf in zip(*found, strict=True):
                if doc in wanted and doc not in only_named:
                    norm = K1 * (1 - B + B * self.lengths[doc] / self.average_length)
                    scores[doc] = scores.get(doc, 0.0) + idf * tf * (K1 + 1) / (tf + norm)
        ranked = sorted(((s, d) for d, s in scores.items() if s >= MIN_SCORE), reverse=True)
        return [(self.codes[doc], score) for score, doc in ranked]

    def clear_winner(self, found: list[tuple[str, float]]) -> bool:
        return len(found) == 1 or (len(found) > 1 and found[0][1] >= CLEAR_RATIO * found[1][1])
