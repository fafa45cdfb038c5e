"""Placements: starting a placement from a made match, the planned build-up of
hours with its chart, and what the employer's people see of it."""

import datetime
import re

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import UserFactory
from tests.scenes import (
    FINANCIEN_MARKER,
    HOURS_ERROR,
    add_steps,
    contact,
    create_url,
    days,
    employer,
    form_data,
    make_scene,
    place,
)
from werkpad import access
from werkpad.instruments.models import DeelVersie, InstrumentVersie, Regeling
from werkpad.matching.models import Matchgesprek
from werkpad.placements.models import OpbouwStap, Plaatsing
from werkpad.placements.policy import plaatsingen_for
from werkpad.route.models import Party, RouteMilestone
from werkpad.trajects.models import TrajectMilestone

pytestmark = pytest.mark.django_db


def page(client, user, url):
    client.force_login(user)
    return client.get(url)


# --- 5. creating a placement -------------------------------------------------------------


def test_create_from_match_moves_to_c_and_adds_the_three_parties_with_milestones(client, coach):
    scene = make_scene(coach, phase="a")
    client.force_login(coach)
    response = client.post(create_url(scene), form_data(scene))
    plaatsing = Plaatsing.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("placements:detail", args=[plaatsing.pk])

    traject = scene.traject
    traject.refresh_from_db()
    assert traject.phase == "c"
    moves = list(traject.transitions.order_by("at", "pk").values_list("from_phase", "to_phase"))
    assert moves[-2:] == [("a", "b"), ("b", "c")]
    assert traject.transitions.get(to_phase="b").reason == "Match gemaakt"

    werkgever = traject.betrokkenen.get(party=Party.WERKGEVER)
    leiding = traject.betrokkenen.get(party=Party.LEIDINGGEVENDE)
    buddy = traject.betrokkenen.get(party=Party.COLLEGAS)
    assert werkgever.user == scene.hr_user
    assert leiding.user == scene.lg_user
    assert buddy.user is None and buddy.name == "Bram Buddy"
    assert buddy.organisation_name == "Bakkerij De Korrel"
    for party, owner in [
        (Party.WERKGEVER, werkgever),
        (Party.LEIDINGGEVENDE, leiding),
        (Party.COLLEGAS, buddy),
    ]:
        expected = RouteMilestone.objects.filter(party=party, active=True).count()
        milestones = TrajectMilestone.objects.filter(traject=traject, route_milestone__party=party)
        assert expected and milestones.count() == expected
        assert set(milestones.values_list("owner_id", flat=True)) == {owner.pk}

    assert plaatsing.functie == scene.functie and plaatsing.matchgesprek == scene.gesprek
    assert plaatsing.buddy_checklist == ["zelf_gekozen", "rol_besproken"]
    assert [r.key for r in plaatsing.regelingen.all()] == ["no_riskpolis"]


def test_employer_without_hr_contact_becomes_party_by_name(coach):
    scene = make_scene(coach)
    scene.hr.delete()
    place(scene, buddy=None)
    betrokkenen = scene.traject.betrokkenen
    assert betrokkenen.get(party=Party.WERKGEVER).name == "Bakkerij De Korrel"
    assert not betrokkenen.filter(party=Party.COLLEGAS).exists()


def test_link_from_the_match_conversation_and_preselected_schemes(client, scene):
    InstrumentVersie.objects.create(
        kandidaat=scene.kandidaat,
        kind="financien",
        number=1,
        data={"regelingen_werkgever": ["loonkostensubsidie"]},
    )
    InstrumentVersie.objects.create(
        kandidaat=scene.kandidaat,
        kind="financien",
        number=2,
        data={"regelingen_werkgever": ["no_riskpolis", "bestaat-niet"]},
    )
    client.force_login(scene.coach)
    gesprek_page = client.get(
        reverse("matching:gesprek", args=[scene.kandidaat.pk, scene.functie.pk])
    )
    assert create_url(scene) in gesprek_page.content.decode()

    response = client.get(create_url(scene))
    assert response.status_code == 200
    chosen = response.context["form"]["regelingen"].initial
    assert [r.key for r in chosen] == ["no_riskpolis"]
    html = response.content.decode()
    no_risk = Regeling.objects.get(key="no_riskpolis").pk
    # the scheme's own checkbox (another field may have an option with the same number)
    checkbox = re.search(rf'<input[^>]*value="{no_risk}" id="id_regelingen_[^>]*>', html)
    assert checkbox is not None and "checked" in checkbox.group(0)


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"contract_uren": "41"}, "contract_uren", HOURS_ERROR),
        ({"contract_uren": "-1"}, "contract_uren", HOURS_ERROR),
        ({"start_date": "START_BEFORE"}, "start_date", "vóór het matchgesprek"),
    ],
)
def test_bad_placement_input_gets_dutch_messages_and_keeps_what_was_typed(
    client, scene, changes, field, message
):
    if changes.get("start_date") == "START_BEFORE":
        changes = {"start_date": (scene.gesprek.date - datetime.timedelta(days=1)).isoformat()}
    client.force_login(scene.coach)
    response = client.post(create_url(scene), form_data(scene, **changes))
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert message in " ".join(errors[field])
    html = response.content.decode()
    assert message.split("%")[0] in html
    assert f'value="{changes[field]}"' in html  # what was typed is still there
    assert "Elke ochtend om negen uur samen de dag doornemen" in html
    assert not Plaatsing.objects.exists()
    scene.traject.refresh_from_db()
    assert scene.traject.phase == "b"


@pytest.mark.parametrize("same", ["name", "email", "user"])
def test_a_buddy_who_is_the_candidate_is_refused(client, scene, same):
    kandidaat = scene.kandidaat
    if same == "name":
        twin = contact(scene.werkgever, "buddy", f"  {kandidaat.full_name.upper()} ")
    elif same == "email":
        twin = contact(scene.werkgever, "buddy", "Iemand", email=kandidaat.email.upper())
    else:
        kandidaat.user = UserFactory(role="kandidaat")
        kandidaat.save()
        twin = contact(scene.werkgever, "buddy", "Iemand Anders", user=kandidaat.user)
    client.force_login(scene.coach)
    response = client.post(create_url(scene), form_data(scene, buddy=twin.pk))
    assert response.status_code == 200
    errors = " ".join(response.context["form"].errors["buddy"])
    assert "dat kan de kandidaat niet zelf zijn" in errors
    assert "Lies merkt het als Bram stiller wordt" in response.content.decode()
    assert not Plaatsing.objects.exists()


def test_a_supervisor_of_another_employer_is_refused(client, coach, scene):
    other, _functie = employer("Andere Werkgever")
    stranger = contact(other, "leidinggevende", "Onbekende Baas")
    client.force_login(coach)
    response = client.post(create_url(scene), form_data(scene, leidinggevende=stranger.pk))
    assert response.status_code == 200
    assert "Kies een leidinggevende van Bakkerij De Korrel uit de lijst." in " ".join(
        response.context["form"].errors["leidinggevende"]
    )
    assert "Koffie met het team" in response.content.decode()
    assert not Plaatsing.objects.exists()
    # the model refuses it too, for any other caller
    with pytest.raises(ValidationError) as error:
        place(scene, leidinggevende=stranger.pk)
    assert "leidinggevende" in error.value.message_dict


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"contract_uren": "veel"}, "contract_uren"),
        ({"start_date": "gisteren"}, "start_date"),
        ({"soort": "iets"}, "soort"),
        ({"leidinggevende": "x"}, "leidinggevende"),
        ({"buddy_checklist": ["onbekend"]}, "buddy_checklist"),
    ],
)
def test_garbage_never_gives_a_server_error(client, scene, changes, field):
    client.force_login(scene.coach)
    response = client.post(create_url(scene), form_data(scene, **changes))
    assert response.status_code == 200
    assert field in response.context["form"].errors


def test_no_placement_without_a_made_match_or_twice(client, scene):
    scene.gesprek.uitkomst = Matchgesprek.Uitkomst.OPEN
    scene.gesprek.save()
    client.force_login(scene.coach)
    response = client.get(create_url(scene))
    assert "met de uitkomst &#x27;Match gemaakt&#x27;" in response.content.decode()
    response = client.post(create_url(scene), form_data(scene))
    assert response.status_code == 200 and not Plaatsing.objects.exists()

    scene.gesprek.uitkomst = Matchgesprek.Uitkomst.MATCH
    scene.gesprek.save()
    assert client.post(create_url(scene), form_data(scene)).status_code == 302
    again = client.post(create_url(scene), form_data(scene))
    assert again.status_code == 200
    assert "Het traject staat in de fase Plaatsing" in again.content.decode()
    assert Plaatsing.objects.count() == 1


def test_only_the_coach_creates_a_placement(client, scene):
    assert page(client, scene.hr_user, create_url(scene)).status_code == 404
    stranger = UserFactory(role="trajectbegeleider")
    assert page(client, stranger, create_url(scene)).status_code == 404
    # a party of the traject sees the candidate, but may not add a placement
    scene.traject.add_betrokkene(Party.REGIEHOUDER, by=scene.coach, user=UserFactory())
    regie = scene.traject.betrokkenen.get(party=Party.REGIEHOUDER).user
    assert page(client, regie, create_url(scene)).status_code == 403


# --- 6. build-up of hours ----------------------------------------------------------------


def steps_data(plaatsing, rows) -> dict:
    data = {
        "stap-TOTAL_FORMS": str(len(rows)),
        "stap-INITIAL_FORMS": "0",
        "stap-MIN_NUM_FORMS": "0",
        "stap-MAX_NUM_FORMS": "1000",
    }
    for i, (week, planned, actual, reason) in enumerate(rows):
        data.update(
            {
                f"stap-{i}-week_start": (
                    plaatsing.start_date + datetime.timedelta(weeks=week)
                ).isoformat(),
                f"stap-{i}-planned_hours": planned,
                f"stap-{i}-actual_hours": actual,
                f"stap-{i}-reason": reason,
                f"stap-{i}-id": "",
            }
        )
    return data


def test_build_up_going_back_needs_a_reason(client, scene):
    plaatsing = place(scene)
    url = reverse("placements:opbouw_edit", args=[plaatsing.pk])
    client.force_login(scene.coach)
    rows = [(0, "8", "8", ""), (4, "12", "", ""), (8, "10", "", "")]
    response = client.post(url, steps_data(plaatsing, rows))
    assert response.status_code == 200
    formset = response.context["formset"]
    assert "Hier staan minder uren dan de stap ervoor (12 uur)" in " ".join(
        formset.forms[2].errors["reason"]
    )
    assert 'value="10"' in response.content.decode()
    assert not OpbouwStap.objects.exists()

    rows[2] = (8, "10", "", "Even rustiger na de verhuizing")
    assert client.post(url, steps_data(plaatsing, rows)).status_code == 302
    assert [float(s.planned_hours) for s in plaatsing.opbouw.all()] == [8, 12, 10]


@pytest.mark.parametrize(
    ("row", "field", "message"),
    [
        ((0, "41", "", ""), "planned_hours", HOURS_ERROR),
        ((0, "-1", "", ""), "planned_hours", HOURS_ERROR),
        ((0, "8", "41", ""), "actual_hours", HOURS_ERROR),
        ((0, "8", "-1", ""), "actual_hours", HOURS_ERROR),
        ((52, "8", "8", ""), "actual_hours", "Deze week is nog niet begonnen"),
        ((-2, "8", "", ""), "week_start", "al voorbij vóór de startdatum"),
        ((0, "acht", "", ""), "planned_hours", "getal"),
    ],
)
def test_bad_build_up_input(client, scene, row, field, message):
    plaatsing = place(scene)
    client.force_login(scene.coach)
    response = client.post(
        reverse("placements:opbouw_edit", args=[plaatsing.pk]), steps_data(plaatsing, [row])
    )
    assert response.status_code == 200
    assert message in " ".join(response.context["formset"].forms[0].errors[field])
    assert "Er klopt iets niet" in response.content.decode()
    assert not OpbouwStap.objects.exists()


def test_the_same_week_twice_is_refused(client, scene):
    plaatsing = place(scene)
    client.force_login(scene.coach)
    rows = [(0, "8", "", ""), (0, "12", "", "")]
    response = client.post(
        reverse("placements:opbouw_edit", args=[plaatsing.pk]), steps_data(plaatsing, rows)
    )
    assert response.status_code == 200
    assert "Deze week staat al in het plan" in response.content.decode()


def test_chart_and_data_table_show_planned_and_actual(client, scene):
    plaatsing = place(scene)
    OpbouwStap.objects.create(
        plaatsing=plaatsing, week_start=plaatsing.start_date, planned_hours=8, actual_hours=7
    )
    OpbouwStap.objects.create(
        plaatsing=plaatsing,
        week_start=plaatsing.start_date + datetime.timedelta(weeks=4),
        planned_hours=12.5,
        reason="<script>alert(1)</script>",
    )
    response = page(client, scene.coach, reverse("placements:detail", args=[plaatsing.pk]))
    html = response.content.decode()
    chart = html.split('id="opbouw-grafiek"')[1].split("</figure>")[0]
    assert "<svg" in chart and "Gepland" in chart and "Gewerkt" in chart
    assert "<script" not in chart
    table = html.split('id="opbouw-tabel"')[1].split("</table>")[0]
    assert "<caption>" in table
    assert "<td>8</td><td>7</td>" in table
    assert "<td>12,5</td>" in table and "nog niet ingevuld" in table
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in table
    assert "<script>alert(1)" not in html


# --- 7. what the employer's people see ----------------------------------------------------


def test_employer_user_sees_the_placement_and_plans_but_not_unshared_instruments(client, coach):
    scene = make_scene(coach)
    plaatsing = place(scene)
    InstrumentVersie.objects.create(
        kandidaat=scene.kandidaat,
        kind="financien",
        number=1,
        data={"gevolgen": FINANCIEN_MARKER},
    )
    InstrumentVersie.objects.create(
        kandidaat=scene.kandidaat, kind="wensen", number=1, data={"werk_wens": "ZQX-wens"}
    )
    DeelVersie.objects.create(
        kandidaat=scene.kandidaat, number=1, shared={"werkgever": ["wensen_capaciteiten"]}
    )
    response = page(client, scene.hr_user, reverse("placements:detail", args=[plaatsing.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Lies belt de jobcoach dezelfde dag" in html  # dropout plan
    assert "Lies staat klaar bij de deur" in html  # onboarding plan
    assert FINANCIEN_MARKER not in html and "ZQX-wens" not in html
    assert reverse("instruments:overview", args=[scene.kandidaat.pk]) in html
    # their own milestones, not those of the supervisor or the coach
    milestones = response.context["milestones"]
    assert milestones and {m.route_milestone.party for m in milestones} == {Party.WERKGEVER}
    assert not response.context["can_change"] and not response.context["can_hours"]

    financien = reverse("instruments:detail", args=[scene.kandidaat.pk, "financien"])
    assert client.get(financien).status_code == 403
    wensen = reverse("instruments:detail", args=[scene.kandidaat.pk, "wensen"])
    assert client.get(wensen).status_code == 200

    for name in ("plans_edit", "opbouw_edit", "uren_edit"):
        assert client.get(reverse(f"placements:{name}", args=[plaatsing.pk])).status_code == 403

    mine = client.get(reverse("placements:mine")).content.decode()
    assert reverse("placements:detail", args=[plaatsing.pk]) in mine
    traject_page = client.get(reverse("trajects:detail", args=[scene.traject.pk]))
    assert reverse("placements:detail", args=[plaatsing.pk]) in traject_page.content.decode()


def test_other_placements_are_not_found_for_employer_users(client, coach):
    scene = make_scene(coach)
    plaatsing = place(scene)
    other = make_scene(coach, employer_name="Drukkerij Inkt")
    other_plaatsing = place(other)
    url = reverse("placements:detail", args=[other_plaatsing.pk])
    assert page(client, scene.hr_user, url).status_code == 404
    assert page(client, scene.lg_user, url).status_code == 404
    # same organisation, but not a betrokkene of the traject
    colleague = UserFactory(role="werkgever", organisation=scene.werkgever.organisation)
    own_url = reverse("placements:detail", args=[plaatsing.pk])
    assert page(client, colleague, own_url).status_code == 404
    assert page(client, UserFactory(role="trajectbegeleider"), own_url).status_code == 404
    assert (
        reverse("placements:detail", args=[plaatsing.pk])
        not in page(client, colleague, reverse("placements:mine")).content.decode()
    )
    # a closed traject ends the employer's view
    scene.traject.close("betaald_werk", coach, "Vast contract")
    assert page(client, scene.hr_user, own_url).status_code == 404
    assert page(client, coach, own_url).status_code == 200


def test_candidate_views_but_does_not_change(client, scene):
    plaatsing = place(scene)
    kandidaat_user = UserFactory(role="kandidaat")
    scene.kandidaat.user = kandidaat_user
    scene.kandidaat.save()
    url = reverse("placements:detail", args=[plaatsing.pk])
    assert page(client, kandidaat_user, url).status_code == 200
    plans = reverse("placements:plans_edit", args=[plaatsing.pk])
    assert client.post(plans, {"structuur": "anders"}).status_code == 403


def test_supervisor_enters_actual_hours_but_does_not_change_the_plan(client, scene):
    plaatsing = place(scene)
    add_steps(plaatsing, 2)
    future = OpbouwStap.objects.create(plaatsing=plaatsing, week_start=days(30), planned_hours=16)
    first, second = plaatsing.opbouw.all()[:2]
    client.force_login(scene.lg_user)
    url = reverse("placements:uren_edit", args=[plaatsing.pk])
    response = client.get(url)
    assert response.status_code == 200
    assert len(response.context["formset"].forms) == 2  # only weeks that have begun
    data = {
        "uren-TOTAL_FORMS": "2",
        "uren-INITIAL_FORMS": "2",
        "uren-MIN_NUM_FORMS": "0",
        "uren-MAX_NUM_FORMS": "1000",
        "uren-0-id": first.pk,
        "uren-0-actual_hours": "7.5",
        "uren-0-planned_hours": "40",  # not in this form: ignored
        "uren-1-id": second.pk,
        "uren-1-actual_hours": "41",
    }
    response = client.post(url, data)
    assert response.status_code == 200
    assert HOURS_ERROR in response.content.decode() and 'value="41"' in response.content.decode()
    data["uren-1-actual_hours"] = "9"
    assert client.post(url, data).status_code == 302
    first.refresh_from_db()
    second.refresh_from_db()
    assert (float(first.actual_hours), float(first.planned_hours)) == (7.5, 8)
    assert float(second.actual_hours) == 9

    plan = reverse("placements:opbouw_edit", args=[plaatsing.pk])
    assert client.get(plan).status_code == 403
    rows = [(0, "40", "", "")]
    assert client.post(plan, steps_data(plaatsing, rows)).status_code == 403
    assert plaatsing.opbouw.count() == 3
    plans = reverse("placements:plans_edit", args=[plaatsing.pk])
    assert client.post(plans, {"structuur": "anders"}).status_code == 403
    future.refresh_from_db()
    assert future.actual_hours is None


def test_coach_edits_the_plans(client, scene):
    plaatsing = place(scene)
    client.force_login(scene.coach)
    url = reverse("placements:plans_edit", args=[plaatsing.pk])
    data = {"structuur": "Nieuwe structuur", "buddy_checklist": ["wie_bellen"]}
    assert client.post(url, data).status_code == 302
    plaatsing.refresh_from_db()
    assert plaatsing.structuur == "Nieuwe structuur"
    assert plaatsing.buddy_checklist == ["wie_bellen"]
    assert plaatsing.welkom == ""


def test_visible_placements_match_the_access_rule(client, coach):
    scene = make_scene(coach)
    place(scene)
    other = make_scene(coach, employer_name="Drukkerij Inkt")
    place(other)
    teamleider = UserFactory(role="teamleider", organisation=coach.organisation)
    users = [
        coach,
        teamleider,
        scene.hr_user,
        scene.lg_user,
        other.hr_user,
        UserFactory(role="werkgever", organisation=scene.werkgever.organisation),
        UserFactory(role="trajectbegeleider"),
    ]
    for user in users:
        listed = set(plaatsingen_for(user))
        allowed = {p for p in Plaatsing.objects.all() if access.can(user, "plaatsing.view", p)}
        assert listed == allowed, user


# --- query counts -------------------------------------------------------------------------


def count_queries(client, user, url) -> int:
    client.force_login(user)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


def test_placement_page_costs_the_same_with_2_or_12_steps(client, coach):
    small, large = make_scene(coach), make_scene(coach, employer_name="Drukkerij Inkt")
    few, many = place(small), place(large)
    add_steps(few, 2)
    add_steps(many, 12)
    for who in ("coach", "hr_user", "lg_user"):
        counts = [
            count_queries(client, getattr(s, who), reverse("placements:detail", args=[p.pk]))
            for s, p in ((small, few), (large, many))
        ]
        assert counts[0] == counts[1], (who, counts)
    uren = [
        count_queries(client, s.lg_user, reverse("placements:uren_edit", args=[p.pk]))
        for s, p in ((small, few), (large, many))
    ]
    assert uren[0] == uren[1]
