"""``/healthz``: is the database usable, and the Celery broker reachable?"""

from django.conf import settings
from django.db import connection, transaction
from django.http import JsonResponse
from kombu import Connection


def check_database():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as error:  # any driver error means "not usable"
        return False, type(error).__name__
    return True, connection.vendor


def check_broker():
    if settings.CELERY_TASK_ALWAYS_EAGER:
        return True, "eager"
    try:
        with Connection(settings.CELERY_BROKER_URL, connect_timeout=2) as broker:
            broker.ensure_connection(max_retries=1, timeout=2)
    except Exception as error:  # kombu raises many transport errors
        return False, type(error).__name__
    return True, "reachable"


@transaction.non_atomic_requests
def healthz(request):
    database_ok, database_detail = check_database()
    broker_ok, broker_detail = check_broker()
    healthy = database_ok and broker_ok
    body = {
        "status": "ok" if healthy else "unavailable",
        "database": {"ok": database_ok, "detail": database_detail},
        "broker": {"ok": broker_ok, "detail": broker_detail},
    }
    return JsonResponse(body, status=200 if healthy else 503)
