"""The confirmed akad is never changed: not by save, update, bulk_update,
an upsert, deleting its order, nor by later edits of what it describes."""

import pytest
from django.db import transaction
from django.db.models.deletion import ProtectedError

from marketplace.akad.models import AkadImmutable, AkadRecord
from marketplace.fulfilment.models import FulfilmentGroup

pytestmark = pytest.mark.django_db


def snapshot():
    return sorted(
        AkadRecord.objects.values_list(
            "pk", "group_id", "digest", "summary", "confirmed_at"
        )
    )


def test_every_way_of_writing_an_akad_is_refused(shop):
    before = snapshot()
    record = AkadRecord.objects.get(group=shop.alfa_part)
    record.summary = {**record.summary, "pesantren": "Palsu"}
    with pytest.raises(AkadImmutable):
        record.save()
    with pytest.raises(AkadImmutable):
        AkadRecord.objects.filter(pk=record.pk).update(digest="0" * 64)
    with pytest.raises(AkadImmutable), transaction.atomic():
        AkadRecord.objects.bulk_update([record], ["summary"])
    with pytest.raises(AkadImmutable):
        record.delete()
    with pytest.raises(AkadImmutable):
        AkadRecord.objects.filter(pk=record.pk).delete()
    with pytest.raises((ProtectedError, AkadImmutable)), transaction.atomic():
        shop.order.delete()
    with pytest.raises((ProtectedError, AkadImmutable)), transaction.atomic():
        FulfilmentGroup.objects.filter(pk=shop.alfa_part.pk).delete()
    assert snapshot() == before
    assert all(record.is_intact for record in AkadRecord.objects.all())


def test_edits_of_the_product_and_pesantren_leave_the_akad_as_confirmed(shop):
    from oscar.core.loading import get_model

    StockRecord = get_model("partner", "StockRecord")
    before = snapshot()
    StockRecord.objects.filter(partner=shop.alfa.partner).update(price=1)
    shop.alfa.legal_entity_name = "Nama Lain"
    shop.alfa.save()
    assert snapshot() == before
    assert all(record.is_intact for record in AkadRecord.objects.all())
