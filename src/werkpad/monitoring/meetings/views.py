"""Views for three-party meetings. Thin: access through `werkpad.access`, rules and writes in
`service.py`, the calendar file in `ics.py`. Planning, changing, cancelling, mailing and the
minutes are for the coach (`plaatsing.driegesprek`); everyone who sees the placement sees the
meeting."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from werkpad import access
from werkpad.audit.trail import log_read
from werkpad.placements.policy import plaatsing_or_404

from ..models import Driegesprek
from . import ics as calendar
from . import service
from .forms import DriegesprekForm, VerslagForm, afspraak_formset, nieuwe_afspraken


def new(request: HttpRequest, pk: int) -> HttpResponse:
    plaatsing = plaatsing_or_404(request.user, pk, "plaatsing.driegesprek")
    if request.method == "POST":
        form = DriegesprekForm(request.POST, plaatsing=plaatsing)
    else:
        form = DriegesprekForm(plaatsing=plaatsing, initial=service.propose_meeting(plaatsing))
    if request.method == "POST" and form.is_valid():
        gesprek = service.plan_meeting(plaatsing, request.user, **form.plan_fields())
        messages.success(
            request,
            _("Het driegesprek is gepland. Stuur de uitnodiging of zet hem zelf in je agenda."),
        )
        return redirect("monitoring:driegesprek_detail", pk=gesprek.pk)
    context = {"plaatsing": plaatsing, "form": form, "heading": _("Driegesprek plannen")}
    return render(request, "monitoring/driegesprek_form.html", context)


def detail(request: HttpRequest, pk: int) -> HttpResponse:
    gesprek = _gesprek_or_404(request, pk)
    mensen = service.deelnemers(gesprek)
    coach = access.can(request.user, "plaatsing.driegesprek", gesprek.plaatsing)
    context = {
        "gesprek": gesprek,
        "plaatsing": gesprek.plaatsing,
        "kandidaat": gesprek.plaatsing.traject.kandidaat,
        "mensen": service.with_send_status(gesprek, mensen)
        if coach
        else [(p, False) for p in mensen.all],
        "afspraken": gesprek.afspraken.select_related("who__user").order_by("due_date", "pk"),
        "can_change": coach and gesprek.status == Driegesprek.Status.GEPLAND,
        "can_mail": coach and not service.invitation_problem(gesprek),
        "can_verslag": coach and not service.minutes_problem(gesprek),
        "is_coach": coach,
    }
    _log(request, gesprek)
    return render(request, "monitoring/driegesprek_detail.html", context)


def edit(request: HttpRequest, pk: int) -> HttpResponse:
    gesprek = _gesprek_or_404(request, pk, "plaatsing.driegesprek")
    if gesprek.status != Driegesprek.Status.GEPLAND:
        messages.error(request, _("Alleen een gepland driegesprek kun je nog wijzigen."))
        return redirect("monitoring:driegesprek_detail", pk=gesprek.pk)
    plaatsing = gesprek.plaatsing
    form = DriegesprekForm(request.POST or None, plaatsing=plaatsing, instance=gesprek)
    if request.method == "POST" and form.is_valid():
        if service.change_meeting(gesprek, **form.plan_fields()):
            messages.success(
                request,
                _(
                    "Het driegesprek is gewijzigd. Stuur de nieuwe uitnodiging, zodat ieders "
                    "agenda klopt."
                ),
            )
        else:
            messages.info(request, _("Er is niets veranderd."))
        return redirect("monitoring:driegesprek_detail", pk=gesprek.pk)
    context = {
        "plaatsing": plaatsing,
        "gesprek": gesprek,
        "form": form,
        "heading": _("Driegesprek wijzigen"),
    }
    return render(request, "monitoring/driegesprek_form.html", context)


@require_POST
def cancel(request: HttpRequest, pk: int) -> HttpResponse:
    gesprek = _gesprek_or_404(request, pk, "plaatsing.driegesprek")
    try:
        service.cancel_meeting(gesprek)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("Het driegesprek is afgezegd. Stuur de afzegging, zodat het uit ieders agenda gaat."),
        )
    return redirect("monitoring:driegesprek_detail", pk=gesprek.pk)


def ics(request: HttpRequest, pk: int) -> HttpResponse:
    gesprek = _gesprek_or_404(request, pk)
    link = request.build_absolute_uri(reverse("monitoring:driegesprek_detail", args=[pk]))
    response = HttpResponse(
        calendar.render(gesprek, service.deelnemers(gesprek), link=link),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = content_disposition_header(True, calendar.filename(gesprek))
    _log(request, gesprek)
    return response


@require_POST
def mail(request: HttpRequest, pk: int) -> HttpResponse:
    gesprek = _gesprek_or_404(request, pk, "plaatsing.driegesprek")
    try:
        result = service.send_invitation(gesprek)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        _report(request, result)
    return redirect("monitoring:driegesprek_detail", pk=gesprek.pk)


def verslag(request: HttpRequest, pk: int) -> HttpResponse:
    gesprek = _gesprek_or_404(request, pk, "plaatsing.driegesprek")
    plaatsing = gesprek.plaatsing
    problem = service.minutes_problem(gesprek)
    data = request.POST if request.method == "POST" and not problem else None
    form = VerslagForm(data, initial={"verslag": gesprek.verslag})
    formset = afspraak_formset(data, plaatsing)
    if data is not None and form.is_valid() and formset.is_valid():
        try:
            created = service.save_minutes(
                gesprek, request.user, form.cleaned_data["verslag"], nieuwe_afspraken(formset)
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            text = _("Het verslag is opgeslagen.")
            if created:
                text += " " + _("De afspraken staan nu ook bij het traject.")
            messages.success(request, text)
            return redirect("monitoring:driegesprek_detail", pk=gesprek.pk)
    context = {
        "gesprek": gesprek,
        "plaatsing": plaatsing,
        "form": form,
        "formset": formset,
        "problem": problem,
        "afspraken": gesprek.afspraken.select_related("who__user").order_by("due_date", "pk"),
    }
    return render(request, "monitoring/driegesprek_verslag.html", context)


# --- helpers ---------------------------------------------------------------------------


def _gesprek_or_404(request: HttpRequest, pk: int, action: str = "plaatsing.view") -> Driegesprek:
    """The meeting, if the user may see its placement (else 404); 403 when seen but the
    action is not allowed."""
    gesprek = Driegesprek.objects.filter(pk=pk).first()
    if gesprek is None:
        raise Http404
    gesprek.plaatsing = plaatsing_or_404(request.user, gesprek.plaatsing_id, action)
    return gesprek


def _log(request: HttpRequest, gesprek: Driegesprek) -> None:
    """The agenda and the minutes may touch on the candidate's well-being: reads by others
    are logged for the candidate to see."""
    if gesprek.plaatsing.traject.kandidaat.user_id != request.user.pk:
        log_read(request.user, gesprek.plaatsing, detail="driegesprek")


def _names(people) -> str:
    return ", ".join(f"{p.naam} ({p.label.lower()})" for p in people)


def _report(request: HttpRequest, result: service.Verzending) -> None:
    if result.verstuurd:
        messages.success(
            request,
            _("De uitnodiging is verstuurd naar: %(names)s.") % {"names": _names(result.verstuurd)},
        )
    if result.al_verstuurd:
        messages.info(
            request,
            _("Deze versie was al verstuurd naar: %(names)s. Zij krijgen hem niet nog een keer.")
            % {"names": _names(result.al_verstuurd)},
        )
    if result.zonder_adres:
        messages.warning(
            request,
            _(
                "Geen e-mailadres bekend van: %(names)s. Geef de uitnodiging op een andere "
                "manier door, bijvoorbeeld met het .ics-bestand."
            )
            % {"names": _names(result.zonder_adres)},
        )
