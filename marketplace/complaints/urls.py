"""Complaint URLs: the buyer's, under /orders/, and the pesantren's, joined
into the seller dashboard (``seller`` namespace) by kesan/urls.py."""

from django.urls import path

from marketplace.complaints import views

buyer_urlpatterns = [
    path(
        "<str:number>/parts/<int:group_id>/complaint/",
        views.complaint_create,
        name="complaint-create",
    ),
    path(
        "<str:number>/complaints/<int:complaint_id>/messages/",
        views.complaint_message,
        name="complaint-message",
    ),
    path(
        "<str:number>/complaint-photos/<int:photo_id>/",
        views.complaint_photo,
        name="complaint-photo",
    ),
]

seller_urlpatterns = [
    path("", views.ComplaintListView.as_view(), name="complaint-list"),
    path(
        "<int:complaint_pk>/",
        views.ComplaintDetailView.as_view(),
        name="complaint-detail",
    ),
    path(
        "<int:complaint_pk>/reply/",
        views.ComplaintReplyView.as_view(),
        name="complaint-reply",
    ),
    path(
        "<int:complaint_pk>/photos/<int:photo_pk>/",
        views.ComplaintPhotoView.as_view(),
        name="complaint-photo",
    ),
]
