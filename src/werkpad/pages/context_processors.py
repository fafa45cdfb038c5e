"""The menu: which items this user gets, decided by the access module, with the count of
unread inbox messages. It lives with the pages because the menu spans every app."""

from functools import cache

from werkpad import access
from werkpad.notifications.service import unread_count


def navigation(request) -> dict:
    """Which menu items this user gets, decided by the access module."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    werkgevers = access.can(user, "werkgever.list")
    # "Mijn organisatie": employer staff whose organisation has an employer profile
    my_werkgever = None
    if not werkgevers:
        my_werkgever = access.scope(user, "werkgever.view").values_list("pk", flat=True).first()
    return {
        "nav": {
            "werkgevers": werkgevers,
            "my_werkgever": my_werkgever,
            "caseload": access.can(user, "caseload.view"),
            "signalen": access.can(user, "signalen.overview"),
            "register": access.can(user, "kandidaat.register"),
            "regie": access.can(user, "regie.overview"),
            "audit": access.can(user, "audit.view"),
            "meldingen": access.can(user, "meldingen.view"),
            # unread inbox messages: one COUNT, only when a page shows it (the template
            # calls it), at most once per request
            "ongelezen": cache(lambda: unread_count(user)),
            "portal": access.can(user, "portal.view"),
            "plaatsingen": access.can(user, "plaatsing.list"),
            "mine": not any(
                access.can(user, action)
                for action in ("caseload.view", "audit.view", "portal.view")
            ),
        }
    }
