"""Fictional demo data for Werkpad: organisations, logins, candidates and lived-in trajects.

Everything here is made up. `load()` builds it through the domain methods (Traject.open,
add_betrokkene, move_to, close, record_change, Afspraak.record) and then backdates the rows so
that the timeline looks like a year of real work. Used by `manage.py load_demo`.

Days are given as "days ago" (positive: in the past); due dates of agreements and milestones as
days from today (negative: in the past, so overdue when still open).
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass, field

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from werkpad.accounts.models import Organisation, User
from werkpad.route.models import Party, Phase

from .models import (
    Afspraak,
    Betrokkene,
    Gebeurtenis,
    JournaalNotitie,
    Kandidaat,
    Traject,
    TrajectMilestone,
)

DEMO_DOMAIN = "demo.werkpad.nl"
PASSWORD = "werkpad-demo"  # noqa: S105 - a published demo password, for development only

Kind = Organisation.Kind
Role = User.Role
Method = Traject.Method
Referral = Traject.Referral
Note = JournaalNotitie.Kind
Status = TrajectMilestone.Status
A, B, C, D, E = Phase.VOORTRAJECT, Phase.MATCHING, Phase.PLAATSING, Phase.DUURZAAM, Phase.UITVAL


# --- organisations and logins ---------------------------------------------------------------

ORGANISATIONS: dict[str, tuple[str, str, str]] = {
    # key: (name, kind, city)
    "ggz": ("GGZ De Lindehof", Kind.GGZ, "Dijkstede"),
    "reintegratie": ("Werkwijzer Re-integratie", Kind.REINTEGRATIE, "Dijkstede"),
    "gemeente": ("Gemeente Dijkstede", Kind.GEMEENTE, "Dijkstede"),
    "tuincentrum": ("Tuincentrum De Vlinderhof", Kind.WERKGEVER, "Oudewaard"),
    "bibliotheek": ("Bibliotheek Dijkstede", Kind.WERKGEVER, "Dijkstede"),
    "logistiek": ("Van Essen Logistiek", Kind.WERKGEVER, "Lindenhoven"),
    "arbo": ("Arbodienst Koersvast", Kind.ARBODIENST, "Dijkstede"),
}


@dataclass(frozen=True)
class Login:
    key: str
    first_name: str
    last_name: str
    role: str
    organisation: str  # key in ORGANISATIONS, or ""
    look_at: str  # what to look at with this login (printed by the command)
    admin: bool = False

    @property
    def email(self) -> str:
        return f"{self.key}@{DEMO_DOMAIN}"


LOGINS: list[Login] = [
    Login(
        "coach",
        "Marieke",
        "Jansen",
        Role.TRAJECTBEGELEIDER,
        "reintegratie",
        "9 lopende trajecten in alle fasen (+1 afgesloten), o.a. Sanne; werkgevers met taken "
        "en functies, passend werk (Sanne, Fatima, Eva); plaatsingen van Sanne (groen) en Joyce "
        "(oranje, met een melding en een driegesprek); Signalen",
    ),
    Login(
        "coach2",
        "Youssef",
        "El Amrani",
        Role.TRAJECTBEGELEIDER,
        "reintegratie",
        "Een tweede, kleinere caseload (4 trajecten, o.a. uitval); passend werk voor Bram; "
        "Yara's uitval met checklist en contacten",
    ),
    Login(
        "regiehouder",
        "Ingrid",
        "Bakker",
        Role.REGIEHOUDER,
        "gemeente",
        "Regie-overzicht: verlopen afspraken, geen contact >30 dagen, uitval",
    ),
    Login(
        "kandidaat",
        "Sanne",
        "de Vries",
        Role.KANDIDAAT,
        "",
        "Mijn Werkpad: een check-in staat klaar; eigen traject, gegevens (crisiskaart e.a.) en "
        "wie ziet wat",
    ),
    Login(
        "werkgever",
        "Peter",
        "van Dijk",
        Role.WERKGEVER,
        "tuincentrum",
        "Tuincentrum De Vlinderhof: medewerkers, taken en functies, eigen mijlpalen; Sannes "
        "plaatsing",
    ),
    Login(
        "leidinggevende",
        "Anouk",
        "Visser",
        Role.LEIDINGGEVENDE,
        "tuincentrum",
        "Leidinggevende bij Sanne, Daan en Yara; Sannes plaatsing (gewerkte uren invullen); "
        "ziet Sannes check-ins en crisiskaart, niet haar financiën; meldde Yara's uitval "
        "(crisiskaart, uitvalchecklist)",
    ),
    Login(
        "behandelaar",
        "Femke",
        "Mulder",
        Role.BEHANDELAAR,
        "ggz",
        "Trajecten die vanuit de GGZ zijn aangevraagd",
    ),
    Login(
        "gemeente",
        "Hans",
        "Smit",
        Role.PUBLIEKE_PARTIJ,
        "gemeente",
        "Trajecten met regelingen van de gemeente",
    ),
    Login(
        "arbo",
        "Karin",
        "de Boer",
        Role.ARBO,
        "arbo",
        "Trajecten in plaatsing, duurzaam en uitval (verzuimpreventie)",
    ),
    Login(
        "beheer",
        "Bas",
        "Hoekstra",
        Role.BEHEERDER,
        "reintegratie",
        "Beheeromgeving (/beheer/) en het logboek",
        admin=True,
    ),
]
LOGIN_EMAILS = [login.email for login in LOGINS]
KANDIDAAT_EMAIL = f"kandidaat@{DEMO_DOMAIN}"


# --- the candidates' stories ----------------------------------------------------------------


@dataclass(frozen=True)
class Contact:
    """A betrokkene without an account, for example the candidate's sister."""

    name: str
    role: str = ""
    organisation_name: str = ""
    phone: str = ""
    email: str = ""


@dataclass(frozen=True)
class Afspr:
    what: str
    who: str  # party code: the first betrokkene of that party
    due: int  # days from today; negative is in the past
    made: int  # days ago
    status: str = Afspraak.Status.OPEN
    done: int | None = None  # days ago the status changed (nagekomen / vervallen)
    milestone: str = ""  # route milestone key


@dataclass(frozen=True)
class M:
    """A fixed state for one milestone (otherwise the route's progress decides)."""

    status: str
    due: int | None = None
    note: str = ""
    nvt_reason: str = ""


@dataclass
class Verhaal:
    key: str
    first_name: str
    last_name: str
    born: datetime.date
    city: str
    coach: str  # login key
    method: str
    referral: str
    referral_note: str
    start: int  # days ago
    moves: list[tuple[int, str, str]] = field(default_factory=list)  # (days ago, phase, reason)
    close: tuple[int, str, str] | None = None  # (days ago, outcome, reason)
    parties: list[tuple[int, str, str | Contact]] = field(default_factory=list)
    notes: list[tuple[int, str, str, str]] = field(default_factory=list)  # day, kind, who, text
    afspraken: list[Afspr] = field(default_factory=list)
    milestones: dict[str, M] = field(default_factory=dict)
    login: str = ""  # login key of the candidate's own account
    phone: str = ""


d = datetime.date

VERHALEN: list[Verhaal] = [
    # ---------------------------------------------------------------- Marieke (coach)
    Verhaal(
        key="sanne",
        first_name="Sanne",
        last_name="de Vries",
        born=d(1994, 3, 12),
        city="Oudewaard",
        coach="coach",
        login="kandidaat",
        phone="06-31427781",
        method=Method.IPS,
        referral=Referral.GGZ,
        referral_note="Aanvraag via behandelaar Femke Mulder (GGZ De Lindehof); wil graag "
        "buiten werken.",
        start=290,
        moves=[(222, B, ""), (96, C, "")],
        parties=[
            (289, Party.REGIEHOUDER, "regiehouder"),
            (289, Party.HULPVERLENING, "behandelaar"),
            (270, Party.PERSOONLIJKE_OMGEVING, Contact("Lotte de Vries", "zus", "", "06-28150394")),
            (215, Party.PUBLIEKE_PARTIJEN, "gemeente"),
            (204, Party.WERKGEVER, "werkgever"),
            (190, Party.LEIDINGGEVENDE, "leidinggevende"),
            (
                110,
                Party.COLLEGAS,
                Contact("Kees Verbeek", "collega, buddy", "Tuincentrum De Vlinderhof"),
            ),
            (94, Party.ARBODIENST, "arbo"),
        ],
        notes=[
            (
                288,
                Note.GESPREK,
                "Sanne, Marieke",
                "Kennismaking. Sanne (31) heeft een achtergrond in de groenvoorziening en wil "
                "graag weer buiten werken. Ze vertelt open over haar psychische kwetsbaarheid en "
                "wat haar helpt: structuur, een vaste plek en een leidinggevende die ze kan "
                "bellen. Eerste ideeën: tuincentrum, hoveniersbedrijf of de groendienst van de "
                "gemeente.",
            ),
            (
                270,
                Note.DRIEGESPREK,
                "Sanne, Femke Mulder (behandelaar), Marieke",
                "Driegesprek met de behandelaar. Femke denkt mee over signalen en wat Sanne helpt "
                "als het even minder gaat. Sanne bepaalt zelf wat ze met een werkgever deelt. Ze "
                "wil starten met ongeveer 16 uur per week.",
            ),
            (
                236,
                Note.GESPREK,
                "Sanne, Marieke",
                "Arbeidsplan afgerond. Sterke kanten: plantenkennis, nauwkeurig, klantvriendelijk "
                "als ze zich veilig voelt. Aandachtspunt: drukke ochtenden. We gaan gericht "
                "werkgevers benaderen.",
            ),
            (
                205,
                Note.TELEFOON,
                "Marieke, Peter van Dijk (Tuincentrum De Vlinderhof)",
                "Peter staat open voor een kennismaking. Het tuincentrum zoekt voor het voorjaar "
                "iemand op de kwekerij.",
            ),
            (
                192,
                Note.DRIEGESPREK,
                "Sanne, Peter van Dijk, Anouk Visser, Marieke",
                "Kennismaking op het tuincentrum; de klik was er meteen. Besproken: start op de "
                "kwekerij met rustige werktijden (9.30-14.00 uur), Anouk wordt haar "
                "leidinggevende. Sanne kiest ervoor haar kwetsbaarheid in grote lijnen te delen.",
            ),
            (
                98,
                Note.GESPREK,
                "Sanne, Marieke",
                "Eerste werkdag voorbereid: reistijd geoefend, kleding geregeld, afgesproken wie "
                "ze belt als het spannend wordt. Sanne heeft er zin in.",
            ),
            (
                75,
                Note.BEZOEK_WERKPLEK,
                "Sanne, Anouk Visser, Marieke",
                "Werkplekbezoek na drie weken. Sanne heeft haar draai gevonden tussen de vaste "
                "planten. Anouk ziet dat ze zelfstandig werkt. Afgesproken: vaste pauze om 11.00 "
                "uur en op maandag een kort weekstartgesprek.",
            ),
            (
                52,
                Note.DRIEGESPREK,
                "Sanne, Anouk Visser, Karin de Boer (arbodienst), Marieke",
                "Gesprek over uitbreiding naar 20 uur. Karin adviseert rustig op te bouwen. We "
                "spreken af om het in het najaar opnieuw te bekijken.",
            ),
            (
                30,
                Note.TELEFOON,
                "Sanne, Marieke",
                "Sanne had een zware week en sliep slecht. Ze heeft dat zelf bij Anouk aangegeven "
                "en een dag korter gewerkt. Mooi dat de afspraken uit het signaleringsplan werken.",
            ),
            (
                6,
                Note.BEZOEK_WERKPLEK,
                "Sanne, Anouk Visser, Kees Verbeek, Marieke",
                "Werkplekbezoek. Sanne wijst inmiddels een nieuwe vrijwilliger de weg. Het "
                "evaluatiegesprek over de proeftijd is nog niet gepland; Peter pakt dat op.",
            ),
        ],
        afspraken=[
            Afspr(
                "Arbeidsplan samen afronden",
                Party.BEGELEIDING,
                due=-238,
                made=270,
                status=Afspraak.Status.NAGEKOMEN,
                done=236,
                milestone="begeleiding-a-arbeidsplan",
            ),
            Afspr(
                "Proefplaatsing bij een hoveniersbedrijf onderzoeken",
                Party.BEGELEIDING,
                due=-180,
                made=222,
                status=Afspraak.Status.VERVALLEN,
                done=190,
            ),
            Afspr(
                "Kennismaking op het tuincentrum plannen",
                Party.WERKGEVER,
                due=-195,
                made=205,
                status=Afspraak.Status.NAGEKOMEN,
                done=196,
            ),
            Afspr(
                "Beoordelen of een jobcoachvoorziening nodig is",
                Party.PUBLIEKE_PARTIJEN,
                due=-100,
                made=192,
                status=Afspraak.Status.NAGEKOMEN,
                done=104,
            ),
            Afspr(
                "Evaluatiegesprek over de proeftijd plannen met Sanne en Marieke",
                Party.WERKGEVER,
                due=-5,
                made=40,
                milestone="werkgever-c-ontwikkeling",
            ),
            Afspr(
                "Crisiskaart afmaken en met Anouk doornemen",
                Party.KANDIDAAT,
                due=14,
                made=30,
                milestone="kandidaat-c-crisiskaart",
            ),
            Afspr(
                "Uitbreiding naar 20 uur opnieuw bekijken", Party.LEIDINGGEVENDE, due=45, made=52
            ),
        ],
        milestones={
            "begeleiding-c-jobcoaching": M(Status.KLAAR),
            "leidinggevende-c-start": M(Status.KLAAR, note="Eerste weken goed verlopen."),
            "werkgever-c-inwerken": M(Status.KLAAR),
            "collegas-b-buddy": M(Status.KLAAR, note="Kees is haar buddy op de kwekerij."),
            "kandidaat-c-crisiskaart": M(Status.BEZIG, due=14),
            "werkgever-c-ontwikkeling": M(Status.BEZIG, due=-5),
            "werkgever-c-uitvalplan": M(Status.OPEN, due=21),
            "arbodienst-c-verzuimpreventie": M(Status.BEZIG),
        },
    ),
    Verhaal(
        key="daan",
        first_name="Daan",
        last_name="Meijer",
        born=d(1983, 8, 2),
        city="Dijkstede",
        coach="coach",
        method=Method.IPS,
        referral=Referral.GGZ,
        referral_note="Aanvraag van het FACT-team; Daan wil na jaren thuis weer een vak leren.",
        start=400,
        moves=[(346, B, ""), (255, C, ""), (120, D, "")],
        parties=[
            (399, Party.REGIEHOUDER, "regiehouder"),
            (399, Party.HULPVERLENING, "behandelaar"),
            (380, Party.PERSOONLIJKE_OMGEVING, Contact("Esther Meijer", "partner")),
            (270, Party.WERKGEVER, "werkgever"),
            (262, Party.LEIDINGGEVENDE, "leidinggevende"),
            (250, Party.ARBODIENST, "arbo"),
        ],
        notes=[
            (
                398,
                Note.GESPREK,
                "Daan, Marieke",
                "Kennismaking. Daan (42) werkte vroeger in de bouw en zat na een moeilijke periode "
                "lang thuis. Hij zoekt werk met zijn handen, in een vast ritme. Hij is eerlijk "
                "over wat spanning met hem doet en weet goed wat hem rust geeft.",
            ),
            (
                350,
                Note.DRIEGESPREK,
                "Daan, Femke Mulder (behandelaar), Marieke",
                "Afstemming met de behandelaar. Daan is er klaar voor om te zoeken. Afgesproken "
                "dat hij niet in de avond werkt, zodat zijn slaapritme stabiel blijft.",
            ),
            (
                268,
                Note.DRIEGESPREK,
                "Daan, Peter van Dijk, Marieke",
                "Gesprek bij Tuincentrum De Vlinderhof over een plek in de logistiek van het "
                "tuincentrum (ontvangst van planten en materiaal). Peter ziet mogelijkheden.",
            ),
            (
                200,
                Note.BEZOEK_WERKPLEK,
                "Daan, Anouk Visser, Marieke",
                "Werkplekbezoek. Daan is trots op zijn werk en collega's waarderen zijn rust. "
                "Anouk en Daan hebben een vast moment voor een kort gesprek aan het eind van de "
                "week.",
            ),
            (
                124,
                Note.GESPREK,
                "Daan, Marieke",
                "Evaluatie: Daan heeft een contract voor een jaar gekregen en werkt 24 uur. We "
                "gaan over naar duurzame inzetbaarheid en bouwen de begeleiding af.",
            ),
            (
                38,
                Note.TELEFOON,
                "Daan, Marieke",
                "Alles loopt goed. Contact afgeschaald naar eens per zes weken; Daan belt zelf als "
                "er iets is.",
            ),
        ],
        afspraken=[
            Afspr(
                "Contract en urenopbouw bespreken met Peter",
                Party.BEGELEIDING,
                due=-130,
                made=160,
                status=Afspraak.Status.NAGEKOMEN,
                done=126,
            ),
            Afspr(
                "Periodiek gesprek over werkbelasting voeren",
                Party.ARBODIENST,
                due=-12,
                made=60,
                milestone="arbodienst-d-verzuimpreventie",
            ),
            Afspr(
                "Ontwikkelwens (heftruckcertificaat) uitzoeken",
                Party.WERKGEVER,
                due=25,
                made=38,
                milestone="werkgever-d-doorontwikkelen",
            ),
        ],
        milestones={
            "werkgever-c-regelingen": M(
                Status.NVT,
                nvt_reason="Geen regeling nodig: Daan werkt op een gewone arbeidsovereenkomst "
                "zonder loonkostensubsidie.",
            ),
            "begeleiding-d-jobcoaching": M(Status.BEZIG),
            "begeleiding-d-monitoring": M(Status.BEZIG, due=20),
        },
    ),
    Verhaal(
        key="fatima",
        first_name="Fatima",
        last_name="Ouali",
        born=d(1998, 11, 20),
        city="Dijkstede",
        coach="coach",
        method=Method.KANSEN_OP_WERK,
        referral=Referral.GEMEENTE,
        referral_note="Aangemeld door de klantmanager van de gemeente.",
        start=150,
        moves=[(60, B, "")],
        parties=[
            (149, Party.REGIEHOUDER, "regiehouder"),
            (149, Party.PUBLIEKE_PARTIJEN, "gemeente"),
            (130, Party.PERSOONLIJKE_OMGEVING, Contact("Naima Ouali", "zus", "", "06-41902277")),
        ],
        notes=[
            (
                149,
                Note.GESPREK,
                "Fatima, Marieke",
                "Kennismaking. Fatima (27) heeft haar mbo-opleiding administratie afgerond, maar "
                "kwam door angst thuis te zitten. Ze wil graag in een kleine, rustige organisatie "
                "werken. Mogelijkheden: administratie, archief, bibliotheek.",
            ),
            (
                120,
                Note.GESPREK,
                "Fatima, Marieke, ervaringswerker Jolanda",
                "Gesprek met ervaringswerker Jolanda over hoe zij zelf weer aan het werk kwam. "
                "Fatima vond het fijn om te horen dat twijfel erbij hoort.",
            ),
            (
                95,
                Note.DRIEGESPREK,
                "Fatima, Hans Smit (gemeente), Marieke",
                "Regelingen doorgenomen: loonkostensubsidie, jobcoachvoorziening en wat werken "
                "betekent voor haar uitkering. Nog niet alles is duidelijk; Hans zoekt het uit.",
            ),
            (
                58,
                Note.GESPREK,
                "Fatima, Marieke",
                "Fatima voelt zich klaar om te gaan zoeken. We beginnen met de bibliotheek en twee "
                "administratiekantoren in de buurt.",
            ),
            (
                14,
                Note.TELEFOON,
                "Marieke, Marjolein de Wit (Bibliotheek Dijkstede)",
                "De bibliotheek staat open voor een oriënterend gesprek met Fatima.",
            ),
            (
                3,
                Note.EMAIL,
                "Fatima, Marieke",
                "Fatima stuurde een mooie motivatiebrief voor de bibliotheek. Kleine aanpassingen "
                "voorgesteld.",
            ),
        ],
        afspraken=[
            Afspr(
                "Cv bijwerken met de stage-ervaring",
                Party.KANDIDAAT,
                due=-100,
                made=120,
                status=Afspraak.Status.NAGEKOMEN,
                done=104,
            ),
            Afspr(
                "Duidelijkheid geven over loonkostensubsidie en de uitkering",
                Party.PUBLIEKE_PARTIJEN,
                due=-9,
                made=40,
                milestone="publieke_partijen-b-regelingkandidaat",
            ),
            Afspr(
                "Oriënterend gesprek bij de bibliotheek voorbereiden",
                Party.KANDIDAAT,
                due=7,
                made=14,
            ),
        ],
        milestones={"begeleiding-a-financien": M(Status.KLAAR)},
    ),
    Verhaal(
        key="ruben",
        first_name="Ruben",
        last_name="Kok",
        born=d(1990, 5, 17),
        city="Lindenhoven",
        coach="coach",
        method=Method.IPS,
        referral=Referral.GGZ,
        referral_note="Aanvraag via de behandelaar; Ruben wil graag in de logistiek werken.",
        start=330,
        moves=[
            (282, B, ""),
            (200, C, ""),
            (
                25,
                E,
                "Ruben heeft zich ziek gemeld na een terugval na het overlijden van zijn "
                "vader. De werkgever houdt zijn plek open; de behandelaar is betrokken.",
            ),
        ],
        parties=[
            (329, Party.REGIEHOUDER, "regiehouder"),
            (329, Party.HULPVERLENING, "behandelaar"),
            (300, Party.PERSOONLIJKE_OMGEVING, Contact("Mirjam Kok", "partner", "", "06-19283746")),
            (
                215,
                Party.WERKGEVER,
                Contact("Erik van Essen", "directeur", "Van Essen Logistiek", "0570-123456"),
            ),
            (
                210,
                Party.LEIDINGGEVENDE,
                Contact("Wendy Brouwer", "teamleider magazijn", "Van Essen Logistiek"),
            ),
            (198, Party.ARBODIENST, "arbo"),
        ],
        notes=[
            (
                329,
                Note.GESPREK,
                "Ruben, Marieke",
                "Kennismaking. Ruben (35) is handig, houdt van overzicht en werkte eerder als "
                "orderpicker. Hij wil graag weer meedoen en een eigen inkomen hebben.",
            ),
            (
                300,
                Note.GESPREK,
                "Ruben, Mirjam Kok, Marieke",
                "Gesprek thuis met Ruben en zijn partner Mirjam. Mirjam wil graag meedenken en "
                "weet wat ze kan doen als het minder gaat.",
            ),
            (
                212,
                Note.DRIEGESPREK,
                "Ruben, Erik van Essen, Marieke",
                "Gesprek bij Van Essen Logistiek. Start in de dagdienst, 20 uur, met Wendy als "
                "vast aanspreekpunt.",
            ),
            (
                150,
                Note.BEZOEK_WERKPLEK,
                "Ruben, Wendy Brouwer, Marieke",
                "Werkplekbezoek. Ruben werkt nauwkeurig en helpt nieuwe collega's op weg. Wendy is "
                "enthousiast.",
            ),
            (
                26,
                Note.TELEFOON,
                "Ruben, Marieke",
                "Ruben belde zelf: zijn vader is overleden en hij slaapt slecht. Hij heeft zich "
                "ziek gemeld. We spreken af dat het uitvalplan in werking gaat.",
            ),
            (
                18,
                Note.DRIEGESPREK,
                "Ruben, Femke Mulder (behandelaar), Wendy Brouwer, Marieke",
                "Afstemming over de komende weken. Wendy belt wekelijks even. Femke ziet Ruben "
                "vaker. Geen druk om snel terug te komen; de plek blijft.",
            ),
            (
                5,
                Note.GESPREK,
                "Ruben, Marieke",
                "Ruben wandelt elke dag en wil over twee weken op het werk langs voor een kop "
                "koffie. Hij kijkt er een beetje tegen op, maar wil het graag.",
            ),
        ],
        afspraken=[
            Afspr(
                "Crisiskaart doornemen met Mirjam",
                Party.KANDIDAAT,
                due=-160,
                made=190,
                status=Afspraak.Status.NAGEKOMEN,
                done=170,
            ),
            Afspr(
                "Afstemmen wanneer opbouw weer verantwoord is", Party.HULPVERLENING, due=-3, made=18
            ),
            Afspr(
                "Wekelijks even bellen met Ruben",
                Party.LEIDINGGEVENDE,
                due=7,
                made=18,
                milestone="leidinggevende-e-gedrag",
            ),
        ],
        milestones={
            "begeleiding-e-uitval": M(Status.KLAAR),
            "kandidaat-e-crisiskaart": M(Status.KLAAR),
            "werkgever-e-uitvalplan": M(Status.BEZIG),
            "hulpverlening-e-opvang": M(Status.BEZIG),
        },
    ),
    Verhaal(
        key="lisa",
        first_name="Lisa",
        last_name="van den Berg",
        born=d(2002, 1, 9),
        city="Oudewaard",
        coach="coach",
        method=Method.KANSEN_OP_WERK,
        referral=Referral.ZELF,
        referral_note="Lisa meldde zich zelf aan na een informatiebijeenkomst.",
        start=40,
        parties=[
            (39, Party.PERSOONLIJKE_OMGEVING, Contact("Ron van den Berg", "vader")),
        ],
        notes=[
            (
                39,
                Note.GESPREK,
                "Lisa, Marieke",
                "Kennismaking. Lisa (23) is creatief en precies, en houdt van rustige, duidelijke "
                "taken. Ze is prikkelgevoelig en werkt het liefst in een kleine groep. Ze wil "
                "ontdekken welke mogelijkheden er zijn.",
            ),
            (
                20,
                Note.GESPREK,
                "Lisa, Ron van den Berg, Marieke",
                "Gesprek met Lisa en haar vader. Ron wil haar steunen zonder over te nemen. Lisa "
                "maakt een lijstje van wat ze graag doet.",
            ),
            (
                8,
                Note.EMAIL,
                "Lisa, Marieke",
                "Lisa stuurde haar lijstje: fotograferen, ordenen, met dieren werken.",
            ),
        ],
        afspraken=[
            Afspr(
                "Stappenplan samen opstellen",
                Party.BEGELEIDING,
                due=5,
                made=20,
                milestone="kandidaat-a-stappenplan",
            ),
            Afspr(
                "Beschikbaarheid en gewenste uren op papier zetten", Party.KANDIDAAT, due=12, made=8
            ),
        ],
        milestones={
            "begeleiding-a-financien": M(
                Status.NVT,
                nvt_reason="Lisa heeft geen uitkering; werken heeft geen gevolgen voor een "
                "uitkering of toeslag.",
            ),
            "kandidaat-a-capaciteiten": M(Status.BEZIG, due=10),
        },
    ),
    Verhaal(
        key="mehmet",
        first_name="Mehmet",
        last_name="Demir",
        born=d(1977, 9, 30),
        city="Dijkstede",
        coach="coach",
        method=Method.OVERIG,
        referral=Referral.UWV,
        referral_note="Via de arbeidsdeskundige van het UWV; begeleiding naar werk (SE).",
        start=420,
        moves=[
            (362, B, ""),
            (262, C, ""),
            (
                150,
                E,
                "Door spanningen rond een reorganisatie kwam Mehmet in een zware periode. "
                "In overleg is hij tijdelijk gestopt met werken.",
            ),
            (
                70,
                C,
                "Mehmet voelt zich weer stabiel en de bibliotheek wil graag dat hij "
                "terugkomt, in een rustiger rol bij de uitleenbalie.",
            ),
        ],
        parties=[
            (419, Party.REGIEHOUDER, "regiehouder"),
            (419, Party.PUBLIEKE_PARTIJEN, Contact("Gerard Kuipers", "arbeidsdeskundige", "UWV")),
            (400, Party.PERSOONLIJKE_OMGEVING, Contact("Hakan Demir", "broer")),
            (
                270,
                Party.WERKGEVER,
                Contact("Marjolein de Wit", "hoofd bedrijfsvoering", "Bibliotheek Dijkstede"),
            ),
            (250, Party.ARBODIENST, "arbo"),
        ],
        notes=[
            (
                415,
                Note.GESPREK,
                "Mehmet, Marieke",
                "Kennismaking. Mehmet (48) werkte twintig jaar in de administratie. Hij leest "
                "graag, is zorgvuldig en wil weer van betekenis zijn.",
            ),
            (
                365,
                Note.GESPREK,
                "Mehmet, Marieke",
                "Zoekprofiel gemaakt: rustige omgeving, vaste taken, contact met mensen in kleine "
                "porties.",
            ),
            (
                264,
                Note.DRIEGESPREK,
                "Mehmet, Marjolein de Wit, Marieke",
                "Mehmet start bij de bibliotheek in de back-office, drie ochtenden per week.",
            ),
            (
                200,
                Note.BEZOEK_WERKPLEK,
                "Mehmet, Marjolein de Wit, Marieke",
                "Werkplekbezoek. Mehmet heeft de catalogus op orde gebracht; collega's zijn blij "
                "met hem.",
            ),
            (
                152,
                Note.TELEFOON,
                "Mehmet, Marieke",
                "Mehmet vertelde dat de reorganisatie hem veel onrust geeft. Hij slaapt slecht en "
                "wil even stoppen. We bespreken het met de arbodienst.",
            ),
            (
                120,
                Note.DRIEGESPREK,
                "Mehmet, Karin de Boer (arbodienst), Marieke",
                "Mehmet knapt op. Karin en Mehmet maken een plan voor een voorzichtige terugkeer.",
            ),
            (
                72,
                Note.DRIEGESPREK,
                "Mehmet, Marjolein de Wit, Marieke",
                "Terugkeer besproken: een rustiger rol bij de uitleenbalie, eerst twee ochtenden.",
            ),
            (
                40,
                Note.BEZOEK_WERKPLEK,
                "Mehmet, Marjolein de Wit, Marieke",
                "Mehmet is terug en straalt. Bezoekers kennen hem al bij naam.",
            ),
            (
                12,
                Note.GESPREK,
                "Mehmet, Marieke",
                "Opbouw naar drie ochtenden gaat goed. Volgende stap samen met Marjolein bekijken.",
            ),
        ],
        afspraken=[
            Afspr(
                "Re-integratieverslag aanvullen",
                Party.ARBODIENST,
                due=-110,
                made=140,
                status=Afspraak.Status.NAGEKOMEN,
                done=115,
            ),
            Afspr(
                "Opbouwschema evalueren na zes weken",
                Party.WERKGEVER,
                due=4,
                made=40,
                milestone="werkgever-c-ontwikkeling",
            ),
        ],
        milestones={"kandidaat-e-herstelplan": M(Status.KLAAR)},
    ),
    Verhaal(
        key="eva",
        first_name="Eva",
        last_name="Hermans",
        born=d(1996, 6, 24),
        city="Lindenhoven",
        coach="coach",
        method=Method.IPS,
        referral=Referral.GGZ,
        referral_note="Aanvraag vanuit de GGZ; Eva wil graag in de zorg werken.",
        start=200,
        moves=[
            (150, B, ""),
            (
                120,
                A,
                "Eva gaf aan dat sollicitatiegesprekken haar nu te veel spanning geven. "
                "We nemen eerst tijd voor een stabiel dagritme en vrijwilligerswerk.",
            ),
            (45, B, ""),
        ],
        parties=[
            (199, Party.HULPVERLENING, "behandelaar"),
            (198, Party.REGIEHOUDER, "regiehouder"),
            (170, Party.PERSOONLIJKE_OMGEVING, Contact("Ans Hermans", "moeder")),
        ],
        notes=[
            (
                199,
                Note.GESPREK,
                "Eva, Marieke",
                "Kennismaking. Eva (29) is warm en zorgzaam en heeft de opleiding helpende zorg en "
                "welzijn gedaan. Ze wil graag met ouderen werken.",
            ),
            (
                160,
                Note.DRIEGESPREK,
                "Eva, Femke Mulder (behandelaar), Marieke",
                "Afgesproken dat Eva en Femke haar signalen in een herstelplan zetten.",
            ),
            (
                122,
                Note.GESPREK,
                "Eva, Marieke",
                "Eva wil een stap terug doen: de sollicitaties geven te veel druk. We kijken eerst "
                "naar vrijwilligerswerk bij de kringloopwinkel.",
            ),
            (
                80,
                Note.TELEFOON,
                "Eva, Marieke",
                "Het vrijwilligerswerk gaat goed; Eva is er drie ochtenden per week.",
            ),
            (
                47,
                Note.GESPREK,
                "Eva, Marieke",
                "Eva voelt zich sterker en wil weer zoeken, nu met meer rust ertussen.",
            ),
            (
                10,
                Note.TELEFOON,
                "Eva, Marieke",
                "Twee woonzorgcentra gebeld; een ervan wil graag kennismaken.",
            ),
        ],
        afspraken=[
            Afspr(
                "Vrijwilligerswerk bij de kringloop starten",
                Party.KANDIDAAT,
                due=-100,
                made=120,
                status=Afspraak.Status.NAGEKOMEN,
                done=105,
            ),
            Afspr(
                "Kennismaking bij woonzorgcentrum plannen",
                Party.BEGELEIDING,
                due=10,
                made=10,
                milestone="begeleiding-b-matching",
            ),
        ],
    ),
    Verhaal(
        key="thomas",
        first_name="Thomas",
        last_name="Willems",
        born=d(1987, 2, 14),
        city="Dijkstede",
        coach="coach",
        method=Method.IPS,
        referral=Referral.HUISARTS,
        referral_note="Verwezen door de POH-GGZ van de huisartsenpraktijk.",
        start=75,
        parties=[
            (74, Party.REGIEHOUDER, "regiehouder"),
            (60, Party.PERSOONLIJKE_OMGEVING, Contact("Jasper Koster", "partner")),
        ],
        notes=[
            (
                73,
                Note.GESPREK,
                "Thomas, Marieke",
                "Kennismaking. Thomas (38) was ICT-medewerker en wil graag weer aan de slag, "
                "liefst in een klein team. Hij heeft veel mogelijkheden en wil zijn eigen tempo "
                "bewaken.",
            ),
            (
                50,
                Note.TELEFOON,
                "Thomas, Marieke",
                "Thomas wil even pas op de plaats maken. Hij neemt zelf contact op als hij verder "
                "wil.",
            ),
        ],
        afspraken=[
            Afspr(
                "Cv bijwerken en naar Marieke sturen",
                Party.KANDIDAAT,
                due=-20,
                made=50,
                milestone="kandidaat-a-capaciteiten",
            ),
        ],
    ),
    Verhaal(
        key="joyce",
        first_name="Joyce",
        last_name="Peters",
        born=d(1980, 10, 5),
        city="Dijkstede",
        coach="coach",
        method=Method.KANSEN_OP_WERK,
        referral=Referral.GGZ,
        referral_note="Aanvraag via de GGZ; Joyce wil iets met boeken of archief.",
        start=380,
        moves=[(330, B, ""), (240, C, ""), (60, D, "")],
        parties=[
            (379, Party.HULPVERLENING, "behandelaar"),
            (379, Party.REGIEHOUDER, "regiehouder"),
            (340, Party.PUBLIEKE_PARTIJEN, "gemeente"),
            (
                250,
                Party.WERKGEVER,
                Contact("Marjolein de Wit", "hoofd bedrijfsvoering", "Bibliotheek Dijkstede"),
            ),
            (240, Party.COLLEGAS, Contact("Rob Smits", "collega, buddy", "Bibliotheek Dijkstede")),
            (235, Party.ARBODIENST, "arbo"),
        ],
        notes=[
            (
                378,
                Note.GESPREK,
                "Joyce, Marieke",
                "Kennismaking. Joyce (45) is een echte lezer en wil graag weer structuur in haar "
                "week. Ze is open over haar psychische kwetsbaarheid en weet wat haar helpt.",
            ),
            (
                300,
                Note.DRIEGESPREK,
                "Joyce, Hans Smit (gemeente), Marieke",
                "Met de gemeente de regelingen besproken; loonkostensubsidie is mogelijk.",
            ),
            (
                242,
                Note.DRIEGESPREK,
                "Joyce, Marjolein de Wit, Marieke",
                "Joyce begint bij de bibliotheek op de afdeling collectiebeheer, met een stille "
                "werkplek.",
            ),
            (
                180,
                Note.BEZOEK_WERKPLEK,
                "Joyce, Rob Smits, Marieke",
                "Werkplekbezoek. Rob en Joyce werken fijn samen; Joyce neemt steeds meer zelf op.",
            ),
            (
                62,
                Note.DRIEGESPREK,
                "Joyce, Marjolein de Wit, Karin de Boer, Marieke",
                "Joyce krijgt een vast contract. We bouwen de jobcoaching af naar eens per maand.",
            ),
            (
                9,
                Note.TELEFOON,
                "Joyce, Marieke",
                "Maandelijks contact. Joyce wil graag een cursus over digitale collecties volgen.",
            ),
        ],
        afspraken=[
            Afspr("Stille werkplek evalueren", Party.WERKGEVER, due=20, made=62),
            Afspr(
                "Cursus digitale collecties uitzoeken",
                Party.KANDIDAAT,
                due=30,
                made=9,
                milestone="kandidaat-d-ontwikkeling",
            ),
            Afspr(
                "Loonkostensubsidie aanvragen",
                Party.PUBLIEKE_PARTIJEN,
                due=-220,
                made=240,
                status=Afspraak.Status.NAGEKOMEN,
                done=225,
            ),
        ],
    ),
    Verhaal(
        key="kevin",
        first_name="Kevin",
        last_name="Dekker",
        born=d(1992, 4, 21),
        city="Lindenhoven",
        coach="coach",
        method=Method.IPS,
        referral=Referral.GGZ,
        referral_note="Aanvraag vanuit de GGZ.",
        start=430,
        moves=[(395, B, ""), (300, C, ""), (200, D, "")],
        close=(
            20,
            Traject.Outcome.BETAALD_WERK,
            "Kevin heeft een vast contract bij Van Essen Logistiek. De begeleiding is in goed "
            "overleg afgebouwd; hij weet ons te vinden.",
        ),
        parties=[
            (429, Party.HULPVERLENING, "behandelaar"),
            (429, Party.REGIEHOUDER, "regiehouder"),
            (310, Party.WERKGEVER, Contact("Erik van Essen", "directeur", "Van Essen Logistiek")),
        ],
        notes=[
            (
                428,
                Note.GESPREK,
                "Kevin, Marieke",
                "Kennismaking. Kevin (33) wil graag fysiek werk en collega's om zich heen.",
            ),
            (
                305,
                Note.DRIEGESPREK,
                "Kevin, Erik van Essen, Marieke",
                "Kevin begint in het magazijn van Van Essen Logistiek.",
            ),
            (
                210,
                Note.BEZOEK_WERKPLEK,
                "Kevin, Erik van Essen, Marieke",
                "Kevin is een vaste waarde in het team. Hij krijgt een jaarcontract.",
            ),
            (
                60,
                Note.GESPREK,
                "Kevin, Marieke",
                "Kevin heeft de begeleiding nauwelijks meer nodig. We bereiden het afsluiten voor.",
            ),
            (
                21,
                Note.GESPREK,
                "Kevin, Marieke",
                "Afsluitend gesprek. Kevin kreeg een vast contract. Mooi traject, samen gevierd.",
            ),
        ],
    ),
    # ---------------------------------------------------------------- Youssef (coach2)
    Verhaal(
        key="noor",
        first_name="Noor",
        last_name="Hendriks",
        born=d(1999, 7, 3),
        city="Oudewaard",
        coach="coach2",
        method=Method.IPS,
        referral=Referral.GGZ,
        referral_note="Aanvraag van de behandelaar; Noor wil graag werken naast haar studie.",
        start=65,
        parties=[
            (64, Party.REGIEHOUDER, "regiehouder"),
            (64, Party.HULPVERLENING, "behandelaar"),
        ],
        notes=[
            (
                64,
                Note.GESPREK,
                "Noor, Youssef",
                "Kennismaking. Noor (26) is nieuwsgierig en sociaal en zoekt een bijbaan die past "
                "bij haar energie. Ze vindt het spannend om te vertellen over haar psychische "
                "kwetsbaarheid.",
            ),
            (
                44,
                Note.DRIEGESPREK,
                "Noor, Femke Mulder (behandelaar), Youssef",
                "Afgesproken dat Femke haar inbreng voor het arbeidsplan aanlevert.",
            ),
        ],
        afspraken=[
            Afspr(
                "Inbreng voor het arbeidsplan aanleveren",
                Party.HULPVERLENING,
                due=-10,
                made=44,
                milestone="hulpverlening-a-input",
            ),
        ],
    ),
    Verhaal(
        key="bram",
        first_name="Bram",
        last_name="Jacobs",
        born=d(1974, 12, 11),
        city="Lindenhoven",
        coach="coach2",
        method=Method.OVERIG,
        referral=Referral.UWV,
        referral_note="Via het UWV, na een lange periode zonder werk.",
        start=180,
        moves=[(90, B, "")],
        parties=[
            (179, Party.REGIEHOUDER, "regiehouder"),
            (179, Party.PUBLIEKE_PARTIJEN, Contact("Gerard Kuipers", "arbeidsdeskundige", "UWV")),
            (150, Party.PERSOONLIJKE_OMGEVING, Contact("Wim de Jong", "buurman en vriend")),
        ],
        notes=[
            (
                178,
                Note.GESPREK,
                "Bram, Youssef",
                "Kennismaking. Bram (51) was chauffeur en is handig met techniek. Hij wil weer "
                "ergens bij horen.",
            ),
            (
                120,
                Note.GESPREK,
                "Bram, Youssef",
                "Arbeidsplan gemaakt. Bram wil graag buiten werken, bijvoorbeeld in onderhoud.",
            ),
            (
                92,
                Note.TELEFOON,
                "Youssef, Gerard Kuipers (UWV)",
                "Afstemming met het UWV over een werkfit-traject en proefplaatsing.",
            ),
            (
                15,
                Note.GESPREK,
                "Bram, Youssef",
                "Twee werkgevers in onderhoud benaderd. Bram gaat met een ervan kennismaken.",
            ),
        ],
        afspraken=[
            Afspr(
                "Proefplaatsing met het UWV afstemmen",
                Party.PUBLIEKE_PARTIJEN,
                due=14,
                made=15,
                milestone="publieke_partijen-b-matching",
            ),
            Afspr(
                "Rijbewijs en certificaten verzamelen",
                Party.KANDIDAAT,
                due=-60,
                made=90,
                status=Afspraak.Status.VERVALLEN,
                done=70,
            ),
        ],
    ),
    Verhaal(
        key="yara",
        first_name="Yara",
        last_name="Mahabier",
        born=d(1994, 2, 27),
        city="Dijkstede",
        coach="coach2",
        method=Method.KANSEN_OP_WERK,
        referral=Referral.GEMEENTE,
        referral_note="Aangemeld door de gemeente.",
        start=140,
        moves=[(100, B, ""), (30, C, "")],
        parties=[
            (139, Party.PUBLIEKE_PARTIJEN, "gemeente"),
            (60, Party.WERKGEVER, "werkgever"),
            (45, Party.LEIDINGGEVENDE, "leidinggevende"),
            (29, Party.ARBODIENST, "arbo"),
        ],
        notes=[
            (
                139,
                Note.GESPREK,
                "Yara, Youssef",
                "Kennismaking. Yara (31) is zorgvuldig en heeft een groene vinger. Ze wil "
                "graag met planten werken.",
            ),
            (
                58,
                Note.DRIEGESPREK,
                "Yara, Peter van Dijk, Youssef",
                "Kennismaking bij Tuincentrum De Vlinderhof; Yara mag starten op de afdeling "
                "kamerplanten.",
            ),
            (
                20,
                Note.BEZOEK_WERKPLEK,
                "Yara, Anouk Visser, Youssef",
                "Werkplekbezoek in de eerste weken. Yara vindt haar weg; het inwerkschema werkt.",
            ),
        ],
        afspraken=[
            Afspr(
                "Inwerkschema bijstellen na vier weken",
                Party.LEIDINGGEVENDE,
                due=3,
                made=20,
                milestone="leidinggevende-c-start",
            ),
        ],
    ),
    Verhaal(
        key="stijn",
        first_name="Stijn",
        last_name="de Graaf",
        born=d(1985, 9, 8),
        city="Oudewaard",
        coach="coach2",
        method=Method.IPS,
        referral=Referral.GGZ,
        referral_note="Aanvraag van de behandelaar.",
        start=260,
        moves=[
            (212, B, ""),
            (150, C, ""),
            (90, D, ""),
            (
                12,
                E,
                "Stijn heeft zich ziek gemeld: een verhuizing en extra diensten werden hem "
                "te veel. Hij wil graag terug naar zijn plek.",
            ),
        ],
        parties=[
            (259, Party.REGIEHOUDER, "regiehouder"),
            (259, Party.HULPVERLENING, "behandelaar"),
            (230, Party.PERSOONLIJKE_OMGEVING, Contact("Iris de Graaf", "zus")),
            (160, Party.WERKGEVER, Contact("Erik van Essen", "directeur", "Van Essen Logistiek")),
            (148, Party.ARBODIENST, "arbo"),
        ],
        notes=[
            (
                258,
                Note.GESPREK,
                "Stijn, Youssef",
                "Kennismaking. Stijn (40) is rustig en betrouwbaar. Hij heeft mogelijkheden in "
                "logistiek en wil een vaste plek.",
            ),
            (
                152,
                Note.DRIEGESPREK,
                "Stijn, Erik van Essen, Youssef",
                "Stijn begint bij Van Essen Logistiek, in de vroege dienst.",
            ),
            (
                95,
                Note.BEZOEK_WERKPLEK,
                "Stijn, Erik van Essen, Youssef",
                "Het gaat goed; Stijn krijgt meer verantwoordelijkheid bij de ontvangst.",
            ),
            (
                13,
                Note.TELEFOON,
                "Stijn, Youssef",
                "Stijn meldt zich ziek. De verhuizing en de extra diensten waren te veel. We "
                "zetten het uitvalplan in.",
            ),
            (
                7,
                Note.DRIEGESPREK,
                "Stijn, Karin de Boer (arbodienst), Youssef",
                "Eerste gesprek met de arbodienst. Geen haast; de plek blijft beschikbaar.",
            ),
        ],
        afspraken=[
            Afspr(
                "Afstemmen over het herstelplan met de jobcoach",
                Party.HULPVERLENING,
                due=-4,
                made=12,
                milestone="hulpverlening-e-opvang",
            ),
            Afspr(
                "Gesprek over tijdelijk aangepaste diensten",
                Party.ARBODIENST,
                due=5,
                made=7,
                milestone="arbodienst-e-afstemming",
            ),
        ],
    ),
]


# --- building -------------------------------------------------------------------------------


def demo_organisations() -> QuerySet[Organisation]:
    return Organisation.objects.filter(name__in=[o[0] for o in ORGANISATIONS.values()])


def demo_kandidaten() -> QuerySet[Kandidaat]:
    suffix = f"@{DEMO_DOMAIN}"
    return Kandidaat.objects.filter(
        Q(created_by__email__iendswith=suffix) | Q(user__email__iendswith=suffix)
    )


def demo_trajects() -> QuerySet[Traject]:
    return Traject.objects.filter(
        Q(kandidaat__in=demo_kandidaten())
        | Q(organisation__in=demo_organisations())
        | Q(created_by__email__iendswith=f"@{DEMO_DOMAIN}")
    )


def is_loaded() -> bool:
    """Are all demo logins there, with the demo candidates and kandidaat@'s traject?"""
    if User.objects.filter(email__in=LOGIN_EMAILS).count() < len(LOGIN_EMAILS):
        return False
    if demo_organisations().count() < len(ORGANISATIONS):
        return False
    if demo_kandidaten().count() < len(VERHALEN):
        return False
    from werkpad.employers import demo as employers_demo
    from werkpad.instruments.models import InstrumentVersie

    if not InstrumentVersie.objects.filter(kandidaat__user__email=KANDIDAAT_EMAIL).exists():
        return False
    # demo databases from before the employers, jobs and placements are rebuilt as well
    return employers_demo.is_loaded()


@transaction.atomic
def load() -> dict[str, int]:
    """(Re)build the demo data: organisations and logins are brought up to date in place;
    demo candidates and their trajects are removed and built again. Returns counts."""
    organisations = _organisations()
    users = _users(organisations)
    # Afspraak.who protects its betrokkene, also when both go with their traject: remove the
    # agreements first; so too the placements, match conversations and jobs (werkpad.employers)
    from werkpad.employers import demo as employers_demo

    Afspraak.objects.filter(traject__in=demo_trajects()).delete()
    employers_demo.remove()
    demo_trajects().delete()
    demo_kandidaten().delete()
    builder = _Builder(users)
    for verhaal in VERHALEN:
        builder.build(verhaal)
    # the candidate's own instruments and sharing (werkpad.instruments)
    from werkpad.instruments.demo import load_for

    sanne = Kandidaat.objects.get(user__email=KANDIDAAT_EMAIL)
    coach = sanne.trajects.first().created_by
    load_for(sanne, coach, leidinggevende=users.get("leidinggevende"))
    # employers with tasks and jobs, match profiles, two placements (werkpad.employers)
    werk = employers_demo.load(users, organisations)
    # check-ins, signals, a three-party meeting and a dropout (werkpad.monitoring, .uitval)
    from werkpad.monitoring import demo as monitoring_demo

    monitoring_demo.load(users)
    return {
        "organisaties": len(organisations),
        "logins": len(users),
        "kandidaten": len(VERHALEN),
        "trajecten": demo_trajects().count(),
        **werk,
    }


def _organisations() -> dict[str, Organisation]:
    result = {}
    for key, (name, kind, city) in ORGANISATIONS.items():
        result[key], _ = Organisation.objects.update_or_create(
            name=name, defaults={"kind": kind, "city": city}
        )
    return result


def _users(organisations: dict[str, Organisation]) -> dict[str, User]:
    password = make_password(PASSWORD)  # hash once, the same for every demo login
    result = {}
    for login in LOGINS:
        user = User.objects.filter(email=login.email).first() or User(email=login.email)
        user.first_name = login.first_name
        user.last_name = login.last_name
        user.role = login.role
        user.organisation = organisations.get(login.organisation)
        user.is_active = True
        user.is_staff = login.admin
        user.is_superuser = login.admin
        user.password = password
        user.save()
        result[login.key] = user
    return result


class _Builder:
    """Builds one candidate's traject through the domain methods, backdating as it goes."""

    def __init__(self, users: dict[str, User]):
        self.users = users
        self.now = timezone.now()
        self.today = timezone.localdate()
        self.floor: datetime.datetime | None = None

    # -- time ----------------------------------------------------------------------------

    def moment(self, days_ago: int, rng: random.Random) -> datetime.datetime:
        day = self.today - datetime.timedelta(days=days_ago)
        naive = datetime.datetime.combine(
            day, datetime.time(rng.randint(8, 16), rng.choice([0, 10, 15, 30, 40, 45]))
        )
        at = timezone.make_aware(naive)
        if self.floor is not None:  # nothing happens before the traject was opened
            at = max(at, self.floor + datetime.timedelta(minutes=rng.randint(5, 50)))
        return min(at, self.now - datetime.timedelta(minutes=5))

    def due(self, days_from_today: int) -> datetime.date:
        return self.today + datetime.timedelta(days=days_from_today)

    @staticmethod
    def _stamp(at: datetime.datetime, **event) -> None:
        """Backdate the timeline event(s) a domain method just made."""
        Gebeurtenis.objects.filter(**event).update(at=at)

    # -- one story -----------------------------------------------------------------------

    def build(self, v: Verhaal) -> Traject:
        rng = random.Random(f"werkpad-demo-{v.key}")  # the same story every time
        coach = self.users[v.coach]
        account = self.users[v.login] if v.login else None
        self.floor = None
        started = self.moment(v.start, rng)
        self.floor = started

        kandidaat = Kandidaat.objects.create(
            first_name=v.first_name,
            last_name=v.last_name,
            email=account.email if account else "",
            phone=v.phone,
            date_of_birth=v.born,
            city=v.city,
            user=account,
            created_by=coach,
        )
        Kandidaat.objects.filter(pk=kandidaat.pk).update(created_at=started)

        traject = Traject.open(
            kandidaat,
            coach=coach,
            method=v.method,
            referral=v.referral,
            referral_note=v.referral_note,
            started_on=started.date(),
        )
        Traject.objects.filter(pk=traject.pk).update(created_at=started, phase_since=started)
        traject.transitions.update(at=started)
        traject.betrokkenen.update(added_at=started)
        traject.gebeurtenissen.update(at=started)
        traject.phase_since = started
        added = {b.pk: v.start for b in traject.betrokkenen.all()}

        # parties and phase moves, in the order they happened
        steps: list[tuple[int, int, tuple]] = [(day, 0, ("party", p, w)) for day, p, w in v.parties]
        steps += [(day, 1, ("move", phase, reason)) for day, phase, reason in v.moves]
        visits = [(A, v.start)]
        for day, _order, step in sorted(steps, key=lambda s: (-s[0], s[1])):
            at = self.moment(day, rng)
            if step[0] == "party":
                betrokkene = self._add_party(traject, coach, step[1], step[2])
                Betrokkene.objects.filter(pk=betrokkene.pk).update(added_at=at)
                self._stamp(at, betrokkene=betrokkene)
                added[betrokkene.pk] = day
            else:
                transition = traject.move_to(step[1], by=coach, reason=step[2])
                type(transition).objects.filter(pk=transition.pk).update(at=at)
                Traject.objects.filter(pk=traject.pk).update(phase_since=at)
                traject.phase_since = at
                self._stamp(at, transition=transition)
                visits.append((step[1], day))

        self._milestones(traject, v, coach, rng, visits, added)
        notes = self._notes(traject, v, coach, rng)
        self._afspraken(traject, v, coach, rng, notes)

        if v.close:
            day, outcome, reason = v.close
            at = self.moment(day, rng)
            transition = traject.close(outcome, by=coach, reason=reason)
            type(transition).objects.filter(pk=transition.pk).update(at=at)
            Traject.objects.filter(pk=traject.pk).update(closed_at=at)
            self._stamp(at, transition=transition)
        return traject

    def _add_party(self, traject: Traject, coach: User, party: str, who) -> Betrokkene:
        if isinstance(who, Contact):
            return traject.add_betrokkene(
                party=party,
                by=coach,
                name=who.name,
                role=who.role,
                organisation_name=who.organisation_name,
                phone=who.phone,
                email=who.email,
            )
        return traject.add_betrokkene(party=party, by=coach, user=self.users[who])

    # -- milestones ----------------------------------------------------------------------

    def _milestones(self, traject, v: Verhaal, coach, rng, visits, added) -> None:
        """Done phases: mostly klaar. The current phase: a mix of klaar, bezig and open, some
        with a due date. Phases not reached yet stay open."""
        current = traject.phase
        closing_day = v.close[0] if v.close else None
        windows: dict[str, tuple[int, int]] = {}  # phase -> (first entered, last left), days ago
        for index, (phase, entered) in enumerate(visits):
            left = visits[index + 1][1] if index + 1 < len(visits) else (closing_day or 0)
            first = windows.get(phase, (entered, left))[0]
            windows[phase] = (first, left)

        milestones = traject.milestones.select_related("route_milestone", "owner__user")
        for m in milestones.order_by("route_milestone__position"):
            rm = m.route_milestone
            fixed = v.milestones.get(rm.key)
            if rm.phase not in windows:
                if fixed is None:
                    continue
            elif fixed is None:
                done_phase = rm.phase != current or v.close is not None
                fixed = self._pick(rng, done_phase)
            if fixed.status == Status.OPEN and fixed.due is None and not fixed.note:
                continue

            entered, left = windows.get(rm.phase, (v.start, 0))
            entered = min(entered, added.get(m.owner_id, v.start))
            left = max(left, 1)
            day = rng.randint(left, entered) if entered > left else max(entered, 0)
            at = self.moment(day, rng)
            actor = coach
            if m.owner and m.owner.user_id and m.owner.party != Party.KANDIDAAT:
                actor = m.owner.user

            old_status = m.status
            m.status = fixed.status
            m.nvt_reason = fixed.nvt_reason
            m.note = fixed.note
            if fixed.due is not None:
                m.due_date = self.due(fixed.due)
            m.updated_by = actor
            m.save()
            m.record_change(actor, old_status)
            TrajectMilestone.objects.filter(pk=m.pk).update(updated_at=at)
            if old_status != m.status:
                self._stamp(at, milestone=m)

    def _pick(self, rng: random.Random, done_phase: bool) -> M:
        r = rng.random()
        if done_phase:
            if r < 0.85:
                return M(Status.KLAAR)
            return M(Status.BEZIG) if r < 0.93 else M(Status.OPEN)
        if r < 0.3:
            return M(Status.KLAAR)
        status = Status.BEZIG if r < 0.6 else Status.OPEN
        due = rng.randint(-15, 40) if rng.random() < 0.5 else None
        return M(status, due=due)

    # -- journal and agreements ----------------------------------------------------------

    def _notes(self, traject, v: Verhaal, coach, rng) -> dict[int, JournaalNotitie]:
        by_day = {}
        for day, kind, participants, text in sorted(v.notes, key=lambda n: -n[0]):
            at = self.moment(day, rng)
            note = JournaalNotitie(
                traject=traject,
                date=at.date(),
                kind=kind,
                participants=participants,
                text=text,
                author=coach,
            )
            note.save()
            JournaalNotitie.objects.filter(pk=note.pk).update(created_at=at)
            self._stamp(at, notitie=note)
            by_day[day] = note
        return by_day

    def _afspraken(self, traject, v: Verhaal, coach, rng, notes) -> None:
        parties: dict[str, Betrokkene] = {}
        for b in traject.betrokkenen.order_by("pk"):
            parties.setdefault(b.party, b)
        milestones = {
            m.route_milestone.key: m for m in traject.milestones.select_related("route_milestone")
        }
        for item in v.afspraken:
            at = self.moment(item.made, rng)
            afspraak = Afspraak.objects.create(
                traject=traject,
                what=item.what,
                who=parties[item.who],
                due_date=self.due(item.due),
                milestone=milestones.get(item.milestone),
                notitie=notes.get(item.made),
                created_by=coach,
            )
            afspraak.record(coach, created=True)
            Afspraak.objects.filter(pk=afspraak.pk).update(created_at=at)
            self._stamp(at, afspraak=afspraak, status="")
            if item.status != Afspraak.Status.OPEN:
                afspraak.status = item.status
                afspraak.save(update_fields=["status"])
                afspraak.record(coach, created=False)
                done = self.moment(item.done or item.made, rng)
                self._stamp(done, afspraak=afspraak, status=item.status)


def phase_summary() -> list[tuple[str, int]]:
    """Open demo trajects per phase, for the command's report."""
    open_trajects = demo_trajects().filter(closed_at__isnull=True)
    return [(str(p.label), open_trajects.filter(phase=p).count()) for p in Phase]
