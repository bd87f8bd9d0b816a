"""Payment pages: the gateway's notification endpoint, the buyer's return
from the payment page, and the local payment simulator."""

from django.conf import settings
from django.contrib import messages
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from marketplace.fulfilment.views import order_url_for_session
from marketplace.payments import services
from marketplace.payments.gateways import simulator
from marketplace.payments.models import PaymentAttempt, SimulatedTransaction

# Headers kept with a stored notification; nothing that could carry a secret.
KEPT_HEADERS = ("Content-Type", "User-Agent", "X-Forwarded-For", "Content-Length")


@csrf_exempt
@require_POST
def midtrans_notification(request):
    """Midtrans (or the simulator) reports a payment: verify, store, queue, answer.

    Exempt from CSRF because the gateway cannot send a token; the signature
    is what authenticates it.
    """
    headers = {
        name: request.headers[name] for name in KEPT_HEADERS if name in request.headers
    }
    _notification, status = services.receive_notification(
        request.body, headers, request.META.get("REMOTE_ADDR")
    )
    return JsonResponse({"status": "ok" if status == 200 else "refused"}, status=status)


def payment_finish(request):
    """Where the payment page sends the buyer back; shows, never decides."""
    attempt = (
        PaymentAttempt.objects.select_related("order")
        .filter(provider_order_id=request.GET.get("order_id", ""))
        .first()
    )
    url = order_url_for_session(request, attempt.order) if attempt else None
    if url is None:
        messages.info(
            request,
            _("Thank you. We will e-mail you as soon as your payment is confirmed."),
        )
        return redirect("marketplace:home")
    return redirect(url)


def _simulator_attempt(request, provider_order_id):
    # Checked on every request, not only by the system check (marketplace.E002),
    # which a WSGI server never runs: the simulator pays orders without money.
    if (
        settings.MARKETPLACE_PAYMENT_GATEWAY != simulator.SimulatorGateway.name
        or not settings.MARKETPLACE_PAYMENT_SIMULATOR_ALLOWED
    ):
        raise Http404
    attempt = get_object_or_404(
        PaymentAttempt.objects.select_related("order"),
        provider_order_id=provider_order_id,
        gateway=simulator.SimulatorGateway.name,
    )
    if order_url_for_session(request, attempt.order) is None:
        raise Http404
    return attempt


def simulator_page(request, provider_order_id):
    """The simulator's payment page: choose a channel, then pay."""
    attempt = _simulator_attempt(request, provider_order_id)
    simulated = SimulatedTransaction.objects.filter(
        provider_order_id=provider_order_id
    ).first()
    return render(
        request,
        "marketplace/payments/simulator.html",
        {
            "attempt": attempt,
            "order": attempt.order,
            "simulated": simulated,
            "channels": simulator_channels(),
            "method": simulated
            and dict(simulator_channels()).get(
                simulated.payment_type, simulated.payment_type
            ),
        },
    )


@require_POST
def simulator_action(request, provider_order_id):
    attempt = _simulator_attempt(request, provider_order_id)
    notification_url = request.build_absolute_uri(
        reverse("payments:midtrans-notification")
    )
    channel = request.POST.get("channel", "")
    if request.POST.get("action") == "choose" and channel in simulator.CHANNELS:
        simulator.choose_channel(attempt, channel, notification_url)
        return redirect("payments:simulator", provider_order_id)
    simulated = get_object_or_404(
        SimulatedTransaction, provider_order_id=provider_order_id
    )
    if request.POST.get("action") == "pay":
        simulator.pay(simulated, notification_url)
        return redirect(
            reverse("payments:finish")
            + f"?order_id={simulated.provider_order_id}&status_code={simulated.status_code}"
            + f"&transaction_status={simulated.transaction_status}"
        )
    return redirect("payments:simulator", provider_order_id)


def simulator_channels():
    return [
        ("bca_va", _("BCA virtual account")),
        ("bni_va", _("BNI virtual account")),
        ("bri_va", _("BRI virtual account")),
        ("qris", _("QRIS")),
        ("gopay", _("GoPay")),
        ("shopeepay", _("ShopeePay")),
    ]
