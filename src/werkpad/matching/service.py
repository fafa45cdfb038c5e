"""Writes on matching that the views ask for: the candidate's match profile and the record
of a matching conversation."""

from __future__ import annotations

from typing import TYPE_CHECKING

from werkpad.employers.models import Functie
from werkpad.trajects.models import Kandidaat

from .models import Matchgesprek, Matchprofiel

if TYPE_CHECKING:
    from .forms import MatchgesprekForm, MatchprofielForm


def save_matchprofiel(form: MatchprofielForm) -> Matchprofiel:
    """Save the match profile (consent and travel area); it is created on the first save."""
    return form.save()


def add_matchgesprek(
    form: MatchgesprekForm, kandidaat: Kandidaat, functie: Functie, by
) -> Matchgesprek:
    """Record a matching conversation between a candidate and a job."""
    record = form.save(commit=False)
    record.kandidaat, record.functie, record.created_by = kandidaat, functie, by
    record.save()
    return record
