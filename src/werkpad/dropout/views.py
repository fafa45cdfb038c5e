"""Views for dropout. They stay thin: access through `werkpad.access`, rules in `service`."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from werkpad import access
from werkpad.audit.trail import log_read
from werkpad.instruments.policy import Instrument
from werkpad.trajects.policy import traject_or_404

from . import catalogue, service
from .forms import (
    AfsluitenForm,
    ChecklistForm,
    ContactForm,
    HulplijnenForm,
    MeldenForm,
    TerugForm,
)
from .models import ChecklistPunt, Contactmoment, UitvalEpisode
from .policy import wat_hielp_visible


def melden(request: HttpRequest, pk: int) -> HttpResponse:
    """Report dropout (from the traject page or the placement page)."""
    traject = traject_or_404(request.user, pk, "uitval.report")
    problem = service.report_problem(traject)
    episode = service.open_episode(traject) if traject.phase == "e" else None
    form = MeldenForm(
        request.POST or None, traject=traject, initial={"plaatsing": request.GET.get("plaatsing")}
    )
    if request.method == "POST" and not problem and form.is_valid():
        data = form.cleaned_data
        try:
            episode = service.report(
                traject,
                request.user,
                begonnen_op=data["begonnen_op"],
                reden=data["reden"],
                plaatsing=data.get("plaatsing"),
                contact_elke_dagen=data["contact_elke_dagen"],
            )
        except ValidationError as error:
            form.add_error(None, error.messages)
        else:
            messages.success(
                request,
                _("De uitval is gemeld. De jobcoach en de andere betrokkenen krijgen bericht."),
            )
            return redirect("uitval:detail", pk=episode.pk)
    context = {
        "traject": traject,
        "form": form,
        "problem": problem,
        "episode": episode,
        "heading": _("Uitval melden"),
        "submit_label": _("Uitval melden"),
        "crisiskaart": _crisiskaart(request, traject),
    }
    return render(request, "dropout/melden.html", context)


def detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One dropout episode: the crisis card, the plan, the checklist, the contacts kept and
    how it ended."""
    episode = _episode_or_404(request, pk)
    traject = episode.traject
    user = request.user
    today = timezone.localdate()
    contacts = list(episode.contacten.select_related("door"))
    points = list(episode.checklist.select_related("door"))
    laatste = service.last_contact(contacts, Contactmoment.Met.KANDIDAAT)
    laatste_werkgever = service.last_contact(contacts, Contactmoment.Met.WERKGEVER)
    plaatsing = episode.plaatsing
    can_contact = episode.is_open and access.can(user, "uitval.contact", traject)
    context = {
        "episode": episode,
        "traject": traject,
        "kandidaat": traject.kandidaat,
        "is_self": traject.kandidaat.user_id == user.pk,
        "duur": ((episode.geeindigd_op or today) - episode.begonnen_op).days,
        "crisiskaart": _crisiskaart(request, traject),
        "show_reason": access.can(user, "traject.reasons", traject),
        "show_wat_hielp": wat_hielp_visible(user, traject),
        "preventie": plaatsing.preventie
        if plaatsing and access.can(user, "plaatsing.view", plaatsing)
        else None,
        "items": [_item(p) for p in points],
        "can_tick": episode.is_open and access.can(user, "uitval.checklist", traject),
        # notes on the checklist: for those who tick it, and the coach, team lead, candidate
        "show_notes": access.can(user, "uitval.checklist", traject)
        or access.can(user, "traject.reasons", traject),
        **_hulplijnen_context(episode, episode.hulplijnen),
        "contacts": contacts,
        "laatste": laatste,
        "dagen_zonder_contact": service.days_without_contact(episode, laatste, today),
        "laatste_werkgever": laatste_werkgever,
        "dagen_zonder_werkgever": service.days_without_contact(episode, laatste_werkgever, today),
        "can_contact": can_contact,
        "contact_form": ContactForm(episode=episode) if can_contact else None,
        "can_close": episode.is_open and access.can(user, "uitval.close", traject),
        "plan": getattr(episode, "terugkeerplan", None),
    }
    if not context["is_self"]:
        log_read(user, episode, detail="uitval")
    return render(request, "dropout/detail.html", context)


@require_POST
def checklist(request: HttpRequest, pk: int, key: str) -> HttpResponse:
    """Tick one point (HTMX swaps the point; without JS it goes back to the page)."""
    episode = _episode_or_404(request, pk, "uitval.checklist")
    _require_open(episode)
    punt = ChecklistPunt.objects.select_related("door").filter(episode=episode, key=key).first()
    if punt is None:
        raise Http404
    form = ChecklistForm(request.POST)
    error = ""
    if form.is_valid():
        service.tick(
            punt,
            request.user,
            gedaan=form.cleaned_data["gedaan"],
            notitie=form.cleaned_data["notitie"],
        )
    else:
        error = " ".join(str(m) for errors in form.errors.values() for m in errors)
    if request.htmx:
        context = {
            "episode": episode,
            "item": _item(punt, error=error, note=request.POST.get("notitie")),
            "can_tick": True,
        }
        return render(request, "dropout/_checklist_item.html", context)
    if error:
        messages.error(request, error)
    return redirect(reverse("uitval:detail", args=[episode.pk]) + f"#punt-{punt.key}")


@require_POST
def hulplijnen(request: HttpRequest, pk: int) -> HttpResponse:
    """Which helplines were used (several may be chosen)."""
    episode = _episode_or_404(request, pk, "uitval.checklist")
    _require_open(episode)
    form = HulplijnenForm(request.POST)
    saved = form.is_valid()
    if saved:
        service.set_hulplijnen(episode, form.cleaned_data["hulplijnen"])
    if request.htmx:
        chosen = episode.hulplijnen if saved else request.POST.getlist("hulplijnen")
        context = {
            "episode": episode,
            "can_tick": True,
            "saved": saved,
            **_hulplijnen_context(episode, chosen),
        }
        return render(request, "dropout/_hulplijnen.html", context)
    if saved:
        messages.success(request, _("De gebruikte hulplijnen zijn opgeslagen."))
    else:
        messages.error(request, _("Kies hulplijnen uit de lijst."))
    return redirect(reverse("uitval:detail", args=[episode.pk]) + "#hulplijnen")


def contact(request: HttpRequest, pk: int) -> HttpResponse:
    """Record a contact kept during dropout."""
    episode = _episode_or_404(request, pk, "uitval.contact")
    _require_open(episode)
    form = ContactForm(request.POST or None, episode=episode)
    if request.method == "POST" and form.is_valid():
        service.add_contact(episode, request.user, **form.cleaned_data)
        messages.success(request, _("Het contact is vastgelegd."))
        return redirect(reverse("uitval:detail", args=[episode.pk]) + "#contact")
    context = {
        "episode": episode,
        "traject": episode.traject,
        "form": form,
        "heading": _("Contact vastleggen"),
    }
    return render(request, "dropout/contact.html", context)


def terug(request: HttpRequest, pk: int) -> HttpResponse:
    """The way back to work, or closing the traject from dropout."""
    episode = _episode_or_404(request, pk, "uitval.close")
    if not episode.is_open:
        messages.info(request, _("Deze uitval is al afgerond."))
        return redirect("uitval:detail", pk=episode.pk)
    actie = request.POST.get("actie") if request.method == "POST" else None
    plan_form = TerugForm(
        request.POST if actie == "terug" else None, episode=episode, prefix="plan"
    )
    sluit_form = AfsluitenForm(request.POST if actie == "afsluiten" else None, prefix="sluit")
    if actie == "terug" and plan_form.is_valid():
        try:
            service.return_to_work(
                episode,
                request.user,
                plan_form.instance,  # filled in by is_valid(); the service saves it
                wat_hielp=plan_form.cleaned_data["wat_hielp"],
            )
        except ValidationError as error:
            plan_form.add_error(None, error.messages)
        else:
            messages.success(request, _("Welkom terug! Het terugkeerplan staat klaar."))
            return redirect("uitval:detail", pk=episode.pk)
    if actie == "afsluiten" and sluit_form.is_valid():
        data = sluit_form.cleaned_data
        try:
            service.close_traject(
                episode,
                request.user,
                outcome=data["outcome"],
                reason=data["reason"],
                wat_hielp=data["wat_hielp"],
            )
        except ValidationError as error:
            sluit_form.add_error(None, error.messages)
        else:
            messages.success(request, _("Het traject is afgesloten."))
            return redirect("uitval:detail", pk=episode.pk)
    context = {
        "episode": episode,
        "traject": episode.traject,
        "plan_form": plan_form,
        "sluit_form": sluit_form,
        "heading": _("De weg terug"),
    }
    return render(request, "dropout/terug.html", context)


# --- helpers ---------------------------------------------------------------------------


def _episode_or_404(request: HttpRequest, pk: int, action: str = "uitval.view") -> UitvalEpisode:
    """The episode, if the user may see its traject's dropout (else 404); 403 when seen but
    `action` is not allowed."""
    episode = (
        UitvalEpisode.objects.select_related(
            "traject__kandidaat",
            "traject__organisation",
            "plaatsing__functie__werkgever__organisation",
            "gemeld_door",
            "transition",
            "terugkeerplan",
        )
        .filter(pk=pk)
        .first()
    )
    if episode is None:
        raise Http404
    traject = episode.traject
    if not access.can(request.user, "traject.view", traject) or not access.can(
        request.user, "uitval.view", traject
    ):
        raise Http404
    if episode.plaatsing is not None:
        episode.plaatsing.traject = traject  # one instance: one access cache
    access.require(request.user, action, traject)
    return episode


def _require_open(episode: UitvalEpisode) -> None:
    if not episode.is_open:
        raise PermissionDenied


def _crisiskaart(request: HttpRequest, traject) -> bool:
    return access.can(request.user, "instrument.view", Instrument(traject.kandidaat, "crisiskaart"))


def _hulplijnen_context(episode: UitvalEpisode, chosen: list[str]) -> dict:
    known = catalogue.hulplijnen()
    return {
        "lijnen": list(known.values()),
        "gekozen": set(chosen),
        "gebruikt": [known[key] for key in episode.hulplijnen if key in known],
        "spoed": catalogue.spoed(),
    }


def _item(punt: ChecklistPunt, error: str = "", note: str | None = None) -> dict:
    return {
        "punt": punt,
        "info": catalogue.punten().get(punt.key),
        "error": error,
        "note": punt.notitie if note is None else note,
    }
