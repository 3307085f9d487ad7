"""HEAD on every route: answered as the GET it stands for, without the body (RFC 9110 9.3.2).

FastAPI routes declared with `@router.get` answer HEAD with 405, which breaks uptime checkers and
`curl -I`. Rather than declare HEAD on each route (and have it in the OpenAPI document twice), this
pure ASGI middleware runs the GET and drops the body; the headers, Content-Length included, are the GET's.
"""
from __future__ import annotations

from starlette.types import ASGIApp, Message, Receive, Scope, Send


class HeadAsGet:
    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def send_headers_only(message: Message) -> None:
            if message["type"] == "http.response.body":
                message = {"type": "http.response.body", "body": b"", "more_body": message.get("more_body", False)}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, send_headers_only)
