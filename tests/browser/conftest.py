"""Browser helpers: log in through the real login form."""

import pytest
from playwright.sync_api import Page, expect

from tests.factories import PASSWORD


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    # Werkpad's users browse in Dutch; LocaleMiddleware follows Accept-Language, and headless
    # Chromium would otherwise ask for en-US.
    return {**browser_context_args, "locale": "nl-NL"}


@pytest.fixture
def page(page: Page) -> Page:
    page.set_default_timeout(10_000)  # fail fast; no step here takes more than a moment
    return page


@pytest.fixture
def login(live_server):
    """`login(page, user)`: sign in via /account/inloggen/ like a person would."""

    def _login(page: Page, user) -> None:
        page.goto(f"{live_server.url}/account/inloggen/")
        page.get_by_label("E-mailadres").fill(user.email)
        page.get_by_label("Wachtwoord").fill(PASSWORD)
        page.get_by_role("button", name="Inloggen").click()
        expect(page.get_by_role("button", name="Uitloggen")).to_be_visible()

    return _login
