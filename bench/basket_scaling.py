"""Basket query counts as the basket grows, for any Oscar-based site.

    python bench/basket_scaling.py [LINES ...]        (default 1 5 10)

For each size, a fresh test client adds that many products (products 1..n
of dataset.py, one per pesantren or partner), then counts the queries of
GET /basket/ and of POST one more add, as querycount.py counts them (second
request, CSRF enforced). A flat page shows the same numbers at every size.
Runs against DJANGO_SETTINGS_MODULE, by default the baseline's stock site
(run it with the baseline's venv then); for ours set kesan.settings and put
the repository on PYTHONPATH.
"""

import os
import re
import sys
from pathlib import Path

BASELINE_DIR = Path(os.environ.get("BASELINE_DIR", "/work/shared/bench/oscar-baseline"))
sys.path.insert(0, str(BASELINE_DIR))
if "DJANGO_SETTINGS_MODULE" not in os.environ:
    sys.path.insert(0, str(BASELINE_DIR / "site"))
    os.environ["DJANGO_SETTINGS_MODULE"] = "baseline.settings"

import django

django.setup()

import dataset
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from oscar.core.loading import get_model

CSRF_RE = re.compile(r'name=["\']csrfmiddlewaretoken["\']\s+value=["\']([^"\']+)')
Product = get_model("catalogue", "Product")


def adder(client, product):
    """A callable that POSTs ``product`` to the basket (token fetched now)."""
    page = client.get(product.get_absolute_url()).content.decode()
    token = CSRF_RE.search(page).group(1)
    url = reverse("basket:add", kwargs={"pk": product.pk})
    return lambda: client.post(url, {"quantity": "1", "csrfmiddlewaretoken": token})


def basket_counts(lines):
    """Return (queries of GET /basket/, queries of one more add) at ``lines`` lines."""
    products = [Product.objects.get(upc=dataset.upc(i)) for i in range(1, lines + 2)]
    client = Client(enforce_csrf_checks=True, HTTP_HOST="localhost")
    for product in products[:lines]:
        adder(client, product)()
    client.get(reverse("basket:summary"))
    with CaptureQueriesContext(connection) as summary:
        client.get(reverse("basket:summary"))
    add = adder(client, products[lines])
    with CaptureQueriesContext(connection) as added:
        add()
    return len(summary.captured_queries), len(added.captured_queries)


def main():
    sizes = [int(arg) for arg in sys.argv[1:]] or [1, 5, 10]
    print(f"basket lines  GET /basket/  POST add   ({os.environ['DJANGO_SETTINGS_MODULE']})")
    for lines in sizes:
        summary, added = basket_counts(lines)
        print(f"{lines:>11} {summary:>13} {added:>9}")


if __name__ == "__main__":
    main()
