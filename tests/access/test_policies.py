"""The access registry's guarantees: the list of what a user may see and the check on one
object come from one rule, an action nobody registered is denied, the access package knows
no app, and every app with rules declares and registers them in its own `policy.py`."""

import ast
import importlib
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.conf import settings

from tests.factories import OrganisationFactory, TrajectFactory, UserFactory
from tests.scenes import make_scene, place, placed_scene
from werkpad import access
from werkpad.access import registry
from werkpad.instruments.models import DeelVersie
from werkpad.notifications.models import Bericht, Melding
from werkpad.route.models import Party
from werkpad.trajects.models import Afspraak

pytestmark = pytest.mark.django_db

ACCESS_PACKAGE = Path(access.__file__).resolve().parent
APPS_WITH_RULES = [
    "trajects",
    "instruments",
    "employers",
    "matching",
    "placements",
    "monitoring",
    "dropout",
    "notifications",
    "route",
    "pages",
    "audit",
]
# the access package is in the base layer: of the project's own modules it may only know the
# accounts app (users and their roles)
ALLOWED_PROJECT_IMPORTS = {"werkpad.access", "werkpad.accounts"}


def build_world(coach, organisation) -> SimpleNamespace:
    """Users of every role, trajects they do and do not relate to, open and closed, with
    placements, agreements, alerts and e-mails."""
    open_scene = placed_scene(coach)
    traject = open_scene.traject
    regie = UserFactory(role="regiehouder")
    traject.add_betrokkene(Party.REGIEHOUDER, by=coach, user=regie)
    arbo = UserFactory(role="arbo")
    arbo_betrokkene = traject.add_betrokkene(Party.ARBODIENST, by=coach, user=arbo)
    behandelaar = UserFactory(role="behandelaar")
    traject.add_betrokkene(Party.PERSOONLIJKE_OMGEVING, by=coach, user=behandelaar)
    DeelVersie.objects.create(
        kandidaat=traject.kandidaat,
        number=1,
        shared={"leidinggevende": ["checkins", "journaal", "herstelplan"]},
    )
    Afspraak.objects.create(
        traject=traject, what="Werkplek", who=arbo_betrokkene, due_date="2030-01-01"
    )

    # a closed traject with a placement, its employer people still betrokkenen
    closed_scene = make_scene(coach, employer_name="Drukkerij Inkt")
    place(closed_scene)
    closed_arbo = UserFactory(role="arbo")
    closed_scene.traject.add_betrokkene(Party.ARBODIENST, by=coach, user=closed_arbo)
    closed_scene.traject.close("gestopt", coach, reason="Verhuisd")

    other_coach = UserFactory(role="trajectbegeleider", organisation=organisation)
    elsewhere = OrganisationFactory()
    other_traject = TrajectFactory(
        coach=UserFactory(role="trajectbegeleider", organisation=elsewhere)
    )
    own_traject = TrajectFactory(coach=other_coach)
    teamleider = UserFactory(role="teamleider", organisation=organisation)
    teamleider_elsewhere = UserFactory(role="teamleider", organisation=elsewhere)
    beheerder = UserFactory(role="beheerder", is_staff=True, is_superuser=True)
    inactive = UserFactory(role="trajectbegeleider", organisation=organisation, is_active=False)
    own_traject.add_betrokkene(Party.BEGELEIDING, by=other_coach, user=inactive)
    staff_not_involved = UserFactory(
        role="werkgever", organisation=open_scene.werkgever.organisation
    )
    collega = UserFactory(role="collega")

    users = [
        coach,
        other_coach,
        teamleider,
        teamleider_elsewhere,
        regie,
        arbo,
        behandelaar,
        closed_arbo,
        open_scene.kandidaat_user,
        open_scene.hr_user,
        open_scene.lg_user,
        closed_scene.hr_user,
        closed_scene.lg_user,
        staff_not_involved,
        collega,
        beheerder,
        inactive,
    ]
    for i, (user, about) in enumerate(
        [(coach, traject), (teamleider, other_traject), (regie, own_traject), (collega, None)]
    ):
        melding = Melding.objects.create(
            ontvanger=user, soort="overig", titel="Let op", traject=about, sleutel=f"m{i}"
        )
        Bericht.objects.create(
            melding=melding, aan=user.email, onderwerp="Let op", tekst="x", sleutel=f"b{i}"
        )
    Bericht.objects.create(aan="los@example.nl", onderwerp="Los", tekst="x", sleutel="los")
    return SimpleNamespace(users=users, traject=traject, beheerder=beheerder, coach=coach)


def universe(model) -> list:
    """Every object of the model, with its traject loaded once (the rules read it)."""
    objects = list(model._default_manager.all())
    for obj in objects:
        for name in ("traject", "kandidaat", "melding"):
            getattr(obj, name, None)
    return objects


def test_every_queryset_rule_lists_exactly_the_objects_its_check_allows(coach, organisation):
    world = build_world(coach, organisation)
    rules = [rule for rule in registry.object_rules() if rule.has_scope]
    assert {rule.action for rule in rules} >= {
        "traject.view",
        "plaatsing.view",
        "werkgever.view",
        "meldingen.view",
        "berichten.view",
        "milestone.view",
        "afspraak.view",
        "kandidaat.view",
        "uitval.report",
    }
    objects = {rule.on: universe(rule.on) for rule in rules}
    drift = []
    with access.caching():
        for rule in rules:
            allowed_somewhere = False
            for user in world.users:
                listed = set(access.scope(user, rule.action))
                for obj in objects[rule.on]:
                    allowed = access.can(user, rule.action, obj)
                    allowed_somewhere |= allowed
                    if (obj in listed) != allowed:
                        drift.append((rule.action, str(user), repr(obj), allowed))
            assert allowed_somewhere, f"the scene never allows {rule.action}"
    assert not drift, drift[:20]


def test_rules_that_need_python_have_no_queryset_and_say_so(coach):
    # "journal.view" depends on what the candidate shares: a check, not a list
    with pytest.raises(LookupError):
        access.scope(coach, "journal.view")
    with pytest.raises(LookupError):
        access.scope(coach, "instrument.view")


def test_an_unregistered_action_is_denied_to_everyone(coach, organisation):
    world = build_world(coach, organisation)
    assert "traject.delete" not in access.registered_actions()
    for user in world.users:
        assert not access.can(user, "traject.delete", world.traject)
        assert not access.can(user, "nothing.registered")
        assert not access.can(user, "nothing.registered", world.traject)
    # a superuser with the beheerder role is no exception
    assert world.beheerder.is_superuser
    assert not access.can(world.beheerder, "traject.view", world.traject)
    with pytest.raises(LookupError):
        access.scope(world.beheerder, "nothing.registered")


def test_an_action_is_denied_on_an_object_it_has_no_rule_for(coach, traject):
    assert access.can(coach, "traject.view", traject)
    assert not access.can(coach, "traject.view", traject.kandidaat)
    assert not access.can(coach, "plaatsing.view", traject)


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text())
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module)
    return found


def test_the_access_package_imports_no_app():
    files = sorted(ACCESS_PACKAGE.glob("*.py"))
    assert files
    for path in files:
        for module in _imports(path):
            if module == "werkpad" or module.startswith("werkpad."):
                assert any(
                    module == allowed or module.startswith(allowed + ".")
                    for allowed in ALLOWED_PROJECT_IMPORTS
                ), f"{path.name} imports {module}"


def declared_actions(app: str) -> set[str]:
    """The actions `werkpad/<app>/policy.py` declares: its module-level `NAME =
    Action("...")` assignments (read with `ast`, so imported actions do not count)."""
    path = ACCESS_PACKAGE.parent / app / "policy.py"
    found = set()
    for node in ast.parse(path.read_text()).body:
        value = node.value if isinstance(node, ast.Assign) else None
        if (
            isinstance(value, ast.Call)
            and isinstance(value.func, ast.Name)
            and value.func.id == "Action"
            and isinstance(value.args[0], ast.Constant)
        ):
            found.add(value.args[0].value)
    return found


@pytest.mark.parametrize("app", APPS_WITH_RULES)
def test_each_app_declares_and_registers_its_actions_in_its_policy(app):
    declared = declared_actions(app)
    assert declared, f"werkpad/{app}/policy.py declares no action"
    missing = declared - access.registered_actions()
    assert not missing, f"declared in werkpad/{app}/policy.py but not registered: {missing}"
    policy = importlib.import_module(f"werkpad.{app}.policy")
    assert callable(policy.register)


def test_every_registered_action_is_declared_by_exactly_one_app():
    owners: dict[str, list[str]] = {}
    for app in APPS_WITH_RULES:
        for action in declared_actions(app):
            owners.setdefault(action, []).append(app)
    assert {a: apps for a, apps in owners.items() if len(apps) > 1} == {}
    assert access.registered_actions() == set(owners)


def test_the_access_cache_lives_for_one_request_and_forgets_a_new_betrokkene(coach, traject):
    assert "werkpad.access.cache.AccessCacheMiddleware" in settings.MIDDLEWARE
    regie = UserFactory(role="regiehouder")
    with access.caching():
        assert not access.can(regie, "traject.view", traject)
        traject.add_betrokkene(Party.REGIEHOUDER, by=coach, user=regie)
        assert access.can(regie, "traject.view", traject)
    # outside a request nothing is kept: every answer is fresh
    other = UserFactory(role="regiehouder")
    assert not access.can(other, "traject.view", traject)
    traject.betrokkenen.create(party=Party.REGIEHOUDER, user=other, added_by=coach)
    assert access.can(other, "traject.view", traject)
