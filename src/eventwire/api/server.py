"""`eventwire serve`: the bind rule and uvicorn.

Loopback is the default because the explorer shows whole articles; any other
address needs a token, or an explicit `--insecure` to serve without one.
"""

from __future__ import annotations

import ipaddress

from eventwire.errors import EventwireError

LOOPBACK_NAMES = {"localhost", "127.0.0.1", "::1"}


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


def build(db: str, host: str, token: str | None, insecure: bool, query_timeout: float = 5.0):
    """The app for `eventwire serve`, after the bind rule; returns (app, warning)."""
    from eventwire.api.app import create_app

    warning = check_bind(host, token, insecure)
    # Without a token, only accept requests addressed to loopback names (defeats DNS rebinding).
    hosts = ["127.0.0.1", "localhost", "::1", "[::1]"] if is_loopback(host) and not token else None
    return create_app(db, token=token, query_timeout=query_timeout, allowed_hosts=hosts), warning


def serve(app, host: str, port: int) -> None:
    import uvicorn

    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)
