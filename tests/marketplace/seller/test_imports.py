"""Bulk import: template, check with per-row errors, Celery run with progress."""

import io
import zipfile
from decimal import Decimal

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import DatabaseError

from forks.catalogue.models import Product
from forks.partner.models import StockRecord
from marketplace.models import ProductImport, StockChange
from marketplace.seller import imports
from pesantren.models import Pesantren
from tests.factories import PesantrenFactory, make_product

pytestmark = pytest.mark.django_db

HEADER = "SKU;Nama produk;Kategori;Harga;Stok;Berat (gram);Kondisi;Tayang"


def csv_file(*lines, header=HEADER, name="produk.csv"):
    content = "\n".join([header, *lines]).encode("utf-8")
    return SimpleUploadedFile(name, content, content_type="text/csv")


def xlsx_file(rows, name="produk.xlsx"):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue())


def upload(seller, file):
    response = seller.post("/seller/imports/", {"file": file})
    return response, ProductImport.objects.order_by("-pk").first()


def start(seller, product_import, capture):
    with capture(execute=True):
        return seller.post(f"/seller/imports/{product_import.pk}/start/")


def test_xlsx_template_has_the_indonesian_headers_and_the_categories(seller, craft):
    response = seller.get("/seller/imports/template.xlsx")

    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    assert (
        response["Content-Disposition"]
        == 'attachment; filename="template-produk-kesan.xlsx"'
    )
    assert workbook.sheetnames == ["Produk", "Petunjuk", "Kategori"]
    assert [cell.value for cell in workbook["Produk"][1]] == [
        "SKU",
        "Nama produk",
        "Kategori",
        "Harga",
        "Stok",
        "Berat (gram)",
        "Panjang (cm)",
        "Lebar (cm)",
        "Tinggi (cm)",
        "Kondisi",
        "Deskripsi",
        "No. sertifikat halal",
        "No. P-IRT",
        "No. BPOM",
        "Tayang",
    ]
    assert [row[0].value for row in workbook["Kategori"].iter_rows(min_row=2)] == [
        "Kerajinan › Anyaman & Kayu"
    ]


def test_csv_template_is_the_header_row(seller):
    response = seller.get("/seller/imports/template.csv")

    assert response.content.decode("utf-8-sig").splitlines() == [
        "SKU,Nama produk,Kategori,Harga,Stok,Berat (gram),Panjang (cm),Lebar (cm),"
        "Tinggi (cm),Kondisi,Deskripsi,No. sertifikat halal,No. P-IRT,No. BPOM,Tayang"
    ]


def test_check_lists_each_rows_problems_and_saves_nothing(
    seller, pesantren, craft, coffee
):
    make_product(pesantren, title="Sudah ada").stockrecords.update(partner_sku="ADA-1")
    file = csv_file(
        "TAS-1;Tas Pandan;Anyaman & Kayu;95.000;10;350;baru;ya",
        "TAS-2;;Anyaman & Kayu;95,5;-1;;rusak;mungkin",
        "TAS-1;Tas Lagi;Kerajinan › Anyaman & Kayu;1000;1;1;bekas;tidak",
        "KOPI-1;Kopi;Kopi & Teh;45.000;5;260;baru;ya",
        "ADA-1;;;12.000;;;;",
        "X-1;Barang;Tidak Ada;1000;1;1;;",
    )

    response, product_import = upload(seller, file)

    assert response.status_code == 302
    assert response.url == f"/seller/imports/{product_import.pk}/"
    assert product_import.status == "checked"
    assert product_import.row_count == 6
    assert product_import.row_errors == [
        {
            "line": 3,
            "sku": "TAS-2",
            "messages": [
                "Nama produk: A new product needs a name.",
                "Harga: Rupiah prices have no cents: write 150,000.",
                "Stok: Ensure this value is greater than or equal to 0.",
                "Kondisi: Write baru or bekas.",
                "Tayang: Write ya or tidak.",
            ],
        },
        {"line": 4, "sku": "TAS-1", "messages": ["SKU TAS-1 is already on line 2."]},
        {
            "line": 5,
            "sku": "KOPI-1",
            "messages": [
                "Cannot be published: Add the halal certificate number.",
                "Cannot be published: Add a P-IRT number or a BPOM MD/ML number.",
            ],
        },
        {
            "line": 7,
            "sku": "X-1",
            "messages": [
                "Kategori: Unknown category “Tidak Ada”: use a name from the Kategori "
                "sheet."
            ],
        },
    ]
    assert [row["action"] for row in product_import.rows] == [
        "create",
        "create",
        "create",
        "create",
        "update",
        "create",
    ]
    assert Product.objects.count() == 1
    page = seller.get(response.url)
    assert page.context["summary"]["creates"] == 1
    assert page.context["summary"]["updates"] == 1
    assert "Line 3" in page.content.decode()


def test_import_creates_and_updates_by_sku_in_celery(
    seller, pesantren, owner, craft, django_capture_on_commit_callbacks
):
    existing = make_product(
        pesantren, title="Peci Lama", price=Decimal("40000"), num_in_stock=3
    )
    existing.stockrecords.update(partner_sku="PECI-1")
    _response, product_import = upload(
        seller,
        csv_file(
            "TAS-1;Tas Pandan;Anyaman & Kayu;95.000;10;350;baru;ya",
            "PECI-1;;;45.000;7;;;",
        ),
    )

    response = start(seller, product_import, django_capture_on_commit_callbacks)

    assert response.status_code == 302
    product_import.refresh_from_db()
    assert (
        product_import.status,
        product_import.processed_count,
        product_import.created_count,
        product_import.updated_count,
        product_import.failed_count,
    ) == ("done", 2, 1, 1, 0)
    tas = Product.objects.get(title="Tas Pandan")
    assert (tas.is_public, tas.weight_grams, list(tas.categories.all())) == (
        True,
        350,
        [craft],
    )
    stockrecord = tas.stockrecords.get()
    assert (stockrecord.partner, stockrecord.price, stockrecord.num_in_stock) == (
        pesantren.partner,
        Decimal("95000"),
        10,
    )
    existing.refresh_from_db()
    peci = existing.stockrecords.get()
    assert (existing.title, peci.price, peci.num_in_stock) == (
        "Peci Lama",
        Decimal("45000"),
        7,
    )
    assert list(
        StockChange.objects.filter(source="import")
        .order_by("pk")
        .values_list("old_level", "new_level", "user")
    ) == [(None, 10, owner.pk), (3, 7, owner.pk)]


def test_xlsx_numbers_are_read_as_typed(
    seller, craft, django_capture_on_commit_callbacks
):
    file = xlsx_file(
        [
            ["SKU", "Nama produk", "Kategori", "Harga", "Stok", "Berat (gram)"],
            ["K-1", "Kaligrafi", "anyaman-kayu", 220000, 4.0, 900],
            [None, None, None, None, None, None],
        ]
    )

    _response, product_import = upload(seller, file)
    start(seller, product_import, django_capture_on_commit_callbacks)

    assert product_import.row_errors == []
    stockrecord = StockRecord.objects.get()
    assert (stockrecord.partner_sku, stockrecord.price, stockrecord.num_in_stock) == (
        "K-1",
        Decimal("220000"),
        4,
    )


def test_same_sku_of_another_pesantren_is_never_touched(
    seller, pesantren, django_capture_on_commit_callbacks
):
    theirs = make_product(PesantrenFactory(), title="Milik B", num_in_stock=9)
    theirs.stockrecords.update(partner_sku="SAMA")

    _response, product_import = upload(seller, csv_file("SAMA;Milik A;;1.000;1;;;"))
    start(seller, product_import, django_capture_on_commit_callbacks)

    theirs.refresh_from_db()
    assert (theirs.title, theirs.stockrecords.get().num_in_stock) == ("Milik B", 9)
    mine = StockRecord.objects.get(partner=pesantren.partner, partner_sku="SAMA")
    assert mine.product.title == "Milik A"


def test_a_row_that_fails_while_saving_leaves_no_half_product(
    seller, monkeypatch, django_capture_on_commit_callbacks
):
    _response, product_import = upload(
        seller,
        csv_file(
            "OK-1;Pertama;;1.000;1;;;",
            "RUSAK;Kedua;;1.000;1;;;",
            "OK-2;Ketiga;;1.000;1;;;",
        ),
    )
    create_change = StockChange.objects.create

    def failing_for_the_second(**fields):
        if fields["stockrecord"].partner_sku == "RUSAK":
            raise DatabaseError("disk full")
        return create_change(**fields)

    monkeypatch.setattr(StockChange.objects, "create", failing_for_the_second)
    start(seller, product_import, django_capture_on_commit_callbacks)

    product_import.refresh_from_db()
    assert sorted(Product.objects.values_list("title", flat=True)) == [
        "Ketiga",
        "Pertama",
    ]
    assert StockRecord.objects.filter(partner_sku="RUSAK").exists() is False
    assert (product_import.created_count, product_import.failed_count) == (2, 1)
    assert product_import.run_errors == [
        {"line": 3, "sku": "RUSAK", "messages": ["This row could not be saved."]}
    ]


def test_five_hundred_rows_import_with_progress(
    seller, pesantren, craft, django_capture_on_commit_callbacks
):
    lines = [
        f"B-{n:03d};Produk {n};Anyaman & Kayu;{1000 + n};{n % 7};250;baru;ya"
        for n in range(500)
    ]
    _response, product_import = upload(seller, csv_file(*lines))

    page_before = seller.get(f"/seller/imports/{product_import.pk}/")
    start(seller, product_import, django_capture_on_commit_callbacks)
    progress = seller.get(f"/seller/imports/{product_import.pk}/progress/").json()

    assert "Import 500 rows" in page_before.content.decode()
    assert progress == {
        "status": "done",
        "processed": 500,
        "total": 500,
        "percent": 100,
        "created": 500,
        "updated": 0,
        "failed": 0,
        "finished": True,
        "label": "500 of 500 rows",
    }
    assert StockRecord.objects.filter(partner=pesantren.partner).count() == 500
    assert Product.objects.filter(is_public=True).count() == 500


def test_progress_is_written_while_the_import_runs(
    seller, monkeypatch, django_capture_on_commit_callbacks
):
    seen = []
    original = imports.import_row

    def watching(pesantren, values, **kwargs):
        seen.append(
            ProductImport.objects.values_list("status", "processed_count").get()
        )
        return original(pesantren, values, **kwargs)

    monkeypatch.setattr(imports, "import_row", watching)
    lines = [f"P-{n:02d};Produk {n};;1.000;1;;;" for n in range(25)]
    _response, product_import = upload(seller, csv_file(*lines))
    start(seller, product_import, django_capture_on_commit_callbacks)

    assert seen[0] == ("running", 0)
    assert seen[10] == ("running", 10)
    assert seen[24] == ("running", 20)


def test_an_import_runs_once(seller, django_capture_on_commit_callbacks):
    _response, product_import = upload(seller, csv_file("A-1;Satu;;1.000;1;;;"))

    start(seller, product_import, django_capture_on_commit_callbacks)
    start(seller, product_import, django_capture_on_commit_callbacks)
    imports.run_import(product_import.pk)

    assert Product.objects.count() == 1


def test_a_pending_pesantren_imports_drafts_only(
    client, english, media_root, django_capture_on_commit_callbacks
):
    from tests.factories import make_member

    owner = make_member(PesantrenFactory(status=Pesantren.Status.PENDING))
    client.force_login(owner)
    _response, product_import = upload(client, csv_file("A-1;Satu;;1.000;1;100;;ya"))
    start(client, product_import, django_capture_on_commit_callbacks)

    assert product_import.row_errors == []
    assert Product.objects.get().is_public is False


@pytest.mark.parametrize(
    ("file", "message"),
    [
        (
            SimpleUploadedFile("produk.txt", b"x"),
            "Upload the template as an .xlsx or .csv file.",
        ),
        (
            SimpleUploadedFile("produk.csv", b"Nama;Harga\nA;1"),
            "The first row must hold the column names of the template; SKU is missing.",
        ),
        (
            SimpleUploadedFile("produk.csv", HEADER.encode()),
            "The file has no product rows.",
        ),
        (
            SimpleUploadedFile("produk.xlsx", b"PK\x03\x04 not really a workbook"),
            "This .xlsx file cannot be read. Save it again from Excel or Google "
            "Sheets.",
        ),
        (
            csv_file("KOPI-1;Kopi\x00;;45.000;5;;;"),
            "This .csv file cannot be read. Save it again from Excel or Google Sheets.",
        ),
        (
            csv_file("KOPI-1;" + "x" * 200_000 + ";;45.000;5;;;"),
            "This .csv file cannot be read. Save it again from Excel or Google Sheets.",
        ),
        (
            # Neither UTF-8 nor Windows-1252 (0x81 is undefined there): a
            # binary file renamed .csv.
            SimpleUploadedFile("produk.csv", HEADER.encode() + b"\nKOPI-1;\x81\x8d"),
            "This .csv file cannot be read. Save it again from Excel or Google Sheets.",
        ),
    ],
    ids=[
        "other-type",
        "no-header",
        "no-rows",
        "not-a-workbook",
        "nul-character",
        "overlong-cell",
        "undecodable",
    ],
)
def test_an_unusable_file_is_refused_with_a_reason(seller, file, message):
    response = seller.post("/seller/imports/", {"file": file})

    assert response.status_code == 200
    assert response.context["file_errors"] == [message]
    assert ProductImport.objects.count() == 0


def test_a_workbook_that_unpacks_to_more_than_the_limit_is_refused_unread(
    seller, settings
):
    # Given an .xlsx of a few kilobytes whose one cell unpacks to 25 MB (a
    # 2 MB one could unpack to 2 GB and exhaust the worker's memory)
    workbook = openpyxl.Workbook()
    workbook.active.append(["SKU", "Nama produk", "Harga", "Stok"])
    workbook.active.append(["KOPI-1", "HUGE", 45000, 5])
    packed = io.BytesIO()
    workbook.save(packed)
    bomb = io.BytesIO()
    with (
        zipfile.ZipFile(packed) as source,
        zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for member in source.infolist():
            data = source.read(member.filename)
            if b"HUGE" in data:
                data = data.replace(b"HUGE", b"x" * (25 * 1024 * 1024))
            target.writestr(member, data)

    # When it is uploaded
    response = seller.post(
        "/seller/imports/",
        {"file": SimpleUploadedFile("produk.xlsx", bomb.getvalue())},
    )

    # Then it is refused like any unreadable workbook, and nothing is stored
    assert len(bomb.getvalue()) < settings.MARKETPLACE_IMPORT_MAX_BYTES
    assert response.context["file_errors"] == [
        "This .xlsx file cannot be read. Save it again from Excel or Google Sheets."
    ]
    assert ProductImport.objects.count() == 0


def test_too_many_rows_are_refused(seller, settings):
    settings.MARKETPLACE_IMPORT_MAX_ROWS = 3

    response = seller.post(
        "/seller/imports/", {"file": csv_file(*[f"S{n};P;;1;1;;;" for n in range(4)])}
    )

    assert response.context["file_errors"] == [
        "The file has more than 3 products; split it into smaller files."
    ]
