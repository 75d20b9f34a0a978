"""The facts the store hands the core: plain frozen dataclasses with the source's own values.

The core never sees SQLAlchemy objects; it gets facts with values as published (None where the
source published nothing), so rendering can say "not published" instead of guessing. The
functions at the end turn database rows into facts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from store import models


@dataclass(frozen=True)
class WageFacts:
    soc_code: str
    area_code: str
    area_name: str
    industry_code: str
    employment: int | None
    hourly_mean: float | None
    annual_mean: int | None
    hourly_p10: float | None
    hourly_p25: float | None
    hourly_median: float | None
    hourly_p75: float | None
    hourly_p90: float | None
    annual_p10: int | None
    annual_p25: int | None
    annual_median: int | None
    annual_p75: int | None
    annual_p90: int | None
    footnotes: dict[str, str] = field(default_factory=dict)
    jobs_per_1000: float | None = None
    location_quotient: float | None = None

    def top_coded(self, column: str) -> bool:
        """BLS footnote 5: the wage is at or above the top of the published range."""
        return self.footnotes.get(column) == "5"

    def paid_the_other_way(self, column: str) -> bool:
        """BLS footnote 4: no figure in this column because the occupation, often not worked
        year-round full time, is reported only as an annual salary (teachers) or only as an
        hourly wage (actors)."""
        return getattr(self, column) is None and self.footnotes.get(column) == "4"


@dataclass(frozen=True)
class ProjectionFacts:
    code: str
    title: str
    employment_2024: float | None  # thousands, as in Table 1.2
    employment_2034: float | None
    change_numeric: float | None
    percent_change: float | None
    openings: float | None  # thousands a year
    median_wage_2024: int | None
    typical_education: str | None
    work_experience: str | None
    training: str | None
    self_employed_percent: float | None = None  # Table 1.2: OEWS wages leave these out


@dataclass(frozen=True)
class DemographicFacts:
    cps_title: str
    employed_thousands: float | None
    women: float | None
    white: float | None
    black: float | None
    asian: float | None
    hispanic: float | None
    median_age: float | None


@dataclass(frozen=True)
class OccupationFacts:
    code: str
    title: str
    description: str
    soc_code: str
    job_zone: int | None
    wage_code: str | None
    wage_title: str | None  # the aggregate's name when wages are not the occupation's own
    projection_code: str | None
    wages: WageFacts | None
    projection: ProjectionFacts | None
    wage_name: str | None = None  # BLS's name of the wage occupation, own or aggregate

    @property
    def wages_from_aggregate(self) -> bool:
        """Whether the figures are a broader BLS occupation's: an aggregate ("Computer
        Occupations, All Other" for GIS technologists), or the SOC occupation an O*NET
        breakout belongs to (Registered Nurses for Acute Care Nurses)."""
        return self.wage_code is not None and (
            self.wage_code != self.soc_code or not self.code.endswith(".00")
        )


@dataclass(frozen=True)
class TitleRow:
    code: str
    title: str
    kind: str


@dataclass(frozen=True)
class Rated:
    name: str
    importance: float | None
    level: float | None


@dataclass(frozen=True)
class Share:
    label: str
    percent: float | None  # None: O*NET withholds the estimate (low precision)


@dataclass(frozen=True)
class EducationFacts:
    typical_entry: str | None
    work_experience: str | None
    training: str | None
    levels: list[Share]  # O*NET "Required Level of Education", most common first
    job_zone: int | None
    job_zone_name: str | None
    job_zone_education: str | None
    job_zone_experience: str | None


@dataclass(frozen=True)
class Related:
    code: str
    title: str
    tier: str
    annual_median: int | None
    percent_change: float | None


@dataclass(frozen=True)
class AreaFacts:
    code: str
    kind: str
    state_code: str
    name: str


class RankingOf(StrEnum):
    """What a pay ranking lists (the values are the OEWS area types, and I for industries)."""

    STATES = "S"
    METROS = "M"
    INDUSTRIES = "I"


@dataclass(frozen=True)
class RankedWage:
    name: str
    code: str
    median: float  # yearly or hourly, as asked of `ranked_wages`
    employment: int | None


@dataclass(frozen=True)
class Ranking:
    ranked: list[RankedWage]
    top_coded: int  # how many more have a median above BLS's top code: no figure to rank by


def footnotes(raw: str) -> dict[str, str]:
    pairs = (item.split("=", 1) for item in raw.split(";") if "=" in item)
    return {column: code for column, code in pairs}


def wage_facts(row: models.Wage, area_name: str) -> WageFacts:
    return WageFacts(
        soc_code=row.soc_code,
        area_code=row.area_code,
        area_name=area_name,
        industry_code=row.industry_code,
        employment=row.employment,
        hourly_mean=row.hourly_mean,
        annual_mean=row.annual_mean,
        hourly_p10=row.hourly_p10,
        hourly_p25=row.hourly_p25,
        hourly_median=row.hourly_median,
        hourly_p75=row.hourly_p75,
        hourly_p90=row.hourly_p90,
        annual_p10=row.annual_p10,
        annual_p25=row.annual_p25,
        annual_median=row.annual_median,
        annual_p75=row.annual_p75,
        annual_p90=row.annual_p90,
        footnotes=footnotes(row.footnotes),
        jobs_per_1000=row.jobs_per_1000,
        location_quotient=row.location_quotient,
    )


def projection_facts(row: models.Projection) -> ProjectionFacts:
    return ProjectionFacts(
        code=row.code,
        title=row.title,
        employment_2024=row.employment_2024,
        employment_2034=row.employment_2034,
        change_numeric=row.change_numeric,
        percent_change=row.percent_change,
        openings=row.openings,
        median_wage_2024=row.median_wage_2024,
        typical_education=row.typical_education,
        work_experience=row.work_experience,
        training=row.training,
        self_employed_percent=row.self_employed_percent,
    )
