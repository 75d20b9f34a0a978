"""Reads for title resolution beyond the title table: BLS's names, tasks, descriptions.

The title index learns every name BLS publishes for an occupation (the OEWS title of the wage
series it joins, the Employment Projections title it crosswalks to), so that typing a BLS table's
title opens that occupation; and the description search ranks occupations by what their
workers do (O*NET task statements and occupation descriptions). Kept apart from queries.py: these
are bulk reads done once when the bot starts, not per-question facts.
"""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import select

from store import models
from store.queries import CareerStore

BLS_KIND = "bls"  # a title BLS publishes (OEWS or Employment Projections) for the occupation


async def bls_titles(store: CareerStore) -> list[tuple[str, str, str]]:
    """(O*NET-SOC code, BLS title, "bls") for the OEWS and Projections titles of each code."""
    async with store.sessions() as session:
        rows = await session.execute(
            select(models.Occupation.code, models.Occupation.wage_title, models.Projection.title)
            .outerjoin(
                models.Projection, models.Projection.code == models.Occupation.projection_code
            )
            .order_by(models.Occupation.code)
        )
        out: list[tuple[str, str, str]] = []
        for code, wage_title, projection_title in rows:
            for title in dict.fromkeys(t for t in (wage_title, projection_title) if t):
                out.append((code, title, BLS_KIND))
        return out


async def work_texts(store: CareerStore) -> dict[str, list[str]]:
    """Per occupation: its O*NET description, then its task statements (core tasks first)."""
    texts: dict[str, list[str]] = defaultdict(list)
    async with store.sessions() as session:
        descriptions = await session.execute(
            select(models.Occupation.code, models.Occupation.description).order_by(
                models.Occupation.code
            )
        )
        for code, description in descriptions:
            if description:
                texts[code].append(description)
        tasks = await session.execute(
            select(models.Task.code, models.Task.task).order_by(
                models.Task.code, models.Task.core.desc(), models.Task.id
            )
        )
        for code, task in tasks:
            texts[code].append(task)
    return dict(texts)
