"""Labels for the dropout timeline lines (`Gebeurtenis.detail` holds keys, not text)."""

from __future__ import annotations

import datetime

from django import template

from werkpad.dropout.models import Contactmoment, UitvalEpisode

register = template.Library()


@register.filter
def contact_met(key: str) -> str:
    return dict(Contactmoment.Met.choices).get(key, key)


@register.filter
def contact_hoe(key: str) -> str:
    return dict(Contactmoment.Hoe.choices).get(key, key)


@register.filter
def uitval_einde(key: str) -> str:
    return dict(UitvalEpisode.Einde.choices).get(key, key)


@register.filter
def iso_date(value: str) -> datetime.date | None:
    """A date stored as text (YYYY-MM-DD) as a date, for the `date` filter."""
    try:
        return datetime.date.fromisoformat(value)
    except (TypeError, ValueError):
        return None
