"""Request middleware of the project."""

from django.conf import settings
from django.core.exceptions import BadRequest
from django.utils import translation
from django.utils.cache import patch_vary_headers


class ChosenLanguageMiddleware:
    """Activate the language the visitor chose, else Indonesian.

    Django's LocaleMiddleware also follows the browser's Accept-Language, which
    would show English to the many Indonesian phones set to English. KESAN
    speaks Indonesian until the visitor picks another language with the
    switcher (stored in the language cookie).
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.supported = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in self.supported else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        patch_vary_headers(response, ("Cookie",))
        response.headers.setdefault("Content-Language", language)
        return response


class RefuseNullCharactersMiddleware:
    """Answer 400 to a URL whose path or query string holds a NUL character.

    PostgreSQL can neither store nor compare NUL, so one reaching a query (a
    search word, an order number in the path, in Oscar's views as in ours)
    was a server error. No link or browser sends it; form fields refuse it
    themselves (Django's ProhibitNullCharactersValidator).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path or any(
            "\x00" in key or any("\x00" in value for value in values)
            for key, values in request.GET.lists()
        ):
            raise BadRequest("NUL character in the URL")
        return self.get_response(request)
