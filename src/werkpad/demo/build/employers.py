"""The demo employers (employers.yaml), through the employer pages' own forms and
`werkpad.employers.service`: profile, locations, contacts, route milestones, task inventory,
custom jobs and vacancies."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from werkpad.accounts.models import Organisation, User
from werkpad.employers import service
from werkpad.employers.forms import (
    DEMAND_PREFIX,
    ContactForm,
    LocatieForm,
    MaatwerkForm,
    MijlpaalForm,
    TaakForm,
    VacatureForm,
    WerkgeverCreateForm,
)
from werkpad.employers.models import Aanpassing, Contactpersoon, Functie, Locatie, Werkgever

from .clock import Clock
from .forms import post, valid


@dataclass
class Employer:
    """One built employer, with its locations, contacts and jobs by their key in the
    stories."""

    werkgever: Werkgever
    locations: dict[str, Locatie] = field(default_factory=dict)
    contacts: dict[str, Contactpersoon] = field(default_factory=dict)
    jobs: dict[str, Functie] = field(default_factory=dict)


def build_employer(
    spec: dict, organisation: Organisation, users: dict[str, User], clock: Clock
) -> Employer:
    werkgever = service.create_werkgever(
        valid(WerkgeverCreateForm(post({"organisation": organisation.pk, **spec["profile"]})))
    )  # also adds the employer's own route milestones
    employer = Employer(werkgever)

    for key, values in spec["locations"].items():
        employer.locations[key] = service.add_locatie(valid(LocatieForm(post(values))), werkgever)

    for key, values in spec["contacts"].items():
        fields = {k: v for k, v in values.items() if k != "login"}
        form = valid(ContactForm(post(fields)))
        form.instance.user = users.get(values.get("login", ""))  # the demo login's person
        employer.contacts[key] = service.add_contact(form, werkgever)

    for mijlpaal in werkgever.mijlpalen.select_related("route_milestone"):
        state = spec["milestones"].get(mijlpaal.route_milestone.key)
        if state is not None:
            values = {"status": state["status"], "note": state.get("note", "")}
            service.save_milestone(valid(MijlpaalForm(post(values), instance=mijlpaal)))

    tasks = {}
    for key, values in spec["tasks"].items():
        fields = {k: v for k, v in values.items() if k != "demands"}
        fields["hours_per_week"] = Decimal(fields["hours_per_week"])
        fields.update({DEMAND_PREFIX + area: v for area, v in values["demands"].items()})
        tasks[key] = service.save_taak(valid(TaakForm(post(fields))), werkgever)

    for key, values in spec["jobs"].items():
        employer.jobs[key] = _job(employer, values, tasks, clock)
    return employer


def _job(employer: Employer, values: dict, tasks: dict, clock: Clock) -> Functie:
    werkgever = employer.werkgever
    aanpassingen = Aanpassing.objects.filter(key__in=values["aanpassingen"], active=True)
    fields = {
        "title": values["title"],
        "locatie": employer.locations[values["location"]].pk,
        "description": values["description"],
        "days": values["days"],
        "aanpassingen": [a.pk for a in aanpassingen],
    }
    soort = values["soort"]
    if soort == Functie.Soort.MAATWERK:
        # MaatwerkForm.save() composes the job from its tasks (Functie.compose_from_tasks):
        # what it asks, its hours and its conditions follow from the tasks
        fields["taken"] = [tasks[t].pk for t in values["tasks"]]
        form_class = MaatwerkForm
    else:
        fields["hours_per_week"] = Decimal(values["hours_per_week"])
        fields["quiet_place"] = values["quiet_place"]
        fields["fixed_hours"] = values["fixed_hours"]
        fields.update({DEMAND_PREFIX + area: v for area, v in values["demands"].items()})
        form_class = VacatureForm
    form = form_class(
        post(fields), instance=Functie(werkgever=werkgever, soort=soort), werkgever=werkgever
    )
    functie = service.save_functie(valid(form))
    if not values.get("open", True):
        service.toggle_open(functie)  # filled
    Functie.objects.filter(pk=functie.pk).update(created_at=clock.at(values["created_days_ago"]))
    return functie
