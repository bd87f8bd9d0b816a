"""Who may write, submit, publish and unpublish; the editorial state machine."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from dakwah import permissions, services
from dakwah.models import Article, ContentEvent, Status
from dakwah.permissions import EDITOR_ROLE
from pesantren.models import Membership, Pesantren
from tests.dakwah.factories import (
    ArticleFactory,
    CategoryFactory,
    KajianFactory,
    UstadzFactory,
    member,
)
from tests.factories import PesantrenFactory, UserFactory, make_product

pytestmark = pytest.mark.django_db


@pytest.fixture
def pesantren():
    return PesantrenFactory()


@pytest.fixture
def owner(pesantren):
    return member(pesantren, Membership.Role.OWNER)


@pytest.fixture
def editor(pesantren):
    return member(pesantren, EDITOR_ROLE)


@pytest.fixture
def ustadz(pesantren):
    return UstadzFactory(pesantren=pesantren)


def write_article(user, pesantren, ustadz, **fields):
    return services.create_article(
        user=user,
        pesantren=pesantren,
        title=fields.pop("title", "Adab Menuntut Ilmu"),
        summary="Ringkasan.",
        body=fields.pop("body", "<p>Isi.</p>"),
        category=CategoryFactory(),
        author=ustadz,
        **fields,
    )


def test_editor_writes_submits_and_owner_publishes(pesantren, owner, editor, ustadz):
    article = write_article(editor, pesantren, ustadz, tags=["adab", "Ilmu "])
    assert article.status == Status.DRAFT
    assert article.slug == "adab-menuntut-ilmu"
    assert sorted(tag.slug for tag in article.tags.all()) == ["adab", "ilmu"]

    services.submit_for_review(article, user=editor)
    assert Article.objects.get(pk=article.pk).status == Status.IN_REVIEW

    services.publish(article, user=owner)

    article.refresh_from_db()
    assert article.status == Status.PUBLISHED
    assert article.date_published is not None
    events = list(
        article.events.order_by("id").values_list("action", "actor", "to_status")
    )
    assert events == [
        (ContentEvent.Action.SUBMITTED, editor.pk, Status.IN_REVIEW),
        (ContentEvent.Action.PUBLISHED, owner.pk, Status.PUBLISHED),
    ]


def test_editor_cannot_publish(pesantren, editor, ustadz):
    article = write_article(editor, pesantren, ustadz)
    services.submit_for_review(article, user=editor)

    with pytest.raises(PermissionDenied):
        services.publish(article, user=editor)

    assert Article.objects.get(pk=article.pk).status == Status.IN_REVIEW


def test_editor_of_another_pesantren_cannot_write_submit_or_edit(
    pesantren, editor, ustadz
):
    outsider = member(PesantrenFactory(), EDITOR_ROLE)
    article = write_article(editor, pesantren, ustadz)

    with pytest.raises(PermissionDenied):
        write_article(outsider, pesantren, ustadz, title="Titipan")
    with pytest.raises(PermissionDenied):
        services.submit_for_review(article, user=outsider)
    with pytest.raises(PermissionDenied):
        services.update_article(article, user=outsider, title="Diubah")

    article.refresh_from_db()
    assert (article.title, article.status) == ("Adab Menuntut Ilmu", Status.DRAFT)
    assert Article.objects.count() == 1


def test_owner_of_another_pesantren_cannot_publish_or_touch_a_kajian(pesantren, editor):
    other_owner = member(PesantrenFactory(), Membership.Role.OWNER)
    kajian = KajianFactory(
        pesantren=pesantren, status=Status.IN_REVIEW, date_published=None
    )

    with pytest.raises(PermissionDenied):
        services.publish(kajian, user=other_owner)
    with pytest.raises(PermissionDenied):
        services.update_kajian(kajian, user=other_owner, title="Diubah")

    kajian.refresh_from_db()
    assert kajian.status == Status.IN_REVIEW
    assert kajian.title != "Diubah"


def test_staff_member_is_refused_as_writer(pesantren, ustadz):
    staff = member(pesantren, Membership.Role.STAFF)

    assert permissions.can_write(staff, pesantren) is False
    with pytest.raises(PermissionDenied):
        write_article(staff, pesantren, ustadz)
    assert Article.objects.count() == 0


def test_nobody_writes_for_a_pesantren_that_is_not_verified(pesantren, owner, editor):
    pesantren.status = Pesantren.Status.SUSPENDED
    pesantren.save()

    assert permissions.can_write(editor, pesantren) is False
    assert permissions.can_write(owner, pesantren) is False
    assert permissions.can_publish(owner, pesantren) is False


def test_anonymous_and_plain_users_have_no_rights(pesantren):
    for user in (AnonymousUser(), UserFactory()):
        assert permissions.can_write(user, pesantren) is False
        assert permissions.can_publish(user, pesantren) is False
        assert permissions.can_unpublish(user) is False


def test_owner_may_publish_their_own_draft_directly(pesantren, owner, ustadz):
    article = write_article(owner, pesantren, ustadz)

    services.publish(article, user=owner)

    assert Article.objects.get(pk=article.pk).status == Status.PUBLISHED


def test_a_published_article_cannot_be_submitted_or_published_again(pesantren, owner):
    article = ArticleFactory(pesantren=pesantren)

    with pytest.raises(ValidationError):
        services.submit_for_review(article, user=owner)
    with pytest.raises(ValidationError):
        services.publish(article, user=owner)

    assert article.events.count() == 0


def test_editor_cannot_change_a_published_article_but_owner_can(
    pesantren, owner, editor
):
    article = ArticleFactory(pesantren=pesantren, title="Asli")

    with pytest.raises(PermissionDenied):
        services.update_article(article, user=editor, title="Diubah editor")
    services.update_article(article, user=owner, title="Diubah pemilik")

    assert Article.objects.get(pk=article.pk).title == "Diubah pemilik"


def test_owner_returns_an_article_in_review_to_draft_with_remarks(
    pesantren, owner, editor, ustadz
):
    article = write_article(editor, pesantren, ustadz)
    services.submit_for_review(article, user=editor)

    services.return_to_draft(article, user=owner, reason="Tambahkan sumber hadits.")

    article.refresh_from_db()
    assert article.status == Status.DRAFT
    assert article.events.first().reason == "Tambahkan sumber hadits."


def test_admin_unpublishes_with_a_recorded_reason():
    admin = UserFactory(is_staff=True)
    article = ArticleFactory()

    services.unpublish(article, user=admin, reason="  Melanggar ketentuan.  ")

    article.refresh_from_db()
    assert article.status == Status.DRAFT
    event = article.events.get()
    assert (event.action, event.actor, event.reason) == (
        ContentEvent.Action.UNPUBLISHED,
        admin,
        "Melanggar ketentuan.",
    )


def test_unpublishing_needs_an_admin_and_a_reason(pesantren, owner):
    article = ArticleFactory(pesantren=pesantren)

    with pytest.raises(PermissionDenied):
        services.unpublish(article, user=owner, reason="Saya ingin menurunkannya.")
    with pytest.raises(ValidationError):
        services.unpublish(article, user=UserFactory(is_staff=True), reason="   ")

    assert Article.objects.get(pk=article.pk).status == Status.PUBLISHED
    assert article.events.count() == 0


def test_author_must_be_an_ustadz_of_the_same_pesantren(pesantren, editor):
    stranger = UstadzFactory()

    with pytest.raises(ValidationError) as error:
        write_article(editor, pesantren, stranger)

    assert "author" in error.value.message_dict
    assert Article.objects.count() == 0


def test_linked_products_must_be_sold_by_the_same_pesantren(pesantren, editor, ustadz):
    own = make_product(pesantren, title="Kitab Ta'lim Muta'allim")
    foreign = make_product(PesantrenFactory(), title="Madu Hutan")

    with pytest.raises(ValidationError) as error:
        write_article(editor, pesantren, ustadz, linked_products=[own, foreign])
    article = write_article(editor, pesantren, ustadz, linked_products=[own])

    assert "Madu Hutan" in error.value.message_dict["linked_products"][0]
    assert list(article.linked_products.all()) == [own]
    assert Article.objects.count() == 1


def test_writable_pesantren_lists_only_verified_ones_with_a_writer_role():
    # One account acts for one pesantren: an editor, a staff member and the
    # owner of a suspended pesantren.
    editor, staff, suspended_owner = UserFactory(), UserFactory(), UserFactory()
    writes = PesantrenFactory()
    Membership.objects.create(pesantren=writes, user=editor, role=EDITOR_ROLE)
    staff_only = PesantrenFactory()
    Membership.objects.create(
        pesantren=staff_only, user=staff, role=Membership.Role.STAFF
    )
    suspended = PesantrenFactory(status=Pesantren.Status.SUSPENDED)
    Membership.objects.create(
        pesantren=suspended, user=suspended_owner, role=Membership.Role.OWNER
    )

    assert list(permissions.writable_pesantren(editor)) == [writes]
    assert list(permissions.writable_pesantren(staff)) == []
    assert list(permissions.writable_pesantren(suspended_owner)) == []


def test_refused_transition_says_what_and_why(pesantren, editor):
    article = ArticleFactory(pesantren=pesantren, title="Sudah Terbit")

    with pytest.raises(ValidationError) as error:
        services.submit_for_review(article, user=editor)

    expected = _("“%(action)s” is not possible: %(title)s is %(status)s.") % {
        "action": _("Submitted for review"),
        "title": "Sudah Terbit",
        "status": _("Published").lower(),
    }
    assert error.value.messages == [expected]
