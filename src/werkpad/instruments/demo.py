"""Demo instruments for kandidaat@demo.werkpad.nl (Sanne): filled in with her coach, part of it
shared with her leidinggevende. Every version goes through the instrument's own form, so the
demo data is valid data."""

from __future__ import annotations

from werkpad.audit.trail import log_read
from werkpad.trajects.models import Kandidaat

from .kinds import KINDS
from .models import DeelVersie, InstrumentVersie

SANNE = {
    "wensen": {
        "werk_wens": "Buiten werken met planten, het liefst in een tuincentrum of kwekerij.",
        "sectoren": "Groen, tuincentra",
        "taken_graag": "Planten verzorgen, water geven, de afdeling netjes houden.",
        "belangrijk": "Een vaste plek, rustige collega's en zien wat ik gedaan heb.",
        "vaardigheden": "Ik weet veel van planten en werk precies.",
        "ervaring": "Vijf jaar hovenier, daarna vrijwilliger bij een stadsboerderij.",
        "sterke_kanten": "Zorgvuldig, trouw, goed met mijn handen.",
        "cap_klantcontact": "2",
        "cap_klantcontact_uitleg": "Kort iets uitleggen lukt, drukte aan de kassa nog niet.",
        "cap_fysieke_belasting": "4",
    },
    "beschikbaarheid": {
        "eigen_inschatting": 20,
        "uren_start": 12,
        "uren_doel": 24,
        "dagen": ["ma", "di", "do"],
        "motivatie": "Ik wil weer ergens bij horen en mijn vak gebruiken.",
    },
    "wat_helpt": {
        "helpt": "Een vaste dagindeling en weten wie mijn aanspreekpunt is.",
        "aanpassingen": "Pauze op een rustige plek; niet achter de kassa op zaterdag.",
        "instructie": "Eerst voordoen, dan zelf doen.",
        "feedback": "Kort en direct, liefst aan het eind van de dag.",
    },
    "grenzen": {
        "grenzen": "Meer dan vier uur achter elkaar druk klantcontact.",
        "signalen": "Ik word stil, vergeet dingen en eet mijn lunch niet.",
        "wat_dan": "Vraag even hoe het gaat en geef me een rustige taak.",
        "wat_niet": "Me voor iedereen aanspreken.",
    },
    "financien": {
        "inkomen": ["bijstand"],
        "gevolgen": "Ik wil weten hoeveel ik overhoud als ik 12 uur werk.",
        "vragen_toelichting": "Afspraak met de consulent werk en inkomen staat gepland.",
    },
    "crisiskaart": {
        "crisis": "Ik trek me terug, slaap slecht en neem de telefoon niet op.",
        "helpt": "Rustig contact, een wandeling, mijn zus bellen.",
        "helpt_niet": "Veel vragen tegelijk, drukte om me heen.",
        "benadering": "Spreek me apart aan en zeg wat je ziet.",
        "bel_eerst": "Lotte de Vries (zus)",
        "bel_tweede": "Marieke Jansen (jobcoach)",
        "behandelaar": "Femke Mulder, FACT-team, 030 123 45 67",
        "werkgever": "Dat het even niet gaat en dat ik later terugkom; geen details.",
        "contact-TOTAL_FORMS": "1",
        "contact-INITIAL_FORMS": "0",
        "contact-0-naam": "Lotte de Vries",
        "contact-0-rol": "zus",
        "contact-0-telefoon": "06 23456789",
        "contact-0-toegezegd": "on",
        "contact-0-toegezegd_op": "2026-09-01",
    },
}

SHARED = {
    "leidinggevende": ["checkins", "crisiskaart", "grenzen_signalen", "kwetsbaarheid", "wat_helpt"],
    "werkgever": ["beschikbaarheid", "wat_helpt"],
}


def _post_data(values: dict) -> dict:
    data = {"based_on": "0"}
    for key, value in values.items():
        data[key] = value
    return data


def fill(kandidaat: Kandidaat, key: str, values: dict, by) -> InstrumentVersie:
    """Save the first version of one instrument, through the instrument's own form (as if
    `values` were posted); refuses demo data the form would refuse."""
    from django.http import QueryDict

    query = QueryDict(mutable=True)
    for name, value in _post_data(values).items():
        if isinstance(value, list):
            query.setlist(name, value)
        else:
            query[name] = str(value)
    form = KINDS[key].form(query)
    if not form.is_valid():
        raise ValueError(f"demo data for {key} is not valid: {form.errors.as_json()}")
    return InstrumentVersie.objects.create(
        kandidaat=kandidaat, kind=key, number=1, data=form.to_data(), created_by=by
    )


def load_for(kandidaat: Kandidaat, coach, leidinggevende=None) -> None:
    """Fill Sanne's instruments (two versions of her crisis card) and her sharing."""
    for key, values in SANNE.items():
        fill(kandidaat, key, values, coach)
    first = InstrumentVersie.objects.get(kandidaat=kandidaat, kind="crisiskaart")
    InstrumentVersie.objects.create(
        kandidaat=kandidaat,
        kind="crisiskaart",
        number=2,
        data={**first.data, "bel_derde": "Huisartsenpost, 088 123 45 67"},
        created_by=kandidaat.user or coach,
    )
    DeelVersie.objects.create(
        kandidaat=kandidaat, number=1, shared=SHARED, created_by=kandidaat.user or coach
    )
    if leidinggevende is not None:
        log_read(leidinggevende, kandidaat, detail="crisiskaart")
