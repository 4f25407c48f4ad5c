"""`eventwire serve`: the bind rule, the accepted host names and uvicorn with connection limits.

Loopback is the default because the explorer shows whole articles; any other
address needs a token, or an explicit `--insecure` to serve without one.
"""

from __future__ import annotations

import ipaddress

from eventwire.errors import EventwireError

LOOPBACK_NAMES = {"localhost", "127.0.0.1", "::1"}
HEADER_TIMEOUT = 10.0  # seconds a client has to send a whole request head
MAX_CONNECTIONS = 256  # open connections at once; more are refused (or displace idle ones)
KEEP_ALIVE = 5  # seconds an idle keep-alive connection stays open


class BindRefused(EventwireError):
    """A non-loopback address was asked for without a token and without --insecure."""


def is_loopback(host: str) -> bool:
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_bind(host: str, token: str | None, insecure: bool) -> str | None:
    """Raise BindRefused when serving `host` would be open to others; return a warning to print, if any."""
    if is_loopback(host) or token:
        return None
    if not insecure:
        raise BindRefused(f"refusing to serve on {host}, which other machines can reach, without a token: "
                          "pass --token SECRET (clients then send it), or --insecure to serve without one")
    return f"serving on {host} without a token (--insecure): anyone who can reach this address can read the database"


def loopback_hosts(host: str) -> list[str]:
    """Host-header names a loopback server answers: the usual loopback names and the bound address itself
    ('127.0.0.2' was refused before: every request got 400 "Invalid host header")."""
    names = ["127.0.0.1", "localhost", "[::1]"]
    bare = host.strip("[]")
    try:
        address = ipaddress.ip_address(bare)
    except ValueError:
        return names + ([bare.lower()] if bare.lower() not in names else [])
    extra = str(address) if address.version == 4 else f"[{address.compressed}]"
    literal = bare if address.version == 4 else f"[{bare.lower()}]"
    return names + [n for n in dict.fromkeys((extra, literal)) if n not in names]


def build(db: str, host: str, token: str | None, insecure: bool, query_timeout: float = 5.0):
    """The app for `eventwire serve`, after the bind rule; returns (app, warning)."""
    from eventwire.api.app import create_app

    warning = check_bind(host, token, insecure)
    # Without a token, only accept requests addressed to loopback names (defeats DNS rebinding).
    hosts = loopback_hosts(host) if is_loopback(host) and not token else None
    return create_app(db, token=token, query_timeout=query_timeout, allowed_hosts=hosts), warning


def config(app, host: str, port: int, header_timeout: float = HEADER_TIMEOUT,
           max_connections: int = MAX_CONNECTIONS, log_level: str = "warning"):
    """The uvicorn settings `serve` runs with (the tests start servers from the same ones)."""
    import uvicorn

    from eventwire.api.limits import backlog, guarded_protocol

    # uvicorn's own `limit_concurrency` is left off: it counts connections still sending their head, so
    # under a flood of them it answered 503 to a real client that the protocol had made room for. The
    # accept backlog is kept small because asyncio accepts a whole backlog of sockets in one go, before
    # any of them can be refused: the descriptors needed are `backlog(max_connections)` more than the cap.
    return uvicorn.Config(app, host=host, port=port, log_level=log_level, server_header=False,
                          http=guarded_protocol(header_timeout, max_connections), backlog=backlog(max_connections),
                          timeout_keep_alive=KEEP_ALIVE, h11_max_incomplete_event_size=16 * 1024)


def serve(app, host: str, port: int, header_timeout: float = HEADER_TIMEOUT,
          max_connections: int = MAX_CONNECTIONS) -> None:
    """Run the server until interrupted (fit `max_connections` to the file limit first: `limits.fit_file_limit`)."""
    import uvicorn

    uvicorn.Server(config(app, host, port, header_timeout, max_connections)).run()
