"""Forms for trajects. Messages are plain Dutch and forms keep what the user typed."""

from __future__ import annotations

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from werkpad.accounts.models import User
from werkpad.formfields import DateInput, phone_field
from werkpad.route.models import Party, Phase

from .models import Afspraak, Betrokkene, JournaalNotitie, Kandidaat, Traject, TrajectMilestone


def not_newly_in_the_past(form: forms.ModelForm, field: str, message: str):
    """A date may stay where it was, but a new or changed one cannot lie in the past."""
    value = form.cleaned_data.get(field)
    changed = form.instance.pk is None or value != form.initial.get(field)
    if value and changed and value < timezone.localdate():
        raise forms.ValidationError(message)
    return value


class KandidaatForm(forms.ModelForm):
    phone = phone_field()

    class Meta:
        model = Kandidaat
        fields = ["first_name", "last_name", "email", "phone", "date_of_birth", "city"]
        widgets = {"date_of_birth": DateInput()}

    def clean_date_of_birth(self) -> datetime.date | None:
        dob = self.cleaned_data.get("date_of_birth")
        if dob is None:
            return dob
        today = timezone.localdate()
        if dob > today:
            raise forms.ValidationError(_("Een geboortedatum kan niet in de toekomst liggen."))
        if dob.year < today.year - 100:
            raise forms.ValidationError(_("Controleer het geboortejaar."))
        if (today - dob).days < 15 * 365:
            raise forms.ValidationError(_("De kandidaat moet minstens 15 jaar oud zijn."))
        return dob


class TrajectOpenForm(forms.ModelForm):
    class Meta:
        model = Traject
        fields = ["method", "referral", "referral_note", "started_on"]
        widgets = {"started_on": DateInput(), "referral_note": forms.TextInput()}
        help_texts = {
            "referral_note": _("Bijvoorbeeld: aanvraag van het FACT-team van de behandelaar."),
        }

    def clean_started_on(self) -> datetime.date:
        started = self.cleaned_data["started_on"]
        if started > timezone.localdate() + datetime.timedelta(days=365):
            raise forms.ValidationError(_("Een startdatum ligt hooguit een jaar vooruit."))
        return started


class PhaseMoveForm(forms.Form):
    to_phase = forms.ChoiceField(label=_("Naar fase"), choices=())
    reason = forms.CharField(
        label=_("Reden"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Verplicht bij een stap terug, bij uitval en bij terugkeer na uitval."),
    )

    def __init__(self, *args, traject: Traject, back_via_uitval: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.traject = traject
        # every phase is offered; the route's rules (Traject.check_move) decide and explain.
        # Dropout has its own pages: into phase e with the dropout report, and out of it with
        # the way back (unless the traject is in e without a dropout episode to go back from)
        excluded = {traject.phase, Phase.UITVAL}
        if traject.phase == Phase.UITVAL and back_via_uitval:
            excluded |= {Phase.PLAATSING, Phase.DUURZAAM}
        self.fields["to_phase"].choices = [
            (p.value, p.label) for p in Phase if p.value not in excluded
        ]
        allowed = [p for p in traject.allowed_moves() if p not in excluded]
        if allowed:
            self.fields["to_phase"].initial = (
                allowed[-1]
                if traject.phase == "e"
                else next((p for p in allowed if p > traject.phase), allowed[0])
            )

    def clean(self):
        data = super().clean()
        to_phase = data.get("to_phase")
        if to_phase:
            try:
                self.traject.check_move(to_phase, data.get("reason", ""))
            except forms.ValidationError as error:
                self.add_error(None, error)
        return data


class CloseForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Uitkomst"), choices=Traject.Outcome.choices)
    reason = forms.CharField(
        label=_("Toelichting"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )


class BetrokkeneForm(forms.ModelForm):
    user = forms.ModelChoiceField(
        label=_("Account in Werkpad"),
        queryset=User.objects.none(),
        required=False,
        help_text=_("Kies een account, of vul hieronder naam en gegevens in."),
    )
    phone = phone_field()

    class Meta:
        model = Betrokkene
        fields = ["party", "user", "name", "role", "organisation_name", "phone", "email"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["party"].choices = [(p.value, p.label) for p in Party if p != Party.KANDIDAAT]
        self.fields["user"].queryset = (
            User.objects.filter(is_active=True)
            .exclude(role__in=[User.Role.KANDIDAAT, User.Role.BEHEERDER])
            .select_related("organisation")
        )
        self.fields["user"].label_from_instance = lambda u: (
            f"{u} ({u.organisation})" if u.organisation_id else str(u)
        )

    def clean(self):
        data = super().clean()
        if not data.get("user") and not (data.get("name") or "").strip():
            raise forms.ValidationError(
                _("Kies een account in Werkpad of vul de naam van de betrokkene in.")
            )
        return data


class MilestoneForm(forms.ModelForm):
    class Meta:
        model = TrajectMilestone
        fields = ["status", "owner", "due_date", "note", "nvt_reason"]
        widgets = {"due_date": DateInput(), "note": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = self.instance.traject.betrokkenen.select_related("user")

    def clean_due_date(self) -> datetime.date | None:
        return not_newly_in_the_past(
            self, "due_date", _("Een nieuwe streefdatum kan niet in het verleden liggen.")
        )


class AfspraakForm(forms.ModelForm):
    class Meta:
        model = Afspraak
        fields = ["what", "who", "due_date", "status", "milestone", "notitie"]
        widgets = {"due_date": DateInput()}

    def __init__(self, *args, traject: Traject, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.traject = traject
        self.fields["who"].queryset = traject.betrokkenen.select_related("user")
        self.fields["milestone"].queryset = traject.milestones.select_related("route_milestone")
        self.fields["notitie"].queryset = traject.notities.all()
        if self.instance.pk is None:
            del self.fields["status"]

    def clean_due_date(self) -> datetime.date:
        return not_newly_in_the_past(self, "due_date", _("Kies een datum van vandaag of later."))


class NotitieForm(forms.ModelForm):
    class Meta:
        model = JournaalNotitie
        fields = ["date", "kind", "participants", "text"]
        widgets = {"date": DateInput(), "text": forms.Textarea(attrs={"rows": 6})}

    def clean_date(self) -> datetime.date:
        date = self.cleaned_data["date"]
        if date > timezone.localdate():
            raise forms.ValidationError(
                _("Een contact vastleggen kan voor vandaag of eerder, niet voor later.")
            )
        return date
