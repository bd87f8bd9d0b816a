"""``manage.py seed_demo --dataset``: the oscar-baseline benchmark catalogue,
so that KESAN and stock Oscar can be measured on the same data."""

import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.management import CommandError

from forks.catalogue.models import Category, Product, ProductCategory
from forks.partner.models import StockRecord
from marketplace import selectors
from pesantren.models import Pesantren
from tests.marketplace.seeding import seed, snapshot

pytestmark = pytest.mark.django_db

REPO_ROOT = Path(__file__).resolve().parents[2]
# In CI shared/ sits beside the clone of the repository.
DATASET_SCRIPT = REPO_ROOT.parent / "shared" / "bench" / "oscar-baseline" / "dataset.py"


@pytest.fixture
def benchmark_dataset(tmp_path):
    """A small oscar-baseline dataset (60 products, 5 partners) as JSON."""
    if not DATASET_SCRIPT.exists():
        pytest.fail(
            f"The benchmark dataset script is missing: {DATASET_SCRIPT}. The tests "
            "expect the shared/ folder beside the repository (../shared)."
        )
    finished = subprocess.run(
        [sys.executable, str(DATASET_SCRIPT), "60", "5"],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    path = tmp_path / "bench-data.json"
    path.write_text(finished.stdout, encoding="utf-8")
    return path, json.loads(finished.stdout)


def test_dataset_loads_the_benchmark_catalogue_as_is(benchmark_dataset):
    # Given the catalogue the stock Oscar site is measured on
    path, dataset = benchmark_dataset

    # When it is loaded
    seed("--dataset", str(path))

    # Then each partner is a verified pesantren and every product, category,
    # price and stock level is the dataset's
    assert list(
        Pesantren.objects.order_by("slug").values_list("slug", "name", "status")
    ) == [
        (partner["code"], partner["name"], "verified")
        for partner in dataset["partners"]
    ]
    slug_at = {category.path: category.slug for category in Category.objects.all()}
    loaded_tree = [
        (c.slug, c.name, slug_at.get(c.path[: -Category.steplen]))
        for c in Category.objects.all()
    ]
    expected_tree = [
        (row["slug"], row["name"], row["parent"]) for row in dataset["categories"]
    ]
    assert sorted(loaded_tree, key=str) == sorted(expected_tree, key=str)
    codes = {partner["index"]: partner["code"] for partner in dataset["partners"]}
    loaded = StockRecord.objects.values_list(
        "product__upc",
        "product__title",
        "product__slug",
        "product__description",
        "partner__code",
        "partner_sku",
        "price",
        "num_in_stock",
    )
    assert sorted(loaded) == sorted(
        (
            p["upc"],
            p["title"],
            p["slug"],
            p["description"],
            codes[p["partner"]],
            p["partner_sku"],
            Decimal(p["price"]),
            p["num_in_stock"],
        )
        for p in dataset["products"]
    )
    filed = ProductCategory.objects.values_list("product__upc", "category__slug")
    assert sorted(filed) == sorted(
        (p["upc"], p["category"]) for p in dataset["products"]
    )
    assert selectors.listed_products().count() == 60


def test_dataset_loads_once(benchmark_dataset):
    path, _dataset = benchmark_dataset
    seed("--dataset", str(path))
    first = snapshot()

    output = seed("--dataset", str(path))

    assert snapshot() == first
    assert "Benchmark dataset: 0 new products." in output


def test_unreadable_dataset_is_refused(tmp_path):
    missing = tmp_path / "missing.json"

    with pytest.raises(CommandError) as refused:
        seed("--dataset", str(missing))

    assert str(refused.value).startswith(f"Cannot read the dataset {missing}: ")
    assert Product.objects.count() == 0
