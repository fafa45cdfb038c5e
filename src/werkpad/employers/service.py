"""Writes on employers that the views ask for: the employer itself, its locations, contacts,
milestones, tasks and jobs. Who may do them is checked by the views (`werkpad.access`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import transaction

from .models import Contactpersoon, Functie, Locatie, Taak, Werkgever, WerkgeverMijlpaal

if TYPE_CHECKING:
    from .forms import (
        ContactForm,
        FunctieForm,
        LocatieForm,
        MijlpaalForm,
        TaakForm,
        WerkgeverCreateForm,
        WerkgeverForm,
    )


def create_werkgever(form: WerkgeverCreateForm) -> Werkgever:
    """A new employer, for an organisation in Werkpad or a new one (one transaction, in the
    form's save)."""
    return form.save()


def save_werkgever(form: WerkgeverForm) -> Werkgever:
    return form.save()


def add_locatie(form: LocatieForm, werkgever: Werkgever) -> Locatie:
    locatie = form.save(commit=False)
    locatie.werkgever = werkgever
    locatie.save()
    return locatie


def add_contact(form: ContactForm, werkgever: Werkgever) -> Contactpersoon:
    contact = form.save(commit=False)
    contact.werkgever = werkgever
    contact.save()
    return contact


def save_milestone(form: MijlpaalForm) -> WerkgeverMijlpaal:
    return form.save()


def set_milestone_status(milestone: WerkgeverMijlpaal, status: str) -> None:
    """The quick status change; nothing is written when the status is the same."""
    if status == milestone.status:
        return
    milestone.status = status
    milestone.save(update_fields=["status", "updated_at"])


@transaction.atomic
def save_taak(form: TaakForm, werkgever: Werkgever) -> Taak:
    """Add or change a task; the custom jobs composed from it follow."""
    taak = form.save(commit=False)
    taak.werkgever = werkgever
    taak.save()
    for functie in taak.functies.filter(soort=Functie.Soort.MAATWERK):
        functie.compose_from_tasks()
    return taak


@transaction.atomic
def save_functie(form: FunctieForm) -> Functie:
    """Save a custom job or a vacancy, with its tasks and adjustments."""
    return form.save()


def toggle_open(functie: Functie) -> None:
    """Open a job for candidates, or close it."""
    functie.open = not functie.open
    functie.save(update_fields=["open", "updated_at"])
