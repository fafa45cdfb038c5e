"""The form for a development step. Messages are plain Dutch and the form keeps what was
typed; the rules are in `service.step_errors`."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from werkpad.formfields import DateInput
from werkpad.placements.models import Plaatsing

from ..models import Ontwikkelstap
from . import service


class OntwikkelstapForm(forms.ModelForm):
    class Meta:
        model = Ontwikkelstap
        fields = ["doel", "kleine_stappen", "verwachting", "streefdatum", "status", "toelichting"]
        widgets = {
            "kleine_stappen": forms.Textarea(attrs={"rows": 5}),
            "verwachting": forms.Textarea(attrs={"rows": 3}),
            "streefdatum": DateInput(),
            "toelichting": forms.Textarea(attrs={"rows": 3}),
        }
        labels = {
            "streefdatum": _("Wanneer wil je dit ongeveer bereikt hebben?"),
            "status": _("Hoe staat het ervoor?"),
            "toelichting": _("Toelichting"),
        }
        help_texts = {
            "kleine_stappen": _(
                "Eén kleine stap per regel, in de volgorde waarin je ze zet. Klein is goed: "
                "één nieuwe taak per keer. Klaar met een stap? Zet er een ✓ of een x voor."
            ),
            "streefdatum": _("Mag leeg blijven. Kies een dag na de start van de plaatsing."),
            "toelichting": _(
                "Nodig bij 'Bijgesteld': wat is er anders, en waarom? Bijstellen is geen "
                "mislukking, maar slim plannen."
            ),
        }
        error_messages = {
            "doel": {"required": _("Schrijf op wat je wilt leren of bereiken. Eén zin is genoeg.")},
            "streefdatum": {"invalid": _("Vul een datum in, bijvoorbeeld 15-09-2026.")},
            "status": {"invalid_choice": _("Kies een status uit de lijst.")},
        }

    def __init__(self, *args, plaatsing: Plaatsing, **kwargs):
        super().__init__(*args, **kwargs)
        self.plaatsing = plaatsing

    def clean(self):
        cleaned = super().clean()
        stap = Ontwikkelstap(
            doel=cleaned.get("doel") or "",
            streefdatum=cleaned.get("streefdatum"),
            status=cleaned.get("status") or "",
            toelichting=cleaned.get("toelichting") or "",
        )
        for name, message in service.step_errors(stap, self.plaatsing).items():
            if name in cleaned:  # a field that already has an error keeps only that one
                self.add_error(name, message)
        return cleaned
