"""Inviting a candidate to the portal: a one-time link, valid 7 days, to set a password.

- `invite(kandidaat, by)` stores a new invitation (only the sha256 hash of its token), makes the
  candidate's older unused invitations unusable and sends the e-mail with the link.
- `check(token)` says what a link is worth: ok, unknown, used or expired.
- `accept(uitnodiging, password)` creates the candidate's account and links it to the candidate
  and to their betrokkenen of party "kandidaat", in one transaction with row locks.

The candidate and betrokkene models are looked up by label (`apps.get_model`), so that
accounts does not import trajects.
"""

from __future__ import annotations

import hashlib
import logging
import secrets
import smtplib

from django.apps import apps
from django.conf import settings
from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.core.validators import validate_email
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from werkpad.route.models import Party

from .models import Uitnodiging, User

logger = logging.getLogger(__name__)

Status = Uitnodiging.Status


class InviteError(ValidationError):
    """The invitation cannot be sent or accepted; the message is for the user. `status` is set
    when the invitation itself is no longer usable."""

    def __init__(self, message, status: str | None = None):
        super().__init__(message)
        self.status = status


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _inviter(by: User) -> str:
    name = by.get_full_name() or by.email
    if by.organisation_id:
        return _("%(name)s van %(organisation)s") % {"name": name, "organisation": by.organisation}
    return name


def _mail_body(kandidaat, by: User, email: str, link: str) -> str:
    inviter = _inviter(by)
    lines = [
        _("Hallo %(name)s,") % {"name": kandidaat.first_name},
        "",
        _("%(inviter)s nodigt je uit voor Werkpad.") % {"inviter": inviter},
        _(
            "In Werkpad houden jij en je begeleider samen bij hoe het gaat op je weg naar werk "
            "dat past."
        ),
        "",
        _("Klik op de link hieronder en kies een wachtwoord:"),
        link,
        "",
        _("De link werkt 7 dagen en maar één keer."),
        _("Daarna log je in met je e-mailadres (%(email)s) en je wachtwoord.") % {"email": email},
        _("Werkt de link niet meer? Vraag je begeleider dan om een nieuwe uitnodiging."),
        "",
        _("Heb je deze e-mail niet verwacht? Dan hoef je niets te doen."),
        "",
        _("Groet,"),
        "Werkpad",
    ]
    return "\n".join(lines)


@transaction.atomic
def invite(
    kandidaat, by: User, email: str | None = None, *, base_url: str | None = None, request=None
) -> Uitnodiging:
    """Invite the candidate by e-mail. The link is built from `request` (its host) or
    `base_url` ("https://werkpad.example.nl"). Raises InviteError (a ValidationError, message in
    Dutch) when the candidate already has an account or there is no usable e-mail address.
    If the mail cannot be sent, nothing is stored."""
    if request is None and not base_url:
        raise TypeError("invite() needs a request or a base_url to build the link")
    if kandidaat.user_id:
        raise InviteError(
            _("%(name)s heeft al een account voor Werkpad. Een nieuwe uitnodiging is niet nodig.")
            % {"name": kandidaat}
        )
    email = (email or kandidaat.email or "").strip().lower()
    if not email:
        raise InviteError(
            _(
                "Van %(name)s is geen e-mailadres bekend. Een uitnodiging gaat per e-mail. Zorg "
                "eerst dat het e-mailadres bij de gegevens van de kandidaat staat."
            )
            % {"name": kandidaat}
        )
    try:
        validate_email(email)
    except ValidationError:
        raise InviteError(
            _("Het e-mailadres %(email)s klopt niet. Controleer het en probeer het opnieuw.")
            % {"email": email}
        ) from None
    if User.objects.filter(email__iexact=email).exists():
        raise InviteError(
            _(
                "Er is al een account met het e-mailadres %(email)s. Neem contact op met de "
                "beheerder van Werkpad."
            )
            % {"email": email}
        )

    now = timezone.now()
    kandidaat.uitnodigingen.filter(used_at__isnull=True, revoked_at__isnull=True).update(
        revoked_at=now
    )
    token = secrets.token_urlsafe(32)
    uitnodiging = Uitnodiging.objects.create(
        kandidaat=kandidaat,
        email=email,
        token_hash=hash_token(token),
        created_at=now,
        expires_at=now + Uitnodiging.VALID_FOR,
        created_by=by,
    )
    path = reverse("accounts:accept", args=[token])
    link = request.build_absolute_uri(path) if request is not None else base_url.rstrip("/") + path
    # the candidate reads Dutch, whatever language the coach has chosen
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Je uitnodiging voor Werkpad")
        body = _mail_body(kandidaat, by, email, link)
    try:
        send_mail(subject, body, None, [email])
    except (smtplib.SMTPException, OSError) as error:
        logger.warning("Invitation mail for kandidaat %s not sent: %s", kandidaat.pk, error)
        # raising rolls the transaction back: no invitation without a mail
        raise InviteError(
            _("De e-mail kon niet worden verstuurd. Probeer het later opnieuw.")
        ) from error
    return uitnodiging


def check(token: str) -> tuple[str, Uitnodiging | None]:
    """What is this link worth? ("ok" | "unknown" | "used" | "expired", the invitation)."""
    if not token:
        return Status.UNKNOWN, None
    uitnodiging = (
        Uitnodiging.objects.select_related("kandidaat", "created_by")
        .filter(token_hash=hash_token(token))
        .first()
    )
    if uitnodiging is None:
        return Status.UNKNOWN, None
    return uitnodiging.status(), uitnodiging


def new_user(uitnodiging: Uitnodiging) -> User:
    """The (unsaved) account the invitation will create; also used to check the password
    against the person's own details."""
    kandidaat = uitnodiging.kandidaat
    return User(
        email=uitnodiging.email.lower(),
        first_name=kandidaat.first_name,
        last_name=kandidaat.last_name,
        role=User.Role.KANDIDAAT,
    )


@transaction.atomic
def accept(uitnodiging: Uitnodiging, password: str) -> User:
    """Create the candidate's account with this password and link it to the candidate and to
    every betrokkene of party "kandidaat" on their trajects. The invitation and the candidate
    are locked first, so a double submit cannot create two accounts."""
    Kandidaat = apps.get_model("trajects", "Kandidaat")  # noqa: N806
    Betrokkene = apps.get_model("trajects", "Betrokkene")  # noqa: N806
    locked = Uitnodiging.objects.select_for_update().get(pk=uitnodiging.pk)
    kandidaat = Kandidaat.objects.select_for_update().get(pk=locked.kandidaat_id)
    locked.kandidaat = kandidaat
    status = locked.status()
    if status != Status.OK:
        raise InviteError(_("Deze uitnodiging kan niet meer worden gebruikt."), status=status)
    user = new_user(locked)
    password_validation.validate_password(password, user)
    if User.objects.filter(email__iexact=user.email).exists():
        raise InviteError(
            _(
                "Er is al een account met het e-mailadres %(email)s. Log in, of vraag je "
                "begeleider om hulp."
            )
            % {"email": user.email}
        )
    user.set_password(password)
    user.save()
    kandidaat.user = user
    kandidaat.save(update_fields=["user"])
    # one save per betrokkene, so the audit trail records each link
    for betrokkene in Betrokkene.objects.filter(
        traject__kandidaat=kandidaat, party=Party.KANDIDAAT, user__isnull=True
    ):
        betrokkene.user = user
        betrokkene.save(update_fields=["user"])
    locked.used_at = timezone.now()
    locked.save(update_fields=["used_at"])
    uitnodiging.used_at = locked.used_at
    return user
