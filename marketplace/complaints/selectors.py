"""Reads of complaints: a buyer's per part, a pesantren's own."""

from django.db.models import Prefetch

from marketplace.complaints.models import Complaint, ComplaintMessage, ComplaintPhoto


def _with_thread(complaints):
    return complaints.prefetch_related(
        Prefetch("messages", queryset=ComplaintMessage.objects.order_by("pk")),
        Prefetch("photos", queryset=ComplaintPhoto.objects.order_by("pk")),
    )


def complaints_of_order(order):
    """The complaints on ``order``'s parts, newest first, with thread and photos."""
    return list(_with_thread(Complaint.objects.filter(group__order=order)))


def complaints_of_pesantren(pesantren, status=""):
    """The complaints on ``pesantren``'s parts, open ones first, newest first."""
    complaints = Complaint.objects.filter(group__pesantren=pesantren)
    if status:
        complaints = complaints.filter(status=status)
    return complaints.select_related("group__order").order_by("status", "-pk")


def complaint_of_pesantren(pesantren, complaint_id):
    """One complaint on ``pesantren``'s parts; DoesNotExist for any other."""
    return (
        _with_thread(Complaint.objects.filter(group__pesantren=pesantren))
        .select_related("group__order__shipping_address", "group__pesantren")
        .get(pk=complaint_id)
    )


def photo_of(complaints, photo_id):
    """A photo of one of ``complaints``; DoesNotExist otherwise."""
    return ComplaintPhoto.objects.get(pk=photo_id, complaint__in=complaints)


def attach_to_parts(parts, complaint_forms, message_forms):
    """Give each OrderPart of the buyer's page its complaints and forms.

    ``part.complaints`` (newest first), ``part.complaint_refusal`` (why no
    complaint can be opened, or None), ``part.complaint_form``; each open
    complaint gets ``message_form``. Bound forms given by id are kept, so a
    refused form shows what was typed.
    """
    from marketplace.complaints.forms import ComplaintForm, MessageForm
    from marketplace.complaints.services import complaint_refusal

    if not parts:
        return parts
    by_part = {}
    for complaint in complaints_of_order(parts[0].group.order):
        complaint.message_form = message_forms.get(complaint.pk) or MessageForm()
        complaint.message_form.auto_id = f"complaint{complaint.pk}_%s"
        by_part.setdefault(complaint.group_id, []).append(complaint)
    for part in parts:
        group = part.group
        part.complaints = by_part.get(group.pk, [])
        part.complaint_form = complaint_forms.get(group.pk) or ComplaintForm()
        part.complaint_form.auto_id = f"part{group.pk}_%s"
        part.complaint_refusal = (
            complaint_refusal(group)
            if group.status in (group.Status.SHIPPED, group.Status.RECEIVED)
            else ""
        )
        part.can_complain = part.complaint_refusal is None
        # A refused form comes back with its text even when the part can no
        # longer take a complaint (its window closed meanwhile).
        part.shows_complaint_form = part.can_complain or group.pk in complaint_forms
    return parts
