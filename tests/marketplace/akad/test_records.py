"""A placed order's akad is stored once and never changes."""

from decimal import Decimal

import pytest
from django.contrib.admin.sites import site
from django.db.models import ProtectedError
from django.test import RequestFactory

from forks.partner.models import StockRecord
from marketplace.akad import summary as akad_summary
from marketplace.akad.models import AkadImmutable, AkadRecord
from tests.factories import UserFactory, make_basket, place_order

pytestmark = pytest.mark.django_db


@pytest.fixture
def record(akad_shop):
    basket = make_basket((akad_shop.kopi, 2), (akad_shop.kain, 1))
    order = place_order(basket, language="en").order
    return AkadRecord.objects.get(group__order=order)


def test_the_record_holds_the_part_as_placed_with_its_digest(record, akad_shop):
    summary = record.summary

    assert summary["seller"] == {
        "pesantren": "Pesantren Alfa",
        "pesantren_id": akad_shop.alfa.pk,
        "legal_name": "Kopontren Alfa Sejahtera",
        "legal_type": "kopontren",
        "legal_type_label": "Kopontren (pesantren cooperative)",
    }
    assert summary["contracts"] == ["bai", "salam"]
    assert summary["delivery"] == {
        "method": "delivery",
        "service": "JNE REG",
        "charge": 15000,
        "shipping_days_min": 2,
        "shipping_days_max": 4,
        "production_days": 14,
        "days_min": 16,
        "days_max": 18,
    }
    assert summary["totals"] == {"goods": 450000, "shipping": 15000, "total": 465000}
    assert summary["payment"]["interest_free"] is True
    assert record.digest == akad_summary.digest_of(summary)
    assert len(record.digest) == 64
    assert record.confirmed_at is not None


def test_later_edits_of_product_pesantren_and_category_rule_leave_it_unchanged(
    record, akad_shop
):
    before = akad_summary.canonical_json(record.summary)

    akad_shop.kain.title = "Batik Cap Biasa"
    akad_shop.kain.production_days = 30
    akad_shop.kain.save()
    StockRecord.objects.filter(product=akad_shop.kain).update(price=Decimal("99000"))
    akad_shop.alfa.legal_entity_name = "Yayasan Lain"
    akad_shop.alfa.name = "Pesantren Baru"
    akad_shop.alfa.save()
    akad_shop.rule.khiyar_days = 1
    akad_shop.rule.platform_fee_percent = Decimal("10")
    akad_shop.rule.save()

    stored = AkadRecord.objects.get(pk=record.pk)
    assert akad_summary.canonical_json(stored.summary) == before
    assert stored.summary["items"][1]["title"] == "Batik Tulis Pesisiran"
    assert stored.summary["items"][1]["production_days"] == 14
    assert stored.summary["seller"]["legal_name"] == "Kopontren Alfa Sejahtera"
    assert stored.summary["khiyar"]["days"] == 5
    assert stored.summary["fee"]["amount"] == 8750
    assert stored.is_intact is True


def test_the_record_cannot_be_updated_or_deleted(record):
    original = AkadRecord.objects.get(pk=record.pk).summary

    record.summary = {**record.summary, "totals": {"total": 1}}
    with pytest.raises(AkadImmutable):
        record.save()
    with pytest.raises(AkadImmutable):
        record.delete()
    with pytest.raises(AkadImmutable):
        AkadRecord.objects.filter(pk=record.pk).update(language="en")
    with pytest.raises(AkadImmutable):
        AkadRecord.objects.filter(pk=record.pk).delete()
    with pytest.raises(ProtectedError):
        record.group.order.delete()

    assert AkadRecord.objects.get(pk=record.pk).summary == original
    assert AkadRecord.objects.get(pk=record.pk).language == "en"


def test_admin_shows_the_record_read_only(record):
    admin = site._registry[AkadRecord]
    request = RequestFactory().get("/")
    request.user = UserFactory(is_staff=True, is_superuser=True)

    assert admin.has_add_permission(request) is False
    assert admin.has_change_permission(request, record) is False
    assert admin.has_delete_permission(request, record) is False
    assert admin.has_view_permission(request, record) is True


def test_an_order_placed_by_the_service_without_a_digest_still_gets_its_akad(
    akad_shop,
):
    order = place_order(make_basket((akad_shop.madu, 1)), language="en").order

    record = order.fulfilment_groups.get().akad
    assert record.summary["contracts"] == ["bai"]
    assert record.summary["seller"]["legal_type"] == "yayasan"
