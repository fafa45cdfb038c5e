from django.conf import settings
from django.utils import translation


class LanguageMiddleware:
    """Dutch for everyone, English only for who chose it in the language menu (cookie).

    Unlike Django's LocaleMiddleware this ignores the browser's Accept-Language: Werkpad's
    users are Dutch, and a half-translated page in a browser set to English helps no one."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.languages = {code for code, _ in settings.LANGUAGES}

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in self.languages else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response
