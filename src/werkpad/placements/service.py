"""Writes on placements that the views ask for: the plans and the build-up of hours. Starting
a placement is `Plaatsing.create_from_match`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import transaction

from .models import OpbouwStap, Plaatsing

if TYPE_CHECKING:
    from django.forms import BaseModelFormSet

    from .forms import PlansForm


def save_plans(form: PlansForm) -> Plaatsing:
    """The onboarding plan, the prevention and dropout plan and the buddy's preparation."""
    return form.save()


@transaction.atomic
def save_opbouw(formset: BaseModelFormSet) -> list[OpbouwStap]:
    """The planned build-up: changed, added and removed steps, all or nothing."""
    return formset.save()


@transaction.atomic
def save_uren(formset: BaseModelFormSet) -> list[OpbouwStap]:
    """The hours worked in the weeks that have begun, all or nothing."""
    return formset.save()
