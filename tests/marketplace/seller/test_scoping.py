"""A seller reaches only the rows of its own pesantren, through every URL.

The test walks the seller URL patterns from the resolver, so a view added
later is walked too; a URL kwarg the test does not know fails it, until the
kwarg is mapped to an object of the other pesantren below.
"""

import pytest
from django.urls import URLResolver, get_resolver, reverse

from dakwah.models import Article, Kajian, Media, Ustadz
from forks.catalogue.models import Product, ProductImage
from forks.partner.models import StockRecord
from marketplace.compliance.models import Certificate
from marketplace.complaints.models import Complaint, ComplaintMessage, ComplaintPhoto
from marketplace.fulfilment.models import FulfilmentEvent, FulfilmentGroup
from marketplace.models import ProductImport, StockChange
from marketplace.payments.models import Refund
from marketplace.payouts.models import PayoutRequest
from pesantren import services as pesantren_services
from pesantren.models import Invitation, Membership
from tests.dakwah.factories import ArticleFactory, KajianFactory, UstadzFactory
from tests.factories import (
    PesantrenFactory,
    give_flat_rate,
    make_basket,
    make_member,
    make_product,
    pay_order,
    place_order,
)
from tests.marketplace.seller.conftest import pdf_file, photo

pytestmark = pytest.mark.django_db

# URL kwargs that are not ids of anything (the same for every pesantren).
NOT_IDS = {"file_format": "xlsx"}


@pytest.fixture
def other(django_capture_on_commit_callbacks):
    """Pesantren B with one of everything a seller URL can name."""
    pesantren = PesantrenFactory(name="Pesantren B", slug="pesantren-b")
    owner = make_member(pesantren, email="pemilik@b.test")
    staff = make_member(pesantren, role=Membership.Role.STAFF, email="santri@b.test")
    product = make_product(
        pesantren,
        title="Produk B",
        num_in_stock=5,
        is_public=True,
        halal_certificate_number="ID35110000123450124",
    )
    certificate = Certificate.objects.create(
        product=product,
        number="ID35110000123450124",
        document="certificates/b.pdf",
        content_type="application/pdf",
    )
    image = ProductImage.objects.create(
        product=product, original="images/b.jpg", display_order=0
    )
    ProductImage.objects.create(
        product=product, original="images/b2.jpg", display_order=1
    )
    StockChange.objects.create(
        stockrecord=product.stockrecords.get(),
        user=owner,
        new_level=5,
        source="quick_edit",
    )
    product_import = ProductImport.objects.create(
        pesantren=pesantren,
        created_by=owner,
        file_name="b.csv",
        rows=[
            {
                "line": 2,
                "values": {
                    "sku": "B-1",
                    "title": "Baru",
                    "price": "1000",
                    "stock": "1",
                },
                "action": "create",
            }
        ],
        row_count=1,
    )
    invitation = pesantren_services.invite_member(
        pesantren, invited_by=owner, email="x@b.test"
    )
    # A paid order of B's product: its part is "new", so every action on it
    # would succeed for B.
    give_flat_rate(pesantren, 15000)
    order = place_order(make_basket((product, 1))).order
    pay_order(order)
    # A payout request of B still open, so B could cancel it.
    payout = PayoutRequest.objects.create(
        pesantren=pesantren,
        amount=60000,
        requested_by=owner,
        legal_entity_name=pesantren.legal_entity_name,
        bank_name=pesantren.bank_name,
        bank_account_number=pesantren.bank_account_number,
        bank_account_holder=pesantren.bank_account_holder,
    )
    complaint = Complaint.objects.create(
        group=order.fulfilment_groups.get(), reason="damaged", description="Rusak"
    )
    complaint_photo = ComplaintPhoto.objects.create(
        complaint=complaint, image="complaints/b.jpg"
    )
    return {
        **dakwah_of(pesantren),
        "pesantren": pesantren,
        "product_pk": product.pk,
        "image_pk": image.pk,
        "import_pk": product_import.pk,
        "member_pk": staff.memberships.get().pk,
        "invitation_pk": invitation.pk,
        "part_pk": order.fulfilment_groups.get().pk,
        "payout_pk": payout.pk,
        "certificate_pk": certificate.pk,
        "complaint_pk": complaint.pk,
        "photo_pk": complaint_photo.pk,
    }


def dakwah_of(pesantren):
    """B's dakwah: an ustadz, an article in review with a video, a kajian."""
    ustadz = UstadzFactory(pesantren=pesantren, name="Ustadz B", slug="ustadz-b")
    article = ArticleFactory(
        pesantren=pesantren, author=ustadz, title="Artikel B", status="in_review"
    )
    media = article.media.create(title="Video B", youtube_id="dQw4w9WgXcQ")
    kajian = KajianFactory(
        pesantren=pesantren, ustadz=ustadz, title="Kajian B", status="in_review"
    )
    return {
        "article_pk": article.pk,
        "kajian_pk": kajian.pk,
        "ustadz_pk": ustadz.pk,
        "media_pk": media.pk,
    }


def snapshot(pesantren):
    """Everything of ``pesantren`` a seller view could change."""
    partner = pesantren.partner_id
    return {
        "products": list(
            Product.objects.filter(stockrecords__partner_id=partner).values_list(
                "pk", "title", "is_public", "description", "weight_grams"
            )
        ),
        "stock": list(
            StockRecord.objects.filter(partner_id=partner).values_list(
                "pk", "price", "num_in_stock", "partner_sku"
            )
        ),
        "images": list(
            ProductImage.objects.filter(product__stockrecords__partner_id=partner)
            .order_by("pk")
            .values_list("pk", "display_order", "original")
        ),
        "stock_changes": StockChange.objects.filter(
            stockrecord__partner_id=partner
        ).count(),
        "imports": list(
            ProductImport.objects.filter(pesantren=pesantren).values_list(
                "pk", "status", "processed_count", "created_count"
            )
        ),
        "members": list(
            pesantren.memberships.order_by("pk").values_list("pk", "user_id", "role")
        ),
        "invitations": list(
            Invitation.objects.filter(pesantren=pesantren).values_list(
                "pk", "status", "email"
            )
        ),
        "order_parts": list(
            FulfilmentGroup.objects.filter(pesantren=pesantren)
            .order_by("pk")
            .values_list("pk", "status", "courier", "tracking_number", "cancel_reason")
        ),
        "part_events": FulfilmentEvent.objects.filter(
            group__pesantren=pesantren
        ).count(),
        "refunds": Refund.objects.filter(group__pesantren=pesantren).count(),
        "payouts": list(
            PayoutRequest.objects.filter(pesantren=pesantren)
            .order_by("pk")
            .values_list("pk", "status", "amount", "decided_by")
        ),
        "certificates": list(
            Certificate.objects.filter(
                product__stockrecords__partner_id=partner
            ).values_list("pk", "number", "status", "document", "expires_on")
        ),
        "complaints": list(
            Complaint.objects.filter(group__pesantren=pesantren).values_list(
                "pk", "status", "decision"
            )
        ),
        "complaint_messages": ComplaintMessage.objects.filter(
            complaint__group__pesantren=pesantren
        ).count(),
        "dakwah": [
            list(model.objects.filter(pesantren=pesantren).order_by("pk").values())
            for model in (Article, Kajian, Ustadz)
        ],
        "media": list(
            Media.objects.filter(article__pesantren=pesantren).values_list(
                "pk", "title", "youtube_id"
            )
        ),
    }


def seller_patterns():
    """Every pattern of the seller namespace, inside included lists too."""
    _prefix, resolver = get_resolver().namespace_dict["seller"]
    return list(_flatten(resolver.url_patterns))


def _flatten(patterns):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _flatten(pattern.url_patterns)
        else:
            yield pattern


# Whatever a form of the dashboard might post, with B's ids where ids fit.
def post_body(ids):
    return {
        "title": "Diganti",
        "price": "1.000",
        "stock": "999",
        "weight_grams": "1",
        "condition": "new",
        "sku": "DIGANTI",
        "publish": "on",
        "direction": "down",
        "email": "penyusup@a.test",
        "product": ids["product_pk"],
        "image": ids["image_pk"],
        "pk": ids["product_pk"],
        "id": ids["product_pk"],
        "photos": photo(),
        "document": pdf_file(),
        "expires_on": "2030-01-01",
        "courier": "JNE",
        "tracking_number": "JNE000111222",
        "reason": "Habis",
        "part": ids["part_pk"],
        "amount": "60.000",
        # The dakwah forms, and each editorial step they may ask for.
        "summary": "Diganti",
        "body": "<p>Diganti</p>",
        "name": "Diganti",
        "reason": "Diganti",
        "youtube": "https://youtu.be/dQw4w9WgXcQ",
        "action": "publish",
        "role": "editor",
        "author": ids["ustadz_pk"],
        "ustadz": ids["ustadz_pk"],
        "media": ids["media_pk"],
    }


def test_the_walk_covers_the_dashboard():
    names = {p.name for p in seller_patterns() if not p.name.startswith("dakwah-")}

    assert {
        "product-edit",
        "product-stock",
        "image-delete",
        "import-start",
        "member-remove",
        "invitation-revoke",
        "order-detail",
        "order-process",
        "order-ship",
        "order-cancel",
        "order-packing-slip",
        "payout-detail",
        "payout-cancel",
        "order-akad",
        "product-certificates",
        "certificate-document",
        "complaint-list",
        "complaint-detail",
        "complaint-reply",
        "complaint-photo",
    } <= names
    assert len(names) == 37


def test_the_walk_covers_the_dakwah_pages():
    names = {p.name for p in seller_patterns() if p.name.startswith("dakwah-")}

    assert {
        "dakwah-article-edit",
        "dakwah-article-publish",
        "dakwah-kajian-return",
        "dakwah-media-delete",
        "dakwah-ustadz-edit",
        "dakwah-editor-role",
    } <= names
    assert len(names) == 19


@pytest.mark.parametrize("pattern", seller_patterns(), ids=lambda pattern: pattern.name)
def test_every_seller_url_refuses_another_pesantrens_ids(
    client, pattern, other, english, media_root, django_capture_on_commit_callbacks
):
    # Given the owner of pesantren A, signed in
    client.force_login(
        make_member(PesantrenFactory(name="Pesantren A"), email="pemilik@a.test")
    )
    kwarg_names = list(pattern.pattern.regex.groupindex)
    unknown = set(kwarg_names) - set(other) - set(NOT_IDS)
    assert not unknown, (
        f"{pattern.name}: map {unknown} to an object of pesantren B in this test"
    )
    kwargs = {name: other.get(name, NOT_IDS.get(name)) for name in kwarg_names}
    url = reverse(f"seller:{pattern.name}", kwargs=kwargs)
    names_an_object = any(name not in NOT_IDS for name in kwarg_names)
    before = snapshot(other["pesantren"])

    # When A requests B's objects (or posts B's ids to a page without ids)
    with django_capture_on_commit_callbacks(execute=True):
        got = client.get(url)
        posted = client.post(url, post_body(other))

    # Then nothing of B is shown or changed
    if names_an_object:
        assert (got.status_code, posted.status_code) == (404, 404), url
    else:
        assert got.status_code in (200, 302), url
        assert posted.status_code in (200, 302, 405), url
        shown = got.content.decode(errors="ignore")
        for title in ("Produk B", "Artikel B", "Kajian B", "Ustadz B"):
            assert title not in shown, url
    assert snapshot(other["pesantren"]) == before
