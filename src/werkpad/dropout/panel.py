"""What the placement and traject pages show of dropout: a banner while in phase e (with the
crisis card on the placement page), the "Uitval melden" button in phases c and d, and on the
traject page the earlier episodes. Each panel costs a constant number of queries."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone

from werkpad import access
from werkpad.instruments.policy import Instrument
from werkpad.route.models import Phase

from .policy import wat_hielp_visible
from .service import REPORT_FROM


def _banner(user, traject) -> dict:
    in_uitval = traject.phase == Phase.UITVAL and not traject.is_closed
    return {
        "traject": traject,
        "in_uitval": in_uitval,
        "can_report": traject.phase in REPORT_FROM
        and not traject.is_closed
        and access.can(user, "uitval.report", traject),
        "report_url": reverse("uitval:melden", args=[traject.pk]),
        # a traject put in e without reporting dropout (`Traject.move_to`) has no episode to link to
        "since": timezone.localdate(traject.phase_since),
    }


def plaatsing_panel(user, plaatsing) -> dict:
    """Context for `dropout/_plaatsing_panel.html` ({} shows nothing)."""
    traject = plaatsing.traject
    if not access.can(user, "uitval.view", traject):
        return {}
    panel = _banner(user, traject)
    panel["can_report"] = panel["can_report"] and plaatsing.ended_on is None
    if not (panel["in_uitval"] or panel["can_report"]):
        return {}
    panel["report_url"] += f"?plaatsing={plaatsing.pk}"
    if panel["in_uitval"]:
        panel["current"] = traject.uitvalepisodes.filter(geeindigd_op__isnull=True).first()
        if panel["current"] is not None:
            panel["since"] = panel["current"].begonnen_op
        panel["crisiskaart"] = access.can(
            user, "instrument.view", Instrument(traject.kandidaat, "crisiskaart")
        )
    return panel


def traject_panel(user, traject) -> dict:
    """Context for `dropout/_traject_panel.html` ({} shows nothing)."""
    if not access.can(user, "uitval.view", traject):
        return {}
    episodes = list(traject.uitvalepisodes.select_related("terugkeerplan"))
    panel = _banner(user, traject)
    if not (episodes or panel["in_uitval"] or panel["can_report"]):
        return {}
    current = next((e for e in episodes if e.is_open), None)
    if current is not None and panel["in_uitval"]:
        panel["since"] = current.begonnen_op
    panel.update(
        {
            "current": current if panel["in_uitval"] else None,
            "past": [e for e in episodes if not e.is_open],
            "show_reason": access.can(user, "traject.reasons", traject),
            "show_wat_hielp": wat_hielp_visible(user, traject),
        }
    )
    return panel
