"""The basket: grouped by pesantren with shipping, and merged on sign-in by
one rule (quantities added, capped by stock)."""

from decimal import Decimal

import pytest
from django.conf import settings
from django.contrib.messages import get_messages
from django.core.signing import Signer
from django.urls import reverse
from oscar.core.loading import get_model

from marketplace.addresses import apply_region, indonesia
from tests.factories import (
    DEPOK_POSTCODE,
    DEPOK_VILLAGE,
    PesantrenFactory,
    UserFactory,
    give_flat_rate,
    make_basket,
    make_product,
)

pytestmark = pytest.mark.django_db
Basket = get_model("basket", "Basket")
UserAddress = get_model("address", "UserAddress")


def add(client, product, quantity=1):
    client.post(reverse("basket:add", args=[product.pk]), {"quantity": quantity})


def sign_in(client, user):
    client.post(
        reverse("customer:login"),
        {
            "login-username": user.email,
            "login-password": "test-password-123",
            "login_submit": "1",
        },
    )


def saved_quantities(user):
    basket = Basket.open.get(owner=user)
    return {line.product.title: line.quantity for line in basket.lines.all()}


def test_signing_in_adds_the_anonymous_basket_capped_by_stock(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    pesantren = PesantrenFactory()
    kopi = make_product(pesantren, title="Kopi", num_in_stock=5)
    madu = make_product(pesantren, title="Madu", num_in_stock=10)
    sabun = make_product(pesantren, title="Sabun", num_in_stock=10)
    user = UserFactory()
    saved = make_basket((kopi, 3), (madu, 1), owner=user)
    add(client, kopi, 4)
    add(client, sabun, 2)
    anonymous = Basket.open.get(owner=None)

    sign_in(client, user)
    response = client.get(reverse("basket:summary"))

    assert saved_quantities(user) == {"Kopi": 5, "Madu": 1, "Sabun": 2}
    assert Basket._default_manager.get(pk=anonymous.pk).status == Basket.MERGED
    assert Basket.open.get(owner=user).pk == saved.pk
    merge_messages = [
        str(m) for m in get_messages(response.wsgi_request) if "saved basket" in str(m)
    ]
    assert merge_messages == [
        "The basket you filled before signing in was added to your saved basket "
        "(2 lines changed): Kopi: 5 (all that is in stock); Sabun: 2."
    ]


@pytest.mark.parametrize("cookie", ["forged", "signed"])
def test_another_buyers_basket_is_never_taken_over(client, cookie):
    pesantren = PesantrenFactory()
    kopi = make_product(pesantren, title="Kopi")
    owner, other = UserFactory(), UserFactory()
    theirs = make_basket((kopi, 2), owner=owner)
    value = Signer().sign(theirs.pk) if cookie == "signed" else f"{theirs.pk}:forged"
    client.cookies[settings.OSCAR_BASKET_COOKIE_OPEN] = value

    sign_in(client, other)
    client.get(reverse("basket:summary"))

    assert saved_quantities(owner) == {"Kopi": 2}
    assert Basket.open.get(pk=theirs.pk).owner == owner
    assert Basket.open.filter(owner=other, lines__isnull=False).exists() is False


def test_the_basket_shows_one_shipping_fee_per_pesantren_once_the_address_is_known(
    client,
):
    alfa, beta = (
        PesantrenFactory(name="Pesantren Alfa"),
        PesantrenFactory(name="Pesantren Beta"),
    )
    give_flat_rate(alfa, 15000)
    give_flat_rate(beta, 20000)
    user = UserFactory()
    address = UserAddress(
        user=user,
        first_name="Siti",
        line1="Jl. 1",
        postcode=DEPOK_POSTCODE,
        country=indonesia(),
        is_default_for_shipping=True,
    )
    apply_region(address, DEPOK_VILLAGE)
    address.save()
    client.force_login(user)
    add(client, make_product(alfa, price=Decimal("50000")), 2)
    add(client, make_product(beta, price=Decimal("40000")), 1)

    page = client.get(reverse("basket:summary")).content.decode()

    assert page.count('data-shipping="15000"') == 1
    assert page.count('data-shipping="20000"') == 1
    assert 'data-shipping-total="35000"' in page
    assert 'data-total="175000"' in page
