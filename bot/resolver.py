"""Title resolution: which occupation does "med collections" or "Operator, Forklift" name?

The index ranks occupations, not strings. A title is first taken apart (bot/titletext.py:
requisition numbers, grades, shifts and rank words out; inverted and "X of Y" forms turned
round), abbreviations are spelled out ("rn" -> "registered nurse"), and its readings are looked
up exactly. Only then is it searched fuzzily among the titles that share a (spell-corrected)
word with it, scored by how much of the query and of the title the shared words cover, weighted
by how rare each word is (bot/titlescore.py, bot/fuzzymatch.py over bot/titletables.py).

"matched" means the bot may answer without asking: every distinctive word of the query is
accounted for by the occupation's names, its head noun agrees, and no other title comes close.
Otherwise the answer is "ambiguous" with candidates, or "unknown". An occupation's own title
(O*NET's or BLS's) beats another occupation's alternate title or curated entry for the same
words. Descriptions of the work ("someone who fixes cars") go to bot/descriptions.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from cachetools import LRUCache

from bot.descriptions import DescriptionIndex, is_description
from bot.normalize import normalize, title_variants
from bot.titlescore import Scored, TitleScorer
from bot.titletext import FUNCTION_WORDS, STOP, TitleText, analyse
from store.queries import CareerStore
from store.worktext import bls_titles, work_texts

DATA_DIR = Path(__file__).resolve().parent / "data"
RESOLVED_CACHE = 8192  # recent distinct titles answered from memory
WORK_SCORE = 70.0  # a suggestion from the tasks: worth asking about, never an answer
SPAN_WORDS = 5  # the longest title looked for inside a message that names none as a whole
SPAN_MESSAGE = 16  # ... in messages up to this many words (longer ones: the parse's business)
_ANCHOR = re.compile(r"\b(?:as|be|become|becoming|being)\s+an?\s+")  # "trained as a croupier"
# What may follow a title in "<title> <talk about it>": a preposition or question word
# ("bookkeeper for small businesses", "archaeologist do they dig"), or words about a job.
_TAIL_STARTS = frozenset(  # word lists read best as text
    "for at from after with do does how what whats which can should".split()  # noqa: SIM905
)
_PEOPLE = frozenset(
    "person people lady guy guys man woman worker workers someone folks".split()  # noqa: SIM905
)
_JOB_TALK = frozenset(
    "job jobs career careers school schooling college degree exam exams test license licensed "  # noqa: SIM905
    "certification certified cert training train program bootcamp pay paid salary salaries wage "
    "wages money earn earnings hours shifts hiring hired hire worth outlook future demand entry "
    "level experience internship apprenticeship cost tuition".split()
)


class Status(StrEnum):
    MATCHED = "matched"  # answer without asking
    AMBIGUOUS = "ambiguous"  # ask "did you mean…", best guess first
    UNKNOWN = "unknown"  # not a title we know


@dataclass(frozen=True)
class Candidate:
    code: str
    title: str  # the occupation's O*NET title
    matched_title: str  # the title string that matched
    score: float  # 0-100


AS_WRITTEN = 99  # a candidate's score from here up: the title as written, or one letter off


@dataclass(frozen=True)
class Resolution:
    text: str  # what was asked, minus pure noise such as requisition numbers
    status: Status
    candidates: tuple[Candidate, ...] = ()
    # The first candidate's title is about the query's head noun ("Paving Supervisor" for
    # "paving crew supervisor"): evidence that a comma-separated text is one title.
    headed: bool = True
    respelled: str = ""  # the title as read once clear typos were put right, if any

    @property
    def best(self) -> Candidate | None:
        return self.candidates[0] if self.candidates else None

    @property
    def shared(self) -> bool:
        """A title as written (or with clear typos put right) that O*NET lists under several
        occupations ("forklift operator"): answered as its first, likeliest meaning, with the
        others offered, not asked about first."""
        return (
            self.status == Status.AMBIGUOUS
            and self.as_written
            and self.best is not None
            and normalize(self.respelled or self.text) in title_variants(self.best.matched_title)
        )

    @property
    def taken(self) -> bool:
        """Answered without a "did you mean" first: matched, or a title O*NET shares."""
        return self.status == Status.MATCHED or self.shared

    @property
    def as_written(self) -> bool:
        """The first candidate is a title as written (not merely close to one), though O*NET
        may list it under several occupations."""
        return self.best is not None and self.best.score >= AS_WRITTEN


def read_tsv(path: Path, columns: int) -> Iterable[list[str]]:
    """Rows of a curated project file; '#' comments and the header line are skipped."""
    if not path.is_file():
        return
    first = True  # the header, when there is one, is the first line after the comments
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        parts = [part.strip() for part in line.split("\t")]
        header, first = first and parts[0] in ("alias", "title", "word"), False
        if not header and len(parts) >= columns:
            yield parts


class TitleIndex(TitleScorer):
    """Every name of every occupation, and how to read a title against them."""

    def __init__(
        self,
        titles: Iterable[tuple[str, str, str]],  # (code, title, kind)
        occupation_titles: Mapping[str, str],
        employment: Mapping[str, int],
        aliases: Mapping[str, str] | None = None,
        words: Mapping[str, str] | None = None,
        removed: Iterable[tuple[str, str]] = (),
        descriptions: DescriptionIndex | None = None,
    ) -> None:
        super().__init__(titles, occupation_titles, employment, aliases, words, removed)
        self.descriptions = descriptions
        self._resolved: LRUCache[tuple[str, int], Resolution] = LRUCache(RESOLVED_CACHE)

    # --- construction from the database and the curated files ----------------------------
    @classmethod
    def from_rows(
        cls,
        titles: Iterable[tuple[str, str, str]],
        employment: Mapping[str, int],
        data_dir: Path = DATA_DIR,
        descriptions: DescriptionIndex | None = None,
    ) -> TitleIndex:
        rows = list(titles)
        occupation_titles = {code: title for code, title, kind in rows if kind == "occupation"}
        curated: list[tuple[str, str, str]] = []
        removed: list[tuple[str, str]] = []
        for title, code, _reason in read_tsv(data_dir / "titles.tsv", 3):
            if title.startswith("-"):
                removed.append((title[1:].strip(), code))
            else:
                curated.append((code, title, "curated"))
        aliases = {
            alias: expansion for alias, expansion, *_ in read_tsv(data_dir / "aliases.tsv", 2)
        }
        words = {word: replacement for word, replacement, *_ in read_tsv(data_dir / "words.tsv", 2)}
        return cls(
            rows + curated, occupation_titles, employment, aliases, words, removed, descriptions
        )

    # --- resolution ----------------------------------------------------------------------
    def resolve(self, text: str, limit: int = 5) -> Resolution:
        """What occupation `text` names. Pure, so repeated titles are answered from memory."""
        key = (text, limit)
        cached = self._resolved.get(key)
        if cached is None:
            cached = self._resolved[key] = self._resolve(text, limit)
        return cached

    def forget_resolved(self) -> None:
        """Drop the remembered resolutions (the load benchmark measures unseen questions)."""
        self._resolved.clear()

    def hiding(self, texts: Iterable[str]) -> HidingIndex:
        """This index with some title strings left out: the leave-one-out evaluation asks
        whether an occupation is found from its other names."""
        hidden = frozenset(v for text in texts for v in title_variants(text))
        return HidingIndex(self, hidden)

    def _resolve(self, text: str, limit: int, hidden: frozenset[str] = frozenset()) -> Resolution:
        if self.descriptions is not None and is_description(text):
            return self._describe(text, limit)
        query = analyse(text)
        scored = self.score(query, hidden)
        return self._resolution(query, self._by_the_work(scored), limit)

    def title_within(self, text: str, limit: int = 5) -> Resolution | None:
        """A title the rest of the message only talks about: "epidemiologist jobs after covid",
        "mortician school cost", "bookkeeper for small businesses", "trained as a croupier on a
        cruise ship". The longest leading span (after "as a", "be a" … when there is one) the
        index is sure of, and only when what follows it is talk about a job or a preposition
        ("nurse shark facts", "pilot episode of …", "tell me a joke" name no job)."""
        words = text.lower().split()
        if not 2 <= len(words) <= SPAN_MESSAGE or is_description(text) or "who" in words:
            return None
        anchors = [
            len(text[: m.end()].split())
            for m in _ANCHOR.finditer(text.lower())
            if not self.names_worker(text[: m.start()])  # "is an examiner the same as a coroner"
        ]
        for start in [*reversed(anchors), 0]:
            rest = words[start:]
            for n in range(min(len(rest) - (start == 0), SPAN_WORDS), 0, -1):
                if rest[n - 1] in STOP or rest[n - 1] in FUNCTION_WORDS or rest[0] in _PEOPLE:
                    continue
                after = rest[n:]
                if start == 0 and not (
                    after[0] in _TAIL_STARTS or any(w.strip("?!.,") in _JOB_TALK for w in after)
                ):
                    continue
                found = self.resolve(" ".join(rest[:n]), limit)  # remembered like any title
                if found.status is Status.MATCHED:
                    return found
        return None

    def _by_the_work(self, scored: Scored) -> Scored:
        """Modifiers no title explains decide among the head noun's occupations by their
        tasks: "Forecast Analyst", "Transonic Engineer" (pattern 2). Only a suggestion."""
        head = scored.head
        best = scored.candidates[0][2] if scored.candidates else 0.0
        if (
            self.descriptions is None
            or scored.confident
            or best >= WORK_SCORE  # a title fits well enough: the tasks do not overrule it
            or not scored.unexplained
            or head not in self.agentive
            or not self.heads.get(head)
        ):
            return scored
        ranked = self.descriptions.rank_among(scored.unexplained, self.heads[head])
        if not ranked:
            return scored
        first = [
            (code, self.occupation_titles[code], WORK_SCORE - 3.0 * i)
            for i, (code, _) in enumerate(ranked[:3])
        ]
        chosen = {code for code, _, _ in first}
        rest = [c for c in scored.candidates if c[0] not in chosen]
        return Scored(first + rest, False, scored.headed, head, ())

    def _describe(self, text: str, limit: int) -> Resolution:
        assert self.descriptions is not None
        found = self.descriptions.search(text, limit)
        if not found:
            return Resolution(text, Status.UNKNOWN)
        candidates = tuple(
            Candidate(code, self.occupation_titles[code], self.occupation_titles[code], score)
            for code, score in found
            if code in self.occupation_titles
        )
        status = Status.MATCHED if self.descriptions.clear_winner(found) else Status.AMBIGUOUS
        return Resolution(text, status if candidates else Status.UNKNOWN, candidates)

    def _resolution(self, query: TitleText, scored: Scored, limit: int) -> Resolution:
        if not scored.candidates:
            return Resolution(query.asked_as, Status.UNKNOWN)
        candidates = tuple(
            Candidate(code, self.occupation_titles[code], shown, round(min(score, 100.0), 1))
            for code, shown, score in scored.candidates[:limit]
        )
        status = Status.MATCHED if scored.confident else Status.AMBIGUOUS
        return Resolution(query.asked_as, status, candidates, scored.headed, scored.respelled)


async def load_index(store: CareerStore) -> TitleIndex:
    """The title index over every name in the database, with the description search."""
    titles = [(t.code, t.title, t.kind) for t in await store.titles()]
    titles += await bls_titles(store)
    employment = await store.employment_by_code()
    names: dict[str, list[str]] = {}
    for code, title, kind in titles:  # the occupation's own title first
        known = names.setdefault(code, [])
        if kind == "occupation":
            known.insert(0, title)
        elif kind != "bls":
            known.append(title)
    descriptions = DescriptionIndex(await work_texts(store), employment, names=names)
    return TitleIndex.from_rows(titles, employment, descriptions=descriptions)


class HidingIndex:
    """A view of a TitleIndex that cannot see some title strings (see TitleIndex.hiding)."""

    def __init__(self, index: TitleIndex, hidden: frozenset[str]) -> None:
        self.index = index
        self.hidden = hidden

    def resolve(self, text: str, limit: int = 5) -> Resolution:
        return self.index._resolve(text, limit, self.hidden)

    def generic_head(self, text: str) -> bool:
        return self.index.generic_head(text)

    def names_worker(self, text: str) -> bool:
        return self.index.names_worker(text)
