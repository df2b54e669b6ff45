"""The one exporter for CSV and XLSX: every file a spreadsheet opens goes through here.

Text from people (a volunteer's name, a werkplaats title, a signal) ends up in cells that Excel and
LibreOffice interpret. Two things are neutralised in every cell:
- a leading ``= + - @`` (or tab/CR, or their full-width forms) would make the cell a formula
  (``=HYPERLINK(...)`` phones home with the sheet's data): the cell gets a leading apostrophe, which
  spreadsheets show as text;
- bidirectional control characters (U+202A–U+202E, U+2066–U+2069, U+200E/F, U+061C) can make a cell
  read differently from what it holds: they are removed.
Numbers stay numbers.
"""

import csv
import io
import re
from collections.abc import Iterable, Sequence

from openpyxl import Workbook

FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")
SHEET_TITLE_MAX = 31  # Excel's limit
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


def cell_safe(value):
    """A value fit for a spreadsheet cell: text defused, numbers and empty cells as they are."""
    if value is None:
        return ""
    if not isinstance(value, str):
        return value
    text = _BIDI.sub("", value)
    if text.startswith(FORMULA_START):
        return "'" + text
    return text


def csv_text(rows: Iterable[Sequence], *, delimiter: str = ";") -> str:
    """CSV as Dutch spreadsheets open it (semicolons), every cell through cell_safe."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    for row in rows:
        writer.writerow([cell_safe(v) for v in row])
    return buffer.getvalue()


def sheet_title(title: str, used: set[str] | None = None) -> str:
    """An Excel sheet name: no forbidden characters, at most 31 characters cut at a word, unique."""
    clean = " ".join(_SHEET_FORBIDDEN.sub(" ", title).split()) or "Blad"
    if len(clean) > SHEET_TITLE_MAX:
        cut = clean[: SHEET_TITLE_MAX + 1].rsplit(" ", 1)[0]
        clean = cut if len(cut) >= 10 else clean[:SHEET_TITLE_MAX]
        clean = clean.rstrip(" -–,")
    used = used if used is not None else set()
    name, n = clean, 2
    while name.lower() in {u.lower() for u in used}:
        suffix = f" ({n})"
        name = clean[: SHEET_TITLE_MAX - len(suffix)].rstrip() + suffix
        n += 1
    used.add(name)
    return name


def xlsx_bytes(sheets: Iterable[tuple[str, Iterable[Sequence]]]) -> bytes:
    """An XLSX workbook with one sheet per (title, rows), every cell through cell_safe."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    used: set[str] = set()
    for title, rows in sheets:
        sheet = workbook.create_sheet(sheet_title(title, used))
        for row in rows:
            sheet.append([cell_safe(v) for v in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
