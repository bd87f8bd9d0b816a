"""A file storage for uploads that must never be reachable by a URL."""

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages


class PrivateFileSystemStorage(FileSystemStorage):
    """Files under PRIVATE_MEDIA_ROOT, outside MEDIA_ROOT, read by views only.

    The folder is read from the setting on each use, so a test that moves it
    moves this storage too.
    """

    @property
    def base_location(self):
        return str(settings.PRIVATE_MEDIA_ROOT)

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise ValueError("Private files have no URL; a view must serve them.")


def private_storage():
    """The ``private`` storage of STORAGES (a callable for FileField)."""
    return storages["private"]
