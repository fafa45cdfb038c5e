"""Views for monitoring a placement: the check-ins (logged in, or through the e-mailed link),
the traffic light with its reasons, the rhythm, the rules explained and the coach's overview
of signals. Access through `werkpad.access`; writes go through `service.py`, the rules live
in `monitoring.rules.engine`."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.paginator import Paginator
from django.db import IntegrityError
from django.db.models import Case, IntegerField, OuterRef, Subquery, Value, When
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from werkpad import access
from werkpad.audit import trail
from werkpad.audit.trail import log_read
from werkpad.instruments.policy import Instrument
from werkpad.placements.models import Plaatsing
from werkpad.placements.policy import plaatsing_or_404
from werkpad.trajects.policy import caseload_trajects

from ..models import (
    LINK_OPEN_DAYS,
    Beoordeling,
    CheckInMoment,
    KandidaatCheckIn,
    LeidinggevendeCheckIn,
    MonitoringSchema,
    Niveau,
)
from ..rules import engine
from . import service, tokens
from .forms import KandidaatCheckInForm, LeidinggevendeCheckInForm, SchemaForm

KANDIDAAT = CheckInMoment.Voor.KANDIDAAT
LEIDINGGEVENDE = CheckInMoment.Voor.LEIDINGGEVENDE
FORMS = {KANDIDAAT: KandidaatCheckInForm, LEIDINGGEVENDE: LeidinggevendeCheckInForm}
SIGNALEN_PAGE_SIZE = 100


# --- the traffic light ---------------------------------------------------------------------


def detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The light with its reasons and steps, the rhythm, the check-ins and the history. People
    of the employer see it only when the candidate shares their check-ins with them."""
    plaatsing = plaatsing_or_404(request.user, pk)
    traject = plaatsing.traject
    if not access.can(request.user, "plaatsing.monitoring", plaatsing):
        return render(request, "monitoring/niet_gedeeld.html", _own_links(request, plaatsing))
    today = timezone.localdate()
    actief = service.is_active(plaatsing, today)
    schema = (
        MonitoringSchema.for_plaatsing(plaatsing, today)
        if actief
        else MonitoringSchema.objects.filter(plaatsing=plaatsing).first()
    )
    is_self = traject.kandidaat.user_id == request.user.pk
    can_change = access.can(request.user, "plaatsing.monitoring_change", plaatsing)
    context = {
        "plaatsing": plaatsing,
        "traject": traject,
        "kandidaat": traject.kandidaat,
        "schema": schema,
        "actief": actief,
        "ritme": service.ritme(schema, today) if schema else None,
        "rijen": service.checkin_rijen(plaatsing, today),
        "leidinggevende_checkins": plaatsing.leidinggevende_checkins.all()[:8],
        "historie": Beoordeling.objects.filter(plaatsing=plaatsing)[:15],
        "is_self": is_self,
        "can_change": can_change and actief,
        "can_driegesprek": actief and access.can(request.user, "plaatsing.driegesprek", plaatsing),
        "crisiskaart": access.can(
            request.user, "instrument.view", Instrument(traject.kandidaat, "crisiskaart")
        ),
        **_own_links(request, plaatsing),
    }
    if not is_self:
        log_read(request.user, plaatsing, detail="monitoring")
    return render(request, "monitoring/detail.html", context)


def _own_links(request: HttpRequest, plaatsing: Plaatsing) -> dict:
    """The user's own check-in link on this placement (candidate or supervisor)."""
    context = {"plaatsing": plaatsing, "kandidaat": plaatsing.traject.kandidaat}
    if not service.is_active(plaatsing):
        return context
    if access.can(request.user, "plaatsing.checkin", plaatsing):
        context["eigen_checkin"] = reverse("monitoring:checkin", args=[plaatsing.pk])
    elif access.can(request.user, "plaatsing.checkin_leidinggevende", plaatsing):
        context["eigen_checkin"] = reverse("monitoring:checkin_leidinggevende", args=[plaatsing.pk])
    return context


def schema_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """The check-in rhythm (the coach)."""
    plaatsing = plaatsing_or_404(request.user, pk, "plaatsing.monitoring_change")
    schema = MonitoringSchema.for_plaatsing(plaatsing)
    form = SchemaForm(request.POST or None, instance=schema)
    if request.method == "POST" and form.is_valid():
        service.change_rhythm(schema, request.user, form.cleaned_data)
        messages.success(request, _("Het ritme van de check-ins is opgeslagen."))
        return redirect("monitoring:detail", pk=plaatsing.pk)
    context = {"plaatsing": plaatsing, "form": form, "heading": _("Ritme van de check-ins")}
    return render(request, "monitoring/schema_form.html", context)


@require_POST
def contact_afspraak(request: HttpRequest, pk: int) -> HttpResponse:
    """'Afspraak maken: contact binnen N dagen': an agreement for the coach, due today + N,
    on the timeline. Twice on the same day makes it once."""
    plaatsing = plaatsing_or_404(request.user, pk, "plaatsing.monitoring_change")
    agreed = service.agree_contact(plaatsing, request.user)
    if agreed is None:
        messages.error(request, _("Er is nu geen contact nodig volgens de signalen."))
        return redirect("monitoring:detail", pk=plaatsing.pk)
    afspraak, created = agreed
    if created:
        messages.success(
            request,
            _("Afspraak gemaakt: %(what)s, uiterlijk %(date)s.")
            % {"what": afspraak.what, "date": formats.date_format(afspraak.due_date, "j F")},
        )
    else:
        messages.info(request, _("Deze afspraak stond er al."))
    return redirect("monitoring:detail", pk=plaatsing.pk)


# --- check-ins -----------------------------------------------------------------------------


def checkin(request: HttpRequest, pk: int) -> HttpResponse:
    """The candidate's own check-in, logged in."""
    plaatsing = plaatsing_or_404(request.user, pk, "plaatsing.checkin")
    return _logged_in_checkin(request, plaatsing, KANDIDAAT)


def checkin_leidinggevende(request: HttpRequest, pk: int) -> HttpResponse:
    """The supervisor's check-in, logged in."""
    plaatsing = plaatsing_or_404(request.user, pk, "plaatsing.checkin_leidinggevende")
    return _logged_in_checkin(request, plaatsing, LEIDINGGEVENDE)


def _logged_in_checkin(request: HttpRequest, plaatsing: Plaatsing, voor: str) -> HttpResponse:
    """The open planned check-in; without one, an extra check-in, once a day."""
    if reason := service.stopped_reason(plaatsing):
        return _state(request, plaatsing, voor, service.Stand.GESTOPT, reason=reason)
    moment = service.open_moment(plaatsing, voor)
    if moment is None:
        model = KandidaatCheckIn if voor == KANDIDAAT else LeidinggevendeCheckIn
        earlier = model.objects.filter(plaatsing=plaatsing, datum=timezone.localdate()).first()
        if earlier is not None:
            return _state(request, plaatsing, voor, service.Stand.INGEVULD, when=earlier.created_at)
    return _checkin_form(request, plaatsing, voor, moment, via_link=False)


@login_not_required
@never_cache
def checkin_link(request: HttpRequest, token: str) -> HttpResponse:
    """The check-in from the e-mailed link, without logging in. Shows a first name and the
    questions only; a forwarded link lets someone answer, never read."""
    moment_id = tokens.read(token)
    moment = (
        CheckInMoment.objects.select_related(
            "plaatsing__traject__kandidaat", "plaatsing__leidinggevende"
        )
        .filter(pk=moment_id)
        .first()
        if moment_id is not None
        else None
    )
    if moment is None:
        return render(request, "monitoring/checkin_onbekend.html", status=404)
    plaatsing, voor = moment.plaatsing, moment.voor
    stand = service.link_stand(moment)
    if stand == service.Stand.INGEVULD:
        return _state(request, plaatsing, voor, stand, when=moment.ingevuld_op, link=True)
    if stand == service.Stand.GESTOPT:
        reason = service.stopped_reason(plaatsing)
        return _state(request, plaatsing, voor, stand, reason=reason, link=True, status=410)
    if stand == service.Stand.VERLOPEN:
        return _state(request, plaatsing, voor, stand, moment=moment, link=True, status=410)
    return _checkin_form(request, plaatsing, voor, moment, via_link=True)


def _checkin_form(
    request: HttpRequest, plaatsing: Plaatsing, voor: str, moment, *, via_link: bool
) -> HttpResponse:
    form = FORMS[voor](request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            _checkin, assessment = service.save_checkin(
                plaatsing,
                voor,
                form.model_fields(),
                moment=moment,
                user=request.user,
                via_link=via_link,
            )
        except IntegrityError:  # the same planned check-in, sent twice at once
            moment.refresh_from_db()
            return _state(request, plaatsing, voor, service.Stand.INGEVULD, when=moment.ingevuld_op)
        return _thanks(request, plaatsing, voor, form, assessment, via_link)
    context = {
        "form": form,
        "voor": voor,
        "naam": _first_name(plaatsing, voor),
        "kandidaat_naam": plaatsing.traject.kandidaat.first_name,
        "moment": moment,
        "via_link": via_link,
        "plaatsing": plaatsing,
    }
    return render(request, "monitoring/checkin.html", context)


def _thanks(request, plaatsing, voor, form, assessment, via_link: bool) -> HttpResponse:
    kandidaat = plaatsing.traject.kandidaat
    zorg = assessment.level in service.ALERT_LEVELS if voor == KANDIDAAT else form.worrying
    crisiskaart = not via_link and access.can(
        request.user, "instrument.view", Instrument(kandidaat, "crisiskaart")
    )
    context = {
        "voor": voor,
        "naam": _first_name(plaatsing, voor),
        "zorg": zorg,
        "dagen": assessment.contact_within_days,
        "crisiskaart_url": reverse("instruments:detail", args=[kandidaat.pk, "crisiskaart"])
        if crisiskaart
        else "",
        "via_link": via_link,
        "plaatsing": plaatsing,
    }
    return render(request, "monitoring/checkin_bedankt.html", context)


def _state(
    request, plaatsing, voor, stand, *, when=None, reason="", moment=None, link=False, status=200
) -> HttpResponse:
    context = {
        "stand": stand,
        "voor": voor,
        "naam": _first_name(plaatsing, voor),
        "when": timezone.localtime(when) if when else None,
        "reason": reason,
        "open_tot": timezone.localtime(moment.open_tot) if moment else None,
        "via_link": link,
        "plaatsing": plaatsing,
    }
    return render(request, "monitoring/checkin_stand.html", context, status=status)


def _first_name(plaatsing: Plaatsing, voor: str) -> str:
    if voor == KANDIDAAT:
        return plaatsing.traject.kandidaat.first_name
    return plaatsing.leidinggevende.name.split(" ")[0]


# --- the rules explained, and the coach's overview -------------------------------------------


def regels(request: HttpRequest) -> HttpResponse:
    access.require(request.user, "signaalregels.view")
    data = engine.read_rules()
    context = {
        "regels": engine.rules_for_page(),
        "vragen": [q for q in data.get("vragen", []) if not q.get("vrije_tekst")],
        "vragen_leidinggevende": data.get("vragen_leidinggevende", []),
        "schema_uitleg": data.get("schema", {}).get("uitleg", ""),
        "contact_uitleg": data.get("contactschema", {}).get("uitleg", ""),
        "link_dagen": LINK_OPEN_DAYS,
    }
    return render(request, "monitoring/regels.html", context)


LEVEL_ORDER = Case(
    When(monitoring__niveau=Niveau.ROOD, then=Value(0)),
    When(monitoring__niveau=Niveau.ORANJE, then=Value(1)),
    When(monitoring__niveau=Niveau.GROEN, then=Value(2)),
    default=Value(3),
    output_field=IntegerField(),
)


def signalen(request: HttpRequest) -> HttpResponse:
    """The coach's active placements (a team lead: the organisation's), red first."""
    access.require(request.user, "signalen.overview")
    laatste = KandidaatCheckIn.objects.filter(plaatsing=OuterRef("pk")).order_by("-datum")
    plaatsingen = (
        service.active_plaatsingen()
        .filter(traject__in=caseload_trajects(request.user))
        .select_related("traject__kandidaat", "functie__werkgever__organisation", "monitoring")
        .annotate(rang=LEVEL_ORDER, laatste_checkin=Subquery(laatste.values("datum")[:1]))
        .order_by("rang", "traject__kandidaat__first_name", "traject__kandidaat__last_name", "pk")
    )
    page = Paginator(plaatsingen, SIGNALEN_PAGE_SIZE).get_page(request.GET.get("pagina"))
    _log_reads(request.user, page.object_list)
    return render(request, "monitoring/signalen.html", {"page": page})


def _log_reads(user, plaatsingen) -> None:
    """The overview shows reasons from the check-ins: one audit line per placement shown,
    written in one query."""
    trail.log_reads(user, plaatsingen, detail="signalen")
