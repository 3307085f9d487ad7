"""Response headers that make a page of hostile news text inert, and the host checks.

The Content-Security-Policy allows scripts and styles only from this server's own
files (no inline script, no inline style, no eval), so even a tag that slipped past
escaping could not run. Map tiles are off by default; a configured tile server is
the one extra origin allowed, for images only.
"""
from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

from starlette.types import ASGIApp, Message, Receive, Scope, Send

LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1")


def content_security_policy(tiles_url: str | None = None) -> str:
    img = "'self' data:"
    if tiles_url:  # "https://{s}.tile.example.org/{z}/{x}/{y}.png" -> "https://*.tile.example.org"
        parts = urlsplit(tiles_url)
        img += f" {parts.scheme}://{parts.netloc.replace('{s}', '*')}"
    return "; ".join((
        "default-src 'self'", "script-src 'self'", "style-src 'self'", f"img-src {img}",
        "connect-src 'self'", "font-src 'self'", "object-src 'none'", "base-uri 'none'",
        "form-action 'self'", "frame-ancestors 'none'",
    ))


def headers(tiles_url: str | None = None) -> list[tuple[bytes, bytes]]:
    return [
        (b"content-security-policy", content_security_policy(tiles_url).encode()),
        (b"x-content-type-options", b"nosniff"),
        (b"referrer-policy", b"no-referrer"),
        (b"x-frame-options", b"DENY"),
        (b"cross-origin-opener-policy", b"same-origin"),
    ]


class SecurityHeaders:
    """Pure ASGI middleware (no response buffering): adds the headers to every HTTP response."""

    def __init__(self, app: ASGIApp, tiles_url: str | None = None):
        self.app = app
        self.extra = headers(tiles_url)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *self.extra]
            await send(message)

        await self.app(scope, receive, send_with_headers)


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
