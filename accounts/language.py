"""Which language a request is served in: the one the person chose, French until they do.

Django's LocaleMiddleware falls back to the browser's Accept-Language header, which gave English
menus and US dates around French content to anyone whose computer is set up in English, with no
way back to French. This middleware replaces it and never reads that header: a logged-in user's
stored choice (`User.language`), else Django's language cookie (set by Django's own
`set_language` view, for pages seen before logging in), else `LANGUAGE_CODE` (French).
"""

from django.conf import settings
from django.utils import translation


def chosen_language(request) -> str:
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return supported(user.language)
    return supported(request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME))


def supported(code) -> str:
    """`code` when it is one of the site's languages, else the default (French)."""
    return code if code in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def set_language_cookie(response, language: str):
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )


class ChosenLanguageMiddleware:
    """Activates the chosen language for the request (after AuthenticationMiddleware).

    A logged-in user's choice is also written to the cookie when they differ (at login, or
    after a change made on another device), so the pages seen after logging out keep it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = chosen_language(request)
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        # The view may have logged someone in or changed their language.
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            language = supported(user.language)
            if request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) != language:
                set_language_cookie(response, language)
        response.headers.setdefault("Content-Language", language)
        return response
