"""Monitoring and dropout on top of the placements (monitoring.yaml).

The check-in history is stored as dated rows: no product path writes a check-in in the past
(`save_checkin` stores today's and assesses the placement against today after each one,
which would raise alerts for states that never were). Everything after that goes through
the services the pages use: `change_rhythm` for the next check-ins, `assess_placement` once
per placement (the light, and the coach's alert when it is orange), `save_step`,
`plan_meeting`, and the dropout's `report`, `tick` and `add_contact`."""

from __future__ import annotations

import datetime

from werkpad.accounts.models import User
from werkpad.dropout import service as dropout
from werkpad.monitoring.checkins import service as checkins
from werkpad.monitoring.development import service as development
from werkpad.monitoring.development.forms import OntwikkelstapForm
from werkpad.monitoring.meetings import service as meetings
from werkpad.monitoring.models import (
    CheckInMoment,
    KandidaatCheckIn,
    LeidinggevendeCheckIn,
    MonitoringSchema,
    Ontwikkelstap,
)
from werkpad.placements.models import Plaatsing

from .clock import Clock
from .forms import post, valid


def build_monitoring(
    plaatsing: Plaatsing, spec: dict, coach: User, users: dict[str, User], clock: Clock
) -> None:
    checkins_by = users.get(spec.get("checkins_by", ""))
    for row in spec["checkins"]:
        datum = clock.day(row["days_ago"])
        moment = CheckInMoment.objects.create(
            plaatsing=plaatsing,
            voor=CheckInMoment.Voor.KANDIDAAT,
            datum=datum,
            open_tot=CheckInMoment.closes_at(datum),
            ingevuld_op=clock.at(row["days_ago"], 17),
        )
        KandidaatCheckIn.objects.create(
            plaatsing=plaatsing,
            moment=moment,
            datum=datum,
            energie=row["energie"],
            spanning=row["spanning"],
            plezier=row["plezier"],
            belasting=row["belasting"],
            opmerking=row.get("opmerking", ""),
            ingevuld_door=checkins_by,
        )
    supervisor = users.get(spec.get("supervisor_checkins_by", ""))
    for row in spec["supervisor_checkins"]:
        LeidinggevendeCheckIn.objects.create(
            plaatsing=plaatsing,
            datum=clock.day(row["days_ago"]),
            gaat_goed=row["gaat_goed"],
            signalen_gezien=row["signalen_gezien"],
            toelichting=row.get("toelichting", ""),
            ingevuld_door=supervisor,
        )

    next_in = spec["next_checkin_in_days"]
    checkins.change_rhythm(
        MonitoringSchema.for_plaatsing(plaatsing),
        coach,
        {"next_checkin": clock.due(next_in), "next_leidinggevende": clock.due(max(next_in, 3))},
    )
    if spec.get("checkin_waiting_today"):
        CheckInMoment.objects.create(
            plaatsing=plaatsing,
            voor=CheckInMoment.Voor.KANDIDAAT,
            datum=clock.today,
            open_tot=CheckInMoment.closes_at(clock.today),
        )
    checkins.assess_placement(plaatsing)

    for step in spec.get("development_steps", []):
        _development_step(plaatsing, step, users[step["by"]], clock)
    if meeting := spec.get("meeting"):
        _meeting(plaatsing, meeting, users[meeting["by"]], clock)
    if episode := spec.get("dropout"):
        _dropout(plaatsing, episode, users, clock)


def _development_step(plaatsing: Plaatsing, step: dict, by: User, clock: Clock) -> Ontwikkelstap:
    values = {
        "doel": step["doel"],
        "kleine_stappen": "\n".join(step["kleine_stappen"]),
        "verwachting": step["verwachting"],
        "streefdatum": clock.due(step["target_in_days"]),
        "status": step["status"],
    }
    stap = Ontwikkelstap(plaatsing=plaatsing, created_by=by)
    form = valid(OntwikkelstapForm(post(values), instance=stap, plaatsing=plaatsing))
    return development.save_step(stap, by, form.cleaned_data)


def _meeting(plaatsing: Plaatsing, meeting: dict, by: User, clock: Clock) -> None:
    hour, minute = (int(part) for part in meeting["at"].split(":"))
    meetings.plan_meeting(
        plaatsing,
        by,
        begint_om=meetings.starts_at(clock.due(meeting["in_days"]), datetime.time(hour, minute)),
        duur_minuten=meeting["minutes"],
        locatie=meetings.default_locatie(plaatsing),
        agenda="\n".join(meetings.propose_agenda(plaatsing)),
    )


def _dropout(plaatsing: Plaatsing, spec: dict, users: dict[str, User], clock: Clock) -> None:
    episode = dropout.report(
        plaatsing.traject,
        users[spec["reported_by"]],
        begonnen_op=clock.day(spec["started_days_ago"]),
        reden=spec["reason"],
        plaatsing=plaatsing,
        contact_elke_dagen=spec["contact_every_days"],
    )
    done_by = spec["checklist_done"]
    known = set(episode.checklist.values_list("key", flat=True))
    if unknown := set(done_by) - known:
        raise ValueError(
            f"monitoring.yaml: dropout checklist has no point(s) {sorted(unknown)} "
            f"(known: {', '.join(sorted(known))})"
        )
    for punt in episode.checklist.filter(key__in=done_by):
        dropout.tick(punt, users[done_by[punt.key]], gedaan=True, notitie="")
    for contact in spec["contacts"]:
        dropout.add_contact(
            episode,
            users[contact["by"]],
            met=contact["with"],
            datum=clock.day(contact["days_ago"]),
            hoe=contact["how"],
            notitie=contact["note"],
        )
