"""Celery tasks of the marketplace: picture renditions and bulk imports."""

from celery import shared_task

from marketplace import images


@shared_task
def make_image_renditions(name):
    """Make the square renditions of an uploaded product picture."""
    images.make_renditions(name)


@shared_task
def run_product_import(import_id):
    """Import the checked rows of a ProductImport, writing progress as it goes."""
    # Imported here: the import module queues this task, so it imports us.
    from marketplace.seller.imports import run_import

    run_import(import_id)
