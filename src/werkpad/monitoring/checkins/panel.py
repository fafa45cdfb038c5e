"""What the placement page and the candidate's portal show of the monitoring: the traffic
light (with its reasons, for who may see them), the next check-in and the links to fill one
in. Each costs a constant number of queries."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone

from werkpad import access
from werkpad.audit.trail import log_read

from ..models import CheckInMoment, MonitoringSchema
from . import service


def plaatsing_panel(user, plaatsing) -> dict:
    """Context for `monitoring/_panel.html` on the placement page ({} shows nothing)."""
    today = timezone.localdate()
    actief = service.is_active(plaatsing, today)
    show_light = access.can(user, "plaatsing.monitoring", plaatsing)
    checkin_url, voor = "", None
    if actief and access.can(user, "plaatsing.checkin", plaatsing):
        checkin_url, voor = reverse("monitoring:checkin", args=[plaatsing.pk]), "kandidaat"
    elif actief and access.can(user, "plaatsing.checkin_leidinggevende", plaatsing):
        checkin_url = reverse("monitoring:checkin_leidinggevende", args=[plaatsing.pk])
        voor = "leidinggevende"
    if not show_light and not checkin_url:
        return {}
    schema = (
        MonitoringSchema.for_plaatsing(plaatsing, today)
        if actief
        else MonitoringSchema.objects.filter(plaatsing=plaatsing).first()
    )
    if show_light and schema and schema.redenen and plaatsing.traject.kandidaat.user_id != user.pk:
        log_read(user, plaatsing, detail="stoplicht")
    return {
        "plaatsing": plaatsing,
        "schema": schema,
        "actief": actief,
        "show_light": show_light,
        "niet_gedeeld": not show_light,
        "checkin_url": checkin_url,
        "checkin_open": bool(voor) and service.open_moment(plaatsing, voor) is not None,
    }


def portal_checkin(user, traject) -> dict:
    """For the candidate's start page: the check-in button when they have an active
    placement in this traject ({} when not), highlighted when a check-in is waiting."""
    if traject is None or traject.kandidaat.user_id != user.pk:
        return {}
    plaatsing = (
        service.active_plaatsingen()
        .filter(traject=traject)
        .select_related("traject__kandidaat", "monitoring")
        .order_by("-start_date", "-pk")
        .first()
    )
    if plaatsing is None:
        return {}
    schema = plaatsing.monitoring if _has_schema(plaatsing) else None
    return {
        "url": reverse("monitoring:checkin", args=[plaatsing.pk]),
        "open": service.open_moment(plaatsing, CheckInMoment.Voor.KANDIDAAT) is not None,
        "volgende": schema.next_checkin if schema else None,
        "plaatsing": plaatsing,
    }


def _has_schema(plaatsing) -> bool:
    try:
        plaatsing.monitoring  # noqa: B018
    except MonitoringSchema.DoesNotExist:
        return False
    return True
