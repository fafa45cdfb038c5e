from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from werkpad.access import require
from werkpad.route.catalogue import catalogue_version
from werkpad.route.models import Handreiking, Party, Phase, RouteMilestone


def route_map(request: HttpRequest) -> HttpResponse:
    """The whole route as a matrix: parties as rows, phases as columns."""
    require(request.user, "route.view")
    cells: dict[tuple[str, str], list[RouteMilestone]] = {}
    for milestone in RouteMilestone.objects.filter(active=True).prefetch_related("handreikingen"):
        cells.setdefault((milestone.party, milestone.phase), []).append(milestone)
    rows = [
        {"party": party, "cells": [cells.get((party.value, phase.value), []) for phase in Phase]}
        for party in Party
    ]
    context = {"rows": rows, "phases": list(Phase), "version": catalogue_version()}
    return render(request, "route/map.html", context)


def milestone_guidance(request: HttpRequest, key: str) -> HttpResponse:
    require(request.user, "route.view")
    milestone = get_object_or_404(
        RouteMilestone.objects.prefetch_related("handreikingen__sources"), key=key
    )
    template = "route/_guidance.html" if request.htmx else "route/milestone.html"
    return render(request, template, {"milestone": milestone})


def handreiking(request: HttpRequest, number: int) -> HttpResponse:
    require(request.user, "route.view")
    note = get_object_or_404(
        Handreiking.objects.prefetch_related("sources", "milestones"), number=number
    )
    return render(request, "route/handreiking.html", {"note": note})
