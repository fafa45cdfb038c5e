"""Who sees which instrument: every instrument kind against every party.

Nothing the candidate fills in is visible to another party until the candidate shares that
instrument's category with that party; withdrawing takes effect at once; private parts of
'Openheid' never leave the candidate and the coach; and no page answered to someone without
access (the neutral 'Niet gedeeld' page, 403 and 404 pages, the traject pages) carries any of
the instrument's text, its version count or its dates.
"""

import re

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import KandidaatFactory, TrajectFactory, UserFactory
from werkpad.instruments.kinds import CATEGORIES, KINDS, SHARING_PARTIES
from werkpad.instruments.models import DeelVersie, InstrumentVersie

pytestmark = pytest.mark.django_db

PARTIES = [key for key, _name in SHARING_PARTIES]
# a plausible account role for a user of each party (the role plays no part in sharing)
ROLES = {
    "werkgever": "werkgever",
    "leidinggevende": "leidinggevende",
    "collegas": "collega",
    "arbodienst": "arbo",
    "persoonlijke_omgeving": "collega",
    "hulpverlening": "behandelaar",
    "publieke_partijen": "publieke_partij",
    "regiehouder": "regiehouder",
}
NEVER_SHARED = ["regiehouder", "teamleider"]  # cannot be chosen on 'Wie ziet wat'

OPENHEID_QUESTIONS = ["waarom", "voordelen", "zorgen", "aan_wie", "wat", "wanneer", "hoe", "sfeer"]
# what the private drawers ('lades') look like on a page: their field labels and chosen values
LADE_LABELS = [name for _key, name in CATEGORIES]
LADE_VALUES = ["Middelste lade", "Onderste lade"]


def marker(kind: str, version: int = 2) -> str:
    return f"ZQX-{kind}-v{version}-merk"


def private_markers() -> list[str]:
    return [f"ZQX-prive-{q}-merk" for q in OPENHEID_QUESTIONS]


def all_markers(kind: str) -> list[str]:
    found = [marker(kind, 1), marker(kind, 2)]
    return found + private_markers() if kind == "openheid" else found


EVERY_MARKER = [m for kind in KINDS for m in all_markers(kind)]


def post_data(kind: str, version: int) -> dict:
    """Minimal valid data for the edit form of each kind, with the marker in a text field."""
    text = marker(kind, version)
    data = {
        "wensen": {"werk_wens": text},
        "beschikbaarheid": {"motivatie": text, "uren_start": "8", "uren_doel": "16"},
        "openheid": {
            "vertellen": text,
            **{f"vraag_{q}": m for q, m in zip(OPENHEID_QUESTIONS, private_markers(), strict=True)},
            "lade_kwetsbaarheid": "midden",
            "lade_financien": "onder",
        },
        "wat_helpt": {"helpt": text},
        "grenzen": {"grenzen": text},
        "financien": {"gevolgen": text},
        "herstelplan": {"welzijnsgereedschap": text},
        "crisiskaart": {
            "crisis": text,
            "contact-TOTAL_FORMS": "1",
            "contact-INITIAL_FORMS": "0",
            "contact-MIN_NUM_FORMS": "0",
            "contact-MAX_NUM_FORMS": "8",
            "contact-0-naam": f"{text} contact",
            "contact-0-telefoon": "06 12345678",
        },
    }[kind]
    return {"based_on": str(version - 1), **data}


# --- helpers --------------------------------------------------------------------------------


def user(role: str, **kwargs):
    return UserFactory(role=role, password=None, **kwargs)  # no password hashing: fast


def client_for(account) -> Client:
    client = Client()
    client.force_login(account)
    return client


def url(name: str, kandidaat, *args) -> str:
    return reverse(f"instruments:{name}", args=[kandidaat.pk, *args])


def instrument_urls(kandidaat, kind: str) -> dict[str, str]:
    urls = {
        "detail": url("detail", kandidaat, kind),
        "version 1": url("version", kandidaat, kind, 1),
        "version 2": url("version", kandidaat, kind, 2),
        "history": url("history", kandidaat, kind),
        "edit": url("edit", kandidaat, kind),
    }
    if kind == "crisiskaart":
        urls["pdf"] = url("crisiskaart_pdf", kandidaat)
        urls["pdf kaart"] = url("crisiskaart_pdf", kandidaat) + "?formaat=kaart"
    return urls


def fill(coach_client: Client, kandidaat, kind: str, versions: int = 2) -> None:
    """The coach fills in the instrument through the edit view, `versions` times."""
    for version in range(1, versions + 1):
        response = coach_client.post(url("edit", kandidaat, kind), post_data(kind, version))
        assert response.status_code == 302, (kind, response.content.decode()[:2000])


def share(client: Client, kandidaat, **parties) -> None:
    """Post the sharing form. No arguments: everything off."""
    data = {f"deel_{party}": categories for party, categories in parties.items()}
    # like the page: based on the settings in force
    data["based_on"] = DeelVersie.objects.filter(kandidaat=kandidaat).count()
    response = client.post(url("sharing", kandidaat), data)
    assert response.status_code == 302


def neutral(body: str) -> str:
    """The page without what differs per request anyway (CSRF tokens, the current path)."""
    body = re.sub(r"[A-Za-z0-9]{64}", "TOKEN", body)
    return re.sub(r'name="next" type="hidden" value="[^"]*"', "", body)


def assert_clean(body: str, markers, where: str) -> None:
    leaked = [m for m in markers if m in body]
    assert not leaked, f"{where} shows {leaked}"
    assert not re.search(r"[Vv]ersie\s*\d", body), f"{where} shows a version number"
    assert "Bijgewerkt op" not in body and "opgeslagen op" not in body, where


def assert_denied(response, where: str, allow_404: bool = False) -> str:
    body = response.content.decode()
    assert_clean(body, EVERY_MARKER, where)
    if allow_404 and response.status_code == 404:
        return "404"
    assert response.status_code == 403, f"{where}: {response.status_code}"
    assert "Niet gedeeld" in body, where
    return neutral(body)


@pytest.fixture
def coach(organisation):
    return user(
        "trajectbegeleider", organisation=organisation, first_name="Corrie", last_name="Coachmans"
    )


@pytest.fixture
def traject(coach):
    account = user("kandidaat", first_name="Kees", last_name="Kandidaat")
    return TrajectFactory(coach=coach, kandidaat=KandidaatFactory(user=account))


@pytest.fixture
def kandidaat(traject):
    return traject.kandidaat


@pytest.fixture
def as_coach(coach):
    return client_for(coach)


@pytest.fixture
def as_kandidaat(kandidaat):
    return client_for(kandidaat.user)


def member(traject, coach, party: str):
    """A user of `party` on the traject; a teamleider of the coach's organisation is not a
    betrokkene but sees the traject through their organisation."""
    if party == "teamleider":
        return user("teamleider", organisation=coach.organisation)
    account = user(ROLES[party])
    traject.add_betrokkene(party, by=coach, user=account)
    return account


def other_party(party: str) -> str:
    return PARTIES[(PARTIES.index(party) + 1) % len(PARTIES)]


# --- the matrix -----------------------------------------------------------------------------


def test_each_category_belongs_to_one_instrument_at_most():
    categories = [kind.category for kind in KINDS.values()]
    assert len(KINDS) == 8
    assert len(set(categories)) == len(categories)
    assert set(categories) <= {key for key, _name in CATEGORIES}
    assert set(PARTIES) == {
        "werkgever",
        "leidinggevende",
        "collegas",
        "arbodienst",
        "persoonlijke_omgeving",
        "hulpverlening",
        "publieke_partijen",
    }


@pytest.mark.parametrize("party", PARTIES + NEVER_SHARED)
def test_nothing_is_visible_before_it_is_shared_with_that_party(
    party, coach, traject, kandidaat, as_coach, as_kandidaat
):
    for kind in KINDS:
        fill(as_coach, kandidaat, kind)
    viewer = client_for(member(traject, coach, party))
    teamleider = party == "teamleider"
    pages = {
        "overview": url("overview", kandidaat),
        "traject": reverse("trajects:detail", args=[traject.pk]),
        "timeline": reverse("trajects:timeline", args=[traject.pk]),
    }
    # first with nothing shared at all, then with everything shared with every other party
    others = [p for p in PARTIES if p != party]
    for phase in ("nothing shared", "shared with every other party"):
        if phase != "nothing shared":
            share(as_kandidaat, kandidaat, **{p: [key for key, _n in CATEGORIES] for p in others})
        denials = set()
        for kind in KINDS:
            for name, address in instrument_urls(kandidaat, kind).items():
                where = f"{phase}: {party} on {kind} {name}"
                denials.add(assert_denied(viewer.get(address), where, allow_404=teamleider))
            response = viewer.post(url("edit", kandidaat, kind), post_data(kind, 3))
            denials.add(assert_denied(response, f"{phase}: {party} saving {kind}", teamleider))
        # one and the same neutral page, whatever was asked for: no title, no count
        assert len(denials) == 1, f"{phase}: {party} gets {len(denials)} different denials"
        for page, address in pages.items():
            response = viewer.get(address)
            body = response.content.decode()
            assert_clean(body, EVERY_MARKER, f"{phase}: {party} on {page}")
            if page == "overview" and teamleider:
                assert response.status_code in (403, 404)
                continue
            assert response.status_code == 200, (page, response.status_code)
            for kind in KINDS:
                assert url("detail", kandidaat, kind) not in body, (page, kind)
            assert url("crisiskaart_pdf", kandidaat) not in body, page
            if page == "overview":
                # only the generic names, each 'Niet gedeeld', and nothing about who saved
                for spec in KINDS.values():
                    assert str(spec.name) in body
                assert body.count('class="muted not-shared"') == len(KINDS)
                assert "Corrie Coachmans" not in body
    assert InstrumentVersie.objects.count() == 2 * len(KINDS)  # the parties' saves refused


@pytest.mark.parametrize("party", PARTIES)
@pytest.mark.parametrize("kind", list(KINDS))
def test_sharing_one_category_opens_that_instrument_for_that_party_only(
    kind, party, coach, traject, kandidaat, as_coach, as_kandidaat
):
    fill(as_coach, kandidaat, kind)
    viewer = client_for(member(traject, coach, party))
    bystander = client_for(member(traject, coach, other_party(party)))
    detail = url("detail", kandidaat, kind)
    pdf = url("crisiskaart_pdf", kandidaat)
    assert_denied(viewer.get(detail), f"{party} before sharing {kind}")

    share(as_kandidaat, kandidaat, **{party: [KINDS[kind].category]})

    response = viewer.get(detail)
    assert response.status_code == 200
    assert marker(kind) in response.content.decode()
    assert marker(kind, 1) not in response.content.decode()  # only the newest version
    overview = viewer.get(url("overview", kandidaat)).content.decode()
    assert detail in overview
    for other in KINDS:
        if other != kind:
            assert url("detail", kandidaat, other) not in overview
            assert_denied(viewer.get(url("detail", kandidaat, other)), f"{party} on {other}")
    # sharing shows the newest version; it does not open older versions, history or editing
    for name in ("version 1", "version 2", "history", "edit"):
        assert_denied(viewer.get(instrument_urls(kandidaat, kind)[name]), f"{party} {name}")
    if kind == "crisiskaart":
        response = viewer.get(pdf)
        assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
        assert response.content.startswith(b"%PDF")
    else:
        assert_denied(viewer.get(pdf), f"{party} on the crisis card pdf after sharing {kind}")
    # another party type sees nothing of it
    for address in instrument_urls(kandidaat, kind).values():
        assert_denied(bystander.get(address), f"{other_party(party)} after sharing with {party}")

    share(as_kandidaat, kandidaat)  # withdraw: nothing checked

    assert DeelVersie.objects.filter(kandidaat=kandidaat).first().shared == {}
    assert_denied(viewer.get(detail), f"{party} after withdrawal of {kind}")
    assert_denied(viewer.get(pdf), f"{party} on the pdf after withdrawal of {kind}")
    assert detail not in viewer.get(url("overview", kandidaat)).content.decode()


@pytest.mark.parametrize("party", PARTIES)
def test_private_parts_of_openheid_stay_with_candidate_and_coach(
    party, coach, traject, kandidaat, as_coach, as_kandidaat
):
    fill(as_coach, kandidaat, "openheid", versions=1)
    viewer = client_for(member(traject, coach, party))
    # even with every category shared with this party
    share(as_kandidaat, kandidaat, **{party: [key for key, _name in CATEGORIES]})
    detail = url("detail", kandidaat, "openheid")
    body = viewer.get(detail).content.decode()
    assert marker("openheid", 1) in body
    leaked = [m for m in private_markers() + LADE_VALUES if m in body]
    assert not leaked, leaked
    for label in LADE_LABELS:
        assert f"<dt>{label}</dt>" not in body, label
    for owner in (as_kandidaat, as_coach):
        body = owner.get(detail).content.decode()
        assert marker("openheid", 1) in body
        for text in private_markers() + LADE_VALUES:
            assert text in body


@pytest.mark.parametrize("party", PARTIES)
def test_error_pages_never_show_the_instrument(party, coach, traject, kandidaat, as_coach):
    for kind in KINDS:
        fill(as_coach, kandidaat, kind, versions=1)
    as_stranger = client_for(user("trajectbegeleider"))
    viewer = client_for(member(traject, coach, party))
    as_kandidaat = client_for(kandidaat.user)
    share(as_kandidaat, kandidaat, **{party: [key for key, _name in CATEGORIES]})
    for kind in KINDS:
        # a coach of another candidate: the candidate does not exist for them
        for address in instrument_urls(kandidaat, kind).values():
            response = as_stranger.get(address)
            assert response.status_code == 404
            assert_clean(response.content.decode(), EVERY_MARKER, f"stranger on {address}")
        # a version that does not exist, for the owner and for the party it is shared with
        missing = url("version", kandidaat, kind, 99)
        for client, status in ((as_kandidaat, 404), (viewer, 403)):
            response = client.get(missing)
            assert response.status_code == status
            assert_clean(response.content.decode(), EVERY_MARKER, f"{missing} ({status})")
    for address in (
        url("detail", kandidaat, "bestaat-niet"),
        reverse("instruments:detail", args=[kandidaat.pk + 999, "crisiskaart"]),
        reverse("instruments:crisiskaart_pdf", args=[kandidaat.pk + 999]),
    ):
        for client in (viewer, as_kandidaat):
            response = client.get(address)
            assert response.status_code == 404
            assert_clean(response.content.decode(), EVERY_MARKER, address)
    # the sharing page and the access log are the candidate's own: 403 for the party
    for name in ("sharing", "access_log"):
        response = viewer.get(url(name, kandidaat))
        assert response.status_code == 403
        assert_clean(response.content.decode(), EVERY_MARKER, name)


def test_teamleider_sees_the_traject_but_not_the_candidates_data(
    coach, traject, kandidaat, as_coach
):
    """A team lead supervises the coach's trajects; the candidate's own data is not theirs to
    see: those addresses answer 404, like for anyone without a relation to the candidate."""
    fill(as_coach, kandidaat, "crisiskaart", versions=1)
    viewer = client_for(member(traject, coach, "teamleider"))
    assert viewer.get(reverse("trajects:detail", args=[traject.pk])).status_code == 200
    for address in instrument_urls(kandidaat, "crisiskaart").values():
        assert_denied(viewer.get(address), f"teamleider on {address}", allow_404=True)
        assert viewer.get(address).status_code == 404


def test_employer_of_a_closed_traject_does_not_get_what_is_shared_with_the_new_one(
    coach, traject, kandidaat, as_coach, as_kandidaat
):
    from werkpad.trajects.models import Traject

    fill(as_coach, kandidaat, "crisiskaart", versions=1)
    former = client_for(member(traject, coach, "werkgever"))
    traject.close(Traject.Outcome.ANDER_WERK, coach, "Andere baan gevonden")
    new = Traject.open(kandidaat, coach=coach, method=traject.method, referral=traject.referral)
    current = client_for(member(new, coach, "werkgever"))
    share(as_kandidaat, kandidaat, werkgever=["crisiskaart"])
    assert (
        marker("crisiskaart", 1)
        in current.get(url("detail", kandidaat, "crisiskaart")).content.decode()
    )
    response = former.get(url("detail", kandidaat, "crisiskaart"))
    assert_denied(response, "former employer", allow_404=True)
    assert response.status_code == 404  # no longer related to the candidate at all


def test_version_zero_does_not_exist(kandidaat, as_coach, as_kandidaat):
    fill(as_coach, kandidaat, "wensen")
    assert as_kandidaat.get(url("version", kandidaat, "wensen", 0)).status_code == 404
