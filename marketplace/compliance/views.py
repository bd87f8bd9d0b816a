"""Serving a certificate document to someone already allowed to see it.

The seller dashboard (members of the product's pesantren) and Django admin
check who asks; this only streams the file, never cached, never rendered in
the site's origin as a page of its own.
"""

from django.http import FileResponse, Http404


def document_response(certificate):
    try:
        handle = certificate.document.open("rb")
    except (FileNotFoundError, ValueError):
        raise Http404 from None
    extension = {"application/pdf": "pdf", "image/png": "png"}.get(
        certificate.content_type, "jpg"
    )
    response = FileResponse(
        handle,
        content_type=certificate.content_type,
        filename=f"sertifikat-{certificate.pk}.{extension}",
        as_attachment=False,
    )
    response["Cache-Control"] = "private, no-store"
    response["Content-Security-Policy"] = "sandbox"
    return response
