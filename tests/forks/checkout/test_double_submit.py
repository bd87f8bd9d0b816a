"""Two identical "place order" POSTs at the same moment (a double click):
one order and one payment, both answered with the same payment page."""

import pytest
from django.test import Client
from django.urls import reverse
from oscar.core.loading import get_model

from marketplace.payments.models import PaymentAttempt
from tests.concurrency import run_concurrently
from tests.forks.checkout.helpers import guest_to_preview, place_order_form

pytestmark = pytest.mark.django_db(transaction=True)
Order = get_model("order", "Order")


def test_a_double_click_on_place_order_gives_one_order_and_one_payment(client, shop):
    preview = guest_to_preview(client, shop)
    form = place_order_form(preview)

    def submit():
        twin = Client()
        twin.cookies = client.cookies
        return twin.post(reverse("checkout:preview"), form)

    first, second = run_concurrently(submit, submit)

    attempt = PaymentAttempt.objects.get()
    assert Order.objects.count() == 1
    assert [first.status_code, second.status_code] == [302, 302]
    assert first.url == second.url == reverse("payments:simulator", args=[attempt.provider_order_id])
