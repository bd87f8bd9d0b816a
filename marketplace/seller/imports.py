"""Bulk import of products from the KESAN spreadsheet (XLSX or CSV).

Three steps: ``check_file`` reads and checks every row and stores them with
their errors (nothing else is written); the seller confirms and
``start_import`` queues the Celery task; ``run_import`` saves each valid row
in its own transaction, so a row that fails leaves no half product, and
writes its progress for the page to poll.

Rows match products by SKU, within the pesantren only. An empty cell leaves
an existing product's value as it is.
"""

import csv
import io
import logging
import re
import zipfile
from types import SimpleNamespace

import openpyxl
from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from openpyxl.styles import Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation

from forks.catalogue.models import Category, Product
from forks.partner.models import StockRecord
from marketplace import tasks
from marketplace.fields import RupiahField
from marketplace.models import ProductImport, StockChange
from marketplace.seller import rules, selectors
from marketplace.seller.forms import (
    MAX_PRICE,
    MAX_STOCK,
    MIN_PRICE,
    clean_bpom_number,
    clean_halal_number,
    clean_pirt_number,
    prohibited_message,
)
from marketplace.seller.services import PRODUCT_FIELDS, ProductData, save_product

logger = logging.getLogger(__name__)

# (field, column header). The headers are the file format, Indonesian in
# every UI language, so a file made by one seller reads the same for all.
COLUMNS = [
    ("sku", "SKU"),
    ("title", "Nama produk"),
    ("category", "Kategori"),
    ("price", "Harga"),
    ("stock", "Stok"),
    ("weight_grams", "Berat (gram)"),
    ("length_cm", "Panjang (cm)"),
    ("width_cm", "Lebar (cm)"),
    ("height_cm", "Tinggi (cm)"),
    ("condition", "Kondisi"),
    ("description", "Deskripsi"),
    ("halal_certificate_number", "No. sertifikat halal"),
    ("pirt_number", "No. P-IRT"),
    ("bpom_number", "No. BPOM"),
    ("publish", "Tayang"),
]
_ALIASES = {
    "kode": "sku",
    "kodeproduk": "sku",
    "nama": "title",
    "judul": "title",
    "hargarp": "price",
    "stock": "stock",
    "berat": "weight_grams",
    "beratg": "weight_grams",
    "panjang": "length_cm",
    "lebar": "width_cm",
    "tinggi": "height_cm",
    "sertifikathalal": "halal_certificate_number",
    "halal": "halal_certificate_number",
    "nosertifikat": "halal_certificate_number",
    "pirt": "pirt_number",
    "nopirt": "pirt_number",
    "bpom": "bpom_number",
    "nobpom": "bpom_number",
    "tayangkan": "publish",
}
YES = {"ya", "y", "yes", "1", "true", "tayang"}
NO = {"tidak", "t", "no", "n", "0", "false", ""}
CONDITIONS = {
    "baru": Product.Condition.NEW,
    "new": Product.Condition.NEW,
    "bekas": Product.Condition.USED,
    "used": Product.Condition.USED,
}
MAX_COLUMNS = 40


def _normalise(header):
    return re.sub(r"[^a-z0-9]", "", str(header or "").lower())


HEADER_KEYS = {_normalise(label): key for key, label in COLUMNS} | _ALIASES


# Reading the file ----------------------------------------------------------


def read_rows(uploaded):
    """Return [{"line": n, "values": {field: text}}] from an XLSX or CSV upload.

    Raise ValidationError for a file that cannot be read as the template.
    """
    if uploaded.size > settings.MARKETPLACE_IMPORT_MAX_BYTES:
        raise ValidationError(
            _("The file is too large: at most 2 MB."), code="too_large"
        )
    name = (uploaded.name or "").lower()
    limit = settings.MARKETPLACE_IMPORT_MAX_ROWS
    if name.endswith(".xlsx"):
        table = _xlsx_table(uploaded, limit + 2)
    elif name.endswith(".csv"):
        table = _csv_table(uploaded, limit + 2)
    else:
        raise ValidationError(
            _("Upload the template as an .xlsx or .csv file."), code="wrong_type"
        )
    if not table:
        raise ValidationError(_("The file is empty."), code="empty")

    keys = [HEADER_KEYS.get(_normalise(cell)) for cell in table[0][:MAX_COLUMNS]]
    if "sku" not in keys:
        raise ValidationError(
            _(
                "The first row must hold the column names of the template; SKU is "
                "missing."
            ),
            code="no_header",
        )
    rows = []
    for line, cells in enumerate(table[1:], start=2):
        values = {
            key: _text(cell) for key, cell in zip(keys, cells, strict=False) if key
        }
        if any(values.values()):
            rows.append({"line": line, "values": values})
    if not rows:
        raise ValidationError(_("The file has no product rows."), code="no_rows")
    if len(rows) > limit:
        raise ValidationError(
            _(
                "The file has more than %(limit)s products; split it into smaller "
                "files."
            ),
            code="too_many_rows",
            params={"limit": limit},
        )
    return rows


def _xlsx_table(uploaded, limit):
    try:
        # An .xlsx is a zip: a 2 MB upload can unpack to gigabytes, which
        # openpyxl would hold in memory (a cell's text is read whole).
        with zipfile.ZipFile(uploaded) as archive:
            unpacked = sum(member.file_size for member in archive.infolist())
        if unpacked > settings.MARKETPLACE_IMPORT_MAX_UNPACKED_BYTES:
            raise ValueError(f"unpacks to {unpacked} bytes")
        uploaded.seek(0)
        workbook = openpyxl.load_workbook(uploaded, read_only=True, data_only=True)
        sheet = workbook.worksheets[0]
        table = []
        # Read-only mode streams rows, and the limit bounds what a crafted
        # file can make us unpack.
        for cells in sheet.iter_rows(values_only=True, max_col=MAX_COLUMNS):
            table.append(list(cells))
            if len(table) > limit:
                break
        workbook.close()
    except Exception:
        logger.info("unreadable xlsx upload %s", uploaded.name, exc_info=True)
        raise ValidationError(
            _(
                "This .xlsx file cannot be read. Save it again from Excel or Google "
                "Sheets."
            ),
            code="unreadable",
        ) from None
    return table


def _csv_table(uploaded, limit):
    unreadable = ValidationError(
        _("This .csv file cannot be read. Save it again from Excel or Google Sheets."),
        code="unreadable",
    )
    raw = uploaded.read()
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = raw.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise unreadable
    # No spreadsheet writes NUL (and PostgreSQL cannot store it): not a text file.
    if "\x00" in text:
        raise unreadable
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    table = []
    try:
        for cells in csv.reader(io.StringIO(text), dialect):
            table.append(cells)
            if len(table) > limit:
                break
    except csv.Error:
        # A cell longer than csv.field_size_limit(), e.g. an unclosed quote.
        raise unreadable from None
    return table


def _text(cell):
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell).strip()


# Checking one row ----------------------------------------------------------


class Categories:
    """Categories found by slug, name or "Parent › Name" label, any case;
    prohibited ones are found too, to be refused by name."""

    def __init__(self, rule_paths=None):
        self.rule_paths = rule_paths or rules.legality_rule_paths()
        self.by_key, self.prohibited = {}, {}
        for category, label in selectors.category_choices(self.rule_paths):
            for key in (category.slug, category.name, label, label.replace("›", ">")):
                self.by_key.setdefault(_normalise(key), category)
        banned = [
            path for path, rule in self.rule_paths.items() if rule.prohibited
        ]
        for category in Category.objects.filter(path__in=banned):
            for key in (category.slug, category.name):
                self.prohibited.setdefault(_normalise(key), category)

    def find(self, text):
        return self.by_key.get(_normalise(text))

    def find_prohibited(self, text):
        """(category, rule) of a prohibited category named ``text``, or None."""
        category = self.prohibited.get(_normalise(text))
        return (category, self.rule_paths[category.path]) if category else None


class ImportRowForm(forms.Form):
    """One row of the file. For a new product the name, price and stock are
    required; for an existing one every empty cell means "keep"."""

    sku = forms.CharField(max_length=64)
    title = forms.CharField(max_length=255, required=False)
    category = forms.CharField(required=False)
    price = RupiahField(required=False, min_value=MIN_PRICE, max_value=MAX_PRICE)
    stock = forms.IntegerField(required=False, min_value=0, max_value=MAX_STOCK)
    weight_grams = forms.IntegerField(required=False, min_value=1, max_value=1_000_000)
    length_cm = forms.IntegerField(required=False, min_value=0, max_value=10_000)
    width_cm = forms.IntegerField(required=False, min_value=0, max_value=10_000)
    height_cm = forms.IntegerField(required=False, min_value=0, max_value=10_000)
    condition = forms.CharField(required=False)
    description = forms.CharField(required=False)
    halal_certificate_number = forms.CharField(required=False, max_length=64)
    pirt_number = forms.CharField(required=False, max_length=32)
    bpom_number = forms.CharField(required=False, max_length=32)
    publish = forms.CharField(required=False)

    column_names = dict(COLUMNS)
    required_for_new = {
        "title": gettext_lazy("A new product needs a name."),
        "price": gettext_lazy("A new product needs a price."),
        "stock": gettext_lazy("A new product needs a stock number."),
    }

    def __init__(self, values, *, existing, categories):
        self.existing, self.categories = existing, categories
        super().__init__(data=values)

    def clean_category(self):
        text = self.cleaned_data["category"]
        if not text:
            return None
        category = self.categories.find(text)
        banned = self.categories.find_prohibited(text) if category is None else None
        if banned is not None:
            raise ValidationError(
                prohibited_message(*banned), code="prohibited_category"
            )
        if category is None:
            raise ValidationError(
                _("Unknown category “%(name)s”: use a name from the Kategori sheet."),
                code="unknown_category",
                params={"name": text},
            )
        return category

    def clean_condition(self):
        text = self.cleaned_data["condition"].lower()
        if text and text not in CONDITIONS:
            raise ValidationError(_("Write baru or bekas."), code="condition")
        return CONDITIONS.get(text)

    def clean_publish(self):
        text = self.cleaned_data["publish"].lower()
        if text not in YES | NO:
            raise ValidationError(_("Write ya or tidak."), code="publish")
        return text in YES if text else None

    def clean_pirt_number(self):
        return clean_pirt_number(self.cleaned_data["pirt_number"])

    def clean_bpom_number(self):
        return clean_bpom_number(self.cleaned_data["bpom_number"])

    def clean_halal_certificate_number(self):
        return clean_halal_number(self.cleaned_data["halal_certificate_number"])

    def clean(self):
        cleaned = super().clean()
        if self.existing is None:
            for name, message in self.required_for_new.items():
                if name not in self.errors and cleaned.get(name) in (None, ""):
                    self.add_error(name, str(message))
        return cleaned

    def messages(self):
        """Each error as "Column: message", in column order."""
        found = []
        for name, _label in COLUMNS:
            for message in self.errors.get(name, []):
                found.append(f"{self.column_names[name]}: {message}")
        return found

    def product_data(self):
        """ProductData with only the cells that were filled in."""
        data = self.cleaned_data
        typed = {name for name, value in self.data.items() if value != ""}
        fields = {
            name: data[name]
            for name in PRODUCT_FIELDS
            if name in typed and name in data and data[name] is not None
        }
        if self.existing is None:
            fields.setdefault("condition", Product.Condition.NEW)
        return ProductData(
            fields=fields,
            price=data["price"],
            stock=data["stock"],
            sku=data["sku"],
            category=data["category"],
            publish=data["publish"],
        )


def _publish_gaps(form, existing, rule_paths):
    """Blocking gaps the product would have after the row, if it asks to publish."""
    data = form.product_data()
    merged = {name: getattr(existing, name, None) for name in PRODUCT_FIELDS}
    merged.update(data.fields)
    # An expired certificate still counts while the row keeps its number.
    merged["certificate_expired"] = bool(
        getattr(existing, "certificate_expired", False)
        and merged["halal_certificate_number"]
        == getattr(existing, "halal_certificate_number", None)
    )
    category_path = (
        data.category.path
        if data.category
        else getattr(existing, "category_path", None)
    )
    gaps = rules.find_gaps(
        SimpleNamespace(**merged),
        price=data.price
        if data.price is not None
        else getattr(existing, "stock_price", None),
        category_path=category_path,
        has_image=True,
        rule_paths=rule_paths,
    )
    return rules.blocking_gaps(gaps)


def check_rows(pesantren, rows):
    """Return the errors of ``rows`` as [{"line", "sku", "messages"}] and
    mark each row "create" or "update"."""
    skus = [row["values"].get("sku", "") for row in rows]
    existing = {
        product.sku: product
        for product in selectors.with_seller_data(
            selectors.products_of(pesantren)
        ).filter(sku__in=skus)
    }
    rule_paths = rules.legality_rule_paths()
    categories = Categories(rule_paths)
    seen, errors = {}, []
    for row in rows:
        sku = row["values"].get("sku", "")
        product = existing.get(sku)
        row["action"] = "update" if product else "create"
        form = ImportRowForm(row["values"], existing=product, categories=categories)
        messages = [] if form.is_valid() else form.messages()
        if sku and sku in seen:
            messages.append(
                _("SKU %(sku)s is already on line %(line)s.")
                % {"sku": sku, "line": seen[sku]}
            )
        seen.setdefault(sku, row["line"])
        if not messages and pesantren.can_publish and form.cleaned_data["publish"]:
            messages = [
                _("Cannot be published: %(gap)s.") % {"gap": gap.message}
                for gap in _publish_gaps(form, product, rule_paths)
            ]
        if messages:
            errors.append({"line": row["line"], "sku": sku, "messages": messages})
    return errors


@transaction.atomic
def check_file(pesantren, uploaded, *, user):
    """Read and check an uploaded file; store it as a ProductImport to confirm.

    Raise ValidationError if the file itself cannot be read.
    """
    rows = read_rows(uploaded)
    errors = check_rows(pesantren, rows)
    return ProductImport.objects.create(
        pesantren=pesantren,
        created_by=user,
        file_name=(uploaded.name or "")[:255],
        rows=rows,
        row_errors=errors,
        row_count=len(rows),
    )


@transaction.atomic
def start_import(product_import):
    """Queue a checked import once; return False if it was already started."""
    started = ProductImport.objects.filter(
        pk=product_import.pk, status=ProductImport.Status.CHECKED
    ).update(status=ProductImport.Status.QUEUED)
    if started:
        transaction.on_commit(lambda: tasks.run_product_import.delay(product_import.pk))
    return bool(started)


# Running -------------------------------------------------------------------

PROGRESS_EVERY = 10


def run_import(import_id):
    """Import the valid rows of a queued ProductImport (the Celery task's body).

    Runs outside any request transaction: each row commits or rolls back on
    its own, and progress is written as it goes.
    """
    claimed = ProductImport.objects.filter(
        pk=import_id, status=ProductImport.Status.QUEUED
    ).update(status=ProductImport.Status.RUNNING, date_started=timezone.now())
    if not claimed:
        logger.warning("import %s: not queued, nothing done", import_id)
        return
    product_import = ProductImport.objects.select_related(
        "pesantren", "created_by"
    ).get(pk=import_id)
    pesantren, user = product_import.pesantren, product_import.created_by
    skipped = {error["line"] for error in product_import.row_errors}
    rows = [row for row in product_import.rows if row["line"] not in skipped]
    categories = Categories()
    counts = {"created_count": 0, "updated_count": 0, "failed_count": 0}
    run_errors = []

    for done, row in enumerate(rows, start=1):
        try:
            with transaction.atomic():
                created = import_row(
                    pesantren, row["values"], user=user, categories=categories
                )
            counts["created_count" if created else "updated_count"] += 1
        except ValidationError as error:
            counts["failed_count"] += 1
            run_errors.append(_row_error(row, error.messages))
        except DatabaseError:
            logger.exception(
                "import %s line %s could not be saved", import_id, row["line"]
            )
            counts["failed_count"] += 1
            run_errors.append(_row_error(row, [_("This row could not be saved.")]))
        if done % PROGRESS_EVERY == 0:
            ProductImport.objects.filter(pk=import_id).update(
                processed_count=done, **counts
            )

    ProductImport.objects.filter(pk=import_id).update(
        status=ProductImport.Status.DONE,
        processed_count=len(rows),
        run_errors=run_errors,
        date_finished=timezone.now(),
        **counts,
    )
    logger.info("import %s done for %s", import_id, pesantren.slug, extra=counts)


def _row_error(row, messages):
    return {
        "line": row["line"],
        "sku": row["values"].get("sku", ""),
        "messages": messages,
    }


def import_row(pesantren, values, *, user, categories):
    """Save one row, inside the caller's transaction; return True if created.

    The row is checked again: the catalogue may have changed since the preview.
    """
    sku = values.get("sku", "")
    existing = (
        selectors.with_seller_data(selectors.products_of(pesantren))
        .filter(sku=sku)
        .first()
    )
    if existing is not None:
        # Lock the stockrecord so a quick edit cannot interleave with the row.
        StockRecord.objects.select_for_update().get(pk=existing.stockrecord_pk)
    form = ImportRowForm(values, existing=existing, categories=categories)
    if not form.is_valid():
        raise ValidationError(form.messages())
    data = form.product_data()
    if not pesantren.can_publish:
        data.publish = None
    save_product(
        pesantren, data, user=user, product=existing, source=StockChange.Source.IMPORT
    )
    return existing is None


# The template --------------------------------------------------------------


def template_csv():
    buffer = io.StringIO()
    csv.writer(buffer).writerow([label for _key, label in COLUMNS])
    # The BOM makes Excel open the file as UTF-8.
    return "\ufeff" + buffer.getvalue()


def template_xlsx():
    """The import template: a Produk sheet, the instructions, the categories."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Produk"
    sheet.append([label for _key, label in COLUMNS])
    header_fill = PatternFill("solid", fgColor="E3F2EB")
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = header_fill
    for column, (_key, label) in zip(
        sheet.iter_cols(min_row=1, max_row=1), COLUMNS, strict=True
    ):
        sheet.column_dimensions[column[0].column_letter].width = max(12, len(label) + 4)
    sheet.freeze_panes = "A2"
    for values, column in (('"baru,bekas"', "J"), ('"ya,tidak"', "O")):
        validation = DataValidation(type="list", formula1=values, allow_blank=True)
        sheet.add_data_validation(validation)
        validation.add(f"{column}2:{column}{settings.MARKETPLACE_IMPORT_MAX_ROWS + 1}")

    guide = workbook.create_sheet("Petunjuk")
    guide.column_dimensions["A"].width = 110
    for line in _guide_lines():
        guide.append([line])
    guide["A1"].font = Font(bold=True, size=13)

    listing = workbook.create_sheet("Kategori")
    listing.append([_("Category (copy into the Kategori column)")])
    listing["A1"].font = Font(bold=True)
    listing.column_dimensions["A"].width = 60
    for _category, label in selectors.category_choices():
        listing.append([label])

    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _guide_lines():
    return [
        _("How to fill in the KESAN product template"),
        "",
        _(
            "One product per row on the Produk sheet. Keep the first row (the column "
            "names)."
        ),
        _(
            "SKU: your own code for the product. A SKU you already use updates that "
            "product; "
            "a new SKU adds a product."
        ),
        _("For a new product, Nama produk, Harga and Stok are required."),
        _("When updating, an empty cell keeps the current value."),
        _("Harga: whole rupiah, written 150.000 or 150000."),
        _("Kategori: copy a name from the Kategori sheet."),
        _("Kondisi: baru or bekas. Tayang: ya to publish, tidak to keep it hidden."),
        _(
            "Food and drink need the halal certificate number and a P-IRT or BPOM "
            "MD/ML number before they can be published; cosmetics a BPOM NA number; "
            "herbal medicine a BPOM TR number."
        ),
        _(
            "Photos are added afterwards, from each product's page in the seller "
            "dashboard."
        ),
        "",
        _("Example:"),
        "SKU: KOPI-250 | Nama produk: Kopi Robusta 250 g | Kategori: Kopi & Teh | "
        "Harga: 45.000 | Stok: 20 | Berat (gram): 260 | Kondisi: baru | Tayang: ya",
    ]
