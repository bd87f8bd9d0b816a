"""What the seller dashboard stores beyond Oscar's tables: the audit trail
of stock changes and the sellers' bulk imports."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class StockChange(models.Model):
    """One change of a stockrecord's level: who, when, from what, to what."""

    class Source(models.TextChoices):
        QUICK_EDIT = "quick_edit", _("Quick edit")
        PRODUCT_FORM = "product_form", _("Product form")
        IMPORT = "import", _("Bulk import")

    stockrecord = models.ForeignKey(
        "partner.StockRecord", on_delete=models.CASCADE, related_name="changes"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("By"),
    )
    # None when the stockrecord is created by this change.
    old_level = models.PositiveIntegerField(_("Before"), null=True, blank=True)
    new_level = models.PositiveIntegerField(_("After"))
    source = models.CharField(_("Through"), max_length=16, choices=Source.choices)
    date_created = models.DateTimeField(_("When"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-date_created", "-id"]
        verbose_name = _("stock change")
        verbose_name_plural = _("stock changes")

    def __str__(self):
        return f"{self.stockrecord_id}: {self.old_level} → {self.new_level}"


class ProductImport(models.Model):
    """A spreadsheet of products a seller uploaded, checked, then imported.

    The rows are kept as read from the file, so the Celery task that imports
    them works from the database alone (no shared file storage needed).
    """

    class Status(models.TextChoices):
        CHECKED = "checked", _("Checked, waiting for confirmation")
        QUEUED = "queued", _("Waiting to start")
        RUNNING = "running", _("Importing")
        DONE = "done", _("Finished")

    pesantren = models.ForeignKey(
        "pesantren.Pesantren", on_delete=models.CASCADE, related_name="product_imports"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    file_name = models.CharField(_("File"), max_length=255)
    status = models.CharField(
        _("Status"), max_length=8, choices=Status.choices, default=Status.CHECKED
    )
    # [{"line": 2, "values": {"sku": "...", ...}}], in file order.
    rows = models.JSONField(default=list)
    # [{"line": 2, "sku": "...", "messages": ["..."]}], found when checking
    # the file, then those of rows that failed while importing.
    row_errors = models.JSONField(default=list)
    run_errors = models.JSONField(default=list)
    row_count = models.PositiveIntegerField(default=0)
    processed_count = models.PositiveIntegerField(default=0)
    created_count = models.PositiveIntegerField(default=0)
    updated_count = models.PositiveIntegerField(default=0)
    failed_count = models.PositiveIntegerField(default=0)
    date_created = models.DateTimeField(_("Uploaded"), auto_now_add=True)
    date_started = models.DateTimeField(_("Started"), null=True, blank=True)
    date_finished = models.DateTimeField(_("Finished"), null=True, blank=True)

    class Meta:
        ordering = ["-date_created", "-id"]
        verbose_name = _("product import")
        verbose_name_plural = _("product imports")

    def __str__(self):
        return f"{self.pesantren} · {self.file_name}"

    @property
    def valid_lines(self):
        """Line numbers of the rows that passed the check."""
        failed = {error["line"] for error in self.row_errors}
        return [row["line"] for row in self.rows if row["line"] not in failed]

    @property
    def to_import_count(self):
        return self.row_count - len(self.row_errors)

    @property
    def percent(self):
        total = self.to_import_count
        return 100 if not total else min(100, round(100 * self.processed_count / total))

    @property
    def is_finished(self):
        return self.status == self.Status.DONE
