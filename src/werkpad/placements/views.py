"""Views for placements. They stay thin: access through `werkpad.access`, rules in the
models."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from werkpad import access
from werkpad.audit.trail import log_read
from werkpad.formpages import saved
from werkpad.instruments.policy import Instrument
from werkpad.matching.models import Matchgesprek
from werkpad.trajects.models import Traject
from werkpad.trajects.policy import trajects_for

from . import service
from .forms import OpbouwFormSet, PlaatsingForm, PlansForm, UrenFormSet
from .models import Plaatsing
from .policy import plaatsing_or_404, plaatsingen_for


def mine(request: HttpRequest) -> HttpResponse:
    """'Mijn plaatsingen': every placement the user may see (for employer staff: those at
    their own organisation)."""
    plaatsingen = plaatsingen_for(request.user).select_related(
        "traject__kandidaat", "functie__werkgever__organisation", "leidinggevende"
    )
    return render(request, "placements/mine.html", {"plaatsingen": plaatsingen})


def create(request: HttpRequest, mid: int) -> HttpResponse:
    """A placement from a match conversation with the outcome 'match'."""
    gesprek = get_object_or_404(
        Matchgesprek.objects.select_related(
            "kandidaat", "functie__werkgever__organisation", "functie__locatie"
        ),
        pk=mid,
    )
    traject = _traject_for(request, gesprek)
    initial = {}
    if request.method != "POST":
        initial["regelingen"] = _regelingen_from_instrument(request, traject)
    form = PlaatsingForm(
        request.POST or None, matchgesprek=gesprek, traject=traject, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        try:
            plaatsing = Plaatsing.create_from_match(
                gesprek, request.user, traject=traject, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("De plaatsing is vastgelegd. Fijn dat %(name)s kan beginnen!")
                % {"name": traject.kandidaat},
            )
            return redirect("placements:detail", pk=plaatsing.pk)
    context = {
        "form": form,
        "gesprek": gesprek,
        "traject": traject,
        "problems": [] if form.is_bound else form.instance.start_problems(),
    }
    return render(request, "placements/create.html", context)


def plans_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """The onboarding plan, the prevention and dropout plan and the buddy's preparation."""
    plaatsing = plaatsing_or_404(request.user, pk, "plaatsing.change")
    form = PlansForm(request.POST or None, instance=plaatsing)
    done = saved(
        request,
        form,
        lambda: service.save_plans(form),
        _("De plannen zijn bijgewerkt."),
        _detail_url(plaatsing),
    )
    return done or _form_page(request, plaatsing, form, _("Inwerkplan en preventie- en uitvalplan"))


def opbouw_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """The planned build-up of hours, step by step; empty rows at the bottom add steps."""
    plaatsing = plaatsing_or_404(request.user, pk, "plaatsing.change")
    formset = OpbouwFormSet(request.POST or None, instance=plaatsing, prefix="stap")
    done = saved(
        request,
        formset,
        lambda: service.save_opbouw(formset),
        _("De opbouw van de uren is opgeslagen."),
        _detail_url(plaatsing),
    )
    context = {"plaatsing": plaatsing, "formset": formset}
    return done or render(request, "placements/opbouw_form.html", context)


def uren_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """The hours actually worked, for the weeks that have begun."""
    plaatsing = plaatsing_or_404(request.user, pk, "plaatsing.hours")
    today = timezone.localdate()
    started = plaatsing.opbouw.filter(week_start__lte=today)
    formset = UrenFormSet(request.POST or None, queryset=started, prefix="uren")
    done = saved(
        request,
        formset,
        lambda: service.save_uren(formset),
        _("De gewerkte uren zijn opgeslagen. Dank je wel!"),
        _detail_url(plaatsing),
    )
    context = {
        "plaatsing": plaatsing,
        "formset": formset,
        "later": plaatsing.opbouw.filter(week_start__gt=today),
    }
    return done or render(request, "placements/uren_form.html", context)


# --- helpers ---------------------------------------------------------------------------


def _traject_for(request: HttpRequest, gesprek: Matchgesprek) -> Traject:
    """The candidate's open traject in which this user may add a placement: 404 when the
    user has nothing to do with the candidate, 403 when they may not add one."""
    trajects = (
        trajects_for(request.user)
        .filter(kandidaat_id=gesprek.kandidaat_id)
        .select_related("kandidaat", "organisation")
    )
    if not trajects:
        raise Http404
    for traject in trajects:
        if not traject.is_closed and access.can(request.user, "plaatsing.add", traject):
            return traject
    raise PermissionDenied


def _regelingen_from_instrument(request: HttpRequest, traject: Traject) -> list:
    """The schemes the candidate chose, when this user may read their financial
    instrument (the read is logged for the candidate to see)."""
    kandidaat = traject.kandidaat
    if not access.can(request.user, "instrument.view", Instrument(kandidaat, "financien")):
        return []
    regelingen = Plaatsing.regelingen_from_financien(kandidaat)
    if regelingen and kandidaat.user_id != request.user.pk:
        log_read(request.user, kandidaat, detail="financien")
    return regelingen


def _detail_url(plaatsing: Plaatsing) -> str:
    return reverse("placements:detail", args=[plaatsing.pk])


def _form_page(request, plaatsing, form, heading: str) -> HttpResponse:
    context = {"plaatsing": plaatsing, "form": form, "heading": heading}
    return render(request, "placements/form_page.html", context)
