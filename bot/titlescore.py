"""Scoring a taken-apart title against the index: which occupations it fits, how well.

1. Exact readings: the title as written, turned round ("Operator, Forklift" -> forklift
   operator; "Director of Nursing" -> nursing director), without rank words, with trainee words
   read as the occupation trained for, with abbreviations and aliases spelled out. The first
   reading that keeps every required word and is a known title wins.
2. One generic word ("engineer", "techer"): the occupations whose own title is about it.
3. Fuzzy (bot/fuzzymatch.py): titles sharing (spell-corrected) words.

Among occupations sharing a title, an occupation's own title (O*NET's or BLS's) comes first,
then curated lines, evidence, fit with the query's and the department's words, and jobs.
Confidence ("matched") needs every required word to be among the occupation's names, the
query's head noun in the title that matched, and a clear lead over any other title. A message
whose words no title is about ("summer", "i love pizza") is offered nothing (`Evidence`).

About 620 lines, on purpose: the three steps share one way of ranking a title's occupations
(`_rank_entry`) and one notion of confidence, and the rules that decide it (a trusted typo,
evidence of a job) belong beside it; apart, each would have to re-derive the others' tables.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from rapidfuzz.distance import OSA, Hamming

from bot.fuzzymatch import (
    AMBIGUOUS_SCORE,
    MATCH_SCORE,
    UNKNOWN_WORD_WEIGHT,
    FuzzyMatch,
)
from bot.normalize import singular
from bot.titletables import KIND_WEIGHT, TitleEntry
from bot.titletext import (
    FILLER,
    FUNCTION_WORDS,
    RANKS,
    STOP,
    TRAINEES,
    TitleText,
    head_noun,
    of_inverted,
    strip_ranks,
)

CLEAR_LEAD = 6.0
CLEAR_RANK = 0.5  # rank points by which a shared title's first occupation must lead to answer
DOMINANT = 4.0  # ... or how many times the jobs of any other it must have
COMMON_TITLE_WORD = 60  # a spell-corrected word used by this many titles is trusted
CLEAR_TYPO = 0.85  # ... or one this close: a letter off in a long word ("hygenist")
TYPICAL_WEIGHT = 0.6  # rank points for an occupation whose names use the query's words often
HINT_WEIGHT = 1.5  # rank points per unit of department words found in an occupation's names
FALLBACK_SCORE = AMBIGUOUS_SCORE + 8.0  # a part of the title alone is a known title
EXCLUDED_PENALTY = 12.0  # a title that rules out the query's words ("Except Special Education")
INFERRED_SCORE = 99.0  # a field read as its worker ("pipefitting"): sure, but not as written
RESPELLED_SCORE = 99.0  # a known title once its clear typos are put right: as good as written
TOP_ENTRIES = 40  # fuzzy-matched titles read for their occupations
SHOWN_CODES = 12  # occupations a fuzzy match ranks and returns


class Evidence(StrEnum):
    """What a fuzzily matched message must contain to be offered any occupation."""

    NONE = "none"  # a trainee's or a "guy"'s field, a department: the modifiers are the job
    WORK_WORD = "work word"  # plain words: one that work is named by (`_is_work_word`)
    TITLE_HEAD = "title head"  # a sentence about someone: a title's head noun as typed


@dataclass(frozen=True)
class Reading:
    words: tuple[str, ...]
    covers: bool  # keeps every required word: an exact hit is an answer
    # Read through a field's worker ("retail banking" as retail banker): an answer, but not a
    # title found as written, so it scores below one (bot/reading.py: EXACT).
    inferred: bool = False


@dataclass(frozen=True)
class Scored:
    candidates: list[tuple[str, str, float]]  # (code, title that matched, score), best first
    confident: bool
    headed: bool = True  # the first title is about the query's head noun
    head: str = ""  # the query's head noun
    unexplained: tuple[str, ...] = ()  # required words the first occupation's names lack
    respelled: str = ""  # the title found once clear typos were put right ("career counselor")


class TitleScorer(FuzzyMatch):
    """A taken-apart title's readings, looked up exactly, then generically, then fuzzily."""

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
                out.append(Reading(agented, True, inferred=not query.trainee))
        if core and not query.trainee and self._field_of_an_occupation(core):
            # "pest control", "drywall": the work an occupation's own title names, without
            # its worker; read as that work's worker ("Pest Control Worker", "Drywall Worker").
            out.append(Reading((*core, "worker"), True, inferred=True))
        out += [Reading(inner, False) for inner in query.inner]
        seen: set[tuple[str, ...]] = set()
        unique = []
        for reading in out:
            if reading.words and reading.words not in seen:
                seen.add(reading.words)
                unique.append(reading)
        return unique

    def _field_of_an_occupation(self, words: tuple[str, ...]) -> bool:
        """Whether `words` name no worker but begin an occupation's own title ("pest control"
        of "Pest Control Workers"); chit-chat ("summer") and a word deeper in one ("car" of
        "Tank Car, Truck, and Ship Loaders") do not."""
        if any(w in self.agentive for w in words):
            return False
        if self._official_texts is None:  # on first use: one string to search, not 1,800
            self._official_texts = "".join(
                f"\n{entry.text} " for entry in self.entry_list if entry.official
            )
        return f"\n{' '.join(words)} " in self._official_texts

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
        plural = len(literal) <= 5 and literal.endswith("s") and literal[:-1] in self.aliases
        if literal in self.aliases or plural:  # "pas": physician assistants, as "pa" is
            out.append((self.aliases[literal[:-1] if plural else literal], False))
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
        base = self._rejoined(of_inverted(base) or base)
        # Function words stay: a title does not explain "there" in "hi there", so it is none.
        typed = tuple(w for w in strip_ranks(base) if w not in STOP and w not in FILLER)
        words = tuple(part for word in self._spell_out(typed) for part in self._unjoined(word))
        # The head is read from the words as typed, then spelled out: a short form's own "of"
        # ("boh" = back of house) does not make its first word the head of "boh cook".
        typed_head = head_noun(tuple(w for w in typed if w not in FUNCTION_WORDS) or typed)
        head = (self._spell_out((typed_head,)) or ("",))[-1]
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

    def _rejoined(self, words: tuple[str, ...]) -> tuple[str, ...]:
        """One title word typed as two ("mill right" -> millwright, "care giver"): joined when
        no title has the two side by side and joined they are a title word, or a clear typo
        of one. "fire fighter" stays: O*NET writes it so too."""
        out: list[str] = []
        i = 0
        while i < len(words):
            pair = words[i : i + 2]
            if (
                len(pair) == 2
                and " ".join(pair) not in self.bigrams
                and not any(w in FUNCTION_WORDS or w in STOP or not w.isalpha() for w in pair)
            ):
                joined = "".join(pair)
                if len(joined) >= 6 and (
                    joined in self.postings
                    or (
                        min(map(len, pair)) >= 3
                        and any(q >= CLEAR_TYPO for _, q in self._correct(joined)[:1])
                    )
                ):
                    out.append(joined)
                    i += 2
                    continue
            out.append(words[i])
            i += 1
        return tuple(out)

    def _unjoined(self, word: str) -> tuple[str, ...]:
        """A run-together word as the words it joins ("dogcatcher" -> dog catcher), unless it is
        a title word or reads better as a typo of one: both words must be matched, not either."""
        if len(word) < 8 or word in self.postings:
            return (word,)
        parts = self.split_joined(word)
        if parts is None or any(q >= CLEAR_TYPO for _, q in self._correct(word)[:1]):
            return (word,)
        return parts

    def score(self, query: TitleText, hidden: frozenset[str] = frozenset()) -> Scored:
        required, optional, head = self.required(query)
        if all(w in FUNCTION_WORDS for w in required):
            return Scored([], False)  # "what about", "the second one": not a title at all
        fallback: list[tuple[str, str, float]] = []
        readings = self.readings(query)
        for reading in readings:
            if not any(w not in STOP and w not in FUNCTION_WORDS for w in reading.words):
                continue
            for key, guessed in self.keys(reading.words):
                entry = self.entries.get(key)
                if entry is None or key in hidden:
                    continue
                if reading.covers:
                    top = INFERRED_SCORE if reading.inferred else 100.0
                    ranked, clear = self._rank_entry(entry, required, top, optional, hidden)
                    return Scored(ranked, clear and not guessed)
                if not fallback:
                    fallback, _ = self._rank_entry(
                        entry, required, FALLBACK_SCORE, optional, hidden
                    )
        # A word's spellings are worked out once per question (a typo's search of the
        # vocabulary is a good part of resolving it).
        spelled: dict[str, list[tuple[str, float]]] = {}
        for reading in readings:
            if reading.covers and len(reading.words) > 1:
                exact = self._respelled(reading.words, required, optional, hidden, spelled)
                if exact is not None:
                    return exact
        if len(required) == 1 and not optional and not fallback:
            spelled[required[0]] = self._correct(required[0])
            generic, confident = self._generic(required[0], spelled[required[0]], hidden)
            if generic:
                return Scored(generic, confident)
        return self._fuzzy_scored(
            required, optional, head, hidden, fallback, spelled, self._evidence(query, optional)
        )

    def _respelled(
        self,
        typed: tuple[str, ...],
        required: list[str],
        optional: list[str],
        hidden: frozenset[str],
        spelled: dict[str, list[tuple[str, float]]],
    ) -> Scored | None:
        """A known title once its clear typos are put right: "career couselor" is a career
        counselor, not any counselor the fuzzy match favours. Only typos trusted as such
        (`_trusted_typo`) are put right, and only when every other word is a title word."""
        words: list[str] = []
        for word in typed:
            if word in self.postings or word in FUNCTION_WORDS:
                words.append(word)
                continue
            if len(word) < 5:
                return None  # too short to correct surely ("nyc")
            if word not in spelled:
                spelled[word] = self._correct(word)
            best = spelled[word][:1]
            if not best or not self._trusted_typo(best[0][0], best[0][1], word):
                return None
            words.append(best[0][0])
        if tuple(words) == typed:
            return None
        for key, guessed in self.keys(tuple(words)):
            entry = self.entries.get(key)
            if entry is not None and key not in hidden:
                fixed = [spelled[w][0][0] if spelled.get(w) else w for w in required]
                ranked, clear = self._rank_entry(entry, fixed, RESPELLED_SCORE, optional, hidden)
                return Scored(ranked, clear and not guessed, respelled=" ".join(words))
        return None

    @staticmethod
    def _evidence(query: TitleText, optional: list[str]) -> Evidence:
        """What a fuzzily matched message must show to be offered any job: plain words
        ("summer") a work word; a sentence about someone ("i got fired") a title's head as
        typed; a trainee's or a "guy"'s field, or a department, nothing more."""
        if optional or query.worker_implied:
            return Evidence.NONE
        return Evidence.TITLE_HEAD if query.sentence else Evidence.WORK_WORD

    def _rank_entry(
        self,
        entry: TitleEntry,
        required: list[str],
        score: float,
        optional: Iterable[str] = (),
        hidden: frozenset[str] = frozenset(),
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
        codes, display = entry.codes, entry.display
        if len(entry.words) == 1:
            codes, display = dict(codes), dict(display)
            for code in self.heads.get(head, ()):
                codes.setdefault(code, 0.0)
                display.setdefault(code, self.occupation_titles[code])
        typical = self._typical(required, codes, hidden)
        hints = self._hints(list(optional), codes, hidden)
        # Run for every title a fuzzy match reads: plain loops and locals keep it cheap.
        official, prior, title_words = entry.official, self.prior, self.title_words
        curated = KIND_WEIGHT["curated"]
        whole = len(entry.words) > 1 and not hints
        ranks: dict[str, float] = {}
        for code, evidence in codes.items():
            ranks[code] = (
                (10.0 if code in official else 0.0)
                + (8.0 if evidence >= curated else 0.0)
                + min(evidence, 2.5) / 2.5
                + 2.0 * prior(code)
                + (1.0 if head in title_words[code] else 0.0)
                # Its own title says every word: "game designer" -> Video Game Designers
                # (unless a department says which: "Research Scientist - Molecular Biology").
                + (1.0 if whole and title_words[code].issuperset(entry.words) else 0.0)
                + TYPICAL_WEIGHT * typical.get(code, 0.0)
                + HINT_WEIGHT * hints.get(code, 0.0)
            )
        ranked = sorted(codes, key=ranks.__getitem__, reverse=True)
        # A title several occupations share answers when the first is clearly ahead, or the
        # next is its sibling ("bus driver": school or transit, SOC minor group 53-30).
        clear = (
            len(ranked) == 1
            or len(entry.words) == 1
            or ranked[0] in entry.official
            or ranks[ranked[0]] - ranks[ranked[1]] >= CLEAR_RANK
            or ranked[0][:5] == ranked[1][:5]
            # By far the most common meaning: "surgical tech" are surgical technologists.
            or self.employment.get(ranked[0], 0)
            >= DOMINANT * max(self.employment.get(code, 0) for code in ranked[1:])
        )
        # An occupation BLS counts no civilian jobs for (the military's) is an unlikely
        # meaning of a title it shares or borrows ("Team Member"): only by its own title.
        if self.employment.get(ranked[0], 0) == 0 and ranked[0] not in entry.official:
            clear = False
        return [
            (code, display[code], score if i == 0 else round(score - 5.0, 1))
            for i, code in enumerate(ranked)
        ], clear

    def _typical(
        self, required: list[str], codes: Iterable[str], hidden: frozenset[str] = frozenset()
    ) -> dict[str, float]:
        """0..1 per code: how much of the query's weight its names use repeatedly ("forklift"
        is in many titles of industrial truck operators, once among construction's)."""
        wanted = set(codes)
        if len(wanted) < 2:
            return {}
        total = sum(self.idf.get(w, UNKNOWN_WORD_WEIGHT) for w in required) or 1.0
        out: dict[str, float] = defaultdict(float)
        for word in required:
            counts = self._word_codes(word, hidden)
            for code in wanted.intersection(counts):
                out[code] += self.idf[word] * min(1.0, counts[code] / 3.0) / total
        return out

    def _hints(
        self, optional: list[str], codes: Iterable[str], hidden: frozenset[str] = frozenset()
    ) -> dict[str, float]:
        """0..2 per code: how much of the department or bracket words ("Instructor - English")
        its names use, twice when its own title does."""
        if not optional:
            return {}
        total = sum(self.idf.get(w, UNKNOWN_WORD_WEIGHT) for w in optional) or 1.0
        out: dict[str, float] = {}
        for code in codes:
            vocabulary = self.vocabulary(code, hidden) - self.excluded.get(code, set())
            own = self.title_words[code]
            found = sum(self.idf.get(w, 0.0) * ((w in vocabulary) + (w in own)) for w in optional)
            if found:
                out[code] = found / total
        return out

    def _generic(
        self, word: str, spellings: list[tuple[str, float]], hidden: frozenset[str]
    ) -> tuple[list[tuple[str, str, float]], bool]:
        """One generic word ("manager", "mechanics", "techer"): the occupations whose own
        title is about that word, most jobs first.

        Also says whether to answer without asking: a word spelled as in the titles, a clear
        typo ("hygenist"), or a typo of a word many titles use ("nurce"). A typo's nearest
        rare word ("burgers" -> "bugler") is more likely not a job at all, so that only earns
        a "did you mean".
        """
        for corrected, quality in spellings[:1]:
            confident = self._trusted_typo(corrected, quality, word)
            entry = self.entries.get(corrected)
            if entry is not None and quality >= 0.8 and corrected not in hidden:
                score = round(90.0 * quality + 10.0 * (quality == 1), 1)
                return self._rank_entry(entry, [corrected], score, (), hidden)[0], confident
            codes = self.heads.get(corrected)
            if codes and quality >= 0.8:
                ranked = sorted(codes, key=self.prior, reverse=True)
                score = round(90.0 * quality, 1)
                # Only military occupations are about it ("member"): a guess, not an answer.
                confident &= self.employment.get(ranked[0], 0) > 0
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
        spelled: Mapping[str, list[tuple[str, float]]],
        evidence: Evidence = Evidence.NONE,
    ) -> Scored:
        ranking, corrected = self._fuzzy(required, optional, head, hidden, TOP_ENTRIES, spelled)
        # A typo can touch a thousand titles and only the best few dozen are read; the rest
        # only if the runner-up is not among the first.
        ranked_entries = ranking.ranked[:TOP_ENTRIES]
        if not ranked_entries or ranked_entries[0][1][0] < AMBIGUOUS_SCORE:
            modifiers = tuple(w for w in required if w != head and w not in FUNCTION_WORDS)
            return Scored(fallback, False, False, head, modifiers)
        if evidence is not Evidence.NONE and not any(
            self._is_work_word(w, corrected, hidden, evidence) for w in required
        ):
            # "summer", "the weather", "i love pizza": words that only modify titles ("Summer
            # Associate", "Pizza Maker") are no evidence of a job; no "did you mean".
            return Scored([], False, False, head, ())
        best_position, (best_score, head_ok) = ranked_entries[0]
        best_entry = self.entry_list[best_position]
        # Ambiguity is between title strings: codes sharing the best title are ranked like an
        # exact match, and only a different title scoring close to it makes us ask.
        runner_up = self._runner_up(ranked_entries, best_entry, head_ok)
        if runner_up is None and ranking.more_than(len(ranked_entries)):
            runner_up = self._runner_up(ranking.everything(), best_entry, head_ok)
        lead = best_score - (runner_up or 0.0)
        by_code: dict[str, tuple[str, float]] = {}
        bar = -math.inf  # the SHOWN_CODES-th best value in by_code, once it has that many
        for position, (score, _) in ranked_entries:
            shown_score = round(score, 1)  # what this title's codes get at most
            if shown_score < bar:
                break  # no code of this title or a later one can reach the shown list
            entry = self._steered(self.entry_list[position], len(required), hidden)
            if len(entry.words) > 1 and all(
                code in by_code and by_code[code][1] >= shown_score for code in entry.codes
            ):
                continue  # its codes are all shown at least this high: it cannot change them
            ranked, _ = self._rank_entry(entry, required, shown_score, optional, hidden)
            for code, shown, value in ranked:
                if code not in by_code or by_code[code][1] < value:
                    by_code[code] = (shown, value)
            if len(by_code) >= SHOWN_CODES:
                bar = sorted([value for _, value in by_code.values()], reverse=True)[
                    SHOWN_CODES - 1
                ]
        for code, shown, value in fallback:
            if code not in by_code or by_code[code][1] < value:
                by_code[code] = (shown, value)
        # Names that leave a required word unexplained rank lower and never answer alone.
        top = sorted(by_code.items(), key=lambda item: item[1][1], reverse=True)[:SHOWN_CODES]
        adjusted = []
        for code, (shown, value) in top:
            share = self._accounted(code, required, corrected, hidden)
            # "… Except Special Education" is not what "special education …" asks for
            ruled_out = EXCLUDED_PENALTY if self._rules_out(code, required, optional) else 0.0
            adjusted.append((code, shown, value - 8.0 * (1.0 - share) - ruled_out, share))
        adjusted.sort(key=lambda item: item[2], reverse=True)
        first = adjusted[0]
        confident = (
            head_ok
            and first[3] >= 0.999
            and first[0] in best_entry.codes
            and best_score >= MATCH_SCORE
            and lead >= CLEAR_LEAD
            and all(self._trusted_spelling(w, corrected, best_entry.words) for w in required)
        )
        headed = head_ok and first[0] in best_entry.codes
        vocabulary = self.vocabulary(first[0], hidden)
        unexplained = tuple(
            w
            for w in required
            if w not in FUNCTION_WORDS
            and not any(o in vocabulary for o, _ in corrected.get(w) or [(w, 1.0)])
        )
        return Scored([(c, s, v) for c, s, v, _ in adjusted], confident, headed, head, unexplained)

    def _rules_out(self, code: str, required: list[str], optional: list[str]) -> bool:
        """Whether the occupation's own title says "Except" words the query asks for."""
        excluded = self.excluded.get(code)
        return excluded is not None and not excluded.isdisjoint([*required, *optional])

    def _trusted_spelling(
        self, word: str, corrected: Mapping[str, list[tuple[str, float]]], title: tuple[str, ...]
    ) -> bool:
        """Whether `word` is in the matched title as typed, as a clear typo, or as the typo of a
        word many titles use: a rare short word a letter away ("lakers" -> "Lacer") is as likely
        no job at all, so it earns a "did you mean", not an answer (as in `_generic`)."""
        if word in self.postings:
            return True
        return any(
            self._trusted_typo(option, quality, word)
            for option, quality in corrected.get(word) or ()
            if option in title
        )

    def _trusted_typo(self, spelling: str, quality: float, typed: str) -> bool:
        """A spelling (`quality`: its similarity to what was typed) to answer with, not ask
        about: as typed or nearly ("hygenist"), two letters swapped ("deisel"), or a word many
        titles use ("nurce")."""
        return (
            quality >= CLEAR_TYPO
            or _swapped(typed, spelling)
            or len(self.postings.get(spelling, ())) >= COMMON_TITLE_WORD
        )

    def _is_work_word(
        self,
        word: str,
        corrected: Mapping[str, list[tuple[str, float]]],
        hidden: frozenset[str],
        evidence: Evidence,
    ) -> bool:
        """Whether a word, as typed or as corrected, is the head of a title ("nurse",
        "techer", "blacksmith"), a field an occupation's own title names ("music"), a word
        of many titles ("forklift"), or a curated short form; for `Evidence.TITLE_HEAD` only
        a curated form or a title's head as typed ("i love nursing")."""
        if len(word) < 2:
            return False  # "i": a level in titles ("Clerk I"), no job by itself
        if word in self.aliases or word in self.words or word in self.acronyms:
            return True
        if evidence is Evidence.TITLE_HEAD:
            return self._heads_left(word, hidden) > 0
        return any(
            self._heads_left(spelling, hidden) > 0
            or spelling in self.agents
            or spelling in self.occupation_words
            or len(self.postings.get(spelling, ())) >= self.work_word_titles
            for spelling, _ in corrected.get(word) or [(word, 1.0)]
        )

    def _heads_left(self, word: str, hidden: frozenset[str]) -> int:
        """How many titles `word` heads, not counting those the evaluation hides."""
        count = self.head_counts.get(word, 0)
        if count and hidden:
            count -= sum(head_noun(tuple(text.split())) == word for text in hidden)
        return count

    def _steered(self, entry: TitleEntry, words: int, hidden: frozenset[str]) -> TitleEntry:
        """The title a curated alias says this one means, if any: "project manger" spelled
        right means what "project manager" does (Project Management Specialists), not
        whichever of its O*NET occupations ranks first. Only for a title as long as the
        query (`words`): "nurse administrator" is not steered by what "administrator" alone
        means."""
        if len(entry.words) != words:
            return entry
        target = self.aliases.get(entry.text)
        steered = self.entries.get(target) if target and target not in hidden else None
        return steered if steered is not None else entry

    def _runner_up(
        self,
        ranked_entries: list[tuple[int, tuple[float, bool]]],
        best_entry: TitleEntry,
        head_ok: bool,
    ) -> float | None:
        """The score of the best title that names other occupations than the best one."""
        best_codes = set(best_entry.codes)
        return next(
            (
                score
                for position, (score, agrees) in ranked_entries[1:]
                if (agrees or not head_ok)
                and not set(self.entry_list[position].codes) <= best_codes
            ),
            None,
        )


def _swapped(typed: str, spelling: str) -> bool:
    """Two neighbouring letters typed the wrong way round ("deisel" for "diesel"): one slip
    of the fingers (one OSA edit), though similarity counts it as two changes (two letters
    differ, so it is no single wrong letter)."""
    return (
        len(typed) == len(spelling) >= 5
        and OSA.distance(typed, spelling) == 1
        and Hamming.distance(typed, spelling) == 2
    )
