"""Saving the candidate's instruments and sharing settings. Both are versioned: every save
adds a new version row on top of the one the page showed, and `new_version` refuses a save
on top of a version that someone else saved in the meantime."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db import IntegrityError, models, transaction

from werkpad import access
from werkpad.trajects.models import Kandidaat

from .models import DeelVersie, InstrumentVersie

if TYPE_CHECKING:
    from .forms import SharingForm
    from .kinds import InstrumentForm


class VersionConflict(Exception):
    """A newer version was saved after the page was opened. `current` is the newest version
    now (None when there is none); the caller shows it and keeps the typed text."""

    def __init__(self, current: models.Model | None) -> None:
        super().__init__("a newer version exists")
        self.current = current


def new_version[Version: (InstrumentVersie, DeelVersie)](
    model: type[Version], scope: dict[str, Any], based_on: int, by, **values: Any
) -> Version:
    """Add version `based_on + 1` of the record that `scope` selects (for example one
    candidate's crisis card), in one transaction.

    Raises `VersionConflict` when the newest version is not `based_on` any more, also when
    someone else saved the same number a moment earlier (the unique constraint on the
    number)."""
    try:
        with transaction.atomic():
            current = _newest(model, scope)
            if (current.number if current else 0) != based_on:
                raise VersionConflict(current)
            return model.objects.create(**scope, number=based_on + 1, created_by=by, **values)
    except IntegrityError:
        raise VersionConflict(_newest(model, scope)) from None


def save_instrument(kandidaat: Kandidaat, kind: str, form: InstrumentForm, by) -> InstrumentVersie:
    """Save a valid instrument form as the next version of that instrument."""
    return new_version(
        InstrumentVersie,
        {"kandidaat": kandidaat, "kind": kind},
        based_on=form.cleaned_data.get("based_on") or 0,
        by=by,
        data=form.to_data(),
    )


def save_sharing(kandidaat: Kandidaat, form: SharingForm, by) -> DeelVersie:
    """Save a valid sharing form as the next version of the sharing settings; they apply
    at once."""
    version = new_version(
        DeelVersie,
        {"kandidaat": kandidaat},
        based_on=form.cleaned_data.get("based_on") or 0,
        by=by,
        shared=form.to_data(),
    )
    access.forget(kandidaat)  # the sharing in force changed
    return version


def _newest[Version: (InstrumentVersie, DeelVersie)](
    model: type[Version], scope: dict[str, Any]
) -> Version | None:
    return model.objects.filter(**scope).select_related("created_by").order_by("-number").first()
