"""Views for employers, their tasks and jobs. Thin: access through `werkpad.access`.

An employer the user may not see answers 404; so do its locations, milestones, tasks and jobs.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from werkpad import access
from werkpad.formpages import row_or_back, saved

from . import service
from .forms import (
    JOB_FORMS,
    ContactForm,
    LocatieForm,
    MijlpaalForm,
    TaakForm,
    WerkgeverCreateForm,
    WerkgeverForm,
    day_names,
    demand_words,
)
from .models import Functie, Werkgever, WerkgeverMijlpaal
from .policy import werkgevers_for

QUICK_STATUSES = set(WerkgeverMijlpaal.Status.values)


def werkgever_list(request: HttpRequest) -> HttpResponse:
    """All employers, for coaches. Employer staff go to their own organisation."""
    if not access.can(request.user, "werkgever.list"):
        own = werkgevers_for(request.user).first()
        if own is None:
            raise PermissionDenied
        return redirect("employers:detail", pk=own.pk)
    werkgevers = (
        werkgevers_for(request.user)
        .select_related("organisation")
        .annotate(
            open_jobs=Count("functies", filter=Q(functies__open=True), distinct=True),
            task_count=Count("taken", distinct=True),
        )
    )
    context = {
        "werkgevers": werkgevers,
        "can_create": access.can(request.user, "werkgever.create"),
    }
    return render(request, "employers/list.html", context)


def werkgever_create(request: HttpRequest) -> HttpResponse:
    access.require(request.user, "werkgever.create")
    form = WerkgeverCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        werkgever = service.create_werkgever(form)
        messages.success(
            request, _("%(name)s staat nu in Werkpad als werkgever.") % {"name": werkgever}
        )
        return redirect("employers:detail", pk=werkgever.pk)
    return _form_page(request, None, form, _("Werkgever toevoegen"), _("Toevoegen"))


def werkgever_detail(request: HttpRequest, pk: int) -> HttpResponse:
    werkgever = _werkgever_or_404(request.user, pk)
    taken = list(werkgever.taken.all())
    context = {
        "werkgever": werkgever,
        "can_change": access.can(request.user, "werkgever.change", werkgever),
        "locaties": list(werkgever.locaties.all()),
        "contacten": list(werkgever.contacten.all()),
        "mijlpalen": list(werkgever.mijlpalen.select_related("route_milestone")),
        "taken": [(t, demand_words(t.demands)) for t in taken],
        "functies": list(
            werkgever.functies.select_related("locatie").annotate(task_count=Count("taken"))
        ),
        "locatie_form": LocatieForm(prefix="locatie"),
        "contact_form": ContactForm(prefix="contact"),
    }
    return render(request, "employers/detail.html", context)


def werkgever_edit(request: HttpRequest, pk: int) -> HttpResponse:
    werkgever = _werkgever_or_404(request.user, pk, "werkgever.change")
    form = WerkgeverForm(request.POST or None, instance=werkgever)
    done = saved(
        request,
        form,
        lambda: service.save_werkgever(form),
        _("De gegevens van de werkgever zijn bijgewerkt."),
        _detail_url(werkgever),
    )
    return done or _form_page(request, werkgever, form, _("Gegevens van de werkgever"))


def locatie_add(request: HttpRequest, pk: int) -> HttpResponse:
    werkgever = _werkgever_or_404(request.user, pk, "werkgever.change")
    form = LocatieForm(request.POST or None, prefix="locatie")
    done = saved(
        request,
        form,
        lambda: service.add_locatie(form, werkgever),
        lambda locatie: _("Locatie %(name)s toegevoegd.") % {"name": locatie.name},
        _detail_url(werkgever),
    )
    return done or _form_page(request, werkgever, form, _("Locatie toevoegen"), _("Toevoegen"))


def contact_add(request: HttpRequest, pk: int) -> HttpResponse:
    werkgever = _werkgever_or_404(request.user, pk, "werkgever.change")
    form = ContactForm(request.POST or None, prefix="contact")
    done = saved(
        request,
        form,
        lambda: service.add_contact(form, werkgever),
        lambda contact: _("Contactpersoon %(name)s toegevoegd.") % {"name": contact},
        _detail_url(werkgever),
    )
    return done or _form_page(
        request, werkgever, form, _("Contactpersoon toevoegen"), _("Toevoegen")
    )


def milestone_edit(request: HttpRequest, pk: int, mid: int) -> HttpResponse:
    werkgever, milestone = _milestone(request, pk, mid)
    form = MijlpaalForm(request.POST or None, instance=milestone)
    done = saved(
        request,
        form,
        lambda: service.save_milestone(form),
        _("Mijlpaal bijgewerkt."),
        _detail_url(werkgever),
    )
    heading = milestone.route_milestone.title
    context = {"werkgever": werkgever, "milestone": milestone, "form": form, "heading": heading}
    return done or render(request, "employers/milestone_form.html", context)


@require_POST
def milestone_status(request: HttpRequest, pk: int, mid: int) -> HttpResponse:
    """Quick status change (HTMX swaps the row; without JS it redirects)."""
    werkgever, milestone = _milestone(request, pk, mid)
    status = request.POST.get("status", "")
    error = ""
    if status not in QUICK_STATUSES:
        error = _("Kies open, mee bezig of klaar.")
    else:
        service.set_milestone_status(milestone, status)
    row = {"werkgever": werkgever, "m": milestone, "can_change": True}
    return row_or_back(request, error, "employers/_milestone_row.html", row, _detail_url(werkgever))


def taak_form(request: HttpRequest, pk: int, tid: int | None = None) -> HttpResponse:
    """Add a task, or change one (the custom jobs built from it follow)."""
    werkgever = _werkgever_or_404(request.user, pk, "werkgever.change")
    taak = get_object_or_404(werkgever.taken, pk=tid) if tid else None
    form = TaakForm(request.POST or None, instance=taak)
    done = saved(
        request,
        form,
        lambda: service.save_taak(form, werkgever),
        lambda taak: _("Taak %(name)s opgeslagen.") % {"name": taak},
        _detail_url(werkgever),
    )
    if done:
        return done
    heading = _("Taak bewerken") if tid else _("Taak toevoegen")
    context = {"werkgever": werkgever, "form": form, "heading": heading}
    return render(request, "employers/taak_form.html", context)


def functie_add(request: HttpRequest, pk: int, soort: str) -> HttpResponse:
    """Compose a custom job from tasks, or enter a regular vacancy (`soort` from the URL)."""
    werkgever = _werkgever_or_404(request.user, pk, "werkgever.change")
    functie = Functie(werkgever=werkgever, soort=soort)
    return _functie_form(request, werkgever, functie)


def functie_edit(request: HttpRequest, pk: int, fid: int) -> HttpResponse:
    werkgever = _werkgever_or_404(request.user, pk, "werkgever.change")
    functie = get_object_or_404(werkgever.functies, pk=fid)
    return _functie_form(request, werkgever, functie)


def functie_detail(request: HttpRequest, pk: int, fid: int) -> HttpResponse:
    werkgever = _werkgever_or_404(request.user, pk)
    functie = get_object_or_404(werkgever.functies.select_related("locatie"), pk=fid)
    taken = list(functie.taken.all())
    context = {
        "werkgever": werkgever,
        "functie": functie,
        "demands": demand_words(functie.demands),
        "days": day_names(functie.days),
        "taken": [(t, demand_words(t.demands)) for t in taken],
        "aanpassingen": list(functie.aanpassingen.all()),
        "can_change": access.can(request.user, "werkgever.change", werkgever),
        "can_match": access.can(request.user, "caseload.view"),
    }
    return render(request, "employers/functie_detail.html", context)


@require_POST
def functie_toggle(request: HttpRequest, pk: int, fid: int) -> HttpResponse:
    """Open a job for candidates, or close it."""
    werkgever = _werkgever_or_404(request.user, pk, "werkgever.change")
    functie = get_object_or_404(werkgever.functies, pk=fid)
    service.toggle_open(functie)
    if functie.open:
        messages.success(request, _("%(title)s staat weer open.") % {"title": functie})
    else:
        messages.success(request, _("%(title)s is gesloten.") % {"title": functie})
    return redirect("employers:functie_detail", pk=werkgever.pk, fid=functie.pk)


# --- helpers ---------------------------------------------------------------------------


def _werkgever_or_404(user, pk: int, action: str = "werkgever.view") -> Werkgever:
    """The employer, if the user may see it (else 404); 403 when seen but not allowed."""
    werkgever = Werkgever.objects.select_related("organisation").filter(pk=pk).first()
    if werkgever is None or not access.can(user, "werkgever.view", werkgever):
        raise Http404
    access.require(user, action, werkgever)
    return werkgever


def _milestone(request, pk: int, mid: int) -> tuple[Werkgever, WerkgeverMijlpaal]:
    werkgever = _werkgever_or_404(request.user, pk, "werkgever.change")
    milestone = get_object_or_404(werkgever.mijlpalen.select_related("route_milestone"), pk=mid)
    return werkgever, milestone


def _functie_form(request, werkgever: Werkgever, functie: Functie) -> HttpResponse:
    form = JOB_FORMS[functie.soort](request.POST or None, instance=functie, werkgever=werkgever)
    if request.method == "POST" and form.is_valid():
        functie = service.save_functie(form)
        messages.success(request, _("Functie %(title)s opgeslagen.") % {"title": functie})
        return redirect("employers:functie_detail", pk=werkgever.pk, fid=functie.pk)
    if functie.pk:
        heading = _("Functie bewerken")
    elif functie.soort == Functie.Soort.MAATWERK:
        heading = _("Maatwerkfunctie samenstellen")
    else:
        heading = _("Vacature toevoegen")
    context = {
        "werkgever": werkgever,
        "functie": functie,
        "form": form,
        "heading": heading,
        "no_locations": not form.fields["locatie"].queryset.exists(),
        "no_tasks": functie.soort == Functie.Soort.MAATWERK
        and not form.fields["taken"].queryset.exists(),
    }
    return render(request, "employers/functie_form.html", context)


def _detail_url(werkgever: Werkgever) -> str:
    return reverse("employers:detail", args=[werkgever.pk])


def _form_page(request, werkgever, form, heading: str, submit_label: str = "") -> HttpResponse:
    context = {
        "werkgever": werkgever,
        "form": form,
        "heading": heading,
        "submit_label": submit_label,
    }
    return render(request, "employers/form_page.html", context)
