"""Views for trajects. They stay thin: access through `werkpad.access`, rules in the models."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_tables2 import RequestConfig

from werkpad import access
from werkpad.audit.trail import log_read
from werkpad.formpages import row_or_back, saved
from werkpad.route.models import PARTY_ORDER, Party, Phase

from . import selectors, service
from .filters import CaseloadFilter
from .forms import (
    AfspraakForm,
    BetrokkeneForm,
    CloseForm,
    KandidaatForm,
    MilestoneForm,
    NotitieForm,
    TrajectOpenForm,
)
from .models import Traject, TrajectMilestone
from .policy import (
    caseload_trajects,
    changeable_ids,
    coordinated_trajects,
    kandidaat_or_404,
    milestones_visible,
    timeline_kinds_visible,
    traject_or_404,
    trajects_for,
)
from .tables import CaseloadTable

TIMELINE_PAGE_SIZE = 25
QUICK_STATUSES = (
    TrajectMilestone.Status.OPEN,
    TrajectMilestone.Status.BEZIG,
    TrajectMilestone.Status.KLAAR,
)


def caseload(request: HttpRequest) -> HttpResponse:
    """A coach's own trajects, sortable and filterable by phase."""
    access.require(request.user, "caseload.view")
    base = caseload_trajects(request.user)
    data = request.GET.copy()
    data.setdefault("status", "lopend")
    filterset = CaseloadFilter(data, queryset=selectors.with_overview(base))
    table = CaseloadTable(filterset.qs)
    RequestConfig(request, paginate={"per_page": 50}).configure(table)
    return render(request, "trajects/caseload.html", {"table": table, "filter": filterset})


def mine(request: HttpRequest) -> HttpResponse:
    """The trajects this user is involved in, for every role."""
    trajects = selectors.with_overview(trajects_for(request.user)).order_by("kandidaat__first_name")
    if access.can(request.user, "portal.view") and len(trajects) == 1:
        return redirect("trajects:detail", pk=trajects[0].pk)
    return render(request, "trajects/mine.html", {"trajects": trajects})


def regie(request: HttpRequest) -> HttpResponse:
    """The regiehouder's overview across the trajects they coordinate."""
    access.require(request.user, "regie.overview")
    trajects = coordinated_trajects(request.user)
    counts = selectors.phase_counts(trajects)
    context = {
        "overdue": selectors.overdue_afspraken(trajects),
        "no_contact": selectors.without_recent_contact(trajects),
        "no_contact_days": selectors.NO_CONTACT_DAYS,
        "uitval": selectors.with_overview(
            trajects.filter(phase=Phase.UITVAL, closed_at__isnull=True)
        ).order_by("phase_since"),
        "phase_counts": [(phase, counts.get(phase.value, 0)) for phase in Phase],
        "total": sum(counts.values()),
    }
    return render(request, "trajects/regie.html", context)


def register(request: HttpRequest) -> HttpResponse:
    """Register a candidate and open their traject in one go."""
    access.require(request.user, "kandidaat.register")
    kandidaat_form = KandidaatForm(request.POST or None, prefix="k")
    traject_form = TrajectOpenForm(request.POST or None, prefix="t")
    if request.method == "POST" and kandidaat_form.is_valid() and traject_form.is_valid():
        data = traject_form.cleaned_data
        traject = service.register(
            kandidaat_form,
            request.user,
            method=data["method"],
            referral=data["referral"],
            referral_note=data["referral_note"],
            started_on=data["started_on"],
        )
        messages.success(
            request, _("Het traject van %(name)s is geopend.") % {"name": traject.kandidaat}
        )
        return redirect("trajects:detail", pk=traject.pk)
    return render(
        request,
        "trajects/register.html",
        {"kandidaat_form": kandidaat_form, "traject_form": traject_form},
    )


def kandidaat_edit(request: HttpRequest, kid: int) -> HttpResponse:
    """The candidate's own details: the candidate and their coach can correct them."""
    kandidaat = kandidaat_or_404(request.user, kid, "kandidaat.change")
    form = KandidaatForm(request.POST or None, instance=kandidaat)
    own = kandidaat.user_id == request.user.pk
    back = reverse("portal:home") if own else reverse("instruments:overview", args=[kandidaat.pk])
    done = saved(
        request,
        form,
        lambda: service.save_kandidaat(form),
        _("De gegevens zijn bijgewerkt."),
        back,
    )
    heading = _("Contactgegevens van %(name)s") % {"name": kandidaat}
    if own:
        heading = _("Mijn contactgegevens")
    return done or render(
        request,
        "trajects/kandidaat_form.html",
        {"kandidaat": kandidaat, "form": form, "heading": heading},
    )


def milestones(request: HttpRequest, pk: int) -> HttpResponse:
    """All milestones of the traject (as far as visible), by phase and party."""
    traject = traject_or_404(request.user, pk)
    items = list(
        milestones_visible(request.user, traject).select_related("route_milestone", "owner__user")
    )
    phases = []
    for phase in Phase:
        in_phase = [m for m in items if m.route_milestone.phase == phase.value]
        parties = {}
        for m in in_phase:
            parties.setdefault(m.route_milestone.party, []).append(m)
        phases.append(
            {
                "phase": phase,
                "parties": [
                    (Party(code).label, parties[code])
                    for code in sorted(parties, key=PARTY_ORDER.get)
                ],
            }
        )
    log_read(request.user, traject, detail="mijlpalen")
    return render(
        request,
        "trajects/milestones.html",
        {
            "traject": traject,
            "phases": phases,
            "editable": changeable_ids(request.user, items),
        },
    )


def milestone_edit(request: HttpRequest, pk: int, mid: int) -> HttpResponse:
    traject, milestone = _changeable_milestone(request, pk, mid)
    old_status = milestone.status
    form = MilestoneForm(request.POST or None, instance=milestone)
    done = saved(
        request,
        form,
        lambda: service.save_milestone(form, request.user, old_status),
        _("Mijlpaal bijgewerkt."),
        _detail_url(traject),
    )
    return done or render(
        request,
        "trajects/milestone_form.html",
        {"traject": traject, "milestone": milestone, "form": form, "heading": milestone},
    )


@require_POST
def milestone_status(request: HttpRequest, pk: int, mid: int) -> HttpResponse:
    """Quick status change from a list (HTMX swaps the row; without JS it redirects)."""
    traject, milestone = _changeable_milestone(request, pk, mid)
    status = request.POST.get("status", "")
    error = ""
    if status not in QUICK_STATUSES:
        error = _("Kies open, mee bezig of klaar. Niet van toepassing gaat via 'Bewerken'.")
    else:
        service.set_milestone_status(milestone, status, request.user)
    row = {"traject": traject, "m": milestone, "editable": {milestone.pk}}
    return row_or_back(request, error, "trajects/_milestone_row.html", row, _detail_url(traject))


def close(request: HttpRequest, pk: int) -> HttpResponse:
    traject = traject_or_404(request.user, pk, "traject.close")
    form = CloseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            traject.close(form.cleaned_data["outcome"], request.user, form.cleaned_data["reason"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Het traject is afgesloten."))
            return redirect("trajects:detail", pk=traject.pk)
    context = {"traject": traject, "form": form, "heading": _("Traject afsluiten")}
    return render(request, "trajects/close.html", {**context, "submit_label": _("Afsluiten")})


def betrokkene_add(request: HttpRequest, pk: int) -> HttpResponse:
    traject = traject_or_404(request.user, pk, "betrokkene.add")
    form = BetrokkeneForm(request.POST or None, initial={"party": request.GET.get("partij")})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        traject.add_betrokkene(
            party=data["party"],
            by=request.user,
            user=data["user"],
            name=data["name"],
            role=data["role"],
            organisation_name=data["organisation_name"],
            phone=data["phone"],
            email=data["email"],
        )
        messages.success(request, _("Betrokkene toegevoegd."))
        return redirect("trajects:detail", pk=traject.pk)
    return _form_page(request, traject, form, _("Betrokkene toevoegen"), _("Toevoegen"))


def afspraak_add(request: HttpRequest, pk: int) -> HttpResponse:
    traject = traject_or_404(request.user, pk, "afspraak.add")
    initial = {"milestone": request.GET.get("mijlpaal"), "notitie": request.GET.get("notitie")}
    form = AfspraakForm(request.POST or None, traject=traject, initial=initial)
    done = saved(
        request,
        form,
        lambda: service.add_afspraak(form, request.user),
        _("Afspraak vastgelegd."),
        _detail_url(traject),
    )
    return done or _form_page(request, traject, form, _("Afspraak vastleggen"))


def afspraak_edit(request: HttpRequest, pk: int, aid: int) -> HttpResponse:
    traject = traject_or_404(request.user, pk)
    afspraak = get_object_or_404(traject.afspraken.select_related("traject"), pk=aid)
    if not access.can(request.user, "afspraak.view", afspraak):
        raise Http404
    access.require(request.user, "afspraak.change", afspraak)
    old_status = afspraak.status
    form = AfspraakForm(request.POST or None, instance=afspraak, traject=traject)
    done = saved(
        request,
        form,
        lambda: service.save_afspraak(form, request.user, old_status),
        _("Afspraak bijgewerkt."),
        _detail_url(traject),
    )
    return done or _form_page(request, traject, form, _("Afspraak bijwerken"))


def notitie_add(request: HttpRequest, pk: int) -> HttpResponse:
    traject = traject_or_404(request.user, pk, "journal.add")
    form = NotitieForm(request.POST or None)
    done = saved(
        request,
        form,
        lambda: service.add_notitie(form, traject, request.user),
        _("Contact vastgelegd in het journaal."),
        _detail_url(traject),
    )
    return done or _form_page(request, traject, form, _("Contact vastleggen"))


def timeline(request: HttpRequest, pk: int) -> HttpResponse:
    """Notes, phase moves, milestone changes and agreements, newest first, paginated."""
    traject = traject_or_404(request.user, pk)
    kinds = timeline_kinds_visible(request.user, traject)
    page = Paginator(selectors.timeline_events(traject, kinds), TIMELINE_PAGE_SIZE).get_page(
        request.GET.get("pagina")
    )
    log_read(request.user, traject, detail="tijdlijn")
    template = "trajects/_timeline_page.html" if request.htmx else "trajects/timeline.html"
    context = {
        "traject": traject,
        "page": page,
        "show_reasons": access.can(request.user, "traject.reasons", traject),
    }
    return render(request, template, context)


# --- helpers ---------------------------------------------------------------------------


def _changeable_milestone(request, pk: int, mid: int) -> tuple[Traject, TrajectMilestone]:
    """The traject and one of its milestones, if this user may change it (404 when they may
    not even see it)."""
    traject = traject_or_404(request.user, pk)
    milestone = get_object_or_404(
        TrajectMilestone.objects.select_related("route_milestone", "owner__user"),
        pk=mid,
        traject=traject,
    )
    milestone.traject = traject
    if not access.can(request.user, "milestone.view", milestone):
        raise Http404
    access.require(request.user, "milestone.change", milestone)
    return traject, milestone


def _detail_url(traject: Traject) -> str:
    return reverse("trajects:detail", args=[traject.pk])


def _form_page(request, traject, form, heading: str, submit_label: str = "") -> HttpResponse:
    context = {"traject": traject, "form": form, "heading": heading, "submit_label": submit_label}
    return render(request, "trajects/form_page.html", context)
