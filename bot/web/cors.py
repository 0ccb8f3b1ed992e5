"""CORS for the chat endpoint and the widget files: only the configured
embedding origins (WEB_EMBED_ORIGINS) may call them from another site."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpResponse

EMBEDDABLE = ("/api/chat", "/widget.js", "/widget.css")


class EmbedCorsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        origin = request.headers.get("Origin")
        embeddable = request.path.startswith(EMBEDDABLE)
        if embeddable and request.method == "OPTIONS" and origin:
            response = HttpResponse(status=204)
        else:
            response = self.get_response(request)
        if embeddable and origin and origin in settings.EMBED_ORIGINS:
            response["Access-Control-Allow-Origin"] = origin
            response["Access-Control-Allow-Methods"] = "POST, DELETE, OPTIONS"
            response["Access-Control-Allow-Headers"] = "Content-Type"
            response["Access-Control-Max-Age"] = "600"
            response["Vary"] = "Origin"
        return response
