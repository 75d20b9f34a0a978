"""O*NET 29.3: occupations, their titles, tasks, ratings, technology, education and relations."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from store.importers.tables import Row, find_table, integer, number, read_rows, text

CODE = "O*NET-SOC Code"

# File name -> rating domain stored in the database.
RATING_FILES = {"Skills": "skill", "Knowledge": "knowledge", "Work Styles": "work_style"}


@dataclass
class OnetTables:
    occupations: list[Row] = field(default_factory=list)
    titles: list[Row] = field(default_factory=list)
    tasks: list[Row] = field(default_factory=list)
    ratings: list[Row] = field(default_factory=list)
    technology: list[Row] = field(default_factory=list)
    education_categories: list[Row] = field(default_factory=list)
    education_shares: list[Row] = field(default_factory=list)
    job_zones: dict[str, int] = field(default_factory=dict)
    job_zone_reference: list[Row] = field(default_factory=list)
    related: list[Row] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)


def _rows(
    directory: Path, name: str, required: tuple[str, ...], files: list[Path]
) -> Iterator[Row]:
    path = find_table(directory, name)
    files.append(path)
    return read_rows(path, required)


def _flag(value: Any) -> bool:
    return text(value).upper() == "Y"


def load_onet(directory: Path) -> OnetTables:
    out = OnetTables()
    files = out.files

    for row in _rows(directory, "Occupation Data", (CODE, "Title", "Description"), files):
        out.occupations.append(
            {
                "code": text(row[CODE]),
                "title": text(row["Title"]),
                "description": text(row["Description"]),
            }
        )
    known = {o["code"] for o in out.occupations}

    seen_titles: set[tuple[str, str, str]] = set()

    def add_title(code: str, title: str, kind: str) -> None:
        key = (code, title.casefold(), kind)
        if title and code in known and key not in seen_titles:
            seen_titles.add(key)
            out.titles.append({"code": code, "title": title, "kind": kind})

    for occupation in out.occupations:
        add_title(occupation["code"], occupation["title"], "occupation")
    for row in _rows(directory, "Alternate Titles", (CODE, "Alternate Title"), files):
        add_title(text(row[CODE]), text(row["Alternate Title"]), "alternate")
        add_title(text(row[CODE]), text(row.get("Short Title")), "short")
    for row in _rows(directory, "Sample of Reported Titles", (CODE, "Reported Job Title"), files):
        add_title(text(row[CODE]), text(row["Reported Job Title"]), "reported")

    for row in _rows(directory, "Task Statements", (CODE, "Task", "Task Type"), files):
        out.tasks.append(
            {
                "code": text(row[CODE]),
                "task": text(row["Task"]),
                "core": text(row["Task Type"]).lower() == "core",
                "incumbents_responding": number(row.get("Incumbents Responding")),
            }
        )

    for name, domain in RATING_FILES.items():
        merged: dict[tuple[str, str], Row] = {}
        required: tuple[str, ...] = (CODE, "Element ID", "Element Name", "Scale ID", "Data Value")
        for row in _rows(directory, name, required, files):
            key = (text(row[CODE]), text(row["Element ID"]))
            rating = merged.setdefault(
                key,
                {
                    "code": key[0],
                    "domain": domain,
                    "element_id": key[1],
                    "name": text(row["Element Name"]),
                    "importance": None,
                    "level": None,
                },
            )
            scale = text(row["Scale ID"])
            if scale == "IM":
                rating["importance"] = number(row["Data Value"])
            elif scale == "LV":
                suppressed = _flag(row.get("Recommend Suppress")) or _flag(row.get("Not Relevant"))
                rating["level"] = None if suppressed else number(row["Data Value"])
        out.ratings.extend(merged.values())

    for row in _rows(directory, "Technology Skills", (CODE, "Example", "Commodity Title"), files):
        out.technology.append(
            {
                "code": text(row[CODE]),
                "example": text(row["Example"]),
                "commodity": text(row["Commodity Title"]),
                "hot": _flag(row.get("Hot Technology")),
                "in_demand": _flag(row.get("In Demand")),
            }
        )

    category_file = "Education, Training, and Experience Categories"
    for row in _rows(
        directory, category_file, ("Scale ID", "Category", "Category Description"), files
    ):
        out.education_categories.append(
            {
                "scale": text(row["Scale ID"]),
                "category": integer(row["Category"]),
                "label": text(row["Category Description"]),
            }
        )
    required = (CODE, "Scale ID", "Category", "Data Value")
    for row in _rows(directory, "Education, Training, and Experience", required, files):
        category = integer(row["Category"])
        percent = number(row["Data Value"])
        if category is None or percent is None:
            continue
        if _flag(row.get("Recommend Suppress")):
            if percent == 0:
                continue  # nobody to mention
            percent = None  # withheld: see models.EducationShare
        out.education_shares.append(
            {
                "code": text(row[CODE]),
                "scale": text(row["Scale ID"]),
                "category": category,
                "percent": percent,
            }
        )

    for row in _rows(directory, "Job Zones", (CODE, "Job Zone"), files):
        zone = integer(row["Job Zone"])
        if zone is not None:
            out.job_zones[text(row[CODE])] = zone
    for row in _rows(directory, "Job Zone Reference", ("Job Zone", "Name"), files):
        out.job_zone_reference.append(
            {
                "zone": integer(row["Job Zone"]),
                "name": text(row["Name"]),
                "experience": text(row.get("Experience")),
                "education": text(row.get("Education")),
                "training": text(row.get("Job Training")),
                "examples": text(row.get("Examples")),
            }
        )

    required = (CODE, "Related O*NET-SOC Code", "Relatedness Tier", "Index")
    for row in _rows(directory, "Related Occupations", required, files):
        related = text(row["Related O*NET-SOC Code"])
        if related in known:
            out.related.append(
                {
                    "code": text(row[CODE]),
                    "related_code": related,
                    "tier": text(row["Relatedness Tier"]),
                    "rank": integer(row["Index"]) or 0,
                }
            )
    return out
