"""The candidate's instruments: what each asks, and under which sharing category it falls.

Each instrument is a plain Django form. Its cleaned data is stored as JSON in an
`InstrumentVersie`; `display()` turns stored data back into labelled answers for reading.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from werkpad.formfields import MAX_HOURS_PER_WEEK, DateInput, checkboxes, phone_field

from .catalogue import read

TEXT = 2000


def text(label, help_text="", rows=3, required=False) -> forms.CharField:
    return forms.CharField(
        label=label,
        help_text=help_text,
        required=required,
        max_length=TEXT,
        widget=forms.Textarea(attrs={"rows": rows}),
    )


def line(label, help_text="", required=False, max_length=200) -> forms.CharField:
    return forms.CharField(
        label=label, help_text=help_text, required=required, max_length=max_length
    )


def hours(label, help_text="") -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        help_text=help_text,
        required=False,
        min_value=0,
        max_value=MAX_HOURS_PER_WEEK,
        error_messages={
            "min_value": _("Vul een aantal uren van 0 tot en met 40 in."),
            "max_value": _("Vul een aantal uren van 0 tot en met 40 in."),
            "invalid": _("Vul een heel getal in, bijvoorbeeld 12."),
        },
    )


class InstrumentForm(forms.Form):
    """Base for instrument forms: carries the version it was based on, so that a save on top
    of someone else's newer version is refused instead of overwriting it."""

    based_on = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=0)

    def to_data(self) -> dict[str, Any]:
        data = {}
        for name, value in self.cleaned_data.items():
            if name == "based_on":
                continue
            data[name] = _jsonable(value)
        return data


def _jsonable(value):
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    return value


# --- 1. Wensen en capaciteiten --------------------------------------------------------------


def capacity_scale() -> list[tuple[str, str]]:
    return [
        (str(s["value"]), f"{s['value']} – {s['label_kandidaat']}")
        for s in read("werkcapaciteiten")["scale"]
    ]


class WensenForm(InstrumentForm):
    werk_wens = text(_("Wat voor werk zou je graag doen?"), rows=2)
    sectoren = line(
        _("In welke soort bedrijf of sector?"), _("Bijvoorbeeld groen, zorg, logistiek, horeca.")
    )
    taken_graag = text(_("Welke taken doe je graag?"))
    belangrijk = text(
        _("Wat vind je belangrijk in je werk?"),
        _("Bijvoorbeeld rust, collega's, buiten zijn, iets betekenen."),
    )
    vaardigheden = text(_("Wat kun je goed?"))
    ervaring = text(_("Welke werkervaring heb je?"))
    opleiding = text(_("Welke opleidingen of cursussen heb je gedaan?"), rows=2)
    sterke_kanten = text(_("Wat zijn je sterke kanten?"), rows=2)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        scale = [("", _("— nog niet ingevuld —")), *capacity_scale()]
        for area in read("werkcapaciteiten")["areas"]:
            key = area["key"]
            self.fields[f"cap_{key}"] = forms.ChoiceField(
                label=area["name"],
                help_text=area["question_kandidaat"],
                choices=scale,
                required=False,
            )
            self.fields[f"cap_{key}_uitleg"] = line(_("In je eigen woorden"), max_length=300)


# --- 2. Beschikbaarheid en motivatie --------------------------------------------------------

DAGEN = [
    ("ma", _("maandag")),
    ("di", _("dinsdag")),
    ("wo", _("woensdag")),
    ("do", _("donderdag")),
    ("vr", _("vrijdag")),
    ("za", _("zaterdag")),
    ("zo", _("zondag")),
]


class BeschikbaarheidForm(InstrumentForm):
    eigen_inschatting = hours(
        _("Hoeveel uur per week denk je nu aan te kunnen?"), _("Jouw eigen inschatting.")
    )
    uren_start = hours(
        _("Met hoeveel uur per week wil je beginnen?"),
        _("Tip: begin wat lager dan je eigen inschatting. Opbouwen gaat beter dan terugschakelen."),
    )
    uren_doel = hours(_("Hoeveel uur per week wil je uiteindelijk werken?"))
    dagen = checkboxes(_("Op welke dagen kun je werken?"), DAGEN)
    startdatum = forms.DateField(
        label=_("Vanaf wanneer kun je beginnen?"), required=False, widget=DateInput()
    )
    motivatie = text(
        _("Waarom wil je (weer) aan het werk?"), _("Wat geeft je energie? Wat wil je bereiken?")
    )

    def clean(self):
        data = super().clean()
        start, doel = data.get("uren_start"), data.get("uren_doel")
        if start is not None and doel is not None and doel < start:
            self.add_error(
                "uren_doel",
                _("Het doel is lager dan het aantal uren waarmee je begint. Klopt dat?"),
            )
        return data

    @staticmethod
    def advice(data: dict) -> str | Promise:
        """A nudge (note 5): start below the candidate's own estimate."""
        estimate, start = data.get("eigen_inschatting"), data.get("uren_start")
        if estimate and start is not None and start >= estimate:
            suggestion = max(1, round(estimate * 2 / 3))
            return ngettext(
                "Je begint met evenveel uren als je denkt aan te kunnen. Veel mensen merken dat "
                "opbouwen beter gaat. Overweeg te beginnen met ongeveer %(uren)s uur.",
                "Je begint met evenveel uren als je denkt aan te kunnen. Veel mensen merken dat "
                "opbouwen beter gaat. Overweeg te beginnen met ongeveer %(uren)s uur.",
                suggestion,
            ) % {"uren": suggestion}
        return ""


# --- 3. Openheid ----------------------------------------------------------------------------


def _lade_choices():
    lades = read("openheid")["lades"]
    return [("", _("— kies —"))] + [(lade["key"], lade["name"]) for lade in lades]


class OpenheidForm(InstrumentForm):
    """The decision aid. The answers and drawers are only for the candidate and their coach;
    what the candidate wants to tell is shared as category 'kwetsbaarheid'."""

    vertellen = text(
        _("Wat wil je anderen op je werk vertellen over je psychische kwetsbaarheid?"),
        _("Alleen wie jij dit laat zien op de pagina 'Wie ziet wat', kan dit lezen."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for question in read("openheid")["questions"]:
            self.fields[f"vraag_{question['key']}"] = text(
                question["text"], question["help"], rows=2
            )
        for category in read("openheid")["categories"]:
            self.fields[f"lade_{category['key']}"] = forms.ChoiceField(
                label=category["name"],
                choices=_lade_choices(),
                required=False,
                help_text=_("In welke lade hoort dit voor jou?"),
            )
        # wishes first: the answers to the aid come before the statement
        self.order_fields([f for f in self.fields if f != "vertellen"] + ["vertellen"])


# --- 4. Wat mij helpt, 5. Grenzen en signalen -----------------------------------------------


class WatHelptForm(InstrumentForm):
    helpt = text(_("Wat helpt mij om goed te werken?"))
    aanpassingen = text(
        _("Welke aanpassingen helpen mij?"),
        _("Bijvoorbeeld een rustige plek, vaste tijden, pauzes."),
    )
    instructie = text(_("Hoe leer ik nieuwe taken het best?"), rows=2)
    feedback = text(_("Hoe hoor ik feedback het liefst?"), rows=2)


class GrenzenForm(InstrumentForm):
    grenzen = text(
        _("Wat zijn mijn grenzen?"), _("Wat kan ik (nog) niet, of niet te lang?"), required=True
    )
    signalen = text(_("Wat kunnen anderen merken voordat ik over mijn grens ga?"))
    wat_dan = text(_("Wat kunnen ze dan doen?"))
    wat_niet = text(_("Wat helpt dan juist niet?"), rows=2)


# --- 6. Financiële situatie -----------------------------------------------------------------


def _regelingen(soort: str) -> list[tuple[str, str]]:
    from .models import Regeling

    return list(Regeling.objects.filter(soort=soort, active=True).values_list("key", "name"))


class FinancienForm(InstrumentForm):
    inkomen = checkboxes(_("Wat is nu je inkomen?"))
    inkomen_toelichting = text(_("Toelichting op je inkomen"), rows=2)
    gevolgen = text(
        _("Wat betekent werken voor jouw geld?"),
        _("Wat weet je al? Wat wil je nog uitzoeken?"),
    )
    vragen_geregeld = checkboxes(_("Welke vragen heb je al geregeld met de gemeente of het UWV?"))
    vragen_toelichting = text(_("Wat is er nog open?"), rows=2)
    regelingen_werkgever = checkboxes(_("Welke regelingen kunnen je werkgever helpen?"))
    regelingen_toelichting = text(_("Toelichting op de regelingen"), rows=2)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["inkomen"].choices = _regelingen("uitkering")
        self.fields["regelingen_werkgever"].choices = _regelingen("werkgever")
        self.fields["vragen_geregeld"].choices = [
            (q["key"], q["text"]) for q in read("regelingen")["vragen"]
        ]


# --- 7. Herstelplan -------------------------------------------------------------------------


class HerstelplanForm(InstrumentForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for section in read("herstelplan")["sections"]:
            self.fields[section["key"]] = text(section["name"], section["prompt"], rows=3)


# --- 8. Crisiskaart -------------------------------------------------------------------------


class CrisisContactForm(forms.Form):
    naam = line(_("Naam"), required=True, max_length=100)
    rol = line(
        _("Wie is dit voor jou?"), _("Bijvoorbeeld partner, zus, vriend, buurman."), max_length=100
    )
    telefoon = phone_field(required=True)
    toegezegd = forms.BooleanField(label=_("Heeft toegezegd bereikbaar te zijn"), required=False)
    toegezegd_op = forms.DateField(label=_("Toegezegd op"), required=False, widget=DateInput())

    def clean(self):
        data = super().clean()
        when = data.get("toegezegd_op")
        if data.get("toegezegd") and not when:
            self.add_error("toegezegd_op", _("Wanneer heeft deze persoon het toegezegd?"))
        if when and when > timezone.localdate():
            self.add_error("toegezegd_op", _("Deze datum ligt in de toekomst."))
        return data


CrisisContactFormSet = forms.formset_factory(
    CrisisContactForm, extra=1, max_num=8, validate_max=True, can_delete=True
)


class CrisiskaartForm(InstrumentForm):
    crisis = text(_("Hoe ziet een crisis er bij mij uit?"), _("Wat merken anderen dan aan mij?"))
    helpt = text(_("Wat helpt mij dan?"))
    helpt_niet = text(_("Wat helpt juist niet?"))
    benadering = text(_("Hoe kun je mij het beste benaderen?"))
    bel_eerst = line(_("Wie bel je als eerste?"), max_length=150)
    bel_tweede = line(_("Wie bel je als tweede?"), max_length=150)
    bel_derde = line(_("Wie bel je als derde?"), max_length=150)
    behandelaar = line(_("Mijn behandelaar of behandelteam (naam en telefoon)"), max_length=200)
    werkgever = text(_("Wat mag mijn werkgever weten en doen?"), rows=2)

    def __init__(self, *args, contacts_data=None, contacts_initial=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.contacts = CrisisContactFormSet(
            data=contacts_data, initial=contacts_initial, prefix="contact"
        )

    def is_valid(self) -> bool:
        form_ok = super().is_valid()
        contacts_ok = self.contacts.is_valid()
        if (
            form_ok
            and contacts_ok
            and not self._contacts()
            and not any(self.cleaned_data.get(f) for f in ("crisis", "helpt", "benadering"))
        ):
            self.add_error(
                None,
                _(
                    "Een lege crisiskaart helpt niemand. Vul ten minste één contactpersoon in, "
                    "of beschrijf hoe een crisis eruitziet en wat dan helpt."
                ),
            )
            return False
        return form_ok and contacts_ok

    def _contacts(self) -> list[dict]:
        return [
            {k: v for k, v in form.cleaned_data.items() if k != "DELETE"}
            for form in self.contacts.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]

    def to_data(self) -> dict[str, Any]:
        data = super().to_data()
        data["contacten"] = _jsonable(self._contacts())
        return data


# --- the registry ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Kind:
    key: str
    name: Promise
    category: str
    form_class: type[InstrumentForm]
    intro: Promise
    private_prefixes: tuple[str, ...] = field(default=())

    def form(self, data=None, current: dict | None = None, based_on: int = 0) -> InstrumentForm:
        initial = dict(current or {})
        initial["based_on"] = based_on
        if self.form_class is CrisiskaartForm:
            contacts = initial.pop("contacten", [])
            return CrisiskaartForm(
                data, initial=initial, contacts_data=data, contacts_initial=contacts
            )
        return self.form_class(data, initial=initial)

    def is_private(self, name: str) -> bool:
        return name.startswith(self.private_prefixes)

    def display(
        self, data: dict, include_private: bool, form: InstrumentForm | None = None
    ) -> list[tuple[str, str]]:
        """Labelled answers of a stored version, in form order, skipping empty ones. Pass
        `form` (an unbound form of this kind) when calling this for many versions."""
        form = form or self.form()
        rows = []
        for name, bound in form.fields.items():
            if name == "based_on" or (self.is_private(name) and not include_private):
                continue
            value = data.get(name)
            if value in (None, "", []):
                continue
            rows.append((str(bound.label), _readable(bound, value)))
        return rows

    def changed_fields(
        self, old: dict, new: dict, include_private: bool, form: InstrumentForm | None = None
    ) -> list[str]:
        form = form or self.form()
        labels = []
        for name, bound in form.fields.items():
            if name == "based_on" or (self.is_private(name) and not include_private):
                continue
            if (old.get(name) or None) != (new.get(name) or None):
                labels.append(str(bound.label))
        if old.get("contacten") != new.get("contacten") and "contacten" in new | old:
            labels.append(str(_("Contactpersonen")))
        return labels


def _readable(bound: forms.Field, value) -> str:
    choices = dict(getattr(bound, "choices", []) or [])
    if isinstance(value, list):
        return ", ".join(str(choices.get(v, v)) for v in value)
    if choices:
        return str(choices.get(str(value), value))
    if isinstance(value, str) and isinstance(bound, forms.DateField):
        try:
            return datetime.date.fromisoformat(value).strftime("%d-%m-%Y")
        except ValueError:
            return value
    return str(value)


KINDS: dict[str, Kind] = {
    kind.key: kind
    for kind in [
        Kind(
            "wensen",
            _("Wensen en mogelijkheden"),
            "wensen_capaciteiten",
            WensenForm,
            _("Wat wil je, en wat kun je? We beginnen bij wat jij wilt."),
        ),
        Kind(
            "beschikbaarheid",
            _("Beschikbaarheid en motivatie"),
            "beschikbaarheid",
            BeschikbaarheidForm,
            _("Hoeveel uur en op welke dagen kun je werken, en wat drijft je?"),
        ),
        Kind(
            "openheid",
            _("Openheid"),
            "kwetsbaarheid",
            OpenheidForm,
            _(
                "Vragen die helpen kiezen: vertel je iets over je psychische kwetsbaarheid, aan "
                "wie en wat? Jouw antwoorden blijven tussen jou en je begeleider."
            ),
            private_prefixes=("vraag_", "lade_"),
        ),
        Kind(
            "wat_helpt",
            _("Wat mij helpt"),
            "wat_helpt",
            WatHelptForm,
            _("Wat heb je nodig om goed te kunnen werken?"),
        ),
        Kind(
            "grenzen",
            _("Grenzen en signalen"),
            "grenzen_signalen",
            GrenzenForm,
            _("Wat zijn je grenzen, en wat kunnen anderen merken voordat je eroverheen gaat?"),
        ),
        Kind(
            "financien",
            _("Financiële situatie en regelingen"),
            "financien",
            FinancienForm,
            _("Wat betekent werken voor je inkomen, en welke regelingen kunnen helpen?"),
        ),
        Kind(
            "herstelplan",
            _("Herstelplan"),
            "herstelplan",
            HerstelplanForm,
            _("Wat houdt jou in balans, en wat doe je als het minder gaat?"),
        ),
        Kind(
            "crisiskaart",
            _("Crisiskaart"),
            "crisiskaart",
            CrisiskaartForm,
            _(
                "Wat anderen moeten weten en doen als het echt niet goed met je gaat. Zet er "
                "alleen mensen op die hebben toegezegd bereikbaar te zijn."
            ),
        ),
    ]
}

# parties the candidate can share with, and the categories they can share
SHARING_PARTIES = [(p["key"], p["name"]) for p in read("openheid")["parties"]]
CATEGORIES = [(c["key"], c["name"]) for c in read("openheid")["categories"]]
