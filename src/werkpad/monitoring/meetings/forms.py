"""Forms for three-party meetings. Messages are plain Dutch at the field and everything typed is
kept; the rules themselves are in `service.py`."""

from __future__ import annotations

import datetime

from django import forms
from django.db.models import Case, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from werkpad.formfields import date_field
from werkpad.placements.models import Plaatsing
from werkpad.trajects.models import Betrokkene

from ..models import Driegesprek
from . import service
from .ics import local_tz

AGENDA_MAX_ITEMS = 30
AGENDA_ITEM_MAX = 300


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, **kwargs):
        super().__init__(format="%H:%M", **kwargs)


class DriegesprekForm(forms.Form):
    """Plan or change a meeting: date and time in Amsterdam, length, place and agenda."""

    datum = date_field(_("Datum"), _("Kies de datum van het driegesprek."))
    tijd = forms.TimeField(
        label=_("Tijd"),
        widget=TimeInput(),
        help_text=_("Nederlandse tijd."),
        error_messages={
            "required": _("Kies hoe laat het driegesprek begint."),
            "invalid": _("Vul een tijd in, bijvoorbeeld 10:30."),
        },
    )
    duur_minuten = forms.IntegerField(
        label=_("Duur (minuten)"),
        min_value=15,
        max_value=240,
        widget=forms.NumberInput(attrs={"min": 15, "max": 240, "step": 5}),
        error_messages={
            "required": _("Vul in hoe lang het driegesprek duurt, bijvoorbeeld 45 minuten."),
            "invalid": _("Vul het aantal minuten in als getal, bijvoorbeeld 45."),
            "min_value": _("Een driegesprek duurt minstens 15 minuten."),
            "max_value": _("Een driegesprek duurt hoogstens 4 uur (240 minuten)."),
        },
    )
    locatie = forms.CharField(
        label=_("Waar"),
        max_length=300,
        required=False,
        help_text=_("Al ingevuld: de werkplek. Een andere plek of 'videobellen' kan ook."),
        error_messages={"max_length": _("Houd de plek korter dan 300 tekens.")},
    )
    agenda = forms.CharField(
        label=_("Agenda"),
        required=False,
        max_length=6000,
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text=_(
            "Eén onderwerp per regel. Al ingevuld uit de open afspraken, mijlpalen, "
            "ontwikkelstappen, de opbouw van de uren en de check-ins; pas het gerust aan. Let "
            "op: de leidinggevende ziet de agenda. Zet er alleen op wat de kandidaat wil delen."
        ),
        error_messages={"max_length": _("De agenda is te lang. Houd het bij de hoofdpunten.")},
    )

    def __init__(self, *args, plaatsing: Plaatsing, instance: Driegesprek | None = None, **kw):
        self.plaatsing = plaatsing
        self.instance = instance
        if instance is not None and "initial" not in kw:
            start = instance.begint_om.astimezone(local_tz())
            kw["initial"] = {
                "datum": start.date(),
                "tijd": start.time().replace(second=0, microsecond=0),
                "duur_minuten": instance.duur_minuten,
                "locatie": instance.locatie,
                "agenda": "\n".join(instance.agenda or []),
            }
        super().__init__(*args, **kw)

    def clean_agenda(self) -> list[str]:
        lines = []
        for raw in self.cleaned_data.get("agenda", "").splitlines():
            line = raw.strip().lstrip("-•*").strip()
            if not line:
                continue
            if len(line) > AGENDA_ITEM_MAX:
                raise forms.ValidationError(
                    _(
                        "Het onderwerp '%(start)s…' is te lang. Houd elk onderwerp onder de "
                        "300 tekens."
                    )
                    % {"start": line[:40]}
                )
            lines.append(line)
        if len(lines) > AGENDA_MAX_ITEMS:
            raise forms.ValidationError(
                _("Zet hoogstens %(n)s onderwerpen op de agenda.") % {"n": AGENDA_MAX_ITEMS}
            )
        return lines

    def clean(self):
        data = super().clean()
        if self.plaatsing.traject.is_closed:
            raise forms.ValidationError(
                _("Dit traject is afgesloten; een driegesprek plannen kan niet meer.")
            )
        datum, tijd = data.get("datum"), data.get("tijd")
        if datum is None or tijd is None:
            return data
        start = service.starts_at(datum, tijd)
        unchanged = self.instance is not None and start == self.instance.begint_om
        now = timezone.now()
        if start <= now and not unchanged:
            field = "datum" if datum < timezone.localdate() else "tijd"
            self.add_error(
                field,
                _(
                    "Dit moment is al voorbij. Een driegesprek plan je vooruit: kies een "
                    "latere datum of tijd."
                ),
            )
        elif start > now + service.MAX_AHEAD:
            self.add_error("datum", _("Plan een driegesprek hooguit een jaar vooruit."))
        data["begint_om"] = start
        return data

    def plan_fields(self) -> dict:
        data = self.cleaned_data
        return {
            "begint_om": data["begint_om"],
            "duur_minuten": data["duur_minuten"],
            "locatie": data["locatie"].strip(),
            "agenda": data["agenda"],
        }


class VerslagForm(forms.Form):
    verslag = forms.CharField(
        label=_("Verslag"),
        max_length=10000,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_(
            "Wat ging goed, wat is besproken, wat hebben jullie afgesproken? Iedereen die de "
            "plaatsing ziet, leest het verslag, ook de leidinggevende en de kandidaat."
        ),
        error_messages={
            "required": _("Schrijf kort op wat er besproken is."),
            "max_length": _("Het verslag is te lang (hoogstens 10.000 tekens)."),
        },
    )


class BetrokkeneChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Betrokkene) -> str:
        return f"{obj.display_name} · {obj.get_party_display()}"


class AfspraakRegelForm(forms.Form):
    """One agreement from the meeting: what, who, by when. An empty row is skipped."""

    wat = forms.CharField(
        label=_("Wat"),
        max_length=500,
        error_messages={
            "required": _("Vul in wat er is afgesproken."),
            "max_length": _("Houd de afspraak korter dan 500 tekens."),
        },
    )
    wie = BetrokkeneChoiceField(
        label=_("Wie"),
        queryset=Betrokkene.objects.none(),
        empty_label=_("Kies wie"),
        error_messages={
            "required": _("Kies wie dit doet."),
            "invalid_choice": _("Kies iemand uit de lijst."),
        },
    )
    uiterlijk_op = date_field(_("Uiterlijk op"), _("Kies een datum."))

    def __init__(self, *args, betrokkenen, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["wie"].queryset = betrokkenen

    def clean_uiterlijk_op(self) -> datetime.date:
        value = self.cleaned_data["uiterlijk_op"]
        if value < timezone.localdate():
            raise forms.ValidationError(_("Kies een datum van vandaag of later."))
        return value


AfspraakFormSet = forms.formset_factory(AfspraakRegelForm, extra=3, max_num=20, absolute_max=20)


def afspraak_formset(data, plaatsing: Plaatsing) -> forms.BaseFormSet:
    order = Case(*(When(party=p, then=Value(i)) for i, p in enumerate(service.AFSPRAAK_PARTIES)))
    betrokkenen = (
        plaatsing.traject.betrokkenen.filter(party__in=service.AFSPRAAK_PARTIES)
        .select_related("user")
        .order_by(order, "pk")
    )
    return AfspraakFormSet(data, prefix="afspraak", form_kwargs={"betrokkenen": betrokkenen})


def nieuwe_afspraken(formset: forms.BaseFormSet) -> list[dict]:
    """The filled-in rows of a valid formset."""
    return [f.cleaned_data for f in formset.forms if f.has_changed() and f.cleaned_data]
