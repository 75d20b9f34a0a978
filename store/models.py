"""The schema of the career database.

Rows keep source values as published (wages in dollars, projections in thousands as in
Table 1.2, O*NET ratings on their own scales) so that every figure the bot shows can be traced
back to one source row. A value the source did not publish is NULL, never a guess.
"""

from __future__ import annotations

from sqlalchemy import BigInteger, Boolean, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# Raise whenever tables or their meaning change: a database built under another number is
# rebuilt by `careerbot data build --if-missing` and refused by the bot with the fix named.
SCHEMA_VERSION = 6


class Base(DeclarativeBase):
    pass


class Metadata(Base):
    """Releases, source file hashes and build facts, shown in /about and checked by buttons."""

    __tablename__ = "metadata"
    # "sha256:onet/Education, Training, and Experience Categories.xlsx" is 63 characters.
    key: Mapped[str] = mapped_column(String(255), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class Occupation(Base):
    """An O*NET-SOC occupation with the keys that join it to the BLS tables."""

    __tablename__ = "occupation"
    code: Mapped[str] = mapped_column(String(10), primary_key=True)  # 43-3011.00
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    soc_code: Mapped[str] = mapped_column(String(7), index=True)  # 43-3011
    job_zone: Mapped[int | None] = mapped_column(Integer)
    # The OEWS occupation whose wages apply: the SOC code itself, or the aggregate BLS publishes.
    wage_code: Mapped[str | None] = mapped_column(String(7))
    wage_title: Mapped[str | None] = mapped_column(String(200))
    # The Employment Projections (NEM) occupation, through BLS's crosswalk.
    projection_code: Mapped[str | None] = mapped_column(String(7))
    demographic_id: Mapped[int | None] = mapped_column(ForeignKey("demographic.id"))


class Title(Base):
    """Every name an occupation goes by; the title index is built from this table."""

    __tablename__ = "title"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(ForeignKey("occupation.code"), index=True)
    title: Mapped[str] = mapped_column(String(250))
    # occupation | alternate | short | reported | curated
    kind: Mapped[str] = mapped_column(String(12))


class Task(Base):
    __tablename__ = "task"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(ForeignKey("occupation.code"), index=True)
    task: Mapped[str] = mapped_column(Text)
    core: Mapped[bool] = mapped_column(Boolean)
    incumbents_responding: Mapped[float | None] = mapped_column(Float)


class Rating(Base):
    """O*NET importance (1-5) and level (0-7) of a skill, knowledge area or work style."""

    __tablename__ = "rating"
    code: Mapped[str] = mapped_column(ForeignKey("occupation.code"), primary_key=True)
    domain: Mapped[str] = mapped_column(String(12), primary_key=True)  # skill|knowledge|work_style
    element_id: Mapped[str] = mapped_column(String(20), primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    importance: Mapped[float | None] = mapped_column(Float)
    level: Mapped[float | None] = mapped_column(Float)


class Technology(Base):
    __tablename__ = "technology"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(ForeignKey("occupation.code"), index=True)
    example: Mapped[str] = mapped_column(String(250))
    commodity: Mapped[str] = mapped_column(String(200))
    hot: Mapped[bool] = mapped_column(Boolean)
    in_demand: Mapped[bool] = mapped_column(Boolean)


class EducationCategory(Base):
    """Labels of the O*NET education/training/experience categories (RL, RW, PT, OJ scales)."""

    __tablename__ = "education_category"
    scale: Mapped[str] = mapped_column(String(4), primary_key=True)
    category: Mapped[int] = mapped_column(Integer, primary_key=True)
    label: Mapped[str] = mapped_column(Text)


class EducationShare(Base):
    """Percent of respondents in an occupation who chose a category.

    `percent` is NULL where O*NET recommends suppressing the estimate (low precision): the
    category is kept, so the bot can say a share is withheld instead of silently listing the
    others as if they were the whole picture.
    """

    __tablename__ = "education_share"
    code: Mapped[str] = mapped_column(ForeignKey("occupation.code"), primary_key=True)
    scale: Mapped[str] = mapped_column(String(4), primary_key=True)
    category: Mapped[int] = mapped_column(Integer, primary_key=True)
    percent: Mapped[float | None] = mapped_column(Float)


class JobZone(Base):
    __tablename__ = "job_zone"
    zone: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    experience: Mapped[str] = mapped_column(Text)
    education: Mapped[str] = mapped_column(Text)
    training: Mapped[str] = mapped_column(Text)
    examples: Mapped[str] = mapped_column(Text, default="")


class RelatedOccupation(Base):
    __tablename__ = "related_occupation"
    code: Mapped[str] = mapped_column(ForeignKey("occupation.code"), primary_key=True)
    related_code: Mapped[str] = mapped_column(String(10), primary_key=True)
    tier: Mapped[str] = mapped_column(String(20))
    rank: Mapped[int] = mapped_column(Integer)


class Area(Base):
    """An OEWS area: the nation, a state (or territory) or a metropolitan area."""

    __tablename__ = "area"
    code: Mapped[str] = mapped_column(String(7), primary_key=True)
    kind: Mapped[str] = mapped_column(String(1))  # N | S | M
    state_code: Mapped[str] = mapped_column(String(2))
    name: Mapped[str] = mapped_column(String(120))


class Industry(Base):
    __tablename__ = "industry"
    code: Mapped[str] = mapped_column(String(6), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    level: Mapped[int] = mapped_column(Integer)


class Wage(Base):
    """One OEWS estimate row: an occupation in an area and industry, May 2025.

    `footnotes` keeps the source's footnote codes per field ("annual_p90=5;hourly_p90=5"), so a
    top-coded or unreleased value can be explained instead of shown as a number.
    """

    __tablename__ = "wage"
    soc_code: Mapped[str] = mapped_column(String(7), primary_key=True)
    area_code: Mapped[str] = mapped_column(String(7), primary_key=True)
    industry_code: Mapped[str] = mapped_column(String(6), primary_key=True)
    employment: Mapped[int | None] = mapped_column(Integer)
    hourly_mean: Mapped[float | None] = mapped_column(Float)
    annual_mean: Mapped[int | None] = mapped_column(Integer)
    hourly_p10: Mapped[float | None] = mapped_column(Float)
    hourly_p25: Mapped[float | None] = mapped_column(Float)
    hourly_median: Mapped[float | None] = mapped_column(Float)
    hourly_p75: Mapped[float | None] = mapped_column(Float)
    hourly_p90: Mapped[float | None] = mapped_column(Float)
    annual_p10: Mapped[int | None] = mapped_column(Integer)
    annual_p25: Mapped[int | None] = mapped_column(Integer)
    annual_median: Mapped[int | None] = mapped_column(Integer)
    annual_p75: Mapped[int | None] = mapped_column(Integer)
    annual_p90: Mapped[int | None] = mapped_column(Integer)
    # Concentration: jobs per 1,000 jobs in the area, and the location quotient (the area's
    # share of jobs in this occupation over the nation's). Not published for the nation.
    jobs_per_1000: Mapped[float | None] = mapped_column(Float)
    location_quotient: Mapped[float | None] = mapped_column(Float)
    # Up to one code per field ("hourly_mean=5;annual_mean=5;…"): Text, as it can exceed 200.
    footnotes: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (Index("ix_wage_area_industry", "area_code", "industry_code", "soc_code"),)


class Projection(Base):
    """Employment Projections 2024-34, Table 1.2 (employment and openings in thousands)."""

    __tablename__ = "projection"
    code: Mapped[str] = mapped_column(String(7), primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    employment_2024: Mapped[float | None] = mapped_column(Float)
    employment_2034: Mapped[float | None] = mapped_column(Float)
    change_numeric: Mapped[float | None] = mapped_column(Float)
    percent_change: Mapped[float | None] = mapped_column(Float)
    self_employed_percent: Mapped[float | None] = mapped_column(Float)  # of 2024 employment
    openings: Mapped[float | None] = mapped_column(Float)
    median_wage_2024: Mapped[int | None] = mapped_column(Integer)
    typical_education: Mapped[str | None] = mapped_column(String(100))
    work_experience: Mapped[str | None] = mapped_column(String(100))
    training: Mapped[str | None] = mapped_column(String(100))


class Separation(Base):
    """Employment Projections Table 1.10: who leaves an occupation each year, 2024-34.

    Rates are percent of the occupation's employment a year (annual averages); counts are in
    thousands, as published.
    """

    __tablename__ = "separation"
    code: Mapped[str] = mapped_column(String(7), primary_key=True)  # NEM code
    exit_rate: Mapped[float | None] = mapped_column(Float)  # leave the labour force
    transfer_rate: Mapped[float | None] = mapped_column(Float)  # move to another occupation
    separation_rate: Mapped[float | None] = mapped_column(Float)
    exits: Mapped[float | None] = mapped_column(Float)
    transfers: Mapped[float | None] = mapped_column(Float)
    openings: Mapped[float | None] = mapped_column(Float)


class UtilizationFactor(Base):
    """Employment Projections Table 1.12: BLS's stated reasons why an occupation's share of an
    industry's jobs is projected to change ("Factors affecting occupational utilization")."""

    __tablename__ = "utilization_factor"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(7), index=True)  # NEM occupation code
    industry_code: Mapped[str] = mapped_column(String(10))  # TE1000 = all industries
    industry: Mapped[str] = mapped_column(String(200))
    factor: Mapped[str] = mapped_column(Text)


class Interest(Base):
    """O*NET Interests: an occupation's RIASEC profile (OI, 1-7) and its high-point codes.

    High points are the RIASEC types by number (1 Realistic ... 6 Conventional) as O*NET
    publishes them; 0 or NULL where O*NET names no second or third high point.
    """

    __tablename__ = "interest"
    code: Mapped[str] = mapped_column(ForeignKey("occupation.code"), primary_key=True)
    realistic: Mapped[float | None] = mapped_column(Float)
    investigative: Mapped[float | None] = mapped_column(Float)
    artistic: Mapped[float | None] = mapped_column(Float)
    social: Mapped[float | None] = mapped_column(Float)
    enterprising: Mapped[float | None] = mapped_column(Float)
    conventional: Mapped[float | None] = mapped_column(Float)
    high_1: Mapped[int | None] = mapped_column(Integer)
    high_2: Mapped[int | None] = mapped_column(Integer)
    high_3: Mapped[int | None] = mapped_column(Integer)


class InterestActivity(Base):
    """O*NET Interests Illustrative Activities: things people of each interest type enjoy."""

    __tablename__ = "interest_activity"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)  # the file's order
    riasec: Mapped[int] = mapped_column(Integer)  # 1 Realistic ... 6 Conventional
    kind: Mapped[str] = mapped_column(String(10))  # General | Basic
    interest: Mapped[str] = mapped_column(String(60))  # "Realistic", "Mechanics/Electronics"
    activity: Mapped[str] = mapped_column(Text)


class WorkValue(Base):
    """O*NET Work Values: how strongly an occupation meets each value (extent, 1-7)."""

    __tablename__ = "work_value"
    code: Mapped[str] = mapped_column(ForeignKey("occupation.code"), primary_key=True)
    element_id: Mapped[str] = mapped_column(String(20), primary_key=True)
    name: Mapped[str] = mapped_column(String(60))
    extent: Mapped[float | None] = mapped_column(Float)


class Demographic(Base):
    """A CPS occupation row: shares in percent (2022) and median age (2025)."""

    __tablename__ = "demographic"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    cps_title: Mapped[str] = mapped_column(String(200))
    employed_thousands: Mapped[float | None] = mapped_column(Float)
    women: Mapped[float | None] = mapped_column(Float)
    white: Mapped[float | None] = mapped_column(Float)
    black: Mapped[float | None] = mapped_column(Float)
    asian: Mapped[float | None] = mapped_column(Float)
    hispanic: Mapped[float | None] = mapped_column(Float)
    median_age: Mapped[float | None] = mapped_column(Float)


class ChatPreference(Base):
    """Per-chat settings such as the default location; kept across data rebuilds."""

    __tablename__ = "chat_preference"
    chat_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    area_code: Mapped[str | None] = mapped_column(String(7))


class ConversationContext(Base):
    """What a conversation is about (the last answer's occupations, place, view…), by key:
    a chat and its member, or one of the bot's messages (for replies to it). User data, like
    chat_preference: kept across rebuilds; rows older than a day are pruned."""

    __tablename__ = "conversation"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    data: Mapped[str] = mapped_column(Text)  # JSON, a few hundred bytes
    updated_at: Mapped[float] = mapped_column(Float, index=True)  # Unix time
    # The instance that wrote it (store.conversations): an instance re-reads others' writes only.
    writer: Mapped[str | None] = mapped_column(String(32), default=None)


class InboxUpdate(Base):
    """An update from Telegram, kept from before it is acknowledged until after it is answered
    (store/inbox.py, handlers/inbox.py); kept across data rebuilds.

    Keyed by bot as well: update ids count per bot, so a new token must not find the old bot's
    ids. Times are Unix seconds. `payload` is the update as Telegram sent it (JSON), emptied
    once it is done; done rows stay a while so that a re-delivery is recognised.
    """

    __tablename__ = "inbox"
    bot_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    update_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    payload: Mapped[str | None] = mapped_column(Text)
    received_at: Mapped[float] = mapped_column(Float)
    # The instance handling it, until when (it renews this while it runs), and how many tried.
    claimed_by: Mapped[str | None] = mapped_column(String(200))
    lease_until: Mapped[float | None] = mapped_column(Float)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    done_at: Mapped[float | None] = mapped_column(Float)

    # The unfinished rows first (done_at IS NULL), by bot and id: what renewing leases, claiming
    # and listing the unfinished read, and the old done rows a prune deletes. Done rows pile up
    # for a day (a busy bot keeps millions); without statistics SQLite would otherwise read
    # every row of the bot by its primary key, taking 100+ ms a sweep that stalls the writer.
    __table_args__ = (Index("ix_inbox_open", "done_at", "bot_id", "update_id"),)


# Tables of user data, not source data: a build never drops them (and carries them over).
USER_TABLES = ("chat_preference", "conversation", "inbox")


def _compare_text_bytewise_on_postgresql() -> None:
    """Every text column sorts and compares by code point, as SQLite's BINARY collation does.

    PostgreSQL would otherwise order text by the database's locale (en_US puts
    "eClinicalWorks" before "Microsoft Excel", lower case before upper), so lists ordered by
    name would differ from SQLite's. COLLATE "C" makes answers the same on both.
    """
    for model_table in Base.metadata.tables.values():
        for column in model_table.columns:
            if isinstance(column.type, String) and column.type.collation is None:
                bytewise = type(column.type)(length=column.type.length, collation="C")
                column.type = column.type.with_variant(bytewise, "postgresql")


_compare_text_bytewise_on_postgresql()
