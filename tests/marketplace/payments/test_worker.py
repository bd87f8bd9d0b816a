"""A real Celery worker process on the real Redis: a notification goes in
through the live server, the worker asks the fake Midtrans and pays the
order, once; and a worker child killed in the middle of that task leaves
the message to be redone, still paying once."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.db import connection
from oscar.core.loading import get_model

from kesan.celery import app as celery_app
from marketplace.fulfilment.models import OrderEffect, OrderStatus
from marketplace.payments.models import PaymentAttempt, PaymentTransition
from tests.marketplace.payments.helpers import reload, started_payment

pytestmark = pytest.mark.django_db(transaction=True)
PaymentEvent = get_model("order", "PaymentEvent")
LOG_DIR = Path(django_settings.BASE_DIR) / "var"


def wait_for(condition, timeout=30, step=0.05):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(step)
    raise AssertionError(
        f"timed out after {timeout} s waiting for {condition.__name__}"
    )


def children_of(pid):
    """PIDs whose parent is ``pid`` (the worker's pool processes)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return found


@pytest.fixture
def worker(midtrans):
    """One Celery worker process (prefork, one child) on Redis, for this test."""
    database = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.settings",
        "DATABASE_URL": (
            f"postgres://{database['USER']}@{database['HOST']}:{database['PORT']}/{database['NAME']}"
        ),
        "REDIS_URL": django_settings.REDIS_URL,
        "KESAN_CELERY_EAGER": "0",
        "MARKETPLACE_PAYMENT_GATEWAY": "midtrans",
        "MIDTRANS_SNAP_BASE_URL": f"{midtrans.url}/snap/v1",
        "MIDTRANS_CORE_BASE_URL": midtrans.url,
    }
    # This process (and its live server) now queue to Redis instead of
    # running tasks in place.
    eager = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = False
    LOG_DIR.mkdir(exist_ok=True)
    log_path = LOG_DIR / "test-celery-worker.log"
    log = log_path.open("w")
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "kesan",
            "worker",
            "--pool=prefork",
            "--concurrency=1",
            "--loglevel=INFO",
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
            "--hostname=kesan-test-worker@%h",
        ],
        cwd=django_settings.BASE_DIR,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        wait_for(lambda: " ready." in log_path.read_text(), timeout=60)
        yield process, log_path
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
        log.close()
        celery_app.conf.task_always_eager = eager


def test_a_real_worker_pays_the_order_once_from_a_notification(worker, midtrans):
    attempt = started_payment()

    midtrans.pay(attempt.provider_order_id)
    midtrans.resend(len(midtrans.outbox) - 1, times=2)

    paid = wait_for(lambda: reload(attempt).status == PaymentAttempt.Status.PAID)
    assert paid is True
    wait_for(lambda: midtrans.count_requests("status") >= 4)
    time.sleep(1)  # let the repeats finish
    assert reload(attempt.order).status == OrderStatus.PAID
    assert PaymentEvent.objects.count() == 1
    assert OrderEffect.objects.filter(key__startswith="paid:").count() == 1
    assert (
        PaymentTransition.objects.filter(
            attempt=attempt, is_applied=True, to_status="paid"
        ).count()
        == 1
    )


def test_a_worker_killed_mid_task_still_ends_with_the_order_paid_once(worker, midtrans):
    process, log_path = worker
    attempt = started_payment()
    [child] = wait_for(lambda: children_of(process.pid))
    # The first status request hangs, so the task is caught in the middle.
    midtrans.add_fault("status", "sleep:1.5")

    midtrans.pay(attempt.provider_order_id, notify_pending=False)
    wait_for(lambda: midtrans.count_requests("status") >= 1, step=0.01)
    os.kill(child, signal.SIGKILL)

    assert (
        wait_for(lambda: reload(attempt).status == PaymentAttempt.Status.PAID) is True
    )
    assert reload(attempt.order).status == OrderStatus.PAID
    assert PaymentEvent.objects.count() == 1
    assert OrderEffect.objects.filter(key__startswith="paid:").count() == 1
    log = log_path.read_text()
    assert "WorkerLostError('Worker exited prematurely: signal 9 (SIGKILL)" in log
    assert child not in children_of(process.pid)
    assert midtrans.count_requests("status") >= 2
