"""Admins curate pesantren in Django admin; every decision is a stored row."""

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.core import mail
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from forks.partner.strategy import Selector
from marketplace import roles
from pesantren import services
from pesantren.models import CurationEvent, Pesantren
from tests.factories import PesantrenFactory, UserFactory, make_member, make_product

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english")]

CHANGELIST = "/admin/pesantren/pesantren/"
Status = Pesantren.Status


@pytest.fixture
def curator(client):
    user = UserFactory(email="kurator@kesan.test", is_staff=True)
    user.groups.add(roles.sync_admin_group())
    client.force_login(user)
    return user


def run_action(client, action, pesantren_list, **fields):
    data = {
        "action": action,
        ACTION_CHECKBOX_NAME: [p.pk for p in pesantren_list],
        **fields,
    }
    return client.post(CHANGELIST, data)


def test_admin_group_has_exactly_the_listed_permissions():
    group = roles.sync_admin_group()

    names = {
        f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()
    }
    assert names == set(roles.ADMIN_PERMISSIONS)


def test_syncing_the_group_again_removes_a_permission_added_by_hand():
    group = roles.sync_admin_group()
    group.permissions.add(*roles.Permission.objects.filter(codename="delete_pesantren"))

    roles.sync_admin_group()

    assert group.permissions.filter(codename="delete_pesantren").exists() is False


def test_changelist_shows_status_province_opop_featured_and_product_count(
    client, curator
):
    pesantren = PesantrenFactory(
        name="Al-Barokah",
        is_featured=True,
        is_opop_member=True,
        opop_level="unggulan",
        opop_pillar="pesantrenpreneur",
    )
    make_product(pesantren)
    make_product(pesantren)

    response = client.get(CHANGELIST)

    assert response.status_code == 200
    row = response.context["cl"].result_list.get()
    assert row.product_count == 2
    html = response.content.decode()
    assert "Jawa Timur" in html
    assert "Unggulan (flagship) · Pesantrenpreneur" in html


def test_changelist_filters_by_status_and_searches_by_nib(client, curator):
    PesantrenFactory(name="Menunggu", status=Status.PENDING, nib="1111111111111")
    PesantrenFactory(name="Terverifikasi", status=Status.VERIFIED, nib="2222222222222")

    pending = client.get(CHANGELIST, {"status__exact": "pending"})
    searched = client.get(CHANGELIST, {"q": "2222222222222"})

    assert [p.name for p in pending.context["cl"].result_list] == ["Menunggu"]
    assert [p.name for p in searched.context["cl"].result_list] == ["Terverifikasi"]


def test_verify_records_who_when_why_and_emails_the_owner(
    client, curator, django_capture_on_commit_callbacks
):
    pesantren = PesantrenFactory(name="Nurul Huda", status=Status.PENDING)
    make_member(pesantren, email="pemilik@nurulhuda.test")

    page = run_action(client, "verify", [pesantren])
    with django_capture_on_commit_callbacks(execute=True):
        response = run_action(
            client, "verify", [pesantren], apply="1", reason="Dokumen lengkap."
        )

    assert page.status_code == 200
    assert page.templates[0].name == "admin/pesantren/decision_form.html"
    assert response.status_code == 302
    pesantren.refresh_from_db()
    assert pesantren.status == Status.VERIFIED
    event = CurationEvent.objects.get(pesantren=pesantren)
    assert (
        event.kind,
        event.actor,
        event.reason,
        event.status_before,
        event.status_after,
    ) == ("verified", curator, "Dokumen lengkap.", "pending", "verified")
    assert [m.to for m in mail.outbox] == [["pemilik@nurulhuda.test"]]
    # The owner's e-mail is in Indonesian, the language of the site.
    with translation.override("id"):
        expected = gettext("%(name)s on KESAN: %(decision)s") % {
            "name": "Nurul Huda",
            "decision": gettext("Verified"),
        }
    assert mail.outbox[0].subject == expected


def test_reject_needs_a_reason_and_sends_it_to_the_applicant(
    client, curator, django_capture_on_commit_callbacks
):
    pesantren = PesantrenFactory(name="Darul Falah", status=Status.PENDING)
    make_member(pesantren, email="pemilik@darulfalah.test")

    refused = run_action(client, "reject", [pesantren], apply="1", reason="  ")
    with django_capture_on_commit_callbacks(execute=True):
        run_action(client, "reject", [pesantren], apply="1", reason="NPWP tidak cocok.")

    assert refused.status_code == 200
    assert refused.context["form"].errors == {"reason": ["This field is required."]}
    pesantren.refresh_from_db()
    assert pesantren.status == Status.REJECTED
    assert list(pesantren.curation_events.values_list("kind", "reason")) == [
        ("rejected", "NPWP tidak cocok.")
    ]
    with translation.override("id"):
        reason_line = gettext("Reason:") + " NPWP tidak cocok."
    assert reason_line in mail.outbox[0].body
    assert "/join/status/" in mail.outbox[0].body


def test_suspend_hides_the_storefront_and_stops_sales_without_deleting(client, curator):
    pesantren = PesantrenFactory(slug="sabilul", status=Status.VERIFIED)
    product = make_product(pesantren, title="Kopi Santri")

    run_action(client, "suspend", [pesantren], apply="1", reason="Keluhan pembeli.")

    pesantren.refresh_from_db()
    assert pesantren.status == Status.SUSPENDED
    client.logout()
    assert client.get("/pesantren/sabilul/").status_code == 404
    assert client.get(product.get_absolute_url()).status_code == 404
    offer = Selector().strategy().fetch_for_product(product)
    assert offer.availability.is_available_to_buy is False
    product.refresh_from_db()
    assert product.is_public is True
    assert product.stockrecords.count() == 1


def test_reinstate_reopens_a_suspended_pesantren(client, curator):
    pesantren = PesantrenFactory(slug="kembali", status=Status.SUSPENDED)

    run_action(client, "reinstate", [pesantren], apply="1", reason="")

    pesantren.refresh_from_db()
    assert pesantren.status == Status.VERIFIED
    assert client.get("/pesantren/kembali/").status_code == 200


def test_a_decision_skips_pesantren_whose_status_does_not_allow_it(client, curator):
    pending = PesantrenFactory(name="Baru", status=Status.PENDING)
    verified = PesantrenFactory(name="Lama", status=Status.VERIFIED)

    response = run_action(
        client, "reject", [pending, verified], apply="1", reason="Belum."
    )

    assert response.status_code == 302
    pending.refresh_from_db()
    verified.refresh_from_db()
    assert (pending.status, verified.status) == ("rejected", "verified")
    assert CurationEvent.objects.filter(pesantren=verified).count() == 0
    assert [str(m) for m in response.wsgi_request._messages] == [
        "Done for 1 pesantren: Baru.",
        "Skipped 1 pesantren to which this does not apply: Lama.",
    ]


def test_mark_opop_records_level_and_pillar(client, curator):
    pesantren = PesantrenFactory()

    run_action(
        client,
        "mark_opop",
        [pesantren],
        apply="1",
        level="terkurasi",
        pillar="santripreneur",
        reason="Lolos kurasi OPOP 2026.",
    )

    pesantren.refresh_from_db()
    assert (pesantren.is_opop_member, pesantren.opop_level, pesantren.opop_pillar) == (
        True,
        "terkurasi",
        "santripreneur",
    )
    event = pesantren.curation_events.get()
    assert (event.kind, event.opop_level, event.opop_pillar, event.actor) == (
        "opop_marked",
        "terkurasi",
        "santripreneur",
        curator,
    )


def test_feature_records_a_decision_only_when_something_changes(client, curator):
    pesantren = PesantrenFactory(is_featured=False)

    run_action(client, "feature", [pesantren])
    run_action(client, "feature", [pesantren])

    pesantren.refresh_from_db()
    assert pesantren.is_featured is True
    assert list(pesantren.curation_events.values_list("kind", flat=True)) == [
        "featured"
    ]


def test_decisions_are_shown_on_the_pesantren_page(client, curator):
    pesantren = PesantrenFactory(status=Status.PENDING)
    services.decide(pesantren, "verify", actor=curator, reason="Sudah dicek di OSS.")

    response = client.get(
        reverse("admin:pesantren_pesantren_change", args=[pesantren.pk])
    )

    assert response.status_code == 200
    assert "Sudah dicek di OSS." in response.content.decode()


def test_status_cannot_be_edited_in_the_change_form(client, curator):
    pesantren = PesantrenFactory(status=Status.PENDING)

    response = client.get(
        reverse("admin:pesantren_pesantren_change", args=[pesantren.pk])
    )

    assert "status" not in response.context["adminform"].form.fields
    assert "is_featured" not in response.context["adminform"].form.fields


def test_curator_cannot_manage_groups_or_delete_pesantren(client, curator):
    pesantren = PesantrenFactory()

    assert client.get("/admin/auth/group/").status_code == 403
    assert client.get(f"{CHANGELIST}{pesantren.pk}/delete/").status_code == 403


def test_services_refuse_a_decision_the_status_does_not_allow():
    pesantren = PesantrenFactory(status=Status.VERIFIED)

    with pytest.raises(services.CurationError):
        services.decide(pesantren, "reinstate", actor=None)

    assert CurationEvent.objects.count() == 0


def test_seller_cannot_open_django_admin(client):
    client.force_login(make_member())

    response = client.get("/admin/")

    assert response.status_code == 302
    assert response.url == "/admin/login/?next=/admin/"


@pytest.mark.parametrize(
    "path",
    [
        "/dashboard/",
        "/dashboard/catalogue/",
        "/dashboard/orders/",
        "/dashboard/partners/",
    ],
)
def test_seller_cannot_open_oscars_dashboard(client, path):
    seller = make_member()
    client.force_login(seller)

    response = client.get(path)

    assert response.status_code == 403


def test_curator_reads_stock_changes_and_imports_but_cannot_change_them(
    client, curator
):
    assert client.get("/admin/marketplace/stockchange/").status_code == 200
    assert client.get("/admin/marketplace/productimport/").status_code == 200
    assert client.get("/admin/marketplace/stockchange/add/").status_code == 403
