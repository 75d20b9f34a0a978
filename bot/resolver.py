"""Title resolution: what occupation does a person mean by "med collections" or "nurce"?

The index ranks occupations, not strings. A query is normalised and expanded (aliases such as
"rn" -> "registered nurse"), looked up exactly, and only then searched fuzzily among the titles
that share a (spell-corrected) word with it, scored by how much of the query and of the title
the shared words cover, weighted by how rare each word is. Among occupations that fit a generic
title equally well ("teacher"), the one with most jobs comes first and the others are offered.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from rapidfuzz import fuzz, process

from bot.normalize import fold, normalize, singular, title_variants, tokens

DATA_DIR = Path(__file__).resolve().parent / "data"

# How much one source's use of a title says that it names the occupation.
KIND_WEIGHT = {
    "curated": 8.0,
    "occupation": 3.0,
    "reported": 1.5,
    "alternate": 1.0,
    "short": 1.0,
    "alias": 1.0,
}
# Words that describe a position's rank, not the occupation: tried without them too.
SENIORITY = {
    "senior",
    "sr",
    "junior",
    "jr",
    "entry",
    "level",
    "lead",
    "principal",
    "staff",
    "trainee",
    "i",
    "ii",
    "iii",
    "iv",
    "experienced",
    "associate",
    "head",
}
# Query words that are never part of a title.
FILLER = {
    "a",
    "an",
    "the",
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
}

ACRONYM_SKIP = {"and", "of", "the", "for", "in", "to", "a", "an", "or", "with", "on"}

MATCH_SCORE = 80.0
RESOLVED_CACHE = 8192  # recent distinct titles answered from memory
# Least share of the query's weight a title must cover to be worth scoring (below it the
# score cannot reach AMBIGUOUS_SCORE), and how many titles per word a scan reads: posting
# lists are sorted shortest title first, and a shorter title scores higher for the same words.
MIN_RECALL = 0.33
SINGLE_WORD_SCAN = 400
LEADING_WORD_SCAN = 1500
UNKNOWN_WORD_WEIGHT = 2.0
# A spell-corrected word used by at least this many titles is common enough to trust.
COMMON_TITLE_WORD = 25
AMBIGUOUS_SCORE = 62.0
CLEAR_LEAD = 6.0


@dataclass(frozen=True)
class Candidate:
    code: str
    title: str  # the occupation's O*NET title
    matched_title: str  # the title string that matched
    score: float  # 0-100


class Status(StrEnum):
    MATCHED = "matched"  # confident: answered without asking
    AMBIGUOUS = "ambiguous"  # candidates to offer as "did you mean…"
    UNKNOWN = "unknown"  # not a title we know


@dataclass(frozen=True)
class Resolution:
    text: str
    status: Status
    candidates: tuple[Candidate, ...] = ()

    @property
    def best(self) -> Candidate | None:
        return self.candidates[0] if self.candidates else None


def head_noun(words: tuple[str, ...] | list[str]) -> str:
    """The word a title is about: 'supervisor' in 'first line supervisor of office worker',
    'developer' in 'python developer'."""
    if "of" in words[1:]:
        return words[list(words).index("of") - 1]
    return words[-1] if words else ""


@dataclass
class _Entry:
    text: str
    words: tuple[str, ...]
    codes: dict[str, float] = field(default_factory=dict)  # code -> evidence weight
    display: dict[str, str] = field(default_factory=dict)  # code -> title as written


def read_tsv(path: Path, columns: int) -> Iterable[list[str]]:
    """Rows of a curated project file; '#' comments and the header line are skipped."""
    if not path.is_file():
        return
    lines = path.read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines):
        if (
            not line.strip()
            or line.lstrip().startswith("#")
            or (number == 0 and "\t" in line and line.split("\t")[0] in ("alias", "title", "word"))
        ):
            continue
        parts = [part.strip() for part in line.split("\t")]
        if len(parts) >= columns:
            yield parts


class TitleIndex:
    def __init__(
        self,
        titles: Iterable[tuple[str, str, str]],  # (code, title, kind)
        occupation_titles: Mapping[str, str],
        employment: Mapping[str, int],
        aliases: Mapping[str, str] | None = None,
        words: Mapping[str, str] | None = None,
        removed: Iterable[tuple[str, str]] = (),
    ) -> None:
        self.occupation_titles = dict(occupation_titles)
        self.employment = dict(employment)
        self._log_top = math.log1p(max(self.employment.values(), default=1) or 1)
        self._resolved: dict[tuple[str, int], Resolution] = {}
        self._priors: dict[str, float] = {}  # see prior: asked ~100k times while building
        # An expansion is a title as O*NET writes it, parentheses included: match its main part.
        self.aliases = {
            normalize(k): title_variants(v)[0] for k, v in (aliases or {}).items() if v.strip()
        }
        self.words = {k.casefold(): v.casefold() for k, v in (words or {}).items()}
        removed_set = {(normalize(title), code) for title, code in removed}
        entries: dict[str, _Entry] = {}
        for code, title, kind in titles:
            if code not in self.occupation_titles:
                continue
            for variant in title_variants(title, short_name=kind == "occupation"):
                if (variant, code) in removed_set:
                    continue
                entry = entries.get(variant)
                if entry is None:
                    entry = entries[variant] = _Entry(variant, tuple(variant.split()))
                entry.codes[code] = entry.codes.get(code, 0.0) + KIND_WEIGHT.get(kind, 1.0)
                entry.display.setdefault(code, title)
        self.entries = entries
        self.entry_list = list(entries.values())
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
        # Acronyms of multi-word titles ("site reliability engineer" -> "sre"), to read
        # abbreviations nobody listed: the best-attested title with those initials wins.
        acronyms: dict[str, tuple[float, str]] = {}
        for entry in self.entry_list:
            spelled = [w for w in entry.words if w not in ACRONYM_SKIP]
            if 2 <= len(spelled) <= 5 and all(w.isalpha() for w in spelled):
                acronym = "".join(w[0] for w in spelled)
                weight = max(entry.codes.values()) + max(self.prior(c) for c in entry.codes)
                if acronym not in acronyms or acronyms[acronym][0] < weight:
                    acronyms[acronym] = (weight, entry.text)
        self.acronyms = {a: text for a, (_, text) in acronyms.items()}
        postings: dict[str, list[int]] = defaultdict(list)
        for position, entry in enumerate(self.entry_list):
            for word in set(entry.words):
                postings[word].append(position)
        self.postings = dict(postings)
        total = len(self.entry_list)
        self.idf = {word: math.log(1 + total / len(ids)) for word, ids in postings.items()}
        self.vocabulary = sorted(postings)
        by_initial: dict[str, list[str]] = defaultdict(list)
        for word in self.vocabulary:
            by_initial[word[0]].append(word)
        self.by_initial = dict(by_initial)
        by_length: dict[int, list[str]] = defaultdict(list)
        for word in self.vocabulary:
            by_length[len(word)].append(word)
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
        self.entry_heads = [head_noun(e.words) for e in self.entry_list]
        # Shortest titles first: for a one-word query they score highest, so a scan can stop.
        for ids in self.postings.values():
            ids.sort(key=self.entry_weight.__getitem__)

    # --- construction from the database and the curated files ----------------------------
    @classmethod
    def from_rows(
        cls,
        titles: Iterable[tuple[str, str, str]],
        employment: Mapping[str, int],
        data_dir: Path = DATA_DIR,
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
        return cls(rows + curated, occupation_titles, employment, aliases, words, removed)

    # --- resolution ----------------------------------------------------------------------
    def prior(self, code: str) -> float:
        """0..1, log-scaled national employment: breaks ties towards common occupations."""
        known = self._priors.get(code)
        if known is not None:
            return known
        base = math.log1p(self.employment.get(code, 0)) / self._log_top
        # O*NET's ".00" code is the occupation itself; ".01"+ are specialties that share its
        # employment figure, so the general occupation wins a tie.
        known = self._priors[code] = base + (0.5 if code.endswith(".00") else 0.0)
        return known

    def _expand(self, words: list[str]) -> tuple[list[str], bool]:
        """Abbreviated words spelled out; True when an acronym had to be guessed."""
        out: list[str] = []
        guessed = False
        for word in words:
            if word in self.words:
                out.extend(self.words[word].split())
            elif (
                2 <= len(word) <= 4
                and word not in self.postings
                and word in self.acronyms
                and " ".join(words) not in self.aliases
            ):
                out.extend(self.acronyms[word].split())
                guessed = True
            else:
                out.append(word)
        return [singular(w) for w in out], guessed

    def _keys(self, text: str) -> tuple[list[str], set[str]]:
        """Normalised forms of the query to try, most literal first, and those that rest on a
        guessed acronym (a match through them is only a suggestion)."""
        words = [w for w in tokens(text) if w not in FILLER] or tokens(text)
        expanded_words, guessed = self._expand(words)
        expanded = " ".join(expanded_words)
        keys = [" ".join(words), expanded]
        plain = [w for w in expanded_words if w not in SENIORITY]
        if plain:
            keys.append(" ".join(plain))
        keys += [self.aliases[key] for key in keys if key in self.aliases]
        unique = list(dict.fromkeys(k for k in keys if k))
        guesses = {k for k in unique if guessed and k not in (" ".join(words),)} - {
            self.aliases.get(" ".join(words), "")
        }
        return unique, guesses

    def _rank_exact(self, entry: _Entry, score: float = 100.0) -> list[Candidate]:
        """Occupations sharing one title: most evidence, then most jobs, first.

        Evidence is capped so that a title O*NET lists under many specialties ("nurse") goes
        to the general occupation with most jobs, while a curated title always wins. An
        occupation whose own name is about the title's head noun ("UX designer" -> interface
        designers, not QA testers) is preferred; for a one-word title ("supervisor", "artist")
        those occupations compete even when O*NET lists the bare word elsewhere.
        """
        head = head_noun(entry.words)
        codes = dict(entry.codes)
        display = dict(entry.display)
        if len(entry.words) == 1:
            for code in self.heads.get(head, ()):
                codes.setdefault(code, 0.0)
                display.setdefault(code, self.occupation_titles[code])

        def rank(item: tuple[str, float]) -> float:
            code, evidence = item
            about = 1.0 if head in self.title_words[code] else 0.0
            curated = 8.0 if evidence >= KIND_WEIGHT["curated"] else 0.0
            return min(evidence, 2.5) / 2.5 + curated + 2.0 * self.prior(code) + about

        ranked = sorted(codes.items(), key=rank, reverse=True)
        return [
            Candidate(
                code,
                self.occupation_titles[code],
                display[code],
                score if i == 0 else round(score - 5.0, 1),
            )
            for i, (code, _) in enumerate(ranked)
        ]

    def _correct(self, word: str) -> list[tuple[str, float]]:
        """The word itself if titles use it, else close spellings (and prefixes: 'med')."""
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
                # A typo in the first letter: words of about the same length (an 84+ ratio
                # allows little length difference anyway), not the whole vocabulary.
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

    def _fuzzy(self, key: str) -> dict[int, float]:
        """Score the titles sharing a (corrected) word with the query: entry -> 0..100.

        MaxScore pruning: words are taken rarest first, and once the words left could not lift
        a new title to the ambiguity threshold they only update titles already found. A
        one-word query reads only the shortest titles of each posting list.
        """
        query = key.split()
        corrected = {word: self._correct(word) for word in query}
        # A word weighs what its best reading weighs (a typo of "manager" is as common as
        # "manager"); a word no title resembles weighs little, it cannot be matched anyway.
        weights = {
            word: self.idf.get(options[0][0], 1.0) if options else UNKNOWN_WORD_WEIGHT
            for word, options in corrected.items()
        }
        query_weight = sum(weights.values()) or 1.0
        hits: dict[int, dict[str, float]] = {}
        remaining = query_weight
        for word in sorted(query, key=weights.__getitem__, reverse=True):
            options = corrected[word]
            if remaining / query_weight >= MIN_RECALL:
                cap = SINGLE_WORD_SCAN if len(query) == 1 or hits else LEADING_WORD_SCAN
                for replacement, quality in options:
                    for position in self.postings.get(replacement, ())[:cap]:
                        found = hits.setdefault(position, {})
                        if found.get(word, 0.0) < quality:
                            found[word] = quality
            else:
                for position, found in hits.items():
                    words = self.entry_words[position]
                    for replacement, quality in options:
                        if replacement in words and found.get(word, 0.0) < quality:
                            found[word] = quality
            remaining -= weights[word]
        scores: dict[int, float] = {}
        min_words = 1 if len(query) <= 2 else 2
        single_heads = {w for w, _ in corrected[query[0]]} if len(query) == 1 else set()
        for position, found in hits.items():
            if len(found) < min_words:
                continue
            covered = sum(weights[w] * q for w, q in found.items())
            recall = covered / query_weight
            precision = min(1.0, covered / self.entry_weight[position])
            score = 100.0 * (0.62 * recall + 0.38 * precision)
            if len(found) == len(query) and len(self.entry_list[position].words) == len(query):
                score += 3.0 * min(found.values())
            score = min(99.0, score + self.entry_bonus[position])
            if single_heads and self.entry_heads[position] not in single_heads:
                # "python" in "python developer": a modifier alone is a guess worth asking about.
                score = min(score, MATCH_SCORE - 1.0)
            scores[position] = score
        return scores

    def _generic(self, key: str) -> tuple[list[Candidate], bool]:
        """One generic word ("manager", "mechanics", "techer"): the occupations whose own
        title is about that word, most jobs first.

        Also says whether to answer without asking: a word spelled as in the titles, or a typo
        of a word many titles use ("nurce"). A typo's nearest rare word ("burgers" -> "bugler")
        is more likely not a job at all, so that only earns a "did you mean".
        """
        words = key.split()
        if len(words) != 1:
            return [], False
        for word, quality in self._correct(words[0])[:1]:
            confident = quality == 1.0 or len(self.postings.get(word, ())) >= COMMON_TITLE_WORD
            entry = self.entries.get(word)
            if entry is not None and quality >= 0.8:
                score = round(90.0 * quality + 10.0 * (quality == 1), 1)
                return self._rank_exact(entry, score), confident
            codes = self.heads.get(word)
            if codes and quality >= 0.8:
                ranked = sorted(codes, key=self.prior, reverse=True)
                score = round(90.0 * quality, 1)
                return [
                    Candidate(
                        code,
                        self.occupation_titles[code],
                        self.occupation_titles[code],
                        score if i == 0 else score - 5.0,
                    )
                    for i, code in enumerate(ranked)
                ], confident
        return [], False

    def resolve(self, text: str, limit: int = 5) -> Resolution:
        """What occupation `text` names. Pure, so repeated titles are answered from memory."""
        key = (text, limit)
        cached = self._resolved.get(key)
        if cached is None:
            cached = self._resolve(text, limit)
            if len(self._resolved) >= RESOLVED_CACHE:
                self._resolved.pop(next(iter(self._resolved)))
            self._resolved[key] = cached
        return cached

    def forget_resolved(self) -> None:
        """Drop the remembered resolutions (the load benchmark measures unseen questions)."""
        self._resolved.clear()

    def _resolve(self, text: str, limit: int) -> Resolution:
        keys, guesses = self._keys(text)
        if not keys:
            return Resolution(text, Status.UNKNOWN)

        def status_for(key: str, confident: bool = True) -> Status:
            return Status.MATCHED if confident and key not in guesses else Status.AMBIGUOUS

        for key in keys:
            entry = self.entries.get(key)
            if entry is not None:
                ranked = self._rank_exact(entry)
                return Resolution(text, status_for(key), tuple(ranked[:limit]))
        generic, confident = self._generic(keys[-1])
        if generic:
            return Resolution(text, status_for(keys[-1], confident), tuple(generic[:limit]))
        pooled: dict[int, float] = {}
        # A guessed acronym is worth an exact lookup (above), not a fuzzy search on its words.
        for key in keys:
            if key in guesses:
                continue
            for position, score in self._fuzzy(key).items():
                pooled[position] = max(score, pooled.get(position, 0.0))
        ranked_entries = sorted(pooled.items(), key=lambda item: item[1], reverse=True)
        if not ranked_entries or ranked_entries[0][1] < AMBIGUOUS_SCORE:
            return Resolution(text, Status.UNKNOWN)
        best_position, best_score = ranked_entries[0]
        best_entry = self.entry_list[best_position]
        # Ambiguity is between title strings: codes sharing the best title are ranked like an
        # exact match, and only a different title scoring close to it makes us ask.
        runner_up = next(
            (
                score
                for position, score in ranked_entries[1:]
                if not set(self.entry_list[position].codes) <= set(best_entry.codes)
            ),
            0.0,
        )
        candidates = self._rank_exact(best_entry, round(best_score, 1))
        seen = {c.code for c in candidates}
        for position, score in ranked_entries[1:40]:
            entry = self.entry_list[position]
            for candidate in self._rank_exact(entry, round(score, 1)):
                if candidate.code not in seen:
                    seen.add(candidate.code)
                    candidates.append(candidate)
        clear = best_score >= MATCH_SCORE and best_score - runner_up >= CLEAR_LEAD
        status = Status.MATCHED if clear else Status.AMBIGUOUS
        if status == Status.AMBIGUOUS:
            candidates.sort(key=lambda c: c.score, reverse=True)
        return Resolution(text, status, tuple(candidates[:limit]))
