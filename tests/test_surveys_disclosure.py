"""Pure rules of survey anonymity: complementary suppression and publication batches."""

from __future__ import annotations

import pytest

from bot.surveys.disclosure import protect
from bot.surveys.publishing import plan_batch


@pytest.mark.parametrize(
    ("counts", "eligible", "shown"),
    [
        ({"A": 5, "B": 5, "C": 2}, None, {"B"}),  # rest 2: A (smallest, then by name) goes
        ({"A": 5, "B": 7, "C": 5}, None, {"A", "B", "C"}),  # nothing hidden
        ({"A": 5, "B": 2, "C": 3}, None, {"A"}),  # B + C = 5 merged: enough
        ({"A": 9, "B": 4}, None, set()),  # A alone would reveal B
        ({"A": 4, "B": 4}, None, set()),
        ({"A": 6, "B": 8, "C": 1}, None, {"B"}),
        ({"A": 5, "B": 6, "__rest__": 3}, {"A", "B"}, {"B"}),  # a rest never shown counts
        ({"A": 5, "B": 6, "__rest__": 0}, {"A", "B"}, {"A", "B"}),
    ],
)
def test_protect_leaves_no_small_rest(
    counts: dict[str, int], eligible: set[str] | None, shown: set[str]
) -> None:
    """Shown cells reach the threshold; the hidden ones add up to 0 or at least it."""
    found = protect(counts, 5, eligible)
    assert found == shown
    rest = sum(n for name, n in counts.items() if name not in found)
    assert rest == 0 or rest >= 5 or not found


@pytest.mark.parametrize(
    ("waiting", "closing", "units", "merged"),
    [
        ({1: 5, 2: 4, None: 1}, False, [1], []),
        ({1: 5, 2: 4, None: 1}, True, [1], [2, None]),  # 4 + 1 = 5 merged at close
        ({1: 7, 2: 3}, True, [1], []),  # 3 alone stay withheld
        ({1: 4}, False, [], []),
    ],
)
def test_plan_batch(
    waiting: dict[int | None, int], closing: bool, units: list[int | None], merged: list[int | None]
) -> None:
    """Units publish at the threshold; at close the small rest only if together enough."""
    batch = plan_batch(waiting, 5, closing)
    assert (batch.units, batch.merged) == (units, merged)
