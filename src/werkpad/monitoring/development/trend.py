"""The trend of a placement: the candidate's check-in answers and the supervisor's view over
time, with the planned check-ins that were missed. The chart is drawn on the server with
pygal in the style of `placements/chart.py` (the hours chart is that one); the same numbers
go into a table under it.

Only numbers, dates we format ourselves and our own translated labels go into the chart;
never a remark someone typed."""

from __future__ import annotations

import datetime
import math
from dataclasses import dataclass

from django.utils import formats
from django.utils.translation import gettext as _

from werkpad.placements.chart import inline_svg, line_chart, style

from ..models import CheckInMoment, KandidaatCheckIn, LeidinggevendeCheckIn
from ..rules import engine

# blue, orange-red, green, purple for the candidate's answers; grey for the supervisor
STYLE = style(("#1f5fa8", "#b5412f", "#1b7f4b", "#7a4fa8", "#5b6473"))

# the candidate's four answers, in the order of the check-in
VRAGEN = ("energie", "spanning", "plezier", "belasting")
MAX_LABELS = 10  # more dates than this: only every so many is written under the chart


@dataclass
class Rij:
    """One line of the table: a date with the candidate's answers and/or the supervisor's,
    or a planned check-in that was not filled in."""

    datum: datetime.date
    energie: int | None = None
    spanning: int | None = None
    plezier: int | None = None
    belasting: int | None = None
    gaat_goed: int | None = None
    signalen_gezien: bool = False
    kandidaat: bool = False  # the candidate checked in on this line
    leidinggevende: bool = False  # the supervisor checked in on this line
    gemist: bool = False  # planned, not filled in, and its days have passed
    open: bool = False  # planned, date passed, but it still counts when filled in now

    @property
    def heeft_cijfers(self) -> bool:
        return self.kandidaat or self.leidinggevende


@dataclass
class Verloop:
    rijen: list[Rij]
    aantal_checkins: int
    aantal_leidinggevende: int
    aantal_gemist: int

    @property
    def grafiek_rijen(self) -> list[Rij]:
        return [r for r in self.rijen if r.heeft_cijfers]


def verloop(
    checkins: list[KandidaatCheckIn],
    leidinggevende: list[LeidinggevendeCheckIn],
    momenten: list[CheckInMoment],
    today: datetime.date,
) -> Verloop:
    """Put the check-ins, the supervisor's check-ins and the missed planned check-ins of one
    placement into date order. `momenten`: the candidate's planned check-ins before today
    that were not marked as filled in. A planned check-in counts as missed the way the
    signal rules count it (a check-in up to the tolerance before or after covers it)."""
    rows: list[Rij] = []
    for c in sorted(checkins, key=lambda c: (c.datum, c.pk)):
        rows.append(
            Rij(
                datum=c.datum,
                energie=c.energie,
                spanning=c.spanning,
                plezier=c.plezier,
                belasting=c.belasting,
                kandidaat=True,
            )
        )
    gemist = _gemist(checkins, momenten, today)
    for datum, missed in gemist:
        rows.append(Rij(datum=datum, gemist=missed, open=not missed))
    by_date: dict[datetime.date, list[Rij]] = {}
    for row in rows:
        by_date.setdefault(row.datum, []).append(row)
    for s in sorted(leidinggevende, key=lambda s: (s.datum, s.pk)):
        row = next((r for r in by_date.get(s.datum, []) if not r.leidinggevende), None)
        if row is None:
            row = Rij(datum=s.datum)
            rows.append(row)
            by_date.setdefault(s.datum, []).append(row)
        row.leidinggevende = True
        row.gaat_goed = s.gaat_goed
        row.signalen_gezien = s.signalen_gezien
    rows.sort(key=lambda r: (r.datum, not r.kandidaat))
    return Verloop(
        rijen=rows,
        aantal_checkins=len(checkins),
        aantal_leidinggevende=len(leidinggevende),
        aantal_gemist=sum(1 for _d, missed in gemist if missed),
    )


def _gemist(
    checkins: list[KandidaatCheckIn], momenten: list[CheckInMoment], today: datetime.date
) -> list[tuple[datetime.date, bool]]:
    """For each planned check-in before today without its own check-in: (date, missed);
    not missed = it may still be filled in. Covered ones are left out."""
    linked = {c.moment_id for c in checkins if c.moment_id}
    open_dates = sorted(
        {
            m.datum
            for m in momenten
            if m.pk not in linked and m.ingevuld_op is None and m.datum < today
        }
    )
    if not open_dates:
        return []
    loose = sorted((c.as_signal() for c in checkins if not c.moment_id), key=lambda c: c.date)
    tolerance = engine.default_rules().tolerance
    decided = dict(engine.missed_dates(loose, open_dates, today, tolerance))
    result = []
    for d in open_dates:
        if d not in decided:
            result.append((d, False))  # its days have not passed yet
        elif decided[d]:
            result.append((d, True))
    return result


def labels() -> dict[str, str]:
    """The series names, with the direction of the scale (spanning: high is worrying)."""
    return {
        "energie": _("Energie (5 = veel)"),
        "spanning": _("Spanning (5 = veel: hoog is zorgelijk)"),
        "plezier": _("Plezier in het werk (5 = veel)"),
        "belasting": _("Werkdruk past (5 = past goed)"),
        "gaat_goed": _("Leidinggevende: hoe gaat het werk (5 = heel goed)"),
    }


def date_label(d: datetime.date) -> str:
    return formats.date_format(d, "j b")


def svg(rijen: list[Rij]) -> str:
    """The check-in chart as an inline SVG string (no XML declaration, no scripts)."""
    names = labels()
    chart = line_chart(
        len(rijen),
        height=460,
        range=(1, 5),
        y_labels=[1, 2, 3, 4, 5],
        # one per line: pygal cuts off the last row when the columns do not divide the series
        legend_at_bottom_columns=1,
        truncate_legend=-1,
        x_title=_("Datum"),
        y_title=_("Antwoord (1-5)"),
        show_minor_x_labels=len(rijen) <= MAX_LABELS,
        x_labels_major_every=max(1, math.ceil(len(rijen) / MAX_LABELS)),
        style=STYLE,
        no_data_text=_("Nog geen check-ins"),
    )
    chart.x_labels = [date_label(r.datum) for r in rijen]
    chart.add(names["energie"], [r.energie for r in rijen])
    chart.add(
        names["spanning"],
        [r.spanning for r in rijen],
        stroke_style={"dasharray": "8, 4", "width": 2},
    )
    chart.add(names["plezier"], [r.plezier for r in rijen])
    chart.add(
        names["belasting"],
        [r.belasting for r in rijen],
        stroke_style={"dasharray": "2, 4", "width": 2},
    )
    chart.add(
        names["gaat_goed"],
        [r.gaat_goed for r in rijen],
        stroke_style={"dasharray": "12, 4, 2, 4", "width": 3},
    )
    return inline_svg(chart)
