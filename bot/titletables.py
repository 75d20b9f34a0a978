"""The title index's tables: every name of every occupation, and the lookups scoring needs.

Built once per process from every title string (O*NET's occupation, alternate, short and
reported titles, BLS's OEWS and Projections titles, curated lines): the title strings with the
occupations that use them and how strongly, posting lists and word weights, head nouns, worker
nouns, fields and their workers, acronyms, and spelling correction over the vocabulary.
Scoring lives in bot/titlescore.py and bot/fuzzymatch.py.

About 460 lines: the tables are built in one pass over the titles, each table from the
ones before it (heads need the worker nouns, which need the postings); apart, each would
have to rebuild or import the others.
"""

from __future__ import annotations

import gc
import math
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from itertools import pairwise

from cachetools import LRUCache
from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA, Hamming

from bot.normalize import fold, singular, title_variant_words, title_variants, tokens
from bot.titletext import head_noun

# How much one source's use of a title says that it names the occupation.
KIND_WEIGHT = {
    "curated": 8.0,
    "occupation": 3.0,
    "bls": 3.0,
    "reported": 1.5,
    "alternate": 1.0,
    "short": 1.0,
    "alias": 1.0,
}
OFFICIAL_KINDS = ("occupation", "bls")
ACRONYM_SKIP = {"and", "of", "the", "for", "in", "to", "a", "an", "or", "with", "on"}
# Field of work -> its worker, for trainee titles: "psychiatry resident" is a psychiatrist.
AGENT_SUFFIXES = (
    ("ologist", "ology"),
    ("iatrist", "iatry"),
    ("ist", "istry"),
    ("ist", "ics"),
    ("ist", "y"),
    ("ician", "ics"),
    ("eon", "ery"),
    ("er", "ing"),
    ("or", "ing"),
    ("ant", "ing"),
    ("e", "ing"),
    ("", "ing"),  # "cooking", "coaching", "tutoring"
    ("ian", "y"),
    ("er", "y"),  # "sonography", "photography", "carpentry" (the work's name, not -ing)
)
AGENTIVE_SHARE = 0.4  # a word heading this share of the titles it is in names a worker
WORK_WORD_SHARE = 1 / 10_000  # a word in this share of all titles is work vocabulary
WORD_STATS_CACHE = 4096  # words whose per-occupation title counts are remembered
TYPO_PRIOR = 3.0  # ratio points per tenfold more titles using a spelling candidate
SINGLE_WORD_SCAN = 400


@dataclass(slots=True)
class TitleEntry:
    """One normalised title string and the occupations that use it."""

    text: str
    words: tuple[str, ...]
    codes: dict[str, float] = field(default_factory=dict)  # code -> evidence weight
    display: dict[str, str] = field(default_factory=dict)  # code -> title as written
    official: frozenset[str] = frozenset()  # codes whose own (full) title this is


_HEADS: dict[tuple[str, ...], frozenset[str]] = {}  # one shared set per distinct answer


def title_heads(title: str, words: tuple[str, ...]) -> frozenset[str]:
    """Head nouns of a title as written (`words`: its normalised words): before any comma, of
    each "and" segment. "Automotive Service Technicians and Mechanics" -> technician,
    mechanic; "Cooks, Restaurant" -> cook; "First-Line Supervisors of Construction Trades" ->
    supervisor."""
    if "," not in title and " and " not in title and "(" not in title and "&" not in title:
        key: tuple[str, ...] = (head_noun(words),)
        return _HEADS.setdefault(key, frozenset(key))
    first = fold(title).split(",")[0]
    first = first.split("(")[0] or first
    heads = set()
    for segment in first.split(" and "):
        segment_words = tokens(segment)
        if segment_words:
            heads.add(head_noun(segment_words))
    key = tuple(sorted(heads))
    return _HEADS.setdefault(key, frozenset(key))


class TitleTables:
    """The index's tables, built once; the lookups every reading of a title needs."""

    def __init__(
        self,
        titles: Iterable[tuple[str, str, str]],
        occupation_titles: Mapping[str, str],
        employment: Mapping[str, int],
        aliases: Mapping[str, str] | None = None,
        words: Mapping[str, str] | None = None,
        removed: Iterable[tuple[str, str]] = (),
    ) -> None:
        self.occupation_titles = dict(occupation_titles)
        self.employment = dict(employment)
        self._log_top = math.log1p(max(self.employment.values(), default=1) or 1)
        self._priors: dict[str, float] = {}
        self._word_code_counts: LRUCache[str, dict[str, int]] = LRUCache(WORD_STATS_CACHE)
        # An expansion is a title as O*NET writes it, parentheses included: match its main part.
        self.aliases = {
            " ".join(tokens(k)): title_variants(v)[0]
            for k, v in (aliases or {}).items()
            if v.strip()
        }
        self.words = {k.casefold(): v.casefold() for k, v in (words or {}).items()}
        # An alias also answers its spelled-out form: "lab tech" and "lab technician".
        for alias, expansion in list(self.aliases.items()):
            spelled = " ".join(self._spell_out(alias.split()))
            self.aliases.setdefault(spelled, expansion)
        removed_set = {(" ".join(tokens(title)), code) for title, code in removed}
        # Half a million small objects, none of them garbage: the cyclic collector would only
        # rescan them over and over (a third of the build), so it waits until the end; then
        # they are frozen out of its reach, or every full collection while answering would
        # walk them all again (tens of milliseconds, now and then, in the middle of a title).
        collecting = gc.isenabled()
        gc.disable()
        try:
            self._build(titles, removed_set)
        finally:
            if collecting:
                gc.enable()
        gc.freeze()

    def _build(
        self, titles: Iterable[tuple[str, str, str]], removed_set: set[tuple[str, str]]
    ) -> None:
        entries: dict[str, TitleEntry] = {}
        # A title's variants and their words (titles repeat across codes).
        seen_variants: dict[tuple[str, bool], list[tuple[str, tuple[str, ...]]]] = {}
        # One string per code and per word, shared by every title that has it: each row
        # brings its own copy of the code otherwise (title_variant_words shares the words).
        code_of = {code: code for code in self.occupation_titles}
        for row_code, title, kind in titles:
            code = code_of.get(row_code)
            if code is None:
                continue
            key = (title, kind == "occupation")
            variants = seen_variants.get(key)
            if variants is None:
                variants = seen_variants[key] = [
                    (" ".join(words), words)
                    for words in title_variant_words(title, short_name=key[1])
                ]
            weight = KIND_WEIGHT.get(kind, 1.0)
            official = kind in OFFICIAL_KINDS
            for number, (variant, words) in enumerate(variants):
                if removed_set and (variant, code) in removed_set:
                    continue
                entry = entries.get(variant)
                if entry is None:
                    entry = entries[variant] = TitleEntry(variant, words, {}, {})
                entry.codes[code] = entry.codes.get(code, 0.0) + weight
                entry.display.setdefault(code, title)
                if official and number == 0:
                    entry.official = entry.official | {code}
        self.entries = entries
        self.entry_list = list(entries.values())
        # Titles write both "Admin Assistant" and "Administrative Assistant": a spelled-out
        # word also matches its abbreviation where titles use it.
        self.abbreviations: dict[str, list[str]] = defaultdict(list)
        for short, long in self.words.items():
            if " " not in long and short != long:
                self.abbreviations[singular(long)].append(short)
        self._build_postings()
        self._build_heads()  # after the postings: it reads which words name a worker

    def _build_heads(self) -> None:
        # Head nouns of the occupations' own titles, split at "and" before any comma:
        # "Automotive Service Technicians and Mechanics" is about technicians and mechanics;
        # "Farmworkers, Farm, Ranch, and Aquacultural Animals" is not about animals. A part
        # that names no worker shares the next part's head: "Security and Fire Alarm Systems
        # Installers" are installers, not about "security" ("security guy" is a guard);
        # "Camera and Photographic Equipment Repairers" are not what "camera" means.
        # A list of fields before one worker noun ("Tank Car, Truck, and Ship Loaders") is
        # about the first part after the commas that names one.
        heads: dict[str, set[str]] = defaultdict(set)
        for code, title in self.occupation_titles.items():
            parts = [self._part_heads(part) for part in fold(title).split(",")]
            found = next((p for p in parts if not self.agentive.isdisjoint(p)), parts[0])
            for head in found:
                heads[head].add(code)
        self.heads = dict(heads)
        # What an occupation's own title rules out ("Teaching Assistants, …, Except Special
        # Education"): words that say which occupation it is not.
        self.excluded = {
            code: _ruled_out(t) for code, t in self.occupation_titles.items() if "xcept" in t
        }
        self.title_words = {
            code: set(tokens(t)) - self.excluded.get(code, set())
            for code, t in self.occupation_titles.items()
        }
        self.occupation_words = frozenset().union(*self.title_words.values())
        jobs = {
            head: sum(self.employment.get(c, 0) for c in codes) for head, codes in heads.items()
        }
        agents: dict[str, tuple[tuple[int, int], str]] = {}
        # Workers the occupations' own titles name first, then those only other titles name
        # ("Pipefitter", "Bricklayer", "Surveyor"): "pipefitting" is a pipefitter's work.
        for agent in (*heads, *sorted(self.agentive.difference(heads))):
            for agent_end, field_end in AGENT_SUFFIXES:
                if not agent.endswith(agent_end) or len(agent) <= len(agent_end) + 2:
                    continue
                field_word = agent[: len(agent) - len(agent_end)] + field_end
                if field_word in heads or field_word == agent:
                    continue
                # "physics" is a physicist's field before a physician's.
                weight = (0 if agent_end == "ician" else 1, jobs.get(agent, -1))
                best = agents.get(field_word)
                if best is None or weight > best[0]:
                    agents[field_word] = (weight, agent)
        self.agents = {f: a for f, (_, a) in agents.items()}

    def _part_heads(self, part: str) -> list[str]:
        """The head nouns of one comma part of an occupation's title, split at "and"; a
        segment naming no worker before another one is its modifier ("Security and Fire
        Alarm Systems Installers"), the last is kept ("Technicians and Mechanics")."""
        found = [head_noun(words) for segment in part.split(" and ") if (words := tokens(segment))]
        last = len(found) - 1
        return [head for i, head in enumerate(found) if i == last or head in self.agentive]

    def _build_postings(self) -> None:
        # Acronyms of multi-word titles ("site reliability engineer" -> "sre"), to read
        # abbreviations nobody listed: the best-attested title with those initials wins.
        acronyms: dict[str, tuple[float, str]] = {}
        code_positions: dict[str, list[int]] = defaultdict(list)
        postings: dict[str, list[int]] = defaultdict(list)
        # Per-title constants, worked out once: its best attestation and prior.
        attested: list[float] = []
        priors: list[float] = []
        # Built at every start for ~50,000 titles: C-level helpers (map, join, isalpha) over
        # Python loops where they give the same values.
        prior = {code: self.prior(code) for code in self.occupation_titles}.__getitem__
        head_counts: dict[str, int] = defaultdict(int)
        bigrams: set[str] = set()  # two words side by side in some title ("fire fighter")
        for position, entry in enumerate(self.entry_list):
            attested.append(max(entry.codes.values()))
            priors.append(max(map(prior, entry.codes)))
            words = entry.words
            spelled = (
                words
                if ACRONYM_SKIP.isdisjoint(words)
                else [w for w in words if w not in ACRONYM_SKIP]
            )
            # The words are non-empty: all of them are alphabetic when joined they are.
            if 2 <= len(spelled) <= 5 and "".join(spelled).isalpha():
                acronym = "".join([w[0] for w in spelled])
                weight = attested[-1] + priors[-1]
                if acronym not in acronyms or acronyms[acronym][0] < weight:
                    acronyms[acronym] = (weight, entry.text)
            for word in dict.fromkeys(words):  # a word twice is one posting
                postings[word].append(position)
            bigrams.update(map(" ".join, pairwise(words)))
            for code in entry.codes:
                code_positions[code].append(position)
            head_counts[words[-1] if "of" not in words else head_noun(words)] += 1
        self.acronyms = {a: text for a, (_, text) in acronyms.items()}
        self.head_counts = dict(head_counts)  # how many titles each word is the head of
        # Nouns that name a worker ("supervisor", "nurse") head most titles they are in; field
        # words ("collections", "welding", "crew") mostly modify another noun.
        self.agentive = frozenset(
            w
            for w, n in head_counts.items()
            if n >= 2 and n >= AGENTIVE_SHARE * len(postings.get(w, ()))
        )
        self.code_positions = dict(code_positions)
        self.bigrams = frozenset(bigrams)
        self._vocabulary: dict[str, frozenset[str]] = {}
        self._official_texts: str | None = None  # bot/titlescore.py
        self._entry_heads: dict[int, frozenset[str]] = {}
        self.postings = dict(postings)
        total = len(self.entry_list)
        # A word in this many titles (5 of O*NET's ~49,000) is work vocabulary ("forklift",
        # "warehouse") even if no title is about it; rarer ones ("chess", "vacation") are no
        # evidence of a job (bot/titlescore.py: _is_work_word).
        self.work_word_titles = max(2, round(total * WORK_WORD_SHARE))
        self.idf = {word: math.log(1 + total / len(ids)) for word, ids in postings.items()}
        words_sorted = sorted(postings)
        by_initial: dict[str, list[str]] = defaultdict(list)
        by_length: dict[int, list[str]] = defaultdict(list)
        for word in words_sorted:
            by_initial[word[0]].append(word)
            by_length[len(word)].append(word)
        self.by_initial = dict(by_initial)
        self.near_length = {
            n: [w for m in (n - 1, n, n + 1) for w in by_length.get(m, ())]
            for n in range(1, max(by_length, default=0) + 2)
        }
        # Per-title constants of the fuzzy score.
        idf = self.idf
        self.entry_weight = [sum(map(idf.__getitem__, e.words)) or 1.0 for e in self.entry_list]
        self.entry_bonus = [
            1.5 * min(most, 3.0) / 3.0 + 1.5 * prior
            for most, prior in zip(attested, priors, strict=True)
        ]
        # What fuzzy matching may assume no title's bonus exceeds (bot/fuzzymatch.py: Ranking).
        self.most_bonus = max(self.entry_bonus, default=0.0)
        for ids in self.postings.values():
            ids.sort(key=self.entry_weight.__getitem__)

    def vocabulary(self, code: str, hidden: frozenset[str] = frozenset()) -> frozenset[str]:
        """Every word of every name of the occupation (worked out when first asked); with
        `hidden`, without those title strings (the leave-one-out evaluation)."""
        if hidden:
            entries = (self.entry_list[p] for p in self.code_positions.get(code, ()))
            return frozenset(w for e in entries if e.text not in hidden for w in e.words)
        known = self._vocabulary.get(code)
        if known is None:
            words = (w for p in self.code_positions.get(code, ()) for w in self.entry_list[p].words)
            known = self._vocabulary[code] = frozenset(words)
        return known

    def entry_heads(self, position: int) -> frozenset[str]:
        """The head nouns of one title string (worked out when first asked)."""
        known = self._entry_heads.get(position)
        if known is None:
            entry = self.entry_list[position]
            title = next(iter(entry.display.values()))
            known = self._entry_heads[position] = title_heads(title, entry.words)
        return known

    def prior(self, code: str) -> float:
        """0..1.5, log-scaled national employment: breaks ties towards common occupations."""
        known = self._priors.get(code)
        if known is not None:
            return known
        base = math.log1p(self.employment.get(code, 0)) / self._log_top
        # O*NET's ".00" code is the occupation itself; ".01"+ are specialties that share its
        # employment figure, so the general occupation wins a tie.
        known = self._priors[code] = base + (0.5 if code.endswith(".00") else 0.0)
        return known

    def names_worker(self, text: str) -> bool:
        """Whether `text` has a worker noun ("engineer", "crew leader"), not only fields and
        qualifiers ("Transportation", "Japanese", "Internal Audit")."""
        return any(w in self.agentive for w in self._spell_out(tokens(text)))

    def generic_head(self, text: str) -> bool:
        """Whether `text` is one worker noun many occupations share ("supervisor", "clerk"):
        in "Supervisor, Paving Crew" it heads the title, it is not a title of its own."""
        words = self._spell_out(tokens(text))
        return (
            len(words) == 1 and words[0] in self.agentive and len(self.heads.get(words[0], ())) >= 3
        )

    def _expand(self, words: Iterable[str]) -> tuple[tuple[str, ...], bool]:
        """Abbreviated words spelled out; True when an acronym had to be guessed."""
        out: list[str] = []
        guessed = False
        for word in words:
            if word in self.words:
                out.extend(self.words[word].split())
            elif 2 <= len(word) <= 4 and word not in self.postings and word in self.acronyms:
                out.extend(self.acronyms[word].split())
                guessed = True
            else:
                out.append(word)
        return tuple(singular(w) for w in out), guessed

    def _spell_out(self, words: Iterable[str]) -> tuple[str, ...]:
        """Abbreviated words spelled out from the curated list only (no acronym guesses)."""
        out: list[str] = []
        for word in words:
            out.extend(self.words[word].split() if word in self.words else (word,))
        return tuple(singular(w) for w in out)

    def _word_codes(self, word: str, hidden: frozenset[str] = frozenset()) -> dict[str, int]:
        """How many titles of each occupation use `word` (the shortest titles, remembered
        unless some strings are hidden)."""
        known = None if hidden else self._word_code_counts.get(word)
        if known is None:
            counts: dict[str, int] = defaultdict(int)
            for position in self.postings.get(word, ())[:SINGLE_WORD_SCAN]:
                entry = self.entry_list[position]
                if entry.text not in hidden:
                    for code in entry.codes:
                        counts[code] += 1
            known = dict(counts)
            if not hidden and word in self.postings:  # never a memo of every typo asked
                self._word_code_counts[word] = known
        return known

    def _correct(self, word: str) -> list[tuple[str, float]]:
        """The word itself if titles use it, else close spellings, prefixes ('med') and
        run-together words ('forkliftoperator')."""
        if word in self.postings:
            return [(word, 1.0)]
        out: list[tuple[str, float]] = []
        pool = self.by_initial.get(word[0], []) if word else []
        # Four letters leave too little to correct: "haha" is not a typo of "HHA".
        if len(word) >= 5:
            # The likeliest intended word is close *and* common: "electrition" is one letter
            # further from "electrician" than from "electrification", but a hundred titles
            # say electrician (a noisy-channel prior: similarity plus the word's log-frequency).
            close = [
                (match, _slip(word, match, score), i)
                for match, score, i in process.extract(
                    word, pool, scorer=fuzz.ratio, limit=8, score_cutoff=80
                )
            ]
            close.sort(
                key=lambda m: -(m[1] + TYPO_PRIOR * math.log10(1 + len(self.postings[m[0]])))
            )
            out += [(match, score / 100.0) for match, score, _ in close[:3]]
            if not out:
                # A typo in the first letter: words of about the same length.
                similar = self.near_length.get(len(word), [])
                for match, score, _ in process.extract(
                    word, similar, scorer=fuzz.ratio, limit=2, score_cutoff=84
                ):
                    out.append((match, score / 100.0 * 0.95))
        if len(word) >= 3:
            # The pool is in alphabetical order: the words starting with `word` are one slice.
            start = bisect_right(pool, word)
            prefixed = pool[start : bisect_left(pool, word + "\uffff", start)]
            prefixed.sort(key=lambda w: -len(self.postings[w]))
            out += [(w, 0.85) for w in prefixed[:3]]
        return out

    def split_joined(self, word: str) -> tuple[str, ...] | None:
        """'forkliftoperator' -> forklift operator, when both halves are common title words."""
        if len(word) < 8 or word in self.postings:
            return None
        best: tuple[int, tuple[str, str]] | None = None
        for cut in range(3, len(word) - 2):
            left, right = word[:cut], singular(word[cut:])
            if left in self.postings and right in self.postings:
                support = min(len(self.postings[left]), len(self.postings[right]))
                if support >= 3 and (best is None or support > best[0]):
                    best = (support, (left, right))
        return best[1] if best else None


def _slip(typed: str, spelling: str, score: float) -> float:
    """Two neighbouring letters swapped ("nuerologist") is one slip of the fingers, as close
    as one letter off; similarity counts it as two changes, and would put "numerologist" (one
    letter added) first."""
    swapped = len(typed) == len(spelling) and Hamming.distance(typed, spelling) == 2
    if swapped and OSA.distance(typed, spelling) == 1:
        return max(score, 100.0 * (1 - 1 / (2 * len(typed))))
    return score


def _ruled_out(title: str) -> set[str]:
    """The words after "Except" in an official title that its words before do not use."""
    before, _, after = fold(title).partition("except")
    return set(tokens(after)) - set(tokens(before))
