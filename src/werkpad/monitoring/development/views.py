"""The trend of a placement and the development steps. Views stay thin: access through
`werkpad.access`, rules and writes in `service` and `trend`."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from werkpad import access
from werkpad.audit.trail import log_read
from werkpad.placements import chart as uren_chart
from werkpad.placements.policy import plaatsing_or_404

from ..models import CheckInMoment, Ontwikkelstap
from . import service, trend
from .forms import OntwikkelstapForm


def trend_view(request: HttpRequest, pk: int) -> HttpResponse:
    """The check-in answers and the hours over time, as charts with the same numbers in
    tables."""
    plaatsing = plaatsing_or_404(request.user, pk, "plaatsing.monitoring")
    today = timezone.localdate()
    momenten = plaatsing.checkin_momenten.filter(
        voor=CheckInMoment.Voor.KANDIDAAT, datum__lt=today, ingevuld_op__isnull=True
    )
    verloop = trend.verloop(
        list(plaatsing.checkins.all()),
        list(plaatsing.leidinggevende_checkins.all()),
        list(momenten),
        today,
    )
    steps = list(plaatsing.opbouw.all())
    kandidaat = plaatsing.traject.kandidaat
    context = {
        "plaatsing": plaatsing,
        "kandidaat": kandidaat,
        "is_self": kandidaat.user_id == request.user.pk,
        "verloop": verloop,
        "labels": trend.labels(),
        "chart": trend.svg(verloop.grafiek_rijen) if verloop.grafiek_rijen else "",
        "steps": steps,
        "uren_chart": uren_chart.svg(steps, plaatsing.contract_uren) if steps else "",
        "can_checkin": access.can(request.user, "plaatsing.checkin", plaatsing),
    }
    if not context["is_self"]:
        log_read(request.user, plaatsing, detail="trend")
    return render(request, "monitoring/trend.html", context)


def ontwikkelstap_new(request: HttpRequest, pk: int) -> HttpResponse:
    plaatsing = plaatsing_or_404(request.user, pk, "plaatsing.ontwikkeling")
    return _form(request, plaatsing, Ontwikkelstap(plaatsing=plaatsing, created_by=request.user))


def ontwikkelstap_edit(request: HttpRequest, pk: int) -> HttpResponse:
    stap, plaatsing = _stap_or_404(request, pk)
    if request.method != "POST" and request.GET.get("bijstellen"):
        stap.status = Ontwikkelstap.Status.BIJGESTELD
    return _form(request, plaatsing, stap)


@require_POST
def ontwikkelstap_status(request: HttpRequest, pk: int) -> HttpResponse:
    """Quick change from the placement page: a new status, or the next small step done.
    HTMX swaps the step; without JS it goes back to the page."""
    stap, plaatsing = _stap_or_404(request, pk)
    if request.POST.get("kleine_stap") == "gedaan":
        error = service.mark_small_step(stap, request.user)
    else:
        error = service.set_status(stap, request.POST.get("status", ""), request.user)
    if request.htmx:
        context = {"item": service.weergave(stap), "can_change": True, "error": error}
        return render(request, "monitoring/ontwikkelstap_item.html", context)
    if error:
        messages.error(request, error)
    return redirect(_anchor(plaatsing.pk, f"ontwikkelstap-{stap.pk}"))


# --- helpers ---------------------------------------------------------------------------


def _stap_or_404(request: HttpRequest, pk: int):
    """The step and its placement, when the user may change its steps (404 when the user
    does not see the placement, 403 when they see it but may not change)."""
    stap = get_object_or_404(Ontwikkelstap, pk=pk)
    plaatsing = plaatsing_or_404(request.user, stap.plaatsing_id, "plaatsing.ontwikkeling")
    stap.plaatsing = plaatsing
    return stap, plaatsing


def _anchor(plaatsing_pk: int, anchor: str) -> str:
    return reverse("placements:detail", args=[plaatsing_pk]) + "#" + anchor


def _form(request: HttpRequest, plaatsing, stap: Ontwikkelstap) -> HttpResponse:
    adding = stap.pk is None
    form = OntwikkelstapForm(request.POST or None, instance=stap, plaatsing=plaatsing)
    if request.method == "POST" and form.is_valid():
        stap = service.save_step(stap, request.user, form.cleaned_data)
        messages.success(
            request,
            _("De ontwikkelstap is toegevoegd.")
            if adding
            else _("De ontwikkelstap is bijgewerkt."),
        )
        return redirect(_anchor(plaatsing.pk, f"ontwikkelstap-{stap.pk}"))
    context = {
        "plaatsing": plaatsing,
        "form": form,
        "stap": None if adding else stap,
        "heading": _("Nieuwe ontwikkelstap") if adding else _("Ontwikkelstap bijwerken"),
        "handreikingen": service.HANDREIKINGEN,
    }
    return render(request, "monitoring/ontwikkelstap_form.html", context)
