"""``manage.py seed_demo``: the demo marketplace and the bulk catalogue.

The demo is loaded once for the whole module (it renders a hundred images),
inside a transaction rolled back when the module ends; each test runs in a
savepoint within it, so no test sees another's changes.
"""

from collections import Counter

import pytest
from django.contrib.auth import get_user_model
from django.core.files.storage import default_storage
from django.core.management import CommandError
from django.db import transaction

from dakwah import demo as dakwah_demo
from forks.catalogue.models import Category, Product, ProductCategory, ProductImage
from forks.partner.models import StockRecord
from marketplace import selectors
from marketplace.demo import reviews as demo_reviews
from pesantren.models import Membership, Pesantren
from tests.marketplace.seeding import seed, snapshot

pytestmark = pytest.mark.django_db

FOOD_ROOT = "makanan-minuman"


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    """The output of a first ``seed_demo`` (DEBUG off, as in production)."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield seed()
        transaction.set_rollback(True)


def root_slugs():
    """{product pk: slug of the root category it is filed under}."""
    roots = {
        category.path: category.slug for category in Category.objects.filter(depth=1)
    }
    return {
        filed.product_id: roots[filed.category.path[: Category.steplen]]
        for filed in ProductCategory.objects.select_related("category")
    }


def test_second_run_changes_nothing(seeded):
    # Given the demo loaded once
    first = snapshot()

    # When it is loaded again
    output = seed()

    # Then no row is added or changed
    assert snapshot() == first
    assert "Demo catalogue: 10 pesantren, 0 new products." in output


def test_demo_has_pesantren_of_every_status_in_four_provinces(seeded):
    pesantren = list(Pesantren.objects.all())
    verified = [p for p in pesantren if p.status == Pesantren.Status.VERIFIED]
    assert len(pesantren) >= 8
    assert len({p.province_code for p in pesantren}) >= 4
    assert Counter(p.status for p in pesantren)["pending"] == 1
    assert Counter(p.status for p in pesantren)["suspended"] == 1
    assert any(p.is_opop_member and p.is_featured for p in verified)
    assert any(not p.is_opop_member for p in verified)
    assert any(not p.is_featured for p in verified)
    for each in pesantren:
        assert each.regency_code.startswith(each.province_code)
        assert each.regency_name != each.regency_code  # a real kabupaten or kota
        assert default_storage.exists(each.logo.name)
        assert default_storage.exists(each.banner.name)


def test_demo_products_have_images_prices_stock_weights_and_food_numbers(seeded):
    products = list(Product.objects.prefetch_related("stockrecords", "images"))
    root_of = root_slugs()
    listed = selectors.listed_products()
    assert listed.count() >= 80
    assert len({root_of[product.pk] for product in listed}) >= 8
    for product in products:
        (stockrecord,) = product.stockrecords.all()
        (image,) = product.images.all()
        assert default_storage.exists(image.original.name)
        assert stockrecord.price > 0
        assert stockrecord.price == stockrecord.price.to_integral_value()
        assert stockrecord.num_in_stock >= 0
        assert product.weight_grams > 0
        if root_of[product.pk] == FOOD_ROOT:
            assert product.halal_certificate_number.startswith("ID")
            assert product.pirt_number != ""
    assert Counter(root_of.values())[FOOD_ROOT] >= 10
    assert any(s.num_in_stock == 0 for s in StockRecord.objects.all())


def test_demo_has_category_rules_verified_certificates_and_a_hidden_category(
    seeded, client
):
    from marketplace.compliance.models import Certificate
    from marketplace.compliance.rules import rule_for_category

    food = Category.objects.get(slug="kopi-teh")
    assert rule_for_category(food).needs == {"halal", "food_registration"}
    assert rule_for_category(Category.objects.get(slug="kitab-kuning")).needs == set()
    banned = Category.objects.get(slug="minuman-beralkohol")
    assert rule_for_category(banned).prohibited is True
    assert banned.is_public is False
    assert "Minuman Beralkohol" not in client.get("/").content.decode()

    certificates = list(Certificate.objects.select_related("product"))
    assert len(certificates) == 6
    for certificate in certificates:
        assert certificate.status == "verified"
        assert certificate.number == certificate.product.halal_certificate_number
        assert certificate.document.open("rb").read(5) == b"%PDF-"
    shown = client.get(certificates[0].product.get_absolute_url()).content.decode()
    assert "20 November 2026" in shown


def expected_account_count():
    """An owner per pesantren, the admin, a curator, a buyer, a santri seller,
    a dakwah editor for each pesantren that has ustadz in the demo, and the
    buyers who wrote the demo reviews."""
    editors = {pesantren_slug for pesantren_slug, *_rest in dakwah_demo.USTADZ}
    return Pesantren.objects.count() + 4 + len(editors) + len(demo_reviews.BUYERS)


def test_demo_has_the_admin_and_one_seller_per_pesantren(seeded):
    admin = get_user_model().objects.get(email="admin@kesan.test")
    assert (admin.is_staff, admin.is_superuser) == (True, True)
    for pesantren in Pesantren.objects.all():
        (membership,) = pesantren.memberships.filter(
            role=Membership.Role.OWNER
        ).select_related("user")
        assert membership.user.email == f"penjual@{pesantren.slug}.kesan.test"
        assert (membership.user.is_staff, membership.user.is_superuser) == (
            False,
            False,
        )


def test_development_password_is_set_and_printed_only_with_debug(seeded, settings):
    # Given the demo without its accounts, and DEBUG on
    get_user_model().objects.all().delete()
    settings.DEBUG = True

    # When the demo is loaded
    output = seed()

    # Then every account has the development password, which is printed
    users = get_user_model().objects.all()
    assert users.count() == expected_account_count()
    assert all(
        user.check_password(settings.MARKETPLACE_DEMO_PASSWORD) for user in users
    )
    assert (
        f"Accounts (development password: {settings.MARKETPLACE_DEMO_PASSWORD}):"
        in output
    )


def test_accounts_get_unusable_passwords_without_debug(seeded, settings):
    # Given the module's demo, loaded with DEBUG off
    assert settings.DEBUG is False

    # Then no account can sign in with a password, and none is printed
    users = get_user_model().objects.all()
    assert users.count() == expected_account_count()
    assert [user.email for user in users if user.has_usable_password()] == []
    assert settings.MARKETPLACE_DEMO_PASSWORD not in seeded
    assert "Accounts (DEBUG is off: no password set; use changepassword):" in seeded


def test_bulk_mode_adds_a_verified_catalogue_once(seeded):
    # Given the demo and a bulk catalogue of 60 products from 3 pesantren
    demo_listed = selectors.listed_products().count()
    output = seed("--pesantren", "3", "--products", "60")
    first = snapshot()

    # When the same bulk catalogue is asked for again
    again = seed("--pesantren", "3", "--products", "60")

    # Then the first run added it, the second nothing
    assert "Bulk catalogue: 60 new products." in output
    assert "Bulk catalogue: 0 new products." in again
    assert snapshot() == first
    bulk = Pesantren.objects.filter(slug__startswith="pesantren-contoh-")
    assert sorted(bulk.values_list("slug", "status")) == [
        ("pesantren-contoh-001", "verified"),
        ("pesantren-contoh-002", "verified"),
        ("pesantren-contoh-003", "verified"),
    ]
    offers = StockRecord.objects.filter(product__upc__startswith="KSNB")
    assert Counter(offers.values_list("partner__code", flat=True)) == {
        "pesantren-contoh-001": 20,
        "pesantren-contoh-002": 20,
        "pesantren-contoh-003": 20,
    }
    assert ProductImage.objects.filter(product__upc__startswith="KSNB").count() == 60
    assert ProductCategory.objects.filter(product__upc__startswith="KSNB").count() == 60
    assert selectors.listed_products().count() == demo_listed + 60


def test_bulk_products_need_bulk_pesantren(seeded):
    before = snapshot()

    with pytest.raises(CommandError) as refused:
        seed("--products", "60")

    assert (
        str(refused.value)
        == "--products needs --pesantren (how many pesantren sell them)."
    )
    assert snapshot() == before


def test_the_first_demo_pesantren_has_months_of_sales_and_two_payouts(seeded):
    from marketplace.ledger.models import LedgerTransaction
    from marketplace.ledger.selectors import balance_of_pesantren, monthly_sales
    from marketplace.payouts.models import PayoutRequest
    from tests.marketplace.ledger.conftest import unbalanced_transactions

    pesantren = Pesantren.objects.get(slug="al-hikmah-darussalam")
    transactions = LedgerTransaction.objects.count()

    months_with_sales = [m for m in monthly_sales(pesantren) if m.goods]
    payouts = PayoutRequest.objects.filter(pesantren=pesantren).order_by("pk")
    seed()

    assert len(months_with_sales) >= 4
    assert all(month.fee > 0 for month in months_with_sales)
    assert [payout.status for payout in payouts] == ["paid", "requested"]
    assert payouts[0].reference.startswith("DEMO-BSI-")
    balance = balance_of_pesantren(pesantren)
    assert balance.held == 0 and balance.available > 0
    assert balance.paid_out == payouts[0].amount
    assert unbalanced_transactions() == []
    # A second run posts nothing more.
    assert LedgerTransaction.objects.count() == transactions


def test_demo_has_pre_order_batik_and_kaligrafi_sold_under_salam(seeded):
    preorders = {
        (title, days)
        for title, days in Product.objects.filter(is_preorder=True).values_list(
            "title", "production_days"
        )
    }

    assert preorders == {
        ("Kain Batik Tulis Pesisiran 2 m", 14),
        ("Kaligrafi Ayat Kursi Ukir Kayu", 21),
    }
    assert not Product.objects.filter(
        is_preorder=True, stockrecords__num_in_stock__lt=5
    ).exists()

def test_demo_reviews_come_from_buyers_of_received_parts(seeded):
    from oscar.core.loading import get_model

    from marketplace.fulfilment.models import FulfilmentGroup
    from marketplace.reviews.selectors import reviewable_lines

    ProductReview = get_model("reviews", "ProductReview")
    reviews = list(ProductReview.objects.select_related("order", "product", "user"))
    assert len(reviews) == 7
    for review in reviews:
        assert review.order.user == review.user
        part = review.order.fulfilment_groups.get(
            pesantren__partner__stockrecords__product=review.product
        )
        assert part.status == FulfilmentGroup.Status.RECEIVED
        assert not Membership.objects.filter(user=review.user).exists()
    for product in {review.product for review in reviews}:
        scores = [r.score for r in reviews if r.product == product]
        assert (product.rating, product.review_count) == (
            sum(scores) / len(scores),
            len(scores),
        )
    buyer = get_user_model().objects.get(email="pembeli@kesan.test")
    assert reviewable_lines(buyer).count() == 1
