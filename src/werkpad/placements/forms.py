"""Forms for placements. Messages are plain Dutch and forms keep what the user typed; the
rules themselves are in the models."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from werkpad.employers.models import Contactpersoon
from werkpad.formfields import DateInput, checkboxes
from werkpad.instruments.models import Regeling

from .models import (
    BUDDY_CHECKLIST,
    MAX_HOURS,
    ONBOARDING_FIELDS,
    PREVENTIE_FIELDS,
    OpbouwStap,
    Plaatsing,
)

TEXT_FIELDS = ONBOARDING_FIELDS + PREVENTIE_FIELDS
PLAN_FIELDS = [*TEXT_FIELDS, "buddy_checklist"]


class HoursInput(forms.NumberInput):
    """Hours as people write them: 8, not 8.0 (decimals only where there are any)."""

    def format_value(self, value):
        if value in (None, ""):
            return None
        try:
            return f"{float(value):g}"
        except (TypeError, ValueError):
            return super().format_value(value)


def hours_input() -> forms.NumberInput:
    return HoursInput(attrs={"min": 0, "max": MAX_HOURS, "step": "0.5"})


def textarea() -> forms.Textarea:
    return forms.Textarea(attrs={"rows": 3})


class PlansForm(forms.ModelForm):
    """The onboarding plan, the prevention and dropout plan, and the buddy's preparation."""

    buddy_checklist = checkboxes(
        _("Voorbereiding van de buddy"),
        BUDDY_CHECKLIST,
        help_text=_("Vink aan wat al geregeld is."),
    )

    class Meta:
        model = Plaatsing
        fields = PLAN_FIELDS
        widgets = {name: textarea() for name in TEXT_FIELDS}


class PlaatsingForm(PlansForm):
    """A new placement from a match conversation."""

    class Meta(PlansForm.Meta):
        fields = [
            "start_date",
            "soort",
            "contract_uren",
            "leidinggevende",
            "buddy",
            "regelingen",
            *PLAN_FIELDS,
        ]
        widgets = {
            **PlansForm.Meta.widgets,
            "start_date": DateInput(),
            "contract_uren": hours_input(),
            "regelingen": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, matchgesprek, traject, **kwargs):
        kwargs["instance"] = Plaatsing(
            traject=traject, matchgesprek=matchgesprek, functie=matchgesprek.functie
        )
        super().__init__(*args, **kwargs)
        werkgever = matchgesprek.functie.werkgever
        contacts = Contactpersoon.objects.filter(werkgever=werkgever)
        self.fields["leidinggevende"].queryset = contacts.filter(
            rol=Contactpersoon.Rol.LEIDINGGEVENDE
        )
        self.fields["leidinggevende"].error_messages["invalid_choice"] = _(
            "Kies een leidinggevende van %(werkgever)s uit de lijst."
        ) % {"werkgever": werkgever}
        self.fields["leidinggevende"].empty_label = _("Kies de leidinggevende")
        self.fields["buddy"].queryset = contacts.filter(rol=Contactpersoon.Rol.BUDDY)
        self.fields["buddy"].empty_label = _("Nog geen buddy")
        soorten = Plaatsing.Soort.choices
        self.fields["soort"].choices = [("", _("Kies de soort plaatsing")), *soorten]
        self.fields["buddy"].error_messages["invalid_choice"] = _(
            "Kies een buddy van %(werkgever)s uit de lijst."
        ) % {"werkgever": werkgever}
        self.fields["regelingen"].queryset = Regeling.objects.filter(
            soort=Regeling.Soort.WERKGEVER, active=True
        )
        self.fields["regelingen"].help_text = _(
            "Al aangevinkt: wat de kandidaat koos bij 'Financiële situatie en regelingen'."
        )


class OpbouwStapForm(forms.ModelForm):
    class Meta:
        model = OpbouwStap
        fields = ["week_start", "planned_hours", "actual_hours", "reason"]
        widgets = {
            "week_start": DateInput(),
            "planned_hours": hours_input(),
            "actual_hours": hours_input(),
        }


class BaseOpbouwFormSet(forms.BaseInlineFormSet):
    """All steps are checked together: the order of the weeks decides what 'fewer hours than
    the step before' means."""

    def clean(self):
        steps = []
        for form in self.forms:
            if not form.is_valid() or (self.can_delete and self._should_delete_form(form)):
                continue
            if form.instance.pk is None and not form.has_changed():
                continue  # an empty extra row
            steps.append(form)
        errors = OpbouwStap.plan_errors(
            [form.instance for form in steps], self.instance.start_date, timezone.localdate()
        )
        for i, found in errors.items():
            for name, message in found.items():
                steps[i].add_error(name, message)
        super().clean()


OpbouwFormSet = forms.inlineformset_factory(
    Plaatsing,
    OpbouwStap,
    form=OpbouwStapForm,
    formset=BaseOpbouwFormSet,
    extra=3,
    can_delete=True,
)


class UrenForm(forms.ModelForm):
    """Only the hours worked: for the supervisor, week by week."""

    class Meta:
        model = OpbouwStap
        fields = ["actual_hours"]
        widgets = {"actual_hours": hours_input()}


UrenFormSet = forms.modelformset_factory(OpbouwStap, form=UrenForm, extra=0, edit_only=True)
