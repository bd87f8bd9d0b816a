"""Fixtures of the akad tests: two pesantren (a Kopontren and a yayasan), a
pre-order batik under a category rule with a fee and a longer khiyar."""

from decimal import Decimal
from types import SimpleNamespace

import pytest

from marketplace.compliance.models import CategoryRule
from pesantren.models import Pesantren
from tests.factories import (
    PesantrenFactory,
    give_flat_rate,
    make_category,
    make_member,
    make_product,
)

COVERS = "Cacat produksi atau tidak sesuai foto"


@pytest.fixture
def akad_shop(db, settings, english):
    settings.MARKETPLACE_PLATFORM_FEE_PERCENT = "0"
    settings.MARKETPLACE_KHIYAR_DAYS = 3
    settings.MARKETPLACE_KHIYAR_COVERS = "Barang rusak, salah kirim atau tidak sesuai"
    batik = make_category("Batik", "batik")
    rule = CategoryRule.objects.create(
        category=batik,
        platform_fee_percent=Decimal("2.5"),
        khiyar_days=5,
        khiyar_covers=COVERS,
    )
    alfa = PesantrenFactory(
        name="Pesantren Alfa",
        legal_entity_name="Kopontren Alfa Sejahtera",
        legal_entity_type=Pesantren.LegalEntityType.KOPONTREN,
    )
    beta = PesantrenFactory(
        name="Pesantren Beta",
        legal_entity_name="Yayasan Beta Mandiri",
        legal_entity_type=Pesantren.LegalEntityType.YAYASAN,
    )
    give_flat_rate(alfa, 15000, days=(2, 4))
    give_flat_rate(beta, 20000, days=(3, 5), name="SiCepat REG")
    kopi = make_product(alfa, price=Decimal("50000"), title="Kopi Santri")
    kain = make_product(
        alfa,
        price=Decimal("350000"),
        title="Batik Tulis Pesisiran",
        categories=[batik],
        is_preorder=True,
        production_days=14,
    )
    madu = make_product(beta, price=Decimal("40000"), title="Madu Hutan")
    return SimpleNamespace(
        alfa=alfa,
        beta=beta,
        kopi=kopi,
        kain=kain,
        madu=madu,
        rule=rule,
        alfa_seller=make_member(alfa),
        beta_seller=make_member(beta),
    )
