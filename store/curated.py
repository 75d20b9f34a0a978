"""The one reader of the project's curated TSV files (bot/data/*.tsv, store/data/*.tsv).

Each such file is hand-written: `#` comment lines, a header line naming the columns, then one
row per line with a reason in its last column, so every correction of the sources is justified
where it is made. Rows with fewer than `columns` fields are skipped, not guessed at.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path


def read_curated(path: Path, columns: int) -> Iterator[list[str]]:
    """The rows of a curated file, each field stripped; comments and the header left out.

    The header is the first line that is not a comment; a missing file has no rows.
    """
    if not path.is_file():
        return
    header_seen = False
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not header_seen:
            header_seen = True
            continue
        fields = [field.strip() for field in line.split("\t")]
        if len(fields) >= columns:
            yield fields
