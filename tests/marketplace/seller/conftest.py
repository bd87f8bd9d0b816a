"""Fixtures of the seller dashboard tests: a verified pesantren, its owner
signed in, and two leaf categories (one whose CategoryRule needs halal and P-IRT/BPOM)."""

import io

import pytest
from PIL import Image

from pesantren.models import Membership
from tests.factories import PesantrenFactory, make_category, make_member


@pytest.fixture
def pesantren():
    return PesantrenFactory(name="Al-Hikmah", slug="al-hikmah")


@pytest.fixture
def owner(pesantren):
    return make_member(
        pesantren, role=Membership.Role.OWNER, email="pemilik@alhikmah.test"
    )


@pytest.fixture
def seller(client, owner, english, media_root):
    """The test client, signed in as the pesantren's owner."""
    client.force_login(owner)
    return client


@pytest.fixture
def craft(db):
    root = make_category("Kerajinan", "kerajinan")
    return make_category("Anyaman & Kayu", "anyaman-kayu", parent=root)


@pytest.fixture
def coffee(db):
    from marketplace.compliance.models import CategoryRule

    root = make_category("Makanan & Minuman", "makanan-minuman")
    CategoryRule.objects.create(
        category=root, needs_halal_certificate=True, needs_food_registration=True
    )
    return make_category("Kopi & Teh", "kopi-teh", parent=root)


def photo(
    name="foto.jpg", size=(800, 600), colour=(200, 120, 40), format="JPEG", **save
):
    """An uploadable picture made with Pillow."""
    buffer = io.BytesIO()
    mode = "RGBA" if len(colour) == 4 else "RGB"
    Image.new(mode, size, colour).save(buffer, format, **save)
    buffer.seek(0)
    buffer.name = name
    return buffer


def pdf_file(name="sertifikat.pdf", body=b"%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n"):
    """An uploadable file that starts like a PDF."""
    buffer = io.BytesIO(body)
    buffer.name = name
    return buffer
