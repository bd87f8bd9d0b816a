"""/healthz: database and broker state, for load balancers and uptime checks."""

import json

import pytest

pytestmark = pytest.mark.django_db


def test_healthz_is_ok_with_eager_tasks(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.headers["Content-Type"] == "application/json"
    assert json.loads(response.content) == {
        "status": "ok",
        "database": {"ok": True, "detail": "postgresql"},
        "broker": {"ok": True, "detail": "eager"},
    }


def test_healthz_is_ok_when_the_redis_broker_answers(client, settings):
    settings.CELERY_TASK_ALWAYS_EAGER = False
    settings.CELERY_BROKER_URL = settings.REDIS_URL

    response = client.get("/healthz")

    assert response.status_code == 200
    assert json.loads(response.content)["broker"] == {"ok": True, "detail": "reachable"}


def test_healthz_is_unavailable_when_the_broker_cannot_be_reached(client, settings):
    # Nothing listens on port 1: kombu gives up after one retry (about 2 s).
    settings.CELERY_TASK_ALWAYS_EAGER = False
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:1/0"

    response = client.get("/healthz")

    assert response.status_code == 503
    body = json.loads(response.content)
    assert body["status"] == "unavailable"
    assert body["database"] == {"ok": True, "detail": "postgresql"}
    assert body["broker"] == {"ok": False, "detail": "OperationalError"}
