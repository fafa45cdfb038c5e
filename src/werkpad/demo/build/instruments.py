"""The candidates' instruments and sharing (instruments.yaml), saved the way the instrument
pages save them: the instrument's own form, then `instruments.service.save_instrument` (and
`SharingForm` with `save_sharing`), so that the demo data is valid data."""

from __future__ import annotations

from werkpad.accounts.models import User
from werkpad.audit.trail import log_read
from werkpad.instruments import service
from werkpad.instruments.forms import SharingForm
from werkpad.instruments.kinds import KINDS, SHARING_PARTIES
from werkpad.instruments.models import DeelVersie, InstrumentVersie
from werkpad.trajects.models import Kandidaat

from .clock import Clock
from .forms import formset_rows, post, valid


def build_instruments(
    kandidaat: Kandidaat, spec: dict, coach: User, users: dict[str, User], clock: Clock
) -> None:
    """First versions filled in with the coach, later versions, the sharing and the reads."""
    for kind, values in spec["instruments"].items():
        save(kandidaat, kind, values, coach, clock)
    for version in spec.get("later_versions", []):
        kind = version["kind"]
        values = {**spec["instruments"].get(kind, {}), **version["changes"]}
        save(kandidaat, kind, values, users[version["by"]], clock)
    if sharing := spec.get("sharing"):
        share(kandidaat, sharing["shared"], users[sharing["by"]])
    for read in spec.get("read_by", []):
        log_read(users[read["login"]], kandidaat, detail=read["what"])


def save(kandidaat: Kandidaat, kind: str, values: dict, by: User, clock: Clock) -> InstrumentVersie:
    """Save the next version of one instrument, as if `values` were posted on its page."""
    current = InstrumentVersie.objects.filter(kandidaat=kandidaat, kind=kind).first()
    number = current.number if current else 0
    data = {"based_on": number}
    for name, value in values.items():
        if name == "contacts":  # the crisis card's list of people
            rows = [{k: clock.relative(v) for k, v in row.items()} for row in value]
            data.update(formset_rows("contact", rows))
        else:
            data[name] = clock.relative(value)
    form = valid(
        KINDS[kind].form(post(data), current=current.data if current else None, based_on=number)
    )
    return service.save_instrument(kandidaat, kind, form, by)


def share(kandidaat: Kandidaat, shared: dict[str, list[str]], by: User) -> DeelVersie:
    current = DeelVersie.objects.filter(kandidaat=kandidaat).order_by("-number").first()
    data = {"based_on": current.number if current else 0}
    parties = dict(SHARING_PARTIES)
    for party, categories in shared.items():
        if party not in parties:
            raise ValueError(f"instruments.yaml: sharing with unknown party {party!r}")
        data[f"deel_{party}"] = categories
    form = valid(SharingForm(post(data), current=current))
    return service.save_sharing(kandidaat, form, by)
