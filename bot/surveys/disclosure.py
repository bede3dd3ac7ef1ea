"""Complementary suppression: which cells of one cut of survey results may be shown.

A cut splits the same responses into groups (units, or rounds). Hiding the small groups is
not enough: the total minus the shown groups is the hidden rest, so when the rest comes
from fewer than ``min_group`` answers it is as good as shown. The rule here: every shown
cell has at least ``min_group``, and what is hidden adds up to none or at least
``min_group``; otherwise the smallest shown cell is hidden too, until that holds (or
nothing is shown). It is applied to the groups of a cut (respondents) and then to every
question of it (answers), because optional questions have fewer answers than respondents.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping


def protect(
    counts: Mapping[str, int], min_group: int, eligible: Iterable[str] | None = None
) -> set[str]:
    """The cells that can be shown; the hidden rest counts 0 or at least ``min_group``.

    ``counts`` must cover the whole total of the cut (a rest that is never shown is one
    more cell outside ``eligible``).
    """
    candidates = counts.keys() if eligible is None else set(eligible)
    shown = {name for name in candidates if counts[name] >= min_group}
    while shown:
        rest = sum(n for name, n in counts.items() if name not in shown)
        if rest == 0 or rest >= min_group:
            break
        shown.remove(min(shown, key=lambda name: (counts[name], name)))
    return shown
