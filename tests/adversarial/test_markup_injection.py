"""Markup typed by buyers (complaint text, messages, reviews) is shown as text
on the pesantren's pages, the buyer's order page and in admin."""

import pytest
from django.urls import reverse

from marketplace.complaints import services
from marketplace.fulfilment.services import confirm_received, ship_part
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
EVIL = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def test_markup_in_a_complaint_is_text_everywhere_it_is_shown(client, shop):
    ship_part(shop.alfa, shop.alfa_part.pk, None, "JNE", "JNE0001")
    complaint = services.open_complaint(
        shop.order, shop.alfa_part.pk, user=shop.buyer, reason="other", description=EVIL
    )
    services.add_message(
        complaint.pk, author="buyer", user=shop.buyer, body=EVIL + " pesan"
    )
    pages = []
    client.force_login(shop.alfa_staff)
    pages.append(client.get(reverse("seller:complaint-detail", args=[complaint.pk])))
    pages.append(client.get(reverse("seller:complaint-list")))
    client.force_login(shop.buyer)
    pages.append(client.get(reverse("orders:detail", args=[shop.order.number])))
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    pages.append(
        client.get(reverse("admin:marketplace_complaint_change", args=[complaint.pk]))
    )
    pages.append(
        client.get(reverse("admin:marketplace_complaint_decide", args=[complaint.pk]))
    )
    for response in pages:
        assert response.status_code == 200
        assert EVIL not in response.content.decode()
    assert "&lt;script&gt;" in pages[0].content.decode()


def test_markup_in_a_review_is_text_on_the_product_page(client, shop):
    from oscar.core.loading import get_model

    ProductReview = get_model("reviews", "ProductReview")
    ship_part(shop.alfa, shop.alfa_part.pk, None, "JNE", "JNE0001")
    confirm_received(shop.order, shop.alfa_part.pk, None)
    line = shop.alfa_part.lines.first()
    client.force_login(shop.buyer)
    url = reverse("orders:line-review", args=[shop.order.number, line.pk])
    client.post(url, {"score": 5, "title": EVIL[:50], "body": EVIL})
    review = ProductReview.objects.get()
    # Twice is refused.
    client.post(url, {"score": 1, "title": "lagi", "body": "lagi"})
    assert ProductReview.objects.count() == 1
    page = client.get(line.product.get_absolute_url()).content.decode()
    assert review.body == EVIL
    assert EVIL not in page
    assert "onerror=alert(1)>" not in page


def test_a_part_not_received_cannot_be_reviewed(client, shop):
    from oscar.core.loading import get_model

    ProductReview = get_model("reviews", "ProductReview")
    ship_part(shop.alfa, shop.alfa_part.pk, None, "JNE", "JNE0001")
    line = shop.alfa_part.lines.first()
    client.force_login(shop.buyer)
    url = reverse("orders:line-review", args=[shop.order.number, line.pk])
    client.post(url, {"score": 5, "title": "Enak", "body": "Mantap"})
    assert ProductReview.objects.count() == 0
