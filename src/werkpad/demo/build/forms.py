"""Demo data goes through the product's own forms, as if a browser posted it: the helpers
here build that post and refuse demo data a form would refuse."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django import forms
from django.http import QueryDict
from django.utils import formats


def post(values: dict, prefix: str = "") -> QueryDict:
    """`values` as a browser would post them: lists as repeated fields, checkboxes only when
    ticked, dates in ISO format, hours in the active language's number format."""
    query = QueryDict(mutable=True)
    for name, value in values.items():
        key = f"{prefix}{name}"
        if isinstance(value, bool):
            if value:
                query[key] = "on"
        elif isinstance(value, list):
            query.setlist(key, [str(v) for v in value])
        elif isinstance(value, datetime.date):
            query[key] = value.isoformat()
        elif isinstance(value, Decimal | float):
            query[key] = formats.localize_input(value)
        elif value is not None:
            query[key] = str(value)
    return query


def valid[F: forms.BaseForm | forms.BaseFormSet](form: F) -> F:
    """The form, when it accepts the demo data; otherwise a ValueError with its errors."""
    if not form.is_valid():
        errors = form.errors if isinstance(form, forms.BaseForm) else form.errors
        raise ValueError(f"demo data for {type(form).__name__} is not valid: {errors}")
    return form


def formset_rows(prefix: str, rows: list[dict]) -> dict:
    """The management form and the rows of a formset, as posted."""
    data = {
        f"{prefix}-TOTAL_FORMS": len(rows),
        f"{prefix}-INITIAL_FORMS": 0,
        f"{prefix}-MIN_NUM_FORMS": 0,
        f"{prefix}-MAX_NUM_FORMS": 1000,
    }
    for index, row in enumerate(rows):
        data.update({f"{prefix}-{index}-{name}": value for name, value in row.items()})
    return data
