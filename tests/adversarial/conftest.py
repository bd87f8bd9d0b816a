"""Fixtures of the adversarial tests: the complaint suite's shop (a paid
order of Alfa and Beta, 10% fee, 3 khiyar days) and money invariants."""

from django.db.models import Sum

from marketplace.ledger.models import LedgerAccount, LedgerEntry, LedgerTransaction
from marketplace.payments.models import Refund
from tests.marketplace.akad.conftest import akad_shop  # noqa: F401 (fixture)
from tests.marketplace.complaints.conftest import (  # noqa: F401 (fixtures)
    clock,
    private_root,
    shop,
)
from tests.marketplace.compliance.conftest import tree  # noqa: F401 (fixtures)
from tests.marketplace.ledger.conftest import (  # noqa: F401 (fixtures)
    order_and_parts,
    platform_fee_percent,
)
from tests.marketplace.payouts.conftest import (  # noqa: F401 (fixtures)
    alfa_available,
    alfa_owner,
)
from tests.marketplace.seller.conftest import (  # noqa: F401 (fixtures)
    owner,
    pesantren,
    seller,
)

Account = LedgerAccount.Kind


def assert_money_invariants(*parts):
    """Every transaction sums to zero, no pesantren balance is below zero, and
    neither the ledger nor the Refund rows give back more than a part brought in."""
    from marketplace.ledger import services as ledger

    unbalanced = list(
        LedgerTransaction.objects.annotate(total=Sum("entries__amount"))
        .exclude(total=0)
        .values_list("key", flat=True)
    )
    assert unbalanced == []
    negative = [
        (account.pesantren_id, account.kind, ledger.balance_of(account))
        for account in LedgerAccount.objects.filter(
            kind__in=[Account.HELD, Account.AVAILABLE, Account.PAID_OUT]
        )
        if ledger.balance_of(account) < 0
    ]
    assert negative == []
    for part in parts:
        share = ledger.paid_share(part)
        total = share.total if share else 0
        refunded_ledger = ledger.refunded_so_far(part).amount
        assert 0 <= refunded_ledger <= total
        refunded_rows = (
            Refund.objects.filter(group=part).aggregate(t=Sum("amount"))["t"] or 0
        )
        assert refunded_rows <= total
        held = (
            LedgerEntry.objects.filter(
                transaction__group=part,
                account__kind=Account.HELD,
            ).aggregate(t=Sum("amount"))["t"]
            or 0
        )
        assert held >= 0
