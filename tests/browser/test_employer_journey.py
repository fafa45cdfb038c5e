"""The employer side of the route in headless Chromium: the coach inventories tasks at an
employer, composes a custom job from them, finds the candidate in its suggestions, records the
matching conversation and starts a placement with a buddy and a build-up of hours; the
leidinggevende then sees the placement, but not what the candidate did not share."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from tests.factories import KandidaatFactory, OrganisationFactory, TrajectFactory, UserFactory
from werkpad.accounts.models import User
from werkpad.employers.models import Contactpersoon, Functie, Locatie, Werkgever
from werkpad.instruments.models import InstrumentVersie
from werkpad.matching.models import Matchgesprek, Matchprofiel
from werkpad.placements.models import Plaatsing
from werkpad.route.models import Phase

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

EMPLOYER = "Kwekerij De Groene Vlinder"
CANDIDATE = "Sem de Wit"
JOB = "Medewerker kas en tuin"
ONBOARDING = "Lotte staat om negen uur klaar bij de kas en loopt de eerste ronde mee"
DROPOUT = "Lotte belt de jobcoach nog dezelfde dag als Sem niet komt opdagen"
FINANCIEN_MARKER = "ZQX-schulden-niet-delen"
TASKS = [
    # name, hours as typed, {area label: value}
    ("Planten water geven", "4", {"Fysieke belasting": "2", "Concentratie": "1"}),
    ("Stekken verzorgen", "6", {"Concentratie": "2", "Zelfstandig werken": "2"}),
    ("Bestellingen inpakken", "2,5", {"Werktempo": "2"}),
]


def field(label: str) -> re.Pattern:
    """A form label exactly, with or without Django's label suffix ("Naam:")."""
    return re.compile(rf"^{re.escape(label)}:?$")


def fresh_page(new_context) -> Page:
    """A page in a browser context of its own (its own cookies), closed after the test."""
    page = new_context().new_page()
    page.set_default_timeout(10_000)
    return page


def make_scene(coach):
    """A werkgever with a location, a leidinggevende with an account and a buddy without, and
    a candidate in the coach's caseload (phase Matching) whose wishes fit green work."""
    organisation = OrganisationFactory(name=EMPLOYER, kind="werkgever", city="Houten")
    werkgever = Werkgever.objects.create(organisation=organisation, sector="groen", grootte="klein")
    werkgever.add_route_milestones()
    Locatie.objects.create(
        werkgever=werkgever, name="Kas Houten", postcode="3991 AB", city="Houten"
    )
    lg_user = UserFactory(
        role=User.Role.LEIDINGGEVENDE,
        organisation=organisation,
        first_name="Lotte",
        last_name="Leiding",
    )
    Contactpersoon.objects.create(
        werkgever=werkgever,
        rol=Contactpersoon.Rol.LEIDINGGEVENDE,
        name="Lotte Leiding",
        email=lg_user.email,
        phone="06 11223344",
        user=lg_user,
    )
    Contactpersoon.objects.create(
        werkgever=werkgever,
        rol=Contactpersoon.Rol.BUDDY,
        name="Bram Buddy",
        email="bram@example.nl",
        phone="06 55667788",
    )

    kandidaat = KandidaatFactory(first_name="Sem", last_name="de Wit", city="Utrecht")
    traject = TrajectFactory(coach=coach, kandidaat=kandidaat)
    traject.move_to(Phase.MATCHING, coach)
    InstrumentVersie.objects.create(
        kandidaat=kandidaat,
        kind="wensen",
        number=1,
        data={
            "werk_wens": "planten verzorgen in het groen",
            "sectoren": "groen",
            "cap_fysieke_belasting": "3",
            "cap_concentratie": "3",
            "cap_zelfstandig_werken": "3",
            "cap_werktempo": "2",
        },
    )
    InstrumentVersie.objects.create(
        kandidaat=kandidaat,
        kind="beschikbaarheid",
        number=1,
        data={"uren_start": 8, "uren_doel": 20},
    )
    InstrumentVersie.objects.create(
        kandidaat=kandidaat, kind="financien", number=1, data={"gevolgen": FINANCIEN_MARKER}
    )
    Matchprofiel.objects.create(kandidaat=kandidaat, akkoord=True, reisgebied="Utrecht, Houten")
    return werkgever, traject, lg_user


def test_coach_builds_a_job_matches_and_places_and_the_leidinggevende_sees_it(
    page: Page, live_server, login, coach, new_context
):
    _werkgever, traject, lg_user = make_scene(coach)
    kandidaat = traject.kandidaat
    today = timezone.localdate()
    talked_on = today - datetime.timedelta(days=3)

    # --- 1. the coach inventories three tasks at the employer
    login(page, coach)
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Werkgevers").click()
    expect(page.get_by_role("heading", name="Werkgevers", level=1)).to_be_visible()
    page.get_by_role("link", name=EMPLOYER).click()
    expect(page.get_by_role("heading", name=EMPLOYER, level=1)).to_be_visible()
    employer_url = page.url

    for name, hours, demands in TASKS:
        page.get_by_role("link", name="Taak toevoegen").click()
        expect(page.get_by_role("heading", name="Taak toevoegen", level=1)).to_be_visible()
        page.get_by_label(field("Taak")).fill(name)
        page.get_by_label(field("Uren per week")).fill(hours)
        for area, value in demands.items():
            page.get_by_label(field(area)).select_option(value)
        page.get_by_label(field("Vaste tijden mogelijk")).check()
        page.get_by_role("button", name="Opslaan").click()
        expect(page.get_by_text(f"Taak {name} opgeslagen.")).to_be_visible()
        assert page.url == employer_url
    tasks_table = page.locator("#taken-tabel")
    for name, hours, _demands in TASKS:
        row = tasks_table.get_by_role("row").filter(has_text=name)
        expect(row).to_have_count(1)
        expect(row.get_by_role("cell").nth(1)).to_have_text(hours)
    expect(
        tasks_table.get_by_role("row")
        .filter(has_text="Planten water geven")
        .get_by_text("Fysieke belasting")
    ).to_be_visible()

    # ... and composes a custom job from them
    page.get_by_role("link", name="Maatwerkfunctie samenstellen").click()
    expect(
        page.get_by_role("heading", name="Maatwerkfunctie samenstellen", level=1)
    ).to_be_visible()
    page.get_by_label(field("Functienaam")).fill(JOB)
    page.get_by_label(field("Locatie")).select_option(label="Kas Houten (Houten)")
    page.get_by_label(field("Omschrijving")).fill("Afwisselend werk in en rond de kassen.")
    taken = page.get_by_role("group", name=field("Taken"))
    taken.get_by_label("Planten water geven (4 uur per week)").check()
    taken.get_by_label("Stekken verzorgen (6 uur per week)").check()
    taken.get_by_label("Bestellingen inpakken (2,5 uur per week)").check()
    page.get_by_role("button", name="Opslaan").click()

    expect(page.get_by_text(f"Functie {JOB} opgeslagen.")).to_be_visible()
    expect(page.get_by_role("heading", name=JOB, level=1)).to_be_visible()
    hours = page.locator("dl.answers dt:text-is('Uren per week') + dd")
    expect(hours).to_have_text("12,5")  # 4 + 6 + 2,5
    expect(page.locator("#functie-taken tbody tr")).to_have_count(3)
    functie = Functie.objects.get(title=JOB)
    assert functie.soort == Functie.Soort.MAATWERK
    assert float(functie.hours_per_week) == 12.5
    assert functie.fixed_hours

    # --- 2. the candidate is among the suggestions, with a score and reasons
    page.get_by_role("link", name="Passende kandidaten").click()
    expect(page.get_by_role("heading", name="Passende kandidaten", level=1)).to_be_visible()
    suggestion = page.locator("#suggestions > li").filter(
        has=page.get_by_role("heading", name=re.compile(CANDIDATE))
    )
    expect(suggestion).to_have_count(1)
    expect(suggestion.get_by_role("heading")).to_contain_text(re.compile(r"\d+%"))
    reasons = suggestion.locator("ul.reasons li.fits")
    expect(reasons.filter(has_text=re.compile(r"past bij wens: .*groen"))).to_have_count(1)
    expect(reasons.filter(has_text="12,5 uur per week past")).to_have_count(1)
    expect(reasons.filter(has_text="ligt in je reisgebied (Houten)")).to_have_count(1)

    # --- 3. the matching conversation
    suggestion.get_by_role("link", name="Matchgesprek vastleggen").click()
    expect(page.get_by_role("heading", name=re.compile(r"^Matchgesprek: "))).to_contain_text(
        CANDIDATE
    )
    page.get_by_label(field("Datum gesprek")).fill(talked_on.isoformat())
    topics = page.get_by_role("group", name=field("Besproken onderwerpen"))
    topics.get_by_label("Wat de kandidaat wil en graag doet").check()
    topics.get_by_label("Uren en opbouw: laag beginnen, stap voor stap meer").check()
    topics.get_by_label("Begeleiding: leidinggevende, buddy, jobcoach").check()
    page.get_by_label(field("Randvoorwaarden van de kandidaat")).fill(
        "Vaste ochtenden, niet in het weekend"
    )
    page.get_by_label(field("Randvoorwaarden van de werkgever")).fill(
        "Een vaste buddy in de kas; instructie stap voor stap"
    )
    page.get_by_label(field("Afgesproken aanpak")).fill("Start met 8 uur, elke week iets meer")
    page.get_by_label(field("Uitkomst")).select_option(label="Match gemaakt")
    page.get_by_role("button", name="Vastleggen").click()
    expect(page.get_by_text("Het matchgesprek is vastgelegd.")).to_be_visible()
    gesprek = Matchgesprek.objects.get(kandidaat=kandidaat, functie=functie)
    assert gesprek.uitkomst == Matchgesprek.Uitkomst.MATCH
    assert gesprek.date == talked_on
    assert set(gesprek.onderwerpen) == {"wensen", "uren_opbouw", "begeleiding"}

    # --- 4. from the conversation page to a placement
    # after a match the coach stays on the conversation page, which offers the placement
    expect(page.get_by_text("Je kunt nu de plaatsing maken.")).to_be_visible()
    earlier = page.locator("ul.history > li").filter(has_text="Match gemaakt")
    expect(earlier).to_have_count(1)
    expect(earlier).to_contain_text("Start met 8 uur")
    earlier.get_by_role("link", name="Plaatsing maken").click()
    expect(page.get_by_role("heading", name=re.compile(r"^Plaatsing maken: "))).to_contain_text(
        CANDIDATE
    )
    page.get_by_label(field("Startdatum")).fill(today.isoformat())
    page.get_by_label(field("Soort plaatsing")).select_option(label="Proefplaatsing")
    page.get_by_label(field("Uren per week (doel)")).fill("20")
    page.get_by_label(field("Leidinggevende")).select_option(label="Lotte Leiding")
    page.get_by_label(field("Buddy")).select_option(label="Bram Buddy")
    page.get_by_label(field("Structuur")).fill("Elke ochtend om negen uur de dag doornemen")
    page.get_by_label(field("Welkom")).fill("Koffie met het team in de kantine")
    page.get_by_label(field("De eerste dag")).fill(ONBOARDING)
    page.get_by_label(field("De eerste weken")).fill("Elke vrijdag kort bijpraten")
    page.get_by_label(field("Wie let op welke signalen?")).fill(
        "Lotte merkt het als Sem stiller wordt"
    )
    page.get_by_label(field("Wie belt wie?")).fill(DROPOUT)
    page.get_by_label(field("Wat doet de werkgever bij verzuim?")).fill(
        "Ziekmelden bij Lotte; de jobcoach houdt contact"
    )
    page.get_by_label(field("Contact houden tijdens uitval")).fill("Elke week een kort belletje")
    buddy = page.get_by_role("group", name=field("Voorbereiding van de buddy"))
    buddy.get_by_label("De buddy heeft zelf ja gezegd tegen deze rol").check()
    page.get_by_role("button", name="Plaatsing vastleggen").click()

    expect(
        page.get_by_text(f"De plaatsing is vastgelegd. Fijn dat {CANDIDATE} kan beginnen!")
    ).to_be_visible()
    expect(page.get_by_role("heading", name=f"Plaatsing: {CANDIDATE}", level=1)).to_be_visible()
    facts = page.locator("#plaatsing-gegevens")
    expect(facts).to_contain_text("Lotte Leiding")
    expect(facts).to_contain_text("Bram Buddy")
    expect(facts).to_contain_text("Kas Houten")
    expect(page.locator("#inwerkplan")).to_contain_text(ONBOARDING)
    expect(page.locator("#uitvalplan")).to_contain_text(DROPOUT)
    expect(page.locator("#buddy-checklist")).to_contain_text(
        "Geregeld: De buddy heeft zelf ja gezegd tegen deze rol"
    )
    plaatsing = Plaatsing.objects.get(traject=traject)
    placement_url = f"{live_server.url}/plaatsingen/{plaatsing.pk}/"
    assert page.url == placement_url
    assert plaatsing.start_date == today and float(plaatsing.contract_uren) == 20

    # the traject is now in phase Plaatsing
    page.get_by_role("link", name=f"Terug naar het traject van {CANDIDATE}").click()
    expect(page.get_by_role("heading", name=CANDIDATE, level=1)).to_be_visible()
    expect(page.locator("#current-phase")).to_have_text("Plaatsing")
    traject.refresh_from_db()
    assert traject.phase == Phase.PLAATSING
    page.locator("#plaatsingen").get_by_role("link", name=re.compile(re.escape(JOB))).click()
    expect(page.get_by_role("heading", name=f"Plaatsing: {CANDIDATE}", level=1)).to_be_visible()

    # --- 5. the build-up of hours: 8, 12, 16, 20 over four weeks (three empty rows at a time)
    weeks = [today + datetime.timedelta(weeks=i) for i in range(4)]
    planned = ["8", "12", "16", "20"]
    page.get_by_role("link", name="Opbouw plannen", exact=True).click()
    expect(page.get_by_role("heading", name="Opbouw van de uren", level=1)).to_be_visible()
    for i in range(3):
        page.locator(f"#id_stap-{i}-week_start").fill(weeks[i].isoformat())
        page.locator(f"#id_stap-{i}-planned_hours").fill(planned[i])
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("De opbouw van de uren is opgeslagen.")).to_be_visible()
    page.get_by_role("link", name="Opbouw plannen", exact=True).click()
    expect(page.locator("#id_stap-0-planned_hours")).to_have_value(re.compile(r"^8(\.0)?$"))
    page.locator("#id_stap-3-week_start").fill(weeks[3].isoformat())
    page.locator("#id_stap-3-planned_hours").fill(planned[3])
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("De opbouw van de uren is opgeslagen.")).to_be_visible()

    expect(page.locator("#opbouw-grafiek svg")).to_be_visible()
    rows = page.locator("#opbouw-tabel tbody tr")
    expect(rows).to_have_count(4)
    expect(rows.locator("td:nth-of-type(1)")).to_have_text(planned)
    expect(rows.first).to_contain_text("nog niet ingevuld")
    assert [float(s.planned_hours) for s in plaatsing.opbouw.all()] == [8, 12, 16, 20]
    assert [s.week_start for s in plaatsing.opbouw.all()] == weeks

    # --- 6. the leidinggevende, in a browser of their own
    manager = fresh_page(new_context)
    login(manager, lg_user)
    manager.get_by_role("navigation", name="Hoofdmenu").get_by_role(
        "link", name="Plaatsingen"
    ).click()
    expect(manager.get_by_role("heading", name="Mijn plaatsingen", level=1)).to_be_visible()
    listed = manager.locator("#plaatsingen tbody tr")
    expect(listed).to_have_count(1)
    expect(listed).to_contain_text(JOB)
    expect(listed).to_contain_text("Lotte Leiding")
    listed.get_by_role("link", name=CANDIDATE).click()
    expect(manager.get_by_role("heading", name=f"Plaatsing: {CANDIDATE}", level=1)).to_be_visible()
    assert manager.url == placement_url
    expect(manager.locator("#inwerkplan")).to_contain_text(ONBOARDING)
    expect(manager.locator("#uitvalplan")).to_contain_text(DROPOUT)
    expect(manager.locator("#opbouw-tabel tbody tr")).to_have_count(4)
    expect(manager.get_by_role("link", name="Opbouw plannen")).to_have_count(0)
    expect(manager.get_by_role("link", name="Plannen bijwerken")).to_have_count(0)
    expect(manager.get_by_text(FINANCIEN_MARKER)).to_have_count(0)

    # the candidate shared nothing: the financial instrument stays closed
    response = manager.goto(f"{live_server.url}/kandidaten/{kandidaat.pk}/instrumenten/financien/")
    assert response is not None and response.status == 403
    expect(manager.get_by_role("heading", name="Niet gedeeld", level=1)).to_be_visible()
    expect(manager.get_by_text(FINANCIEN_MARKER)).to_have_count(0)
