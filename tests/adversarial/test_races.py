"""Double submits raced on PostgreSQL with real threads: a complaint opened
twice, a payout requested three times, a review posted twice."""

import pytest

from marketplace.complaints import services as complaints
from marketplace.complaints.models import Complaint
from marketplace.fulfilment.services import confirm_received, ship_part
from marketplace.payouts import services as payouts
from marketplace.payouts.models import PayoutRequest
from pesantren.models import Pesantren
from tests.adversarial.conftest import assert_money_invariants
from tests.concurrency import run_concurrently

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_complaint_opened_twice_at_once_is_one_complaint(shop):
    ship_part(shop.alfa, shop.alfa_part.pk, None, "JNE", "JNE0001")

    def open_one():
        return complaints.open_complaint(
            shop.order,
            shop.alfa_part.pk,
            user=shop.buyer,
            reason="damaged",
            description="x",
        )

    results = run_concurrently(open_one, open_one, open_one)
    opened = [r for r in results if isinstance(r, Complaint)]
    refused = [r for r in results if isinstance(r, complaints.ComplaintRefused)]
    assert (len(opened), len(refused)) == (1, 2), results
    assert Complaint.objects.count() == 1


def test_three_payout_requests_at_once_reserve_at_most_what_is_requestable(shop):
    ship_part(shop.alfa, shop.alfa_part.pk, None, "JNE", "JNE0001")
    confirm_received(shop.order, shop.alfa_part.pk, None)
    Pesantren.objects.filter(pk=shop.alfa.pk).update(
        bank_name="bsi", bank_account_number="7123456789", bank_account_holder="Alfa"
    )
    owner = shop.alfa_owner.memberships.select_related("pesantren").get()

    def request():
        return payouts.request_payout(owner, 50000)

    results = run_concurrently(request, request, request)
    made = [r for r in results if isinstance(r, PayoutRequest)]
    # Rp105.000 available: two requests of Rp50.000 fit, the third does not.
    assert len(made) == 2, results
    assert sum(PayoutRequest.objects.values_list("amount", flat=True)) == 100000
    assert_money_invariants(shop.alfa_part)


def test_a_review_posted_twice_at_once_is_one_review(shop):
    from oscar.core.loading import get_model

    from marketplace.reviews.services import ReviewRefused, submit_review

    ProductReview = get_model("reviews", "ProductReview")
    ship_part(shop.alfa, shop.alfa_part.pk, None, "JNE", "JNE0001")
    confirm_received(shop.order, shop.alfa_part.pk, None)
    line = shop.alfa_part.lines.first()

    def review():
        return submit_review(
            user=shop.buyer, line=line, score=5, title="Enak", body="Mantap"
        )

    results = run_concurrently(review, review)
    assert sum(isinstance(r, ReviewRefused) for r in results) == 1, results
    assert ProductReview.objects.count() == 1
