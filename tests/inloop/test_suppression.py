"""Small-count suppression: nothing below 5 shown, and no hidden count recomputable from what is shown."""

from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from inloop.suppression import VERBORGEN, geen_onderdrukking, onderdruk
from kern.privacy import MARKER_AFGELEID, MARKER_KLEIN

MARKERS = (MARKER_KLEIN, MARKER_AFGELEID)


def _determined(tabel) -> set[tuple[int, int]]:
    """Hidden entries whose value follows from the shown ones, by exact Gaussian elimination.

    Independent of the graph argument in the module: it solves the linear system of row and column
    sums over the hidden entries and checks, per entry, whether it is fixed.
    """
    rows, cols = len(tabel.cellen), len(tabel.kolomtotalen)
    unknowns = sorted(tabel.verborgen)
    if not unknowns:
        return set()
    col_of = {p: i for i, p in enumerate(unknowns)}
    equations = []
    # Row r: sum of inner cells - row total = 0 (the total row works the same way with column totals).
    for r in range(rows + 1):
        equations.append({(r, c): 1 for c in range(cols)} | {(r, cols): -1})
    for c in range(cols + 1):
        equations.append({(r, c): 1 for r in range(rows)} | {(rows, c): -1})
    matrix = []
    for eq in equations:
        row = [Fraction(0)] * len(unknowns)
        for pos, coef in eq.items():
            if pos in col_of:
                row[col_of[pos]] += coef
        matrix.append(row)

    def rank(m):
        m = [r[:] for r in m]
        rk, ncols = 0, len(m[0]) if m else 0
        for c in range(ncols):
            pivot = next((i for i in range(rk, len(m)) if m[i][c] != 0), None)
            if pivot is None:
                continue
            m[rk], m[pivot] = m[pivot], m[rk]
            for i in range(len(m)):
                if i != rk and m[i][c] != 0:
                    f = m[i][c] / m[rk][c]
                    m[i] = [a - f * b for a, b in zip(m[i], m[rk], strict=True)]
            rk += 1
        return rk

    full = rank(matrix)
    determined = set()
    for k, pos in enumerate(unknowns):
        without = [row[:k] + row[k + 1 :] for row in matrix]
        if not without[0] or rank(without) < full:
            determined.add(pos)
    return determined


def test_a_small_cell_and_its_row_partner_are_hidden():
    tabel = onderdruk([[3, 10, 12], [8, 9, 20]])
    assert tabel.toon(0, 0) == VERBORGEN
    # Hiding only the 3 would let anyone compute it from the row total 25: 25 - 10 - 12.
    assert sum(1 for c in range(3) if tabel.toon(0, c) in MARKERS) >= 2
    assert _determined(tabel) == set()


def test_a_large_count_hidden_only_to_protect_a_small_one_is_not_called_small():
    # "Vervolgafspraak gemaakt": 3 in one week and 34 in another; the row total 37 is shown. Hiding
    # only the 3 gives it away (37 - 34), so the 34 is hidden too, and must not be shown as "<5".
    tabel = onderdruk([[3, 34], [20, 25]])
    assert tabel.toon(0, 0) == MARKER_KLEIN
    assert tabel.toon(0, 1) == MARKER_AFGELEID
    assert tabel.toon(0, 2) == 37
    assert tabel.afgeleid_verborgen
    assert _determined(tabel) == set()


def test_a_table_without_small_counts_shows_everything():
    tabel = onderdruk([[7, 8], [9, 10]])
    assert tabel.verborgen == frozenset()
    assert tabel.toon(2, 2) == 34


def test_a_small_total_is_hidden_too():
    tabel = onderdruk([[2], [1], [30]])
    assert tabel.toon(0, 0) == VERBORGEN and tabel.toon(1, 0) == VERBORGEN
    assert tabel.toon(2, 0) == 30
    assert _determined(tabel) == set()


def test_one_small_cell_in_a_single_column_list_is_not_recomputable_from_the_grand_total():
    # Topics list: 40 + 3 + 12 = 55 shown as total; the 3 alone could be derived, so another goes.
    tabel = onderdruk([[40], [3], [12]])
    hidden_rows = {r for r in range(3) if tabel.toon(r, 0) in MARKERS}
    assert 1 in hidden_rows and len(hidden_rows) >= 2
    assert _determined(tabel) == set()


def test_zero_counts_count_as_small():
    tabel = onderdruk([[0, 20], [20, 20]])
    assert tabel.toon(0, 0) == VERBORGEN
    assert _determined(tabel) == set()


def test_own_werkplaats_tables_are_not_suppressed():
    tabel = geen_onderdrukking([[1, 2], [3, 4]])
    assert tabel.toon(0, 0) == 1 and tabel.toon(2, 2) == 10


@settings(max_examples=150, deadline=None)
@given(
    st.integers(min_value=1, max_value=5).flatmap(
        lambda cols: st.lists(
            st.lists(st.integers(min_value=0, max_value=14), min_size=cols, max_size=cols),
            min_size=1,
            max_size=5,
        )
    )
)
def test_no_hidden_count_can_be_recomputed_and_no_small_count_is_shown(grid):
    tabel = onderdruk(grid)
    rows, cols = len(grid), len(grid[0])
    for r in range(rows + 1):
        for c in range(cols + 1):
            shown = tabel.toon(r, c)
            assert shown in MARKERS or shown >= 5
            if shown not in MARKERS:
                assert shown == tabel.waarde(r, c)
            # "<5" is never untrue, and a "×" never hides a small count.
            if shown == MARKER_KLEIN:
                assert tabel.waarde(r, c) < 5
            if shown == MARKER_AFGELEID:
                assert tabel.waarde(r, c) >= 5
    assert _determined(tabel) == set()
