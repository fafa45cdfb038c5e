"""Building engine profiles from the database, with a fixed number of queries."""

from __future__ import annotations

import threading

from django.db.models import Count, Max, OuterRef, Prefetch, Subquery

from werkpad.employers.models import Functie, Taak
from werkpad.instruments.models import InstrumentVersie
from werkpad.trajects.models import Kandidaat

from .engine import AREAS, CandidateProfile, JobIndex, JobProfile, words

QUIET_AREA, STRUCTURE_AREA = "prikkels", "structuur"


def _latest_data(kandidaat_ids, kind: str) -> dict[int, dict]:
    newest = (
        InstrumentVersie.objects.filter(kandidaat=OuterRef("kandidaat"), kind=kind)
        .order_by("-number")
        .values("pk")[:1]
    )
    rows = InstrumentVersie.objects.filter(
        kandidaat_id__in=kandidaat_ids, kind=kind, pk=Subquery(newest)
    ).values_list("kandidaat_id", "data")
    return dict(rows)


def _int(value) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def candidate_profiles(kandidaten: list[Kandidaat]) -> list[CandidateProfile]:
    """Profiles from the newest 'wensen' and 'beschikbaarheid' versions and the match profile.
    Expects `matchprofiel` to be selected along (select_related) where there is one."""
    ids = [k.pk for k in kandidaten]
    wensen = _latest_data(ids, "wensen")
    beschikbaarheid = _latest_data(ids, "beschikbaarheid")
    profiles = []
    for k in kandidaten:
        w, b = wensen.get(k.pk, {}), beschikbaarheid.get(k.pk, {})
        capacities = {
            area: value for area in AREAS if (value := _int(w.get(f"cap_{area}"))) is not None
        }
        wish_text = " · ".join(
            part for part in (w.get("werk_wens"), w.get("sectoren"), w.get("taken_graag")) if part
        )
        mp = getattr(k, "matchprofiel", None)
        travel = set(mp.places()) if mp else set()
        if k.city:
            travel.add(k.city.strip().lower())
        profiles.append(
            CandidateProfile(
                key=k.pk,
                name=k.full_name,
                wish_words=words(wish_text),
                wish_text=wish_text,
                capacities=capacities,
                hours_start=_int(b.get("uren_start")),
                hours_goal=_int(b.get("uren_doel")),
                days=frozenset(b.get("dagen") or []),
                travel_area=frozenset(travel),
                needs_quiet=capacities.get(QUIET_AREA, 4) <= 2,
                needs_fixed_hours=capacities.get(STRUCTURE_AREA, 4) <= 2,
            )
        )
    return profiles


def job_queryset():
    return (
        Functie.objects.filter(open=True)
        .select_related("werkgever__organisation", "locatie")
        .prefetch_related(Prefetch("taken", queryset=Taak.objects.only("pk", "name")))
    )


def job_profiles(functies) -> list[JobProfile]:
    profiles = []
    for f in functies:
        text = " ".join(
            [f.title, f.description, f.werkgever.sector, *(t.name for t in f.taken.all())]
        )
        profiles.append(
            JobProfile(
                key=f.pk,
                title=f.title,
                employer=f.werkgever.organisation.name,
                employer_key=f.werkgever_id,
                words=words(text),
                demands={k: int(v) for k, v in f.demands.items() if v},
                hours=float(f.hours_per_week),
                days=frozenset(f.days or []),
                place=f.locatie.city.strip().lower(),
                postcode4=f.locatie.postcode.replace(" ", "")[:4],
                quiet_place=f.quiet_place,
                fixed_hours=f.fixed_hours,
            )
        )
    return profiles


_job_index_lock = threading.Lock()
_job_index: dict[tuple, JobIndex] = {}


def job_index() -> JobIndex:
    """The index of all open jobs, kept in memory until a job is added, changed, opened or
    closed (one cheap query tells). Building it at 10,000 jobs takes about a second; ranking
    against it a few milliseconds (docs/performance.md)."""
    state = Functie.objects.filter(open=True).aggregate(n=Count("pk"), last=Max("updated_at"))
    key = (state["n"], state["last"])
    with _job_index_lock:
        index = _job_index.get(key)
        if index is None:
            index = JobIndex(job_profiles(job_queryset()))
            _job_index.clear()
            _job_index[key] = index
    return index
