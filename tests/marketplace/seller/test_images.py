"""Product photos: checked uploads, ordering, renditions, missing files."""

import io

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from forks.catalogue.models import Product, ProductImage
from kesan.images import clean_image
from marketplace import images
from marketplace.seller.services import add_images
from tests.factories import make_product
from tests.marketplace.seller.conftest import photo

pytestmark = pytest.mark.django_db

PLACEHOLDER = "/static/img/placeholder.svg"


def stored_files(root):
    return sorted(
        str(path.relative_to(root)) for path in root.rglob("*") if path.is_file()
    )


def bomb():
    """A 45-megapixel PNG of a few kilobytes."""
    buffer = io.BytesIO()
    Image.new("1", (9_000, 5_000)).save(buffer, "PNG", optimize=True)
    buffer.seek(0)
    buffer.name = "bom.png"
    return buffer


def images_url(product):
    return f"/seller/products/{product.pk}/images/"


def test_uploaded_photos_are_ordered_and_get_renditions_after_commit(
    seller, pesantren, media_root, django_capture_on_commit_callbacks
):
    product = make_product(pesantren)

    with django_capture_on_commit_callbacks(execute=True):
        response = seller.post(
            images_url(product),
            {"photos": [photo("depan.jpg"), photo("samping.png", format="PNG")]},
        )

    assert response.status_code == 302
    pictures = list(product.images.order_by("display_order"))
    assert [p.display_order for p in pictures] == [0, 1]
    assert [p.original.name.rsplit("/", 1)[1][:7] for p in pictures] == [
        "depan.j",
        "samping",
    ]
    for picture in pictures:
        for size, side in images.RENDITIONS.items():
            name = images.rendition_name(picture.original.name, size)
            assert default_storage.exists(name), name
            with default_storage.open(name) as handle:
                assert Image.open(handle).size == (side, side)


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (
            io.BytesIO(b"bukan foto sama sekali"),
            "This file is not a picture. Upload a JPEG, PNG or WebP photo.",
        ),
        (bomb(), "The picture has too many pixels (at most 40 megapixels)."),
        (
            io.BytesIO(b"\xff\xd8" + b"\x00" * (6 * 1024 * 1024)),
            "The picture is 6.0\xa0MB; the limit is 5.0\xa0MB.",
        ),
    ],
    ids=["text-renamed-jpg", "decompression-bomb", "oversize"],
)
def test_a_refused_upload_writes_nothing_and_explains(
    seller, pesantren, media_root, upload, message
):
    product = make_product(pesantren)
    if not getattr(upload, "name", None):
        upload.name = "foto.jpg"
    before = stored_files(media_root) if media_root.exists() else []

    response = seller.post(images_url(product), {"photos": [upload]})

    assert response.status_code == 200
    assert response.context["form"].errors == {"photos": [f"{upload.name}: {message}"]}
    assert product.images.count() == 0
    after = stored_files(media_root) if media_root.exists() else []
    assert after == before


def test_a_bad_photo_refuses_the_whole_product_form_and_keeps_the_text(
    seller, media_root
):
    fake = io.BytesIO(b"%PDF-1.4 not a photo")
    fake.name = "foto.jpg"

    response = seller.post(
        "/seller/products/new/",
        {
            "title": "Madu Hutan",
            "price": "120.000",
            "stock": "5",
            "condition": "new",
            "weight_grams": "720",
            "photos": [photo("ok.jpg"), fake],
        },
    )

    assert response.status_code == 200
    assert response.context["form"].errors == {
        "photos": [
            "foto.jpg: This file is not a picture. Upload a JPEG, PNG or WebP photo."
        ]
    }
    assert Product.objects.count() == 0
    assert not media_root.exists() or stored_files(media_root) == []
    html = response.content.decode()
    assert 'value="Madu Hutan"' in html and 'value="120.000"' in html


def test_a_refused_publish_writes_no_photo(seller, media_root):
    response = seller.post(
        "/seller/products/new/",
        {
            "title": "Madu Hutan",
            "price": "",
            "stock": "5",
            "condition": "new",
            "publish": "on",
            "photos": [photo()],
        },
    )

    assert response.status_code == 200
    assert Product.objects.count() == 0
    assert not media_root.exists() or stored_files(media_root) == []


def test_making_a_photo_primary_moving_and_deleting_keep_the_order_consecutive(
    seller, pesantren
):
    product = make_product(pesantren)
    first, second, third = (
        ProductImage.objects.create(
            product=product, original=f"images/{n}.jpg", display_order=n
        )
        for n in range(3)
    )

    def order():
        return list(
            product.images.order_by("display_order").values_list("pk", flat=True)
        )

    seller.post(f"/seller/images/{third.pk}/primary/")
    assert order() == [third.pk, first.pk, second.pk]
    seller.post(f"/seller/images/{first.pk}/move/", {"direction": "down"})
    assert order() == [third.pk, second.pk, first.pk]
    seller.post(f"/seller/images/{first.pk}/move/", {"direction": "down"})
    assert order() == [third.pk, second.pk, first.pk]
    seller.post(f"/seller/images/{third.pk}/delete/")
    assert order() == [second.pk, first.pk]
    assert list(
        product.images.order_by("display_order").values_list("display_order", flat=True)
    ) == [0, 1]


def test_a_product_whose_photo_file_is_gone_shows_the_placeholder(client, pesantren):
    product = make_product(pesantren, title="Sajadah")
    ProductImage.objects.create(product=product, original="images/products/hilang.jpg")

    catalogue = client.get("/catalogue/")
    storefront = client.get(f"/pesantren/{pesantren.slug}/")
    detail = client.get(product.get_absolute_url())

    for response in (catalogue, storefront, detail):
        assert response.status_code == 200
        html = response.content.decode()
        assert f'src="{PLACEHOLDER}"' in html
        assert "hilang.jpg" not in html


def test_a_stored_photo_is_shown_by_its_rendition_once_made(
    client, pesantren, media_root, django_capture_on_commit_callbacks
):
    product = make_product(pesantren, title="Sajadah")
    upload = photo()
    clean = clean_image(SimpleUploadedFile("sajadah.jpg", upload.read()))
    with django_capture_on_commit_callbacks(execute=False) as pending:
        [picture] = add_images(product, [clean])

    before = client.get("/catalogue/").content.decode()
    for callback in pending:
        callback()
    after = client.get("/catalogue/").content.decode()

    assert f'src="/media/{picture.original.name}"' in before
    assert f'src="/media/renditions/card/{picture.original.name}"' in after
