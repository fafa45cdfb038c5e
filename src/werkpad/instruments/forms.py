"""The sharing form: per party, which categories the candidate shares."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext as _

from werkpad.formfields import checkboxes

from .kinds import CATEGORIES, SHARING_PARTIES


class SharingForm(forms.Form):
    # the version the page showed: a save from an outdated page is refused, so that it cannot
    # silently undo a withdrawal made in the meantime
    based_on = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)

    def __init__(self, *args, current=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.current_number = current.number if current else 0
        self.fields["based_on"].initial = self.current_number
        shared = current.shared if current else {}
        for party, party_name in SHARING_PARTIES:
            self.fields[f"deel_{party}"] = checkboxes(
                party_name, CATEGORIES, initial=shared.get(party, [])
            )

    def clean(self):
        data = super().clean()
        if (data.get("based_on") or 0) != self.current_number:
            raise forms.ValidationError(
                _(
                    "Deze keuzes zijn intussen veranderd (misschien in een ander venster). "
                    "Bekijk hieronder wat nu geldt en kies opnieuw."
                )
            )
        return data

    def to_data(self) -> dict[str, list[str]]:
        return {
            party: sorted(self.cleaned_data.get(f"deel_{party}", []))
            for party, _name in SHARING_PARTIES
            if self.cleaned_data.get(f"deel_{party}")
        }


def sharing_changes(old: dict, new: dict) -> list[str]:
    """Readable lines: what became shared with whom, and what was withdrawn."""
    party_names = dict(SHARING_PARTIES)
    category_names = dict(CATEGORIES)
    lines = []
    for party, party_name in party_names.items():
        before, after = set(old.get(party, [])), set(new.get(party, []))
        for category in sorted(after - before):
            lines.append(
                _("%(what)s gedeeld met %(party)s")
                % {"what": category_names.get(category, category), "party": party_name}
            )
        for category in sorted(before - after):
            lines.append(
                _("%(what)s niet meer gedeeld met %(party)s")
                % {"what": category_names.get(category, category), "party": party_name}
            )
    return lines
