"""Forms for the check-ins and the check-in rhythm. The questions come from
`monitoring/rules/data/signaalregels.yaml` (`vragen`, `vragen_leidinggevende`), so the form and
the rules always ask about the same things. Messages are plain Dutch and everything typed is
kept."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from werkpad.formfields import DateInput

from ..models import SCORE_MESSAGE, Frequentie, KandidaatCheckIn, MonitoringSchema
from ..rules import engine

SCALE = [(i, str(i)) for i in range(1, 6)]
YES_NO_MESSAGE = _("Kies ja of nee.")
REMARK_MAX = 1000


class ScoreField(forms.TypedChoiceField):
    """An answer from 1 to 5 as big radio buttons; anything else (missing, 0, 6, "abc")
    gets one clear message."""

    widget = forms.RadioSelect

    def __init__(self, *, ends: tuple[str, str] = ("", ""), **kwargs):
        kwargs.setdefault("error_messages", {})
        kwargs["error_messages"] |= {"required": SCORE_MESSAGE, "invalid_choice": SCORE_MESSAGE}
        super().__init__(choices=SCALE, coerce=int, empty_value=None, **kwargs)
        self.ends = ends  # what 1 and 5 mean, shown under the buttons


def scale_ends(uitleg: str) -> tuple[str, str]:
    """'1 = heel weinig, 5 = veel' -> ('heel weinig', 'veel')."""
    parts = [p.split("=", 1)[-1].strip() for p in uitleg.split(",")]
    return (parts[0], parts[-1]) if len(parts) >= 2 else ("", "")


def remark_field(label: str) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=False,
        max_length=REMARK_MAX,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": REMARK_MAX}),
    )


class _QuestionsForm(forms.Form):
    """A form whose fields are the questions of one list in the rules file."""

    questions_key = ""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for question in engine.read_rules().get(self.questions_key, []):
            key, text = question["key"], gettext(question["vraag"])
            uitleg = gettext(question.get("schaal_uitleg", ""))
            if question.get("vrije_tekst"):
                self.fields[key] = remark_field(text)
            elif question.get("ja_nee"):
                self.fields[key] = forms.TypedChoiceField(
                    label=text,
                    choices=[("ja", _("Ja")), ("nee", _("Nee"))],
                    coerce=lambda value: value == "ja",
                    widget=forms.RadioSelect,
                    error_messages={"required": YES_NO_MESSAGE, "invalid_choice": YES_NO_MESSAGE},
                )
            else:
                self.fields[key] = ScoreField(label=text, help_text=uitleg, ends=scale_ends(uitleg))


class KandidaatCheckInForm(_QuestionsForm):
    """The candidate's check-in: four questions from 1 to 5 and a free remark."""

    questions_key = "vragen"

    def model_fields(self) -> dict:
        names = {f.name for f in KandidaatCheckIn._meta.fields}
        return {k: v for k, v in self.cleaned_data.items() if k in names}


class LeidinggevendeCheckInForm(_QuestionsForm):
    """The supervisor's check-in: how work goes, signals seen, and what they saw."""

    questions_key = "vragen_leidinggevende"

    def model_fields(self) -> dict:
        return dict(self.cleaned_data)

    @property
    def worrying(self) -> bool:
        """Did the supervisor's own answers raise a signal (seen signals, or 1 or 2)?"""
        data = self.cleaned_data
        return bool(data.get("signalen_gezien")) or (data.get("gaat_goed") or 5) <= 2


class SchemaForm(forms.ModelForm):
    """The check-in rhythm of a placement (the coach)."""

    PAST_MESSAGE = _("Kies vandaag of een latere datum.")

    class Meta:
        model = MonitoringSchema
        fields = [
            "interval_days",
            "later_vanaf",
            "later_interval_days",
            "leidinggevende_interval_days",
            "next_checkin",
            "next_leidinggevende",
        ]
        widgets = {
            "later_vanaf": DateInput(),
            "next_checkin": DateInput(),
            "next_leidinggevende": DateInput(),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        choice_message = _("Kies een ritme uit de lijst.")
        for name in ("interval_days", "later_interval_days", "leidinggevende_interval_days"):
            field = self.fields[name]
            field.choices = Frequentie.choices
            field.error_messages["invalid_choice"] = choice_message
            field.error_messages["required"] = choice_message
        for name in ("later_vanaf", "next_checkin", "next_leidinggevende"):
            self.fields[name].error_messages["invalid"] = _("Vul een geldige datum in.")
        self.fields["next_checkin"].error_messages["required"] = _(
            "Vul de datum van de volgende check-in in."
        )
        self.fields["next_leidinggevende"].error_messages["required"] = _(
            "Vul de datum van de volgende check-in van de leidinggevende in."
        )

    def _not_past(self, name: str):
        value = self.cleaned_data.get(name)
        if value is not None and value < timezone.localdate():
            raise forms.ValidationError(self.PAST_MESSAGE)
        return value

    def clean_next_checkin(self):
        return self._not_past("next_checkin")

    def clean_next_leidinggevende(self):
        return self._not_past("next_leidinggevende")
