"""Matching suggestions in both directions, and the matching conversation."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from werkpad import access
from werkpad.accounts.models import User
from werkpad.employers.models import Functie
from werkpad.route.models import Party
from werkpad.trajects.models import Kandidaat
from werkpad.trajects.policy import kandidaat_or_404, trajects_as

from . import engine, profiles, service
from .forms import MatchgesprekForm, MatchprofielForm
from .guide import TOPICS
from .models import Matchgesprek, Matchprofiel

LIMIT = 20


def for_candidate(request: HttpRequest, kid: int) -> HttpResponse:
    """Jobs that may fit this candidate, with the reasons per criterion."""
    kandidaat = kandidaat_or_404(request.user, kid, "matching.view")
    # nothing is written until someone saves the form
    profiel = Matchprofiel.objects.filter(kandidaat=kandidaat).first() or Matchprofiel(
        kandidaat=kandidaat
    )
    form = MatchprofielForm(request.POST or None, instance=profiel)
    if request.method == "POST":
        access.require(request.user, "matching.change", kandidaat)
        if form.is_valid():
            service.save_matchprofiel(form)
            messages.success(request, _("Opgeslagen."))
            return redirect("matching:for_candidate", kid=kandidaat.pk)
    suggestions = []
    if profiel.akkoord:
        kandidaat.matchprofiel = profiel
        candidate = profiles.candidate_profiles([kandidaat])[0]
        index = profiles.job_index()
        suggestions = [
            {"s": s, "reasons": engine.reasons(candidate, s.profile)}
            for s in index.rank(candidate, LIMIT)
        ]
    context = {
        "kandidaat": kandidaat,
        "form": form,
        "profiel": profiel,
        "suggestions": suggestions,
        "can_talk": access.can(request.user, "matchgesprek.add", kandidaat),
    }
    return render(request, "matching/for_candidate.html", context)


def _candidates_for(user: User):
    """Candidates of the user's own caseload: the reasons repeat their wishes and
    capacities, which only their own coach may read."""
    trajects = trajects_as(user, Party.BEGELEIDING)
    return (
        Kandidaat.objects.filter(
            trajects__in=trajects.filter(closed_at__isnull=True),
            matchprofiel__akkoord=True,
        )
        .select_related("matchprofiel")
        .distinct()
    )


def for_job(request: HttpRequest, fid: int) -> HttpResponse:
    """Candidates (who agreed to be matched, in the user's own caseload) who may fit a job."""
    access.require(request.user, "caseload.view")
    functie = get_object_or_404(
        Functie.objects.select_related("werkgever__organisation", "locatie").prefetch_related(
            "taken"
        ),
        pk=fid,
    )
    if not access.can(request.user, "werkgever.view", functie.werkgever):
        raise Http404
    job = profiles.job_profiles([functie])[0]
    index = engine.CandidateIndex(profiles.candidate_profiles(list(_candidates_for(request.user))))
    suggestions = [
        {"s": s, "reasons": engine.reasons(s.profile, job)} for s in index.rank(job, LIMIT)
    ]
    return render(
        request, "matching/for_job.html", {"functie": functie, "suggestions": suggestions}
    )


def gesprek(request: HttpRequest, kid: int, fid: int) -> HttpResponse:
    """The matching conversation: a guide of topics, and what was agreed."""
    kandidaat = kandidaat_or_404(request.user, kid, "matchgesprek.add")
    functie = get_object_or_404(Functie.objects.select_related("werkgever__organisation"), pk=fid)
    if not access.can(request.user, "werkgever.view", functie.werkgever):
        raise Http404
    form = MatchgesprekForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        record = service.add_matchgesprek(form, kandidaat, functie, request.user)
        if record.uitkomst == Matchgesprek.Uitkomst.MATCH:
            messages.success(
                request, _("Het matchgesprek is vastgelegd. Je kunt nu de plaatsing maken.")
            )
            return redirect("matching:gesprek", kid=kandidaat.pk, fid=functie.pk)
        messages.success(request, _("Het matchgesprek is vastgelegd."))
        return redirect("matching:for_candidate", kid=kandidaat.pk)
    earlier = Matchgesprek.objects.filter(kandidaat=kandidaat, functie=functie).select_related(
        "created_by"
    )
    context = {
        "kandidaat": kandidaat,
        "functie": functie,
        "form": form,
        "topics": TOPICS,
        "earlier": earlier,
    }
    return render(request, "matching/gesprek.html", context)
