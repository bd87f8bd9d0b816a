"""The buyer opens a complaint on a part from the order page: while it is on
its way or within the khiyar days after receipt, with up to three photos."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from marketplace.complaints.models import Complaint, ComplaintPhoto
from marketplace.fulfilment.services import cancel_part, confirm_received, ship_part
from tests.factories import UserFactory, make_basket, place_order
from tests.marketplace.complaints.conftest import photo

pytestmark = pytest.mark.django_db


def open_url(shop, part):
    return reverse("orders:complaint-create", args=[shop.order.number, part.pk])


def form(**fields):
    return {"reason": "damaged", "description": "Kemasan kopi sobek.", **fields}


def test_the_buyer_opens_a_complaint_on_a_shipped_part_with_photos(
    client, shop, english
):
    ship_part(shop.alfa, shop.alfa_part.pk, None, "JNE", "JNE0001")
    client.force_login(shop.buyer)
    with_exif = Image.Exif()
    with_exif[0x010F] = "KameraSantri"  # Make

    response = client.post(
        open_url(shop, shop.alfa_part),
        form(photos=[photo(exif=with_exif.tobytes()), photo("dua.png")]),
    )

    assert response.status_code == 302
    complaint = Complaint.objects.get()
    assert (complaint.group, complaint.buyer, complaint.reason, complaint.status) == (
        shop.alfa_part,
        shop.buyer,
        "damaged",
        "open",
    )
    assert complaint.description == "Kemasan kopi sobek."
    stored = list(complaint.photos.all())
    assert len(stored) == 2
    with stored[0].image.open("rb") as handle:
        image = Image.open(handle)
        assert (image.format, dict(image.getexif())) == ("JPEG", {})
    page = client.get(reverse("orders:detail", args=[shop.order.number]))
    assert b'data-complaint-status="open"' in page.content
    assert b"Kemasan kopi sobek." in page.content


def test_the_buyer_may_complain_within_the_khiyar_days_after_receipt(
    client, shop, clock, english
):
    ship_part(shop.alfa, shop.alfa_part.pk, None, "JNE", "JNE0001")
    confirm_received(shop.order, shop.alfa_part.pk, shop.buyer)
    client.force_login(shop.buyer)
    clock.advance(days=2, hours=23)

    response = client.post(open_url(shop, shop.alfa_part), form(reason="incomplete"))

    assert response.status_code == 302
    assert Complaint.objects.get().reason == "incomplete"


def test_after_the_khiyar_days_the_complaint_is_refused_and_the_text_kept(
    client, shop, clock, english
):
    ship_part(shop.alfa, shop.alfa_part.pk, None, "JNE", "JNE0001")
    confirm_received(shop.order, shop.alfa_part.pk, shop.buyer)
    client.force_login(shop.buyer)
    clock.advance(days=3, minutes=1)

    response = client.post(
        open_url(shop, shop.alfa_part), form(description="Isinya kurang satu.")
    )

    assert response.status_code == 400
    assert Complaint.objects.count() == 0
    assert b"The time to complain about this part ended on 04-12-2026." in (
        response.content
    )
    assert b"Isinya kurang satu.</textarea>" in response.content


@pytest.mark.parametrize("state", ["new", "cancelled"])
def test_a_part_not_sent_or_cancelled_takes_no_complaint(client, shop, state, english):
    if state == "cancelled":
        cancel_part(shop.alfa, shop.alfa_part.pk, None, "Habis")
    client.force_login(shop.buyer)

    response = client.post(open_url(shop, shop.alfa_part), form())

    assert response.status_code == 400
    assert b"A complaint can be made once the part has been sent." in (response.content)
    assert Complaint.objects.count() == 0


def test_an_unpaid_order_takes_no_complaint(client, shop, english):
    basket = make_basket(*[(line.product, 1) for line in shop.order.lines.all()[:1]])
    unpaid = place_order(basket, user=shop.buyer).order
    client.force_login(shop.buyer)

    response = client.post(
        reverse(
            "orders:complaint-create",
            args=[unpaid.number, unpaid.fulfilment_groups.get().pk],
        ),
        form(),
    )

    assert response.status_code == 400
    assert b"This order is not paid" in response.content
    assert Complaint.objects.count() == 0


def test_another_buyer_gets_404_and_nothing_is_written(client, shop):
    ship_part(shop.alfa, shop.alfa_part.pk, None, "JNE", "JNE0001")
    client.force_login(UserFactory())

    assert client.post(open_url(shop, shop.alfa_part), form()).status_code == 404
    # Nor may the buyer name a part of another order through their own.
    client.force_login(shop.buyer)
    other = place_order(
        make_basket((shop.order.lines.first().product, 1)), user=UserFactory()
    ).order
    wrong = reverse(
        "orders:complaint-create",
        args=[shop.order.number, other.fulfilment_groups.get().pk],
    )
    assert client.post(wrong, form()).status_code == 404
    assert Complaint.objects.count() == 0


def test_a_guest_complains_from_the_session_that_placed_the_order(
    client, shop, english
):
    ship_part(shop.alfa, shop.alfa_part.pk, None, "JNE", "JNE0001")
    type(shop.order).objects.filter(pk=shop.order.pk).update(
        user=None, guest_email="tamu@example.test"
    )
    assert client.post(open_url(shop, shop.alfa_part), form()).status_code == 404

    shop.order.refresh_from_db()
    client.get(
        reverse(
            "orders:guest-detail",
            args=[shop.order.number, shop.order.verification_hash()],
        )
    )
    response = client.post(open_url(shop, shop.alfa_part), form())

    assert response.status_code == 302
    assert Complaint.objects.get().buyer is None


def test_one_open_complaint_per_part(client, shop, english):
    ship_part(shop.alfa, shop.alfa_part.pk, None, "JNE", "JNE0001")
    client.force_login(shop.buyer)
    client.post(open_url(shop, shop.alfa_part), form())

    response = client.post(open_url(shop, shop.alfa_part), form(reason="other"))

    assert response.status_code == 400
    assert b"This part already has an open complaint." in response.content
    assert list(Complaint.objects.values_list("reason", flat=True)) == ["damaged"]


@pytest.mark.parametrize(
    "upload, problem",
    [
        (
            SimpleUploadedFile("foto.jpg", b"%PDF-1.4 not a picture"),
            b"This file is not a picture.",
        ),
        (None, b"the limit is"),
    ],
    ids=["not-an-image", "too-big"],
)
def test_a_bad_photo_is_refused_and_the_text_kept(
    client, shop, settings, upload, problem, english
):
    settings.KESAN_IMAGE_MAX_BYTES = 2000
    ship_part(shop.alfa, shop.alfa_part.pk, None, "JNE", "JNE0001")
    client.force_login(shop.buyer)
    upload = upload or photo(size=(1200, 900))

    response = client.post(
        open_url(shop, shop.alfa_part),
        form(description="Pecah di jalan.", photos=[upload]),
    )

    assert response.status_code == 400
    assert problem in response.content
    assert b"Pecah di jalan.</textarea>" in response.content
    assert (Complaint.objects.count(), ComplaintPhoto.objects.count()) == (0, 0)


def test_more_than_three_photos_are_refused(client, shop, english):
    ship_part(shop.alfa, shop.alfa_part.pk, None, "JNE", "JNE0001")
    client.force_login(shop.buyer)

    response = client.post(
        open_url(shop, shop.alfa_part),
        form(photos=[photo(f"{n}.jpg") for n in range(4)]),
    )

    assert response.status_code == 400
    assert b"Upload at most 3 pictures at once." in response.content
    assert Complaint.objects.count() == 0
