"""The build-up chart: planned against worked hours per week, drawn on the server with pygal.

Only numbers, dates we format ourselves and our own translated labels go into the chart; no
text a user typed (such as a reason) ever does. pygal writes the SVG with an XML serialiser,
which escapes what it is given as well. The chart needs no scripts: no script files are linked
(`js=[]`), and the small inline config script pygal always writes is taken out."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

import pygal
from django.utils import formats
from django.utils.translation import gettext as _
from pygal.style import Style


def style(colors: tuple[str, ...]) -> Style:
    """Werkpad's chart style (fonts, sizes, background) with the given series colours."""
    return Style(
        background="transparent",
        plot_background="#ffffff",
        foreground="#1f2933",
        foreground_strong="#1f2933",
        foreground_subtle="#d5dae1",
        opacity=".9",
        colors=colors,
        font_family="system-ui, -apple-system, 'Segoe UI', sans-serif",
        label_font_size=13,
        major_label_font_size=13,
        legend_font_size=14,
        title_font_size=16,
    )


# planned blue, worked green, the target grey
STYLE = style(("#1f5fa8", "#1b7f4b", "#8a96a3"))

SCRIPT = re.compile(r"<script\b[^>]*>.*?</script>", re.DOTALL)


def line_chart(points: int, **options: Any) -> pygal.Line:
    """A line chart as Werkpad draws them: an inline SVG without scripts, 800 wide, the legend
    at the bottom, dots of 4, the x labels slanted when there are more than 8 `points`.
    `options` add the chart's own (size, range, titles, style)."""
    return pygal.Line(
        js=[],
        disable_xml_declaration=True,
        explicit_size=False,
        width=800,
        legend_at_bottom=True,
        dots_size=4,
        x_label_rotation=0 if points <= 8 else 30,
        **options,
    )


def inline_svg(chart: pygal.Line) -> str:
    """The chart as an inline SVG string: no XML declaration, no scripts, no title."""
    # the serialiser escapes "<" in text, so the first "</script>" closes the script element;
    # pygal's default <title> ("Pygal") would show as a tooltip; the page has its own heading
    return SCRIPT.sub("", chart.render(is_unicode=True)).replace("<title>Pygal</title>", "", 1)


def _number(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def week_label(step) -> str:
    return formats.date_format(step.week_start, "j b")


def svg(steps: list, contract_uren: Decimal) -> str:
    """The chart as an inline SVG string (no XML declaration, no scripts)."""
    chart = line_chart(
        len(steps),
        height=360,
        include_x_axis=True,
        range=(0, 40),
        legend_at_bottom_columns=3,
        x_title=_("Week vanaf"),
        y_title=_("Uren per week"),
        style=STYLE,
        no_data_text=_("Nog geen weken gepland"),
    )
    chart.x_labels = [week_label(step) for step in steps]
    chart.add(_("Gepland"), [_number(step.planned_hours) for step in steps])
    chart.add(_("Gewerkt"), [_number(step.actual_hours) for step in steps])
    chart.add(
        _("Doel"),
        [_number(contract_uren)] * len(steps),
        show_dots=False,
        stroke_style={"dasharray": "6, 4", "width": 2},
    )
    return inline_svg(chart)
