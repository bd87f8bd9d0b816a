"""Queueing Celery tasks only once the work they act on is committed."""

from django.db import transaction


def enqueue_on_commit(task, *args):
    """Queue ``task(*args)`` when the current transaction commits.

    Nothing is queued for a rolled-back transaction. A broker that is down
    at that moment is logged (robust), not raised into the committed
    request; the beat jobs pick up what was missed.
    """

    def enqueue():
        task.delay(*args)

    enqueue.__qualname__ = f"enqueue {task.name}"
    transaction.on_commit(enqueue, robust=True)
