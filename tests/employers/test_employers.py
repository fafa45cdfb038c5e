"""Employers: profile, locations, contacts, their own route milestones, the task inventory and
the jobs composed from it (inclusive job redesign, notes 16-19, 33-34, 45-46)."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import OrganisationFactory, UserFactory
from werkpad import access
from werkpad.accounts.models import Organisation
from werkpad.employers.models import (
    EMPLOYER_MILESTONE_NOTES,
    Aanpassing,
    Functie,
    Locatie,
    Taak,
    Werkgever,
)
from werkpad.employers.policy import werkgevers_for

pytestmark = pytest.mark.django_db


def make_werkgever(name="Groen & Co", city="Utrecht") -> Werkgever:
    organisation = OrganisationFactory(name=name, kind="werkgever", city=city)
    werkgever = Werkgever.objects.create(organisation=organisation, sector="groen", grootte="klein")
    werkgever.add_route_milestones()
    Locatie.objects.create(werkgever=werkgever, name="Kwekerij", city=city)
    return werkgever


def make_taak(werkgever, name="Planten water geven", hours="4", **demands) -> Taak:
    return Taak.objects.create(
        werkgever=werkgever,
        name=name,
        hours_per_week=Decimal(hours),
        demands=demands or {"fysieke_belasting": 2},
        quiet_place=True,
        fixed_hours=True,
    )


def taak_data(**extra) -> dict:
    data = {
        "name": "Bestellingen inpakken",
        "description": "Planten in dozen doen voor de webwinkel.",
        "hours_per_week": "8",
        "location": "In de inpakruimte",
        "times": "Dinsdag- en donderdagochtend",
        "quiet_place": "on",
        "fixed_hours": "on",
        "vraagt_concentratie": "2",
        "vraagt_fysieke_belasting": "3",
    }
    data.update(extra)
    return data


@pytest.fixture
def werkgever(db):
    return make_werkgever()


@pytest.fixture
def employer_user(werkgever):
    return UserFactory(role="werkgever", organisation=werkgever.organisation)


# --- a coach builds an employer ----------------------------------------------------------


def test_coach_creates_employer_with_route_milestones(client, coach):
    client.force_login(coach)
    response = client.get(reverse("employers:list"))
    assert "Werkgever toevoegen" in response.content.decode()
    response = client.post(
        reverse("employers:create"),
        {
            "name": "Bakkerij De Korenschoof",
            "city": "Amersfoort",
            "sector": "voeding",
            "grootte": "klein",
            "description": "Een warme bakker met twee winkels.",
        },
    )
    werkgever = Werkgever.objects.get(organisation__name="Bakkerij De Korenschoof")
    assert response.status_code == 302
    assert response["Location"] == reverse("employers:detail", args=[werkgever.pk])
    assert werkgever.organisation.kind == Organisation.Kind.WERKGEVER
    assert werkgever.organisation.city == "Amersfoort"
    notes = set(
        werkgever.mijlpalen.values_list("route_milestone__handreikingen__number", flat=True)
    )
    assert notes == set(EMPLOYER_MILESTONE_NOTES)
    assert werkgever.mijlpalen.count() == len(EMPLOYER_MILESTONE_NOTES)
    page = client.get(response["Location"]).content.decode()
    assert "Draagvlak bereikt" in page
    assert reverse("route:milestone", args=["werkgever-a-draagvlak"]) in page


def test_create_with_an_organisation_already_in_werkpad(client, coach):
    organisation = OrganisationFactory(name="Zorggroep Noord", kind="ggz")
    client.force_login(coach)
    client.post(
        reverse("employers:create"),
        {"organisation": organisation.pk, "sector": "zorg", "grootte": "groot"},
    )
    assert Werkgever.objects.get(organisation=organisation).mijlpalen.count() == 8
    organisation.refresh_from_db()
    assert organisation.kind == "ggz"  # an existing organisation keeps its kind
    # an organisation that is an employer already is no longer offered
    response = client.get(reverse("employers:create"))
    assert f'<option value="{organisation.pk}"' not in response.content.decode()


def test_create_refuses_a_name_that_exists_and_keeps_input(client, coach):
    OrganisationFactory(name="Gemeente Zeist", kind="gemeente")
    client.force_login(coach)
    response = client.post(
        reverse("employers:create"),
        {"name": "gemeente zeist", "city": "Zeist", "sector": "overheid", "grootte": "groot"},
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Er is al een organisatie met deze naam" in page
    assert 'value="overheid"' in page
    response = client.post(reverse("employers:create"), {"sector": "x", "grootte": "klein"})
    assert "Kies een organisatie uit de lijst of vul de naam" in response.content.decode()
    assert not Werkgever.objects.exists()


def test_coach_adds_location_and_contact(client, coach, werkgever):
    client.force_login(coach)
    url = reverse("employers:detail", args=[werkgever.pk])
    response = client.post(
        reverse("employers:locatie_add", args=[werkgever.pk]),
        {
            "locatie-name": "Winkel Centrum",
            "locatie-address": "Lange Elisabethstraat 1",
            "locatie-postcode": "3511ab",
            "locatie-city": "Utrecht",
        },
    )
    assert response["Location"] == url
    assert werkgever.locaties.get(name="Winkel Centrum").postcode == "3511 AB"
    response = client.post(
        reverse("employers:contact_add", args=[werkgever.pk]),
        {
            "contact-name": "Fatima Bakker",
            "contact-rol": "buddy",
            "contact-email": "fatima@example.nl",
            "contact-phone": "06 12345678",
        },
    )
    assert response["Location"] == url
    page = client.get(url).content.decode()
    assert "Winkel Centrum" in page
    assert "Fatima Bakker" in page
    assert "Mogelijke buddy" in page


def test_bad_phone_and_postcode_get_dutch_messages(client, coach, werkgever):
    client.force_login(coach)
    response = client.post(
        reverse("employers:contact_add", args=[werkgever.pk]),
        {"contact-name": "Piet", "contact-rol": "hr", "contact-phone": "bel mij"},
    )
    page = response.content.decode()
    assert "Vul een geldig telefoonnummer in" in page
    assert 'value="Piet"' in page
    response = client.post(
        reverse("employers:locatie_add", args=[werkgever.pk]),
        {"locatie-name": "Loods", "locatie-postcode": "12345", "locatie-city": "Zeist"},
    )
    assert "Vul een postcode in zoals 1234 AB." in response.content.decode()
    assert werkgever.locaties.count() == 1


# --- tasks and jobs ------------------------------------------------------------------------


def test_tasks_compose_a_custom_job_and_a_vacancy(client, coach, werkgever):
    client.force_login(coach)
    locatie = werkgever.locaties.get()
    tasks = [
        taak_data(name="Inpakken", hours_per_week="8", vraagt_concentratie="2"),
        taak_data(
            name="Stekken",
            hours_per_week="6,5",
            vraagt_concentratie="3",
            vraagt_fysieke_belasting="1",
            vraagt_prikkels="1",
        ),
        taak_data(name="Vegen", hours_per_week="2", fixed_hours="", vraagt_concentratie=""),
    ]
    for data in tasks:
        response = client.post(reverse("employers:taak_add", args=[werkgever.pk]), data)
        assert response.status_code == 302, response.content.decode()
    assert werkgever.taken.count() == 3
    stekken = werkgever.taken.get(name="Stekken")
    assert stekken.hours_per_week == Decimal("6.5")
    assert stekken.demands == {"concentratie": 3, "fysieke_belasting": 1, "prikkels": 1}

    form = client.get(reverse("employers:maatwerk_add", args=[werkgever.pk])).content.decode()
    assert f'name="taken" value="{stekken.pk}"' in form
    assert "Stekken (6,5 uur per week)" in form
    assert "Rustige werkplek" in form  # the adjustments catalogue
    assert "Kwekerij (Utrecht)" in form
    assert "Select an option" not in form
    detail = client.get(reverse("employers:detail", args=[werkgever.pk])).content.decode()
    assert "het werk vraagt hier redelijk veel van" in detail
    assert "Rustige werkplek mogelijk" in detail
    assert "Maatwerkfunctie samenstellen" in detail
    assert "Vacature toevoegen" in detail

    aanpassing = Aanpassing.objects.get(key="rustige_werkplek")
    response = client.post(
        reverse("employers:maatwerk_add", args=[werkgever.pk]),
        {
            "title": "Medewerker webwinkel",
            "locatie": locatie.pk,
            "description": "Inpakken en stekken in een klein team.",
            "days": ["di", "ma"],
            "taken": list(werkgever.taken.values_list("pk", flat=True)),
            "aanpassingen": [aanpassing.pk],
        },
    )
    functie = Functie.objects.get(title="Medewerker webwinkel")
    assert response["Location"] == reverse(
        "employers:functie_detail", args=[werkgever.pk, functie.pk]
    )
    assert functie.soort == Functie.Soort.MAATWERK
    assert functie.demands == {"concentratie": 3, "fysieke_belasting": 3, "prikkels": 1}
    assert functie.hours_per_week == Decimal("16.5")
    assert functie.days == ["ma", "di"]
    assert functie.quiet_place is True
    assert functie.fixed_hours is False  # "Vegen" has no fixed hours
    assert list(functie.aanpassingen.all()) == [aanpassing]

    page = client.get(response["Location"]).content.decode()
    assert "Concentratie" in page
    assert "het werk vraagt hier redelijk veel van" in page
    assert "16,5" in page
    assert "maandag, dinsdag" in page
    assert "Rustige werkplek" in page
    assert "Stekken" in page
    assert reverse("matching:for_job", args=[functie.pk]) in page

    response = client.post(
        reverse("employers:vacature_add", args=[werkgever.pk]),
        {
            "title": "Hovenier",
            "locatie": locatie.pk,
            "hours_per_week": "24",
            "days": ["wo", "do", "vr"],
            "vraagt_fysieke_belasting": "4",
            "vraagt_klantcontact": "2",
            "fixed_hours": "on",
        },
    )
    vacature = Functie.objects.get(title="Hovenier")
    assert response.status_code == 302
    assert vacature.soort == Functie.Soort.VACATURE
    assert vacature.demands == {"fysieke_belasting": 4, "klantcontact": 2}
    assert vacature.hours_per_week == Decimal("24")
    assert (vacature.quiet_place, vacature.fixed_hours) == (False, True)
    assert not vacature.taken.exists()

    listing = client.get(reverse("employers:list")).content.decode()
    assert "Groen &amp; Co" in listing


def test_changing_a_task_updates_the_custom_jobs_built_from_it(client, coach, werkgever):
    taak = make_taak(werkgever, hours="4", concentratie=2)
    functie = Functie.objects.create(
        werkgever=werkgever,
        locatie=werkgever.locaties.get(),
        title="Hulp in de kas",
        soort="maatwerk",
        hours_per_week=0,
    )
    functie.taken.add(taak)
    functie.compose_from_tasks()
    client.force_login(coach)
    response = client.post(
        reverse("employers:taak_edit", args=[werkgever.pk, taak.pk]),
        taak_data(name=taak.name, hours_per_week="10", vraagt_concentratie="4"),
    )
    assert response.status_code == 302
    functie.refresh_from_db()
    assert functie.hours_per_week == Decimal("10")
    assert functie.demands["concentratie"] == 4
    # the edit form shows what the task asks now
    page = client.get(reverse("employers:taak_edit", args=[werkgever.pk, taak.pk]))
    assert '<option value="4" selected>' in page.content.decode()


def test_editing_a_custom_job_recomposes_it(client, coach, werkgever):
    zwaar = make_taak(werkgever, name="Sjouwen", hours="6", fysieke_belasting=4)
    licht = make_taak(werkgever, name="Etiketten", hours="3", concentratie=2)
    functie = Functie.objects.create(
        werkgever=werkgever,
        locatie=werkgever.locaties.get(),
        title="Magazijn",
        soort="maatwerk",
        hours_per_week=0,
    )
    functie.taken.set([zwaar, licht])
    functie.compose_from_tasks()
    client.force_login(coach)
    url = reverse("employers:functie_edit", args=[werkgever.pk, functie.pk])
    form = client.get(url).content.decode()
    assert f'name="taken" value="{zwaar.pk}" id="id_taken_1" checked' in form
    response = client.post(
        url, {"title": "Magazijn", "locatie": functie.locatie_id, "taken": [licht.pk]}
    )
    assert response.status_code == 302
    functie.refresh_from_db()
    assert functie.demands == {"concentratie": 2}
    assert functie.hours_per_week == Decimal("3")
    assert functie.soort == "maatwerk"


def test_open_and_close_a_job(client, coach, werkgever):
    functie = Functie.objects.create(
        werkgever=werkgever,
        locatie=werkgever.locaties.get(),
        title="Receptie",
        soort="vacature",
        hours_per_week=12,
    )
    client.force_login(coach)
    url = reverse("employers:functie_toggle", args=[werkgever.pk, functie.pk])
    assert client.get(url).status_code == 405
    client.post(url)
    functie.refresh_from_db()
    assert functie.open is False
    client.post(url)
    functie.refresh_from_db()
    assert functie.open is True


# --- bad input: Dutch messages, and what was typed stays -------------------------------------


@pytest.mark.parametrize("hours", ["41", "-1", "0", "40,5"])
def test_task_hours_out_of_range(client, coach, werkgever, hours):
    client.force_login(coach)
    response = client.post(
        reverse("employers:taak_add", args=[werkgever.pk]), taak_data(hours_per_week=hours)
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Vul een aantal uren van 0,5 tot en met 40 in." in page
    assert 'value="Bestellingen inpakken"' in page
    assert f'value="{hours}"' in page
    assert not werkgever.taken.exists()


def test_task_hours_not_a_number(client, coach, werkgever):
    client.force_login(coach)
    response = client.post(
        reverse("employers:taak_add", args=[werkgever.pk]), taak_data(hours_per_week="veel")
    )
    assert "Vul een getal in, bijvoorbeeld 4 of 2,5." in response.content.decode()


def test_task_without_demands(client, coach, werkgever):
    client.force_login(coach)
    response = client.post(
        reverse("employers:taak_add", args=[werkgever.pk]),
        taak_data(vraagt_concentratie="", vraagt_fysieke_belasting=""),
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Geef bij ten minste één gebied aan wat deze taak vraagt." in page
    assert 'value="Bestellingen inpakken"' in page
    assert "Planten in dozen doen voor de webwinkel." in page
    assert 'value="In de inpakruimte"' in page
    assert not werkgever.taken.exists()


def test_job_without_tasks_keeps_input(client, coach, werkgever):
    make_taak(werkgever)
    client.force_login(coach)
    response = client.post(
        reverse("employers:maatwerk_add", args=[werkgever.pk]),
        {
            "title": "Kasmedewerker",
            "locatie": werkgever.locaties.get().pk,
            "days": ["wo"],
            "description": "Werk in de kas.",
        },
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Kies ten minste één taak voor deze functie." in page
    assert 'value="Kasmedewerker"' in page
    assert 'value="wo" id="id_days_2" checked' in page
    assert not Functie.objects.exists()


def test_job_with_another_employers_location_or_task(client, coach, werkgever):
    mine = make_taak(werkgever)
    other = make_werkgever(name="Hotel Zonnedauw")
    other_taak = make_taak(other, name="Bedden opmaken")
    client.force_login(coach)
    response = client.post(
        reverse("employers:maatwerk_add", args=[werkgever.pk]),
        {
            "title": "Kasmedewerker",
            "locatie": other.locaties.get().pk,
            "taken": [mine.pk, other_taak.pk],
        },
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Kies een locatie van deze werkgever." in page
    assert "Kies taken van deze werkgever." in page
    assert 'value="Kasmedewerker"' in page
    assert "Bedden opmaken" not in page
    response = client.post(
        reverse("employers:vacature_add", args=[werkgever.pk]),
        {"title": "Schoonmaker", "locatie": other.locaties.get().pk, "hours_per_week": "41"},
    )
    page = response.content.decode()
    assert "Kies een locatie van deze werkgever." in page
    assert "Vul een aantal uren van 0,5 tot en met 40 in." in page
    assert not Functie.objects.exists()


def test_job_form_says_when_there_is_no_location_or_task(client, coach):
    organisation = OrganisationFactory(name="Nieuw BV", kind="werkgever")
    werkgever = Werkgever.objects.create(organisation=organisation, sector="ict", grootte="klein")
    client.force_login(coach)
    page = client.get(reverse("employers:maatwerk_add", args=[werkgever.pk])).content.decode()
    assert "Deze werkgever heeft nog geen locatie." in page
    assert "Deze werkgever heeft nog geen taken." in page
    response = client.post(reverse("employers:vacature_add", args=[werkgever.pk]), {"title": "X"})
    assert "Kies de locatie waar het werk is." in response.content.decode()


# --- the employer's own milestones -------------------------------------------------------


def test_milestone_status_with_htmx_and_without(client, coach, werkgever):
    milestone = werkgever.mijlpalen.first()
    url = reverse("employers:milestone_status", args=[werkgever.pk, milestone.pk])
    client.force_login(coach)
    response = client.post(url, {"status": "bezig"}, headers={"HX-Request": "true"})
    assert response.status_code == 200
    row = response.content.decode()
    assert row.startswith("<tr")
    assert f'id="werkgever-mijlpaal-{milestone.pk}"' in row
    assert "Mee bezig" in row
    milestone.refresh_from_db()
    assert milestone.status == "bezig"

    detail = reverse("employers:detail", args=[werkgever.pk])
    response = client.post(url, {"status": "klaar", "next": detail})
    assert response["Location"] == detail
    milestone.refresh_from_db()
    assert milestone.status == "klaar"

    response = client.post(url, {"status": "weg"}, headers={"HX-Request": "true"})
    assert "Kies open, mee bezig of klaar." in response.content.decode()
    response = client.post(url, {"status": "open", "next": "https://example.com/"})
    assert response["Location"] == detail
    assert client.get(url).status_code == 405


def test_milestone_note(client, employer_user, werkgever):
    milestone = werkgever.mijlpalen.first()
    client.force_login(employer_user)
    url = reverse("employers:milestone_edit", args=[werkgever.pk, milestone.pk])
    assert "Toelichting" in client.get(url).content.decode()
    client.post(url, {"status": "bezig", "note": "Gesprek met de directie gepland."})
    milestone.refresh_from_db()
    assert milestone.note == "Gesprek met de directie gepland."


# --- who sees what -------------------------------------------------------------------------


def test_employer_user_sees_own_organisation_only(client, employer_user, werkgever):
    other = make_werkgever(name="Hotel Zonnedauw")
    other_taak = make_taak(other)
    other_functie = Functie.objects.create(
        werkgever=other,
        locatie=other.locaties.get(),
        title="Receptie",
        soort="vacature",
        hours_per_week=12,
    )
    client.force_login(employer_user)
    own = reverse("employers:detail", args=[werkgever.pk])
    page = client.get(own).content.decode()
    assert "Mijn organisatie" in page
    assert f'href="{own}"' in page
    assert f'href="{reverse("employers:list")}"' not in page  # no "Werkgevers" item
    assert client.get(reverse("employers:list"))["Location"] == own
    assert client.get(reverse("employers:create")).status_code == 403

    for url in [
        reverse("employers:detail", args=[other.pk]),
        reverse("employers:edit", args=[other.pk]),
        reverse("employers:taak_add", args=[other.pk]),
        reverse("employers:taak_edit", args=[other.pk, other_taak.pk]),
        reverse("employers:maatwerk_add", args=[other.pk]),
        reverse("employers:functie_detail", args=[other.pk, other_functie.pk]),
        reverse("employers:functie_edit", args=[other.pk, other_functie.pk]),
        # another employer's job under this employer's address
        reverse("employers:functie_detail", args=[werkgever.pk, other_functie.pk]),
        reverse("employers:taak_edit", args=[werkgever.pk, other_taak.pk]),
    ]:
        assert client.get(url).status_code == 404, url
    response = client.post(reverse("employers:taak_add", args=[other.pk]), taak_data())
    assert response.status_code == 404
    response = client.post(
        reverse("employers:milestone_status", args=[other.pk, other.mijlpalen.first().pk]),
        {"status": "klaar"},
    )
    assert response.status_code == 404

    response = client.post(reverse("employers:taak_add", args=[werkgever.pk]), taak_data())
    assert response["Location"] == own
    assert werkgever.taken.get().name == "Bestellingen inpakken"
    assert not other.taken.exclude(pk=other_taak.pk).exists()


def test_employer_user_composes_but_sees_no_candidates(client, employer_user, werkgever):
    taak = make_taak(werkgever)
    client.force_login(employer_user)
    response = client.post(
        reverse("employers:maatwerk_add", args=[werkgever.pk]),
        {"title": "Kashulp", "locatie": werkgever.locaties.get().pk, "taken": [taak.pk]},
    )
    functie = Functie.objects.get()
    assert response["Location"] == reverse(
        "employers:functie_detail", args=[werkgever.pk, functie.pk]
    )
    page = client.get(response["Location"]).content.decode()
    assert "Kashulp" in page
    assert reverse("matching:for_job", args=[functie.pk]) not in page


def test_leidinggevende_of_the_organisation_may_change(werkgever):
    chef = UserFactory(role="leidinggevende", organisation=werkgever.organisation)
    collega = UserFactory(role="collega", organisation=werkgever.organisation)
    elsewhere = UserFactory(role="werkgever", organisation=OrganisationFactory())
    teamleider = UserFactory(role="teamleider")
    assert access.can(chef, "werkgever.change", werkgever)
    assert access.can(teamleider, "werkgever.change", werkgever)
    assert not access.can(chef, "werkgever.list")
    assert not access.can(collega, "werkgever.view", werkgever)
    assert not access.can(elsewhere, "werkgever.view", werkgever)
    assert not access.can(chef, "werkgever.delete", werkgever)
    assert list(werkgevers_for(chef)) == [werkgever]
    assert not werkgevers_for(collega).exists()
    assert not werkgevers_for(elsewhere).exists()
    assert werkgevers_for(teamleider).count() == 1


@pytest.mark.parametrize(
    "role", ["kandidaat", "regiehouder", "behandelaar", "arbo", "collega", "publieke_partij"]
)
def test_other_roles_are_refused(client, werkgever, role):
    user = UserFactory(role=role, organisation=werkgever.organisation)
    client.force_login(user)
    assert client.get(reverse("employers:list")).status_code == 403
    assert client.get(reverse("employers:create")).status_code == 403
    assert client.get(reverse("employers:detail", args=[werkgever.pk])).status_code == 404
    page = client.get(reverse("route:map")).content.decode()
    assert "Mijn organisatie" not in page
    assert f'href="{reverse("employers:list")}"' not in page


def test_employer_user_without_profile_is_refused_the_list(client):
    user = UserFactory(role="werkgever", organisation=OrganisationFactory(kind="werkgever"))
    client.force_login(user)
    assert client.get(reverse("employers:list")).status_code == 403
    assert "Mijn organisatie" not in client.get(reverse("route:map")).content.decode()


def test_coach_menu_has_werkgevers(client, coach):
    client.force_login(coach)
    page = client.get(reverse("route:map")).content.decode()
    assert f'href="{reverse("employers:list")}"' in page


# --- query counts ------------------------------------------------------------------------


def build(werkgever, n):
    locatie = werkgever.locaties.get()
    aanpassingen = list(Aanpassing.objects.all()[:3])
    taken = [
        make_taak(werkgever, name=f"Taak {i}", concentratie=1 + i % 4, prikkels=2) for i in range(n)
    ]
    for i in range(n):
        functie = Functie.objects.create(
            werkgever=werkgever,
            locatie=locatie,
            title=f"Functie {i}",
            soort="maatwerk" if i % 2 else "vacature",
            hours_per_week=8,
            demands={"concentratie": 2},
            days=["ma", "di"],
        )
        functie.taken.set(taken)
        functie.aanpassingen.set(aanpassingen)
    werkgever.contacten.create(name="Ria", rol="hr", phone="06 12345678")
    return werkgever.functies.first()


def count_queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(ctx.captured_queries)


def test_query_counts_do_not_grow(client, coach):
    small, big = make_werkgever("Klein"), make_werkgever("Groot")
    small_job, big_job = build(small, 2), build(big, 20)
    client.force_login(coach)
    count_queries(client, reverse("employers:list"))  # warm up caches
    for name, args_small, args_big in [
        ("employers:detail", [small.pk], [big.pk]),
        ("employers:functie_detail", [small.pk, small_job.pk], [big.pk, big_job.pk]),
        ("employers:functie_edit", [small.pk, small_job.pk], [big.pk, big_job.pk]),
        ("employers:maatwerk_add", [small.pk], [big.pk]),
        ("employers:taak_add", [small.pk], [big.pk]),
    ]:
        few = count_queries(client, reverse(name, args=args_small))
        many = count_queries(client, reverse(name, args=args_big))
        assert few == many, name


def test_list_query_count_does_not_grow(client, coach):
    for i in range(2):
        build(make_werkgever(f"Werkgever {i}"), 2)
    client.force_login(coach)
    few = count_queries(client, reverse("employers:list"))
    for i in range(2, 20):
        build(make_werkgever(f"Werkgever {i}"), 3)
    page = client.get(reverse("employers:list")).content.decode()
    assert page.count("Werkgever 1") == 11  # 1 and 10-19
    assert count_queries(client, reverse("employers:list")) == few


def test_employer_user_query_count(client, werkgever, employer_user):
    build(werkgever, 2)
    client.force_login(employer_user)
    few = count_queries(client, reverse("employers:detail", args=[werkgever.pk]))
    build_more = [make_taak(werkgever, name=f"Meer {i}") for i in range(18)]
    assert build_more
    assert count_queries(client, reverse("employers:detail", args=[werkgever.pk])) == few
