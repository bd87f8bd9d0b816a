"""Sellers create, edit, publish, restock and delete their products."""

from decimal import Decimal

import pytest
from django.urls import reverse
from oscar.core.loading import get_model

from forks.catalogue.models import Product
from forks.partner.models import StockRecord
from marketplace.models import StockChange
from pesantren.models import Membership, Pesantren
from tests.factories import PesantrenFactory, make_member, make_product
from tests.marketplace.seller.conftest import photo

pytestmark = pytest.mark.django_db

CREATE_URL = "/seller/products/new/"


def product_form(**changes):
    data = {
        "title": "Tas Anyaman Pandan",
        "price": "150.000",
        "stock": "12",
        "description": "Dianyam tangan oleh santri.",
        "weight_grams": "350",
        "length_cm": "30",
        "width_cm": "10",
        "height_cm": "25",
        "condition": "new",
        "halal_certificate_number": "",
        "pirt_number": "",
        "bpom_number": "",
        "sku": "TAS-01",
    }
    data.update(changes)
    return data


def test_seller_creates_a_product_with_one_stockrecord_of_its_pesantren(
    seller, pesantren, owner, craft
):
    response = seller.post(
        CREATE_URL, product_form(category=craft.pk, photos=[photo()])
    )

    product = Product.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("seller:product-edit", args=[product.pk])
    assert (product.title, product.weight_grams, product.is_public) == (
        "Tas Anyaman Pandan",
        350,
        False,
    )
    assert product.product_class.slug == "produk-pesantren"
    assert list(product.categories.all()) == [craft]
    stockrecord = StockRecord.objects.get()
    assert (stockrecord.product, stockrecord.partner) == (product, pesantren.partner)
    assert (stockrecord.price, stockrecord.num_in_stock, stockrecord.partner_sku) == (
        Decimal("150000"),
        12,
        "TAS-01",
    )
    change = StockChange.objects.get()
    assert (change.user, change.old_level, change.new_level, change.source) == (
        owner,
        None,
        12,
        "product_form",
    )
    assert product.images.count() == 1


def test_an_empty_sku_is_generated(seller, craft):
    seller.post(CREATE_URL, product_form(sku=""))

    product = Product.objects.get()
    assert StockRecord.objects.get().partner_sku == f"P{product.pk:06d}"


def test_description_keeps_simple_formatting_and_loses_any_script(seller):
    seller.post(
        CREATE_URL,
        product_form(
            description='<p onclick="x()">Enak <b>sekali</b></p>'
            "<script>alert(1)</script>"
            '<a href="javascript:alert(2)">klik</a><img src=x onerror=alert(3)>'
        ),
    )

    assert Product.objects.get().description == "<p>Enak <b>sekali</b></p>klik"


def test_a_plain_description_is_stored_as_typed(seller):
    seller.post(CREATE_URL, product_form(description="Isi 2 < 3 & wangi\nBaris dua"))

    assert Product.objects.get().description == "Isi 2 < 3 & wangi\nBaris dua"


def test_refused_product_form_explains_and_keeps_what_was_typed(seller, craft):
    data = product_form(price="150,5", stock="-1", pirt_number="123", category=craft.pk)

    response = seller.post(CREATE_URL, data)

    assert response.status_code == 200
    assert response.context["form"].errors == {
        "price": ["Rupiah prices have no cents: write 150,000."],
        "stock": ["Ensure this value is greater than or equal to 0."],
        "pirt_number": ["A P-IRT number has at least 15 digits."],
    }
    assert Product.objects.count() == 0
    html = response.content.decode()
    for name in ("title", "price", "stock", "weight_grams", "sku", "pirt_number"):
        assert f'value="{data[name]}"' in html
    assert (
        f'<option value="{craft.pk}" selected>Kerajinan › Anyaman &amp; Kayu</option>'
        in html
    )
    assert ">\nDianyam tangan oleh santri.</textarea>" in html


def test_publishing_needs_price_weight_category(seller):
    data = product_form(price="", weight_grams="", publish="on")

    response = seller.post(CREATE_URL, data)

    assert response.status_code == 200
    assert response.context["form"].errors == {
        "price": ["Add a price"],
        "weight_grams": ["Add the packed weight, for shipping costs"],
        "category": ["Choose a category"],
    }
    assert Product.objects.count() == 0
    assert (
        '<input type="checkbox" name="publish" id="id_publish" checked>'
        in response.content.decode()
    )


def test_food_needs_halal_and_a_permit_number_to_be_published(seller, coffee):
    refused = seller.post(CREATE_URL, product_form(category=coffee.pk, publish="on"))
    accepted = seller.post(
        CREATE_URL,
        product_form(
            category=coffee.pk,
            publish="on",
            halal_certificate_number="ID35110000123456",
            bpom_number="md 224510001234",
            sku="KOPI-1",
        ),
    )

    assert refused.context["form"].errors == {
        "halal_certificate_number": ["Add the halal certificate number"],
        "pirt_number": ["Add a P-IRT number or a BPOM MD/ML number"],
    }
    assert accepted.status_code == 302
    product = Product.objects.get()
    assert (product.is_public, product.bpom_number) == (True, "MD224510001234")


def test_a_complete_product_is_published_and_listed_in_the_shop(seller, client, craft):
    seller.post(CREATE_URL, product_form(category=craft.pk, publish="on"))
    product = Product.objects.get()

    client.logout()
    storefront = client.get("/pesantren/al-hikmah/")
    catalogue = client.get("/catalogue/")

    assert product.is_public is True
    assert [p.pk for p in storefront.context["products"]] == [product.pk]
    assert [p.pk for p in catalogue.context["products"]] == [product.pk]


@pytest.mark.parametrize(
    "status", [Pesantren.Status.PENDING, Pesantren.Status.SUSPENDED]
)
def test_staff_of_a_pesantren_not_verified_signs_in_but_cannot_publish(
    client, craft, status, english
):
    pesantren = PesantrenFactory(status=status)
    make_member(pesantren, role=Membership.Role.STAFF, email="santri@contoh.test")
    product = make_product(pesantren, is_public=False)
    product.categories.add(craft)

    signed_in = client.post(
        "/accounts/login/",
        {
            "login-username": "santri@contoh.test",
            "login-password": "test-password-123",
            "login_submit": "1",
        },
    )
    overview = client.get("/seller/")
    publish = client.post(f"/seller/products/{product.pk}/publish/")
    create = client.post(CREATE_URL, product_form(category=craft.pk, publish="on"))

    assert signed_in.status_code == 302
    assert overview.status_code == 200
    assert publish.status_code == 302
    product.refresh_from_db()
    assert product.is_public is False
    # Even a crafted "publish" saves a draft only.
    assert create.status_code == 302
    assert list(Product.objects.order_by("pk").values_list("is_public", flat=True)) == [
        False,
        False,
    ]


def test_editing_while_suspended_leaves_a_published_product_published(client, english):
    pesantren = PesantrenFactory(status=Pesantren.Status.SUSPENDED)
    client.force_login(make_member(pesantren))
    product = make_product(pesantren, title="Lama", is_public=True)

    response = client.post(
        f"/seller/products/{product.pk}/", product_form(title="Baru")
    )

    assert response.status_code == 302
    product.refresh_from_db()
    assert (product.title, product.is_public) == ("Baru", True)


def test_edit_changes_the_product_and_records_the_stock_change(
    seller, pesantren, owner, craft
):
    product = make_product(
        pesantren, title="Lama", num_in_stock=5, price=Decimal("10000")
    )

    response = seller.post(
        f"/seller/products/{product.pk}/",
        product_form(
            title="Baru", stock="8", price="12.500", category=craft.pk, sku="BARU-1"
        ),
    )

    assert response.status_code == 302
    product.refresh_from_db()
    stockrecord = product.stockrecords.get()
    assert (
        product.title,
        stockrecord.price,
        stockrecord.num_in_stock,
        stockrecord.partner_sku,
    ) == ("Baru", Decimal("12500"), 8, "BARU-1")
    assert list(StockChange.objects.values_list("old_level", "new_level", "user")) == [
        (5, 8, owner.pk)
    ]


def test_edit_page_shows_the_stored_values(seller, pesantren):
    product = make_product(
        pesantren, title="Peci Hitam", price=Decimal("45000"), num_in_stock=7
    )

    html = seller.get(f"/seller/products/{product.pk}/").content.decode()

    assert 'value="Peci Hitam"' in html
    assert 'value="45,000"' in html
    assert 'name="stock" value="7"' in html


def test_sku_must_be_unique_within_the_pesantren_only(seller, pesantren):
    make_product(pesantren).stockrecords.update(partner_sku="SAMA")
    make_product(PesantrenFactory()).stockrecords.update(partner_sku="LAIN")

    taken = seller.post(CREATE_URL, product_form(sku="SAMA"))
    free = seller.post(CREATE_URL, product_form(sku="LAIN"))

    assert taken.context["form"].errors == {
        "sku": ["Another of your products has the SKU SAMA."]
    }
    assert free.status_code == 302


def test_quick_stock_edit_from_the_list_records_who_when_old_and_new(
    seller, pesantren, owner
):
    product = make_product(pesantren, num_in_stock=3)

    response = seller.post(
        f"/seller/products/{product.pk}/stock/",
        {"stock": "40", "next": "/seller/products/?q=x"},
    )

    assert response.status_code == 302
    assert response.url == "/seller/products/?q=x"
    assert product.stockrecords.get().num_in_stock == 40
    change = StockChange.objects.get()
    assert (change.user, change.old_level, change.new_level, change.source) == (
        owner,
        3,
        40,
        "quick_edit",
    )
    assert change.date_created is not None


def test_a_negative_quick_stock_edit_changes_nothing(seller, pesantren):
    product = make_product(pesantren, num_in_stock=3)

    response = seller.post(f"/seller/products/{product.pk}/stock/", {"stock": "-5"})

    assert response.status_code == 200
    assert product.stockrecords.get().num_in_stock == 3
    assert StockChange.objects.count() == 0


def test_next_outside_the_dashboard_is_ignored(seller, pesantren):
    product = make_product(pesantren, num_in_stock=3)

    response = seller.post(
        f"/seller/products/{product.pk}/stock/",
        {"stock": "4", "next": "https://evil.test/"},
    )

    assert response.url == f"/seller/products/{product.pk}/stock/"


def test_deleting_a_product_without_orders_deletes_it(seller, pesantren):
    product = make_product(pesantren)

    response = seller.post(f"/seller/products/{product.pk}/delete/")

    assert response.status_code == 302
    assert Product.objects.filter(pk=product.pk).exists() is False
    assert StockRecord.objects.count() == 0


def test_deleting_a_product_with_orders_only_unpublishes_it(seller, pesantren):
    product = make_product(pesantren, is_public=True)
    order_line_for(product)

    response = seller.post(f"/seller/products/{product.pk}/delete/")

    assert response.status_code == 302
    product.refresh_from_db()
    assert product.is_public is False
    assert product.stockrecords.count() == 1


def order_line_for(product):
    from oscar.test.factories import create_order

    Line = get_model("order", "Line")
    order = create_order()
    Line.objects.filter(order=order).update(product=product)
    return order


def test_list_searches_by_name_or_sku_and_filters(seller, pesantren):
    kopi = make_product(pesantren, title="Kopi Robusta", num_in_stock=0)
    kopi.stockrecords.update(partner_sku="KOPI-1")
    make_product(pesantren, title="Peci Hitam", num_in_stock=3, is_public=False)
    make_product(pesantren, title="Sarung", num_in_stock=50)
    make_product(PesantrenFactory(), title="Kopi Lain")

    def titles(**query):
        return [
            p.title for p in seller.get("/seller/products/", query).context["products"]
        ]

    assert titles(q="kopi") == ["Kopi Robusta"]
    assert titles(q="KOPI-1") == ["Kopi Robusta"]
    assert titles(status="out_of_stock") == ["Kopi Robusta"]
    assert titles(status="low_stock") == ["Peci Hitam"]
    assert titles(status="draft") == ["Peci Hitam"]
    assert sorted(titles()) == ["Kopi Robusta", "Peci Hitam", "Sarung"]


def test_product_list_runs_a_fixed_number_of_queries(
    seller, pesantren, django_assert_num_queries
):
    for _ in range(3):
        make_product(pesantren)
    seller.get("/seller/products/")
    for _ in range(5):
        make_product(pesantren)

    # User, membership, legality rules, count, page, images, and what every
    # page asks (the request savepoint and its release, Oscar's notification
    # count and basket with its lines): 12, whatever the number of products.
    with django_assert_num_queries(12):
        seller.get("/seller/products/")


def test_detail_page_cleans_html_written_past_the_form_and_keeps_plain_line_breaks(
    client, pesantren
):
    scripted = make_product(
        pesantren,
        description="<p>Wangi</p><script>alert(1)</script><b onclick=x>kuat</b>",
    )
    plain = make_product(pesantren, description="Baris satu\nBaris <dua>")

    scripted_html = client.get(scripted.get_absolute_url()).content.decode()
    plain_html = client.get(plain.get_absolute_url()).content.decode()

    assert "<p>Wangi</p><b>kuat</b>" in scripted_html
    assert "alert(1)" not in scripted_html
    assert "<p>Baris satu<br>Baris &lt;dua&gt;</p>" in plain_html
