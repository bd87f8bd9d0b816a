"""A signed-in user applies to open a pesantren shop."""

import io

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from PIL import Image

from pesantren.models import CurationEvent, Membership, Pesantren
from tests.factories import PesantrenFactory, UserFactory, make_member

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("english", "media_root")]

APPLY_URL = "/join/"


def application(**changes):
    data = {
        "name": "Pesantren Darul Ulum Contoh",
        "leader_name": "KH. Ahmad Fauzi",
        "short_description": "Pesantren salaf dengan Kopontren kopi dan kitab.",
        "description": "Santri mengelola kebun kopi.",
        "founded_year": "1975",
        "legal_entity_type": "kopontren",
        "legal_entity_name": "Kopontren Darul Ulum",
        "nib": "1234 5678 90123",
        "tax_number": "01.234.567.8-901.000",
        "province_code": "35",
        "regency_code": "35.17",
        "district_code": "35.17.01",
        "postcode": "61461",
        "address": "Jl. Raya Perak No. 1",
        "whatsapp_number": "0812-3456-7890",
        "bank_name": "BSI",
        "bank_account_number": "712-345-6789",
        "bank_account_holder": "Kopontren Darul Ulum",
    }
    data.update(changes)
    return data


def png_logo():
    buffer = io.BytesIO()
    Image.new("RGBA", (120, 120), (19, 105, 76, 255)).save(buffer, "PNG")
    buffer.seek(0)
    buffer.name = "logo.png"
    return buffer


@pytest.fixture
def applicant(client):
    user = UserFactory(email="pengasuh@darululum.test")
    client.force_login(user)
    return user


@pytest.fixture
def curator():
    group = Group.objects.create(name="Curators")
    group.permissions.add(Permission.objects.get(codename="change_pesantren"))
    user = UserFactory(email="kurator@kesan.test", is_staff=True)
    user.groups.add(group)
    return user


def test_apply_page_needs_a_signed_in_user(client):
    response = client.get(APPLY_URL)

    assert response.status_code == 302
    assert response.url == f"/accounts/login/?next={APPLY_URL}"


def test_application_opens_a_pending_pesantren_owned_by_the_applicant(
    client, applicant, curator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(APPLY_URL, {**application(), "logo": png_logo()})

    assert response.status_code == 302
    assert response.url == reverse("pesantren:application-status")
    pesantren = Pesantren.objects.get()
    assert pesantren.status == Pesantren.Status.PENDING
    assert pesantren.slug == "pesantren-darul-ulum-contoh"
    assert pesantren.partner.code == "pesantren-darul-ulum-contoh"
    assert pesantren.nib == "1234567890123"
    assert pesantren.tax_number == "0012345678901000"
    assert pesantren.whatsapp_number == "6281234567890"
    assert pesantren.bank_account_number == "7123456789"
    assert (pesantren.district_code, pesantren.postcode) == ("35.17.01", "61461")
    assert pesantren.logo.name == "pesantren/logos/pesantren-darul-ulum-contoh.jpg"
    membership = Membership.objects.get()
    assert (membership.user, membership.role) == (applicant, Membership.Role.OWNER)
    event = CurationEvent.objects.get()
    assert (event.kind, event.actor, event.status_after) == (
        "submitted",
        applicant,
        "pending",
    )
    assert [m.to for m in mail.outbox] == [["kurator@kesan.test"]]
    # E-mails go out in Indonesian, the language of the site.
    with translation.override("id"):
        expected = gettext("New pesantren application: %(name)s") % {
            "name": "Pesantren Darul Ulum Contoh"
        }
    assert mail.outbox[0].subject == expected
    assert f"/admin/pesantren/pesantren/{pesantren.pk}/change/" in mail.outbox[0].body


def test_applicant_is_never_made_staff_nor_given_permissions(client, applicant):
    client.post(APPLY_URL, application())

    applicant.refresh_from_db()
    assert applicant.is_staff is False
    assert applicant.is_superuser is False
    assert applicant.get_all_permissions() == set()


def test_no_email_is_sent_before_the_application_commits(client, applicant, curator):
    client.post(APPLY_URL, application())

    assert Pesantren.objects.count() == 1
    assert mail.outbox == []


def test_a_nik_is_accepted_as_tax_number(client, applicant):
    client.post(APPLY_URL, application(tax_number="3517014101900001"))

    pesantren = Pesantren.objects.get()
    assert pesantren.tax_number == "3517014101900001"
    assert pesantren.tax_number_is_nik is True


@pytest.mark.parametrize(
    ("field", "typed", "message"),
    [
        ("nib", "12345", "The NIB has 13 digits, as printed on the OSS document."),
        (
            "tax_number",
            "12.345",
            "Enter an NPWP (15 or 16 digits) or the NIK (16 digits) of the person "
            "responsible.",
        ),
        (
            "tax_number",
            "3517019999900001",
            "A 16-digit number that does not start with 0 is a NIK, and this one is "
            "not "
            "valid: check the region code, the date of birth and the last four digits.",
        ),
        (
            "whatsapp_number",
            "12345",
            "Enter a mobile number like 0812-3456-7890 or +62 812 3456 7890.",
        ),
        (
            "whatsapp_number",
            "(031) 555-1234",
            "WhatsApp needs a mobile number, starting with 08 or +628.",
        ),
        ("regency_code", "33.08", "Choose a kabupaten or kota of Jawa Timur."),
        ("district_code", "35.07.01", "Choose a kecamatan of Kabupaten Jombang."),
        (
            "postcode",
            "60111",
            "60111 is not a postcode of Kecamatan Perak (it uses 61461).",
        ),
        ("postcode", "6146", "A postcode has 5 digits."),
        ("bank_account_number", "12-34", "An account number has 6 to 20 digits."),
    ],
)
def test_refused_application_explains_and_keeps_what_was_typed(
    client, applicant, field, typed, message
):
    data = application(**{field: typed})

    response = client.post(APPLY_URL, data)

    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors == {field: [message]}
    assert Pesantren.objects.count() == 0
    html = response.content.decode()
    for name in (
        "name",
        "leader_name",
        "nib",
        "bank_account_number",
        "whatsapp_number",
    ):
        assert f'value="{data[name]}"' in html
    assert f">\n{data['address']}</textarea>" in html


def test_refused_application_lists_the_regions_of_what_was_chosen(client, applicant):
    response = client.post(APPLY_URL, application(postcode="1"))

    html = response.content.decode()
    assert '<option value="35.17" selected>Kabupaten Jombang</option>' in html
    assert '<option value="35.17.01" selected>Perak</option>' in html
    assert '<option value="61461">' in html


def test_a_text_file_as_logo_is_refused_and_nothing_is_saved(client, applicant):
    fake = io.BytesIO(b"not a picture at all")
    fake.name = "logo.jpg"

    response = client.post(APPLY_URL, {**application(), "logo": fake})

    assert response.context["form"].errors == {
        "logo": ["This file is not a picture. Upload a JPEG, PNG or WebP photo."]
    }
    assert Pesantren.objects.count() == 0


def test_a_member_cannot_apply_again(client):
    user = make_member()
    client.force_login(user)

    response = client.get(APPLY_URL)

    assert response.status_code == 302
    assert response.url == reverse("pesantren:application-status")


def test_status_page_shows_the_rejection_reason(client):
    owner = make_member(PesantrenFactory(status=Pesantren.Status.REJECTED))
    pesantren = owner.memberships.get().pesantren
    CurationEvent.objects.create(
        pesantren=pesantren,
        kind="rejected",
        reason="NIB tidak terbaca.",
        status_before="pending",
        status_after="rejected",
    )
    client.force_login(owner)

    response = client.get(reverse("pesantren:application-status"))

    html = response.content.decode()
    assert "The application was not approved" in html
    assert "Reason: NIB tidak terbaca." in html
    assert reverse("pesantren:application-edit") in html


def test_correcting_a_rejected_application_sends_it_back_for_review(
    client, curator, django_capture_on_commit_callbacks
):
    owner = make_member(PesantrenFactory(status=Pesantren.Status.REJECTED, name="Lama"))
    pesantren = owner.memberships.get().pesantren
    client.force_login(owner)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("pesantren:application-edit"), application(name="Baru")
        )

    assert response.status_code == 302
    pesantren.refresh_from_db()
    assert (pesantren.name, pesantren.status) == ("Baru", "pending")
    assert pesantren.partner.name == "Baru"
    assert list(pesantren.curation_events.values_list("kind", "status_before")) == [
        ("submitted", "rejected")
    ]
    assert [m.to for m in mail.outbox] == [["kurator@kesan.test"]]


def test_a_verified_application_can_no_longer_be_edited(client):
    owner = make_member(
        PesantrenFactory(status=Pesantren.Status.VERIFIED, name="Tetap")
    )
    client.force_login(owner)

    response = client.post(
        reverse("pesantren:application-edit"), application(name="Ganti")
    )

    assert response.status_code == 302
    assert response.url == reverse("pesantren:application-status")
    assert Pesantren.objects.get().name == "Tetap"


def test_staff_cannot_edit_the_application(client):
    pesantren = PesantrenFactory(status=Pesantren.Status.PENDING)
    staff = make_member(pesantren, role=Membership.Role.STAFF)
    client.force_login(staff)

    response = client.get(reverse("pesantren:application-edit"))

    assert response.status_code == 404


def test_region_options_list_children_and_postcodes(client):
    regencies = client.get("/join/regions/?parent=35").json()
    postcodes = client.get("/join/regions/?parent=35.17.01").json()

    assert regencies["regions"][0] == {"code": "35.01", "name": "Kabupaten Pacitan"}
    assert len(regencies["regions"]) == 38
    assert postcodes == {"regions": [], "postcodes": ["61461"]}


def test_a_newline_in_a_one_line_field_becomes_a_space(
    client, applicant, curator, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            APPLY_URL,
            application(
                name="Pesantren Darul\r\nUlum\tContoh",
                legal_entity_name="Kopontren\nDarul Ulum",
            ),
        )

    assert response.status_code == 302
    pesantren = Pesantren.objects.get()
    assert (pesantren.name, pesantren.legal_entity_name) == (
        "Pesantren Darul Ulum Contoh",
        "Kopontren Darul Ulum",
    )
    assert mail.outbox[0].subject.endswith("Pesantren Darul Ulum Contoh")


@pytest.mark.django_db(transaction=True)
def test_two_submits_at_once_open_one_pesantren_and_refuse_the_other():
    from pesantren import services
    from tests.concurrency import run_concurrently

    user = UserFactory()
    fields = {
        key: value
        for key, value in application().items()
        if key not in {"nib", "tax_number", "whatsapp_number", "bank_account_number"}
    }

    def submit():
        return services.submit_application(applicant=user, **fields)

    results = run_concurrently(submit, submit)

    assert Pesantren.objects.count() == 1
    assert Membership.objects.filter(user=user).count() == 1
    refused = [r for r in results if not isinstance(r, Pesantren)]
    assert len(refused) == 1
    assert getattr(refused[0], "code", None) == "already_member"


@pytest.mark.django_db(transaction=True)
def test_two_pesantren_of_one_name_applying_at_once_get_two_slugs():
    from pesantren import services
    from tests.concurrency import run_concurrently

    first, second = UserFactory(), UserFactory()
    fields = {
        key: value
        for key, value in application().items()
        if key not in {"nib", "tax_number", "whatsapp_number", "bank_account_number"}
    }

    results = run_concurrently(
        lambda: services.submit_application(applicant=first, **fields),
        lambda: services.submit_application(applicant=second, **fields),
    )

    assert all(isinstance(result, Pesantren) for result in results), results
    assert sorted(Pesantren.objects.values_list("slug", flat=True)) == [
        "pesantren-darul-ulum-contoh",
        "pesantren-darul-ulum-contoh-2",
    ]
