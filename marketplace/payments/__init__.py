"""Payments of marketplace orders, behind one interface whatever the gateway:

- ``services.start_payment(order, finish_url)``: the attempt to send the buyer to;
- ``services.fetch_status(attempt)``: what the gateway says now;
- ``services.cancel_payment(attempt)``: void an unpaid attempt;
- ``refunds.refund_part(order, group, reason)``: give a cancelled part's money back.

Gateways (``gateways/``): Midtrans Snap, and a local simulator for running
without internet. Both report through the notification endpoint, which only
verifies and stores; a Celery task asks the gateway and applies its answer.
"""
