"""The one exporter: formulas and direction tricks defused in every cell, sheet names cut at a word."""

import io

import pytest
from openpyxl import load_workbook

from kern.export import cell_safe, csv_text, sheet_title, xlsx_bytes


@pytest.mark.parametrize("value", ["=1+1", "+31 6", "-2", "@SUM(A1)", "\t=1", "＝1", "\r=1"])
def test_a_cell_that_would_be_a_formula_becomes_text(value):
    assert cell_safe(value) == "'" + value


def test_direction_controls_are_removed_and_numbers_stay_numbers():
    assert cell_safe("abc\u202edef\u2066") == "abcdef"
    assert cell_safe(37) == 37 and cell_safe(None) == ""


def test_csv_and_xlsx_both_defuse():
    rows = [["naam", "aantal"], ['=HYPERLINK("x")', 3]]
    assert "'=HYPERLINK" in csv_text(rows)
    workbook = load_workbook(io.BytesIO(xlsx_bytes([("Blad", rows)])))
    assert workbook["Blad"]["A2"].value == "'=HYPERLINK(\"x\")"
    assert workbook["Blad"]["B2"].value == 3


def test_sheet_titles_are_cut_at_a_word_and_stay_unique():
    used: set[str] = set()
    long = "3 Bezoeken per uitkomst en doorverwijzing"
    first = sheet_title(long, used)
    assert len(first) <= 31 and long.startswith(first) and not first.endswith(" ")
    assert first == "3 Bezoeken per uitkomst en"
    second = sheet_title(long, used)
    assert second != first and len(second) <= 31
    assert sheet_title("a/b: c?", set()) == "a b c"
