"""The akad of each pesantren's part of an order, as the buyer confirmed it.

An AkadRecord is written once, in the transaction that places the order,
from the same summary the buyer saw before paying (marketplace.akad.summary).
It is never changed afterwards: later edits of a product, a pesantren or a
category rule leave it as it was, and saving or deleting one raises.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class AkadImmutable(Exception):
    """An attempt to change or delete a confirmed akad."""


class AkadRecordQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AkadImmutable("A confirmed akad is never updated.")

    def delete(self):
        raise AkadImmutable("A confirmed akad is never deleted.")


class AkadRecord(models.Model):
    group = models.OneToOneField(
        "marketplace.FulfilmentGroup",
        on_delete=models.PROTECT,
        related_name="akad",
        verbose_name=_("Order part"),
    )
    # Everything the buyer was shown for this part (summary.part_summary).
    summary = models.JSONField(_("Summary"))
    language = models.CharField(_("Language"), max_length=10)
    # sha256 of the canonical JSON of ``summary`` (summary.digest_of).
    digest = models.CharField(_("SHA-256"), max_length=64)
    confirmed_at = models.DateTimeField(_("Confirmed at"))

    objects = AkadRecordQuerySet.as_manager()

    class Meta:
        ordering = ["pk"]
        verbose_name = _("akad")
        verbose_name_plural = _("akad records")

    def __str__(self):
        return f"Akad {self.group_id}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AkadImmutable("A confirmed akad is never updated.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AkadImmutable("A confirmed akad is never deleted.")

    @property
    def is_intact(self):
        """Whether the stored summary still hashes to the stored digest."""
        from marketplace.akad.summary import digest_of

        return digest_of(self.summary) == self.digest
