"""Read-side queries for trajects, built so that a page costs the same number of SQL queries
whatever the number of trajects."""

from __future__ import annotations

import datetime

from django.db.models import Count, IntegerField, OuterRef, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from werkpad.route.models import PARTY_ORDER, Party, Phase

from .models import Afspraak, JournaalNotitie, Traject, TrajectMilestone

OPEN_STATUSES = [TrajectMilestone.Status.OPEN, TrajectMilestone.Status.BEZIG]
NO_CONTACT_DAYS = 30


def _count(qs: QuerySet) -> Coalesce:
    return Coalesce(
        Subquery(
            qs.order_by().values("traject").annotate(n=Count("pk")).values("n")[:1],
            output_field=IntegerField(),
        ),
        Value(0),
    )


def with_overview(qs: QuerySet[Traject]) -> QuerySet[Traject]:
    """Annotate trajects with what a caseload or an overview shows."""
    today = timezone.localdate()
    return qs.select_related("kandidaat").annotate(
        last_contact=Subquery(
            JournaalNotitie.objects.filter(traject=OuterRef("pk"))
            .order_by("-date")
            .values("date")[:1]
        ),
        open_in_phase=_count(
            TrajectMilestone.objects.filter(
                traject=OuterRef("pk"),
                route_milestone__phase=OuterRef("phase"),
                status__in=OPEN_STATUSES,
            )
        ),
        overdue_count=_count(
            Afspraak.objects.filter(
                traject=OuterRef("pk"), status=Afspraak.Status.OPEN, due_date__lt=today
            )
        ),
    )


def without_recent_contact(qs: QuerySet[Traject], days: int = NO_CONTACT_DAYS) -> QuerySet:
    """Open trajects with no journal contact for `days` days (counting from the start when
    there has been none)."""
    cutoff = timezone.localdate() - datetime.timedelta(days=days)
    return (
        with_overview(qs.filter(closed_at__isnull=True))
        .annotate(contact_or_start=Coalesce("last_contact", "started_on"))
        .filter(contact_or_start__lt=cutoff)
        .order_by("contact_or_start")
    )


def overdue_afspraken(trajects: QuerySet[Traject]) -> QuerySet[Afspraak]:
    return (
        Afspraak.objects.filter(
            traject__in=trajects.values("pk"),
            status=Afspraak.Status.OPEN,
            due_date__lt=timezone.localdate(),
        )
        .select_related("traject__kandidaat", "who__user")
        .order_by("due_date", "pk")
    )


def phase_counts(trajects: QuerySet[Traject]) -> dict[str, int]:
    rows = (
        trajects.filter(closed_at__isnull=True).order_by().values("phase").annotate(n=Count("pk"))
    )
    return {row["phase"]: row["n"] for row in rows}


def timeline_events(traject: Traject, kinds: set[str] | None) -> QuerySet:
    """The traject's timeline, newest first, limited to the kinds the reader may see
    (None: all)."""
    qs = traject.gebeurtenissen.select_related(
        "actor",
        "transition",
        "milestone__route_milestone",
        "afspraak__who__user",
        "notitie",
        "betrokkene__user",
    )
    if kinds is not None:
        qs = qs.filter(kind__in=kinds)
    return qs


def progress(milestones: list[TrajectMilestone]) -> dict:
    """Done/total per phase and per party, from one list of milestones."""
    per_phase = {p.value: {"phase": p, "done": 0, "total": 0} for p in Phase}
    per_party: dict[str, dict] = {}
    for m in milestones:
        rm = m.route_milestone
        party = per_party.setdefault(rm.party, {"party": Party(rm.party), "done": 0, "total": 0})
        for bucket in (per_phase[rm.phase], party):
            if m.status != TrajectMilestone.Status.NVT:
                bucket["total"] += 1
                bucket["done"] += m.status == TrajectMilestone.Status.KLAAR
    for bucket in [*per_phase.values(), *per_party.values()]:
        bucket["percent"] = round(100 * bucket["done"] / bucket["total"]) if bucket["total"] else 0
    return {
        "phases": list(per_phase.values()),
        "parties": sorted(per_party.values(), key=lambda b: PARTY_ORDER[b["party"].value]),
    }


def betrokkenen_by_party(traject: Traject) -> list[tuple]:
    """The people involved, per party in route-map order (empty parties included)."""
    grouped: dict[str, list] = {}
    for b in traject.betrokkenen.select_related("user__organisation"):
        grouped.setdefault(b.party, []).append(b)
    return [(Party(code), grouped.get(code, [])) for code in Party.values]
