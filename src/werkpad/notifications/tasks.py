"""Background tasks, run by `manage.py worker` (django-tasks-db).

- `send_message`: sends one e-mail. It first claims the Bericht with a conditional UPDATE
  (wachtrij -> bezig); only the process whose UPDATE changed the row sends, so an e-mail is
  never sent twice, also when the task runs twice or two workers race.
- `retry_failed()`: queues the failed e-mails whose wait is over (called by the worker).
- `daily_round`: the daily round of check-in reminders, signals and contact reminders.
"""

from __future__ import annotations

import datetime
import json
import logging

from django.conf import settings
from django.core.mail import EmailMessage, mailers
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.tasks import task
from django.utils import timezone, translation
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from .models import MAX_ATTEMPTS, RETRY_MINUTES, Bericht, Ronde
from .service import queue_check_at

logger = logging.getLogger(__name__)

# an e-mail that stays "bezig" this long was interrupted (the worker died while sending):
# it is given up, not sent again, because it may have gone out already
BEZIG_TE_LANG = datetime.timedelta(hours=1)
FOUT_MAX = 300

# the parts of the daily round: name in the result -> function(today) -> dict of counts
ONDERDELEN: tuple[tuple[str, str], ...] = (
    ("monitoring", "werkpad.monitoring.checkins.service.daily_round"),
    ("uitval", "werkpad.dropout.service.contact_reminders"),
)


# --- e-mail ------------------------------------------------------------------------------


@task()
def send_message(bericht_id: int) -> str:
    """Send one e-mail, at most once. Returns what happened (for the task result)."""
    if not claim(bericht_id):
        return "overgeslagen"
    bericht = Bericht.objects.get(pk=bericht_id)
    try:
        _send(bericht)
    except Exception as error:  # any failure is recorded on the Bericht and retried later
        return _record_failure(bericht, error)
    Bericht.objects.filter(pk=bericht.pk, status=Bericht.Status.BEZIG).update(
        status=Bericht.Status.VERZONDEN,
        verzonden_op=timezone.now(),
        pogingen=F("pogingen") + 1,
        laatste_fout="",
        volgende_poging=None,
        bezig_sinds=None,
    )
    return "verzonden"


def claim(bericht_id: int) -> bool:
    """Take the e-mail for sending. True for exactly one caller: the conditional UPDATE
    changes the row only while it is waiting (or failed and due again)."""
    now = timezone.now()
    waiting = Q(status=Bericht.Status.WACHTRIJ) | Q(
        status=Bericht.Status.MISLUKT, volgende_poging__lte=now
    )
    changed = Bericht.objects.filter(waiting, pk=bericht_id).update(
        status=Bericht.Status.BEZIG, bezig_sinds=now
    )
    return changed == 1


def _send(bericht: Bericht) -> None:
    message = EmailMessage(
        subject=bericht.onderwerp,
        body=bericht.tekst,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[bericht.aan],
    )
    if bericht.bijlage_naam:
        message.attach(
            bericht.bijlage_naam,
            bericht.bijlage_inhoud,
            bericht.bijlage_mimetype or "text/plain",
        )
    if not mailers.default.send_messages([message]):
        raise RuntimeError("de mailserver heeft het bericht niet aangenomen")


def _record_failure(bericht: Bericht, error: Exception) -> str:
    pogingen = bericht.pogingen + 1
    given_up = pogingen >= MAX_ATTEMPTS
    wait = RETRY_MINUTES[min(pogingen, len(RETRY_MINUTES)) - 1]
    Bericht.objects.filter(pk=bericht.pk, status=Bericht.Status.BEZIG).update(
        status=Bericht.Status.OPGEGEVEN if given_up else Bericht.Status.MISLUKT,
        pogingen=pogingen,
        laatste_fout=error_text(error),
        volgende_poging=None if given_up else timezone.now() + datetime.timedelta(minutes=wait),
        bezig_sinds=None,
    )
    logger.warning("E-mail %s not sent (attempt %s): %s", bericht.pk, pogingen, type(error))
    return "opgegeven" if given_up else "mislukt"


def error_text(error: Exception) -> str:
    """A short, single-line error without secrets (the mail password is blanked out)."""
    text = " ".join(f"{type(error).__name__}: {error}".split())
    secret = settings.MAILERS.get("default", {}).get("OPTIONS", {}).get("password")
    if secret:
        text = text.replace(secret, "***")
    return text[:FOUT_MAX]


def retry_failed() -> int:
    """Queue the failed e-mails whose wait is over (and waiting ones whose task was lost);
    give up e-mails that were interrupted while sending. Returns how many were queued."""
    now = timezone.now()
    with translation.override(settings.LANGUAGE_CODE):
        interrupted = _(
            "Onderbroken tijdens het versturen. Niet opnieuw geprobeerd, want misschien is "
            "de e-mail al aangekomen."
        )
    Bericht.objects.filter(status=Bericht.Status.BEZIG, bezig_sinds__lt=now - BEZIG_TE_LANG).update(
        status=Bericht.Status.OPGEGEVEN, laatste_fout=interrupted, bezig_sinds=None
    )
    queued = 0
    # failed and due again, or waiting too long (its task was lost): queue a send task.
    # Each row is moved on with a conditional UPDATE first, so a second worker skips it.
    due = Bericht.objects.filter(
        status__in=[Bericht.Status.MISLUKT, Bericht.Status.WACHTRIJ], volgende_poging__lte=now
    )
    for pk, status in due.values_list("pk", "status"):
        with transaction.atomic():  # the move and the task together
            moved = Bericht.objects.filter(pk=pk, status=status, volgende_poging__lte=now).update(
                status=Bericht.Status.WACHTRIJ, volgende_poging=queue_check_at()
            )
            if moved:
                send_message.enqueue(pk)
                queued += 1
    return queued


# --- the daily round ---------------------------------------------------------------------


def ronde_sleutel(datum: datetime.date) -> str:
    return f"dagelijks:{datum.isoformat()}"


@task()
def daily_round(datum: str) -> dict:
    """The daily round for one day (ISO date), once: a second run of the task leaves it."""
    return run_round(datetime.date.fromisoformat(str(datum)))


def run_round(datum: datetime.date, *, opnieuw: bool = False) -> dict:
    """Run the parts of the daily round and store their counts on the Ronde. A part that
    fails is recorded (the other parts still run). With `opnieuw` a finished round runs
    again; the parts make nothing twice (their messages carry keys)."""
    ronde = _ronde(datum)
    if ronde.klaar_op and not opnieuw:
        return ronde.resultaat
    resultaat: dict = {}
    for naam, pad in ONDERDELEN:
        try:
            deel = import_string(pad)(datum)
            resultaat[naam] = json.loads(json.dumps(deel or {}, default=str))
        except Exception as error:  # one failing part must not stop the others
            logger.exception("Daily round %s: part %s failed", datum, naam)
            resultaat[naam] = {"fout": type(error).__name__}
    ronde.resultaat = resultaat
    ronde.klaar_op = timezone.now()
    ronde.save(update_fields=["resultaat", "klaar_op"])
    return resultaat


def _ronde(datum: datetime.date) -> Ronde:
    sleutel = ronde_sleutel(datum)
    try:
        with transaction.atomic():
            return Ronde.objects.get_or_create(sleutel=sleutel)[0]
    except IntegrityError:
        return Ronde.objects.get(sleutel=sleutel)
