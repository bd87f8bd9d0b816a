"""``manage.py seed_demo``: the demo marketplace, or a benchmark catalogue."""

import json
import time

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction

from dakwah.demo import seed_dakwah_demo
from marketplace.demo import build, data
from marketplace.demo.compliance import seed_compliance
from marketplace.demo.reviews import seed_demo_reviews


class Command(BaseCommand):
    help = (
        "Load the demo pesantren, products and accounts (idempotent). With "
        "--pesantren/--products, add a large synthetic catalogue; with "
        "--dataset, load the oscar-baseline benchmark catalogue instead."
    )

    def add_arguments(self, parser):
        parser.add_argument("--pesantren", type=int, default=0, help="extra pesantren to generate")
        parser.add_argument("--products", type=int, default=0, help="extra products to generate")
        parser.add_argument(
            "--dataset",
            help="JSON written by shared/bench/oscar-baseline/dataset.py, loaded as is",
        )

    def handle(self, *args, **options):
        started = time.monotonic()
        if options["products"] and not options["pesantren"]:
            raise CommandError("--products needs --pesantren (how many pesantren sell them).")
        with transaction.atomic():
            if options["dataset"]:
                self.load_dataset(options["dataset"])
            else:
                self.load_demo()
            if options["products"]:
                created = build.seed_bulk_catalogue(options["pesantren"], options["products"])
                self.stdout.write(f"Bulk catalogue: {created} new products.")
        self.refresh_planner_statistics()
        self.stdout.write(self.style.SUCCESS(f"Done in {time.monotonic() - started:.1f} s."))

    def refresh_planner_statistics(self):
        """ANALYZE after bulk loads: without statistics PostgreSQL plans the
        catalogue queries badly until autovacuum (if on) catches up."""
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")

    def load_demo(self):
        pesantren_by_slug, created = build.seed_demo_catalogue()
        accounts, password = build.seed_accounts(pesantren_by_slug)
        certificates = seed_compliance(
            build.seed_categories(data.CATEGORIES),
            get_user_model().objects.get(email="admin@kesan.test"),
        )
        self.stdout.write(f"Compliance: {certificates} new verified certificates.")
        accounts += seed_dakwah_demo(pesantren_by_slug)
        orders = build.seed_money_history(pesantren_by_slug)
        reviewed = seed_demo_reviews()
        self.stdout.write(f"Demo catalogue: {len(pesantren_by_slug)} pesantren, {created} new products.")
        if orders:
            self.stdout.write(f"Demo ledger: {orders} paid orders and two payouts.")
        self.stdout.write(f"Demo reviews: {reviewed} new, from buyers of received orders.")
        self.print_accounts(accounts, password)

    def load_dataset(self, path):
        try:
            with open(path, encoding="utf-8") as handle:
                dataset = json.load(handle)
        except (OSError, ValueError) as error:
            raise CommandError(f"Cannot read the dataset {path}: {error}") from error
        created = build.seed_benchmark_dataset(dataset)
        accounts, password = build.seed_accounts({})
        self.stdout.write(f"Benchmark dataset: {created} new products.")
        self.print_accounts(accounts, password)

    def print_accounts(self, accounts, password):
        if password:
            self.stdout.write(f"Accounts (development password: {password}):")
        else:
            self.stdout.write("Accounts (DEBUG is off: no password set; use changepassword):")
        for email, role in accounts:
            self.stdout.write(f"  {email:55} {role}")
