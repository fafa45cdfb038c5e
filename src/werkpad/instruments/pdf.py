"""The crisis card as a PDF (WeasyPrint): on A4, or as a wallet card to cut out and fold."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone

from werkpad import access
from werkpad.trajects.policy import kandidaat_or_404

from .kinds import KINDS
from .models import InstrumentVersie
from .policy import Instrument
from .views import _log_read, not_shared

FORMATS = {"a4", "kaart"}


def crisiskaart_pdf(request: HttpRequest, kid: int) -> HttpResponse:
    kandidaat = kandidaat_or_404(request.user, kid)
    if not access.can(request.user, "instrument.view", Instrument(kandidaat, "crisiskaart")):
        return not_shared(request, kandidaat)
    version = InstrumentVersie.objects.filter(kandidaat=kandidaat, kind="crisiskaart").first()
    if version is None:
        raise Http404  # nothing filled in yet (only reachable for who may see it)
    fmt = request.GET.get("formaat", "a4")
    if fmt not in FORMATS:
        fmt = "a4"
    spec = KINDS["crisiskaart"]
    html = render_to_string(
        "instruments/crisiskaart_pdf.html",
        {
            "kandidaat": kandidaat,
            "version": version,
            "data": version.data,
            "rows": spec.display(version.data, include_private=False),
            "contacts": version.data.get("contacten", []),
            "format": fmt,
            "printed": timezone.localtime(),
        },
        request=request,
    )
    from weasyprint import HTML  # imported here: the site keeps working without Pango

    pdf = HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf()
    _log_read(request, kandidaat, "crisiskaart-pdf")
    response = HttpResponse(pdf, content_type="application/pdf")
    name = f"crisiskaart-v{version.number}-{fmt}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "no-store"
    return response
