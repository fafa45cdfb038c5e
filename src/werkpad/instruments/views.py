"""Views for the candidate's instruments, sharing settings and access log."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from werkpad import access
from werkpad.audit.models import AuditEntry
from werkpad.audit.trail import log_read
from werkpad.trajects.models import Kandidaat
from werkpad.trajects.policy import kandidaat_or_404

from . import service
from .forms import SharingForm, sharing_changes
from .kinds import CATEGORIES, KINDS, SHARING_PARTIES, BeschikbaarheidForm, Kind
from .models import DeelVersie, InstrumentVersie, Regeling
from .policy import Instrument, current_sharing

READ_LABELS = {
    "trajectpagina": gettext_lazy("Trajectpagina"),
    "tijdlijn": gettext_lazy("Tijdlijn"),
    "mijlpalen": gettext_lazy("Mijlpalen"),
    "crisiskaart-pdf": gettext_lazy("Crisiskaart (pdf)"),
    "plaatsing": gettext_lazy("Plaatsing"),
    "monitoring": gettext_lazy("Check-ins en stoplicht"),
    "stoplicht": gettext_lazy("Stoplicht bij de plaatsing"),
    "trend": gettext_lazy("Verloop van de check-ins"),
    "driegesprek": gettext_lazy("Driegesprek"),
    "uitval": gettext_lazy("Uitval"),
    "meldingen": gettext_lazy("Melding in Werkpad"),
}


def _kind_or_404(kind: str) -> Kind:
    if kind not in KINDS:
        raise Http404
    return KINDS[kind]


def _latest(kandidaat: Kandidaat, kind: str) -> InstrumentVersie | None:
    return (
        InstrumentVersie.objects.filter(kandidaat=kandidaat, kind=kind)
        .select_related("created_by")
        .first()
    )


def _is_owner(request: HttpRequest, kandidaat: Kandidaat) -> bool:
    return access.can(request.user, "instrument.owner", kandidaat)


def _log_read(request: HttpRequest, kandidaat: Kandidaat, detail: str) -> None:
    """Reads by anyone but the candidate themself are logged for the candidate to see."""
    if kandidaat.user_id != request.user.pk:
        log_read(request.user, kandidaat, detail=detail)


def not_shared(request: HttpRequest, kandidaat: Kandidaat) -> HttpResponse:
    """The neutral answer for what the candidate did not share: no title, no count."""
    return render(request, "instruments/not_shared.html", {"kandidaat": kandidaat}, status=403)


def overview(request: HttpRequest, kid: int) -> HttpResponse:
    """The candidate's instruments, as far as this user may see them."""
    kandidaat = kandidaat_or_404(request.user, kid)
    latest: dict[str, InstrumentVersie] = {}
    versions = (
        InstrumentVersie.objects.filter(kandidaat=kandidaat)
        .select_related("created_by")
        .only("kind", "number", "created_at", "created_by__first_name", "created_by__last_name")
    )
    for version in versions:  # newest first
        latest.setdefault(version.kind, version)
    items = []
    for kind in KINDS.values():
        visible = access.can(request.user, "instrument.view", Instrument(kandidaat, kind.key))
        items.append(
            {"kind": kind, "visible": visible, "latest": latest.get(kind.key) if visible else None}
        )
    context = {
        "kandidaat": kandidaat,
        "items": items,
        "owner": _is_owner(request, kandidaat),
        "is_self": kandidaat.user_id == request.user.pk,
    }
    return render(request, "instruments/overview.html", context)


def detail(request: HttpRequest, kid: int, kind: str, number: int | None = None) -> HttpResponse:
    kandidaat = kandidaat_or_404(request.user, kid)
    spec = _kind_or_404(kind)
    target = Instrument(kandidaat, kind)
    if not access.can(request.user, "instrument.view", target):
        return not_shared(request, kandidaat)
    if number is not None and not access.can(request.user, "instrument.history", target):
        return not_shared(request, kandidaat)
    versions = InstrumentVersie.objects.filter(kandidaat=kandidaat, kind=kind).select_related(
        "created_by"
    )
    version = versions.filter(number=number).first() if number is not None else versions.first()
    if number is not None and version is None:
        raise Http404
    owner = _is_owner(request, kandidaat)
    rows = spec.display(version.data, include_private=owner) if version else []
    _log_read(request, kandidaat, kind)
    context = {
        "kandidaat": kandidaat,
        "kind": spec,
        "version": version,
        "rows": rows,
        "contacts": version.data.get("contacten", []) if version else [],
        "owner": owner,
        "is_old": number is not None,
    }
    return render(request, "instruments/detail.html", context)


def edit(request: HttpRequest, kid: int, kind: str) -> HttpResponse:
    kandidaat = kandidaat_or_404(request.user, kid)
    spec = _kind_or_404(kind)
    if not access.can(request.user, "instrument.change", Instrument(kandidaat, kind)):
        return not_shared(request, kandidaat)
    current = _latest(kandidaat, kind)
    current_number = current.number if current else 0
    form = spec.form(
        request.POST or None,
        current=current.data if current else None,
        based_on=current_number,
    )
    conflict = None
    if request.method == "POST" and form.is_valid():
        try:
            service.save_instrument(kandidaat, kind, form, request.user)
        except service.VersionConflict as error:
            conflict = error.current
        else:
            messages.success(request, _("Opgeslagen. De vorige versie blijft bewaard."))
            if spec.form_class is BeschikbaarheidForm:
                advice = BeschikbaarheidForm.advice(form.cleaned_data)
                if advice:
                    messages.info(request, advice)
            return redirect("instruments:detail", kid=kandidaat.pk, kind=kind)
    if request.method == "GET":
        _log_read(request, kandidaat, kind)  # the form shows the current answers
    context = {"kandidaat": kandidaat, "kind": spec, "form": form, "conflict": conflict}
    if kind == "financien":
        context["regelingen"] = Regeling.objects.filter(active=True)
    return render(request, "instruments/edit.html", context)


def history(request: HttpRequest, kid: int, kind: str) -> HttpResponse:
    kandidaat = kandidaat_or_404(request.user, kid)
    spec = _kind_or_404(kind)
    if not access.can(request.user, "instrument.history", Instrument(kandidaat, kind)):
        return not_shared(request, kandidaat)
    versions = list(
        InstrumentVersie.objects.filter(kandidaat=kandidaat, kind=kind).select_related("created_by")
    )
    rows = []
    form = spec.form()  # built once: some forms read their choices from the database
    # each version with the one before it (the first with None); empty when never saved
    for newer, older in zip(versions, [*versions[1:], None], strict=False):
        old = older.data if older else {}
        changed = spec.changed_fields(old, newer.data, include_private=True, form=form)
        rows.append({"version": newer, "changed": changed})
    _log_read(request, kandidaat, kind)
    return render(
        request,
        "instruments/history.html",
        {"kandidaat": kandidaat, "kind": spec, "rows": rows},
    )


def sharing(request: HttpRequest, kid: int) -> HttpResponse:
    """Who sees what: the candidate's choices per party, and every change to them."""
    kandidaat = kandidaat_or_404(request.user, kid, "sharing.view")
    current = current_sharing(kandidaat)
    form = SharingForm(request.POST if request.method == "POST" else None, current=current)
    if request.method == "POST":
        access.require(request.user, "sharing.change", kandidaat)
        if form.is_valid():
            try:
                service.save_sharing(kandidaat, form, request.user)
            except service.VersionConflict:
                form.add_error(
                    None,
                    _(
                        "Iemand anders paste dit net aan. Bekijk de nieuwe keuzes en probeer "
                        "het opnieuw."
                    ),
                )
            else:
                messages.success(request, _("Je keuzes zijn opgeslagen en gelden meteen."))
                return redirect("instruments:sharing", kid=kandidaat.pk)
    versions = list(
        DeelVersie.objects.filter(kandidaat=kandidaat).select_related("created_by")[:50]
    )
    changes = [
        {"version": newer, "changes": sharing_changes(older.shared if older else {}, newer.shared)}
        for newer, older in zip(versions, [*versions[1:], None], strict=False)
    ]
    context = {
        "kandidaat": kandidaat,
        "form": form,
        "changes": changes,
        "categories": CATEGORIES,
        "parties": SHARING_PARTIES,
    }
    return render(request, "instruments/sharing.html", context)


def access_log(request: HttpRequest, kid: int) -> HttpResponse:
    """'Wie heeft mijn gegevens bekeken': every read by someone else, newest first."""
    kandidaat = kandidaat_or_404(request.user, kid, "accesslog.view")
    entries = (
        AuditEntry.objects.filter(kandidaat_id=kandidaat.pk, action=AuditEntry.Action.READ)
        .exclude(user_id=request.user.pk)
        .select_related("user__organisation")
    )
    page = Paginator(entries, 50).get_page(request.GET.get("pagina"))
    labels = {**READ_LABELS, **{k: v.name for k, v in KINDS.items()}}
    for entry in page:
        entry.what = labels.get(entry.detail, entry.detail)
    return render(request, "instruments/access_log.html", {"kandidaat": kandidaat, "page": page})
