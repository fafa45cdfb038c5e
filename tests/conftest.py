"""Shared fixtures: people, organisations and trajects built with factories, and the browser
set-up for Debian's Chromium."""

import os
import shutil

import pytest

from tests.factories import (
    OrganisationFactory,
    TrajectFactory,
    UserFactory,
)
from tests.scenes import placed_scene

os.environ.setdefault("WERKPAD_TESTING", "1")
# Playwright's sync API runs an event loop in the test thread; the tests themselves only do
# plain synchronous ORM work around it.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    path = CHROMIUM if os.path.exists(CHROMIUM) else shutil.which("chromium")
    return {
        **browser_type_launch_args,
        "executable_path": path,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


@pytest.fixture
def organisation(db):
    return OrganisationFactory(kind="reintegratie")


@pytest.fixture
def coach(organisation):
    return UserFactory(role="trajectbegeleider", organisation=organisation)


@pytest.fixture
def traject(coach):
    return TrajectFactory(coach=coach)


@pytest.fixture
def scene(coach):
    """The shared placement scene: a started placement with the candidate's account, an
    employer with HR, a supervisor and a buddy (see `tests.scenes.placed_scene`)."""
    return placed_scene(coach)
