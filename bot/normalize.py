"""Title normalisation shared by the title index and the queries it answers.

Both sides go through the same function, so a rule only has to be consistent, not
linguistically perfect: "nurses" and "nurse" meet at "nurse", "secretaries" and "secretary" at
"secretary", whatever the rule does to rarer words.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

IRREGULAR_PLURALS = {
    "men": "man",
    "women": "woman",
    "people": "person",
    "children": "child",
    "personnel": "personnel",
    "staff": "staff",
    "series": "series",
    "species": "species",
}
# Endings where a trailing "s" is not a plural ("analysis", "bus", "glass", "sales" stays).
KEEP_S = ("ss", "us", "is", "ics", "sales", "news", "arts", "ous", "ws")
# People, not fields, though they end in "ics": "elevator mechanics" must meet "Elevator
# Mechanic" ("physics", "logistics" and "electronics" stay as they are).
PEOPLE_IN_ICS = frozenset({"mechanics", "paramedics", "medics", "critics", "clerics", "academics"})

_PUNCTUATION = re.compile(r"[^a-z0-9+#]+")
_PARENTHESES = re.compile(r"\(([^)]*)\)")


def fold(text: str) -> str:
    """Lower case without accents; '&' becomes 'and'."""
    if text.isascii():  # nearly every title: nothing to decompose (a third of the index build)
        return text.lower().replace("&", " and ")
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return plain.casefold().replace("&", " and ")


@lru_cache(maxsize=65536)
def singular(word: str) -> str:
    if word in IRREGULAR_PLURALS:
        return IRREGULAR_PLURALS[word]
    if len(word) == 3 and word[2] == "s" and not set(word[:2]) & set("aeiouy"):
        return word[:2]  # "rns" -> "rn", "pas" stays
    if len(word) > 5 and word.endswith("men") and word[-4] not in "iouw":
        return word[:-3] + "man"  # "linemen", "firemen", "cameramen"; not "specimen", "abdomen"
    if word in PEOPLE_IN_ICS:
        return word[:-1]
    if len(word) <= 3 or word.endswith(KEEP_S):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "xes", "sses", "zes")):
        return word[:-2]
    if word.endswith("s"):
        return word[:-1]
    return word


def tokens(text: str) -> list[str]:
    return list(map(singular, _PUNCTUATION.sub(" ", fold(text)).split()))


def normalize(text: str) -> str:
    """The key two titles share when they mean the same to a reader: 'Nurses' == 'nurse'."""
    return " ".join(tokens(text))


def title_variants(title: str, short_name: bool = False) -> list[str]:
    """A title and its parenthesised alternative, each normalised.

    O*NET writes 'Patient Account Representative (Patient Account Rep)' and
    'CEO (Chief Executive Officer)': both halves are names people type. With `short_name`, an
    occupation title's part before the first comma is a name too.
    """
    return [" ".join(words) for words in title_variant_words(title, short_name)]


def title_variant_words(title: str, short_name: bool = False) -> list[tuple[str, ...]]:
    """The words of each of `title_variants`, for the index: singular() hands back one shared
    string per word, so the index's 50,000 titles hold one copy of each word between them."""
    if "(" in title:
        variants = [tuple(tokens(_PARENTHESES.sub(" ", title)))]
        variants += [tuple(tokens(inner)) for inner in _PARENTHESES.findall(title)]
    else:  # most titles (and a sixth of the index build)
        variants = [tuple(tokens(title))]
    if short_name and "," in title:
        first = title.split(",")[0].strip()
        if first.endswith("s"):
            # An occupation's own name before its qualifiers: "Substitute Teachers,
            # Short-Term". O*NET names occupations in the plural; "Transportation, Storage,
            # and Distribution Managers" or "Property, Real Estate, ..." begin with a list of
            # fields instead.
            variants.append(tuple(tokens(first)))
    if len(variants) == 1:
        return variants if variants[0] else []
    seen: list[tuple[str, ...]] = []
    for variant in variants:
        if variant and variant not in seen:
            seen.append(variant)
    return seen
