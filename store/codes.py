"""The codes BLS uses for "everything": the nation, all industries, all occupations.

Defined once here and used by the importers, the queries and the core alike.
"""

from __future__ import annotations

NATIONAL = "0000000"  # OEWS area code of the United States
CROSS_INDUSTRY = "000000"  # OEWS industry code of all industries together
ALL_OCCUPATIONS = "00-0000"  # the "Total, all occupations" row (OEWS and Projections)
