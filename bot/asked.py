"""What a message asks, read before anything is answered: the question inside a chat message,
its titles and their resolutions, and the follow-up it may be.

`Careerbot` (bot/service.py) answers with these readings; `careerbot match` shows them
(`match`), so the CLI resolves a message's titles exactly as the bot reads them. Each reading
depends only on the words and the release, so it is remembered (`bot.memory`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import Any

from bot import advisor
from bot.conversation import followups, phrasing, question_first
from bot.conversation.answers import ConversationAnswers
from bot.memory import Kept
from bot.parsing import MAX_TITLES, Intent, IntentKind
from bot.payloads import resolution_json
from bot.reading import EXACT, choose_reading
from bot.resolver import Resolution, Status

# A title, then where the job is done: "powder monkey at a quarry", "csr at a call center".
_WORKPLACE_TAIL = re.compile(
    r"^(?P<title>.+?)\s+(?P<by>at|in|for|on|with)\s+(?:an?|the|my|our|a\s+local)\s+"
    r"(?P<place>[a-z][a-z .'&-]{2,40})$",
    re.IGNORECASE,
)
_DESCRIBED = re.compile(r"\b(?:who|that|which|where)\b")
_CLAUSE = re.compile(
    r"^(?:which|what|who|where|when|why|how|is|are|was|were|should|would|could|can|do|does|did"
    r"|will|it|it's|its|that|this|these|those|her|his|their|i|i'm|im|i've|he|she|they|we|you|just"
    r"|so|but"
    r"|\d+\s*(?:yrs?|years?|months?|mos?))\b"
)
# Words that start what is said about a job ("want more money", "worst job ever"): such a
# part is dropped only when nothing at all resolves in it ("want to retrain as a pharmacy
# technician" names one).
_SAID_ABOUT = re.compile(
    r"^(?:want|wants|wanna|need|needs|worst|best|thinking|hate|hates|love|loves|says|said|pays"
    r"|going|gonna|trying|been)\b"
)
_REQUEST = re.compile(r"^(?:(?:can|could|will|would)\s+(?:you|u)|(?:please\s+|pls\s+)?help\s+me)\b")
WEAK = 75  # a best candidate below this score is a guess, not a reading of the words


def _no_guess(found: Resolution) -> Resolution:
    """ "can you help me write my resume" is a request to the bot, not a title a weak match
    would make a "did you mean" of."""
    weak = found.best is not None and found.best.score < WEAK and found.status != Status.MATCHED
    if weak and _REQUEST.match(found.text.casefold()):
        return replace(found, status=Status.UNKNOWN, candidates=())
    return found


def _each_title(intent: Intent, rewrite: Callable[[str], str | None]) -> Intent:
    """`intent` with each title rewritten, in its groups too (None: the part is no title and
    is dropped); as it was when nothing changes or no title would be left."""
    new = {t: rewrite(t) for t in {*intent.titles, *(m for _, ms in intent.groups for m in ms)}}
    titles = tuple(t for t in (new[t] for t in intent.titles) if t is not None)
    if titles == intent.titles or not titles:
        return intent
    groups = []
    for text, members in intent.groups:
        left = tuple(m for m in (new[m] for m in members) if m is not None)
        if left:
            groups.append((text if left == members else ", ".join(left), left))
    kind = intent.kind if len(titles) > 1 else IntentKind.PROFILE
    return replace(intent, kind=kind, titles=titles, groups=tuple(groups))


class AskedReading(ConversationAnswers):
    """The readings of a message: its question, titles, follow-up and own job."""

    def _read_titles(self, text: str) -> tuple[Intent, list[Resolution]]:
        """The titles of `text` as written, or — when that reads worse — with its pay words
        taken out and a place named without "in" ("nurse salary texas": nurse, in Texas)."""
        best: tuple[Intent, list[Resolution]] | None = None
        best_score = -1
        tried: list[str] = []
        for candidate in self._readings(text):
            if not candidate or candidate in tried:
                continue
            tried.append(candidate)
            parsed = self._at_work(self._without_clauses(self.parse(candidate)))
            intent = self._shared_head(self._unjoined(parsed))
            resolutions = [_no_guess(r) for r in choose_reading(intent, self.index)]
            score = 2 * sum(r.status == Status.MATCHED for r in resolutions) + sum(
                r.status == Status.AMBIGUOUS for r in resolutions
            )
            if intent.titles and score == 2 * len(resolutions) and intent.place:
                # A place read into a title's words wins a tie, save a bare state code after
                # a comma in a title as written ("Technologist, CT": CT technologists).
                code = intent.place.casefold()
                inverted = len(code) == 2 and f", {code}" in text.casefold()
                score += 0 if inverted and best_score == score else 1
            if score > best_score:
                best, best_score = (intent, resolutions), score
            # Titles as written, every word of them: nothing to take out ("alarm installer nyc"
            # is one letter off a title, so its place is read too).
            exact = all(r.best is not None and r.best.score >= EXACT for r in resolutions)
            if intent.titles and exact and all(r.status == Status.MATCHED for r in resolutions):
                break
        if best is None:  # nothing to read ("", "?")
            intent = self.parse(text)
            return intent, choose_reading(intent, self.index)
        intent, resolutions = best
        if len(intent.titles) == 1 and [r.status for r in resolutions] == [Status.UNKNOWN]:
            # No reading names a title: one with talk around it ("mortician school cost")?
            within = self.index.title_within(intent.titles[0])
            if within is not None:
                return intent, [within]
        return best

    def _readings(self, text: str) -> Iterator[str]:
        """`text` as written, then with a place named without "in", then also without its pay
        words: made one at a time, since most questions read right as written and the later
        ones each resolve several parts of the text."""
        yield text
        yield phrasing.place_in_words(
            text, self.places.find_loosely, self._names_titles, self._is_exact
        )
        unpaid = phrasing.without_pay_words(text)
        if unpaid != text:  # else the same reading as the one before
            yield phrasing.place_in_words(
                unpaid, self.places.find_loosely, self._names_titles, self._is_exact
            )
        where = _WORKPLACE_TAIL.match(text)
        if where is not None and self._is_workplace(where["place"], where["by"]):
            yield where["title"]  # "cma at a pediatric office": where the job is done

    def _is_workplace(self, words: str, by: str) -> bool:
        """Whether the words after "at a"/"for a" name a workplace, not a person described
        ("the lady at the library who does story time") or, after "for", a job ("career path
        for a graphic designer"; "the IT guy at my office" is at a workplace)."""
        if _DESCRIBED.search(words) is not None:
            return False
        return by.casefold() != "for" or not self._is_exact(words)

    def _names_titles(self, text: str) -> bool:
        """Whether every title `text` names is matched surely: one ("nurse salary"), or a set
        ("software developer vs data scientist salary", before "seattle")."""
        if self._is_matched(text):
            return True
        intent = self.parse(text)
        return len(intent.titles) > 1 and all(self._is_matched(t) for t in intent.titles)

    def _read(self, text: str) -> phrasing.Said:
        return self.memory.recall(Kept.SAID, text, lambda: phrasing.read(text))

    def _follow_up(self, question: str) -> followups.FollowUp | None:
        return self.memory.recall(
            Kept.MOVE,
            question,
            lambda: followups.recognize(question, self.places.find_loosely, self._is_title),
        )

    def _unjoined(self, intent: Intent) -> Intent:
        """ "compare electrician plumber welder": titles listed without commas. A part that is
        no title surely as a whole, each of whose words is one as written ("and" aside), is those
        titles; more than the bot compares get its "up to four" answer."""
        if not intent.titles:
            return intent
        titles: list[str] = []
        for title in intent.titles:
            words = [w for w in title.split() if w not in ("and", "or", "&")]
            if (
                2 <= len(words) <= 2 * MAX_TITLES
                and self._no_title_surely(title)
                and all(self._is_exact(w) for w in words)
            ):
                titles.extend(words)
            else:
                titles.append(title)
        if len(titles) == len(intent.titles):
            return intent
        kind = IntentKind.COMPARE if len(titles) > 1 else intent.kind
        return replace(intent, kind=kind, titles=tuple(titles), groups=())

    def _at_work(self, intent: Intent) -> Intent:
        """ "pearl diver at a diner, worst job ever": a title, then where the job is done, as
        one of several parts of a message (the whole message is tried so in `_readings`)."""
        return _each_title(intent, self._without_workplace)

    def _without_workplace(self, title: str) -> str:
        where = _WORKPLACE_TAIL.match(title)
        if where is None or not self._is_workplace(where["place"], where["by"]):
            return title
        if self._is_matched(title) or not self._is_matched(where["title"]):
            return title
        return where["title"]

    def _without_clauses(self, intent: Intent) -> Intent:
        """ "psychologist vs psychiatrist, which one can prescribe meds?", "… a vet, is it
        worth the loans": a part of a list that starts as a clause does ("which", "is it",
        "her back hurts") and names no job surely is said about the titles, not one of them."""
        if len(intent.titles) < 2:
            return intent

        def kept(title: str) -> str | None:
            lowered = title.casefold()
            if _CLAUSE.match(lowered) and self._no_title_surely(title):
                return None
            if _SAID_ABOUT.match(lowered) and self.index.resolve(title).status == Status.UNKNOWN:
                return None
            return title

        return _each_title(intent, kept)

    def _no_title_surely(self, text: str) -> bool:
        """Unknown, or only a weak guess (no candidate near the words): "electrician plumber"
        is no title, "office manager" is one though O*NET files it under two occupations."""
        found = self.index.resolve(text)
        return found.best is None or (found.status != Status.MATCHED and found.best.score < WEAK)

    def _shared_head(self, intent: Intent) -> Intent:
        """ "civil vs mechanical vs electrical engineer", "high school teacher vs elementary":
        a bare modifier (one word that names no job surely by itself) shares the head noun of
        the set's other titles — the last one's first, else the first one's."""
        if len(intent.titles) < 2 or intent.groups:
            return intent
        heads = [
            t.split()[-1] for t in (intent.titles[-1], intent.titles[0]) if len(t.split()) >= 2
        ]
        if not heads:
            return intent
        titles = list(intent.titles)
        for i, title in enumerate(titles):
            if len(title.split()) != 1 or self.index.resolve(title).status == Status.MATCHED:
                continue
            for head in dict.fromkeys(heads):
                fuller = f"{title} {head}"
                if head != title and self.index.resolve(fuller).status == Status.MATCHED:
                    titles[i] = fuller
                    break
        return replace(intent, titles=tuple(titles))

    def _with_head(self, move: followups.FollowUp, asked: tuple[str, ...]) -> followups.FollowUp:
        """ "vs mechanical" after "civil engineer" is mechanical engineers, "what about high
        school" after "teacher" high school teachers: a bare modifier (one or two words) added
        to the set takes the head noun asked before, when the word alone names no job
        surely ("and practical?" after "registered nurse"), or when the set so far shares that
        head and word and head make a title as written ("and electrical?" after civil and
        mechanical engineers: electrical engineers, not electricians)."""
        if move.move not in (followups.Move.ADD, followups.Move.REPLACE) or not move.titles:
            return move
        word = move.titles[0]
        heads = tuple(dict.fromkeys(a.split()[-1] for a in asked if a.split()))
        if len(word.split()) > 2 or not heads:
            return move
        alone = self.index.resolve(word).status == Status.MATCHED
        shared = len(heads) == 1 and sum(len(a.split()) >= 2 for a in asked) >= 2
        for head in heads:
            fuller = f"{word} {head}"
            if head in word.casefold().split():
                continue
            if (shared and self._is_exact(fuller)) or (not alone and self._is_matched(fuller)):
                return replace(move, titles=(fuller, *move.titles[1:]))
        return move

    def _wants(self, said: phrasing.Said) -> str | None:
        """The job someone with a job wants: "… wants to become a wind turbine tech", or the
        one a how-to question names ("my aunt is a hairstylist, does she need a license to be
        a nail tech"); with their own job, a switch."""
        if said.wants is not None or not said.own_job or not said.question:
            return said.wants
        return advisor.becoming(self, said.question)

    def _about_own_job(self, said: phrasing.Said) -> bool:
        """Whether the question after a job the person named is about that job: it points back
        ("my uncle is a boilermaker, is that union work") or names no other job ("my gf is a
        hairstylist and wants to open her own salon")."""
        if not said.own_job or not said.question or self._own_job(said.own_job) is None:
            return False
        if phrasing.points_back(said.question):
            return True
        if advisor.is_list_question(said.question):
            return False  # "what jobs pay more": other jobs, not this one
        _, resolutions = self._read_titles(said.question)
        return all(r.status == Status.UNKNOWN for r in resolutions)

    def _own_job(self, said: str | None) -> str | None:
        """The person's job, when its words name one surely — or exactly, though O*NET lists
        the title under several occupations ("infantryman": its first)."""
        if not said:
            return None
        found = self.index.resolve(said)
        if found.best is None or found.status == Status.UNKNOWN:
            return None
        return found.best.code if found.status == Status.MATCHED or found.as_written else None

    def _is_title(self, text: str) -> bool:
        """Whether `text` could be a job title (for reading follow-ups): not a fragment, not a
        place ("in ohio"), and known to the title index."""
        if not phrasing.plain(text) or followups.is_function_words(text):
            return False
        words = text.casefold().split()
        if words[0] in ("in", "for", "near", "around"):
            return False
        if self.places.find(text) is not None:  # "pa": a title only as one as written
            return self._is_exact(text)
        return self.index.resolve(text).status != Status.UNKNOWN

    def _is_matched(self, text: str) -> bool:
        return self.index.resolve(text).status == Status.MATCHED

    def _is_exact(self, text: str) -> bool:
        """Whether `text` is a title as written (not merely close to one)."""
        found = self.index.resolve(text)
        return found.status == Status.MATCHED and found.as_written

    def _titles_asked(self, text: str) -> str:
        """The part of a message the bot reads titles from (`_turn`): without greetings, with
        chat spellings written out ("wanna"), the person's own job when that is all they said
        ("I'm a nurse"), the occupation an advisor question is about. Small talk and questions
        about the bot are left as typed: they resolve to one unknown side, as any text that
        names no job."""
        said = self._read(text)
        if said.small_talk or said.meta is not None or said.set_place is not None:
            return text
        wants = self._wants(said)
        if said.own_job and wants:  # "a cashier who wants to become an accountant"
            return f"switch from {said.own_job} to {wants}"
        asked = said.question or said.own_job or text
        move = self._follow_up(asked) if said.question else None
        if said.own_job and move is not None and move.move is followups.Move.HOWTO and move.titles:
            return f"switch from {said.own_job} to {move.titles[0]}"  # "I'm a cna, could I…"
        if said.own_job and (
            advisor.about_the_last(self, asked) or (move is not None and not move.titles)
        ):
            return said.own_job  # "my uncle is a boilermaker, do they make a lot?"
        if said.own_job and move is None and self._about_own_job(said):
            return said.own_job  # "… is that union work"
        if (
            move is not None
            and move.titles
            and move.move in (followups.Move.DETAIL, followups.Move.HOWTO)
        ):
            asked = move.titles[0]  # "what do surveyors actually do all day"
        asked = advisor.title_asked(self, asked) or asked  # "how long to become a pharmacist"
        return text if phrasing.plain(asked) == phrasing.plain(text) else asked  # as typed

    def match(self, text: str) -> dict[str, Any]:
        """The titles `text` names, resolved; a question about them ("…, which pays more?")
        is left out, as the bot answers it (`_set_question`)."""
        asked = self._titles_asked(text)
        both = question_first.split_read(text, asked, self.places.find_loosely, self._is_title)
        intent, resolutions = self._read_titles(both.titles if both else asked)  # as the bot
        sides = [resolution_json(r) for r in resolutions[:MAX_TITLES]]
        one = intent.kind == IntentKind.COMPARE and len(sides) == 1  # "Operator, Forklift"
        kind = IntentKind.PROFILE if one else intent.kind
        return {"query": text, "kind": kind, "sides": sides}
