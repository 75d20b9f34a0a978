"""The title index's tables and its scoring: which occupations a taken-apart title fits, how well.

Built once per process from every title string (O*NET's occupation, alternate, short and
reported titles, BLS's OEWS and Projections titles, curated lines). Scoring order:

1. Exact readings: the title as written, turned round ("Operator, Forklift" -> forklift
   operator; "Director of Nursing" -> nursing director), without rank words, with trainee words
   read as the occupation trained for, with abbreviations and aliases spelled out. The first
   reading that keeps every required word and is a known title wins.
2. One generic word ("engineer", "techer"): the occupations whose own title is about it.
3. Fuzzy: titles sharing (spell-corrected) words, scored by idf-weighted recall and precision;
   department and parenthesised words count a little when they match and nothing when not.

Confidence ("matched") needs every required word to be among the occupation's names, the
query's head noun in the title that matched, and a clear lead over any other title.
"""

from __future__ import annotations

import gc
import math
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from cachetools import LRUCache
from rapidfuzz import fuzz, process

from bot.normalize import fold, singular, title_variants, tokens
from bot.titletext import (
    FILLER,
    RANKS,
    STOP,
    TRAINEES,
    TitleText,
    head_noun,
    of_inverted,
    strip_ranks,
)

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
# Words of a question or a reference, never of a title: "what about", "the second one".
FUNCTION_WORDS = frozenset(  # a word list reads best as text
    "what about which who whom whose how why when where one ones first second third last "  # noqa: SIM905
    "other another that this these those its they them their there here is are was were be "
    "been can could would should will more less than then also too same both either neither "
    "any all some such yes no not please thanks ok okay".split()
)
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
    ("ant", "ing"),
    ("e", "ing"),
    ("ian", "y"),
)

MATCH_SCORE = 80.0
AMBIGUOUS_SCORE = 62.0
CLEAR_LEAD = 6.0
CLEAR_RANK = 1.0  # rank points by which a shared title's first occupation must lead to answer
# Least share of the query's weight a title must cover to be worth scoring, and how many
# titles per word a scan reads: posting lists are sorted shortest title first.
MIN_RECALL = 0.33
SINGLE_WORD_SCAN = 400
LEADING_WORD_SCAN = 1500
UNKNOWN_WORD_WEIGHT = 2.0
OPTIONAL_WEIGHT = 0.3  # a department or parenthesised word, relative to a title word
COMMON_TITLE_WORD = 25  # a spell-corrected word used by this many titles is trusted
MAX_BONUS = 3.0 + 1.5 + 1.5 * 1.5  # the most a title's length, evidence and jobs can add
HEADLESS_CAP = MATCH_SCORE - 1.0  # "python" in "python developer": only a guess
TYPICAL_WEIGHT = 0.6  # rank points for an occupation whose names use the query's words often
HINT_WEIGHT = 1.5  # rank points per unit of department words found in an occupation's names
AGENTIVE_SHARE = 0.4  # a word heading this share of the titles it is in names a worker
WORD_STATS_CACHE = 4096  # words whose per-occupation title counts are remembered
FALLBACK_SCORE = AMBIGUOUS_SCORE + 8.0  # a part of the title alone is a known title


@dataclass(slots=True)
class _Entry:
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


@dataclass(frozen=True)
class Reading:
    words: tuple[str, ...]
    covers: bool  # keeps every required word: an exact hit is an answer


@dataclass(frozen=True)
class Scored:
    candidates: list[tuple[str, str, float]]  # (code, title that matched, score), best first
    confident: bool
    headed: bool = True  # the first title is about the query's head noun


class TitleScorer:
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
        entries: dict[str, _Entry] = {}
        seen_variants: dict[tuple[str, bool], list[str]] = {}  # titles repeat across codes
        for code, title, kind in titles:
            if code not in self.occupation_titles:
                continue
            key = (title, kind == "occupation")
            variants = seen_variants.get(key) or seen_variants.setdefault(
                key, title_variants(title, short_name=key[1])
            )
            for number, variant in enumerate(variants):
                if (variant, code) in removed_set:
                    continue
                entry = entries.get(variant)
                if entry is None:
                    entry = entries[variant] = _Entry(variant, tuple(variant.split()))
                entry.codes[code] = entry.codes.get(code, 0.0) + KIND_WEIGHT.get(kind, 1.0)
                entry.display.setdefault(code, title)
                if kind in OFFICIAL_KINDS and number == 0:
                    entry.official = entry.official | {code}
        self.entries = entries
        self.entry_list = list(entries.values())
        # Titles write both "Admin Assistant" and "Administrative Assistant": a spelled-out
        # word also matches its abbreviation where titles use it.
        self.abbreviations: dict[str, list[str]] = defaultdict(list)
        for short, long in self.words.items():
            if " " not in long and short != long:
                self.abbreviations[singular(long)].append(short)
        self._build_heads()
        self._build_postings()

    def _build_heads(self) -> None:
        # Head nouns of the occupations' own titles, split at "and" before any comma:
        # "Automotive Service Technicians and Mechanics" is about technicians and mechanics;
        # "Farmworkers, Farm, Ranch, and Aquacultural Animals" is not about animals.
        heads: dict[str, set[str]] = defaultdict(set)
        for code, title in self.occupation_titles.items():
            for segment in fold(title).split(",")[0].split(" and "):
                segment_words = tokens(segment)
                if segment_words:
                    heads[head_noun(segment_words)].add(code)
        self.heads = dict(heads)
        self.title_words = {code: set(tokens(t)) for code, t in self.occupation_titles.items()}
        jobs = {
            head: sum(self.employment.get(c, 0) for c in codes) for head, codes in heads.items()
        }
        agents: dict[str, tuple[tuple[int, int], str]] = {}
        for agent in heads:
            for agent_end, field_end in AGENT_SUFFIXES:
                if not agent.endswith(agent_end) or len(agent) <= len(agent_end) + 2:
                    continue
                field_word = agent[: -len(agent_end)] + field_end
                if field_word in heads or field_word == agent:
                    continue
                # "physics" is a physicist's field before a physician's.
                weight = (0 if agent_end == "ician" else 1, jobs[agent])
                best = agents.get(field_word)
                if best is None or weight > best[0]:
                    agents[field_word] = (weight, agent)
        self.agents = {f: a for f, (_, a) in agents.items()}

    def _build_postings(self) -> None:
        # Acronyms of multi-word titles ("site reliability engineer" -> "sre"), to read
        # abbreviations nobody listed: the best-attested title with those initials wins.
        acronyms: dict[str, tuple[float, str]] = {}
        code_positions: dict[str, list[int]] = defaultdict(list)
        postings: dict[str, list[int]] = defaultdict(list)
        for position, entry in enumerate(self.entry_list):
            spelled = [w for w in entry.words if w not in ACRONYM_SKIP]
            if 2 <= len(spelled) <= 5 and all(w.isalpha() for w in spelled):
                acronym = "".join(w[0] for w in spelled)
                weight = max(entry.codes.values()) + max(self.prior(c) for c in entry.codes)
                if acronym not in acronyms or acronyms[acronym][0] < weight:
                    acronyms[acronym] = (weight, entry.text)
            for word in set(entry.words):
                postings[word].append(position)
            for code in entry.codes:
                code_positions[code].append(position)
        self.acronyms = {a: text for a, (_, text) in acronyms.items()}
        # Nouns that name a worker ("supervisor", "nurse") head most titles they are in; field
        # words ("collections", "welding", "crew") mostly modify another noun.
        head_counts: dict[str, int] = defaultdict(int)
        for entry in self.entry_list:
            head_counts[head_noun(entry.words)] += 1
        self.agentive = frozenset(
            w
            for w, n in head_counts.items()
            if n >= 2 and n >= AGENTIVE_SHARE * len(postings.get(w, ()))
        )
        self.code_positions = dict(code_positions)
        self._vocabulary: dict[str, frozenset[str]] = {}
        self._entry_heads: dict[int, frozenset[str]] = {}
        self.postings = dict(postings)
        total = len(self.entry_list)
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
        # Per-title constants of the fuzzy score, computed once.
        self.entry_words = [frozenset(e.words) for e in self.entry_list]
        self.entry_weight = [sum(self.idf[w] for w in e.words) or 1.0 for e in self.entry_list]
        self.entry_bonus = [
            1.5 * min(max(e.codes.values()), 3.0) / 3.0 + 1.5 * max(map(self.prior, e.codes))
            for e in self.entry_list
        ]
        for ids in self.postings.values():
            ids.sort(key=self.entry_weight.__getitem__)

    def vocabulary(self, code: str) -> frozenset[str]:
        """Every word of every name of the occupation (worked out when first asked)."""
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

    def generic_head(self, text: str) -> bool:
        """Whether `text` is one worker noun many occupations share ("supervisor", "clerk"):
        in "Supervisor, Paving Crew" it heads the title, it is not a title of its own."""
        words = self._spell_out(tokens(text))
        return (
            len(words) == 1 and words[0] in self.agentive and len(self.heads.get(words[0], ())) >= 3
        )

    # --- readings of a title ---------------------------------------------------------------
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

    def readings(self, query: TitleText) -> list[Reading]:
        """The title's readings, most literal first."""
        out: list[Reading] = [Reading(words, True) for words in query.raw]
        core = query.core
        bases = [core, query.inverted, of_inverted(core)]
        inverted = query.inverted
        if inverted:
            bases.append(of_inverted(inverted))
        for base in bases:
            if base:
                out.append(Reading(base, True))
        for base in list(bases):
            if base:
                out.append(Reading(strip_ranks(base), True))
        trainee_core = tuple(w for w in (inverted or core) if w not in TRAINEES)
        if query.trainee or (core and head_noun(core) in self.agents):
            substance = strip_ranks(trainee_core) if trainee_core else query.qualifiers
            agented = tuple(self.agents.get(w, w) for w in substance)
            if agented and agented != substance:
                out.append(Reading(agented, True))
        out += [Reading(inner, False) for inner in query.inner]
        seen: set[tuple[str, ...]] = set()
        unique = []
        for reading in out:
            if reading.words and reading.words not in seen:
                seen.add(reading.words)
                unique.append(reading)
        return unique

    def keys(self, words: tuple[str, ...]) -> list[tuple[str, bool]]:
        """Strings to look up for one reading, with whether the key rests on a guessed
        acronym (only a suggestion then): an occupation's own title as written first, then a
        curated alias (it steers O*NET strings that point elsewhere), the title as written,
        abbreviations spelled out, and their aliases."""
        literal = " ".join(words)
        entry = self.entries.get(literal)
        out: list[tuple[str, bool]] = []
        if entry is not None and entry.official:
            out.append((literal, False))
        if literal in self.aliases:
            out.append((self.aliases[literal], False))
            expanded_words, guessed = tuple(self.words.get(w, w) for w in words), False
        else:
            expanded_words, guessed = self._expand(words)
        expanded = " ".join(singular(w) for w in " ".join(expanded_words).split())
        out += [(literal, False), (expanded, guessed)]
        if expanded in self.aliases:
            out.append((self.aliases[expanded], guessed))
        seen: set[str] = set()
        unique = []
        for key, flag in out:
            if key and key not in seen:
                seen.add(key)
                unique.append((key, flag))
        return unique

    def required(self, query: TitleText) -> tuple[list[str], list[str], str]:
        """Words the answer must account for (the title proper, spelled out, without rank,
        trainee, stop and function words), optional hint words (department, brackets) and
        the head noun."""
        base = query.inverted or query.core
        base = of_inverted(base) or base
        # Function words stay: a title does not explain "there" in "hi there", so it is none.
        words = self._spell_out(w for w in strip_ranks(base) if w not in STOP and w not in FILLER)
        head = head_noun(tuple(w for w in words if w not in FUNCTION_WORDS) or words)
        if query.trainee:
            words = tuple(self.agents.get(w, w) for w in words)
        required = [w for w in dict.fromkeys(words) if w not in TRAINEES]
        hint_words = self._spell_out(query.qualifiers + tuple(w for i in query.inner for w in i))
        if query.trainee:
            hint_words = tuple(self.agents.get(w, w) for w in hint_words)
        optional = [
            w
            for w in dict.fromkeys(hint_words)
            if w not in required and w not in STOP | FUNCTION_WORDS | RANKS | TRAINEES | FILLER
        ]
        if not required and optional and query.trainee:
            required, optional = optional, []
            head = required[-1]
        if query.trainee:
            head = self.agents.get(head, head)
        if head not in required and required:
            head = required[-1]
        return required, optional, head

    # --- scoring ----------------------------------------------------------------------------
    def score(self, query: TitleText, hidden: frozenset[str] = frozenset()) -> Scored:
        required, optional, head = self.required(query)
        if all(w in FUNCTION_WORDS for w in required):
            return Scored([], False)  # "what about", "the second one": not a title at all
        fallback: list[tuple[str, str, float]] = []
        for reading in self.readings(query):
            if not any(w not in STOP and w not in FUNCTION_WORDS for w in reading.words):
                continue
            for key, guessed in self.keys(reading.words):
                entry = self.entries.get(key)
                if entry is None or key in hidden:
                    continue
                if reading.covers:
                    ranked, clear = self._rank_entry(entry, required, 100.0, optional)
                    return Scored(ranked, clear and not guessed)
                if not fallback:
                    fallback, _ = self._rank_entry(entry, required, FALLBACK_SCORE, optional)
        if len(required) == 1 and not optional and not fallback:
            generic, confident = self._generic(required[0], hidden)
            if generic:
                return Scored(generic, confident)
        return self._fuzzy_scored(required, optional, head, hidden, fallback)

    def _rank_entry(
        self, entry: _Entry, required: list[str], score: float, optional: Iterable[str] = ()
    ) -> tuple[list[tuple[str, str, float]], bool]:
        """Occupations sharing one title: its own occupation, then curated, then most
        evidence, fit and jobs; and whether the first is clearly the one meant.

        Evidence is capped so that a title O*NET lists under many specialties ("nurse") goes
        to the general occupation with most jobs. An occupation whose own name is about the
        title's head noun ("UX designer" -> interface designers, not QA testers) is preferred;
        for a one-word title ("supervisor", "artist") those occupations compete even when
        O*NET lists the bare word elsewhere.
        """
        head = head_noun(entry.words)
        codes = dict(entry.codes)
        display = dict(entry.display)
        if len(entry.words) == 1:
            for code in self.heads.get(head, ()):
                codes.setdefault(code, 0.0)
                display.setdefault(code, self.occupation_titles[code])
        typical = self._typical(required, codes)
        hints = self._hints(list(optional), codes)

        def rank(code: str) -> float:
            evidence = codes[code]
            official = 10.0 if code in entry.official else 0.0
            curated = 8.0 if evidence >= KIND_WEIGHT["curated"] else 0.0
            about = 1.0 if head in self.title_words[code] else 0.0
            return (
                official
                + curated
                + min(evidence, 2.5) / 2.5
                + 2.0 * self.prior(code)
                + about
                + TYPICAL_WEIGHT * typical.get(code, 0.0)
                + HINT_WEIGHT * hints.get(code, 0.0)
            )

        ranks = {code: rank(code) for code in codes}
        ranked = sorted(codes, key=ranks.__getitem__, reverse=True)
        # A title several occupations share answers when the first is clearly ahead, or the
        # next is its sibling ("bus driver": school or transit, SOC minor group 53-30).
        clear = (
            len(ranked) == 1
            or len(entry.words) == 1
            or ranked[0] in entry.official
            or ranks[ranked[0]] - ranks[ranked[1]] >= CLEAR_RANK
            or ranked[0][:5] == ranked[1][:5]
        )
        return [
            (code, display[code], score if i == 0 else round(score - 5.0, 1))
            for i, code in enumerate(ranked)
        ], clear

    def _typical(self, required: list[str], codes: Iterable[str]) -> dict[str, float]:
        """0..1 per code: how much of the query's weight its names use repeatedly ("forklift"
        is in many titles of industrial truck operators, once among construction's)."""
        wanted = set(codes)
        if len(wanted) < 2:
            return {}
        total = sum(self.idf.get(w, UNKNOWN_WORD_WEIGHT) for w in required) or 1.0
        out: dict[str, float] = defaultdict(float)
        for word in required:
            counts = self._word_codes(word)
            for code in wanted.intersection(counts):
                out[code] += self.idf[word] * min(1.0, counts[code] / 3.0) / total
        return out

    def _hints(self, optional: list[str], codes: Iterable[str]) -> dict[str, float]:
        """0..2 per code: how much of the department or bracket words ("Instructor - English")
        its names use, twice when its own title does."""
        if not optional:
            return {}
        total = sum(self.idf.get(w, UNKNOWN_WORD_WEIGHT) for w in optional) or 1.0
        out: dict[str, float] = {}
        for code in codes:
            vocabulary = self.vocabulary(code)
            own = self.title_words[code]
            found = sum(self.idf.get(w, 0.0) * ((w in vocabulary) + (w in own)) for w in optional)
            if found:
                out[code] = found / total
        return out

    def _word_codes(self, word: str) -> dict[str, int]:
        """How many titles of each occupation use `word` (the shortest titles, remembered)."""
        known = self._word_code_counts.get(word)
        if known is None:
            counts: dict[str, int] = defaultdict(int)
            for position in self.postings.get(word, ())[:SINGLE_WORD_SCAN]:
                for code in self.entry_list[position].codes:
                    counts[code] += 1
            known = self._word_code_counts[word] = dict(counts)
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
            for match, score, _ in process.extract(
                word, pool, scorer=fuzz.ratio, limit=3, score_cutoff=80
            ):
                out.append((match, score / 100.0))
            if not out:
                # A typo in the first letter: words of about the same length.
                similar = self.near_length.get(len(word), [])
                for match, score, _ in process.extract(
                    word, similar, scorer=fuzz.ratio, limit=2, score_cutoff=84
                ):
                    out.append((match, score / 100.0 * 0.95))
        if len(word) >= 3:
            prefixed = [w for w in pool if w.startswith(word) and len(w) > len(word)]
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

    def _generic(
        self, word: str, hidden: frozenset[str]
    ) -> tuple[list[tuple[str, str, float]], bool]:
        """One generic word ("manager", "mechanics", "techer"): the occupations whose own
        title is about that word, most jobs first.

        Also says whether to answer without asking: a word spelled as in the titles, or a typo
        of a word many titles use ("nurce"). A typo's nearest rare word ("burgers" -> "bugler")
        is more likely not a job at all, so that only earns a "did you mean".
        """
        for corrected, quality in self._correct(word)[:1]:
            confident = quality == 1.0 or len(self.postings.get(corrected, ())) >= COMMON_TITLE_WORD
            entry = self.entries.get(corrected)
            if entry is not None and quality >= 0.8 and corrected not in hidden:
                score = round(90.0 * quality + 10.0 * (quality == 1), 1)
                return self._rank_entry(entry, [corrected], score)[0], confident
            codes = self.heads.get(corrected)
            if codes and quality >= 0.8:
                ranked = sorted(codes, key=self.prior, reverse=True)
                score = round(90.0 * quality, 1)
                return [
                    (code, self.occupation_titles[code], score if i == 0 else score - 5.0)
                    for i, code in enumerate(ranked)
                ], confident
        return [], False

    def _fuzzy_scored(
        self,
        required: list[str],
        optional: list[str],
        head: str,
        hidden: frozenset[str],
        fallback: list[tuple[str, str, float]],
    ) -> Scored:
        scores, corrected = self._fuzzy(required, optional, head, hidden)
        ranked_entries = sorted(scores.items(), key=lambda item: item[1][0], reverse=True)
        if not ranked_entries or ranked_entries[0][1][0] < AMBIGUOUS_SCORE:
            return Scored(fallback, False, False)
        best_position, (best_score, head_ok) = ranked_entries[0]
        best_entry = self.entry_list[best_position]
        # Ambiguity is between title strings: codes sharing the best title are ranked like an
        # exact match, and only a different title scoring close to it makes us ask.
        runner_up = next(
            (
                score
                for position, (score, agrees) in ranked_entries[1:]
                if (agrees or not head_ok)
                and not set(self.entry_list[position].codes) <= set(best_entry.codes)
            ),
            0.0,
        )
        by_code: dict[str, tuple[str, float]] = {}
        for position, (score, _) in ranked_entries[:40]:
            entry = self.entry_list[position]
            for code, shown, value in self._rank_entry(entry, required, round(score, 1), optional)[
                0
            ]:
                if code not in by_code or by_code[code][1] < value:
                    by_code[code] = (shown, value)
        for code, shown, value in fallback:
            if code not in by_code or by_code[code][1] < value:
                by_code[code] = (shown, value)
        # Names that leave a required word unexplained rank lower and never answer alone.
        top = sorted(by_code.items(), key=lambda item: item[1][1], reverse=True)[:12]
        adjusted = []
        for code, (shown, value) in top:
            share = self._accounted(code, required, corrected)
            adjusted.append((code, shown, value - 8.0 * (1.0 - share), share))
        adjusted.sort(key=lambda item: item[2], reverse=True)
        first = adjusted[0]
        confident = (
            head_ok
            and first[3] >= 0.999
            and first[0] in best_entry.codes
            and best_score >= MATCH_SCORE
            and best_score - runner_up >= CLEAR_LEAD
        )
        headed = head_ok and first[0] in best_entry.codes
        return Scored([(c, s, v) for c, s, v, _ in adjusted], confident, headed)

    def _accounted(
        self, code: str, required: list[str], corrected: Mapping[str, list[tuple[str, float]]]
    ) -> float:
        """Share of the required words' weight that the occupation's names use."""
        vocabulary = self.vocabulary(code)
        total = found = 0.0
        for word in required:
            if word in FUNCTION_WORDS:
                continue  # "be a paralegal": nothing to explain in "be"
            options = corrected.get(word) or [(word, 1.0)]
            weight = self.idf.get(options[0][0], UNKNOWN_WORD_WEIGHT)
            total += weight
            if any(option in vocabulary for option, _ in options):
                found += weight
        return found / total if total else 0.0

    def _fuzzy(
        self, required: list[str], optional: list[str], head: str, hidden: frozenset[str]
    ) -> tuple[dict[int, tuple[float, bool]], dict[str, list[tuple[str, float]]]]:
        """Score the titles sharing a (corrected) word with the query: entry -> (0..100, head
        noun found).

        MaxScore pruning: words are taken rarest first, and once the words left could not lift
        a new title to the ambiguity threshold they only update titles already found. A
        one-word query reads only the shortest titles of each posting list.
        """
        query = required + optional
        corrected: dict[str, list[tuple[str, float]]] = {}
        for word in query:
            options = self._correct(word)
            options += [(a, 1.0) for a in self.abbreviations.get(word, ()) if a in self.postings]
            if not options:
                joined = self.split_joined(word)
                if joined:
                    options = [(part, 0.9) for part in joined]
            corrected[word] = options
        optional_set = set(optional)
        # A word weighs what its best reading weighs (a typo of "manager" is as common as
        # "manager"); a word no title resembles weighs little, it cannot be matched anyway.
        full_weight = {
            word: self.idf.get(options[0][0], 1.0) if options else UNKNOWN_WORD_WEIGHT
            for word, options in corrected.items()
        }
        weights = {
            w: full_weight[w] * (OPTIONAL_WEIGHT if w in optional_set else 1.0) for w in query
        }
        required_weight = sum(weights[w] for w in required) or 1.0
        hits: dict[int, dict[str, float]] = {}
        remaining = sum(weights.values())
        # Posting lists run from the lightest title up, and a heavier title can only score
        # less for the same words: past the weight where even every matchable word could not
        # lift a title to the ambiguity threshold, a scan stops ("foh manager" reads a few
        # hundred of the 1,300 manager titles).
        matchable = [w for w in query if corrected[w]]
        reach_optional = sum(weights[w] for w in matchable if w in optional_set)
        reach = (sum(weights[w] for w in matchable if w not in optional_set) + reach_optional) / (
            required_weight + reach_optional
        )
        needed = (AMBIGUOUS_SCORE - MAX_BONUS) / 100.0 - 0.62 * reach
        heaviest = (
            sum(full_weight[w] for w in matchable) * 0.38 / needed if needed > 0 else math.inf
        )
        entry_weight = self.entry_weight
        for word in sorted(query, key=weights.__getitem__, reverse=True):
            options = corrected[word]
            if remaining / required_weight >= MIN_RECALL:
                cap = SINGLE_WORD_SCAN if len(query) == 1 or hits else LEADING_WORD_SCAN
                for replacement, quality in options:
                    for position in self.postings.get(replacement, ())[:cap]:
                        if entry_weight[position] > heaviest:
                            break
                        found = hits.setdefault(position, {})
                        if found.get(word, 0.0) < quality:
                            found[word] = quality
            else:
                for position, found in hits.items():
                    entry_words = self.entry_words[position]
                    for replacement, quality in options:
                        if replacement in entry_words and found.get(word, 0.0) < quality:
                            found[word] = quality
            remaining -= weights[word]
        heads = {option for option, _ in corrected.get(head, ())} or {head}
        # Only a worker noun must head the title that matches ("paving crew supervisor" is not
        # a paving crew member); "medical collections" has no worker noun to agree with, but a
        # lone modifier ("python", "forklift") is only a guess.
        check_head = not heads.isdisjoint(self.agentive) or len(required) == 1
        scores: dict[int, tuple[float, bool]] = {}
        need = min(1 if len(required) <= 2 else 2, len(required))
        entry_bonus, entry_list = self.entry_bonus, self.entry_list
        for position, found in hits.items():
            covered_required = covered_optional = covered = 0.0
            matched = 0
            lowest = 1.0
            for word, quality in found.items():
                if word in optional_set:
                    covered_optional += weights[word] * quality
                else:
                    covered_required += weights[word] * quality
                    matched += 1
                covered += full_weight[word] * quality
                lowest = min(lowest, quality)
            if matched < need or not matched:
                continue
            if hidden and entry_list[position].text in hidden:
                continue
            recall = (covered_required + covered_optional) / (required_weight + covered_optional)
            precision = min(1.0, covered / entry_weight[position])
            score = 100.0 * (0.62 * recall + 0.38 * precision)
            if matched == len(required) and len(entry_list[position].words) == len(required):
                score += 3.0 * lowest
            score = min(99.0, score + entry_bonus[position])
            head_ok = not check_head or (
                head in found and not heads.isdisjoint(self.entry_heads(position))
            )
            if not head_ok:
                score = min(score, HEADLESS_CAP)
            scores[position] = (score, head_ok)
        return scores, corrected
