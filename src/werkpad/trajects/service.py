"""Writes on trajects that the views ask for: registering a candidate, their details,
milestones, agreements and journal notes. Each function is one transaction and writes the
timeline event that belongs with the change; the route's rules stay on the models."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from django.db import transaction

from .models import Afspraak, JournaalNotitie, Kandidaat, Traject, TrajectMilestone

if TYPE_CHECKING:
    from .forms import AfspraakForm, KandidaatForm, MilestoneForm, NotitieForm


@transaction.atomic
def register(
    kandidaat_form: KandidaatForm,
    by,
    *,
    method: str,
    referral: str,
    referral_note: str = "",
    started_on: datetime.date | None = None,
) -> Traject:
    """Register the candidate of a valid form and open their traject with `by` as coach."""
    kandidaat = kandidaat_form.save(commit=False)
    kandidaat.created_by = by
    kandidaat.save()
    return Traject.open(
        kandidaat,
        coach=by,
        method=method,
        referral=referral,
        referral_note=referral_note,
        started_on=started_on,
    )


def save_kandidaat(form: KandidaatForm) -> Kandidaat:
    """Save corrected contact details (the candidate's betrokkenen follow in `Kandidaat.save`)."""
    return form.save()


@transaction.atomic
def save_milestone(form: MilestoneForm, by, old_status: str) -> TrajectMilestone:
    """Save a milestone from its form, with a timeline event when the status changed.
    `old_status` is the status before the form was bound."""
    milestone = form.save(commit=False)
    milestone.updated_by = by
    milestone.save()
    milestone.record_change(by, old_status)
    return milestone


@transaction.atomic
def set_milestone_status(milestone: TrajectMilestone, status: str, by) -> None:
    """The quick status change from a list; nothing is written when the status is the same."""
    if status == milestone.status:
        return
    old_status = milestone.status
    milestone.status = status
    milestone.updated_by = by
    milestone.save(update_fields=["status", "updated_by", "updated_at"])
    milestone.record_change(by, old_status)


@transaction.atomic
def add_afspraak(form: AfspraakForm, by) -> Afspraak:
    """Record a new agreement from its form, with its timeline event."""
    afspraak = form.save(commit=False)
    afspraak.created_by = by
    afspraak.save()
    afspraak.record(by, created=True)
    return afspraak


@transaction.atomic
def save_afspraak(form: AfspraakForm, by, old_status: str) -> Afspraak:
    """Save a changed agreement; a new status gets a timeline event. `old_status` is the
    status before the form was bound."""
    afspraak = form.save()
    if afspraak.status != old_status:
        afspraak.record(by, created=False)
    return afspraak


@transaction.atomic
def add_notitie(form: NotitieForm, traject: Traject, by) -> JournaalNotitie:
    """Record a contact in the traject's journal (its timeline event comes with the save)."""
    notitie = form.save(commit=False)
    notitie.traject = traject
    notitie.author = by
    notitie.save()
    return notitie
