"""Organisations and logins: brought up to date in place (never removed), so that a login
keeps its id across reloads."""

from __future__ import annotations

from django.contrib.auth.hashers import make_password

from werkpad.accounts.models import Organisation, User

from ..stories import Stories


def email(stories: Stories, key: str) -> str:
    return f"{key}@{stories.people['domain']}"


def build_organisations(stories: Stories) -> dict[str, Organisation]:
    result = {}
    for key, spec in stories.organisations.items():
        result[key], _ = Organisation.objects.update_or_create(
            name=spec["name"], defaults={"kind": spec["kind"], "city": spec["city"]}
        )
    return result


def build_logins(stories: Stories, organisations: dict[str, Organisation]) -> dict[str, User]:
    password = make_password(stories.people["password"])  # hashed once, the same for all
    result = {}
    for login in stories.logins:
        address = email(stories, login["key"])
        user = User.objects.filter(email=address).first() or User(email=address)
        admin = login.get("admin", False)
        user.first_name = login["first_name"]
        user.last_name = login["last_name"]
        user.role = login["role"]
        user.organisation = organisations.get(login["organisation"])
        user.is_active = True
        user.is_staff = admin
        user.is_superuser = admin
        user.password = password
        user.save()
        result[login["key"]] = user
    return result
