"""`dateline serve`: the web app (map, timeline, incidents, articles, JSON API) over a store."""
from __future__ import annotations

import errno

import click

from .store import _open, db_option

# Host header values accepted when bound to loopback: a page elsewhere that rebinds its own
# DNS name to 127.0.0.1 still sends its own name, and is refused.
LOOPBACK_HOSTS = ["127.0.0.1", "localhost", "[::1]"]


@click.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Interface to listen on. Anything but loopback exposes the store to the network.")
@click.option("--port", default=8008, show_default=True, type=click.IntRange(1, 65535))
@click.option("--tiles", envvar="DATELINE_TILES", default=None, metavar="URL",
              help="Tile URL template for the map, e.g. https://{s}.tile.example.org/{z}/{x}/{y}.png "
                   "(env DATELINE_TILES). Default: none, only the country outlines shipped with dateline.")
def serve(db_path, host, port, tiles):
    """Serve the web page and JSON API over the store, read-only, at http://HOST:PORT/."""
    import uvicorn

    from ..web.app import SettingError, create_app
    from ..web.security import is_loopback

    _open(db_path, must_exist=True).close()
    loopback = is_loopback(host)
    if not loopback:
        click.echo(f"dateline: warning: listening on {host}, not loopback: anyone who can reach this "
                   "machine can read the store (there is no authentication)", err=True)
    try:
        app = create_app(db_path, tiles=tiles, allowed_hosts=LOOPBACK_HOSTS if loopback else None)
    except SettingError as exc:
        raise click.ClickException(str(exc)) from None
    sock = _bound_socket(host, port)  # before saying "serving": a taken port is an error, not a promise
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"dateline: serving {db_path} at http://{shown}:{port}/ (Ctrl+C to stop)", err=True)
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
    with sock:
        server.run(sockets=[sock])


def _bound_socket(host: str, port: int):
    """A listening socket on HOST:PORT, or a one-line error saying why not (port taken, no such address)."""
    import socket

    try:
        family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
        sock = socket.socket(family, kind, proto)
    except OSError as exc:
        raise click.ClickException(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn does: restart right after a stop
        sock.bind(address)
        sock.listen(2048)
    except OSError as exc:
        sock.close()
        hint = " (another program, or another `dateline serve`, uses it: give --port)" \
            if exc.errno in (errno.EADDRINUSE, errno.EACCES) else ""
        raise click.ClickException(f"cannot listen on {host}:{port}: {exc.strerror or exc}{hint}") from None
    sock.set_inheritable(True)
    return sock
