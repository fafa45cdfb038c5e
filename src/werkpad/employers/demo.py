"""Fictional demo employers for Werkpad: the three demo employer organisations with their
profile, locations, contacts, route milestones, task inventory, custom jobs and vacancies;
match profiles for four demo candidates; and two placements with a build-up of hours.

Everything here is made up. Like `werkpad.instruments.demo`, the data goes through the real
forms (employer, location, contact, milestone, task, job, match profile, match conversation,
instrument, plans, build-up) so that the demo data is valid data. Called by
`werkpad.trajects.demo.load()` after the candidates and their trajects are built.

The two placements started months ago, in trajects that are already past matching (phase c and
d, with their own phase history). So they are not made with `Plaatsing.create_from_match`,
which moves the traject into phase c: they are saved directly and then checked with
`full_clean()` (every rule except the start rules, which only apply while a placement is being
added in a traject that is still in a or b).

Days are "days ago" (positive: in the past).
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.db.models import QuerySet
from django.http import QueryDict
from django.utils import formats, timezone

from werkpad.accounts.models import Organisation, User
from werkpad.instruments.demo import fill
from werkpad.instruments.models import InstrumentVersie, Regeling
from werkpad.matching.forms import MatchgesprekForm, MatchprofielForm
from werkpad.matching.models import Matchgesprek, Matchprofiel
from werkpad.placements.forms import OpbouwFormSet, PlansForm
from werkpad.placements.models import Plaatsing
from werkpad.route.models import Phase
from werkpad.trajects.demo import (
    KANDIDAAT_EMAIL,
    ORGANISATIONS,
    VERHALEN,
    demo_kandidaten,
    demo_trajects,
)
from werkpad.trajects.models import Kandidaat, PhaseTransition

from .forms import (
    DEMAND_PREFIX,
    ContactForm,
    LocatieForm,
    MaatwerkForm,
    MijlpaalForm,
    TaakForm,
    VacatureForm,
    WerkgeverCreateForm,
)
from .models import Aanpassing, Contactpersoon, Functie, Taak, Werkgever

Rol = Contactpersoon.Rol
Grootte = Werkgever.Grootte
KLAAR, BEZIG = "klaar", "bezig"  # milestones not listed stay open
MAATWERK, VACATURE = Functie.Soort.MAATWERK, Functie.Soort.VACATURE

# --- the employers ----------------------------------------------------------------------------
# Keys are the organisation keys of werkpad.trajects.demo.ORGANISATIONS. Within an employer,
# locations, contacts and tasks have a key of their own, used by the jobs and placements.

EMPLOYERS: dict[str, dict] = {
    "tuincentrum": {
        "profile": {
            "sector": "Groen: tuincentrum en kwekerij",
            "grootte": Grootte.MIDDEL,
            "description": "Familiebedrijf aan de rand van Oudewaard: een tuincentrum, een "
            "eigen kwekerij voor vaste planten en een kleine dierenafdeling. Zo'n 45 "
            "medewerkers, in het voorjaar aangevuld met seizoenskrachten. Werkt al een paar "
            "jaar samen met Werkwijzer Re-integratie en laat nieuwe collega's graag stap voor "
            "stap beginnen.",
        },
        "locaties": {
            "winkel": {
                "name": "Tuincentrum",
                "address": "Vlinderweg 12",
                "postcode": "4171km",
                "city": "Oudewaard",
            },
            "kwekerij": {
                "name": "Kwekerij",
                "address": "Hogeveldseweg 3",
                "postcode": "4171 RT",
                "city": "Oudewaard",
            },
        },
        "contacten": {
            "peter": {
                "name": "Peter van Dijk",
                "rol": Rol.HR,
                "email": "werkgever@demo.werkpad.nl",
                "phone": "0418 640 210",
                "user": "werkgever",
            },
            "anouk": {
                "name": "Anouk Visser",
                "rol": Rol.LEIDINGGEVENDE,
                "email": "leidinggevende@demo.werkpad.nl",
                "phone": "06 41 73 90 25",
                "user": "leidinggevende",
            },
            "kees": {"name": "Kees Verbeek", "rol": Rol.BUDDY, "phone": "06 28 44 17 60"},
        },
        "mijlpalen": {
            "werkgever-a-doelgroepen": (KLAAR, ""),
            "werkgever-a-draagvlak": (KLAAR, "De directie en de afdelingshoofden staan erachter."),
            "werkgever-a-plaatsen": (
                KLAAR,
                "Kwekerij en goederenontvangst: taken in kaart gebracht, twee maatwerkfuncties.",
            ),
            "werkgever-a-omstandigheden": (KLAAR, ""),
            "leidinggevende-a-bereidheid": (KLAAR, ""),
            "leidinggevende-a-bewustzijn": (
                BEZIG,
                "Anouk en de chef winkel volgen dit najaar een korte training.",
            ),
            "collegas-a-houding": (KLAAR, ""),
            "collegas-a-kennismaking": (BEZIG, "Teamlunch met een ervaringsdeskundige gepland."),
        },
        "taken": {
            "verzorgen": {
                "name": "Planten water geven en verzorgen",
                "description": "Vaste planten en heesters op de kwekerij water geven, uitgebloeide "
                "bloemen verwijderen en zieke planten apart zetten.",
                "hours_per_week": 8,
                "location": "Op de kwekerij, deels buiten",
                "times": "Ochtenden, tussen 9.30 en 12.00 uur",
                "quiet_place": True,
                "fixed_hours": True,
                "demands": {
                    "fysieke_belasting": 3,
                    "concentratie": 2,
                    "werktempo": 2,
                    "zelfstandig_werken": 2,
                    "structuur": 1,
                },
            },
            "oppotten": {
                "name": "Vaste planten oppotten en etiketteren",
                "description": "Stekken en jonge planten oppotten, etiketten met naam en prijs "
                "erin steken en de potten op de tafels in de kas zetten.",
                "hours_per_week": 8,
                "location": "In de potkas",
                "times": "Vaste dagen, overdag",
                "quiet_place": True,
                "fixed_hours": True,
                "demands": {
                    "concentratie": 3,
                    "fysieke_belasting": 2,
                    "werktempo": 2,
                    "structuur": 1,
                    "sociaal_contact": 1,
                },
            },
            "bijvullen": {
                "name": "Afdeling vaste planten bijvullen en netjes houden",
                "description": "De verkoopafdeling aanvullen vanaf de kwekerij, lege plekken "
                "opvullen en de paden vegen. Af en toe een klant de weg wijzen.",
                "hours_per_week": 4,
                "location": "Buitenafdeling van het tuincentrum",
                "times": "Ochtenden voor de drukte",
                "quiet_place": False,
                "fixed_hours": True,
                "demands": {
                    "fysieke_belasting": 3,
                    "klantcontact": 2,
                    "sociaal_contact": 2,
                    "prikkels": 2,
                },
            },
            "ontvangst": {
                "name": "Goederen ontvangen en uitpakken",
                "description": "Leveringen van planten, potgrond en materiaal aannemen, tellen "
                "met de pakbon en naar de juiste afdeling brengen.",
                "hours_per_week": 6,
                "location": "Bij het laadperron",
                "times": "Dinsdag- en donderdagochtend",
                "quiet_place": False,
                "fixed_hours": True,
                "demands": {
                    "fysieke_belasting": 4,
                    "werktempo": 3,
                    "concentratie": 2,
                    "verantwoordelijkheid": 2,
                    "structuur": 2,
                },
            },
            "advies": {
                "name": "Klanten adviseren over planten",
                "description": "Klanten helpen een plant te kiezen die past bij hun tuin of "
                "balkon, en uitleggen hoe ze ervoor zorgen.",
                "hours_per_week": 8,
                "location": "In de winkel en op de buitenafdeling",
                "times": "Vooral zaterdag en in het voorjaar",
                "quiet_place": False,
                "fixed_hours": False,
                "demands": {
                    "klantcontact": 4,
                    "prikkels": 3,
                    "werktempo": 3,
                    "mentale_belasting": 2,
                    "werktijden": 3,
                },
            },
        },
        "functies": [
            {
                "key": "kwekerij",
                "soort": MAATWERK,
                "title": "Medewerker kwekerij vaste planten",
                "locatie": "kwekerij",
                "description": "Een functie van vaste taken op de kwekerij: verzorgen, oppotten "
                "en de afdeling bijvullen. Rustige ochtenden met een vast team.",
                "days": ["ma", "di", "do", "vr"],
                "taken": ["verzorgen", "oppotten", "bijvullen"],
                "aanpassingen": ["vaste_tijden", "opbouw_uren", "vaste_begeleider"],
                "open": False,  # filled: Sanne works here
                "created": 215,
            },
            {
                "key": "ontvangst",
                "soort": MAATWERK,
                "title": "Medewerker goederenontvangst",
                "locatie": "winkel",
                "description": "Leveringen aannemen en uitpakken, en daarna de buitenafdeling "
                "aanvullen. Twee vaste ochtenden per week, uit te breiden.",
                "days": ["di", "do"],
                "taken": ["ontvangst", "bijvullen"],
                "aanpassingen": ["schriftelijke_instructie", "vaste_begeleider"],
                "created": 60,
            },
            {
                "key": "verkoop",
                "soort": VACATURE,
                "title": "Verkoopmedewerker tuinafdeling (weekend)",
                "locatie": "winkel",
                "description": "Klanten helpen op de tuinafdeling, planten aanvullen en af en "
                "toe de kassa. Vooral op zaterdag; in het voorjaar ook op vrijdag.",
                "hours_per_week": 8,
                "days": ["vr", "za"],
                "quiet_place": False,
                "fixed_hours": False,
                "demands": {
                    "klantcontact": 3,
                    "prikkels": 3,
                    "werktempo": 3,
                    "fysieke_belasting": 2,
                    "werktijden": 3,
                },
                "aanpassingen": ["extra_pauzes", "vaste_begeleider"],
                "created": 30,
            },
        ],
    },
    "bibliotheek": {
        "profile": {
            "sector": "Cultuur: openbare bibliotheek",
            "grootte": Grootte.MIDDEL,
            "description": "Openbare bibliotheek met een hoofdvestiging in het centrum van "
            "Dijkstede en een kleinere vestiging in Oudewaard. Naast het uitlenen van boeken "
            "organiseert de bibliotheek een taalcafé, leesclubs en een spreekuur voor digitale "
            "vragen. Ongeveer 30 medewerkers en een grote groep vrijwilligers.",
        },
        "locaties": {
            "centrum": {
                "name": "Hoofdvestiging Centrum",
                "address": "Markt 5",
                "postcode": "4101 AB",
                "city": "Dijkstede",
            },
            "oudewaard": {
                "name": "Vestiging Oudewaard",
                "address": "Dorpsstraat 21",
                "postcode": "4172 CE",
                "city": "Oudewaard",
            },
        },
        "contacten": {
            "sandra": {
                "name": "Sandra Koning",
                "rol": Rol.HR,
                "email": "p-en-o@bibliotheek-dijkstede.example",
                "phone": "0418 720 300",
            },
            "marjolein": {
                "name": "Marjolein de Wit",
                "rol": Rol.LEIDINGGEVENDE,
                "email": "m.dewit@bibliotheek-dijkstede.example",
                "phone": "0418 720 311",
            },
            "rob": {"name": "Rob Smits", "rol": Rol.BUDDY},
        },
        "mijlpalen": {
            "werkgever-a-doelgroepen": (KLAAR, ""),
            "werkgever-a-draagvlak": (KLAAR, ""),
            "werkgever-a-plaatsen": (KLAAR, "Collectiebeheer en de uitleenbalie."),
            "werkgever-a-omstandigheden": (
                BEZIG,
                "Een stille werkplek is geregeld; thuiswerken nog uitzoeken.",
            ),
            "leidinggevende-a-bereidheid": (KLAAR, ""),
            "leidinggevende-a-bewustzijn": (KLAAR, ""),
            "collegas-a-houding": (BEZIG, ""),
        },
        "taken": {
            "terugzetten": {
                "name": "Retourboeken sorteren en terugzetten",
                "description": "Ingeleverde boeken op de kar sorteren en terugzetten op de "
                "juiste plek in de kast.",
                "hours_per_week": 6,
                "location": "In de bibliotheekzaal, voor openingstijd",
                "times": "Ochtenden van 8.30 tot 10.30 uur",
                "quiet_place": True,
                "fixed_hours": True,
                "demands": {
                    "concentratie": 2,
                    "fysieke_belasting": 2,
                    "zelfstandig_werken": 2,
                    "structuur": 1,
                },
            },
            "invoeren": {
                "name": "Nieuwe boeken invoeren en stickeren",
                "description": "Nieuwe aanwinsten in het systeem zetten, een etiket en "
                "beschermfolie aanbrengen en klaarzetten voor de kast.",
                "hours_per_week": 8,
                "location": "Werkkamer achter de balie",
                "times": "Vaste ochtenden",
                "quiet_place": True,
                "fixed_hours": True,
                "demands": {
                    "concentratie": 3,
                    "mentale_belasting": 2,
                    "zelfstandig_werken": 3,
                    "structuur": 1,
                },
            },
            "opschonen": {
                "name": "Collectie opschonen en afschrijven",
                "description": "Per kast nagaan welke boeken lang niet zijn uitgeleend of "
                "beschadigd zijn, en die volgens de lijst afschrijven.",
                "hours_per_week": 6,
                "location": "In de bibliotheekzaal en het magazijn",
                "times": "Flexibel, overdag",
                "quiet_place": True,
                "fixed_hours": True,
                "demands": {
                    "concentratie": 3,
                    "mentale_belasting": 3,
                    "zelfstandig_werken": 3,
                    "verantwoordelijkheid": 2,
                },
            },
            "balie": {
                "name": "Bezoekers helpen aan de uitleenbalie",
                "description": "Vragen van bezoekers beantwoorden, helpen bij de "
                "uitleenautomaat en reserveringen klaarleggen.",
                "hours_per_week": 8,
                "location": "Aan de balie",
                "times": "Volgens rooster, ook op zaterdag",
                "quiet_place": False,
                "fixed_hours": False,
                "demands": {
                    "klantcontact": 4,
                    "prikkels": 3,
                    "sociaal_contact": 3,
                    "werktempo": 2,
                    "werktijden": 2,
                },
            },
            "activiteiten": {
                "name": "Activiteiten voorbereiden (leesclub, taalcafé)",
                "description": "De zaal klaarzetten, koffie en thee verzorgen en deelnemers "
                "welkom heten.",
                "hours_per_week": 4,
                "location": "In de leeszaal",
                "times": "Dinsdag- en donderdagmiddag",
                "quiet_place": False,
                "fixed_hours": True,
                "demands": {
                    "sociaal_contact": 3,
                    "klantcontact": 2,
                    "plannen_organiseren": 2,
                    "veranderingen": 2,
                },
            },
        },
        "functies": [
            {
                "key": "collectie",
                "soort": MAATWERK,
                "title": "Medewerker collectiebeheer",
                "locatie": "centrum",
                "description": "Werk achter de schermen: boeken invoeren, terugzetten en de "
                "collectie bijhouden, op een stille werkplek.",
                "days": ["ma", "wo", "vr"],
                "taken": ["terugzetten", "invoeren", "opschonen"],
                "aanpassingen": ["rustige_werkplek", "vaste_tijden", "schriftelijke_instructie"],
                "open": False,  # filled: Joyce works here
                "created": 265,
            },
            {
                "key": "backoffice",
                "soort": VACATURE,
                "title": "Administratief medewerker backoffice",
                "locatie": "centrum",
                "description": "Administratie in een klein team: facturen en bestellingen "
                "verwerken, gegevens invoeren en het archief ordenen.",
                "hours_per_week": 16,
                "days": ["ma", "di", "wo", "do"],
                "quiet_place": True,
                "fixed_hours": True,
                "demands": {
                    "concentratie": 3,
                    "mentale_belasting": 3,
                    "zelfstandig_werken": 3,
                    "structuur": 2,
                    "verantwoordelijkheid": 2,
                    "klantcontact": 1,
                },
                "aanpassingen": [
                    "rustige_werkplek",
                    "vaste_tijden",
                    "opbouw_uren",
                    "schriftelijke_instructie",
                ],
                "created": 25,
            },
            {
                "key": "gastvrouw",
                "soort": VACATURE,
                "title": "Gastvrouw of gastheer leesclub en taalcafé",
                "locatie": "oudewaard",
                "description": "Bezoekers welkom heten, koffie schenken en helpen bij "
                "activiteiten zoals de leesclub en het taalcafé.",
                "hours_per_week": 8,
                "days": ["di", "do"],
                "quiet_place": False,
                "fixed_hours": True,
                "demands": {
                    "sociaal_contact": 3,
                    "klantcontact": 3,
                    "prikkels": 2,
                    "werktempo": 1,
                },
                "aanpassingen": ["vaste_tijden", "extra_pauzes", "evaluatiemomenten"],
                "created": 40,
            },
        ],
    },
    "logistiek": {
        "profile": {
            "sector": "Logistiek: opslag en distributie",
            "grootte": Grootte.MIDDEL,
            "description": "Familiebedrijf in opslag en distributie voor webwinkels en "
            "groothandels, met een distributiecentrum in Lindenhoven en een depot in "
            "Dijkstede. Ongeveer 120 medewerkers in dag- en avonddiensten; de dagdienst heeft "
            "vaste tijden. Heeft ervaring met collega's die via re-integratie zijn begonnen.",
        },
        "locaties": {
            "dc": {
                "name": "Distributiecentrum",
                "address": "Transportweg 40",
                "postcode": "4191 LP",
                "city": "Lindenhoven",
            },
            "depot": {
                "name": "Depot Dijkstede",
                "address": "Industrieweg 8",
                "postcode": "4102 HX",
                "city": "Dijkstede",
            },
        },
        "contacten": {
            "erik": {
                "name": "Erik van Essen",
                "rol": Rol.HR,
                "email": "erik@vanessen-logistiek.example",
                "phone": "0418 810 000",
            },
            "wendy": {
                "name": "Wendy Brouwer",
                "rol": Rol.LEIDINGGEVENDE,
                "email": "wendy@vanessen-logistiek.example",
            },
            "gijs": {"name": "Gijs Hofman", "rol": Rol.BUDDY},
        },
        "mijlpalen": {
            "werkgever-a-doelgroepen": (KLAAR, ""),
            "werkgever-a-draagvlak": (BEZIG, "De ploegleiders van de avonddienst nog spreken."),
            "werkgever-a-plaatsen": (BEZIG, "Retourstroom uitgewerkt; het depot volgt."),
            "leidinggevende-a-bereidheid": (KLAAR, ""),
        },
        "taken": {
            "orderpicken": {
                "name": "Orders verzamelen met de handscanner",
                "description": "Producten uit de stellingen halen volgens de scanner en in de "
                "juiste bak zetten.",
                "hours_per_week": 16,
                "location": "Magazijn distributiecentrum",
                "times": "Dagdienst, 8.00-16.30 uur",
                "quiet_place": False,
                "fixed_hours": True,
                "demands": {
                    "fysieke_belasting": 3,
                    "werktempo": 3,
                    "concentratie": 2,
                    "structuur": 2,
                    "prikkels": 3,
                },
            },
            "retouren": {
                "name": "Retouren controleren en terugboeken",
                "description": "Teruggestuurde pakketten openen, controleren of alles heel is "
                "en het product terugboeken in het systeem.",
                "hours_per_week": 12,
                "location": "Retourafdeling, een aparte ruimte",
                "times": "Dagdienst, vaste dagen",
                "quiet_place": True,
                "fixed_hours": True,
                "demands": {
                    "concentratie": 3,
                    "zelfstandig_werken": 2,
                    "werktempo": 2,
                    "structuur": 1,
                },
            },
            "controle": {
                "name": "Inkomende goederen controleren",
                "description": "Vrachten tellen en nakijken met de pakbon, afwijkingen "
                "doorgeven aan de teamleider.",
                "hours_per_week": 8,
                "location": "Ontvangsthal",
                "times": "Ochtenden",
                "quiet_place": True,
                "fixed_hours": True,
                "demands": {
                    "concentratie": 3,
                    "fysieke_belasting": 2,
                    "verantwoordelijkheid": 3,
                    "structuur": 2,
                },
            },
            "pallets": {
                "name": "Pallets wikkelen en klaarzetten voor transport",
                "description": "Volle pallets in folie wikkelen, labelen en op de juiste "
                "laadplek zetten.",
                "hours_per_week": 8,
                "location": "Expeditie",
                "times": "Middag, volgens rooster",
                "quiet_place": False,
                "fixed_hours": False,
                "demands": {
                    "fysieke_belasting": 4,
                    "werktempo": 3,
                    "prikkels": 3,
                    "werktijden": 2,
                },
            },
            "onderhoud": {
                "name": "Kleine reparaties aan rolcontainers en stellingen",
                "description": "Wieltjes vervangen, stellingen nalopen en kleine klussen in het "
                "magazijn en op het depot.",
                "hours_per_week": 8,
                "location": "Werkplaats en magazijn",
                "times": "Flexibel, overdag",
                "quiet_place": True,
                "fixed_hours": False,
                "demands": {
                    "fysieke_belasting": 3,
                    "zelfstandig_werken": 3,
                    "structuur": 3,
                    "reizen": 2,
                },
            },
        },
        "functies": [
            {
                "key": "retourstroom",
                "soort": MAATWERK,
                "title": "Medewerker retourstroom",
                "locatie": "dc",
                "description": "Retouren afhandelen en inkomende goederen nakijken, in een "
                "aparte, rustige ruimte met vaste tijden.",
                "days": ["ma", "di", "wo", "do", "vr"],
                "taken": ["retouren", "controle"],
                "aanpassingen": ["rustige_werkplek", "vaste_tijden", "koptelefoon"],
                "created": 45,
            },
            {
                "key": "magazijn",
                "soort": VACATURE,
                "title": "Magazijnmedewerker dagdienst",
                "locatie": "dc",
                "description": "Orders verzamelen en klaarzetten in de dagdienst, in een vast "
                "team. Instroom met minder uren is bespreekbaar.",
                "hours_per_week": 24,
                "days": ["ma", "di", "wo", "do", "vr"],
                "quiet_place": False,
                "fixed_hours": True,
                "demands": {
                    "fysieke_belasting": 3,
                    "werktempo": 3,
                    "sociaal_contact": 2,
                    "structuur": 2,
                    "werktijden": 2,
                },
                "aanpassingen": ["opbouw_uren", "vaste_begeleider", "vaste_tijden"],
                "created": 20,
            },
            {
                "key": "technisch",
                "soort": VACATURE,
                "title": "Medewerker onderhoud en techniek (parttime)",
                "locatie": "depot",
                "description": "Klussen en kleine reparaties aan rolcontainers, stellingen en "
                "het gebouw, in het depot en soms in het distributiecentrum.",
                "hours_per_week": 16,
                "days": ["ma", "di", "do", "vr"],
                "quiet_place": True,
                "fixed_hours": False,
                "demands": {
                    "fysieke_belasting": 3,
                    "zelfstandig_werken": 3,
                    "structuur": 3,
                    "reizen": 2,
                    "verantwoordelijkheid": 2,
                },
                "aanpassingen": ["schriftelijke_instructie", "aangepaste_taken"],
                "created": 12,
            },
        ],
    },
}

# --- candidates who agreed to be matched ------------------------------------------------------
# key (in werkpad.trajects.demo.VERHALEN): the travel area, and the instruments to add when the
# candidate has none yet (Sanne's come from werkpad.instruments.demo).

MATCHING: dict[str, dict] = {
    "sanne": {"reisgebied": "Oudewaard, Dijkstede"},
    "fatima": {
        "reisgebied": "Dijkstede, Oudewaard, 4102",
        "wensen": {
            "werk_wens": "Administratief werk in een kleine, rustige organisatie, bijvoorbeeld "
            "een bibliotheek of een archief.",
            "sectoren": "Administratie, bibliotheek, archief",
            "taken_graag": "Gegevens invoeren, ordenen, archiveren en de post verwerken.",
            "belangrijk": "Rust, duidelijke afspraken en vriendelijke collega's.",
            "opleiding": "Mbo administratief medewerker (niveau 3).",
            "sterke_kanten": "Nauwkeurig en betrouwbaar.",
            "cap_concentratie": "3",
            "cap_mentale_belasting": "3",
            "cap_zelfstandig_werken": "3",
            "cap_klantcontact": "1",
            "cap_klantcontact_uitleg": "Bellen met onbekenden vind ik nog erg spannend.",
            "cap_prikkels": "2",
            "cap_structuur": "2",
            "cap_werktempo": "2",
        },
        "beschikbaarheid": {
            "eigen_inschatting": 16,
            "uren_start": 12,
            "uren_doel": 20,
            "dagen": ["ma", "di", "wo", "do"],
            "motivatie": "Ik wil mijn diploma gebruiken en weer een eigen inkomen hebben.",
        },
    },
    "eva": {
        "reisgebied": "Lindenhoven, Dijkstede, Oudewaard",
        "wensen": {
            "werk_wens": "Met ouderen werken, bijvoorbeeld in een woonzorgcentrum. Gastvrouw "
            "zijn vind ik ook fijn.",
            "sectoren": "Zorg en welzijn, kringloop",
            "taken_graag": "Koffie schenken, activiteiten begeleiden, mensen welkom heten.",
            "ervaring": "Vrijwilliger bij de kringloopwinkel, drie ochtenden per week.",
            "cap_klantcontact": "3",
            "cap_sociaal_contact": "3",
            "cap_prikkels": "2",
            "cap_werktempo": "2",
            "cap_structuur": "3",
            "cap_fysieke_belasting": "2",
        },
        "beschikbaarheid": {
            "eigen_inschatting": 12,
            "uren_start": 8,
            "uren_doel": 16,
            "dagen": ["di", "wo", "do"],
            "motivatie": "Iets betekenen voor anderen, met rust tussendoor.",
        },
    },
    "bram": {
        "reisgebied": "Lindenhoven, Dijkstede",
        "wensen": {
            "werk_wens": "Met mijn handen werken: onderhoud, kleine reparaties of in een magazijn.",
            "sectoren": "Techniek, onderhoud, logistiek",
            "taken_graag": "Repareren, klussen en orde houden.",
            "ervaring": "Twintig jaar chauffeur, daarna klusjesman bij een woningcorporatie.",
            "cap_fysieke_belasting": "3",
            "cap_zelfstandig_werken": "3",
            "cap_structuur": "3",
            "cap_concentratie": "3",
            "cap_werktempo": "2",
            "cap_reizen": "3",
            "cap_sociaal_contact": "2",
        },
        "beschikbaarheid": {
            "eigen_inschatting": 24,
            "uren_start": 16,
            "uren_doel": 24,
            "dagen": ["ma", "di", "wo", "do", "vr"],
            "motivatie": "Weer ergens bij horen en mijn handen laten wapperen.",
        },
    },
}

# --- placements -------------------------------------------------------------------------------

PLACEMENTS: list[dict] = [
    {
        "kandidaat": "sanne",
        "employer": "tuincentrum",
        "functie": "kwekerij",
        "leidinggevende": "anouk",
        "buddy": "kees",
        "soort": Plaatsing.Soort.BETAALD_WERK,
        "contract_uren": 20,
        "regelingen": ["no_riskpolis", "jobcoach"],
        "gesprek": {
            "day": 192,
            "onderwerpen": [
                "wensen",
                "taken",
                "uren_opbouw",
                "dagen_tijden",
                "werkplek",
                "begeleiding",
                "openheid",
                "signalen",
                "inwerken",
                "evaluatie",
            ],
            "randvoorwaarden_kandidaat": "Rustige werktijden (9.30 tot 14.00 uur), geen "
            "kassawerk op zaterdag, één vast aanspreekpunt.",
            "randvoorwaarden_werkgever": "Inwerken op de kwekerij met een vaste collega; in "
            "het voorjaar helpt iedereen mee met het aanvullen van de afdeling.",
            "verwachtingen": "Beginnen met 8 uur (twee ochtenden) en elke paar weken een stap "
            "erbij als het goed gaat, naar 20 uur. Eerst het verzorgen van de vaste planten.",
            "aanpak": "Anouk wordt de leidinggevende, Kees de buddy. Marieke komt na drie weken "
            "langs. Op maandag een kort weekstartgesprek.",
        },
        "start": 96,  # the first Monday on or after this day
        "plans": {
            "structuur": "Vaste dagen en tijden (9.30 tot 14.00 uur). Sanne begint elke dag bij "
            "de vaste planten. Anouk is haar vaste aanspreekpunt, Kees als Anouk er niet is.",
            "welkom": "Het team van de kwekerij weet dat Sanne komt en dat ze met een paar "
            "ochtenden begint. Kees drinkt de eerste dagen koffie met haar in de kantine.",
            "eerste_dag": "Anouk staat om 9.30 uur bij de personeelsingang. Werkkleding en een "
            "kluisje liggen klaar. Na een rondleiding samen met Kees water geven op de "
            "kwekerij; om 12.00 uur kort terugkijken.",
            "eerste_weken": "Op maandag een kort weekstartgesprek met Anouk. Na drie weken komt "
            "Marieke langs. Nieuwe taken (oppotten, de afdeling bijvullen) komen er één voor "
            "één bij.",
            "signalen_wie": "Anouk let erop als Sanne stiller is dan anders of haar lunch "
            "overslaat; Sanne heeft zelf gekozen dat te delen.",
            "wie_belt_wie": "Sanne belt Anouk als het een dag niet gaat. Anouk belt Marieke "
            "(jobcoach) bij zorgen, nog dezelfde week. Als Sanne dat wil, belt Marieke haar "
            "zus Lotte.",
            "bij_verzuim": "Ziekmelden bij Anouk vóór 9.00 uur. Anouk houdt contact; na een "
            "week doet de arbodienst mee. De arbodienst hoort van Marieke alleen wat Sanne "
            "zelf wil delen.",
            "contact_tijdens_uitval": "Anouk belt eens per week kort. Marieke brengt Sanne, "
            "Anouk en de arbodienst bij elkaar om de terugkeer te plannen, met weinig uren om "
            "te beginnen.",
            "buddy_checklist": ["zelf_gekozen", "rol_besproken", "kennisgemaakt", "wie_bellen"],
        },
        # (from week, planned hours): one row per week from the start to this week, then the
        # step to 20 hours after the review (the agreement "Uitbreiding naar 20 uur opnieuw
        # bekijken", due in 45 days)
        "steps": [(0, 8), (3, 12), (6, 16)],
        "future_step": (49, 20),  # the first Monday on or after this many days from today
        # weeks worked shorter than planned: by week number from the start, or (negative) the
        # week of that many days ago
        "short_weeks": {
            4: (10, "Eerste week met drie ochtenden; op donderdag eerder naar huis."),
            -30: (12, "Zware week en slecht geslapen; in overleg met Anouk een dag vrij."),
        },
    },
    {
        "kandidaat": "joyce",
        "employer": "bibliotheek",
        "functie": "collectie",
        "leidinggevende": "marjolein",
        "buddy": "rob",
        "soort": Plaatsing.Soort.BETAALD_WERK,
        "contract_uren": 20,
        "regelingen": ["loonkostensubsidie", "no_riskpolis"],
        "gesprek": {
            "day": 245,
            "onderwerpen": [
                "wensen",
                "taken",
                "uren_opbouw",
                "werkplek",
                "begeleiding",
                "regelingen",
                "inwerken",
            ],
            "randvoorwaarden_kandidaat": "Een stille werkplek, vaste ochtenden en instructie "
            "op papier.",
            "randvoorwaarden_werkgever": "Loonkostensubsidie via de gemeente; eerst een "
            "contract voor een halfjaar.",
            "verwachtingen": "Beginnen met 12 uur en in een paar maanden naar 20 uur.",
            "aanpak": "Marjolein is de leidinggevende, Rob de buddy. Marieke komt eens per "
            "maand langs, later minder.",
        },
        "start": 238,
        "plans": {
            "structuur": "Maandag, woensdag en vrijdag, van 8.30 tot 12.30 uur. Een vaste "
            "werkplek in de werkkamer achter de balie.",
            "welkom": "Rob stelt Joyce voor aan het team en luncht de eerste week met haar.",
            "eerste_dag": "Marjolein ontvangt Joyce, Rob laat het invoersysteem zien aan de "
            "hand van een stappenkaart.",
            "eerste_weken": "Elke vrijdag kort bijpraten met Marjolein; na zes weken een "
            "evaluatie met Marieke erbij.",
            "signalen_wie": "Rob merkt het als Joyce minder praat of vaker pauze neemt; Joyce "
            "wil dat hij het dan gewoon vraagt.",
            "wie_belt_wie": "Joyce belt Marjolein bij ziekte. Marjolein belt Marieke als ze "
            "zich zorgen maakt.",
            "bij_verzuim": "Ziekmelden bij Marjolein. Na twee weken gaat de arbodienst "
            "meedoen; Joyce bepaalt wat de arbodienst van haar behandelaar hoort.",
            "contact_tijdens_uitval": "Marjolein belt wekelijks, Rob stuurt af en toe een "
            "berichtje. Marieke plant een gesprek over de terugkeer.",
            "buddy_checklist": [
                "zelf_gekozen",
                "rol_besproken",
                "kennisgemaakt",
                "vertrouwelijk",
                "wie_bellen",
                "eigen_steun",
            ],
        },
        # (week, planned, worked, reason): rows for the steps and some weeks in between
        "rows": [
            (0, 12, 12, ""),
            (2, 12, 12, ""),
            (4, 16, 14, "Eerste week met een extra ochtend; die rustig opgebouwd."),
            (6, 16, 16, ""),
            (9, 20, 18, "Een ochtend vrij genomen."),
            (12, 20, 20, ""),
            (20, 20, 20, ""),
            (30, 20, 20, ""),
        ],
    },
]


PLACEMENTS.append(
    {
        # Yara: started a month ago; the monitoring demo reports her dropout (werkpad.dropout)
        "kandidaat": "yara",
        "employer": "tuincentrum",
        "functie": "kwekerij",
        "leidinggevende": "anouk",
        "buddy": "kees",
        "soort": Plaatsing.Soort.PROEFPLAATSING,
        "contract_uren": 16,
        "regelingen": ["no_riskpolis"],
        "gesprek": {
            "day": 40,
            "onderwerpen": ["wensen", "taken", "uren_opbouw", "werkplek", "signalen"],
            "randvoorwaarden_kandidaat": "Werken met planten, niet aan de kassa; vaste ochtenden.",
            "randvoorwaarden_werkgever": "Eerst een proefplaatsing van drie maanden.",
            "verwachtingen": "Beginnen met 8 uur, na een maand naar 12 en dan 16 uur.",
            "aanpak": "Anouk is de leidinggevende, Kees de buddy. Youssef komt na twee weken "
            "langs.",
        },
        "start": 28,
        "plans": {
            "structuur": "Dinsdag- en donderdagochtend van 9.00 tot 13.00 uur op de kwekerij.",
            "welkom": "Kees leidt Yara rond en laat de kamerplantenkas zien.",
            "eerste_dag": "Anouk ontvangt Yara om 9.00 uur; werkkleding ligt klaar.",
            "eerste_weken": "Elke donderdag om 12.30 uur kort terugkijken met Anouk.",
            "signalen_wie": "Anouk merkt het als Yara haar pauze overslaat of stil wordt; "
            "Yara wil dat ze het dan vraagt.",
            "wie_belt_wie": "Yara belt Anouk bij ziekte. Anouk belt Youssef (jobcoach) "
            "dezelfde dag als ze zich zorgen maakt.",
            "bij_verzuim": "Ziekmelden bij Anouk vóór 8.30 uur. Na een week doet de "
            "arbodienst mee, in overleg met Youssef.",
            "contact_tijdens_uitval": "Youssef belt Yara twee keer per week; Anouk stuurt "
            "eens per week een berichtje. Samen plannen ze de terugkeer.",
            "buddy_checklist": ["zelf_gekozen", "rol_besproken", "kennisgemaakt"],
        },
        "rows": [
            (0, 8, 8, ""),
            (1, 8, 8, ""),
            (2, 8, 6, "Een ochtend eerder naar huis; het was erg druk in de kas."),
            (3, 12, None, ""),
            (6, 16, None, ""),
        ],
    }
)


# --- loading ----------------------------------------------------------------------------------


def demo_werkgevers() -> QuerySet[Werkgever]:
    """The employer profiles of the three demo employer organisations."""
    names = [ORGANISATIONS[key][0] for key in EMPLOYERS]
    return Werkgever.objects.filter(organisation__name__in=names)


def is_loaded() -> bool:
    """Are the three demo employers there, with kandidaat@'s placement?"""
    if demo_werkgevers().count() < len(EMPLOYERS):
        return False
    return Plaatsing.objects.filter(traject__kandidaat__user__email=KANDIDAAT_EMAIL).exists()


def remove() -> None:
    """Remove the demo placements, match conversations and employers (with their locations,
    contacts, milestones, tasks and jobs). Placements protect their job, match conversation
    and contacts, and jobs their location: so this goes first, before the demo trajects and
    candidates. A placement or match conversation of someone else at a demo job still protects
    it (ProtectedError): the command then changes nothing."""
    Plaatsing.objects.filter(traject__in=demo_trajects()).delete()
    Matchgesprek.objects.filter(kandidaat__in=demo_kandidaten()).delete()
    werkgevers = demo_werkgevers()
    Functie.objects.filter(werkgever__in=werkgevers).delete()
    werkgevers.delete()


def load(users: dict[str, User], organisations: dict[str, Organisation]) -> dict[str, int]:
    """Build the demo employers, match profiles and placements. Expects the demo candidates
    and trajects to be built already (and `remove()` to have run before). Returns counts."""
    builder = _Builder(users)
    werkgevers = {key: builder.employer(key, organisations[key]) for key in EMPLOYERS}
    kandidaten = _kandidaten()
    coach_of = {v.key: users[v.coach] for v in VERHALEN}
    for key, spec in MATCHING.items():
        builder.matching(kandidaten[key], coach_of[key], spec)
    for spec in PLACEMENTS:
        builder.placement(kandidaten[spec["kandidaat"]], coach_of[spec["kandidaat"]], spec)
    return {
        "werkgevers": len(werkgevers),
        "taken": Taak.objects.filter(werkgever__in=werkgevers.values()).count(),
        "functies": Functie.objects.filter(werkgever__in=werkgevers.values()).count(),
        "plaatsingen": len(PLACEMENTS),
    }


def _kandidaten() -> dict[str, Kandidaat]:
    by_name = {(k.first_name, k.last_name): k for k in demo_kandidaten()}
    return {v.key: by_name[(v.first_name, v.last_name)] for v in VERHALEN}


def _query(values: dict, prefix: str = "") -> QueryDict:
    """`values` as a browser would post them: lists as repeated fields, checkboxes only when
    ticked, hours in the active language's number format."""
    query = QueryDict(mutable=True)
    for name, value in values.items():
        key = f"{prefix}{name}"
        if isinstance(value, bool):
            if value:
                query[key] = "on"
        elif isinstance(value, list):
            query.setlist(key, [str(v) for v in value])
        elif isinstance(value, Decimal | float):
            query[key] = formats.localize_input(value)
        elif value is not None:
            query[key] = str(value)
    return query


def _valid(form):
    if not form.is_valid():
        raise ValueError(
            f"demo data for {type(form).__name__} is not valid: {form.errors.as_json()}"
        )
    return form


class _Builder:
    def __init__(self, users: dict[str, User]):
        self.users = users
        self.now = timezone.now()
        self.today = timezone.localdate()
        # per employer key: its locations, contacts, tasks and jobs by their demo key
        self.locaties: dict[str, dict] = {}
        self.contacten: dict[str, dict] = {}
        self.functies: dict[str, dict] = {}

    def day(self, days_ago: int) -> datetime.date:
        return self.today - datetime.timedelta(days=days_ago)

    def at(self, days_ago: int, hour: int = 10) -> datetime.datetime:
        moment = datetime.datetime.combine(self.day(days_ago), datetime.time(hour, 0))
        return min(timezone.make_aware(moment), self.now - datetime.timedelta(minutes=5))

    def monday_from(self, day: datetime.date) -> datetime.date:
        return day + datetime.timedelta(days=-day.weekday() % 7)

    # -- an employer -----------------------------------------------------------------------

    def employer(self, key: str, organisation: Organisation) -> Werkgever:
        spec = EMPLOYERS[key]
        werkgever = _valid(
            WerkgeverCreateForm(_query({"organisation": organisation.pk, **spec["profile"]}))
        ).save()  # also adds the employer's own route milestones

        self.locaties[key] = {}
        for lkey, values in spec["locaties"].items():
            locatie = _valid(LocatieForm(_query(values))).save(commit=False)
            locatie.werkgever = werkgever
            locatie.save()
            self.locaties[key][lkey] = locatie

        self.contacten[key] = {}
        for ckey, values in spec["contacten"].items():
            fields = {k: v for k, v in values.items() if k != "user"}
            contact = _valid(ContactForm(_query(fields))).save(commit=False)
            contact.werkgever = werkgever
            contact.user = self.users.get(values.get("user", ""))
            contact.save()
            self.contacten[key][ckey] = contact

        mijlpalen = werkgever.mijlpalen.select_related("route_milestone")
        for mijlpaal in mijlpalen:
            if mijlpaal.route_milestone.key in spec["mijlpalen"]:
                status, note = spec["mijlpalen"][mijlpaal.route_milestone.key]
                _valid(MijlpaalForm(_query({"status": status, "note": note}), instance=mijlpaal))
                mijlpaal.save()

        taken = {}
        for tkey, values in spec["taken"].items():
            fields = {k: v for k, v in values.items() if k != "demands"}
            fields["hours_per_week"] = Decimal(fields["hours_per_week"])
            fields.update({DEMAND_PREFIX + a: v for a, v in values["demands"].items()})
            taak = _valid(TaakForm(_query(fields))).save(commit=False)
            taak.werkgever = werkgever
            taak.save()
            taken[tkey] = taak

        self.functies[key] = {}
        for values in spec["functies"]:
            self.functies[key][values["key"]] = self._functie(werkgever, key, values, taken)
        return werkgever

    def _functie(self, werkgever: Werkgever, key: str, values: dict, taken: dict) -> Functie:
        aanpassingen = Aanpassing.objects.filter(key__in=values["aanpassingen"], active=True)
        fields = {
            "title": values["title"],
            "locatie": self.locaties[key][values["locatie"]].pk,
            "description": values["description"],
            "days": values["days"],
            "aanpassingen": [a.pk for a in aanpassingen],
        }
        if values["soort"] == MAATWERK:
            fields["taken"] = [taken[t].pk for t in values["taken"]]
            form = MaatwerkForm(
                _query(fields),
                instance=Functie(werkgever=werkgever, soort=MAATWERK),
                werkgever=werkgever,
            )
            # MaatwerkForm.save() composes the job from its tasks (Functie.compose_from_tasks):
            # what it asks, its hours and its conditions follow from the tasks
            functie = _valid(form).save()
        else:
            fields["hours_per_week"] = Decimal(values["hours_per_week"])
            fields["quiet_place"] = values["quiet_place"]
            fields["fixed_hours"] = values["fixed_hours"]
            fields.update({DEMAND_PREFIX + a: v for a, v in values["demands"].items()})
            form = VacatureForm(
                _query(fields),
                instance=Functie(werkgever=werkgever, soort=VACATURE),
                werkgever=werkgever,
            )
            functie = _valid(form).save()
        if not values.get("open", True):
            functie.open = False
            functie.save(update_fields=["open"])
        Functie.objects.filter(pk=functie.pk).update(created_at=self.at(values["created"]))
        return functie

    # -- matching --------------------------------------------------------------------------

    def matching(self, kandidaat: Kandidaat, coach: User, spec: dict) -> None:
        """The candidate's consent and travel area, and the two instruments the suggestions
        are made from (only when the candidate has none yet)."""
        for kind in ("wensen", "beschikbaarheid"):
            if (
                kind in spec
                and not InstrumentVersie.objects.filter(kandidaat=kandidaat, kind=kind).exists()
            ):
                fill(kandidaat, kind, spec[kind], coach)
        form = MatchprofielForm(
            _query({"akkoord": True, "reisgebied": spec["reisgebied"]}),
            instance=Matchprofiel(kandidaat=kandidaat),
        )
        profiel = _valid(form).save()
        # consent given when the traject first came into matching
        entered = (
            PhaseTransition.objects.filter(traject__kandidaat=kandidaat, to_phase=Phase.MATCHING)
            .order_by("at")
            .values_list("at", flat=True)
            .first()
        )
        if entered is not None:
            Matchprofiel.objects.filter(pk=profiel.pk).update(akkoord_op=entered)

    # -- a placement -----------------------------------------------------------------------

    def placement(self, kandidaat: Kandidaat, coach: User, spec: dict) -> Plaatsing:
        employer = spec["employer"]
        functie = self.functies[employer][spec["functie"]]
        contacten = self.contacten[employer]
        traject = kandidaat.trajects.get(closed_at__isnull=True)

        talk = spec["gesprek"]
        form = MatchgesprekForm(
            _query(
                {
                    "date": self.day(talk["day"]).isoformat(),
                    **{k: v for k, v in talk.items() if k != "day"},
                    "uitkomst": Matchgesprek.Uitkomst.MATCH,
                }
            )
        )
        gesprek = _valid(form).save(commit=False)
        gesprek.kandidaat, gesprek.functie, gesprek.created_by = kandidaat, functie, coach
        gesprek.save()
        Matchgesprek.objects.filter(pk=gesprek.pk).update(created_at=self.at(talk["day"], 15))

        start = self.monday_from(self.day(spec["start"]))
        plaatsing = Plaatsing(
            traject=traject,
            functie=functie,
            matchgesprek=gesprek,
            leidinggevende=contacten[spec["leidinggevende"]],
            buddy=contacten[spec["buddy"]],
            start_date=start,
            soort=spec["soort"],
            contract_uren=Decimal(spec["contract_uren"]),
            created_by=coach,
        )
        # The traject is past matching already (see the module docstring): save, then check
        # every other rule on the stored placement. load() runs in one transaction, so a
        # placement that breaks a rule leaves nothing behind.
        plaatsing.save()
        plaatsing.full_clean()
        plaatsing.regelingen.set(Regeling.objects.filter(key__in=spec["regelingen"]))
        _valid(PlansForm(_query(spec["plans"]), instance=plaatsing)).save()

        rows = self._rows(spec, start) if "steps" in spec else self._fixed_rows(spec, start)
        data = {
            "stap-TOTAL_FORMS": len(rows),
            "stap-INITIAL_FORMS": 0,
            "stap-MIN_NUM_FORMS": 0,
            "stap-MAX_NUM_FORMS": 1000,
        }
        for i, row in enumerate(rows):
            data.update({f"stap-{i}-{name}": value for name, value in row.items()})
        _valid(OpbouwFormSet(_query(data), instance=plaatsing, prefix="stap")).save()
        # made a few days before the start (after the last save of the instance)
        Plaatsing.objects.filter(pk=plaatsing.pk).update(
            created_at=self.at((self.today - start).days + 3, 11)
        )
        return plaatsing

    def _rows(self, spec: dict, start: datetime.date) -> list[dict]:
        """One row per week from the start to this week: the planned hours of the step that
        week is in, the hours worked (a few weeks shorter, with a reason), nothing yet for the
        current week; then the next step, in the future."""
        weeks = (self.today - start).days // 7
        short = {}
        for week, value in spec["short_weeks"].items():
            index = week if week >= 0 else (self.day(-week) - start).days // 7
            short[index] = value
        rows = []
        for week in range(weeks + 1):
            planned = max(hours for first, hours in spec["steps"] if first <= week)
            week_start = start + datetime.timedelta(weeks=week)
            row = {"week_start": week_start.isoformat(), "planned_hours": planned}
            if week_start + datetime.timedelta(days=6) < self.today:
                worked, reason = short.get(week, (planned, ""))
                row.update(actual_hours=worked, reason=reason)
            rows.append(row)
        days, hours = spec["future_step"]
        future = self.monday_from(self.today + datetime.timedelta(days=days))
        rows.append({"week_start": future.isoformat(), "planned_hours": hours})
        return rows

    def _fixed_rows(self, spec: dict, start: datetime.date) -> list[dict]:
        return [
            {
                "week_start": (start + datetime.timedelta(weeks=week)).isoformat(),
                "planned_hours": planned,
                "actual_hours": "" if worked is None else worked,
                "reason": reason,
            }
            for week, planned, worked, reason in spec["rows"]
        ]
