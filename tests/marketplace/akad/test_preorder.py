"""Pre-order products: the seller sets the production time, buyers see it."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from forks.catalogue.models import Product
from tests.factories import PesantrenFactory, make_category, make_member, make_product
from tests.html import parse

pytestmark = pytest.mark.django_db
CREATE_URL = "/seller/products/new/"


@pytest.fixture
def seller(client, english, media_root):
    pesantren = PesantrenFactory(name="Al-Hikmah", slug="al-hikmah")
    client.force_login(make_member(pesantren))
    return client


def product_form(**changes):
    return {
        "title": "Kain Batik Tulis",
        "category": make_category("Batik", "batik").pk,
        "price": "350.000",
        "stock": "5",
        "description": "Dibatik tangan oleh santriwati.",
        "weight_grams": "350",
        "condition": "new",
        "sku": "BTK-01",
        **changes,
    }


def test_a_seller_lists_a_pre_order_product_with_its_production_time(seller):
    response = seller.post(
        CREATE_URL, product_form(is_preorder="on", production_days="14")
    )

    assert response.status_code == 302
    product = Product.objects.get(title="Kain Batik Tulis")
    assert (product.is_preorder, product.production_days, product.is_salam) == (
        True,
        14,
        True,
    )
    edit = seller.get(reverse("seller:product-edit", kwargs={"product_pk": product.pk}))
    assert edit.context["form"].initial["production_days"] == 14


@pytest.mark.parametrize(
    ("days", "message"),
    [
        ("", "Enter how many days it takes to make, from 1 to 90."),
        ("0", "Ensure this value is greater than or equal to 1."),
        ("91", "Ensure this value is less than or equal to 90."),
    ],
)
def test_a_pre_order_without_a_valid_production_time_is_refused_and_kept(
    seller, days, message
):
    response = seller.post(
        CREATE_URL, product_form(is_preorder="on", production_days=days)
    )

    assert response.status_code == 200
    assert response.context["form"].errors["production_days"] == [message]
    assert response.context["form"]["title"].value() == "Kain Batik Tulis"
    assert Product.objects.filter(title="Kain Batik Tulis").exists() is False


def test_ready_stock_drops_a_production_time_typed_by_mistake(seller):
    seller.post(CREATE_URL, product_form(production_days="10"))

    product = Product.objects.get(title="Kain Batik Tulis")
    assert (product.is_preorder, product.production_days) == (False, None)


def test_the_database_refuses_a_pre_order_without_production_days(db):
    product = make_product(price=Decimal("1000"))
    product.is_preorder = True
    with pytest.raises(ValidationError):
        product.clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        product.save()


def test_the_product_page_and_card_say_pre_order_and_akad_salam(client, english):
    batik = make_product(
        price=Decimal("350000"),
        title="Batik Tulis",
        is_preorder=True,
        production_days=14,
    )
    kopi = make_product(price=Decimal("50000"), title="Kopi")

    page = parse(client.get(batik.get_absolute_url()))
    ready = parse(client.get(kopi.get_absolute_url()))

    note = page.find("p", data_preorder="14")
    assert note.text().startswith("Pre-order sent within 14 days of payment")
    assert "akad salam" in note.text()
    assert page.find("td", data_akad_type=True).attrs["data-akad-type"] == "salam"
    assert ready.find_all("p", data_preorder=True) == []
    assert ready.find("td", data_akad_type=True).attrs["data-akad-type"] == "bai"
    cards = parse(client.get(reverse("catalogue:index")))
    card = cards.find("article", cls="card", data_product_id=str(batik.pk))
    assert "Pre-order" in card.text()
