"""Demo reviews, written only through the marketplace's own rules.

Each demo buyer places a real order (stock reserved, one part per
pesantren), it is paid as a settled simulator payment would mark it, every
part is shipped and received through the fulfilment services, and only then
is the review submitted through ``marketplace.reviews.services``. The demo
buyer who signs in (pembeli@kesan.test) keeps one received line unreviewed,
to try "Beri ulasan".

Idempotent: the reviews carry the codes ``demo-review-<n>``; once the first
exists, nothing is written again.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from oscar.core.loading import get_class, get_model

from forks.catalogue.models import Product
from marketplace.addresses import apply_region, indonesia
from marketplace.fulfilment import services as fulfilment
from marketplace.payments.models import PaymentAttempt
from marketplace.payments.services import new_provider_order_id
from marketplace.reviews import services as reviews
from pesantren.models import Pesantren

Basket = get_model("basket", "Basket")
ProductReview = get_model("reviews", "ProductReview")
ShippingAddress = get_model("order", "ShippingAddress")
Selector = get_class("partner.strategy", "Selector")

CODE_PREFIX = "demo-review-"
# A kelurahan of Depok, Jawa Barat: where the demo buyers live.
VILLAGE_CODE = "32.76.01.1006"
POSTCODE = "16431"

# (e-mail, username, first name) of buyers who only exist to have reviewed;
# ``build.seed_accounts`` creates them with the other demo accounts.
BUYERS = [
    ("aisyah@kesan.test", "aisyah", "Aisyah Rahmawati"),
    ("fauzan@kesan.test", "fauzan", "Fauzan Hakim"),
    ("nurhaliza@kesan.test", "nurhaliza", "Nur Haliza"),
]
SIGNED_IN_BUYER = "pembeli@kesan.test"

# (buyer e-mail, products by index, {product index: (stars, title, text)}).
ORDERS = [
    ("aisyah@kesan.test", [0, 1], {
        0: (5, "Harum dan segar", "Aromanya kuat, sampai rumah masih segar. Dikemas rapi."),
        1: (4, "", "Rasanya pas, cuma pengirimannya agak lama."),
    }),
    ("fauzan@kesan.test", [0, 2], {
        0: (4, "Sesuai deskripsi", "Barang sesuai foto dan keterangan. Alhamdulillah."),
        2: (3, "Lumayan", "Kualitas cukup baik untuk harganya, ukurannya sedikit kecil."),
    }),
    ("nurhaliza@kesan.test", [0, 3], {
        0: (5, "", "Sudah langganan, selalu puas. Semoga berkah untuk pondoknya."),
        3: (2, "Kemasan penyok", "Isinya baik, tetapi kemasannya penyok waktu sampai."),
    }),
    (SIGNED_IN_BUYER, [1, 3], {
        1: (5, "Mantap", "Enak sekali, anak-anak suka."),
    }),
]


def seed_demo_reviews():
    """Write the demo orders and reviews once; return how many reviews were new."""
    if ProductReview.objects.filter(code__startswith=CODE_PREFIX).exists():
        return 0
    products = reviewed_products()
    if len(products) < 4:
        return 0
    emails = [email for email, _username, _name in BUYERS] + [SIGNED_IN_BUYER]
    buyers = {user.email: user for user in get_user_model().objects.filter(email__in=emails)}
    if len(buyers) < len(emails):
        return 0  # seed_accounts makes them; the benchmark dataset has none
    written = 0
    for email, indexes, texts in ORDERS:
        order = received_order(buyers[email], [products[i] for i in indexes])
        lines = {line.product_id: line for line in order.lines.all()}
        for index, (stars, title, text) in texts.items():
            written += 1
            review = reviews.submit_review(
                user=buyers[email],
                line=lines[products[index].pk],
                score=stars,
                title=title,
                body=text,
            )
            ProductReview.objects.filter(pk=review.pk).update(code=f"{CODE_PREFIX}{written}")
    return written


def reviewed_products():
    """Four products in stock: two of the first verified pesantren, then one
    each of the next two (by slug), so storefronts differ."""
    chosen = []
    for number, pesantren in enumerate(
        Pesantren.objects.filter(status=Pesantren.Status.VERIFIED).order_by("slug")[:3]
    ):
        products = (
            Product.objects.filter(
                is_public=True,
                stockrecords__partner_id=pesantren.partner_id,
                stockrecords__num_in_stock__gte=10,
            )
            .order_by("upc")[: 2 if number == 0 else 1]
        )
        chosen.extend(products)
    return chosen


def received_order(user, products):
    """Place, pay, ship and receive an order of one of each of ``products``."""
    basket = Basket.objects.create(owner=user)
    basket.strategy = Selector().strategy(user=user)
    for product in products:
        basket.add_product(product, 1)
    placed = fulfilment.place_order(
        basket_id=basket.id,
        user=user,
        shipping_address=address_of(user),
        shipping_choices={},
        guest_email="",
        language=settings.LANGUAGE_CODE,
    )
    order = pay(placed.order)
    for group in order.fulfilment_groups.select_related("pesantren"):
        fulfilment.ship_part(
            group.pesantren, group.pk, None, group.shipping_service or "JNE REG", f"DEMO{group.pk:06d}"
        )
        fulfilment.confirm_received(order, group.pk, user)
    order.refresh_from_db()
    return order


def address_of(user):
    address = ShippingAddress(
        first_name=user.first_name,
        phone_number="+6281234567890",
        line1="Jl. Margonda Raya No. 1, RT 01/RW 02",
        postcode=POSTCODE,
        country=indonesia(),
    )
    apply_region(address, VILLAGE_CODE)
    return address


def pay(order):
    """Mark ``order`` paid as a settled simulator payment's notification does."""
    with transaction.atomic():
        order = type(order).objects.select_for_update().get(pk=order.pk)
        attempt = PaymentAttempt.objects.create(
            order=order,
            gateway="simulator",
            sequence=1,
            provider_order_id=new_provider_order_id(order, 1),
            amount=order.total_incl_tax,
            status=PaymentAttempt.Status.PAID,
            payment_type="bank_transfer",
            expires_at=timezone.now() + timedelta(days=1),
            date_paid=timezone.now(),
        )
        fulfilment.mark_order_paid(order, attempt)
    return order
