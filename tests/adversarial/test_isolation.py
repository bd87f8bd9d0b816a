"""Every new seller and buyer URL of the sharia layer with another
pesantren's or another buyer's ids, GET and POST: 404 and nothing changes;
staff and editors refused the owner's payout pages; guests sent to sign in."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kesan.images import clean_image
from marketplace.complaints import services as complaints
from marketplace.complaints.models import Complaint, ComplaintMessage
from marketplace.compliance import services as compliance
from marketplace.compliance.documents import CheckedDocument
from marketplace.compliance.models import Certificate
from marketplace.fulfilment.services import confirm_received, ship_part
from marketplace.ledger.models import LedgerEntry
from marketplace.payouts import services as payouts
from marketplace.payouts.models import PayoutRequest
from pesantren.models import Membership, Pesantren
from tests.factories import UserFactory, make_member
from tests.marketplace.complaints.conftest import photo

pytestmark = pytest.mark.django_db


@pytest.fixture
def alfa_things(shop):
    """Alfa's certificate, complaint with a photo, akad part and payout request."""
    product = shop.alfa_part.lines.first().product
    product.halal_certificate_number = "ID35110000123456"
    product.save()
    certificate = compliance.add_certificate(
        product,
        CheckedDocument(
            SimpleUploadedFile("s.pdf", b"%PDF-1.4 test"), "application/pdf"
        ),
        user=shop.alfa_owner,
    )
    ship_part(shop.alfa, shop.alfa_part.pk, None, "JNE", "JNE0001")
    complaint = complaints.open_complaint(
        shop.order,
        shop.alfa_part.pk,
        user=shop.buyer,
        reason="damaged",
        description="Pecah.",
        photos=[clean_image(SimpleUploadedFile("r.jpg", photo().read()))],
    )
    # Beta's part received: Beta has money; Alfa's held under the complaint.
    ship_part(shop.beta, shop.beta_part.pk, None, "JNE", "JNE0002")
    confirm_received(shop.order, shop.beta_part.pk, None)
    Pesantren.objects.filter(pk=shop.beta.pk).update(
        bank_name="bsi", bank_account_number="7123456789", bank_account_holder="Beta"
    )
    payout = payouts.request_payout(shop.beta_owner.memberships.get(), 50000)
    return {
        "product": product,
        "certificate": certificate,
        "complaint": complaint,
        "photo": complaint.photos.get(),
        "payout": payout,
    }


def state():
    return (
        sorted(Certificate.objects.values_list("pk", "status", "number")),
        sorted(Complaint.objects.values_list("pk", "status")),
        ComplaintMessage.objects.count(),
        sorted(PayoutRequest.objects.values_list("pk", "status")),
        LedgerEntry.objects.count(),
    )


def alfa_urls(things):
    return [
        reverse("seller:product-certificates", args=[things["product"].pk]),
        reverse("seller:certificate-document", args=[things["certificate"].pk]),
        reverse("seller:complaint-detail", args=[things["complaint"].pk]),
        reverse("seller:complaint-reply", args=[things["complaint"].pk]),
        reverse(
            "seller:complaint-photo",
            args=[things["complaint"].pk, things["photo"].pk],
        ),
        reverse("seller:order-akad", args=[things["complaint"].group_id]),
    ]


def beta_payout_urls(things):
    return [
        reverse("seller:payout-detail", args=[things["payout"].pk]),
        reverse("seller:payout-cancel", args=[things["payout"].pk]),
    ]


def test_another_pesantrens_owner_gets_404_on_get_and_post(client, shop, alfa_things):
    before = state()
    client.force_login(shop.beta_owner)
    for url in alfa_urls(alfa_things):
        assert client.get(url).status_code == 404, url
        data = {
            "body": "<script>alert(1)</script>",
            "document": SimpleUploadedFile("x.pdf", b"%PDF-1.4 x"),
        }
        assert client.post(url, data).status_code == 404, url
    assert state() == before


def test_alfa_cannot_see_or_cancel_betas_payout(client, shop, alfa_things):
    before = state()
    client.force_login(shop.alfa_owner)
    for url in beta_payout_urls(alfa_things):
        assert client.get(url).status_code == 404, url
        assert client.post(url).status_code == 404, url
    assert state() == before


@pytest.mark.parametrize("role", [Membership.Role.STAFF, Membership.Role.EDITOR])
def test_betas_staff_and_editors_cannot_see_cancel_or_request_payouts(
    client, shop, alfa_things, role
):
    member = make_member(shop.beta, role=role, email=f"{role}@beta.test")
    before = state()
    client.force_login(member)
    for url in beta_payout_urls(alfa_things):
        assert client.get(url).status_code == 403, url
        assert client.post(url).status_code == 403, url
    assert (
        client.post(reverse("seller:balance"), {"amount": "50000"}).status_code == 403
    )
    assert state() == before


def test_another_buyer_and_a_guest_get_nothing_of_the_buyers_order(
    client, shop, alfa_things
):
    number = shop.order.number
    line = shop.alfa_part.lines.first()
    buyer_urls = [
        reverse("orders:akad", args=[number]),
        reverse("orders:complaint-photo", args=[number, alfa_things["photo"].pk]),
        reverse("orders:complaint-message", args=[number, alfa_things["complaint"].pk]),
        reverse("orders:complaint-create", args=[number, shop.beta_part.pk]),
        reverse("orders:line-review", args=[number, line.pk]),
    ]
    before = state()
    client.force_login(UserFactory(email="lain@example.test"))
    for url in buyer_urls:
        assert client.get(url).status_code in (404, 405), url
        response = client.post(
            url, {"body": "x", "reason": "damaged", "description": "x", "score": 5}
        )
        # The photo view is GET only: a POST is 405 before any lookup.
        assert response.status_code in (404, 405), url
    client.logout()
    for url in buyer_urls:
        response = client.post(
            url, {"body": "x", "reason": "damaged", "description": "x"}
        )
        assert response.status_code in (302, 404, 405), url
        if response.status_code == 302:
            assert reverse("customer:login") in response["Location"]
    assert state() == before


def test_the_pesantrens_own_people_cannot_review_its_product(client, shop, alfa_things):
    """A buyer who is also a member of the selling pesantren is refused."""
    from oscar.core.loading import get_model

    ProductReview = get_model("reviews", "ProductReview")
    Membership.objects.create(
        user=shop.buyer, pesantren=shop.beta, role=Membership.Role.STAFF
    )
    client.force_login(shop.buyer)
    line = shop.beta_part.lines.first()
    url = reverse("orders:line-review", args=[shop.order.number, line.pk])
    client.post(url, {"score": 5, "title": "Enak", "body": "Mantap"})
    assert ProductReview.objects.count() == 0
