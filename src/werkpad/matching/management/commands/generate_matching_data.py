"""`manage.py generate_matching_data`: synthetic, clearly fake employers, jobs and candidates
for measuring the matching engine. Only for development and benchmarks.

Everything it makes is recognisable: employers are called "Synthetisch bedrijf <n>",
candidates "Synthetisch Kandidaat <n>" with an e-mail address at synthetisch.invalid.
`--clear` removes exactly that (and nothing else) before generating.
"""

from __future__ import annotations

import random
import time
from decimal import Decimal

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models import ProtectedError
from django.utils import timezone

from werkpad.accounts.models import Organisation
from werkpad.employers.models import Functie, Locatie, Taak, Werkgever
from werkpad.instruments.models import InstrumentVersie
from werkpad.matching.engine import AREAS
from werkpad.matching.models import Matchprofiel
from werkpad.trajects.models import Kandidaat

EMPLOYER_PREFIX = "Synthetisch bedrijf "
CANDIDATE_FIRST_NAME = "Synthetisch"
CANDIDATE_DOMAIN = "@synthetisch.invalid"
BATCH = 2000
JOBS_PER_EMPLOYER = 10

# ~30 Dutch towns with a plausible range of 4-digit postcodes, grouped by region so that a
# candidate's travel area holds towns near each other.
REGIONS: dict[str, list[tuple[str, int, int]]] = {
    "midden": [
        ("Utrecht", 3511, 3585),
        ("Zeist", 3701, 3709),
        ("Amersfoort", 3811, 3829),
        ("Nieuwegein", 3430, 3439),
        ("Houten", 3991, 3995),
        ("Veenendaal", 3901, 3909),
        ("Hilversum", 1211, 1223),
        ("Gouda", 2801, 2809),
    ],
    "west": [
        ("Amsterdam", 1011, 1109),
        ("Almere", 1311, 1363),
        ("Haarlem", 2011, 2037),
        ("Alkmaar", 1811, 1827),
        ("Leiden", 2311, 2334),
        ("Den Haag", 2491, 2599),
        ("Delft", 2611, 2629),
        ("Rotterdam", 3011, 3089),
        ("Dordrecht", 3311, 3329),
    ],
    "zuid": [
        ("Eindhoven", 5611, 5658),
        ("Tilburg", 5011, 5049),
        ("Breda", 4811, 4839),
        ("'s-Hertogenbosch", 5211, 5248),
        ("Maastricht", 6211, 6229),
    ],
    "oost": [
        ("Nijmegen", 6511, 6546),
        ("Arnhem", 6811, 6846),
        ("Apeldoorn", 7311, 7339),
        ("Deventer", 7411, 7429),
        ("Enschede", 7511, 7548),
        ("Zwolle", 8011, 8043),
    ],
    "noord": [
        ("Groningen", 9711, 9747),
        ("Leeuwarden", 8911, 8939),
    ],
}
TOWNS = [(town, low, high, region) for region, ts in REGIONS.items() for town, low, high in ts]

SECTORS: dict[str, tuple[list[str], list[str]]] = {
    "groen": (
        ["Medewerker groen", "Hovenier", "Medewerker kwekerij"],
        ["planten verzorgen", "gras maaien", "onkruid wieden", "hagen snoeien"],
    ),
    "zorg": (
        ["Helpende zorg", "Medewerker activiteitenbegeleiding", "Gastvrouw zorg"],
        ["koffie rondbrengen", "bewoners begeleiden", "bedden opmaken", "maaltijden uitdelen"],
    ),
    "logistiek": (
        ["Orderpicker logistiek", "Medewerker magazijn", "Bezorger"],
        ["orders verzamelen", "pakketten inpakken", "voorraad tellen", "vrachtwagen lossen"],
    ),
    "horeca": (
        ["Medewerker horeca", "Afwasser", "Hulpkok"],
        ["afwassen", "tafels dekken", "groente snijden", "gasten bedienen"],
    ),
    "administratie": (
        ["Administratief medewerker", "Medewerker postkamer", "Gegevensinvoerder"],
        ["post sorteren", "gegevens invoeren", "dossiers archiveren", "facturen scannen"],
    ),
    "schoonmaak": (
        ["Schoonmaker", "Medewerker schoonmaak", "Interieurverzorger"],
        ["ramen lappen", "vloeren dweilen", "sanitair schoonmaken", "afval scheiden"],
    ),
    "techniek": (
        ["Assistent monteur", "Fietsenmaker", "Medewerker onderhoud techniek"],
        ["fietsen repareren", "onderdelen monteren", "machines onderhouden", "lampen vervangen"],
    ),
    "retail": (
        ["Vakkenvuller", "Winkelmedewerker retail", "Kassamedewerker"],
        ["vakken vullen", "klanten helpen", "afrekenen", "etiketten plakken"],
    ),
}
DAYS = ["ma", "di", "wo", "do", "vr", "za"]


class Command(BaseCommand):
    help = (
        "Maak synthetische (nep)gegevens voor het meten van de matching: werkgevers, "
        "locaties, taken, open functies en kandidaten met wensen, beschikbaarheid en een "
        "matchprofiel. Alleen voor ontwikkeling en metingen."
    )

    def add_arguments(self, parser):
        parser.add_argument("--jobs", type=int, default=1000, help="Aantal open functies.")
        parser.add_argument("--candidates", type=int, default=1000, help="Aantal kandidaten.")
        parser.add_argument("--seed", type=int, default=1, help="Startwaarde voor het toeval.")
        parser.add_argument(
            "--clear",
            action="store_true",
            help="Eerst alle eerder gemaakte synthetische gegevens verwijderen.",
        )
        parser.add_argument(
            "--force", action="store_true", help="Ook uitvoeren als DEBUG uit staat."
        )

    def handle(self, *args, **options):
        if not settings.DEBUG and not options["force"]:
            raise CommandError(
                "Geweigerd: DEBUG staat uit, dit lijkt geen ontwikkelomgeving. Synthetische "
                "gegevens horen niet in een echte database. Gebruik --force als je dit echt "
                "wilt (bijvoorbeeld voor een meting)."
            )
        if options["jobs"] < 0 or options["candidates"] < 0:
            raise CommandError("--jobs en --candidates mogen niet negatief zijn.")
        start = time.perf_counter()
        rng = random.Random(options["seed"])
        with transaction.atomic():
            if options["clear"]:
                removed = clear()
                self.stdout.write(
                    "Verwijderd: {werkgevers} synthetische werkgevers (met hun functies) en "
                    "{kandidaten} synthetische kandidaten.".format(**removed)
                )
            counts = generate_jobs(rng, options["jobs"])
            counts.update(generate_candidates(rng, options["candidates"]))
        elapsed = time.perf_counter() - start
        self.stdout.write(
            self.style.SUCCESS(
                "Gemaakt: {werkgevers} werkgevers, {locaties} locaties, {taken} taken, "
                "{functies} open functies, {kandidaten} kandidaten "
                "({instrumentversies} instrumentversies, {matchprofielen} matchprofielen) "
                "in {seconds:.1f} s.".format(**counts, seconds=elapsed)
            )
        )


def clear() -> dict[str, int]:
    organisations = Organisation.objects.filter(
        name__startswith=EMPLOYER_PREFIX, kind=Organisation.Kind.WERKGEVER
    )
    kandidaten = Kandidaat.objects.filter(
        first_name=CANDIDATE_FIRST_NAME, email__endswith=CANDIDATE_DOMAIN
    )
    removed = {"werkgevers": organisations.count(), "kandidaten": kandidaten.count()}
    try:
        Functie.objects.filter(werkgever__organisation__in=organisations).delete()
        organisations.delete()
        kandidaten.delete()
    except ProtectedError as error:
        raise CommandError(
            "De synthetische gegevens konden niet worden verwijderd, omdat andere gegevens "
            f"ernaar verwijzen (bijvoorbeeld een matchgesprek of traject). ({error.args[0]})"
        ) from error
    return removed


def _next_number(names) -> int:
    numbers = [int(n.rsplit(" ", 1)[-1]) for n in names if n.rsplit(" ", 1)[-1].isdigit()]
    return max(numbers, default=0) + 1


def _demands(rng: random.Random) -> dict[str, int]:
    areas = rng.sample(AREAS, rng.randint(3, 7))
    return {area: rng.choices([1, 2, 3, 4], weights=[3, 4, 3, 1])[0] for area in areas}


def _days(rng: random.Random, low: int, high: int) -> list[str]:
    chosen = set(rng.sample(DAYS, rng.randint(low, high)))
    return [d for d in DAYS if d in chosen]


def generate_jobs(rng: random.Random, n_jobs: int) -> dict[str, int]:
    """Employers (one per ~10 jobs) with 1-2 locations and 3 tasks each, and open jobs:
    about half composed from tasks (maatwerk), half regular vacancies."""
    n_employers = -(-n_jobs // JOBS_PER_EMPLOYER) if n_jobs else 0
    first = _next_number(
        Organisation.objects.filter(name__startswith=EMPLOYER_PREFIX).values_list("name", flat=True)
    )
    organisations = Organisation.objects.bulk_create(
        [
            Organisation(
                name=f"{EMPLOYER_PREFIX}{first + i}",
                kind=Organisation.Kind.WERKGEVER,
                city=rng.choice(TOWNS)[0],
            )
            for i in range(n_employers)
        ],
        batch_size=BATCH,
    )
    sectors = list(SECTORS)
    werkgevers = Werkgever.objects.bulk_create(
        [
            Werkgever(
                organisation=o,
                sector=rng.choice(sectors),
                grootte=rng.choice(list(Werkgever.Grootte.values)),
                description="Synthetische werkgever voor metingen; bestaat niet.",
            )
            for o in organisations
        ],
        batch_size=BATCH,
    )
    locaties: list[Locatie] = []
    taken: list[Taak] = []
    for w in werkgevers:
        home = next(t for t in TOWNS if t[0] == w.organisation.city)
        towns = [home]
        if rng.random() < 0.4:
            towns.append(rng.choice([t for t in TOWNS if t[3] == home[3]]))
        for town, low, high, _region in towns:
            locaties.append(
                Locatie(
                    werkgever=w,
                    name=f"Vestiging {town}",
                    address=f"Nepstraat {rng.randint(1, 200)}",
                    postcode=f"{rng.randint(low, high)} {rng.choice('ABCDEFGHJKLMNPRSTVWXZ')}"
                    f"{rng.choice('ABCDEFGHJKLMNPRSTVWXZ')}",
                    city=town,
                )
            )
        for name in rng.sample(SECTORS[w.sector][1], 3):
            taken.append(
                Taak(
                    werkgever=w,
                    name=name.capitalize(),
                    hours_per_week=Decimal(rng.randint(2, 12)),
                    demands=_demands(rng),
                    quiet_place=rng.random() < 0.4,
                    fixed_hours=rng.random() < 0.6,
                )
            )
    locaties = Locatie.objects.bulk_create(locaties, batch_size=BATCH)
    taken = Taak.objects.bulk_create(taken, batch_size=BATCH)
    locaties_by = _group(locaties)
    taken_by = _group(taken)

    functies: list[Functie] = []
    chosen_tasks: list[list[Taak]] = []
    for i in range(n_jobs):
        w = werkgevers[i % n_employers]
        titles, _tasks = SECTORS[w.sector]
        title = rng.choice(titles)
        days = _days(rng, 1, 5)
        if rng.random() < 0.5:
            tasks = rng.sample(taken_by[w.pk], rng.randint(1, 3))
            demands: dict[str, int] = {}
            for t in tasks:
                for area, value in t.demands.items():
                    demands[area] = max(demands.get(area, 0), value)
            hours = min(32, max(4, sum(int(t.hours_per_week) for t in tasks)))
            functie = Functie(
                soort=Functie.Soort.MAATWERK,
                demands=demands,
                hours_per_week=Decimal(hours),
                quiet_place=all(t.quiet_place for t in tasks),
                fixed_hours=all(t.fixed_hours for t in tasks),
            )
        else:
            tasks = []
            functie = Functie(
                soort=Functie.Soort.VACATURE,
                demands=_demands(rng),
                hours_per_week=Decimal(rng.randint(4, 32)),
                quiet_place=rng.random() < 0.3,
                fixed_hours=rng.random() < 0.5,
            )
        functie.werkgever = w
        functie.locatie = rng.choice(locaties_by[w.pk])
        functie.title = title
        functie.description = (
            f"Synthetische functie in de sector {w.sector}. "
            f"Werkdagen: {', '.join(days)}. Bestaat niet."
        )
        functie.days = days
        functie.open = True
        functies.append(functie)
        chosen_tasks.append(tasks)
    functies = Functie.objects.bulk_create(functies, batch_size=BATCH)
    through = Functie.taken.through
    links = [
        through(functie_id=f.pk, taak_id=t.pk)
        for f, tasks in zip(functies, chosen_tasks, strict=True)
        for t in tasks
    ]
    through.objects.bulk_create(links, batch_size=BATCH)
    return {
        "werkgevers": len(werkgevers),
        "locaties": len(locaties),
        "taken": len(taken),
        "functies": len(functies),
    }


def _group(objects) -> dict[int, list]:
    grouped: dict[int, list] = {}
    for o in objects:
        grouped.setdefault(o.werkgever_id, []).append(o)
    return grouped


def _wensen(rng: random.Random) -> dict:
    sectors = rng.sample(list(SECTORS), rng.randint(1, 2))
    titles, tasks = SECTORS[sectors[0]]
    liked = rng.sample(tasks, 2)
    data = {
        "werk_wens": f"Ik zou graag werken als {rng.choice(titles).lower()}.",
        "sectoren": ", ".join(sectors),
        "taken_graag": f"{liked[0].capitalize()} en {liked[1]}.",
        "belangrijk": rng.choice(["Rust", "Leuke collega's", "Buiten zijn", "Iets betekenen"]),
    }
    # most areas filled in, some left open ("nog niet ingevuld")
    for area in rng.sample(AREAS, rng.randint(len(AREAS) - 6, len(AREAS))):
        data[f"cap_{area}"] = str(rng.choices([1, 2, 3, 4], weights=[1, 3, 4, 3])[0])
    return data


def _beschikbaarheid(rng: random.Random) -> dict:
    start = rng.randint(4, 24)
    goal = min(40, start + rng.choice([0, 4, 8, 12]))
    return {
        "eigen_inschatting": goal,
        "uren_start": start,
        "uren_doel": goal,
        "dagen": _days(rng, 2, 5),
        "motivatie": "Synthetische kandidaat voor metingen.",
    }


def generate_candidates(rng: random.Random, n: int) -> dict[str, int]:
    """Candidates who agreed to be matched, each with a travel area of their home town and
    0-2 towns nearby (sometimes a postcode); 90% filled in their wishes, 95% their
    availability."""
    first = _next_number(
        Kandidaat.objects.filter(
            first_name=CANDIDATE_FIRST_NAME, email__endswith=CANDIDATE_DOMAIN
        ).values_list("last_name", flat=True)
    )
    homes = [rng.choice(TOWNS) for _ in range(n)]
    kandidaten = Kandidaat.objects.bulk_create(
        [
            Kandidaat(
                first_name=CANDIDATE_FIRST_NAME,
                last_name=f"Kandidaat {first + i}",
                email=f"kandidaat-{first + i}{CANDIDATE_DOMAIN}",
                city=home[0],
            )
            for i, home in enumerate(homes)
        ],
        batch_size=BATCH,
    )
    versies: list[InstrumentVersie] = []
    profielen: list[Matchprofiel] = []
    now = timezone.now()
    for k, home in zip(kandidaten, homes, strict=True):
        if rng.random() < 0.9:
            versies.append(
                InstrumentVersie(kandidaat=k, kind="wensen", number=1, data=_wensen(rng))
            )
        if rng.random() < 0.95:
            versies.append(
                InstrumentVersie(
                    kandidaat=k, kind="beschikbaarheid", number=1, data=_beschikbaarheid(rng)
                )
            )
        nearby = [t for t in TOWNS if t[3] == home[3] and t[0] != home[0]]
        area = [home[0], *(t[0] for t in rng.sample(nearby, min(len(nearby), rng.randint(0, 2))))]
        if rng.random() < 0.3:
            area.append(str(rng.randint(home[1], home[2])))
        profielen.append(
            Matchprofiel(kandidaat=k, akkoord=True, akkoord_op=now, reisgebied=", ".join(area))
        )
    InstrumentVersie.objects.bulk_create(versies, batch_size=BATCH)
    Matchprofiel.objects.bulk_create(profielen, batch_size=BATCH)
    return {
        "kandidaten": len(kandidaten),
        "instrumentversies": len(versies),
        "matchprofielen": len(profielen),
    }
