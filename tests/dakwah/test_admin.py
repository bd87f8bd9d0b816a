import pytest

from dakwah.models import Article, ContentEvent, Kajian, Status
from tests.dakwah.factories import ArticleFactory, KajianFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    return client


def test_admin_action_asks_for_a_reason_before_unpublishing(admin_client):
    article = ArticleFactory(title="Artikel Bermasalah")

    response = admin_client.post(
        "/admin/dakwah/article/",
        {"action": "unpublish_with_reason", "_selected_action": [article.pk]},
    )

    assert response.status_code == 200
    assert "Artikel Bermasalah" in response.content.decode()
    assert 'name="reason"' in response.content.decode()
    assert Article.objects.get(pk=article.pk).status == Status.PUBLISHED


def test_admin_unpublishes_selected_items_with_the_reason_recorded(admin_client):
    article = ArticleFactory()
    draft = ArticleFactory(status=Status.DRAFT, date_published=None)

    response = admin_client.post(
        "/admin/dakwah/article/",
        {
            "action": "unpublish_with_reason",
            "_selected_action": [article.pk, draft.pk],
            "reason": "Mengandung iklan di dalam kutipan ayat.",
            "apply": "1",
        },
    )

    assert response.status_code == 302
    assert Article.objects.get(pk=article.pk).status == Status.DRAFT
    event = ContentEvent.objects.get()
    assert (event.article_id, event.action, event.reason) == (
        article.pk,
        ContentEvent.Action.UNPUBLISHED,
        "Mengandung iklan di dalam kutipan ayat.",
    )


def test_admin_cannot_unpublish_without_a_reason(admin_client):
    kajian = KajianFactory()

    response = admin_client.post(
        "/admin/dakwah/kajian/",
        {
            "action": "unpublish_with_reason",
            "_selected_action": [kajian.pk],
            "reason": "",
            "apply": "1",
        },
    )

    assert response.status_code == 200
    assert Kajian.objects.get(pk=kajian.pk).status == Status.PUBLISHED
    assert ContentEvent.objects.count() == 0


@pytest.mark.parametrize(
    "url",
    [
        "/admin/dakwah/article/",
        "/admin/dakwah/kajian/",
        "/admin/dakwah/ustadz/",
        "/admin/dakwah/category/",
        "/admin/dakwah/tag/",
        "/admin/dakwah/media/",
        "/admin/dakwah/contentevent/",
        "/admin/dakwah/article/add/",
        "/admin/dakwah/kajian/add/",
    ],
)
def test_admin_pages_render(admin_client, url):
    ArticleFactory()
    KajianFactory()

    assert admin_client.get(url).status_code == 200
