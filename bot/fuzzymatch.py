"""Fuzzy matching: the titles that share (spell-corrected) words with a query, scored.

A title's score is idf-weighted recall of the query's words (department and bracket words count
a little when they match, nothing when not) and precision over the title's own words, plus a
little for evidence and jobs; a title that is not about the query's worker noun is only a guess.
MaxScore pruning keeps it fast: words are read rarest first, and scans stop where no title could
reach the ambiguity threshold any more. Then `Ranking` scores only the titles that can be among
the first few dozen: a typo of a common word ("enginer") meets hundreds of titles by that one
word, most of which no reader would ever be shown.
"""

from __future__ import annotations

import heapq
import math
from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass

from bot.titletables import SINGLE_WORD_SCAN, TitleTables
from bot.titletext import FUNCTION_WORDS

MATCH_SCORE = 80.0
AMBIGUOUS_SCORE = 62.0
MIN_RECALL = 0.33
LEADING_WORD_SCAN = 1500
UNKNOWN_WORD_WEIGHT = 2.0
OPTIONAL_WEIGHT = 0.3  # a department or parenthesised word, relative to a title word
MAX_BONUS = 3.0 + 1.5 + 1.5 * 1.5  # the most a title's length, evidence and jobs can add
HEADLESS_CAP = MATCH_SCORE - 1.0  # "python" in "python developer": only a guess
# Added to the best score a title could reach, against float rounding in the sums.
REACH_MARGIN = 1e-6


class FuzzyMatch(TitleTables):
    """Scores for the titles that share words with a query, and what its names explain."""

    def _accounted(
        self,
        code: str,
        required: list[str],
        corrected: Mapping[str, list[tuple[str, float]]],
        hidden: frozenset[str] = frozenset(),
    ) -> float:
        """Share of the required words' weight that the occupation's names use."""
        vocabulary = self.vocabulary(code, hidden)
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
        self,
        required: list[str],
        optional: list[str],
        head: str,
        hidden: frozenset[str],
        top: int,
        spelled: Mapping[str, list[tuple[str, float]]],
    ) -> tuple[Ranking, dict[str, list[tuple[str, float]]]]:
        """The titles sharing a (corrected) word with the query, scored: at least the `top`
        best exactly, the rest when asked for (see Ranking). `spelled`: the spellings of
        words already worked out for this question.

        MaxScore pruning: words are taken rarest first, and once the words left could not lift
        a new title to the ambiguity threshold they only update titles already found. A
        one-word query reads only the shortest titles of each posting list.
        """
        query = required + optional
        corrected: dict[str, list[tuple[str, float]]] = {}
        for word in query:
            options = list(spelled[word]) if word in spelled else self._correct(word)
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
        by_weight = self.entry_weight.__getitem__
        # What each word met, {title: quality of its best reading}, in reading order; the
        # slices of posting lists read; and every title met, in the order first met (a tie
        # is ranked in that order).
        met: dict[str, dict[int, float]] = {}
        reads: list[tuple[str, list[int]]] = []
        seen: dict[int, float] = {}
        for word in sorted(query, key=weights.__getitem__, reverse=True):
            options = corrected[word]
            qualities: dict[int, float] = {}
            if remaining / required_weight >= MIN_RECALL:
                cap = SINGLE_WORD_SCAN if len(query) == 1 or seen else LEADING_WORD_SCAN
                for replacement, quality in options:
                    posting = self.postings.get(replacement, [])
                    end = bisect_right(posting, heaviest, 0, min(cap, len(posting)), key=by_weight)
                    read = posting[:end]
                    fresh = dict.fromkeys(read, quality)
                    for position in fresh.keys() & qualities.keys():
                        if qualities[position] > quality:  # the better reading counts
                            fresh[position] = qualities[position]
                    qualities.update(fresh)
                    seen.update(fresh)
                    reads.append((word, read))
            else:
                for replacement, quality in options:
                    posting = self.postings.get(replacement, [])
                    if len(posting) <= 4 * len(seen):
                        having = seen.keys() & posting
                    else:
                        entry_list = self.entry_list
                        having = {p for p in seen if replacement in entry_list[p].words}
                    for position in having:
                        if qualities.get(position, 0.0) < quality:
                            qualities[position] = quality
            if qualities:
                met[word] = qualities
            remaining -= weights[word]
        heads = {option for option, _ in corrected.get(head, ())} or {head}
        # Only a worker noun must head the title that matches ("paving crew supervisor" is not
        # a paving crew member); "medical collections" has no worker noun to agree with, but a
        # lone modifier ("python", "forklift") is only a guess.
        check_head = not heads.isdisjoint(self.agentive) or len(required) == 1
        ranking = Ranking(
            self,
            met,
            reads,
            seen,
            {w: (w in optional_set, weights[w], full_weight[w]) for w in query},
            required_weight,
            len(required),
            min(1 if len(required) <= 2 else 2, len(required)),
            head if check_head else None,
            frozenset(heads),
            hidden,
            top,
        )
        return ranking, corrected


class Ranking:
    """The titles a query's words met, scored, best first: (position, (score, head noun
    found)), ties in the order the titles were met.

    Most titles are met by one word ("engineer" alone, for "sofware enginer"), and those are
    scored in posting-list order: lightest first, so the best score the rest of a list could
    reach only falls. A list is left once that is below the `top`-th best score so far; such a
    title can never be among the first `top`, and `everything()` scores them only if asked.
    """

    def __init__(
        self,
        tables: TitleTables,
        met: dict[str, dict[int, float]],
        reads: list[tuple[str, list[int]]],
        seen: dict[int, float],
        per_word: dict[str, tuple[bool, float, float]],  # word -> (optional, weight, full)
        required_weight: float,
        required_count: int,
        need: int,
        head: str | None,  # the head noun a title must have, if it must
        heads: frozenset[str],  # ... and its readings
        hidden: frozenset[str],
        top: int,
    ) -> None:
        self._tables = tables
        self._met = met
        self._seen = seen
        self._per_word = per_word
        self._required_weight = required_weight
        self._required_count = required_count
        self._head = head
        self._heads = heads
        self._hidden = hidden
        self._scores: dict[int, tuple[float, bool]] = {}
        self._best: list[float] = []  # the `top` best scores so far, a min-heap
        self._top = top
        counted: set[int] = set()
        self._several: set[int] = set()  # titles met by more than one word
        for qualities in met.values():
            self._several |= qualities.keys() & counted
            counted.update(qualities.keys())
        for position in self._several:
            self._score_several(position, need)
        # The reads of required words, for the titles met by one word alone.
        self._left = (
            [_Read(word, read) for word, read in reads if read and not per_word[word][0]]
            if need == 1
            else []
        )
        self.complete = self._score_single(prune=True)
        self._ranked = self._rank()

    @property
    def ranked(self) -> list[tuple[int, tuple[float, bool]]]:
        """The titles scored so far, best first: every one that can be among the first `top`."""
        return self._ranked

    def more_than(self, count: int) -> bool:
        """Whether more than `count` titles were scored, or could be."""
        return len(self._ranked) > count or not self.complete

    def everything(self) -> list[tuple[int, tuple[float, bool]]]:
        """Every title met, scored, best first."""
        if not self.complete:
            self.complete = self._score_single(prune=False)
            self._ranked = self._rank()
        return self._ranked

    def _rank(self) -> list[tuple[int, tuple[float, bool]]]:
        scores = self._scores
        return sorted(
            [(p, scores[p]) for p in self._seen if p in scores], key=_score_of, reverse=True
        )

    def _keep(self, position: int, score: float, head_ok: bool) -> None:
        self._scores[position] = (score, head_ok)
        best = self._best
        if len(best) < self._top:
            heapq.heappush(best, score)
        elif score > best[0]:
            heapq.heapreplace(best, score)

    def _head_ok(self, position: int) -> bool:
        return not self._heads.isdisjoint(self._tables.entry_heads(position))

    def _score_several(self, position: int, need: int) -> None:
        """A title met by several words: weighted recall of the query, precision of the title."""
        tables = self._tables
        if self._hidden and tables.entry_list[position].text in self._hidden:
            return
        covered_required = covered_optional = covered = 0.0
        matched = 0
        lowest = 1.0
        found = False  # the head noun is among the words met
        for word, qualities in self._met.items():
            quality = qualities.get(position)
            if quality is None:
                continue
            is_optional, weight, full = self._per_word[word]
            if is_optional:
                covered_optional += weight * quality
            else:
                covered_required += weight * quality
                matched += 1
            covered += full * quality
            if quality < lowest:
                lowest = quality
            found = found or word == self._head
        if matched < need or not matched:
            return
        recall = (covered_required + covered_optional) / (self._required_weight + covered_optional)
        precision = covered / tables.entry_weight[position]
        if precision > 1.0:
            precision = 1.0
        score = 100.0 * (0.62 * recall + 0.38 * precision)
        if (
            matched == self._required_count
            and len(tables.entry_list[position].words) == self._required_count
        ):
            score += 3.0 * lowest
        score = _capped(score + tables.entry_bonus[position])
        head_ok = self._head is None or (found and self._head_ok(position))
        if not head_ok and score > HEADLESS_CAP:
            score = HEADLESS_CAP
        self._keep(position, score, head_ok)

    def _score_single(self, prune: bool) -> bool:
        """Score titles met by one required word, each read from where it was left; with
        `prune`, leave a read where no title of its rest could be among the first `top`.
        Returns whether every read was scored to its end."""
        tables = self._tables
        entry_weight, entry_bonus, entry_list = (
            tables.entry_weight,
            tables.entry_bonus,
            tables.entry_list,
        )
        hidden, several, scores, best, top = (
            self._hidden,
            self._several,
            self._scores,
            self._best,
            self._top,
        )
        one_word = self._required_count == 1
        complete = True
        for left in self._left:
            word, read = left.word, left.titles
            qualities = self._met[word]
            _, weight, full = self._per_word[word]
            most = max(qualities.values())
            # The most a title of this read can score: its best reading, the largest bonus.
            reach_recall = 0.62 * (weight * most / self._required_weight)
            reach_bonus = tables.most_bonus + (3.0 * most if one_word else 0.0) + REACH_MARGIN
            is_head = self._head is None or word == self._head
            for index in range(left.done, len(read)):
                position = read[index]
                if position in several or position in scores:
                    continue
                if prune and len(best) >= top:
                    reach = 100.0 * (
                        reach_recall + 0.38 * min(1.0, full * most / entry_weight[position])
                    )
                    if reach + reach_bonus < best[0]:
                        left.done = index
                        complete = False
                        break
                if hidden and entry_list[position].text in hidden:
                    continue
                quality = qualities[position]
                precision = full * quality / entry_weight[position]
                if precision > 1.0:
                    precision = 1.0
                score = 100.0 * (
                    0.62 * (weight * quality / self._required_weight) + 0.38 * precision
                )
                if one_word and len(entry_list[position].words) == 1:
                    score += 3.0 * quality
                score = _capped(score + entry_bonus[position])
                head_ok = self._head is None or (is_head and self._head_ok(position))
                if not head_ok and score > HEADLESS_CAP:
                    score = HEADLESS_CAP
                if prune:
                    self._keep(position, score, head_ok)
                else:
                    scores[position] = (score, head_ok)
            else:
                left.done = len(read)
        return complete


@dataclass(slots=True)
class _Read:
    """One word's read of a posting list, and how much of it has been scored."""

    word: str
    titles: list[int]
    done: int = 0


def _capped(score: float) -> float:
    return 99.0 if score > 99.0 else score


def _score_of(item: tuple[int, tuple[float, bool]]) -> float:
    return item[1][0]
