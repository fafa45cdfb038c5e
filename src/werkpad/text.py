"""Words for numbers, dates and hours: the one home for how Werkpad writes them.

Two kinds live here. The locale-aware ones follow the reader's language (`date_text`,
`hours_text`). The fixed Dutch ones (`number_word`, `dutch_number`, `dutch_date`,
`dutch_list`) serve texts that are Dutch data themselves, such as the signal rules' reasons."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from decimal import Decimal

from django.utils.formats import date_format, number_format

_NUMBER_WORDS = (
    "nul",
    "een",
    "twee",
    "drie",
    "vier",
    "vijf",
    "zes",
    "zeven",
    "acht",
    "negen",
    "tien",
)
_MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)


def date_text(value: datetime.date) -> str:
    """A date in words for messages, in the reader's language: "3 november 2026"."""
    return date_format(value, "j F Y")


def hours_text(value: Decimal | float | int) -> str:
    """Hours as people write them, in the reader's number format: 12, or 2,5."""
    value = Decimal(str(value))
    return number_format(value if value % 1 else int(value))


def number_word(n: int, capital: bool = False) -> str:
    """0-10 as a Dutch word ("drie"), larger numbers as digits."""
    word = _NUMBER_WORDS[n] if 0 <= n < len(_NUMBER_WORDS) else str(n)
    return word[:1].upper() + word[1:] if capital else word


def dutch_number(x: float) -> str:
    """1.0 -> '1', 3.5 -> '3,5', 3.25 -> '3,3' (one decimal, comma)."""
    rounded = round(x, 1)
    if rounded == int(rounded):
        return str(int(rounded))
    return f"{rounded:.1f}".replace(".", ",")


def dutch_date(d: datetime.date) -> str:
    """A day and month in Dutch: "3 november"."""
    return f"{d.day} {_MONTHS[d.month - 1]}"


def dutch_list(items: Sequence[str]) -> str:
    """ "a, b en c"."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " en " + items[-1]
