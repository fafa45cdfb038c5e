from werkpad.audit.trail import current_user


class AuditUserMiddleware:
    """Remember who makes this request, so that changes saved anywhere are attributed."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        token = current_user.set(user if user is not None and user.is_authenticated else None)
        try:
            return self.get_response(request)
        finally:
            current_user.reset(token)
