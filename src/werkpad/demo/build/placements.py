"""Matching and placements (placements.yaml): the candidates' consent to be matched, and each
placement started the way the placement page starts one: a match conversation with the
outcome 'match' (`add_matchgesprek`), then `PlaatsingForm` and `Plaatsing.create_from_match`,
which moves the traject to phase c and adds the employer's people as betrokkenen; then the
build-up of hours (`save_opbouw`)."""

from __future__ import annotations

import datetime
from decimal import Decimal

from werkpad.accounts.models import User
from werkpad.instruments.models import Regeling
from werkpad.matching import service as matching
from werkpad.matching.forms import MatchgesprekForm, MatchprofielForm
from werkpad.matching.models import Matchgesprek, Matchprofiel
from werkpad.placements import service as placements
from werkpad.placements.forms import OpbouwFormSet, PlaatsingForm
from werkpad.placements.models import Plaatsing
from werkpad.route.models import Phase
from werkpad.trajects.models import Kandidaat, PhaseTransition, Traject

from .clock import Clock
from .employers import Employer
from .forms import formset_rows, post, valid


def build_match_profile(kandidaat: Kandidaat, spec: dict) -> Matchprofiel:
    """The candidate's consent and travel area, given when the traject first came into
    matching."""
    form = MatchprofielForm(
        post({"akkoord": True, "reisgebied": spec["reisgebied"]}),
        instance=Matchprofiel(kandidaat=kandidaat),
    )
    profiel = matching.save_matchprofiel(valid(form))
    entered = (
        PhaseTransition.objects.filter(traject__kandidaat=kandidaat, to_phase=Phase.MATCHING)
        .order_by("at")
        .values_list("at", flat=True)
        .first()
    )
    if entered is not None:
        Matchprofiel.objects.filter(pk=profiel.pk).update(akkoord_op=entered)
    return profiel


def start_placement(
    traject: Traject,
    spec: dict,
    employer: Employer,
    coach: User,
    at: datetime.datetime,
    clock: Clock,
) -> Plaatsing:
    """The match conversation and the placement, at `at` (the day of the move to c)."""
    talk = spec["match_meeting"]
    values = {k: v for k, v in talk.items() if k != "days_ago"}
    form = MatchgesprekForm(
        post(
            {"date": clock.day(talk["days_ago"]), **values, "uitkomst": Matchgesprek.Uitkomst.MATCH}
        )
    )
    functie = employer.jobs[spec["job"]]
    gesprek = matching.add_matchgesprek(valid(form), traject.kandidaat, functie, coach)
    Matchgesprek.objects.filter(pk=gesprek.pk).update(created_at=clock.at(talk["days_ago"], 15))

    regelingen = Regeling.objects.filter(key__in=spec["regelingen"])
    fields = {
        "start_date": clock.monday_from(clock.day(spec["start_days_ago"])),
        "soort": spec["soort"],
        "contract_uren": Decimal(spec["contract_uren"]),
        "leidinggevende": employer.contacts[spec["leidinggevende"]].pk,
        "buddy": employer.contacts[spec["buddy"]].pk,
        "regelingen": [r.pk for r in regelingen],
        **spec["plans"],
    }
    form = valid(PlaatsingForm(post(fields), matchgesprek=gesprek, traject=traject))
    plaatsing = Plaatsing.create_from_match(gesprek, coach, traject=traject, **form.cleaned_data)
    Plaatsing.objects.filter(pk=plaatsing.pk).update(created_at=at)

    build_up = spec["build_up"]
    rows = (
        _weeks(build_up, plaatsing.start_date, clock)
        if "steps" in build_up
        else _fixed(build_up, plaatsing.start_date)
    )
    placements.save_opbouw(
        valid(OpbouwFormSet(post(formset_rows("stap", rows)), instance=plaatsing, prefix="stap"))
    )
    return plaatsing


def _weeks(build_up: dict, start: datetime.date, clock: Clock) -> list[dict]:
    """One row per week from the start to this week: the planned hours of the step that
    week is in, the hours worked (a few weeks shorter, with a reason), nothing yet for the
    current week; then the next step, in the future."""
    weeks = (clock.today - start).days // 7
    short = {}
    for item in build_up.get("short_weeks", []):
        week = item.get("week")
        index = week if week is not None else (clock.day(item["days_ago"]) - start).days // 7
        short[index] = (item["worked"], item["reason"])
    rows = []
    for week in range(weeks + 1):
        planned = max(s["hours"] for s in build_up["steps"] if s["from_week"] <= week)
        week_start = start + datetime.timedelta(weeks=week)
        row = {"week_start": week_start, "planned_hours": planned}
        if week_start + datetime.timedelta(days=6) < clock.today:
            worked, reason = short.get(week, (planned, ""))
            row.update(actual_hours=worked, reason=reason)
        rows.append(row)
    if step := build_up.get("next_step"):
        future = clock.monday_from(clock.due(step["in_days"]))
        rows.append({"week_start": future, "planned_hours": step["hours"]})
    return rows


def _fixed(build_up: dict, start: datetime.date) -> list[dict]:
    return [
        {
            "week_start": start + datetime.timedelta(weeks=row["week"]),
            "planned_hours": row["planned"],
            "actual_hours": row.get("worked", ""),
            "reason": row.get("reason", ""),
        }
        for row in build_up["weeks"]
    ]
