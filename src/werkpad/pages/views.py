"""Pages that combine many apps: the start page that sends each user on, the traject page,
the phase-move page and the placement page. (The candidate's portal is in `portal.py`.) The
parts that later apps add to these pages come as panels (`werkpad.panels`), registered by
those apps in their `AppConfig.ready()`."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from werkpad import access, panels
from werkpad.audit.trail import log_read
from werkpad.dropout import service as dropout_service
from werkpad.instruments.policy import Instrument
from werkpad.placements import chart
from werkpad.placements.models import EMPLOYER_PARTIES
from werkpad.placements.policy import plaatsing_or_404
from werkpad.route.models import Phase
from werkpad.trajects import selectors
from werkpad.trajects.forms import PhaseMoveForm
from werkpad.trajects.policy import (
    afspraken_visible,
    changeable_ids,
    milestones_visible,
    timeline_kinds_visible,
    traject_or_404,
)

PHASES = ["c", "d", "e"]  # the milestones a placement page shows: from the start onwards


def home(request: HttpRequest) -> HttpResponse:
    """Send each user to the page their work starts from."""
    user = request.user
    if access.can(user, "caseload.view"):
        return redirect("trajects:caseload")
    if access.can(user, "regie.overview"):
        return redirect("trajects:regie")
    if access.can(user, "audit.view"):
        return redirect("admin:index")
    if access.can(user, "portal.view"):
        return redirect("portal:home")
    return redirect("trajects:mine")


def traject(request: HttpRequest, pk: int) -> HttpResponse:
    """The traject page: route, milestones, agreements, timeline, people, and the panels of
    the apps that follow the traject (dropout)."""
    traject = traject_or_404(request.user, pk)
    full = access.can(request.user, "traject.view_full", traject)
    milestones = list(
        milestones_visible(request.user, traject).select_related("route_milestone", "owner__user")
    )
    progress = selectors.progress(milestones)
    current_open = [m for m in milestones if m.route_milestone.phase == traject.phase and m.is_open]
    afspraken = list(
        afspraken_visible(request.user, traject).select_related(
            "who__user", "milestone__route_milestone"
        )
    )
    kinds = timeline_kinds_visible(request.user, traject)
    context = {
        "traject": traject,
        "full": full,
        "progress": progress,
        "current_open": current_open,
        "afspraken": afspraken,
        "betrokkenen": selectors.betrokkenen_by_party(traject) if full else None,
        "transitions": traject.transitions.select_related("by") if full else None,
        "timeline": selectors.timeline_events(traject, kinds)[:8],
        "show_reasons": access.can(request.user, "traject.reasons", traject),
        "can_move": access.can(request.user, "traject.move", traject),
        "can_add_betrokkene": access.can(request.user, "betrokkene.add", traject),
        "can_add_afspraak": access.can(request.user, "afspraak.add", traject),
        "can_add_note": access.can(request.user, "journal.add", traject),
        "show_instruments": access.can(request.user, "kandidaat.view", traject.kandidaat),
        "can_invite": access.can(request.user, "kandidaat.invite", traject)
        and not traject.kandidaat.user_id,
        "editable": changeable_ids(request.user, milestones),
        "afspraken_editable": changeable_ids(request.user, afspraken),
        "plaatsingen": access.scope(request.user, "plaatsing.view")
        .filter(traject=traject)
        .select_related("functie__werkgever__organisation"),
        "panels": panels.for_page("traject", request.user, traject),
    }
    log_read(request.user, traject, detail="trajectpagina")
    return render(request, "pages/traject.html", context)


def traject_move(request: HttpRequest, pk: int) -> HttpResponse:
    """The generic phase move. Into and out of dropout (phase e) goes through the dropout
    pages; this page links to them."""
    traject = traject_or_404(request.user, pk, "traject.move")
    episode = dropout_service.open_episode(traject) if traject.phase == Phase.UITVAL else None
    form = PhaseMoveForm(request.POST or None, traject=traject, back_via_uitval=bool(episode))
    if request.method == "POST" and episode is None and form.is_valid():
        traject.move_to(form.cleaned_data["to_phase"], request.user, form.cleaned_data["reason"])
        messages.success(
            request,
            _("Het traject staat nu in de fase %(phase)s.")
            % {"phase": traject.get_phase_display()},
        )
        return redirect("trajects:detail", pk=traject.pk)
    context = {
        "traject": traject,
        "form": form,
        "heading": _("Fase wijzigen"),
        "submit_label": _("Fase wijzigen"),
        "uitval_episode": episode,
        "can_report_uitval": traject.phase in dropout_service.REPORT_FROM
        and access.can(request.user, "uitval.report", traject),
    }
    return render(request, "pages/traject_move.html", context)


def plaatsing(request: HttpRequest, pk: int) -> HttpResponse:
    """The placement page: facts, build-up of hours, plans, milestones at the employer, and
    the panels of monitoring, development, meetings and dropout."""
    plaatsing = plaatsing_or_404(request.user, pk)
    traject = plaatsing.traject
    steps = list(plaatsing.opbouw.all())
    milestones = list(
        milestones_visible(request.user, traject)
        .filter(route_milestone__party__in=EMPLOYER_PARTIES, route_milestone__phase__in=PHASES)
        .select_related("route_milestone", "owner__user")
    )
    context = {
        "plaatsing": plaatsing,
        "traject": traject,
        "kandidaat": traject.kandidaat,
        "regelingen": plaatsing.regelingen.all(),
        "steps": steps,
        "chart": chart.svg(steps, plaatsing.contract_uren) if steps else "",
        "milestones": milestones,
        "editable": changeable_ids(request.user, milestones),
        "can_change": access.can(request.user, "plaatsing.change", plaatsing),
        "can_hours": access.can(request.user, "plaatsing.hours", plaatsing),
        "show_instruments": access.can(request.user, "kandidaat.view", traject.kandidaat),
        "is_self": traject.kandidaat.user_id == request.user.pk,
        # the crisis card, one click away for everyone it is shared with (and printable there)
        "crisiskaart": access.can(
            request.user, "instrument.view", Instrument(traject.kandidaat, "crisiskaart")
        ),
        "panels": panels.for_page("plaatsing", request.user, plaatsing),
    }
    log_read(request.user, plaatsing, detail="plaatsing")
    return render(request, "pages/plaatsing.html", context)
