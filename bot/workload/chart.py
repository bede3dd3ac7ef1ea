"""The workload chart: one bar pair (need, staffed) per unit, shortage and surplus coloured."""

from __future__ import annotations

import io
from collections.abc import Sequence

from bot.workload.balance import UnitBalance

NEED_COLOUR = "#9e9e9e"
SHORT_COLOUR = "#d32f2f"
SURPLUS_COLOUR = "#388e3c"
EVEN_COLOUR = "#1976d2"


def staffed_colour(gap: int) -> str:
    """Red for a shortage, green for a surplus, blue when need is met exactly."""
    if gap < 0:
        return SHORT_COLOUR
    return SURPLUS_COLOUR if gap > 0 else EVEN_COLOUR


def render_png(
    balances: Sequence[UnitBalance], title: str, labels: tuple[str, str], after: bool = False
) -> bytes:
    """A PNG bar chart of need vs staffed (after the plan when ``after``)."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    fig = Figure(figsize=(max(6.0, 1.2 * len(balances) + 2), 4.5), dpi=100)
    ax = fig.add_subplot()
    xs = list(range(len(balances)))
    width = 0.38
    needs = [b.need for b in balances]
    staffed = [b.staffed_after if after else b.staffed for b in balances]
    gaps = [b.gap_after if after else b.gap for b in balances]
    ax.bar([x - width / 2 for x in xs], needs, width, color=NEED_COLOUR, label=labels[0])
    ax.bar(
        [x + width / 2 for x in xs],
        staffed,
        width,
        color=[staffed_colour(g) for g in gaps],
        label=labels[1],
    )
    ax.set_xticks(xs)
    ax.set_xticklabels([b.unit[:22] for b in balances], rotation=30, ha="right", fontsize=8)
    ax.set_title(title)
    ax.legend()
    fig.tight_layout()
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    return buffer.getvalue()
