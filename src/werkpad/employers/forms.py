"""Forms for employers, their tasks and jobs. Plain Dutch messages; forms keep what was typed.

What a task or job asks uses the same work-capacity areas and 1-4 scale as the candidate's
profile (instruments/data/werkcapaciteiten.yaml), worded from the side of the work
(`label_werk`)."""

from __future__ import annotations

from decimal import Decimal

from django import forms
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from werkpad.accounts.models import Organisation
from werkpad.formfields import MAX_HOURS_PER_WEEK, checkboxes, phone_field
from werkpad.instruments.catalogue import read
from werkpad.instruments.kinds import DAGEN
from werkpad.text import hours_text

from .models import (
    Aanpassing,
    Contactpersoon,
    Functie,
    Locatie,
    Taak,
    Werkgever,
    WerkgeverMijlpaal,
)

DEMAND_PREFIX = "vraagt_"


# --- what the work asks, per area ------------------------------------------------------------


def areas() -> list[dict]:
    return read("werkcapaciteiten")["areas"]


def work_labels() -> dict[int, str]:
    return {s["value"]: s["label_werk"] for s in read("werkcapaciteiten")["scale"]}


def demand_words(demands: dict) -> list[dict]:
    """What the work asks, in words, in the order of the areas (areas it does not ask about
    are left out)."""
    labels = work_labels()
    words = []
    for area in areas():
        value = demands.get(area["key"])
        if value:
            words.append({"area": area["name"], "value": int(value), "label": labels[int(value)]})
    return words


class DemandFieldsMixin:
    """One select per work-capacity area: empty is "not relevant", 1-4 how much it asks."""

    def add_demand_fields(self, current: dict) -> None:
        scale = [("", _("— niet van belang —"))] + [
            (str(value), f"{value} – {label}") for value, label in work_labels().items()
        ]
        for area in areas():
            name = DEMAND_PREFIX + area["key"]
            self.fields[name] = forms.ChoiceField(
                label=area["name"],
                help_text=area["question_taak"],
                choices=scale,
                required=False,
            )
            if current.get(area["key"]):
                self.initial.setdefault(name, str(current[area["key"]]))

    def demands(self) -> dict[str, int]:
        return {
            area["key"]: int(self.cleaned_data[DEMAND_PREFIX + area["key"]])
            for area in areas()
            if self.cleaned_data.get(DEMAND_PREFIX + area["key"])
        }


def hours_field() -> forms.DecimalField:
    message = _("Vul een aantal uren van 0,5 tot en met 40 in.")
    return forms.DecimalField(
        label=_("Uren per week"),
        min_value=Decimal("0.5"),
        max_value=Decimal(MAX_HOURS_PER_WEEK),
        max_digits=4,
        decimal_places=1,
        localize=True,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "size": 5}),
        help_text=_("Bijvoorbeeld 4 of 2,5."),
        error_messages={
            "required": _("Vul in hoeveel uur per week dit is."),
            "invalid": _("Vul een getal in, bijvoorbeeld 4 of 2,5."),
            "min_value": message,
            "max_value": message,
            "max_digits": message,
            "max_whole_digits": message,
            "max_decimal_places": _("Gebruik hooguit één cijfer na de komma, bijvoorbeeld 2,5."),
        },
    )


def dutch_blank(field: forms.ChoiceField, label) -> None:
    """Django 6.1's "- Select an option -" has no Dutch translation yet: say it ourselves."""
    field.choices = [("", label), *[c for c in field.choices if c[0] != ""]]


def days_field() -> forms.MultipleChoiceField:
    return checkboxes(_("Op welke dagen"), DAGEN)


def in_week_order(days: list[str]) -> list[str]:
    return [code for code, _label in DAGEN if code in days]


def day_names(days: list[str]) -> list[str]:
    names = dict(DAGEN)
    return [str(names[code]) for code in in_week_order(days)]


# --- the employer ------------------------------------------------------------------------


class WerkgeverCreateForm(forms.ModelForm):
    """Pick an organisation that is already in Werkpad, or name a new one."""

    organisation = forms.ModelChoiceField(
        label=_("Organisatie die al in Werkpad staat"),
        queryset=Organisation.objects.none(),
        required=False,
        empty_label=_("— een nieuwe organisatie —"),
        help_text=_("Staat de organisatie er niet bij? Vul dan hieronder de naam en plaats in."),
    )
    name = forms.CharField(
        label=_("Naam van de nieuwe organisatie"), max_length=200, required=False
    )
    city = forms.CharField(label=_("Plaats"), max_length=100, required=False)

    class Meta:
        model = Werkgever
        # the organisation is chosen or made here and set on save
        fields = ["sector", "grootte", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}
        help_texts = {"sector": _("Bijvoorbeeld zorg, groen, logistiek, horeca of overheid.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.filter(werkgever__isnull=True)
        dutch_blank(self.fields["grootte"], _("— kies de grootte —"))
        self.order_fields(["organisation", "name", "city"])

    def clean(self):
        data = super().clean()
        name = (data.get("name") or "").strip()
        if data.get("organisation") and name:
            raise forms.ValidationError(
                _("Kies een organisatie uit de lijst óf vul een nieuwe naam in, niet allebei.")
            )
        if not data.get("organisation") and not name:
            raise forms.ValidationError(
                _("Kies een organisatie uit de lijst of vul de naam van een nieuwe organisatie in.")
            )
        if name and Organisation.objects.filter(name__iexact=name).exists():
            self.add_error(
                "name",
                _("Er is al een organisatie met deze naam. Kies haar in de lijst hierboven."),
            )
        if name and not (data.get("city") or "").strip():
            self.add_error("city", _("Vul de plaats van de nieuwe organisatie in."))
        data["name"] = name
        return data

    @transaction.atomic
    def save(self, commit: bool = True) -> Werkgever:
        organisation = self.cleaned_data["organisation"]
        if organisation is None:
            organisation = Organisation.objects.create(
                name=self.cleaned_data["name"],
                city=self.cleaned_data["city"].strip(),
                kind=Organisation.Kind.WERKGEVER,
            )
        werkgever = super().save(commit=False)
        werkgever.organisation = organisation
        werkgever.save()
        werkgever.add_route_milestones()
        return werkgever


class WerkgeverForm(forms.ModelForm):
    class Meta:
        model = Werkgever
        fields = ["sector", "grootte", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        dutch_blank(self.fields["grootte"], _("— kies de grootte —"))


class LocatieForm(forms.ModelForm):
    class Meta:
        model = Locatie
        fields = ["name", "address", "postcode", "city"]
        help_texts = {"name": _("Bijvoorbeeld: hoofdkantoor, magazijn, winkel Centrum.")}

    def clean_postcode(self) -> str:
        postcode = self.cleaned_data["postcode"].replace(" ", "").upper()
        if postcode and not (
            len(postcode) == 6 and postcode[:4].isdigit() and postcode[4:].isalpha()
        ):
            raise forms.ValidationError(_("Vul een postcode in zoals 1234 AB."))
        return f"{postcode[:4]} {postcode[4:]}" if postcode else ""


class ContactForm(forms.ModelForm):
    phone = phone_field()

    class Meta:
        model = Contactpersoon
        fields = ["name", "rol", "email", "phone"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        dutch_blank(self.fields["rol"], _("— kies een rol —"))


class MijlpaalForm(forms.ModelForm):
    class Meta:
        model = WerkgeverMijlpaal
        fields = ["status", "note"]
        widgets = {"note": forms.Textarea(attrs={"rows": 3})}


# --- tasks -------------------------------------------------------------------------------


class TaakForm(DemandFieldsMixin, forms.ModelForm):
    hours_per_week = hours_field()

    class Meta:
        model = Taak
        fields = [
            "name",
            "description",
            "hours_per_week",
            "location",
            "times",
            "quiet_place",
            "fixed_hours",
        ]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}
        help_texts = {
            "location": _("Bijvoorbeeld: in het magazijn, aan de balie, buiten."),
            "times": _("Bijvoorbeeld: elke ochtend van 9 tot 11 uur, of flexibel."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_demand_fields(self.instance.demands or {})
        names = [f for f in self.fields if f.startswith(DEMAND_PREFIX)]
        self.order_fields(["name", "description", "hours_per_week", *names])

    def clean(self):
        data = super().clean()
        # Taak.clean (run after this) refuses a task that asks nothing on any area
        self.instance.demands = self.demands()
        return data


# --- jobs --------------------------------------------------------------------------------


class FunctieForm(forms.ModelForm):
    """What both kinds of job share: where, which days, which adjustments."""

    days = days_field()

    def __init__(self, *args, werkgever: Werkgever, **kwargs):
        super().__init__(*args, **kwargs)
        self.werkgever = werkgever
        locatie = self.fields["locatie"]
        locatie.queryset = werkgever.locaties.all()
        locatie.empty_label = _("— kies een locatie —")
        locatie.error_messages = {
            "required": _("Kies de locatie waar het werk is."),
            "invalid_choice": _("Kies een locatie van deze werkgever."),
        }
        # the active adjustments, and any this job has that are no longer in use
        chosen = Q(pk__in=self.instance.aanpassingen.values("pk")) if self.instance.pk else Q()
        aanpassingen = self.fields["aanpassingen"]
        aanpassingen.queryset = Aanpassing.objects.filter(Q(active=True) | chosen)
        aanpassingen.help_text = _("Wat deze werkgever bij deze functie kan regelen.")

    def clean_days(self) -> list[str]:
        return in_week_order(self.cleaned_data["days"])


class MaatwerkForm(FunctieForm):
    """A custom job, composed from the employer's tasks (what it asks follows from them)."""

    class Meta:
        model = Functie
        fields = ["title", "locatie", "description", "days", "taken", "aanpassingen"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "taken": forms.CheckboxSelectMultiple,
            "aanpassingen": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        taken = self.fields["taken"]
        taken.queryset = self.werkgever.taken.all()
        taken.required = True
        taken.label_from_instance = task_label
        taken.help_text = _(
            "Wat de functie vraagt, de uren en de omstandigheden volgen uit deze taken."
        )
        taken.error_messages = {
            "required": _("Kies ten minste één taak voor deze functie."),
            "invalid_choice": _("Kies taken van deze werkgever."),
            "invalid_pk_value": _("Kies taken van deze werkgever."),
        }

    @transaction.atomic
    def save(self, commit: bool = True) -> Functie:
        functie = super().save(commit=False)
        functie.soort = Functie.Soort.MAATWERK
        functie.hours_per_week = sum(t.hours_per_week for t in self.cleaned_data["taken"])
        functie.save()
        self.save_m2m()
        functie.compose_from_tasks()
        return functie


class VacatureForm(DemandFieldsMixin, FunctieForm):
    """A regular vacancy: what it asks is filled in directly."""

    hours_per_week = hours_field()

    class Meta:
        model = Functie
        fields = [
            "title",
            "locatie",
            "description",
            "hours_per_week",
            "days",
            "quiet_place",
            "fixed_hours",
            "aanpassingen",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 3}),
            "aanpassingen": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.add_demand_fields(self.instance.demands or {})
        names = [f for f in self.fields if f.startswith(DEMAND_PREFIX)]
        self.order_fields(["title", "locatie", "description", "hours_per_week", "days", *names])

    def save(self, commit: bool = True) -> Functie:
        functie = super().save(commit=False)
        functie.soort = Functie.Soort.VACATURE
        functie.demands = self.demands()
        functie.save()
        self.save_m2m()
        return functie


JOB_FORMS = {Functie.Soort.MAATWERK: MaatwerkForm, Functie.Soort.VACATURE: VacatureForm}


def task_label(taak: Taak) -> str:
    return _("%(name)s (%(hours)s uur per week)") % {
        "name": taak.name,
        "hours": hours_text(taak.hours_per_week),
    }
