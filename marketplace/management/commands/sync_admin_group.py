"""``manage.py sync_admin_group``: give the Admin KESAN group exactly its rights."""

from django.core.management.base import BaseCommand, CommandError

from marketplace import roles


class Command(BaseCommand):
    help = "Create the Admin KESAN group, or reset its permissions to the listed ones."

    def handle(self, *args, **options):
        try:
            group = roles.sync_admin_group()
        except roles.MissingPermission as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"{group.name}: {group.permissions.count()} permissions.")
