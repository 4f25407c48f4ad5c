"""A real uvicorn server on a free loopback port, in a background thread (for socket-level tests)."""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Iterator


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as s:
        s.bind((host, 0))
        return s.getsockname()[1]


def start(config):
    """Start `uvicorn.Server(config)` in a thread; returns (server, thread) once it accepts connections."""
    import uvicorn

    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the server did not start within 10 s")
        time.sleep(0.02)
    return server, thread


def stop(server, thread) -> None:
    server.should_exit = True
    thread.join(timeout=5)


@contextlib.contextmanager
def running(config) -> Iterator[str]:
    """`http://host:port` of a server running with `config` for the block's duration."""
    server, thread = start(config)
    try:
        yield f"http://{config.host}:{config.port}"
    finally:
        stop(server, thread)
