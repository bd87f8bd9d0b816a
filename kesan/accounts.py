"""Signing out. Oscar's customer app signs out on a GET, so any page of any
site could sign a buyer out with an ``<img src>``; here it takes a POST."""

from oscar.apps.customer.views import LogoutView as OscarLogoutView


class LogoutView(OscarLogoutView):
    """Oscar's sign-out (cookies deleted, back to the home page), POST only."""

    http_method_names = ("post", "options")

    def post(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)
