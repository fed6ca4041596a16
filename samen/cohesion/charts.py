"""Small static SVG charts, made by hand: no JavaScript, no external reference, scalable.

Why not pygal: pygal always writes an inline <script> (its `window.pygal.config`), comments with
web addresses and `file://` style sheet references into its SVG, whatever its configuration, and
it has no reference line for bar charts. These few functions draw exactly what the pages need.
Every chart is an image with a title and a description; the table beside it carries the same
figures and is the accessible source.
"""

import itertools
import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from django.template.defaultfilters import floatformat
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

WIDTH = 360
PLOT_HEIGHT = 170
LEFT = 48
RIGHT = 12
TOP = 14
BOTTOM = 40
LEGEND_LINE = 20
FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", Arial, sans-serif'
TEXT = "#1b1b1b"
GRID = "#b1b4b6"
# Dark enough for 4.5:1 on white and far enough apart; the legend also names each series.
COLOURS = ("#00703c", "#1d4f91", "#8c3b00", "#6b2c91", "#3d3d3d")
# Lines differ by dash too, so that colour is never the only difference.
DASHES = ("", ' stroke-dasharray="7 4"', ' stroke-dasharray="2 3"', "", "")


@dataclass(frozen=True)
class Series:
    """One named row of values (None = not shown)."""

    name: str
    values: Sequence[float | None]


def _num(value: float, decimals: int = 1) -> str:
    # The same rounding (half up) and decimal mark as the tables' |floatformat.
    return floatformat(value, decimals)


def _short(text: str, chars: int) -> str:
    text = str(text)
    return text if len(text) <= chars else text[: max(chars - 1, 1)] + "…"


def _open(title: str, desc: str, height: int) -> tuple[list[str], str]:
    uid = f"chart-{uuid.uuid4().hex[:8]}"
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {WIDTH} {height}" '
        f'width="100%" preserveAspectRatio="xMidYMid meet" role="img" '
        f'aria-label="{escape(title)}" aria-labelledby="{uid}-t {uid}-d" '
        f'font-family="{escape(FONT)}" font-size="13" fill="{TEXT}">',
        f'<title id="{uid}-t">{escape(title)}</title>',
        f'<desc id="{uid}-d">{escape(desc)}</desc>',
        f'<rect x="0" y="0" width="{WIDTH}" height="{height}" fill="#ffffff"/>',
    ]
    return parts, uid


def _legend(parts: list[str], series: Sequence[Series], top: int, lines: bool = False) -> int:
    """Draw one legend line per series from `top`; return the y below the legend."""
    if len(series) < 2:
        return top
    for index, one in enumerate(series):
        y = top + index * LEGEND_LINE
        colour = COLOURS[index % len(COLOURS)]
        if lines:
            parts.append(
                f'<line x1="{LEFT}" x2="{LEFT + 22}" y1="{y + 7}" y2="{y + 7}" stroke="{colour}" '
                f'stroke-width="3"{DASHES[index % len(DASHES)]}/>'
            )
        else:
            parts.append(f'<rect x="{LEFT}" y="{y}" width="14" height="14" fill="{colour}"/>')
        parts.append(f'<text x="{LEFT + 28}" y="{y + 12}">{escape(_short(one.name, 40))}</text>')
    return top + len(series) * LEGEND_LINE + 6


def _axis(
    parts: list[str], top: int, max_value: float, step: float, unit: str, decimals: int
) -> None:
    ticks = round(max_value / step)
    for tick in range(ticks + 1):
        value = tick * step
        y = top + PLOT_HEIGHT - PLOT_HEIGHT * value / max_value
        parts.append(
            f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}" '
            f'stroke="{GRID}" stroke-width="1"/>'
        )
        parts.append(
            f'<text x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end">'
            f"{escape(_num(value, decimals))}{escape(unit)}</text>"
        )


def _two_lines(text: str, chars: int) -> list[str]:
    """Split a label that is too long at the space nearest its middle (each line shortened)."""
    text = str(text)
    if len(text) <= chars or " " not in text:
        return [_short(text, chars)]
    middle = len(text) / 2
    cut = min((i for i, c in enumerate(text) if c == " "), key=lambda i: abs(i - middle))
    return [_short(text[:cut], chars), _short(text[cut + 1 :], chars)]


def _x_labels(parts: list[str], labels: Sequence[str], top: int, every: int = 1) -> None:
    count = len(labels)
    group = (WIDTH - LEFT - RIGHT) / max(count, 1)
    chars = max(4, int(group * every / 7.5))
    for index, label in enumerate(labels):
        if index % every and index != count - 1:
            continue
        x = LEFT + group * (index + 0.5)
        lines = _two_lines(label, chars)
        spans = "".join(
            f'<tspan x="{x:.1f}" dy="{0 if n == 0 else 14}">{escape(line)}</tspan>'
            for n, line in enumerate(lines)
        )
        parts.append(
            f'<text x="{x:.1f}" y="{top + PLOT_HEIGHT + 18}" text-anchor="middle">{spans}</text>'
        )


def bar_chart(
    *,
    title: str,
    desc: str,
    labels: Sequence[str],
    series: Sequence[Series],
    max_value: float = 10,
    step: float = 2,
    unit: str = "",
    decimals: int = 1,
    reference: tuple[float, str] | None = None,
) -> SafeString:
    """Draw grouped vertical bars per label, one colour per series, with an optional line."""
    top = _legend([], series, TOP)  # measure first: the legend sits above the plot
    height = top + PLOT_HEIGHT + BOTTOM + (LEGEND_LINE if reference else 0)
    parts, _uid = _open(title, desc, height)
    _legend(parts, series, TOP)
    _axis(parts, top, max_value, step, unit, 0 if step >= 1 else 1)
    group = (WIDTH - LEFT - RIGHT) / max(len(labels), 1)
    bar = group * 0.72 / max(len(series), 1)
    for s_index, one in enumerate(series):
        colour = COLOURS[s_index % len(COLOURS)]
        for index, value in enumerate(one.values):
            x = LEFT + group * index + group * 0.14 + bar * s_index
            base = top + PLOT_HEIGHT
            if value is None:
                parts.append(
                    f'<text x="{x + bar / 2:.1f}" y="{base - 4}" text-anchor="middle">–</text>'
                )
                continue
            h = PLOT_HEIGHT * min(max(value, 0), max_value) / max_value
            parts.append(
                f'<rect x="{x:.1f}" y="{base - h:.1f}" width="{bar:.1f}" height="{h:.1f}" '
                f'fill="{colour}"/>'
            )
            if bar >= 22:
                # Inside the bar (white on the dark colour) when it is tall enough, so that the
                # figure never sits on the reference line; above it otherwise.
                inside = h >= 22
                label_y = base - h + 16 if inside else base - h - 4
                fill = ' fill="#ffffff"' if inside else ""
                parts.append(
                    f'<text x="{x + bar / 2:.1f}" y="{label_y:.1f}" text-anchor="middle" '
                    f'font-size="12"{fill}>{escape(_num(value, decimals))}</text>'
                )
    _x_labels(parts, labels, top)
    if reference is not None:
        value, label = reference
        y = top + PLOT_HEIGHT - PLOT_HEIGHT * value / max_value
        parts.append(
            f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y:.1f}" y2="{y:.1f}" stroke="{TEXT}" '
            f'stroke-width="2" stroke-dasharray="6 4"/>'
        )
        parts.append(
            f'<line x1="{LEFT}" x2="{LEFT + 24}" y1="{height - 10}" y2="{height - 10}" '
            f'stroke="{TEXT}" stroke-width="2" stroke-dasharray="6 4"/>'
        )
        parts.append(f'<text x="{LEFT + 30}" y="{height - 6}">{escape(label)}</text>')
    parts.append("</svg>")
    return mark_safe("".join(parts))  # every text above went through escape()


def line_chart(
    *,
    title: str,
    desc: str,
    labels: Sequence[str],
    series: Sequence[Series],
    max_value: float = 100,
    step: float = 25,
    unit: str = "%",
    decimals: int = 0,
) -> SafeString:
    """Draw one line per series over the labels (a gap where a value is None)."""
    top = _legend([], series, TOP)
    height = top + PLOT_HEIGHT + BOTTOM
    parts, _uid = _open(title, desc, height)
    _legend(parts, series, TOP, lines=True)
    _axis(parts, top, max_value, step, unit, 0)
    group = (WIDTH - LEFT - RIGHT) / max(len(labels), 1)
    for s_index, one in enumerate(series):
        colour = COLOURS[s_index % len(COLOURS)]
        points = [
            (
                LEFT + group * (index + 0.5),
                top + PLOT_HEIGHT * (1 - min(value, max_value) / max_value),
            )
            if value is not None
            else None
            for index, value in enumerate(one.values)
        ]
        runs = [
            list(run)
            for present, run in itertools.groupby(points, key=lambda p: p is not None)
            if present
        ]
        for run in runs:
            if len(run) > 1:
                path = " ".join(f"{x:.1f},{y:.1f}" for x, y in run)
                parts.append(
                    f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="3"'
                    f"{DASHES[s_index % len(DASHES)]}/>"
                )
            for x, y in run:
                parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="{colour}"/>')
    _x_labels(parts, labels, top, every=max(1, len(labels) // 4))
    parts.append("</svg>")
    return mark_safe("".join(parts))  # every text above went through escape()


def reference_label() -> str:
    """Return the label of the national reference line, with its year."""
    from django.utils.translation import gettext as _

    from samen.cohesion.instrument import NATIONAL_REFERENCE, NATIONAL_REFERENCE_YEAR

    return _("National reference (CBS, %(year)s): %(value)s") % {
        "year": NATIONAL_REFERENCE_YEAR,
        "value": _num(NATIONAL_REFERENCE),
    }


def neighbourhood_charts(figures) -> dict[str, SafeString | None]:  # type: ignore[no-untyped-def]
    """Return the charts of one neighbourhood's dashboard (None where there is nothing to draw)."""
    from django.utils.translation import gettext as _

    from samen.cohesion.instrument import NATIONAL_REFERENCE

    waves = figures.waves
    charts: dict[str, SafeString | None] = {"score": None, "bands": None}
    charts.update(network=None, network_waves=None, funnel=None)
    if waves:
        charts["score"] = bar_chart(
            title=_("Cohesion score per survey (0 to 10)"),
            desc=_(
                "One bar per survey; the dashed line is the national reference. "
                "The table below has the same figures."
            ),
            labels=[str(w.wave.title) for w in waves],
            series=[Series(_("cohesion score"), [w.score for w in waves])],
            reference=(NATIONAL_REFERENCE, reference_label()),
        )
    with_bands = [w for w in waves if w.bands is not None]
    if with_bands:
        charts["bands"] = bar_chart(
            title=_("How many neighbours do people know by name?"),
            desc=_(
                "Share of the answers per band, one colour per survey. "
                "The table below has the same figures."
            ),
            labels=[str(band.label) for band in with_bands[0].bands],
            series=[
                Series(str(w.wave.title), [band.percent for band in w.bands]) for w in with_bands
            ],
            max_value=100,
            step=25,
            unit="%",
            decimals=0,
        )
    with_network = [w for w in waves if w.network is not None]
    if with_network:
        charts["network_waves"] = bar_chart(
            title=_("The network of acquaintances at the end of each survey"),
            desc=_(
                "Per survey: share of households without a known acquaintance, and share in the "
                "largest connected group. The table below has the same figures."
            ),
            labels=[str(w.wave.title) for w in with_network],
            series=[
                Series(
                    _("without a known acquaintance"),
                    [w.network.without_percent for w in with_network],
                ),
                Series(
                    _("in the largest group"),
                    [w.network.largest_group_percent for w in with_network],
                ),
            ],
            max_value=100,
            step=25,
            unit="%",
            decimals=0,
        )
    if figures.network_over_time:
        moments = figures.network_over_time
        charts["network"] = line_chart(
            title=_("The network of acquaintances after each activity"),
            desc=_(
                "Share of households without a known acquaintance, and share in the "
                "largest connected group, after each activity. "
                "The table below has the same figures."
            ),
            labels=[f"{m.day:%d/%m/%y}" for m in moments],
            series=[
                Series(
                    _("without a known acquaintance"), [m.figures.without_percent for m in moments]
                ),
                Series(
                    _("in the largest group"), [m.figures.largest_group_percent for m in moments]
                ),
            ],
        )
    if figures.funnels:
        charts["funnel"] = bar_chart(
            title=_("Participation per phase"),
            desc=_(
                "Share of all households per step, one colour per phase. "
                "The table below has the same figures."
            ),
            labels=[str(step.short) for step in figures.funnels[0].steps],
            series=[Series(str(f.title), [s.percent for s in f.steps]) for f in figures.funnels],
            max_value=100,
            step=25,
            unit="%",
            decimals=0,
        )
    return charts


def company_chart(rows) -> SafeString | None:  # type: ignore[no-untyped-def]
    """Return the grouped bar chart of the latest two surveys per neighbourhood."""
    from django.utils.translation import gettext as _

    from samen.cohesion.instrument import NATIONAL_REFERENCE

    if not rows:
        return None
    return bar_chart(
        title=_("Cohesion score per neighbourhood: the latest two surveys"),
        desc=_(
            "Two bars per neighbourhood: the survey before and the latest survey. "
            "The dashed line is the national reference. The table has the same figures."
        ),
        labels=[row.neighbourhood.name for row in rows],
        series=[
            Series(
                _("the survey before"), [r.previous.score if r.previous else None for r in rows]
            ),
            Series(_("the latest survey"), [r.latest.score if r.latest else None for r in rows]),
        ],
        reference=(NATIONAL_REFERENCE, reference_label()),
    )
