"""Migrations match the models and apply on PostgreSQL."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder

pytestmark = pytest.mark.django_db


def test_models_need_no_new_migration():
    # makemigrations --check exits with status 1 when a model has changes
    # that no migration holds.
    call_command("makemigrations", check=True, dry_run=True, verbosity=0)


def test_migrate_has_applied_every_migration_on_postgresql():
    # pytest-django built this PostgreSQL test database by running
    # ``migrate`` from an empty schema (the suite never uses --nomigrations).
    on_disk = set(MigrationLoader(connection).disk_migrations)
    applied = set(MigrationRecorder(connection).applied_migrations())

    assert connection.vendor == "postgresql"
    assert on_disk - applied == set()
    # migrate --check exits with status 1 while a migration is unapplied.
    call_command("migrate", check_unapplied=True, verbosity=0)
