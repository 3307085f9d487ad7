"""The web app: `create_app(db_path)` → a FastAPI app over one store, read-only.

    uvicorn.run(create_app("dateline.db"), host="127.0.0.1", port=8008)

Routes: /api/* (api.py, JSON, in the OpenAPI schema at /openapi.json), the HTML
pages (pages.py), /static/* (our JS/CSS and the vendored Leaflet, see
static/vendor/README.md), /docs (the API reference).
"""
from __future__ import annotations

import re
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware

from .. import __version__, settings
from ..store import open_store
from ..store.labels import article_label, country_name, is_pronoun
from . import api, pages
from .data import Stores
from .head import HeadAsGet
from .highlight import safe_href, sentence_html, trigger_marked
from .incident_view import figure
from .security import SecurityHeaders

HERE = Path(__file__).parent
# A tile URL template for Leaflet; it becomes part of the CSP header, so only URL characters pass.
_TILES = re.compile(r"https?://[A-Za-z0-9.\-{}:*]+/[A-Za-z0-9._~\-/{}@?=&%]*")


class SettingError(ValueError):
    """A web setting (tile URL) that cannot be used safely."""


def create_app(db_path: str, tiles: str | None = None, allowed_hosts: list[str] | None = None) -> FastAPI:
    """`tiles`: a tile URL template (default: env DATELINE_TILES, else none: only our country outlines).
    `allowed_hosts`: Host header values to accept (None: any), against DNS rebinding on loopback."""
    tiles = tiles if tiles is not None else settings.get("tiles")
    if tiles and not _TILES.fullmatch(tiles):
        raise SettingError(f"tile URL {tiles!r} is not an http(s) URL template like "
                           "https://{s}.tile.example.org/{z}/{x}/{y}.png")
    open_store(db_path).close()  # fail now, not at the first request, if the file is not a store

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        app.state.stores.close()

    app = FastAPI(title="dateline", version=__version__, lifespan=lifespan, docs_url=None, redoc_url=None,
                  description="A read-only view of a dateline store: events, articles, entities, incidents.")
    app.state.stores = Stores(db_path)
    app.state.tiles = tiles
    app.state.templates = Jinja2Templates(env=_environment())
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_middleware(HeadAsGet)
    if allowed_hosts is not None:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts)
    # Added last, so outermost: its headers are on every response, the host check's 400 included.
    app.add_middleware(SecurityHeaders, tiles_url=tiles)
    return app


def _environment() -> Environment:
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=True,
                      trim_blocks=True, lstrip_blocks=True)
    env.policies["json.dumps_kwargs"] = {"sort_keys": True, "ensure_ascii": True}
    env.globals.update(figure=figure, sentence_html=sentence_html, trigger_marked=trigger_marked,
                       safe_href=safe_href, is_pronoun=is_pronoun, article_label=article_label,
                       country_name=country_name)
    return env


def _wants_json(request: Request) -> bool:
    return (request.url.path.startswith("/api/") or request.query_params.get("format") == "json"
            or "text/html" not in request.headers.get("accept", ""))


async def _http_error(request: Request, exc: StarletteHTTPException):
    if _wants_json(request):
        return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers)
    return _error_page(request, exc.status_code, str(exc.detail))


async def _validation_error(request: Request, exc: RequestValidationError):
    errors = exc.errors()
    if _wants_json(request):
        return JSONResponse({"detail": [{k: e.get(k) for k in ("loc", "msg", "type")} for e in errors]},
                            status_code=422)
    message = "; ".join(f"{e['loc'][-1]}: {e['msg']}" for e in errors)
    return _error_page(request, 422, message)


def _error_page(request: Request, status: int, message: str):
    return request.app.state.templates.TemplateResponse(
        request, "error.html", {"status": status, "message": message, "json_url": None}, status_code=status)
