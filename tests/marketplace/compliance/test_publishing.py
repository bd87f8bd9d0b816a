"""What a product needs to be published comes from the category rules in the
database (admin data), for the seller form, the import and publishing."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from forks.catalogue.models import Product, ProductCategory
from marketplace.compliance.models import CategoryRule
from marketplace.models import ProductImport
from tests.factories import make_product
from tests.marketplace.compliance.conftest import HALAL, PIRT, product_form, prohibit

pytestmark = pytest.mark.django_db
CREATE_URL = "/seller/products/new/"


def test_the_rule_row_decides_what_a_category_needs(seller, tree):
    # Kitab needs nothing: published without any number
    first = seller.post(
        CREATE_URL, product_form(category=tree["kitab"].pk, publish="on", sku="K-1")
    )
    assert first.status_code == 302
    assert Product.objects.get(stockrecords__partner_sku="K-1").is_public is True

    # When an admin makes the kitab category need a halal certificate
    CategoryRule.objects.create(category=tree["kitab"], needs_halal_certificate=True)
    second = seller.post(
        CREATE_URL, product_form(category=tree["kitab"].pk, publish="on", sku="K-2")
    )

    # Then the same product is refused
    assert second.status_code == 200
    assert second.context["form"].errors == {
        "halal_certificate_number": ["Add the halal certificate number"]
    }
    assert not Product.objects.filter(stockrecords__partner_sku="K-2").exists()


def test_food_without_a_halal_certificate_is_refused_and_the_form_keeps_the_input(
    seller, tree
):
    response = seller.post(
        CREATE_URL,
        product_form(category=tree["coffee"].pk, pirt_number=PIRT, publish="on"),
    )

    assert response.status_code == 200
    assert response.context["form"].errors == {
        "halal_certificate_number": ["Add the halal certificate number"]
    }
    html = response.content.decode()
    assert 'value="Kopi Robusta 250 g"' in html
    assert f'value="{PIRT}"' in html
    assert Product.objects.count() == 0


def test_food_with_its_numbers_is_published(seller, tree):
    response = seller.post(
        CREATE_URL,
        product_form(
            category=tree["coffee"].pk,
            halal_certificate_number="id 3511 0000 1234 50124",
            pirt_number=PIRT,
            publish="on",
        ),
    )

    assert response.status_code == 302
    product = Product.objects.get()
    assert (product.is_public, product.halal_certificate_number) == (True, HALAL)


def test_before_the_deadline_a_missing_halal_number_is_only_advice(
    seller, tree, settings
):
    settings.MARKETPLACE_HALAL_MANDATORY_FROM = "2099-01-01"

    response = seller.post(
        CREATE_URL,
        product_form(category=tree["coffee"].pk, pirt_number=PIRT, publish="on"),
    )

    assert response.status_code == 302
    assert Product.objects.get().is_public is True


@pytest.mark.parametrize(
    ("category", "numbers", "errors"),
    [
        (
            "soap",
            {"bpom_number": "MD224510001234"},
            {"bpom_number": ["Add the BPOM cosmetic notification number (NA…)"]},
        ),
        (
            "jamu",
            {"bpom_number": "NA18191200123"},
            {"bpom_number": ["Add the BPOM traditional medicine number (TR…)"]},
        ),
        (
            "coffee",
            {"halal_certificate_number": HALAL, "bpom_number": "TR123456789"},
            {"pirt_number": ["Add a P-IRT number or a BPOM MD/ML number"]},
        ),
    ],
)
def test_each_category_needs_its_own_kind_of_number(
    seller, tree, category, numbers, errors
):
    response = seller.post(
        CREATE_URL, product_form(category=tree[category].pk, publish="on", **numbers)
    )

    assert response.context["form"].errors == errors


@pytest.mark.parametrize(
    ("category", "numbers"),
    [
        ("soap", {"bpom_number": "BPOM RI NA18191200123"}),
        ("jamu", {"bpom_number": "TR 123 456 789"}),
        (
            "coffee",
            {"halal_certificate_number": HALAL, "bpom_number": "ML 224510001234"},
        ),
    ],
)
def test_the_right_numbers_publish(seller, tree, category, numbers):
    response = seller.post(
        CREATE_URL, product_form(category=tree[category].pk, publish="on", **numbers)
    )

    assert response.status_code == 302
    assert Product.objects.get().is_public is True


def test_badly_formed_numbers_are_refused_with_their_format(seller, tree):
    response = seller.post(
        CREATE_URL,
        product_form(
            category=tree["coffee"].pk,
            halal_certificate_number="MUI-00123",
            pirt_number="12345",
            bpom_number="XY123",
        ),
    )

    assert response.context["form"].errors == {
        "halal_certificate_number": [
            "A halal certificate number from BPJPH (SIHALAL) is ID followed by "
            "digits, e.g. ID35110000123450124."
        ],
        "pirt_number": ["A P-IRT number has at least 15 digits."],
        "bpom_number": [
            "A BPOM number starts with MD, ML, NA, TR, SD or SI followed by digits, "
            "e.g. MD 224510001234."
        ],
    }
    assert 'value="MUI-00123"' in response.content.decode()


def test_a_prohibited_category_is_not_offered_and_refused_when_posted(seller, tree):
    prohibit(tree["drinks"])

    form_page = seller.get(CREATE_URL)
    response = seller.post(CREATE_URL, product_form(category=tree["wine"].pk))

    offered = [
        value for value, _label in form_page.context["form"].fields["category"].choices
    ]
    assert tree["wine"].pk not in offered and tree["coffee"].pk in offered
    assert response.status_code == 200
    assert response.context["form"].errors == {
        "category": [
            "Products of Anggur may not be sold on KESAN. Khamr haram diperjualbelikan."
        ]
    }
    assert Product.objects.count() == 0


def test_prohibited_categories_never_show_in_the_public_navigation(client, tree):
    assert "Minuman Beralkohol" in client.get("/").content.decode()

    prohibit(tree["drinks"])

    home = client.get("/").content.decode()
    assert "Minuman Beralkohol" not in home and "Anggur" not in home
    assert "Makanan &amp; Minuman" in home
    assert client.get(tree["wine"].get_absolute_url()).status_code == 404


def test_products_in_a_category_that_becomes_prohibited_stop_being_sold(client, tree):
    product = make_product(categories=[tree["wine"]], is_public=True)
    other = make_product(categories=[tree["kitab"]], is_public=True)
    assert client.get(product.get_absolute_url()).status_code == 200

    prohibit(tree["drinks"])

    product.refresh_from_db()
    other.refresh_from_db()
    assert (product.is_public, other.is_public) == (False, True)
    assert client.get(product.get_absolute_url()).status_code == 404
    added = client.post(f"/basket/add/{product.pk}/", {"quantity": 1})
    assert added.status_code in (302, 404)
    assert client.get("/basket/").context["basket"].num_lines == 0


def test_a_product_in_a_prohibited_category_cannot_be_republished(
    seller, pesantren, tree
):
    product = make_product(pesantren, categories=[tree["wine"]], is_public=True)
    prohibit(tree["drinks"])

    seller.post(f"/seller/products/{product.pk}/publish/")

    product.refresh_from_db()
    assert product.is_public is False


def test_the_import_refuses_food_without_a_certificate_and_prohibited_categories(
    seller, tree
):
    prohibit(tree["drinks"])
    lines = [
        "SKU;Nama produk;Kategori;Harga;Stok;Berat (gram);No. P-IRT;Tayang",
        f"KOPI-1;Kopi;Kopi & Teh;45.000;5;260;{PIRT};ya",
        "ANGGUR-1;Anggur Merah;Anggur;90.000;5;800;;tidak",
        "KITAB-1;Safinah;Kitab Kuning;20.000;5;100;;ya",
    ]
    file = SimpleUploadedFile("produk.csv", "\n".join(lines).encode(), "text/csv")

    seller.post("/seller/imports/", {"file": file})

    product_import = ProductImport.objects.get()
    assert product_import.row_errors == [
        {
            "line": 2,
            "sku": "KOPI-1",
            "messages": ["Cannot be published: Add the halal certificate number."],
        },
        {
            "line": 3,
            "sku": "ANGGUR-1",
            "messages": [
                "Kategori: Products of Anggur may not be sold on KESAN. "
                "Khamr haram diperjualbelikan."
            ],
        },
    ]


def test_the_import_checks_the_halal_number_format(seller, tree):
    lines = [
        "SKU;Nama produk;Kategori;Harga;Stok;No. sertifikat halal",
        "KOPI-1;Kopi;Kopi & Teh;45.000;5;LPPOM-123",
    ]
    file = SimpleUploadedFile("produk.csv", "\n".join(lines).encode(), "text/csv")

    seller.post("/seller/imports/", {"file": file})

    assert ProductImport.objects.get().row_errors[0]["messages"] == [
        "No. sertifikat halal: A halal certificate number from BPJPH (SIHALAL) is "
        "ID followed by digits, e.g. ID35110000123450124."
    ]


def test_admin_and_oscar_dashboard_forms_refuse_a_prohibited_category(tree, english):
    prohibit(tree["drinks"])
    product = make_product()

    with pytest.raises(ValidationError) as refused:
        ProductCategory(product=product, category=tree["wine"]).full_clean()

    assert refused.value.message_dict == {
        "category": ["Products of Anggur may not be sold on KESAN."]
    }
    ProductCategory(product=product, category=tree["kitab"]).full_clean()


def test_django_admin_refuses_a_prohibited_category(admin_client, english, tree):
    prohibit(tree["drinks"])
    product = make_product(title="Sirup")

    response = admin_client.post(
        "/admin/catalogue/productcategory/add/",
        {"product": product.pk, "category": tree["wine"].pk},
    )

    assert response.status_code == 200
    # Django admin speaks the site's language, Indonesian.
    assert "Produk Anggur tidak boleh dijual di KESAN." in response.content.decode()
    assert not ProductCategory.objects.filter(product=product).exists()


def test_the_oscar_dashboard_category_formset_refuses_a_prohibited_category(
    tree, english
):
    from oscar.core.loading import get_class

    formset_class = get_class("dashboard.catalogue.formsets", "ProductCategoryFormSet")
    prohibit(tree["drinks"])
    product = make_product(title="Sirup")
    prefix = formset_class(product.product_class, None, instance=product).prefix
    data = {
        f"{prefix}-TOTAL_FORMS": "1",
        f"{prefix}-INITIAL_FORMS": "0",
        f"{prefix}-MIN_NUM_FORMS": "0",
        f"{prefix}-MAX_NUM_FORMS": "1000",
        f"{prefix}-0-category": tree["wine"].pk,
    }

    formset = formset_class(product.product_class, None, data, instance=product)

    assert not formset.is_valid()
    assert formset.forms[0].errors == {
        "category": ["Products of Anggur may not be sold on KESAN."]
    }


def test_an_admin_prohibiting_a_category_hides_it_and_its_products(
    admin_client, english, tree
):
    product = make_product(categories=[tree["wine"]], is_public=True)

    response = admin_client.post(
        "/admin/marketplace/categoryrule/add/",
        {
            "category": tree["drinks"].pk,
            "prohibited": "on",
            "prohibited_reason": "Khamr",
            "platform_fee_percent": "",
            "khiyar_days": "",
            "khiyar_covers": "",
        },
        follow=True,
    )

    assert response.status_code == 200
    assert "1 produk ditarik dari penjualan" in response.content.decode()
    product.refresh_from_db()
    tree["wine"].refresh_from_db()
    assert (product.is_public, tree["wine"].is_public) == (False, False)

    # Lifting the prohibition shows the categories again, not the products
    rule = CategoryRule.objects.get(category=tree["drinks"])
    admin_client.post(
        f"/admin/marketplace/categoryrule/{rule.pk}/change/",
        {
            "category": tree["drinks"].pk,
            "prohibited_reason": "",
            "platform_fee_percent": "",
            "khiyar_days": "",
            "khiyar_covers": "",
        },
    )
    product.refresh_from_db()
    tree["wine"].refresh_from_db()
    assert (product.is_public, tree["wine"].is_public) == (False, True)
