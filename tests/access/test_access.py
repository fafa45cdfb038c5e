"""Who sees what: one module decides, deny by default, 404 for trajects you may not see."""

import pytest
from django.urls import reverse

from tests.factories import KandidaatFactory, OrganisationFactory, TrajectFactory, UserFactory
from werkpad import access
from werkpad.instruments.policy import Instrument
from werkpad.route.models import Party
from werkpad.trajects.models import Afspraak, JournaalNotitie
from werkpad.trajects.policy import milestones_visible, trajects_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def other_coach(organisation):
    return UserFactory(role="trajectbegeleider", organisation=organisation)


def test_coach_sees_own_trajects_only(coach, other_coach, traject):
    other = TrajectFactory(coach=other_coach)
    assert set(trajects_for(coach)) == {traject}
    assert access.can(coach, "traject.view_full", traject)
    assert not access.can(coach, "traject.view", other)


def test_tampered_id_answers_404(client, coach, other_coach):
    other = TrajectFactory(coach=other_coach)
    client.force_login(coach)
    for name in ("detail", "timeline", "milestones", "move", "afspraak_add", "notitie_add"):
        response = client.get(reverse(f"trajects:{name}", args=[other.pk]))
        assert response.status_code == 404, name
    assert client.get(reverse("trajects:detail", args=[999999])).status_code == 404


def test_teamleider_sees_organisation_trajects(organisation, traject):
    lead = UserFactory(role="teamleider", organisation=organisation)
    elsewhere = UserFactory(role="teamleider", organisation=OrganisationFactory())
    assert access.can(lead, "traject.view_full", traject)
    assert not access.can(elsewhere, "traject.view", traject)


def test_regiehouder_sees_coordinated_trajects(coach, traject):
    regie = UserFactory(role="regiehouder")
    assert not access.can(regie, "traject.view", traject)
    traject.add_betrokkene(Party.REGIEHOUDER, by=coach, user=regie)
    assert access.can(regie, "traject.view_full", traject)
    assert access.can(regie, "afspraak.add", traject)
    assert not access.can(regie, "traject.move", traject)


def test_candidate_sees_own_traject_read_only(client, coach):
    account = UserFactory(role="kandidaat")
    own = TrajectFactory(coach=coach, kandidaat=KandidaatFactory(user=account))
    other = TrajectFactory(coach=coach)
    client.force_login(account)
    assert client.get(reverse("trajects:detail", args=[own.pk])).status_code == 200
    assert client.get(reverse("trajects:detail", args=[other.pk])).status_code == 404
    assert client.get(reverse("trajects:move", args=[own.pk])).status_code == 403
    assert client.get(reverse("trajects:notitie_add", args=[own.pk])).status_code == 403


def test_other_party_sees_basic_facts_but_no_notes(client, coach, traject):
    employer = UserFactory(role="werkgever")
    me = traject.add_betrokkene(Party.WERKGEVER, by=coach, user=employer)
    candidate = traject.betrokkenen.get(party=Party.KANDIDAAT)
    JournaalNotitie.objects.create(
        traject=traject, kind="gesprek", text="Vertrouwelijk gesprek over slaap", author=coach
    )
    Afspraak.objects.create(
        traject=traject, what="Geheime afspraak", who=candidate, due_date="2030-01-01"
    )
    Afspraak.objects.create(
        traject=traject, what="Werkplek inrichten", who=me, due_date="2030-01-01"
    )
    client.force_login(employer)
    html = client.get(reverse("trajects:detail", args=[traject.pk])).content.decode()
    assert str(traject.kandidaat) in html
    assert "Vertrouwelijk gesprek" not in html
    assert "Geheime afspraak" not in html
    assert "Werkplek inrichten" in html
    timeline = client.get(reverse("trajects:timeline", args=[traject.pk])).content.decode()
    assert "Vertrouwelijk gesprek" not in timeline
    visible = milestones_visible(employer, traject)
    assert visible.exists()
    assert all(m.owner_id == me.pk for m in visible)


def test_party_may_only_change_own_milestones(client, coach, traject):
    employer = UserFactory(role="werkgever")
    traject.add_betrokkene(Party.WERKGEVER, by=coach, user=employer)
    own = traject.milestones.filter(route_milestone__party=Party.WERKGEVER).first()
    coach_item = traject.milestones.filter(route_milestone__party=Party.BEGELEIDING).first()
    assert access.can(employer, "milestone.change", own)
    assert not access.can(employer, "milestone.change", coach_item)
    client.force_login(employer)
    url = reverse("trajects:milestone_status", args=[traject.pk, coach_item.pk])
    assert client.post(url, {"status": "klaar"}).status_code == 404


def test_anonymous_and_inactive_are_denied(traject, coach):
    from django.contrib.auth.models import AnonymousUser

    assert not access.can(AnonymousUser(), "traject.view", traject)
    coach.is_active = False
    coach.save()
    assert not access.can(coach, "traject.view", traject)
    assert not trajects_for(coach).exists()


def test_unknown_action_is_denied(coach, traject):
    assert not access.can(coach, "traject.delete_everything", traject)
    assert not access.can(coach, "something.global")


def test_admin_does_not_see_dossiers(client, traject):
    admin = UserFactory(role="beheerder", is_staff=True, is_superuser=True)
    client.force_login(admin)
    assert client.get(reverse("trajects:detail", args=[traject.pk])).status_code == 404


def test_candidate_gets_no_change_buttons(client, coach):
    account = UserFactory(role="kandidaat")
    own = TrajectFactory(coach=coach, kandidaat=KandidaatFactory(user=account))
    client.force_login(account)
    html = client.get(reverse("trajects:detail", args=[own.pk])).content.decode()
    assert "Mijlpaal" in html
    assert 'value="klaar"' not in html and "Bewerken" not in html
    client.force_login(coach)
    html = client.get(reverse("trajects:detail", args=[own.pk])).content.decode()
    assert 'value="klaar"' in html


def test_regiehouder_sees_moves_and_agreements_but_not_the_journal_or_reasons(
    client, coach, traject
):
    regie = UserFactory(role="regiehouder")
    traject.add_betrokkene(Party.REGIEHOUDER, by=coach, user=regie)
    traject.move_to("b", coach)
    traject.move_to("a", coach, reason="Slaapt slecht, eerst rust")
    JournaalNotitie.objects.create(
        traject=traject, kind="gesprek", text="Vertrouwelijk verslag", author=coach
    )
    client.force_login(regie)
    for name in ("detail", "timeline"):
        html = client.get(reverse(f"trajects:{name}", args=[traject.pk])).content.decode()
        assert "Van Matching naar Voortraject" in html
        assert "Vertrouwelijk verslag" not in html
        assert "Slaapt slecht" not in html
    client.force_login(coach)
    html = client.get(reverse("trajects:timeline", args=[traject.pk])).content.decode()
    assert "Vertrouwelijk verslag" in html and "Slaapt slecht" in html


def test_party_of_a_closed_traject_loses_shared_instruments(coach, traject):
    from werkpad.instruments.models import DeelVersie

    employer = UserFactory(role="werkgever")
    traject.add_betrokkene(Party.WERKGEVER, by=coach, user=employer)
    DeelVersie.objects.create(
        kandidaat=traject.kandidaat, number=1, shared={"werkgever": ["wat_helpt"]}
    )
    target = Instrument(traject.kandidaat, "wat_helpt")
    assert access.can(employer, "instrument.view", target)
    traject.move_to("b", coach)
    traject.close("gestopt", coach, reason="Verhuisd naar het buitenland")
    access.forget(traject.kandidaat)
    assert not access.can(employer, "instrument.view", target)
    assert access.can(coach, "instrument.view", target)
