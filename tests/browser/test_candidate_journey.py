"""The candidate's own journey in headless Chromium: the coach invites them, they choose a
password, fill in their crisis card, download it, share it with their leidinggevende and take
it back again; the leidinggevende sees exactly what is shared, and the candidate sees who
looked."""

import datetime
import re

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import Page, expect

from tests.factories import KandidaatFactory, TrajectFactory, UserFactory
from werkpad.accounts.models import User
from werkpad.route.models import Party

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CANDIDATE_PASSWORD = "Fietsen-langs-de-Vecht-2718!"
CONTACT_NAME = "Fenna Hoekstra"


def field(label: str) -> re.Pattern:
    """A form label exactly, with or without Django's label suffix ("Naam:")."""
    return re.compile(rf"^{re.escape(label)}:?$")


def card(page: Page, name: str):
    """The card of one instrument on the 'Mijn gegevens' / 'Gegevens van ...' page."""
    return page.locator("#instruments > li").filter(
        has=page.get_by_role("heading", name=name, exact=True)
    )


def fresh_page(new_context) -> Page:
    """A page in a browser context of its own (its own cookies), closed after the test."""
    page = new_context().new_page()
    page.set_default_timeout(10_000)
    return page


def link_from_mail() -> str:
    assert mail.outbox, "er is geen uitnodiging verstuurd"
    match = re.search(r"https?://[^\s]+/account/uitnodiging/[\w-]+/", mail.outbox[-1].body)
    assert match, mail.outbox[-1].body
    return match.group(0)


def set_sharing(page: Page, live_server, kid: int, party: str, category: str, on: bool):
    page.goto(f"{live_server.url}/kandidaten/{kid}/wie-ziet-wat/")
    expect(page.get_by_role("heading", name="Wie ziet wat", level=1)).to_be_visible()
    box = page.get_by_role("group", name=party, exact=True).get_by_label(category)
    box.set_checked(on)
    page.get_by_role("button", name="Keuzes opslaan").click()
    expect(page.get_by_text("Je keuzes zijn opgeslagen")).to_be_visible()


def test_candidate_accepts_invite_fills_and_shares_crisis_card(
    page: Page, live_server, login, coach, new_context
):
    kandidaat = KandidaatFactory(
        first_name="Noor", last_name="Visser", email="noor.visser@example.nl"
    )
    traject = TrajectFactory(coach=coach, kandidaat=kandidaat)
    lg = UserFactory(role=User.Role.LEIDINGGEVENDE, first_name="Lars", last_name="de Boer")
    traject.add_betrokkene(Party.LEIDINGGEVENDE, by=coach, user=lg)
    kid = kandidaat.pk

    # --- the coach invites the candidate from the traject page
    login(page, coach)
    page.get_by_role("link", name="Noor Visser").click()
    expect(page.get_by_role("heading", name="Noor Visser", level=1)).to_be_visible()
    page.get_by_role("button", name="Uitnodigen voor Werkpad").click()
    expect(page.get_by_text("Uitnodiging verstuurd")).to_be_visible()
    link = link_from_mail()
    assert mail.outbox[-1].to == ["noor.visser@example.nl"]
    page.get_by_role("button", name="Uitloggen").click()

    # --- the candidate, in their own browser, opens the link and chooses a password
    candidate = fresh_page(new_context)
    candidate.goto(link)
    expect(candidate.get_by_role("heading", name="Welkom, Noor")).to_be_visible()
    candidate.get_by_label("Kies een wachtwoord").fill(CANDIDATE_PASSWORD)
    candidate.get_by_label("Herhaal je wachtwoord").fill(CANDIDATE_PASSWORD)
    candidate.get_by_role("button", name="Wachtwoord opslaan").click()
    expect(candidate.get_by_role("heading", name="Hoi Noor", level=1)).to_be_visible()
    expect(candidate.get_by_role("button", name="Uitloggen")).to_be_visible()

    # --- "Mijn gegevens": fill in the crisis card
    candidate.get_by_role("link", name="Mijn wensen, grenzen, crisiskaart en meer").click()
    expect(candidate.get_by_role("heading", name="Mijn gegevens", level=1)).to_be_visible()
    crisis_card = card(candidate, "Crisiskaart")
    expect(crisis_card).to_contain_text("Nog niet ingevuld.")
    crisis_card.get_by_role("link", name="Invullen").click()
    expect(candidate.get_by_role("heading", name="Crisiskaart", level=1)).to_be_visible()

    crisis = "Ik trek me terug en neem de telefoon niet op."
    helps = "Rustig praten en samen een wandeling maken."
    candidate.get_by_label(field("Hoe ziet een crisis er bij mij uit?")).fill(crisis)
    candidate.get_by_label(field("Wat helpt mij dan?")).fill(helps)
    contacts = candidate.locator("#contacten")
    promised = timezone.localdate() - datetime.timedelta(days=3)
    contacts.get_by_label(field("Naam")).fill(CONTACT_NAME)
    contacts.get_by_label(field("Wie is dit voor jou?")).fill("zus")
    contacts.get_by_label(field("Telefoon")).fill("06 12345678")
    contacts.get_by_label(field("Heeft toegezegd bereikbaar te zijn")).check()
    contacts.get_by_label(field("Toegezegd op")).fill(promised.isoformat())
    candidate.get_by_role("button", name="Opslaan").click()

    expect(candidate.get_by_text("Opgeslagen. De vorige versie blijft bewaard.")).to_be_visible()
    expect(candidate.get_by_role("heading", name="Crisiskaart", level=1)).to_be_visible()
    expect(candidate.get_by_text(re.compile(r"^Versie 1, opgeslagen op"))).to_be_visible()
    answers = candidate.locator("dl.answers")
    expect(answers).to_contain_text("Hoe ziet een crisis er bij mij uit?")
    expect(answers).to_contain_text(crisis)
    expect(answers).to_contain_text(helps)
    contact_list = candidate.locator("ul.contacts")
    expect(contact_list).to_contain_text(CONTACT_NAME)
    expect(contact_list).to_contain_text("zus")
    expect(contact_list).to_contain_text("06 12345678")
    expect(contact_list).to_contain_text("heeft toegezegd")
    card_url = candidate.url
    assert card_url.endswith(f"/kandidaten/{kid}/instrumenten/crisiskaart/")

    # --- the A4 PDF
    with candidate.expect_download() as download_info:
        candidate.get_by_role("link", name="Download pdf (A4)").click()
    download = download_info.value
    assert "crisiskaart" in download.suggested_filename
    assert download.suggested_filename.endswith(".pdf")
    with open(download.path(), "rb") as fh:
        assert fh.read(5) == b"%PDF-"

    # --- share the crisis card with the leidinggevende
    candidate.goto(f"{live_server.url}/kandidaten/{kid}/instrumenten/")
    with candidate.expect_response(lambda r: r.url.endswith("/wie-ziet-wat/")) as sharing_page:
        candidate.get_by_role("link", name="Wie ziet wat").first.click()
    status = sharing_page.value.status
    assert status == 200, f"'Wie ziet wat' antwoordt {status} zolang er nog niets gedeeld is"
    expect(candidate.get_by_role("heading", name="Wie ziet wat", level=1)).to_be_visible()
    leidinggevende = candidate.get_by_role("group", name="Leidinggevende", exact=True)
    expect(leidinggevende.get_by_label("Mijn crisiskaart")).not_to_be_checked()
    leidinggevende.get_by_label("Mijn crisiskaart").check()
    candidate.get_by_role("button", name="Keuzes opslaan").click()
    expect(candidate.get_by_text("Je keuzes zijn opgeslagen")).to_be_visible()
    history = candidate.locator("#sharing-history")
    expect(history.get_by_text("Mijn crisiskaart gedeeld met Leidinggevende")).to_be_visible()
    expect(
        candidate.get_by_role("group", name="Leidinggevende", exact=True).get_by_label(
            "Mijn crisiskaart"
        )
    ).to_be_checked()

    # --- the leidinggevende sees the crisis card, and only that
    manager = fresh_page(new_context)
    login(manager, lg)
    manager.goto(f"{live_server.url}/kandidaten/{kid}/instrumenten/")
    expect(manager.get_by_role("heading", name="Gegevens van Noor Visser", level=1)).to_be_visible()
    shared_card = card(manager, "Crisiskaart")
    expect(shared_card.get_by_role("link", name="Bekijken")).to_be_visible()
    expect(shared_card.get_by_role("link", name="Aanpassen")).to_have_count(0)
    money = card(manager, "Financiële situatie en regelingen")
    expect(money).to_contain_text("Niet gedeeld")
    expect(money.get_by_role("link")).to_have_count(0)
    shared_card.get_by_role("link", name="Bekijken").click()
    expect(manager.get_by_role("heading", name="Crisiskaart")).to_be_visible()
    expect(manager.get_by_text(CONTACT_NAME)).to_be_visible()
    expect(manager.get_by_text(crisis)).to_be_visible()
    assert manager.url == card_url
    pdf_url = f"{live_server.url}/kandidaten/{kid}/crisiskaart.pdf?formaat=a4"
    pdf = manager.request.get(pdf_url)
    assert pdf.status == 200
    assert pdf.body().startswith(b"%PDF")

    # --- the candidate takes it back; it is gone at once
    set_sharing(candidate, live_server, kid, "Leidinggevende", "Mijn crisiskaart", on=False)
    expect(
        candidate.locator("#sharing-history").get_by_text(
            "Mijn crisiskaart niet meer gedeeld met Leidinggevende"
        )
    ).to_be_visible()

    response = manager.goto(card_url)
    assert response is not None and response.status == 403
    expect(manager.get_by_role("heading", name="Niet gedeeld", level=1)).to_be_visible()
    expect(manager.get_by_text(CONTACT_NAME)).to_have_count(0)
    expect(manager.get_by_text(crisis)).to_have_count(0)
    assert manager.request.get(pdf_url).status == 403
    manager.goto(f"{live_server.url}/kandidaten/{kid}/instrumenten/")
    expect(card(manager, "Crisiskaart")).to_contain_text("Niet gedeeld")
    expect(card(manager, "Crisiskaart").get_by_role("link")).to_have_count(0)

    # --- the candidate sees who looked at what
    candidate.goto(f"{live_server.url}/mijn/")
    candidate.get_by_role("link", name="Wie heeft mijn gegevens bekeken").click()
    expect(
        candidate.get_by_role("heading", name="Wie heeft mijn gegevens bekeken", level=1)
    ).to_be_visible()
    log = candidate.locator("#access-log")
    seen = log.get_by_role("row").filter(has_text="Lars de Boer")
    expect(seen.filter(has_text=re.compile(r"Crisiskaart$"))).to_have_count(1)
    expect(seen.filter(has_text="Crisiskaart (pdf)")).to_have_count(1)
    expect(log).not_to_contain_text("Financiële situatie")


def test_portal_fits_a_phone(page: Page, live_server, login, coach):
    account = UserFactory(role=User.Role.KANDIDAAT, first_name="Mila", last_name="de Jong")
    kandidaat = KandidaatFactory(
        user=account, first_name="Mila", last_name="de Jong", email=account.email
    )
    TrajectFactory(coach=coach, kandidaat=kandidaat)
    page.set_viewport_size({"width": 375, "height": 740})

    login(page, account)
    expect(page.get_by_role("heading", name="Hoi Mila", level=1)).to_be_visible()
    assert page.url.endswith("/mijn/")
    assert page.evaluate("window.innerWidth") == 375
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, f"de portaalpagina is {width}px breed op een telefoon"

    page.goto(f"{live_server.url}/kandidaten/{kandidaat.pk}/instrumenten/crisiskaart/bewerken/")
    expect(page.get_by_role("heading", name="Crisiskaart", level=1)).to_be_visible()
    expect(page.get_by_role("button", name="Opslaan")).to_be_visible()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, f"de crisiskaart is {width}px breed op een telefoon"
