"""The candidate's invitation to the portal: a one-time link, valid 7 days, to set a password."""

import datetime
import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from tests.factories import KandidaatFactory, TrajectFactory, UserFactory
from werkpad.accounts import invites
from werkpad.accounts.models import Uitnodiging, User
from werkpad.route.models import Party

pytestmark = pytest.mark.django_db

PASSWORD = "Fietsen-naar-de-Dom-42"


def send(client, coach, traject):
    client.force_login(coach)
    return client.post(reverse("accounts:invite", args=[traject.pk]), follow=True)


def link_from(mail) -> str:
    match = re.search(r"http://testserver(/account/uitnodiging/[\w-]+/)", mail.body)
    assert match, mail.body
    return match.group(1)


def invited(client, coach, traject, mailoutbox) -> str:
    """Invite through the coach's button; the link from the e-mail. The client is logged out."""
    send(client, coach, traject)
    client.logout()
    return link_from(mailoutbox[-1])


def test_coach_sends_mail_with_link(client, coach, traject, mailoutbox):
    page = send(client, coach, traject).content.decode()
    email = traject.kandidaat.email
    assert f"Uitnodiging verstuurd naar {email}" in page
    assert len(mailoutbox) == 1
    mail = mailoutbox[0]
    assert mail.to == [email]
    assert mail.subject == "Je uitnodiging voor Werkpad"
    assert coach.get_full_name() in mail.body
    assert "7 dagen" in mail.body
    assert "Werkpad" in mail.body
    link_from(mail)
    uitnodiging = Uitnodiging.objects.get()
    assert uitnodiging.kandidaat == traject.kandidaat and uitnodiging.created_by == coach
    assert uitnodiging.expires_at - uitnodiging.created_at == datetime.timedelta(days=7)


def test_traject_page_shows_invite_button_until_there_is_an_account(client, coach, traject):
    client.force_login(coach)
    detail = reverse("trajects:detail", args=[traject.pk])
    assert "Uitnodigen voor Werkpad" in client.get(detail).content.decode()
    traject.kandidaat.user = UserFactory(role="kandidaat")
    traject.kandidaat.save()
    assert "Uitnodigen voor Werkpad" not in client.get(detail).content.decode()


def test_link_works_once_and_logs_the_candidate_in(client, coach, traject, mailoutbox):
    link = invited(client, coach, traject, mailoutbox)
    form = client.get(link)
    assert form.status_code == 200
    assert "Kies een wachtwoord" in form.content.decode()
    assert "Herhaal je wachtwoord" in form.content.decode()

    response = client.post(link, {"new_password1": PASSWORD, "new_password2": PASSWORD})
    assert response.status_code == 302 and response["Location"] == reverse("home")

    kandidaat = traject.kandidaat
    kandidaat.refresh_from_db()
    user = User.objects.get(email=kandidaat.email)
    assert user.role == User.Role.KANDIDAAT
    assert (user.first_name, user.last_name) == (kandidaat.first_name, kandidaat.last_name)
    assert user.check_password(PASSWORD)
    assert kandidaat.user == user
    assert traject.betrokkenen.get(party=Party.KANDIDAAT).user == user
    assert Uitnodiging.objects.get().used_at is not None

    page = client.get(reverse("home"), follow=True)
    assert page.redirect_chain[-1][0] == reverse("portal:home")
    text = page.content.decode()
    assert "Welkom bij Werkpad!" in text and f"Hoi {kandidaat.first_name}" in text
    assert reverse("trajects:detail", args=[traject.pk]) in text

    client.logout()
    again = client.get(link)
    assert again.status_code == 410
    assert "Deze link is al gebruikt" in again.content.decode()
    assert reverse("accounts:login") in again.content.decode()
    double = client.post(link, {"new_password1": PASSWORD, "new_password2": PASSWORD})
    assert double.status_code == 410
    assert User.objects.filter(role=User.Role.KANDIDAAT).count() == 1


def test_candidate_clicking_their_link_again_goes_home(client, coach, traject, mailoutbox):
    link = invited(client, coach, traject, mailoutbox)
    client.post(link, {"new_password1": PASSWORD, "new_password2": PASSWORD})
    response = client.get(link)
    assert response.status_code == 302 and response["Location"] == reverse("home")


def test_all_kandidaat_betrokkenen_of_all_trajects_get_the_account(client, coach, mailoutbox):
    kandidaat = KandidaatFactory()
    first = TrajectFactory(kandidaat=kandidaat, coach=coach)
    second = TrajectFactory(kandidaat=kandidaat, coach=coach)
    link = invited(client, coach, first, mailoutbox)
    client.post(link, {"new_password1": PASSWORD, "new_password2": PASSWORD})
    user = User.objects.get(email=kandidaat.email)
    for traject in (first, second):
        assert traject.betrokkenen.get(party=Party.KANDIDAAT).user == user


def test_accept_twice_creates_one_user(coach, traject):
    uitnodiging = invites.invite(traject.kandidaat, coach, base_url="https://werkpad.test")
    stale = Uitnodiging.objects.get(pk=uitnodiging.pk)  # a second request, loaded before
    invites.accept(uitnodiging, PASSWORD)
    with pytest.raises(invites.InviteError) as error:
        invites.accept(stale, PASSWORD)
    assert error.value.status == "used"
    assert User.objects.filter(role=User.Role.KANDIDAAT).count() == 1


def test_expired_link_says_so(client, coach, traject, mailoutbox):
    link = invited(client, coach, traject, mailoutbox)
    Uitnodiging.objects.update(expires_at=timezone.now() - datetime.timedelta(minutes=1))
    response = client.get(link)
    assert response.status_code == 410
    text = response.content.decode()
    assert "Deze uitnodiging is verlopen" in text
    assert "Vraag je begeleider om een nieuwe uitnodiging" in text
    posted = client.post(link, {"new_password1": PASSWORD, "new_password2": PASSWORD})
    assert posted.status_code == 410
    assert not User.objects.filter(role=User.Role.KANDIDAAT).exists()


def test_unknown_token_is_404(client, db):
    response = client.get(reverse("accounts:accept", args=["verzonnen-token-123"]))
    assert response.status_code == 404
    text = response.content.decode()
    assert "Deze link klopt niet" in text and "begeleider" in text


def test_raw_token_is_not_stored(client, coach, traject, mailoutbox):
    link = invited(client, coach, traject, mailoutbox)
    token = link.rstrip("/").rsplit("/", 1)[1]
    assert len(token) >= 40
    uitnodiging = Uitnodiging.objects.get()
    for field in Uitnodiging._meta.concrete_fields:
        assert token not in str(getattr(uitnodiging, field.attname))
    assert uitnodiging.token_hash == invites.hash_token(token)
    assert invites.check(token) == ("ok", uitnodiging)


def test_newer_invitation_revokes_the_older_link(client, coach, traject, mailoutbox):
    old = invited(client, coach, traject, mailoutbox)
    new = invited(client, coach, traject, mailoutbox)
    assert old != new
    response = client.get(old)
    assert response.status_code == 410
    assert "Deze uitnodiging is verlopen" in response.content.decode()
    client.post(old, {"new_password1": PASSWORD, "new_password2": PASSWORD})
    assert not User.objects.filter(role=User.Role.KANDIDAAT).exists()
    assert client.get(new).status_code == 200


@pytest.mark.parametrize(
    ("password1", "password2", "message"),
    [
        ("kort1", "kort1", "Dit wachtwoord is te kort"),
        (PASSWORD, PASSWORD + "x", "De twee wachtwoorden zijn niet hetzelfde"),
        ("wachtwoord", "wachtwoord", "Dit wachtwoord is te algemeen"),
        ("4815162342", "4815162342", "alleen uit cijfers"),
    ],
)
def test_bad_password_keeps_the_page(
    client, coach, traject, mailoutbox, password1, password2, message
):  # noqa: E501
    link = invited(client, coach, traject, mailoutbox)
    response = client.post(link, {"new_password1": password1, "new_password2": password2})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not User.objects.filter(role=User.Role.KANDIDAAT).exists()
    assert Uitnodiging.objects.get().used_at is None
    assert client.get(link).status_code == 200  # the link still works


def test_someone_elses_traject_is_404(client, traject, mailoutbox):
    other = UserFactory(role="trajectbegeleider")
    client.force_login(other)
    response = client.post(reverse("accounts:invite", args=[traject.pk]))
    assert response.status_code == 404
    assert not Uitnodiging.objects.exists() and not mailoutbox


def test_candidate_cannot_invite(client, coach, traject, mailoutbox):
    link = invited(client, coach, traject, mailoutbox)
    client.post(link, {"new_password1": PASSWORD, "new_password2": PASSWORD})
    response = client.post(reverse("accounts:invite", args=[traject.pk]))
    assert response.status_code == 403


def test_invite_is_post_only(client, coach, traject):
    client.force_login(coach)
    assert client.get(reverse("accounts:invite", args=[traject.pk])).status_code == 405


def test_candidate_with_account_is_not_invited_again(client, coach, traject, mailoutbox):
    traject.kandidaat.user = UserFactory(role="kandidaat")
    traject.kandidaat.save()
    text = send(client, coach, traject).content.decode()
    assert "heeft al een account" in text
    assert not Uitnodiging.objects.exists() and not mailoutbox


def test_candidate_without_email_gets_a_clear_message(client, coach, mailoutbox):
    traject = TrajectFactory(kandidaat=KandidaatFactory(email=""), coach=coach)
    text = send(client, coach, traject).content.decode()
    assert "geen e-mailadres bekend" in text
    assert not Uitnodiging.objects.exists() and not mailoutbox


def test_email_of_an_existing_account_is_refused(client, coach, traject, mailoutbox):
    UserFactory(email=traject.kandidaat.email.upper())
    text = send(client, coach, traject).content.decode()
    assert "Er is al een account met het e-mailadres" in text
    assert not mailoutbox


def test_failing_mail_stores_nothing(client, coach, traject, monkeypatch):
    def broken(*args, **kwargs):
        raise ConnectionRefusedError

    monkeypatch.setattr(invites, "send_mail", broken)
    text = send(client, coach, traject).content.decode()
    assert "De e-mail kon niet worden verstuurd" in text
    assert not Uitnodiging.objects.exists()


def test_no_invitation_on_a_closed_traject(client, coach, traject):
    traject.close("gestopt", coach, reason="Verhuisd")
    client.force_login(coach)
    response = client.post(reverse("accounts:invite", args=[traject.pk]), follow=True)
    assert "Dit traject is afgesloten" in response.content.decode()
    assert not mail.outbox
