"""Fixtures of the dakwah dashboard tests: a verified pesantren with its
owner, an editor and a staff member, an ustadz and a category."""

import pytest

from pesantren.models import Membership
from tests.dakwah.factories import CategoryFactory, UstadzFactory
from tests.factories import PesantrenFactory, make_member


@pytest.fixture
def pesantren(db):
    return PesantrenFactory(name="Pesantren Al-Hikmah", slug="al-hikmah")


@pytest.fixture
def owner(pesantren):
    return make_member(pesantren, email="pemilik@alhikmah.test", first_name="Kyai")


@pytest.fixture
def editor(pesantren):
    return make_member(
        pesantren,
        role=Membership.Role.EDITOR,
        email="editor@alhikmah.test",
        first_name="Aisyah",
    )


@pytest.fixture
def staff(pesantren):
    return make_member(
        pesantren, role=Membership.Role.STAFF, email="santri@alhikmah.test"
    )


@pytest.fixture
def ustadz(pesantren):
    return UstadzFactory(pesantren=pesantren, name="Ustadz Hasan", slug="hasan")


@pytest.fixture
def category(db):
    return CategoryFactory(slug="tafsir", name="Tafsir")


@pytest.fixture
def signed_in(client, english, media_root):
    """Sign the test client in as ``user``; pages in English."""

    def sign_in(user):
        client.force_login(user)
        return client

    return sign_in
