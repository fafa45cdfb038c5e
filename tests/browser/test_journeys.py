"""End-to-end journeys in headless Chromium: the coach, the regiehouder and the candidate use
the real pages, forms and HTMX buttons."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from tests.factories import KandidaatFactory, TrajectFactory, UserFactory
from werkpad.route.models import Party, Phase
from werkpad.trajects.models import Afspraak, Traject

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def field(label: str) -> re.Pattern:
    """A form label exactly, with or without Django's label suffix ("Naam:")."""
    return re.compile(rf"^{re.escape(label)}:?$")


def open_milestone_row(page: Page, title: str):
    """The row of the 'Nog open' table whose milestone link is `title`."""
    return page.get_by_role("row").filter(has=page.get_by_role("link", name=title, exact=True))


def test_coach_registers_candidate_and_works_the_traject(page: Page, live_server, login, coach):
    login(page, coach)
    page.get_by_role("link", name="Kandidaat aanmelden").first.click()
    expect(
        page.get_by_role("heading", name="Kandidaat aanmelden en traject openen")
    ).to_be_visible()

    page.get_by_label("Voornaam").fill("Noor")
    page.get_by_label("Achternaam").fill("Visser")
    page.get_by_label("E-mailadres").fill("noor.visser@example.nl")
    page.get_by_label("Telefoon").fill("06 12345678")
    page.get_by_label("Methode").select_option(label="IPS (Individuele Plaatsing en Steun)")
    page.get_by_label("Aangemeld via").select_option(label="Aanvraag vanuit de GGZ (behandelaar)")
    page.get_by_role("button", name="Traject openen").click()

    # the traject page
    expect(page.get_by_role("heading", name="Noor Visser", level=1)).to_be_visible()
    expect(page.get_by_text("Het traject van Noor Visser is geopend.")).to_be_visible()
    phase = page.locator("#current-phase")
    expect(phase).to_have_text("Voortraject")
    traject = Traject.objects.get(kandidaat__first_name="Noor", kandidaat__last_name="Visser")
    assert re.search(rf"/trajecten/{traject.pk}/$", page.url)

    # a werkgever contact without an account
    page.get_by_role("link", name="Betrokkene toevoegen").click()
    expect(page.get_by_role("heading", name="Betrokkene toevoegen")).to_be_visible()
    page.get_by_label("Partij").select_option(label="Werkgever")
    page.get_by_label(field("Naam")).fill("Sanne Bakker")
    page.get_by_label(field("Rol")).fill("HR-adviseur")
    page.get_by_role("button", name="Toevoegen").click()
    expect(page.get_by_text("Betrokkene toegevoegd.")).to_be_visible()
    werkgever = page.get_by_role("definition").filter(has_text="Sanne Bakker")
    expect(werkgever).to_be_visible()
    expect(werkgever).to_contain_text("geen account")
    expect(page.get_by_role("term").filter(has_text=re.compile(r"^Werkgever$"))).to_be_visible()

    # tick a milestone of the current phase "Klaar": HTMX swaps the row, no page load
    expect(page.get_by_role("heading", name="Nog open in fase Voortraject")).to_be_visible()
    milestone = (
        traject.milestones.filter(route_milestone__phase=Phase.VOORTRAJECT)
        .order_by("route_milestone__position")
        .first()
    )
    title = milestone.route_milestone.title
    row = open_milestone_row(page, title)
    expect(row).to_have_count(1)
    expect(row).to_contain_text("Open")
    page.evaluate("window.__noReload = true")
    with page.expect_response(lambda r: "/status/" in r.url and r.request.method == "POST"):
        row.get_by_role("button", name="Klaar").click()
    # the status label now reads "Klaar" (the "Klaar" button is gone, "Heropenen" came)
    expect(row.get_by_text("Klaar", exact=True)).to_have_count(1)
    expect(row.get_by_role("button", name="Heropenen")).to_be_visible()
    expect(row.get_by_role("button", name="Klaar")).to_have_count(0)
    assert page.evaluate("window.__noReload") is True  # the page itself was not reloaded
    milestone.refresh_from_db()
    assert milestone.status == "klaar"
    page.reload()
    expect(page.get_by_role("heading", name="Nog open in fase Voortraject")).to_be_visible()
    expect(open_milestone_row(page, title)).to_have_count(0)

    # an agreement with the werkgever contact
    due = timezone.localdate() + datetime.timedelta(days=14)
    page.get_by_role("link", name="Afspraak vastleggen").click()
    expect(page.get_by_role("heading", name="Afspraak vastleggen")).to_be_visible()
    page.get_by_label(field("Wat")).fill("Kennismakingsgesprek op de werkvloer plannen")
    page.get_by_label(field("Wie")).select_option(label="Sanne Bakker")
    page.get_by_label("Uiterlijk op").fill(due.isoformat())
    page.get_by_role("button", name="Opslaan").click()
    expect(page.get_by_text("Afspraak vastgelegd.")).to_be_visible()
    afspraak = page.get_by_role("row").filter(
        has_text="Kennismakingsgesprek op de werkvloer plannen"
    )
    expect(afspraak).to_have_count(1)
    expect(afspraak).to_contain_text("Sanne Bakker")
    expect(afspraak).to_contain_text("Open")
    expect(afspraak).not_to_contain_text("verlopen")

    # on to Matching
    page.get_by_role("link", name="Fase wijzigen").click()
    expect(page.get_by_role("heading", name="Fase wijzigen")).to_be_visible()
    page.get_by_label("Naar fase").select_option(label="Matching")
    page.get_by_role("button", name="Fase wijzigen").click()
    expect(page.get_by_text("Het traject staat nu in de fase Matching.")).to_be_visible()
    expect(phase).to_have_text("Matching")
    expect(page.get_by_role("heading", name="Fasegeschiedenis")).to_be_visible()
    expect(page.get_by_role("listitem").filter(has_text="Voortraject → Matching")).to_be_visible()
    expect(page.get_by_role("heading", name="Nog open in fase Matching")).to_be_visible()
    traject.refresh_from_db()
    assert traject.phase == Phase.MATCHING


def test_registration_error_keeps_what_was_typed(page: Page, live_server, login, coach):
    login(page, coach)
    page.get_by_role("link", name="Kandidaat aanmelden").first.click()
    page.get_by_label("Voornaam").fill("Daan")
    page.get_by_label("E-mailadres").fill("daan@example.nl")
    page.get_by_label("Methode").select_option(label="IPS (Individuele Plaatsing en Steun)")
    page.get_by_label("Aangemeld via").select_option(label="Aanvraag vanuit de GGZ (behandelaar)")
    page.get_by_role("button", name="Traject openen").click()

    expect(page.get_by_role("alert").filter(has_text="Er klopt iets niet")).to_be_visible()
    achternaam = page.get_by_label("Achternaam")
    expect(achternaam).to_have_attribute("aria-invalid", "true")
    expect(achternaam).to_have_accessible_description(re.compile("Dit veld is verplicht."))
    expect(achternaam).to_have_value("")
    expect(page.get_by_label("Voornaam")).to_have_value("Daan")
    expect(page.get_by_label("E-mailadres")).to_have_value("daan@example.nl")
    expect(
        page.get_by_role("heading", name="Kandidaat aanmelden en traject openen")
    ).to_be_visible()
    assert not Traject.objects.filter(kandidaat__first_name="Daan").exists()


def test_regiehouder_sees_overdue_agreement(page: Page, live_server, login, coach):
    regie = UserFactory(role="regiehouder", first_name="Rik", last_name="Regie")
    traject = TrajectFactory(coach=coach, kandidaat=KandidaatFactory(first_name="Lotte"))
    regie_b = traject.add_betrokkene(Party.REGIEHOUDER, by=coach, user=regie)
    Afspraak.objects.create(
        traject=traject,
        what="Uitkomst gesprek UWV doorgeven",
        who=regie_b,
        due_date=timezone.localdate() - datetime.timedelta(days=10),
    )

    login(page, regie)
    # a regiehouder starts on the overview; the menu leads there too
    expect(page.get_by_role("heading", name="Regie-overzicht", level=1)).to_be_visible()
    page.get_by_role("navigation").get_by_role("link", name="Regie-overzicht").click()
    expect(page.get_by_role("heading", name="Regie-overzicht", level=1)).to_be_visible()
    assert page.url.endswith("/regie/")

    section = page.locator("section").filter(
        has=page.get_by_role("heading", name="Verlopen afspraken")
    )
    overdue = section.get_by_role("row").filter(has_text="Uitkomst gesprek UWV doorgeven")
    expect(overdue).to_have_count(1)
    expect(overdue).to_contain_text(str(traject.kandidaat))
    expect(overdue).to_contain_text("Rik Regie")
    expect(section.get_by_text("Geen verlopen afspraken.")).to_have_count(0)

    # the candidate's name leads to the traject
    overdue.get_by_role("link", name=str(traject.kandidaat)).click()
    expect(page.get_by_role("heading", name=str(traject.kandidaat), level=1)).to_be_visible()


def test_candidate_sees_only_their_own_traject(page: Page, live_server, login, coach):
    account = UserFactory(role="kandidaat")
    own = TrajectFactory(
        coach=coach,
        kandidaat=KandidaatFactory(user=account, first_name="Mila", last_name="de Jong"),
    )
    other = TrajectFactory(
        coach=coach, kandidaat=KandidaatFactory(first_name="Bram", last_name="Peters")
    )

    login(page, account)
    # the candidate starts on their own portal page, in plain words
    expect(page.get_by_role("heading", name="Hoi Mila", level=1)).to_be_visible()
    expect(page.locator(".where .phase")).to_have_text("Voortraject")
    page.get_by_role("link", name="Alles over mijn traject").click()
    expect(page.get_by_role("heading", name="Mila de Jong", level=1)).to_be_visible()
    expect(page.locator("#current-phase")).to_have_text("Voortraject")
    assert page.url.endswith(f"/trajecten/{own.pk}/")
    expect(page.get_by_text("Bram Peters")).to_have_count(0)

    response = page.goto(f"{live_server.url}/trajecten/{other.pk}/")
    assert response is not None and response.status == 404
    expect(page.get_by_role("heading", name="Deze pagina bestaat niet")).to_be_visible()
    expect(page.get_by_text("Bram Peters")).to_have_count(0)


def test_traject_page_fits_a_phone(page: Page, live_server, login, coach, traject):
    werkgever = traject.add_betrokkene(
        Party.WERKGEVER,
        by=coach,
        name="Bakkerij De Korenschoof, afdeling personeelszaken",
        role="HR-adviseur",
        email="personeelszaken.korenschoof@example.nl",
        phone="+31 6 12345678",
    )
    Afspraak.objects.create(
        traject=traject,
        what="Proefplaatsing van twee weken bespreken met de leidinggevende",
        who=werkgever,
        due_date=timezone.localdate() + datetime.timedelta(days=7),
    )
    page.set_viewport_size({"width": 375, "height": 740})
    login(page, coach)
    page.goto(f"{live_server.url}/trajecten/{traject.pk}/")
    expect(page.get_by_role("heading", name=str(traject.kandidaat), level=1)).to_be_visible()
    expect(page.get_by_role("button", name="Klaar").first).to_be_visible()
    assert page.evaluate("window.innerWidth") == 375
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= 375, f"de trajectpagina is {scroll_width}px breed op een telefoon"
