"""Who is signing in, as django-axes counts failed attempts.

Oscar's sign-in form posts ``login-username`` (an e-mail address), Django
admin's ``username``; both reach the backends as ``username``. Attempts are
counted per account, by its e-mail in lower case (``Santri@x`` and
``santri@x`` are one account, as Oscar's e-mail backend treats them).
"""


def username_of(request, credentials=None):
    """The account a sign-in is for: its e-mail, or what was typed if none.

    Failures arrive with what was typed (an e-mail on the shop, a username
    in Django admin), a success with the user's username; all three name
    one account, so a success clears the failures typed before it.
    """
    from django.contrib.auth import get_user_model
    from django.db.models import Q

    if credentials and credentials.get("username"):
        typed = credentials["username"]
    else:
        data = getattr(request, "POST", {}) or {}
        typed = data.get("login-username") or data.get("username") or ""
    typed = str(typed).strip()
    if not typed:
        return None
    user = (
        get_user_model()
        .objects.filter(Q(email__iexact=typed) | Q(username=typed))
        .exclude(email="")
        .order_by("pk")
        .only("email")
        .first()
    )
    return (user.email if user else typed).lower()


def client_address(request):
    """The address the sign-in came from.

    Behind the one TLS proxy of a deployment (BEHIND_TLS_PROXY), the last
    X-Forwarded-For entry is the one that proxy saw; the entries before it
    are whatever the client wrote, so they are never trusted. An IPv6
    address counts as its /64 network.
    """
    from django.conf import settings

    address = request.META.get("REMOTE_ADDR")
    if settings.BEHIND_TLS_PROXY:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        last = forwarded.split(",")[-1].strip()
        if last:
            address = last
    return _network_of(address)


def _network_of(address):
    """An IPv6 address as its /64 (the least a home line is given, so one
    client can rotate through all of it); anything else as it is."""
    import ipaddress

    try:
        ip = ipaddress.ip_address(address or "")
    except ValueError:
        return address
    if ip.version == 6 and ip.ipv4_mapped is None:
        return str(ipaddress.ip_network(f"{ip}/64", strict=False).network_address)
    return address


def locked_out(request, original_response=None, credentials=None):
    """The page of a sign-in refused for too many wrong passwords (HTTP 429)."""
    from django.conf import settings
    from django.shortcuts import render

    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return render(
        request,
        "kesan/signin_locked.html",
        {"failure_limit": settings.AXES_FAILURE_LIMIT, "cooloff_minutes": minutes},
        status=429,
    )
