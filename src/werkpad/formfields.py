"""Form pieces shared by the apps: Dutch phone numbers, date inputs."""

from decimal import Decimal

from django import forms
from django.core.validators import RegexValidator
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

phone_validator = RegexValidator(
    r"^\+?[0-9 ()\-]{8,20}$",
    _("Vul een geldig telefoonnummer in, bijvoorbeeld 06 12345678 of +31 6 12345678."),
)


MAX_HOURS_PER_WEEK = 40


def hours_text(value: Decimal | float | int) -> str:
    """Hours as people write them, in the reader's number format: 12, or 2,5."""
    value = Decimal(str(value))
    return number_format(value if value % 1 else int(value))


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


def phone_field(label=None, required: bool = False) -> forms.CharField:
    return forms.CharField(
        label=label or _("Telefoon"),
        max_length=30,
        required=required,
        validators=[phone_validator],
    )
