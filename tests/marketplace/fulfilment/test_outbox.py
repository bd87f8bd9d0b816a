"""Work queued while the broker was down is picked up by the beat jobs."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core import mail
from django.utils import timezone

from marketplace.fulfilment.models import OutboundEmail
from marketplace.fulfilment.services import cancel_part
from marketplace.fulfilment.tasks import send_unsent_emails
from marketplace.payments.models import Refund
from marketplace.payments.tasks import submit_stalled_refunds
from tests.factories import (
    PesantrenFactory,
    give_flat_rate,
    make_basket,
    make_product,
    pay_order,
    place_order,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def order():
    pesantren = PesantrenFactory()
    give_flat_rate(pesantren, 15000)
    return place_order(
        make_basket((make_product(pesantren, price=Decimal("50000")), 1))
    ).order


def test_an_email_whose_task_was_lost_is_sent_once_by_the_beat_job(order):
    # Given the order-placed e-mail queued, but its task never ran
    OutboundEmail.objects.update(date_queued=timezone.now() - timedelta(minutes=6))

    assert send_unsent_emails.delay().get() == 1
    assert send_unsent_emails.delay().get() == 0

    assert len(mail.outbox) == 1
    assert OutboundEmail.objects.get().date_sent is not None


def test_a_refund_whose_task_was_lost_is_sent_by_the_beat_job(order):
    pay_order(order)
    group = order.fulfilment_groups.get()
    cancel_part(group.pesantren, group.pk, None, "Habis")
    Refund.objects.update(date_created=timezone.now() - timedelta(minutes=6))

    assert submit_stalled_refunds.delay().get() == 1

    assert Refund.objects.get().status == Refund.Status.MANUAL
