"""Who may review what, through the buyer's order page: only the buyer of a
received part, once per product per order, never the seller's own people."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.translation import gettext
from oscar.core.loading import get_model

from marketplace.fulfilment.services import ship_part
from marketplace.reviews import services
from pesantren.models import Membership
from tests.factories import (
    PesantrenFactory,
    UserFactory,
    buy_and_receive,
    give_flat_rate,
    make_basket,
    make_member,
    make_product,
    pay_order,
    place_order,
)

pytestmark = pytest.mark.django_db
ProductReview = get_model("reviews", "ProductReview")
REVIEW = {"score": "4", "title": "Harum", "body": "Kopinya harum dan segar sekali."}


@pytest.fixture
def pesantren():
    pesantren = PesantrenFactory(name="Pesantren Alfa")
    give_flat_rate(pesantren, 15000)
    return pesantren


@pytest.fixture
def kopi(pesantren):
    return make_product(pesantren, title="Kopi Santri")


def review_url(order, line=None):
    line = line or order.lines.get()
    return reverse("orders:line-review", args=[order.number, line.pk])


def test_a_buyer_reviews_a_received_line_and_the_order_page_shows_it(client, kopi):
    buyer = UserFactory(first_name="Siti Aminah")
    order = buy_and_receive(buyer, kopi)
    client.force_login(buyer)
    page = client.get(reverse("orders:detail", args=[order.number]))
    assert page.content.decode().count("data-review-link") == 1

    response = client.post(review_url(order), REVIEW)

    assert response.status_code == 302
    assert response.url == f"/orders/{order.number}/#line-{order.lines.get().pk}"
    review = ProductReview.objects.get()
    assert (review.user, review.order, review.product, review.score) == (
        buyer,
        order,
        kopi,
        4,
    )
    assert (review.title, review.body, review.status) == (
        "Harum",
        "Kopinya harum dan segar sekali.",
        ProductReview.APPROVED,
    )
    kopi.refresh_from_db()
    assert (kopi.rating, kopi.review_count) == (4.0, 1)
    body = client.get(reverse("orders:detail", args=[order.number])).content.decode()
    assert "data-review-link" not in body
    assert 'data-my-review="4"' in body


@pytest.mark.parametrize("state", ["paid", "shipped"])
def test_a_part_not_yet_received_cannot_be_reviewed(client, kopi, pesantren, state):
    buyer = UserFactory()
    order = place_order(make_basket((kopi, 1)), user=buyer).order
    pay_order(order)
    if state == "shipped":
        ship_part(pesantren, order.fulfilment_groups.get().pk, None, "JNE", "JNE1")
    client.force_login(buyer)

    shown = client.get(reverse("orders:detail", args=[order.number]))
    form = client.get(review_url(order))
    posted = client.post(review_url(order), REVIEW)

    assert "data-review-link" not in shown.content.decode()
    assert (form.status_code, posted.status_code) == (302, 302)
    assert ProductReview.objects.count() == 0
    kopi.refresh_from_db()
    assert (kopi.rating, kopi.review_count) == (None, 0)


def test_one_review_per_product_per_order_and_another_order_allows_another(
    client, kopi
):
    buyer = UserFactory()
    first_order = buy_and_receive(buyer, kopi)
    client.force_login(buyer)

    client.post(review_url(first_order), REVIEW)
    again = client.post(review_url(first_order), {**REVIEW, "score": "1"})
    second_order = buy_and_receive(buyer, kopi)
    other = client.post(review_url(second_order), {**REVIEW, "score": "2"})

    assert (again.status_code, other.status_code) == (302, 302)
    assert sorted(
        ProductReview.objects.values_list("order__number", "score")
    ) == sorted([(first_order.number, 4), (second_order.number, 2)])
    kopi.refresh_from_db()
    assert (kopi.rating, kopi.review_count) == (3.0, 2)


@pytest.mark.parametrize("role", list(Membership.Role))
def test_a_member_of_the_selling_pesantren_cannot_review(client, kopi, pesantren, role):
    member = make_member(pesantren, role=role)
    order = buy_and_receive(member, kopi)
    client.force_login(member)

    page = client.get(reverse("orders:detail", args=[order.number]))
    response = client.post(review_url(order), REVIEW)

    assert "data-review-link" not in page.content.decode()
    assert response.status_code == 302
    assert ProductReview.objects.count() == 0


def test_a_member_of_another_pesantren_may_review_as_a_buyer(client, kopi):
    member = make_member(PesantrenFactory())
    order = buy_and_receive(member, kopi)
    client.force_login(member)

    client.post(review_url(order), REVIEW)

    assert ProductReview.objects.filter(user=member).count() == 1


def test_another_buyer_cannot_review_through_someone_elses_order(client, kopi):
    buyer, intruder = UserFactory(), UserFactory()
    order = buy_and_receive(buyer, kopi)
    own_order = buy_and_receive(intruder, kopi)
    client.force_login(intruder)

    form = client.get(review_url(order))
    posted = client.post(review_url(order), REVIEW)
    # Their own order's number with the other order's line is no better.
    mixed = client.post(review_url(own_order, order.lines.get()), REVIEW)

    assert (form.status_code, posted.status_code, mixed.status_code) == (404, 404, 404)
    assert ProductReview.objects.count() == 0


def test_a_visitor_is_sent_to_sign_in(client, kopi):
    order = buy_and_receive(UserFactory(), kopi)

    response = client.post(review_url(order), REVIEW)

    assert response.status_code == 302
    assert response.url.startswith(reverse("customer:login"))
    assert ProductReview.objects.count() == 0


def test_a_refused_form_keeps_what_was_typed_with_its_messages(client, kopi):
    buyer = UserFactory()
    order = buy_and_receive(buyer, kopi)
    client.force_login(buyer)

    response = client.post(
        review_url(order), {"score": "9", "title": "Judul saya", "body": "Pendek"}
    )

    assert response.status_code == 200
    errors = response.context["form"].errors
    assert errors["score"] == [gettext("Choose a rating from 1 to 5 stars.")]
    assert list(errors) == ["score", "body"]
    body = response.content.decode()
    assert 'value="Judul saya"' in body
    assert ">\nPendek</textarea>" in body
    assert ProductReview.objects.count() == 0


def test_the_rating_radios_are_labelled_and_keep_the_choice(client, kopi):
    buyer = UserFactory()
    order = buy_and_receive(buyer, kopi)
    client.force_login(buyer)

    response = client.post(review_url(order), {"score": "3", "body": ""})

    body = response.content.decode()
    assert body.count('type="radio" name="score"') == 5
    assert 'value="3" checked' in body
    assert response.context["form"].errors["body"] == [
        gettext("Write a few words about the product.")
    ]


def test_title_is_optional_and_the_text_is_kept_plain(client, kopi):
    buyer = UserFactory()
    order = buy_and_receive(buyer, kopi)
    client.force_login(buyer)

    client.post(
        review_url(order),
        {"score": "5", "title": "", "body": " <b>Mantap</b>\r\n\r\n\r\n\r\nlagi\x07 "},
    )

    review = ProductReview.objects.get()
    assert (review.title, review.body) == ("", "<b>Mantap</b>\n\nlagi")


def test_a_double_submit_that_passes_the_checks_still_writes_one_review(
    kopi, monkeypatch
):
    buyer = UserFactory()
    line = buy_and_receive(buyer, kopi).lines.get()
    # Both requests checked before either wrote: only the constraint is left.
    monkeypatch.setattr(services, "check_review_allowed", lambda user, line: None)
    fields = {"score": 5, "title": "", "body": "Mantap sekali."}

    services.submit_review(user=buyer, line=line, **fields)
    with pytest.raises(services.ReviewRefused):
        services.submit_review(user=buyer, line=line, **fields)

    assert ProductReview.objects.count() == 1
    kopi.refresh_from_db()
    assert (kopi.rating, kopi.review_count) == (5.0, 1)


def test_the_order_page_query_count_does_not_grow_with_its_lines(
    client, pesantren, django_assert_num_queries
):
    buyer = UserFactory()
    products = [make_product(pesantren, title=f"Kopi {n}") for n in range(4)]
    small = buy_and_receive(buyer, products[0])
    large = buy_and_receive(buyer, *products[1:])
    client.force_login(buyer)
    small_url = reverse("orders:detail", args=[small.number])
    large_url = reverse("orders:detail", args=[large.number])
    client.get(small_url)
    client.post(review_url(large, large.lines.first()), REVIEW)

    with CaptureQueriesContext(connection) as one_line:
        client.get(small_url)
    with django_assert_num_queries(len(one_line)):
        page = client.get(large_url)

    assert page.content.decode().count("data-review-link") == 2


@pytest.mark.parametrize(
    ("field", "value"),
    [("title", "J" * 101), ("body", "B" * 2001), ("body", "  sedikit  ")],
)
def test_texts_out_of_their_length_limits_are_refused(client, kopi, field, value):
    buyer = UserFactory()
    order = buy_and_receive(buyer, kopi)
    client.force_login(buyer)

    response = client.post(review_url(order), {**REVIEW, field: value})

    assert response.status_code == 200
    assert list(response.context["form"].errors) == [field]
    assert ProductReview.objects.count() == 0
