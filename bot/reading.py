"""One title or several? The rule for "Operator, Forklift" versus "nurse, teacher".

Commas, slashes, "&" and "and" separate titles in "nurse, teacher and plumber", but sit inside
one title in "Operator, Forklift", "Claims Adjusters, Examiners, and Investigators" and
"Supervisor, Night Shift Warehouse". The parse offers both readings of each such segment
(`Intent.groups`); this module picks one: several titles only when the parts resolve better
apart than the whole does together. "vs", "versus", "compared to" and "or" always separate.
Both `Careerbot.answer` and `Careerbot.match` call `choose_reading`, so the bot and
`careerbot match --jsonl` agree.
"""

from __future__ import annotations

from typing import Protocol

from bot.descriptions import is_description
from bot.parsing import Intent
from bot.resolver import Resolution, Status
from bot.titlescore import INFERRED_SCORE
from bot.titletext import FUNCTION_WORDS

EXACT = 100.0  # the score of a title found as written (fuzzy matches score at most 99)


class Resolves(Protocol):
    def resolve(self, text: str, limit: int = 5) -> Resolution: ...

    def generic_head(self, text: str) -> bool: ...

    def names_worker(self, text: str) -> bool: ...


def _quality(resolution: Resolution) -> float:
    rank = {Status.MATCHED: 2, Status.AMBIGUOUS: 1, Status.UNKNOWN: 0}[resolution.status]
    best = resolution.best
    return rank * 100.0 + (best.score if best else 0.0)


def one_title(
    whole: Resolution, parts: list[Resolution], generic: bool = False, qualifier: bool = False
) -> bool:
    """Whether the unsplit text reads better as one title than its parts as several.
    `generic`: a part is a bare worker noun many occupations share ("Supervisor, ...");
    `qualifier`: a part names no worker and is no known title ("..., Transportation")."""
    if whole.status is Status.UNKNOWN or whole.best is None:
        return False
    if whole.best.score >= EXACT:
        return True  # a known title as written or turned round: "Clerk, Payroll"
    if " or " in f" {whole.text} ":
        # "A or B" offers alternatives, unless it is a title as written or A only modifies
        # B's worker ("Fruit or Nut Crops Farm Manager": qualifier set by the caller).
        return qualifier and whole.headed
    known = [
        p.best.code[:7] for p in parts if p.best is not None and p.status is not Status.UNKNOWN
    ]
    if len(known) == len(parts) and len(set(known)) == 1:
        return True  # "Host/Hostess": every part names the same occupation
    if (generic or qualifier) and whole.headed:
        # "Supervisor, Paving Crew", "Civil Engineer, Transportation": the whole is a title
        # about the worker noun, the other part only says which.
        return True
    if all(p.status is Status.MATCHED for p in parts):
        return False  # "nurse, teacher": each part is a title on its own
    return _quality(whole) >= min(_quality(p) for p in parts)


def choose_reading(intent: Intent, index: Resolves) -> list[Resolution]:
    """The resolutions of the titles the message asks about, in order."""
    titles = list(intent.titles)
    if len(titles) > 1 and is_description(titles[0]):
        # "someone who fixes cars or trucks" is one description, whatever "or" split off.
        return [index.resolve(" ".join(titles))]
    if not intent.groups:
        return [index.resolve(title) for title in titles]
    out: list[Resolution] = []
    for whole_text, part_texts in intent.groups:
        parts = [index.resolve(part) for part in part_texts]
        if len(parts) > 1:
            whole = index.resolve(whole_text)
            # Employers invert titles as "Supervisor, Paving Crew": a bare worker noun, a comma.
            first = part_texts[0]
            after = whole_text[whole_text.find(first) + len(first) :].lstrip()
            comma = after.startswith((",", "/"))  # "Dishwasher/Utility" as "Cook, Line"
            # The rest must not name workers of its own: "teacher, librarian, counselor".
            generic = (
                comma
                and index.generic_head(first)
                and not any(index.names_worker(text) for text in part_texts[1:])
            )
            # A split inside brackets broke one title: "HVAC Journeyman (Heating, Ventilation,
            # and Air Conditioning Journeyman)".
            if any(text.count("(") > text.count(")") for text in part_texts):
                out.append(whole)
                continue
            coordinated = (
                " or " in f" {whole_text} "
                and not index.names_worker(first)
                # A field read as its worker is a title of its own: "phlebotomy or surgical tech".
                and (parts[0].best is None or parts[0].best.score < INFERRED_SCORE)
                # A worker's name mistyped is still one: "cosmotologist or barber".
                and parts[0].status is not Status.MATCHED
                and index.names_worker(part_texts[-1])
            )
            qualifier = coordinated or (
                comma
                and any(
                    not index.names_worker(text) and (part.best is None or part.best.score < EXACT)
                    for text, part in zip(part_texts, parts, strict=True)
                )
            )
            if one_title(whole, parts, generic, qualifier):
                out.append(whole)
                continue
            if _slash_pair(whole_text, part_texts) and _one_job(parts):
                # The surer name; on a tie the second, which carries the department after it
                # ("Meat Cutter / Butcher - Grocery", "Drafter / CAD Technician - Civil").
                out.append(max(reversed(parts), key=_quality))
                continue
            parts = _without_chatter(whole_text, part_texts, parts, index)
        out.extend(parts)
    return out


def _slash_pair(whole: str, texts: tuple[str, ...]) -> bool:
    """Two names joined by a slash alone: "Meat Cutter / Butcher", "electrician/plumber"."""
    if len(texts) != 2:
        return False
    start = whole.find(texts[0]) + len(texts[0])
    between = whole[start : whole.find(texts[1], start)]
    return between.strip() == "/"


def _one_job(parts: list[Resolution]) -> bool:
    """Whether two names an employer joins with a slash are one job: the same SOC broad
    occupation ("Drywall Hanger/Finisher": drywall installers, tapers), or one's occupation
    among the other's first two. "electrician/plumber" names two (47-2111, 47-2152)."""
    first, second = parts
    if first.best is None or second.best is None:
        return False
    if Status.UNKNOWN in (first.status, second.status):
        return False
    a, b = first.best.code, second.best.code
    if a[:6] == b[:6]:
        return True
    return a in {c.code for c in second.candidates[:2]} or b in {
        c.code for c in first.candidates[:2]
    }


def _without_chatter(
    whole: str, texts: tuple[str, ...], parts: list[Resolution], index: Resolves
) -> list[Resolution]:
    """A comma after a title often starts talk about it, not another title: "narc with the
    county task force, burning out", "DA at a dental office, want more $$". A later part that
    names no worker and that the index is not sure of is dropped when the title before it was
    found; "or" and "vs" still offer alternatives, and a typed list of titles keeps them
    ("nurse, techer": a title once its typo is put right)."""
    if parts[0].status is not Status.MATCHED or " or " in f" {whole} ":
        return parts
    kept = [parts[0]]
    for text, part in zip(texts[1:], parts[1:], strict=True):
        after_comma = whole[: whole.find(text)].rstrip().endswith(",")
        talk = (
            part.status is not Status.MATCHED
            and not index.names_worker(text)
            and _talks(text)  # not a department: "Manager, Benefits & Leave Administration"
        )
        if not (after_comma and talk):
            kept.append(part)
    return kept


def _talks(text: str) -> bool:
    """Whether `text` reads as a person talking (a pronoun, a verb of wanting or feeling, a
    question mark, money or a bare number) rather than as the name of a department."""
    words = text.casefold().split()
    return any(w.strip(".,!") in _TALK or w.endswith("?") or "$" in w or w.isdigit() for w in words)


_TALK = FUNCTION_WORDS | frozenset(  # a word list reads best as text
    "im i'm me my mine you u your we our he she his her want wanna need get got getting paid "  # noqa: SIM905
    "money tired love hate looking asking thinking burning killing drying decent brutal "
    "yet lol idk haha tho though around anymore".split()
)
