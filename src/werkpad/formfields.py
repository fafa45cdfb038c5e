"""Form pieces shared by the apps: Dutch phone numbers, date inputs and date fields, optional
checkboxes, the hours limit. How numbers, dates and hours are written in words is in
`werkpad.text`."""

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.utils.translation import gettext_lazy as _

phone_validator = RegexValidator(
    r"^\+?[0-9 ()\-]{8,20}$",
    _("Vul een geldig telefoonnummer in, bijvoorbeeld 06 12345678 of +31 6 12345678."),
)


MAX_HOURS_PER_WEEK = 40
HOURS_MESSAGE = _("Vul een aantal uren van 0 tot en met 40 per week in.")
# hours per week on a model field: 0 to 40, with the message above
HOURS_VALIDATORS = [
    MinValueValidator(0, HOURS_MESSAGE),
    MaxValueValidator(MAX_HOURS_PER_WEEK, HOURS_MESSAGE),
]


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


def checkboxes(label, choices=(), **kwargs) -> forms.MultipleChoiceField:
    """An optional choice of several, as checkboxes (`kwargs`: help text, initial)."""
    return forms.MultipleChoiceField(
        label=label,
        choices=choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        **kwargs,
    )


DATE_INVALID = _("Vul een datum in, bijvoorbeeld 14-03-2027.")


def date_field(label, required_message) -> forms.DateField:
    """A required date with a date picker and Dutch messages (`required_message`: what to
    choose when it is left empty)."""
    return forms.DateField(
        label=label,
        widget=DateInput(),
        error_messages={"required": required_message, "invalid": DATE_INVALID},
    )
