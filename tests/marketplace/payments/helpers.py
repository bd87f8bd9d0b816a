from decimal import Decimal

from oscar.core.loading import get_model

from marketplace.payments import services
from tests.factories import (
    PesantrenFactory,
    give_flat_rate,
    make_basket,
    make_product,
    place_order,
)

Order = get_model("order", "Order")
FINISH_URL = "http://127.0.0.1:8142/payments/finish/"


def order_of_two_pesantren(stock=5, language="id"):
    """An order of 2 × Rp50.000 from A (+Rp15.000) and 1 × Rp40.000 from B (+Rp20.000)."""
    a = PesantrenFactory(name="Pesantren Alfa")
    b = PesantrenFactory(name="Pesantren Beta")
    give_flat_rate(a, 15000)
    give_flat_rate(b, 20000)
    kopi = make_product(
        a, price=Decimal("50000"), num_in_stock=stock, title="Kopi Santri"
    )
    madu = make_product(
        b, price=Decimal("40000"), num_in_stock=stock, title="Madu Hutan"
    )
    return place_order(make_basket((kopi, 2), (madu, 1)), language=language).order


def started_payment(order=None):
    order = order or order_of_two_pesantren()
    return services.start_payment(order, FINISH_URL)


def reload(instance):
    return type(instance)._default_manager.get(pk=instance.pk)
