from werkpad import access


def navigation(request) -> dict:
    """Which menu items this user gets, decided by the access module."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {
        "nav": {
            "caseload": access.can(user, "caseload.view"),
            "register": access.can(user, "kandidaat.register"),
            "regie": access.can(user, "regie.overview"),
            "audit": access.can(user, "audit.view"),
            "portal": access.can(user, "portal.view"),
            "mine": not any(
                access.can(user, action)
                for action in ("caseload.view", "audit.view", "portal.view")
            ),
        }
    }
