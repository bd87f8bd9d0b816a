"""The pesantren answers in its dashboard, the buyer on the order page; each
side sees only its own complaints and photos, and the e-mails go once."""

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from marketplace.complaints import services
from marketplace.complaints.models import Complaint, ComplaintMessage
from marketplace.fulfilment.models import OutboundEmail
from marketplace.fulfilment.services import ship_part
from tests.factories import UserFactory, make_member
from tests.marketplace.complaints.conftest import photo

pytestmark = pytest.mark.django_db


@pytest.fixture
def complaint(shop, django_capture_on_commit_callbacks):
    ship_part(shop.alfa, shop.alfa_part.pk, None, "JNE", "JNE0001")
    ship_part(shop.beta, shop.beta_part.pk, None, "JNE", "JNE0002")
    from kesan.images import clean_image

    with django_capture_on_commit_callbacks(execute=True):
        return services.open_complaint(
            shop.order,
            shop.alfa_part.pk,
            user=shop.buyer,
            reason="wrong_item",
            description="Yang datang madu, bukan kopi.",
            photos=[clean_image(SimpleUploadedFile("rusak.jpg", photo().read()))],
        )


def test_the_pesantren_lists_and_answers_its_complaint(
    client, shop, complaint, english, django_capture_on_commit_callbacks
):
    client.force_login(shop.alfa_staff)

    listing = client.get(reverse("seller:complaint-list"))
    detail = client.get(reverse("seller:complaint-detail", args=[complaint.pk]))
    with django_capture_on_commit_callbacks(execute=True):
        answer = client.post(
            reverse("seller:complaint-reply", args=[complaint.pk]),
            {"body": "Maaf, kami kirim kopinya besok."},
        )

    assert list(listing.context["complaints"]) == [complaint]
    assert b"Yang datang madu, bukan kopi." in detail.content
    assert answer.status_code == 302
    message = ComplaintMessage.objects.get()
    assert (message.author, message.user, message.body) == (
        "pesantren",
        shop.alfa_staff,
        "Maaf, kami kirim kopinya besok.",
    )
    sent = mail.outbox[-1]
    assert sent.to == ["pembeli@example.test"]
    assert "Maaf, kami kirim kopinya besok." in sent.body


def test_another_pesantren_cannot_list_see_or_answer_the_complaint(
    client, shop, complaint
):
    client.force_login(shop.beta_owner)
    photo_id = complaint.photos.get().pk

    assert (
        list(client.get(reverse("seller:complaint-list")).context["complaints"]) == []
    )
    assert (
        client.get(reverse("seller:complaint-detail", args=[complaint.pk])).status_code
        == 404
    )
    reply = client.post(
        reverse("seller:complaint-reply", args=[complaint.pk]), {"body": "Bukan kami."}
    )
    photo_page = client.get(
        reverse("seller:complaint-photo", args=[complaint.pk, photo_id])
    )

    assert (reply.status_code, photo_page.status_code) == (404, 404)
    assert ComplaintMessage.objects.count() == 0


def test_the_buyer_writes_in_the_thread_while_it_is_open(
    client, shop, complaint, english
):
    client.force_login(shop.buyer)
    url = reverse("orders:complaint-message", args=[shop.order.number, complaint.pk])

    empty = client.post(url, {"body": ""})
    sent = client.post(url, {"body": "Ditunggu, terima kasih."})
    services.resolve_complaint(
        complaint.pk, Complaint.Decision.RELEASE, actor=None, note="Diganti."
    )
    closed = client.post(url, {"body": "Satu lagi."})

    assert empty.status_code == 400
    assert b"Write a message first." in empty.content
    assert sent.status_code == 302
    assert closed.status_code == 400
    assert b"Satu lagi.</textarea>" in closed.content
    assert list(ComplaintMessage.objects.values_list("author", "body")) == [
        ("buyer", "Ditunggu, terima kasih.")
    ]
    page = client.get(reverse("orders:detail", args=[shop.order.number]))
    assert b'data-decision="release"' in page.content


def test_another_buyer_gets_404_for_the_thread_and_the_photos(client, shop, complaint):
    photo_id = complaint.photos.get().pk
    client.force_login(UserFactory())

    message = client.post(
        reverse("orders:complaint-message", args=[shop.order.number, complaint.pk]),
        {"body": "Saya ikut."},
    )
    picture = client.get(
        reverse("orders:complaint-photo", args=[shop.order.number, photo_id])
    )

    assert (message.status_code, picture.status_code) == (404, 404)
    assert ComplaintMessage.objects.count() == 0


def test_photos_are_served_to_the_buyer_the_pesantren_and_staff_only(
    client, shop, complaint
):
    photo_id = complaint.photos.get().pk
    buyer_url = reverse("orders:complaint-photo", args=[shop.order.number, photo_id])
    seller_url = reverse("seller:complaint-photo", args=[complaint.pk, photo_id])
    admin_url = reverse("admin:marketplace_complaint_photo", args=[photo_id])

    client.force_login(shop.buyer)
    as_buyer = client.get(buyer_url)
    client.force_login(shop.alfa_owner)
    as_owner = client.get(seller_url)
    as_owner_in_admin = client.get(admin_url)
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    as_admin = client.get(admin_url)
    client.logout()
    anonymous = client.get(buyer_url)

    assert (as_buyer.status_code, as_owner.status_code, as_admin.status_code) == (
        200,
        200,
        200,
    )
    assert b"".join(as_buyer.streaming_content)[:3] == b"\xff\xd8\xff"
    assert as_buyer["Content-Type"] == "image/jpeg"
    assert as_owner_in_admin.status_code == 302  # to the admin's sign-in
    assert anonymous.status_code == 404
    # Stored outside the public media folder, with no URL of its own.
    stored = complaint.photos.get().image
    with pytest.raises(ValueError):
        stored.storage.url(stored.name)


def test_each_email_is_queued_once(shop, complaint, django_capture_on_commit_callbacks):
    make_member(shop.alfa, email="pemilik2@alfa.test")
    with django_capture_on_commit_callbacks(execute=True):
        answer = services.add_message(
            complaint.pk, author="pesantren", user=shop.alfa_owner, body="Kami cek."
        )
        services.add_message(
            complaint.pk, author="buyer", user=shop.buyer, body="Baik."
        )
        services.resolve_complaint(
            complaint.pk, Complaint.Decision.RELEASE, actor=None, note="Selesai."
        )
        services.resolve_complaint(
            complaint.pk, Complaint.Decision.RELEASE, actor=None, note="Lagi."
        )

    complaint_emails = OutboundEmail.objects.filter(complaint=complaint).order_by("pk")
    assert [(e.key, e.recipients) for e in complaint_emails] == [
        (f"complaint_opened:{complaint.pk}", ["pemilik@alfa.test"]),
        (f"complaint_answered:{answer.pk}", ["pembeli@example.test"]),
        (f"complaint_resolved:{complaint.pk}", ["pembeli@example.test"]),
    ]
    assert all(email.date_sent for email in complaint_emails)
    # Each in its reader's language: the pesantren's Indonesian, the buyer's
    # that of the order (placed in English here).
    subjects = [message.subject for message in mail.outbox[-3:]]
    assert subjects == [
        f"Pembeli mengajukan komplain atas pesanan {shop.order.number}",
        f"Pesantren Alfa answered your complaint on order {shop.order.number}",
        f"Your complaint on order {shop.order.number} is settled",
    ]


def test_the_overview_counts_the_open_complaints(client, shop, complaint, english):
    client.force_login(shop.alfa_owner)
    alfa = client.get(reverse("seller:overview"))
    client.force_login(shop.beta_owner)
    beta = client.get(reverse("seller:overview"))

    assert alfa.context["open_complaints"] == 1
    assert b"1 complaint from a buyer is waiting for your answer." in alfa.content
    assert beta.context["open_complaints"] == 0
