"""Who may open and use the dakwah pages of the seller dashboard."""

import pytest

from dakwah.models import Article, ContentEvent, Status, Ustadz
from pesantren.models import Membership, Pesantren
from tests.dakwah.factories import ArticleFactory
from tests.html import parse

pytestmark = pytest.mark.django_db

REFUSED_STAFF = (
    "Dakwah is written by the owner and the editors of the pesantren. Ask the "
    "owner to make you an editor."
)


def nav_labels(response):
    return [
        link.text() for link in parse(response).find("nav", cls="seller-nav").iter()
    ]


def article_data(ustadz, category, **changes):
    return {
        "title": "Adab Menuntut Ilmu",
        "summary": "Ringkasan adab.",
        "category": category.pk,
        "author": ustadz.pk,
        "body": "<p>Isi.</p>",
        "tags": "adab",
        "action": "save",
        **changes,
    }


def test_owner_and_editor_have_a_dakwah_tab_and_staff_do_not(
    signed_in, owner, editor, staff
):
    tabs = {user.email: nav_labels(signed_in(user).get("/seller/")) for user in
            (owner, editor, staff)}  # fmt: skip

    assert "Dakwah" in tabs["pemilik@alhikmah.test"]
    assert "Dakwah" in tabs["editor@alhikmah.test"]
    assert "Dakwah" not in tabs["santri@alhikmah.test"]


@pytest.mark.parametrize(
    "path",
    ["/seller/dakwah/", "/seller/dakwah/articles/new/", "/seller/dakwah/ustadz/"],
)
def test_staff_without_the_editor_role_are_told_they_cannot_write(
    signed_in, staff, ustadz, category, path
):
    client = signed_in(staff)

    got = client.get(path)
    posted = client.post(path, article_data(ustadz, category, name="Ustadz Baru"))

    assert (got.status_code, posted.status_code) == (403, 403)
    assert parse(got).find("p", cls="reason").text() == (REFUSED_STAFF)
    assert Article.objects.count() == 0
    assert list(Ustadz.objects.values_list("name", flat=True)) == ["Ustadz Hasan"]


@pytest.mark.parametrize(
    ("status", "reason"),
    [
        (
            Pesantren.Status.PENDING,
            "Writing dakwah opens once KESAN verifies the pesantren.",
        ),
        (
            Pesantren.Status.SUSPENDED,
            "Dakwah cannot be written or published while the pesantren is not "
            "verified. Nothing has been deleted.",
        ),
    ],
)
def test_editor_of_a_pesantren_that_is_not_verified_cannot_write(
    signed_in, editor, pesantren, ustadz, category, status, reason
):
    draft = ArticleFactory(
        pesantren=pesantren, author=ustadz, title="Draf", status=Status.DRAFT
    )
    Pesantren.objects.filter(pk=pesantren.pk).update(status=status)
    client = signed_in(editor)

    listing = client.get("/seller/dakwah/articles/")
    create = client.post("/seller/dakwah/articles/new/", article_data(ustadz, category))
    edit_page = client.get(f"/seller/dakwah/articles/{draft.pk}/")
    edit = client.post(
        f"/seller/dakwah/articles/{draft.pk}/",
        article_data(ustadz, category, title="Diganti", action="submit"),
    )

    assert listing.status_code == 200
    assert parse(listing).find("div", cls="notice").text() == reason
    assert "Write an article" not in listing.content.decode()
    assert (create.status_code, edit.status_code) == (403, 403)
    assert parse(create).find("p", cls="reason").text() == reason
    assert edit_page.status_code == 200
    assert parse(edit_page).find_all("button", name="action") == []
    draft.refresh_from_db()
    assert (draft.title, draft.status) == ("Draf", Status.DRAFT)
    assert Article.objects.count() == 1
    assert ContentEvent.objects.count() == 0


def test_visitor_is_sent_to_sign_in(client):
    response = client.get("/seller/dakwah/articles/new/")

    assert response.status_code == 302
    assert response.url == "/accounts/login/?next=/seller/dakwah/articles/new/"


def test_owner_makes_a_staff_member_an_editor_and_back(signed_in, owner, staff):
    client = signed_in(owner)
    membership = staff.memberships.get()
    url = f"/seller/dakwah/editors/{membership.pk}/"

    promoted = client.post(url, {"role": "editor"})
    membership.refresh_from_db()
    role_after_promotion = membership.role
    client.post(url, {"role": "staff"})
    membership.refresh_from_db()

    assert (promoted.status_code, promoted.url) == (302, "/seller/dakwah/editors/")
    assert [str(message) for message in promoted.wsgi_request._messages] == [
        "santri@alhikmah.test now writes dakwah for the pesantren."
    ]
    assert (role_after_promotion, membership.role) == (
        Membership.Role.EDITOR,
        Membership.Role.STAFF,
    )


def test_the_new_editor_gets_the_dakwah_tab(signed_in, owner, staff):
    signed_in(owner).post(
        f"/seller/dakwah/editors/{staff.memberships.get().pk}/", {"role": "editor"}
    )

    assert "Dakwah" in nav_labels(signed_in(staff).get("/seller/"))
    assert signed_in(staff).get("/seller/dakwah/articles/new/").status_code == 200


def test_the_owners_role_is_not_changed_here(signed_in, owner):
    membership = owner.memberships.get()

    response = signed_in(owner).post(
        f"/seller/dakwah/editors/{membership.pk}/", {"role": "staff"}, follow=True
    )

    membership.refresh_from_db()
    assert membership.role == Membership.Role.OWNER
    assert [str(message) for message in response.context["messages"]] == [
        "The owner's role cannot be changed here."
    ]


def test_editors_cannot_change_roles(signed_in, editor, staff):
    client = signed_in(editor)
    membership = staff.memberships.get()

    listing = client.get("/seller/dakwah/editors/")
    posted = client.post(f"/seller/dakwah/editors/{membership.pk}/", {"role": "editor"})

    membership.refresh_from_db()
    assert (listing.status_code, posted.status_code) == (403, 403)
    assert membership.role == Membership.Role.STAFF


def test_staff_of_a_pending_pesantren_are_told_to_ask_for_the_editor_role(
    signed_in, staff, pesantren
):
    Pesantren.objects.filter(pk=pesantren.pk).update(status=Pesantren.Status.PENDING)

    response = signed_in(staff).get("/seller/dakwah/articles/new/")

    assert response.status_code == 403
    assert parse(response).find("p", cls="reason").text() == REFUSED_STAFF
