"""The inbox (own messages) and the overview of outgoing e-mails. Thin views: who sees what
is decided in `werkpad.access`, the rules live in `service`."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Case, IntegerField, Prefetch, Value, When
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_tables2 import RequestConfig

from werkpad import access

from . import service
from .filters import BerichtFilter
from .models import Bericht, Ronde
from .policy import berichten_for, melding_or_404, meldingen_for
from .tables import BerichtTable

PAGE_SIZE = 25
BODY = ("tekst", "bijlage_inhoud")  # e-mail bodies are never shown: not even loaded


def inbox(request: HttpRequest) -> HttpResponse:
    """The user's own messages: unread first, then newest."""
    access.require(request.user, "meldingen.view")
    qs = (
        meldingen_for(request.user)
        .select_related("traject")
        .prefetch_related(
            Prefetch("berichten", queryset=Bericht.objects.defer(*BODY).order_by("pk"))
        )
        .order_by(
            Case(
                When(gelezen_op__isnull=True, then=Value(0)), default=1, output_field=IntegerField()
            ),
            "-created_at",
            "-pk",
        )
    )
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("pagina"))
    service.log_reads(request.user, page.object_list)
    context = {
        "page": page,
        "can_berichten": access.can(request.user, "berichten.view"),
    }
    return render(request, "notifications/inbox.html", context)


@require_POST
def gelezen(request: HttpRequest, pk: int) -> HttpResponse:
    """Mark one message read (HTMX swaps the item; without JS back to the inbox)."""
    melding = melding_or_404(request.user, pk)
    service.mark_read(request.user, melding.pk)
    melding.gelezen_op = melding.gelezen_op or timezone.now()
    if request.htmx:
        context = {"m": melding, "ongelezen_nu": service.unread_count(request.user)}
        return render(request, "notifications/_melding.html", context)
    return _back(request)


@require_POST
def alles_gelezen(request: HttpRequest) -> HttpResponse:
    access.require(request.user, "meldingen.view")
    if service.mark_read(request.user):
        messages.success(request, _("Alle meldingen staan op gelezen."))
    return redirect("meldingen:inbox")


def open_melding(request: HttpRequest, pk: int) -> HttpResponse:
    """Mark the message read and go to the page it is about (only a path inside Werkpad)."""
    melding = melding_or_404(request.user, pk)
    service.mark_read(request.user, melding.pk)
    if service.is_safe_local(melding.url):
        return redirect(melding.url)
    return redirect("meldingen:inbox")


def berichten(request: HttpRequest) -> HttpResponse:
    """Outgoing e-mails with their state, attempts and errors (never their text)."""
    access.require(request.user, "berichten.view")
    base = berichten_for(request.user).select_related("melding").defer(*BODY, "melding__tekst")
    filterset = BerichtFilter(request.GET, queryset=base)
    table = BerichtTable(filterset.qs)
    RequestConfig(request, paginate={"per_page": 50}).configure(table)
    context = {"table": table, "filter": filterset, "rondes": Ronde.objects.all()[:7]}
    return render(request, "notifications/berichten.html", context)


def _back(request: HttpRequest) -> HttpResponse:
    next_url = request.POST.get("next", "")
    if next_url and url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        return redirect(next_url)
    return redirect("meldingen:inbox")
