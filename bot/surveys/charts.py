"""Charts of survey results as PNG bytes (matplotlib, Agg backend, no pyplot state).

matplotlib is imported when a chart is drawn, not with this module: the bot (and every
``asn-bot`` command that loads the handlers) starts without it.
"""

from __future__ import annotations

import io
import math
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from matplotlib.figure import Figure

COLUMNS = 2
BAR_COLOUR = "#2f6db5"
DPI = 100


@dataclass(frozen=True)
class Panel:
    """One bar chart: a title and (label, value) bars."""

    title: str
    bars: Sequence[tuple[str, float]]


def _png(fig: Figure) -> bytes:
    """Render a figure to PNG bytes."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    FigureCanvasAgg(fig)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=DPI)
    return buffer.getvalue()


def distribution_chart(panels: Sequence[Panel], title: str = "") -> bytes:
    """Bars per question (one panel each) in a grid, as one PNG."""
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    count = max(1, len(panels))
    rows = math.ceil(count / COLUMNS)
    fig = Figure(figsize=(11, 3.2 * rows), layout="constrained")
    if title:
        fig.suptitle(title)
    for i, panel in enumerate(panels):
        ax = fig.add_subplot(rows, COLUMNS, i + 1)
        labels = [textwrap.shorten(label, 18, placeholder="…") for label, _ in panel.bars]
        values = [value for _, value in panel.bars]
        ax.bar(range(len(values)), values, color=BAR_COLOUR)
        ax.set_xticks(range(len(values)), labels, fontsize=7, rotation=30 if len(values) > 5 else 0)
        ax.set_title(textwrap.fill(panel.title, 60), fontsize=9)
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    return _png(fig)


def unit_chart(bars: Sequence[tuple[str, float]], title: str, xlabel: str = "") -> bytes:
    """Horizontal bars comparing units (e.g. mean satisfaction), as one PNG."""
    from matplotlib.figure import Figure

    height = max(2.5, 0.5 * len(bars) + 1.5)
    fig = Figure(figsize=(9, height), layout="constrained")
    ax = fig.add_subplot(1, 1, 1)
    labels = [textwrap.shorten(label, 40, placeholder="…") for label, _ in bars]
    ax.barh(range(len(bars)), [v for _, v in bars], color=BAR_COLOUR)
    ax.set_yticks(range(len(bars)), labels, fontsize=8)
    ax.invert_yaxis()
    ax.set_title(title, fontsize=10)
    if xlabel:
        ax.set_xlabel(xlabel)
    return _png(fig)
