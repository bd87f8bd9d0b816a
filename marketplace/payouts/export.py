"""The CSV file of a payout batch, for the bank's bulk transfer upload.

One row per request. Every text cell comes from a seller (names, account
holder), so a cell that a spreadsheet would read as a formula is prefixed
with an apostrophe (OWASP's advice on CSV injection).
"""

import csv
import io

from marketplace.payouts.models import PayoutRequest

HEADER = [
    "batch",
    "request_id",
    "pesantren",
    "legal_name",
    "bank",
    "account_number",
    "account_holder",
    "amount_idr",
    "transfer_note",
]
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "|", "%")


def safe_cell(value):
    """``value`` as text a spreadsheet shows as text, never runs as a formula."""
    text = str(value)
    if text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


def transfer_note(payout):
    """What the pesantren sees on its bank statement (short: banks cut at 35)."""
    return f"KESAN {payout.code}"


def batch_rows(batch):
    payouts = (
        PayoutRequest.objects.filter(batch=batch)
        .select_related("pesantren")
        .order_by("pk")
    )
    for payout in payouts:
        yield [
            batch.code,
            payout.code,
            payout.pesantren.name,
            payout.legal_entity_name,
            payout.bank_name,
            payout.bank_account_number,
            payout.bank_account_holder,
            payout.amount,
            transfer_note(payout),
        ]


def batch_csv(batch):
    """The whole file as text (a batch holds at most a few hundred rows)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(HEADER)
    for row in batch_rows(batch):
        writer.writerow([safe_cell(cell) for cell in row])
    return buffer.getvalue()


def batch_filename(batch):
    return f"{batch.code.lower()}.csv"
