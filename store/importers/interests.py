"""O*NET 29.3 Interests (RIASEC profiles and high points), their illustrative activities, and
Work Values: what the interest quiz and its matches are built from."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from store.importers.tables import Row, SourceError, find_table, integer, number, read_rows, text

CODE = "O*NET-SOC Code"
# O*NET's RIASEC element ids, in the order its high-point codes number them (1..6).
RIASEC_ELEMENTS = {
    "1.B.1.a": ("realistic", 1),
    "1.B.1.b": ("investigative", 2),
    "1.B.1.c": ("artistic", 3),
    "1.B.1.d": ("social", 4),
    "1.B.1.e": ("enterprising", 5),
    "1.B.1.f": ("conventional", 6),
}
HIGH_POINTS = {"1.B.1.g": "high_1", "1.B.1.h": "high_2", "1.B.1.i": "high_3"}
RIASEC_NAMES = {name.capitalize(): number for name, number in RIASEC_ELEMENTS.values()}


@dataclass
class InterestTables:
    interests: list[Row] = field(default_factory=list)
    activities: list[Row] = field(default_factory=list)
    work_values: list[Row] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)


def load_interests(directory: Path, known: set[str]) -> InterestTables:
    """Read the three tables; rows of occupations not in Occupation Data are dropped."""
    out = InterestTables()
    path = find_table(directory, "Interests")
    out.files.append(path)
    profiles: dict[str, Row] = {}
    for row in read_rows(path, (CODE, "Element ID", "Scale ID", "Data Value")):
        code = text(row[CODE])
        if code not in known:
            continue
        profile = profiles.setdefault(code, {"code": code})
        element, scale = text(row["Element ID"]), text(row["Scale ID"])
        if scale == "OI" and element in RIASEC_ELEMENTS:
            profile[RIASEC_ELEMENTS[element][0]] = number(row["Data Value"])
        elif scale == "IH" and element in HIGH_POINTS:
            point = integer(row["Data Value"])
            profile[HIGH_POINTS[element]] = point if point else None
    columns = [name for name, _ in RIASEC_ELEMENTS.values()] + list(HIGH_POINTS.values())
    for profile in profiles.values():
        for column in columns:
            profile.setdefault(column, None)
    out.interests = list(profiles.values())

    # Illustrative activities name their RIASEC type for general ones and a basic interest
    # for the others; "Basic Interests to RIASEC" is not needed: the quiz uses general ones.
    path = find_table(directory, "Interests Illustrative Activities")
    out.files.append(path)
    required = ("Element Name", "Interest Type", "Activity")
    for index, row in enumerate(read_rows(path, required), 1):
        interest, kind = text(row["Element Name"]), text(row["Interest Type"])
        riasec = RIASEC_NAMES.get(interest)
        if kind == "General" and riasec is None:
            raise SourceError(f"{path.name}: unknown interest type {interest!r}")
        out.activities.append(
            {
                "id": index,
                "riasec": riasec or 0,
                "kind": kind,
                "interest": interest,
                "activity": text(row["Activity"]),
            }
        )

    path = find_table(directory, "Work Values")
    out.files.append(path)
    for row in read_rows(path, (CODE, "Element ID", "Element Name", "Scale ID", "Data Value")):
        code = text(row[CODE])
        if code in known and text(row["Scale ID"]) == "EX":
            out.work_values.append(
                {
                    "code": code,
                    "element_id": text(row["Element ID"]),
                    "name": text(row["Element Name"]),
                    "extent": number(row["Data Value"]),
                }
            )
    return out
