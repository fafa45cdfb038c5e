"""Forms for dropout. Messages are plain Dutch at the field and forms keep what was typed."""

from __future__ import annotations

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from werkpad.formfields import DateInput, checkboxes
from werkpad.placements.forms import hours_input
from werkpad.placements.models import Plaatsing
from werkpad.text import date_text, hours_text
from werkpad.trajects.models import Traject

from . import catalogue
from .models import ChecklistPunt, Contactmoment, Terugkeerplan, UitvalEpisode

MAX_DAYS_AHEAD = 365


def not_in_future(value: datetime.date | None, message) -> datetime.date | None:
    if value and value > timezone.localdate():
        raise forms.ValidationError(message)
    return value


class MeldenForm(forms.ModelForm):
    """Report dropout: when, what happened (short), at which placement, and how often the
    coach wants to be reminded of contact."""

    class Meta:
        model = UitvalEpisode
        fields = ["begonnen_op", "reden", "plaatsing", "contact_elke_dagen"]
        widgets = {
            "begonnen_op": DateInput(),
            "reden": forms.Textarea(attrs={"rows": 3}),
            "contact_elke_dagen": forms.NumberInput(attrs={"min": 1, "max": 30}),
        }
        labels = {"begonnen_op": _("Sinds wanneer gaat werken niet?")}

    def __init__(self, *args, traject: Traject, **kwargs):
        super().__init__(*args, **kwargs)
        self.traject = traject
        plaatsingen = traject.plaatsingen.select_related("functie__werkgever__organisation")
        field = self.fields["plaatsing"]
        field.queryset = plaatsingen
        field.empty_label = None
        if not plaatsingen.exists():
            del self.fields["plaatsing"]
        else:
            field.required = True
            field.help_text = _("Meestal de plaatsing waar de kandidaat nu werkt.")
        self.fields["begonnen_op"].initial = timezone.localdate()
        if "plaatsing" in self.fields and not self.initial.get("plaatsing"):
            active = plaatsingen.filter(ended_on__isnull=True).order_by("-start_date", "-pk")
            self.initial["plaatsing"] = active.values_list("pk", flat=True).first()

    def clean_begonnen_op(self) -> datetime.date | None:
        return not_in_future(
            self.cleaned_data.get("begonnen_op"),
            _("De datum van uitval ligt in de toekomst. Kies vandaag of een eerdere dag."),
        )

    def clean(self):
        data = super().clean()
        begonnen_op = data.get("begonnen_op")
        plaatsing: Plaatsing | None = data.get("plaatsing")
        if begonnen_op and plaatsing and begonnen_op < plaatsing.start_date:
            self.add_error(
                "begonnen_op",
                _(
                    "De datum van uitval ligt vóór de start van de plaatsing (%(date)s). Kies "
                    "die dag of een latere datum."
                )
                % {"date": date_text(plaatsing.start_date)},
            )
        elif (
            begonnen_op and "plaatsing" not in self.fields and begonnen_op < self.traject.started_on
        ):
            self.add_error(
                "begonnen_op",
                _(
                    "De datum van uitval ligt vóór de start van het traject (%(date)s). Kies "
                    "die dag of een latere datum."
                )
                % {"date": date_text(self.traject.started_on)},
            )
        return data


class ChecklistForm(forms.Form):
    """Tick (or untick) one checklist point, with an optional note. The buttons send
    gedaan=1 or gedaan=0."""

    gedaan = forms.TypedChoiceField(
        choices=[("1", _("Gedaan")), ("0", _("Nog niet gedaan"))],
        coerce=lambda value: value == "1",
        error_messages={"required": _("Kies gedaan of nog niet gedaan.")},
    )
    notitie = forms.CharField(
        label=_("Notitie (mag leeg blijven)"),
        max_length=ChecklistPunt._meta.get_field("notitie").max_length,
        required=False,
    )


class HulplijnenForm(forms.Form):
    hulplijnen = checkboxes(_("Welke hulplijnen zijn gebruikt?"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["hulplijnen"].choices = [
            (h.key, h.naam) for h in catalogue.hulplijnen().values()
        ]


class ContactForm(forms.ModelForm):
    """A contact kept during dropout (notes 65-66)."""

    class Meta:
        model = Contactmoment
        fields = ["met", "datum", "hoe", "notitie"]
        widgets = {"datum": DateInput(), "notitie": forms.Textarea(attrs={"rows": 3})}
        help_texts = {
            "notitie": _("Blijft op de uitvalpagina; de tijdlijn toont alleen met wie en hoe.")
        }

    def __init__(self, *args, episode: UitvalEpisode, **kwargs):
        super().__init__(*args, **kwargs)
        self.episode = episode
        self.fields["datum"].initial = timezone.localdate()
        # required choices without an empty first option; the most common ones first
        self.fields["met"].choices = Contactmoment.Met.choices
        self.fields["met"].initial = Contactmoment.Met.KANDIDAAT
        self.fields["hoe"].choices = Contactmoment.Hoe.choices
        self.fields["hoe"].initial = Contactmoment.Hoe.TELEFOON

    def clean_datum(self) -> datetime.date | None:
        datum = not_in_future(
            self.cleaned_data.get("datum"),
            _("Een contact vastleggen kan voor vandaag of eerder, niet voor later."),
        )
        if datum and datum < self.episode.begonnen_op:
            raise forms.ValidationError(
                _(
                    "Deze datum ligt vóór de uitval (%(date)s). Contact van daarvoor hoort in "
                    "het journaal."
                )
                % {"date": date_text(self.episode.begonnen_op)}
            )
        return datum


class TerugForm(forms.ModelForm):
    """The way back: steps, the first day back, the phase and a restarted build-up."""

    wat_hielp = forms.CharField(
        label=UitvalEpisode._meta.get_field("wat_hielp").verbose_name,
        help_text=UitvalEpisode._meta.get_field("wat_hielp").help_text,
        max_length=3000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    class Meta:
        model = Terugkeerplan
        fields = ["stappen", "terug_op", "naar_fase", "start_uren", "stap_uren", "weken_per_stap"]
        widgets = {
            "stappen": forms.Textarea(attrs={"rows": 5}),
            "terug_op": DateInput(),
            "naar_fase": forms.RadioSelect,
            "start_uren": hours_input(),
            "stap_uren": hours_input(),
            "weken_per_stap": forms.NumberInput(attrs={"min": 1, "max": 8}),
        }

    def __init__(self, *args, episode: UitvalEpisode, **kwargs):
        super().__init__(*args, **kwargs)
        self.episode = episode
        self.plaatsing = episode.plaatsing
        if self.plaatsing is None:  # no build-up to restart
            for name in ("start_uren", "stap_uren", "weken_per_stap"):
                del self.fields[name]
            self.instance.start_uren = 0
        else:
            self.fields["start_uren"].help_text = _(
                "Begin rustig, lager dan voor de uitval. Het doel blijft %(hours)s uur per week."
            ) % {"hours": hours_text(self.plaatsing.contract_uren)}
        self.fields["naar_fase"].choices = Terugkeerplan.NaarFase.choices
        # back to where the traject came from, unless chosen otherwise
        came_from = episode.transition.from_phase if episode.transition_id else ""
        self.fields["naar_fase"].initial = came_from or Terugkeerplan.NaarFase.PLAATSING

    def clean_stappen(self) -> str:
        lines = [line.strip() for line in self.cleaned_data["stappen"].splitlines()]
        lines = [line for line in lines if line]
        if not lines:
            raise forms.ValidationError(_("Schrijf ten minste één stap op."))
        return "\n".join(lines)

    def clean_terug_op(self) -> datetime.date | None:
        terug_op = self.cleaned_data.get("terug_op")
        if terug_op is None:
            return terug_op
        if terug_op < self.episode.begonnen_op:
            raise forms.ValidationError(
                _(
                    "De eerste werkdag ligt vóór de datum van uitval (%(date)s). Kies een "
                    "latere datum."
                )
                % {"date": date_text(self.episode.begonnen_op)}
            )
        if terug_op > timezone.localdate() + datetime.timedelta(days=MAX_DAYS_AHEAD):
            raise forms.ValidationError(_("Kies een eerste werkdag binnen een jaar."))
        return terug_op

    def clean(self):
        data = super().clean()
        if self.plaatsing is None:
            return data
        start, stap = data.get("start_uren"), data.get("stap_uren")
        doel = self.plaatsing.contract_uren
        if start is not None and start <= 0:
            self.add_error("start_uren", _("Begin met een paar uur per week, bijvoorbeeld 4 of 8."))
        elif start is not None and start > doel:
            self.add_error(
                "start_uren",
                _("Dit is meer dan het doel van %(hours)s uur per week. Begin lager.")
                % {"hours": hours_text(doel)},
            )
        elif start is not None and stap is not None and start < doel and stap <= 0:
            self.add_error(
                "stap_uren",
                _("Met 0 uur per stap groeien de uren niet. Kies bijvoorbeeld 2 of 4 uur."),
            )
        return data


class AfsluitenForm(forms.Form):
    """Close the traject from dropout, with an outcome and a reason."""

    outcome = forms.ChoiceField(label=_("Uitkomst"), choices=Traject.Outcome.choices)
    reason = forms.CharField(
        label=_("Toelichting"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )
    wat_hielp = forms.CharField(
        label=_("Wat hielp?"),
        help_text=_("Ook als werken nu stopt: wat hielp, is goed om te weten voor later."),
        max_length=3000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
