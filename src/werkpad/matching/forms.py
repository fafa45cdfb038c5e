from django import forms
from django.utils.translation import gettext_lazy as _

from werkpad.formfields import DateInput, checkboxes

from .guide import TOPICS
from .models import Matchgesprek, Matchprofiel


class MatchprofielForm(forms.ModelForm):
    class Meta:
        model = Matchprofiel
        fields = ["akkoord", "reisgebied"]


class MatchgesprekForm(forms.ModelForm):
    onderwerpen = checkboxes(_("Besproken onderwerpen"), TOPICS)

    class Meta:
        model = Matchgesprek
        fields = [
            "date",
            "onderwerpen",
            "randvoorwaarden_kandidaat",
            "randvoorwaarden_werkgever",
            "verwachtingen",
            "aanpak",
            "uitkomst",
        ]
        widgets = {
            "date": DateInput(),
            "randvoorwaarden_kandidaat": forms.Textarea(attrs={"rows": 3}),
            "randvoorwaarden_werkgever": forms.Textarea(attrs={"rows": 3}),
            "verwachtingen": forms.Textarea(attrs={"rows": 3}),
            "aanpak": forms.Textarea(attrs={"rows": 3}),
        }

    def clean(self):
        data = super().clean()
        if data.get("uitkomst") == Matchgesprek.Uitkomst.MATCH and not (
            (data.get("randvoorwaarden_kandidaat") or "").strip()
            and (data.get("randvoorwaarden_werkgever") or "").strip()
        ):
            raise forms.ValidationError(
                _(
                    "Leg bij een match de randvoorwaarden van beide kanten vast, zodat iedereen "
                    "weet wat is afgesproken."
                )
            )
        return data
