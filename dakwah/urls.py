from django.urls import path

from dakwah import feeds, views

app_name = "dakwah"

urlpatterns = [
    path("", views.DakwahHomeView.as_view(), name="home"),
    path("artikel/", views.ArticleListView.as_view(), name="article-list"),
    path("artikel/<slug:slug>/", views.ArticleDetailView.as_view(), name="article"),
    path("kajian/", views.KajianListView.as_view(), name="kajian-list"),
    path(
        "kajian/selesai/", views.KajianListView.as_view(past=True), name="kajian-past"
    ),
    path("kajian/<slug:slug>/", views.KajianDetailView.as_view(), name="kajian"),
    path(
        "kajian/<slug:slug>/kalender.ics",
        views.KajianCalendarView.as_view(),
        name="kajian-calendar",
    ),
    path("ustadz/<slug:slug>/", views.UstadzDetailView.as_view(), name="ustadz"),
    path(
        "kategori/<slug:slug>/",
        views.CategoryArticleListView.as_view(),
        name="category",
    ),
    path("tag/<slug:slug>/", views.TagArticleListView.as_view(), name="tag"),
    path("cari/", views.DakwahSearchView.as_view(), name="search"),
    path("feed/artikel/", feeds.ArticleRssFeed(), name="article-feed"),
    path("feed/artikel/atom/", feeds.ArticleAtomFeed(), name="article-feed-atom"),
    path("feed/kajian/", feeds.KajianRssFeed(), name="kajian-feed"),
    path("feed/kajian/atom/", feeds.KajianAtomFeed(), name="kajian-feed-atom"),
]
