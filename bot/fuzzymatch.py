"""Fuzzy matching: the titles that share (spell-corrected) words with a query, scored.

A title's score is idf-weighted recall of the query's words (department and bracket words count
a little when they match, nothing when not) and precision over the title's own words, plus a
little for evidence and jobs; a title that is not about the query's worker noun is only a guess.
MaxScore pruning keeps it fast: words are read rarest first, and scans stop where no title could
reach the ambiguity threshold any more.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

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
                only = len(options) == 1  # then each title is met once: no better reading
                for replacement, quality in options:
                    for position in self.postings.get(replacement, ())[:cap]:
                        if entry_weight[position] > heaviest:
                            break
                        found = hits.get(position)
                        if found is None:
                            hits[position] = {word: quality}
                        elif only or found.get(word, 0.0) < quality:
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
        # The innermost loop of resolving (a typo can touch a thousand titles): one lookup
        # per word and plain comparisons instead of min() keep a misspelt title fast.
        per_word = {w: (w in optional_set, weights[w], full_weight[w]) for w in query}
        required_count = len(required)
        for position, found in hits.items():
            covered_required = covered_optional = covered = 0.0
            matched = 0
            lowest = 1.0
            for word, quality in found.items():
                is_optional, weight, full = per_word[word]
                if is_optional:
                    covered_optional += weight * quality
                else:
                    covered_required += weight * quality
                    matched += 1
                covered += full * quality
                if quality < lowest:
                    lowest = quality
            if matched < need or not matched:
                continue
            if hidden and entry_list[position].text in hidden:
                continue
            recall = (covered_required + covered_optional) / (required_weight + covered_optional)
            precision = covered / entry_weight[position]
            if precision > 1.0:
                precision = 1.0
            score = 100.0 * (0.62 * recall + 0.38 * precision)
            if matched == required_count and len(entry_list[position].words) == required_count:
                score += 3.0 * lowest
            score += entry_bonus[position]
            if score > 99.0:
                score = 99.0
            head_ok = not check_head or (
                head in found and not heads.isdisjoint(self.entry_heads(position))
            )
            if not head_ok:
                score = min(score, HEADLESS_CAP)
            scores[position] = (score, head_ok)
        return scores, corrected
