"""Write the measurement paths (JSON) for the KESAN site seeded from dataset.py.

    DATABASE_URL=... python bench/kesan_paths.py [SITE_NAME] > /tmp/kesan-paths.json

The request names and probe items are those of the oscar-baseline harness
(its README, "Paths file"), so measure.py and querycount.py pair each of our
pages with stock Oscar's. The probe items are looked up by UPC and slug, so
the file is right whatever primary keys the seed gave them. The baseline's
``dataset`` module is read from BASELINE_DIR, never copied here.
"""

import json
import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BASELINE_DIR = Path(os.environ.get("BASELINE_DIR", "/work/shared/bench/oscar-baseline"))
sys.path[:0] = [str(REPO), str(BASELINE_DIR)]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kesan.settings")

import django

django.setup()

import dataset
from django.urls import reverse

from forks.catalogue.models import Category, Product


def build(site_name):
    """Return the paths document: the baseline's eight request names, our URLs."""
    probe = dataset.PROBE
    product = Product.objects.get(upc=dataset.upc(probe["product_index"]))
    category = Category.objects.get(slug=probe["category_slug"])
    catalogue = reverse("catalogue:index")
    product_url = product.get_absolute_url()
    add = {
        "name": "basket_add",
        "method": "POST",
        "path": reverse("basket:add", kwargs={"pk": product.pk}),
        "form": {"quantity": "1"},
        "csrf_from": product_url,
        "expect": [302],
    }
    page = probe["catalogue_page"]
    # Our home page is a page of its own (no redirect), so nothing to follow.
    return {
        "site": site_name,
        "requests": [
            {"name": "home", "path": reverse("marketplace:home")},
            {"name": "catalogue_p1", "path": catalogue},
            {"name": f"catalogue_p{page}", "path": f"{catalogue}?page={page}"},
            {"name": "category", "path": category.get_absolute_url()},
            {"name": "product", "path": product_url},
            {"name": "search", "path": f"{reverse('marketplace:search')}?q={probe['search_term']}"},
            add,
            {"name": "basket", "path": reverse("basket:summary"), "setup": [add]},
        ],
    }


if __name__ == "__main__":
    json.dump(build(sys.argv[1] if len(sys.argv) > 1 else "kesan"), sys.stdout, indent=1)
    print()
