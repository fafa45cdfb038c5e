"""Dutch first, English for who chooses it."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_dutch_even_when_the_browser_asks_for_english(client):
    response = client.get(reverse("accounts:login"), headers={"Accept-Language": "en-US,en"})
    assert "Wachtwoord" in response.content.decode()
    assert response["Content-Language"] == "nl"


def test_english_when_chosen_in_the_language_menu(client):
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    response = client.get(reverse("accounts:login"))
    assert "Password" in response.content.decode()
    assert response["Content-Language"] == "en"
