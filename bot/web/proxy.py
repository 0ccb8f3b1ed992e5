"""The client's real address behind nginx, for the login throttle.

nginx sets X-Real-IP to the address it sees and overwrites whatever a client sent, so
the header is trusted only when WEB_TRUST_PROXY=1 and the request came from loopback."""

from __future__ import annotations

import ipaddress

from django.conf import settings

LOOPBACK = {"127.0.0.1", "::1"}


def real_address(meta: dict) -> str:
    remote = meta.get("REMOTE_ADDR", "")
    forwarded = meta.get("HTTP_X_REAL_IP", "").strip()
    if not (settings.TRUST_PROXY and remote in LOOPBACK and forwarded):
        return remote
    try:
        return str(ipaddress.ip_address(forwarded))
    except ValueError:
        return remote


class RealClientAddressMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.META["REMOTE_ADDR"] = real_address(request.META)
        return self.get_response(request)
