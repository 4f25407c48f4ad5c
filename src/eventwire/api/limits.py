"""Connection limits for `eventwire serve` that uvicorn does not enforce by itself.

uvicorn 0.54 (h11) arms no timer between accepting a connection and receiving a whole request
head: its keep-alive timer only runs after a response, and the first byte of a request cancels
it. A client that sends half a header therefore holds its socket, and a file descriptor, for
ever; in issue 22, 1,100 such connections under a 1,024-file limit made every other client wait
20 s. `limit_concurrency` does not help there: it answers 503 only once a whole request has
arrived. `GuardedProtocol` adds what is missing:

- a deadline (`header_timeout`) for each request head, counted from the connection's opening or
  from the previous response; bytes trickling in do not extend it (a slow-loris client is cut at
  the deadline), and a connection past it is answered 408 and closed;
- a cap (`max_connections`) on open connections: one past the cap takes the place of the oldest
  connection still waiting for its request head, or, when every connection is busy with a
  request, is answered 503 and closed at once, so descriptors never run out.
"""

from __future__ import annotations

import asyncio
import json
import resource

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

#: Descriptors kept free for the database file, the listening socket, logs and the interpreter.
RESERVED_FILES = 64


def _raw_response(status: int, reason: str, message: str) -> bytes:
    body = json.dumps({"error": message}).encode()
    head = (f"HTTP/1.1 {status} {reason}\r\ncontent-type: application/json\r\ncontent-length: {len(body)}\r\n"
            "connection: close\r\n\r\n").encode("ascii")
    return head + body


class GuardedProtocol(H11Protocol):
    """uvicorn's h11 protocol with a deadline for request heads and a cap on open connections."""

    header_timeout: float = 10.0
    max_connections: int = 256

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._opened = self.loop.time()
        self._deadline: asyncio.TimerHandle | None = None
        if len(self.connections) > self.max_connections and not self._evict_one():
            self._refuse(503, "Service Unavailable",
                         f"the server has {self.max_connections} connections open; try again shortly")
            return
        self._arm()

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        if not self._waiting():
            self._disarm()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        if not self.transport.is_closing():
            self._arm()  # a fresh deadline for the next request on this connection
            if not self._waiting():
                self._disarm()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)

    # -- internals ---------------------------------------------------------------------

    def _waiting(self) -> bool:
        """True while no whole request has arrived and no response is being produced."""
        busy = self.cycle is not None and not self.cycle.response_complete
        return not busy and self.conn.their_state in (h11.IDLE, h11.SEND_BODY)

    def _arm(self) -> None:
        self._disarm()
        self._deadline = self.loop.call_later(self.header_timeout, self._expire)

    def _disarm(self) -> None:
        if getattr(self, "_deadline", None) is not None:
            self._deadline.cancel()  # type: ignore[union-attr]
            self._deadline = None

    def _expire(self) -> None:
        self._deadline = None
        if self._waiting() and not self.transport.is_closing():
            self._refuse(408, "Request Timeout", f"the request was not complete within {self.header_timeout:g} s")

    def _evict_one(self) -> bool:
        """Close the oldest other connection still waiting for its request; False if there is none."""
        waiting = [c for c in self.connections if c is not self and isinstance(c, GuardedProtocol)
                   and not c.transport.is_closing() and c._waiting()]
        if not waiting:
            return False
        min(waiting, key=lambda c: c._opened)._refuse(
            408, "Request Timeout", "the server is full and this connection sent no complete request")
        return True

    def _refuse(self, status: int, reason: str, message: str) -> None:
        self._disarm()
        if self.transport.is_closing():
            return
        if self.conn.our_state is h11.IDLE:  # no response has begun: the client can be told why
            self.transport.write(_raw_response(status, reason, message))
        self.transport.close()


def guarded_protocol(header_timeout: float, max_connections: int) -> type[GuardedProtocol]:
    """A `GuardedProtocol` class with these limits, for `uvicorn.Config(http=...)`."""
    if header_timeout <= 0 or max_connections < 1:
        raise ValueError("header_timeout must be positive and max_connections at least 1")
    return type("GuardedProtocol", (GuardedProtocol,),
                {"header_timeout": float(header_timeout), "max_connections": int(max_connections)})


def backlog(max_connections: int) -> int:
    """The listening socket's backlog: asyncio accepts up to this many sockets at once."""
    return max(16, max_connections // 2)


def files_needed(max_connections: int) -> int:
    return max_connections + backlog(max_connections) + RESERVED_FILES


def fit_file_limit(max_connections: int) -> tuple[int, str | None]:
    """Raise this process's open-file limit to fit `max_connections`, or lower the cap to fit the limit.

    Returns the cap to use and a warning when it had to be lowered.
    """
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    need = files_needed(max_connections)
    if soft != resource.RLIM_INFINITY and soft < need:
        target = need if hard == resource.RLIM_INFINITY else min(hard, need)
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
            soft = target
        except (ValueError, OSError):
            pass
    if soft != resource.RLIM_INFINITY and soft < need:
        fitted = max(1, (soft - RESERVED_FILES) * 2 // 3)
        while fitted > 1 and files_needed(fitted) > soft:
            fitted -= 1
        return fitted, (f"--max-connections {max_connections} does not fit the open-file limit ({soft}); "
                        f"serving at most {fitted} connections (raise it with `ulimit -n`)")
    return max_connections, None
