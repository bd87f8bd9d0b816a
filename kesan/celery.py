"""The Celery application; tasks are discovered in every installed app."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kesan.settings")

app = Celery("kesan")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
