"""Small-count suppression for tables that leave a werkplaats: no count below 5, and no way back to one.

A table here is a grid of counts with its row totals, column totals and grand total, all shown.
Primary suppression hides every count below ``DREMPEL`` (totals included). Secondary suppression then
hides more cells until no hidden count can be worked out from what is shown.

Why the graph: write the table with its totals as an (R+1) × (C+1) grid and flip the sign of the
totals; then every row and every column sums to zero. The hidden entries are the unknowns. Take rows
and columns as the nodes of a bipartite graph and each hidden entry as an edge between its row and its
column. The hidden values that satisfy all the sums differ from the true ones by a circulation on that
graph, and a circulation can only move along cycles. So a hidden entry can be recomputed exactly if and
only if its edge lies on no cycle, i.e. it is a bridge. We add hidden cells until no bridge is left.
(Bounds such as "a count is never negative" can still narrow a hidden value to a range; the rule we
implement is that none can be recomputed exactly.)
"""

from collections.abc import Sequence
from dataclasses import dataclass

from kern.privacy import DREMPEL, MARKER_AFGELEID, MARKER_KLEIN

# The threshold and its markers are the platform's one rule (kern.privacy).
VERBORGEN = MARKER_KLEIN


@dataclass(frozen=True)
class Tabel:
    """Counts with totals; ``verborgen`` holds (row, column) positions in the (R+1) × (C+1) grid."""

    cellen: tuple[tuple[int, ...], ...]
    rijtotalen: tuple[int, ...]
    kolomtotalen: tuple[int, ...]
    totaal: int
    verborgen: frozenset[tuple[int, int]]
    drempel: int = DREMPEL

    def waarde(self, rij: int, kolom: int) -> int:
        rows, cols = len(self.cellen), len(self.kolomtotalen)
        if rij == rows and kolom == cols:
            return self.totaal
        if rij == rows:
            return self.kolomtotalen[kolom]
        if kolom == cols:
            return self.rijtotalen[rij]
        return self.cellen[rij][kolom]

    def toon(self, rij: int, kolom: int) -> str | int:
        """The count, or the marker that tells truthfully why it is hidden."""
        if (rij, kolom) not in self.verborgen:
            return self.waarde(rij, kolom)
        return MARKER_KLEIN if self.waarde(rij, kolom) < self.drempel else MARKER_AFGELEID

    @property
    def afgeleid_verborgen(self) -> bool:
        """Whether a count of DREMPEL or more is hidden (the table needs the "×" explained)."""
        return any(self.waarde(*p) >= self.drempel for p in self.verborgen)


def _bridges(edges: set[tuple[int, int]], rows: int) -> set[tuple[int, int]]:
    """Bridges of the bipartite graph with row nodes 0..rows and column nodes offset by rows+1."""
    offset = rows + 1
    adjacency: dict[int, list[tuple[int, tuple[int, int]]]] = {}
    for r, c in edges:
        adjacency.setdefault(r, []).append((offset + c, (r, c)))
        adjacency.setdefault(offset + c, []).append((r, (r, c)))
    order: dict[int, int] = {}
    low: dict[int, int] = {}
    found: set[tuple[int, int]] = set()
    counter = 0
    for start in adjacency:
        if start in order:
            continue
        order[start] = low[start] = counter
        counter += 1
        # Iterative DFS: tables can be long enough (52 weeks) to make recursion depth a worry.
        stack = [(start, None, iter(adjacency[start]))]
        while stack:
            node, via, neighbours = stack[-1]
            advanced = False
            for neighbour, edge in neighbours:
                if edge == via:
                    continue
                if neighbour in order:
                    low[node] = min(low[node], order[neighbour])
                else:
                    order[neighbour] = low[neighbour] = counter
                    counter += 1
                    stack.append((neighbour, edge, iter(adjacency[neighbour])))
                    advanced = True
                    break
            if not advanced:
                stack.pop()
                if stack:
                    parent = stack[-1][0]
                    low[parent] = min(low[parent], low[node])
                    if low[node] > order[parent]:
                        found.add(via)
    return found


def onderdruk(cellen: Sequence[Sequence[int]], drempel: int = DREMPEL) -> Tabel:
    """Hide small counts in a table and enough others that none of them can be recomputed."""
    grid = tuple(tuple(int(v) for v in row) for row in cellen)
    rows = len(grid)
    cols = len(grid[0]) if rows else 0
    tabel = Tabel(
        cellen=grid,
        rijtotalen=tuple(sum(row) for row in grid),
        kolomtotalen=tuple(sum(grid[r][c] for r in range(rows)) for c in range(cols)),
        totaal=sum(sum(row) for row in grid),
        verborgen=frozenset(),
    )
    if rows == 0 or cols == 0:
        return tabel
    positions = [(r, c) for r in range(rows + 1) for c in range(cols + 1)]
    hidden = {p for p in positions if tabel.waarde(*p) < drempel}
    while True:
        bridges = _bridges(hidden, rows)
        if not bridges:
            break
        r, c = min(bridges)
        # Close the cheapest rectangle through (r, c): hide the fewest, smallest extra counts, and
        # prefer inner cells over totals so the totals stay readable.
        best = None
        for r2 in range(rows + 1):
            for c2 in range(cols + 1):
                if r2 == r or c2 == c:
                    continue
                extra = [p for p in ((r, c2), (r2, c), (r2, c2)) if p not in hidden]
                cost = (
                    len(extra),
                    sum(1 for p in extra if p[0] == rows or p[1] == cols),
                    sum(tabel.waarde(*p) for p in extra),
                    (r2, c2),
                )
                if best is None or cost < best[0]:
                    best = (cost, extra)
        hidden.update(best[1])
    return Tabel(
        cellen=tabel.cellen,
        rijtotalen=tabel.rijtotalen,
        kolomtotalen=tabel.kolomtotalen,
        totaal=tabel.totaal,
        verborgen=frozenset(hidden),
        drempel=drempel,
    )


def geen_onderdrukking(cellen: Sequence[Sequence[int]]) -> Tabel:
    """The same table shape with every count shown (a coördinator looking at their own werkplaats)."""
    tabel = onderdruk(cellen, drempel=0)
    return Tabel(tabel.cellen, tabel.rijtotalen, tabel.kolomtotalen, tabel.totaal, frozenset())
