"""The dakwah pages of the seller dashboard, mounted at /seller/dakwah/.

kesan/urls.py puts these in the ``seller`` namespace beside the shop's own
pages, so tests/marketplace/seller/test_scoping.py walks them too.
"""

from django.urls import path

from dakwah import seller_views as views

urlpatterns = [
    path("", views.DakwahOverviewView.as_view(), name="dakwah-overview"),
    path("articles/", views.ArticleListView.as_view(), name="dakwah-article-list"),
    path(
        "articles/new/",
        views.ArticleCreateView.as_view(),
        name="dakwah-article-create",
    ),
    path(
        "articles/<int:article_pk>/",
        views.ArticleUpdateView.as_view(),
        name="dakwah-article-edit",
    ),
    path(
        "articles/<int:article_pk>/publish/",
        views.ArticlePublishView.as_view(),
        name="dakwah-article-publish",
    ),
    path(
        "articles/<int:article_pk>/return/",
        views.ArticleReturnView.as_view(),
        name="dakwah-article-return",
    ),
    path(
        "articles/<int:article_pk>/media/",
        views.ArticleMediaView.as_view(),
        name="dakwah-article-media",
    ),
    path("kajian/", views.KajianListView.as_view(), name="dakwah-kajian-list"),
    path("kajian/new/", views.KajianCreateView.as_view(), name="dakwah-kajian-create"),
    path(
        "kajian/<int:kajian_pk>/",
        views.KajianUpdateView.as_view(),
        name="dakwah-kajian-edit",
    ),
    path(
        "kajian/<int:kajian_pk>/publish/",
        views.KajianPublishView.as_view(),
        name="dakwah-kajian-publish",
    ),
    path(
        "kajian/<int:kajian_pk>/return/",
        views.KajianReturnView.as_view(),
        name="dakwah-kajian-return",
    ),
    path(
        "kajian/<int:kajian_pk>/media/",
        views.KajianMediaView.as_view(),
        name="dakwah-kajian-media",
    ),
    path(
        "media/<int:media_pk>/delete/",
        views.MediaDeleteView.as_view(),
        name="dakwah-media-delete",
    ),
    path("ustadz/", views.UstadzListView.as_view(), name="dakwah-ustadz-list"),
    path("ustadz/new/", views.UstadzCreateView.as_view(), name="dakwah-ustadz-create"),
    path(
        "ustadz/<int:ustadz_pk>/",
        views.UstadzUpdateView.as_view(),
        name="dakwah-ustadz-edit",
    ),
    path("editors/", views.EditorListView.as_view(), name="dakwah-editor-list"),
    path(
        "editors/<int:member_pk>/",
        views.EditorRoleView.as_view(),
        name="dakwah-editor-role",
    ),
]
