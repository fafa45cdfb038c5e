"""Making alerts and e-mails. Other parts call `notify()` (an inbox message for users, plus a
neutral e-mail) and `queue_mail()` (an e-mail to an address without an account). Both are safe to
call again with the same key: nothing is made or sent twice, also when two processes race.

Sending is done by the worker (`werkpad.notifications.tasks.send_message`). The task is
queued in the same database transaction as the Bericht (django-tasks-db stores tasks in the
database), so a rolled-back caller leaves neither a message nor a queued send behind."""

from __future__ import annotations

import datetime
import hashlib
import logging
from collections.abc import Iterable

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from werkpad.accounts.models import User
from werkpad.audit import trail
from werkpad.trajects.models import Traject

from .models import NIVEAUS, QUEUE_CHECK_MINUTES, Bericht, Melding

logger = logging.getLogger(__name__)

SLEUTEL_MAX = 200
URL_MAX = 300
MELDING_PREFIX = "melding:"  # keys of e-mails made by notify(); queue_mail() may not use it


def notify(
    ontvangers: Iterable[User | None],
    *,
    soort: str,
    titel: str,
    tekst: str = "",
    url: str = "",
    sleutel: str,
    traject: Traject | None = None,
    niveau: str = "",
    email: bool = True,
) -> list[Melding]:
    """One inbox message per active recipient, never twice for the same (recipient,
    sleutel). When `email` is set and the recipient has an e-mail address, a neutral e-mail
    (the kind of message and a link, never `titel` or `tekst`) is queued too.

    `url` is kept only when it is a path inside Werkpad; `niveau` only when it is groen,
    oranje or rood. Returns the messages made now; recipients who already had this key are
    left out."""
    if not sleutel or len(sleutel) > SLEUTEL_MAX:
        raise ValueError("notify() needs a sleutel of 1 to 200 characters")
    if soort not in Melding.Soort.values:
        raise ValueError(f"unknown soort {soort!r}")
    users = {u.pk: u for u in ontvangers if u is not None and u.pk and u.is_active}
    if not users:
        return []
    al_gemeld = set(
        Melding.objects.filter(ontvanger_id__in=users, sleutel=sleutel).values_list(
            "ontvanger_id", flat=True
        )
    )
    gemaakt = []
    for user in users.values():
        if user.pk in al_gemeld:
            continue
        melding = _make_melding(
            user,
            soort=soort,
            titel=titel[:200],
            tekst=tekst,
            url=url if is_safe_local(url) and len(url) <= URL_MAX else "",
            sleutel=sleutel,
            traject=traject,
            niveau=niveau if niveau in NIVEAUS else "",
            email=email,
        )
        if melding is not None:
            gemaakt.append(melding)
    return gemaakt


def _make_melding(user: User, *, email: bool, **fields) -> Melding | None:
    with transaction.atomic():  # the message and its e-mail together, or neither
        try:
            with transaction.atomic():
                melding = Melding.objects.create(ontvanger=user, **fields)
        except IntegrityError:
            return None  # another process made it in the meantime
        if email and user.email:
            try:
                with transaction.atomic():
                    _make_bericht(
                        aan=user.email,
                        onderwerp=_onderwerp(),
                        tekst=_melding_mail_tekst(melding),
                        sleutel=bericht_sleutel(melding.sleutel, user.pk),
                        melding=melding,
                    )
            except IntegrityError:
                pass  # this e-mail was made before: never send it twice
    return melding


def queue_mail(
    aan: str,
    *,
    onderwerp: str,
    tekst: str,
    sleutel: str,
    bijlage: tuple[str, str, str] | None = None,
) -> Bericht | None:
    """An e-mail to an address without an account, e.g. a check-in link. Never twice for
    one sleutel: returns None when the key was used before (or there is no address). Keep
    the text neutral: a first name and a link at most.

    `bijlage` is an optional (filename, text content, mimetype), e.g. an .ics invitation.
    An address that is not valid is stored as given up, so that it shows in the overview."""
    aan = (aan or "").strip()
    if not aan:
        return None
    if not sleutel or len(sleutel) > SLEUTEL_MAX:
        raise ValueError("queue_mail() needs a sleutel of 1 to 200 characters")
    if sleutel.startswith(MELDING_PREFIX):
        raise ValueError(f"queue_mail() keys may not start with {MELDING_PREFIX!r}")
    extra = {}
    if bijlage is not None:
        naam, inhoud, mimetype = bijlage
        extra = {"bijlage_naam": naam[:200], "bijlage_inhoud": inhoud, "bijlage_mimetype": mimetype}
    try:
        validate_email(aan)
    except ValidationError:
        extra |= {
            "status": Bericht.Status.OPGEGEVEN,
            "laatste_fout": _("Dit e-mailadres klopt niet."),
        }
    try:
        with transaction.atomic():
            return _make_bericht(
                aan=aan[:254], onderwerp=onderwerp[:200], tekst=tekst, sleutel=sleutel, **extra
            )
    except IntegrityError:
        return None


def _make_bericht(**fields) -> Bericht:
    """Store the e-mail and queue its sending (in the caller's transaction)."""
    from .tasks import send_message

    if fields.get("status", Bericht.Status.WACHTRIJ) == Bericht.Status.WACHTRIJ:
        fields["volgende_poging"] = queue_check_at()
        bericht = Bericht.objects.create(**fields)
        send_message.enqueue(bericht.pk)
        return bericht
    return Bericht.objects.create(**fields)


def queue_check_at() -> datetime.datetime:
    """When a waiting e-mail is looked at again if it has not been sent by then."""
    return timezone.now() + datetime.timedelta(minutes=QUEUE_CHECK_MINUTES)


def bericht_sleutel(sleutel: str, user_id: int) -> str:
    """The key of the e-mail for one user's message: unique per (sleutel, user)."""
    key = f"{MELDING_PREFIX}{user_id}:{sleutel}"
    if len(key) > SLEUTEL_MAX:
        digest = hashlib.sha256(sleutel.encode()).hexdigest()
        key = f"{MELDING_PREFIX}{user_id}:#{digest}"
    return key


def _onderwerp() -> str:
    with translation.override(settings.LANGUAGE_CODE):
        return _("Nieuwe melding in Werkpad")


def _melding_mail_tekst(melding: Melding) -> str:
    """The e-mail for an inbox message: only the kind of message and a link. No names, no
    health data: e-mail travels outside Werkpad and may be read by others."""
    link = absolute_url(reverse("meldingen:open", args=[melding.pk]))
    with translation.override(settings.LANGUAGE_CODE):
        return "\n\n".join(
            [
                _("Hallo,"),
                _("Er staat een nieuwe melding voor je klaar in Werkpad.")
                + "\n"
                + _("Soort melding: %(soort)s") % {"soort": Melding.Soort(melding.soort).label},
                _("Log in om de melding te lezen:") + "\n" + link,
                _(
                    "Dit bericht is automatisch verstuurd. In de e-mail staat met opzet geen "
                    "inhoud; die lees je veilig in Werkpad."
                ),
            ]
        )


def absolute_url(path: str) -> str:
    """A link for an e-mail: WERKPAD_BASE_URL plus the path."""
    return settings.WERKPAD_BASE_URL.rstrip("/") + path


def is_safe_local(url: str) -> bool:
    """A path inside Werkpad ("/plaatsingen/3/"), not a link to another site."""
    return (
        bool(url)
        and url.startswith("/")
        and not url.startswith(("//", "/\\"))
        and url_has_allowed_host_and_scheme(url, allowed_hosts=set())
    )


# --- the inbox ----------------------------------------------------------------------------


def mark_read(user: User, pk: int | None = None) -> int:
    """Mark one of the user's messages (or all of them) as read. Returns how many changed."""
    qs = Melding.objects.filter(ontvanger=user, gelezen_op__isnull=True)
    if pk is not None:
        qs = qs.filter(pk=pk)
    return qs.update(gelezen_op=timezone.now())


def unread_count(user: User) -> int:
    """How many unread messages the user has (one COUNT query)."""
    return Melding.objects.filter(ontvanger=user, gelezen_op__isnull=True).count()


def log_reads(user: User, meldingen: Iterable[Melding]) -> None:
    """The inbox shows texts about trajects: record that the user read them, one audit line
    per traject on the page, written in one query."""
    trajects = {m.traject_id: m.traject for m in meldingen if m.traject_id}
    trail.log_reads(user, trajects.values(), detail="meldingen")
