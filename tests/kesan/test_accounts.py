"""Signing out takes a POST with the CSRF token, so another site cannot
sign a buyer out by loading the URL."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import UserFactory
from tests.html import parse

pytestmark = pytest.mark.django_db


def signed_in_client(**options):
    client = Client(**options)
    client.force_login(UserFactory())
    return client


def is_signed_in(client):
    return "_auth_user_id" in client.session


def test_a_get_of_the_sign_out_url_signs_nobody_out():
    client = signed_in_client()

    response = client.get(reverse("customer:logout"))

    assert response.status_code == 405
    assert is_signed_in(client) is True


def test_a_sign_out_post_without_the_csrf_token_is_refused():
    client = signed_in_client(enforce_csrf_checks=True)

    response = client.post(reverse("customer:logout"))

    assert response.status_code == 403
    assert is_signed_in(client) is True


def test_the_header_signs_out_with_a_post_form():
    client = signed_in_client(enforce_csrf_checks=True)
    form = parse(client.get("/")).find("form", cls="signout-form")
    token = form.find("input", name="csrfmiddlewaretoken").attrs["value"]

    response = client.post(form.attrs["action"], {"csrfmiddlewaretoken": token})

    assert (form.attrs["method"], response.status_code, response.url) == (
        "post",
        302,
        "/",
    )
    assert is_signed_in(client) is False


def test_oscar_order_history_sends_the_buyer_to_the_marketplace_order_pages(client, db):
    listing = client.get("/accounts/orders/")
    detail = client.get("/accounts/orders/100001/")

    assert (listing.status_code, listing.headers["Location"]) == (302, "/orders/")
    assert (detail.status_code, detail.headers["Location"]) == (302, "/orders/100001/")
