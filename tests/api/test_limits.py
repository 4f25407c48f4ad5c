"""`eventwire serve`'s connection limits, with real sockets against a real server on a free port."""

from __future__ import annotations

import asyncio
import http.client
import socket
import threading
import time

import pytest
import uvicorn

from eventwire.api import limits
from eventwire.api.server import build, config
from tests.api.live import free_port, running

PARTIAL = b"GET /api/meta HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: "


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    from tests.api.fixture_db import build as build_db

    made, _ = build(build_db(str(tmp_path_factory.mktemp("limits") / "limits.duckdb")), "127.0.0.1", None, False)
    yield made
    made.state.db.close()


def _half_open(port: int, data: bytes = PARTIAL) -> socket.socket:
    s = socket.create_connection(("127.0.0.1", port), timeout=5)
    if data:
        s.sendall(data)
    return s


def _read_all(s: socket.socket) -> bytes:
    """Everything the server sends until it closes the connection (or 5 s pass)."""
    chunks = []
    while chunk := s.recv(4096):
        chunks.append(chunk)
    return b"".join(chunks)


def _get(port: int, path: str = "/api/meta", timeout: float = 5) -> tuple[int, float]:
    started = time.monotonic()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        response.read()
        return response.status, time.monotonic() - started
    finally:
        conn.close()


def test_stock_uvicorn_keeps_a_partial_header_open_for_ever(app):
    """Why the wrapper exists: uvicorn's keep-alive timer does not cover a request head still arriving.
    If this starts failing, uvicorn learned to time heads out and `limits.GuardedProtocol` can go."""
    port = free_port()
    with running(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", http="h11",
                                timeout_keep_alive=1)):
        s = _half_open(port)
        s.settimeout(2.5)
        with pytest.raises(socket.timeout):
            s.recv(100)  # neither answered nor closed, 2.5 times the keep-alive timeout later
        s.close()


def test_a_partial_header_is_answered_408_and_closed_at_the_deadline(app):
    port = free_port()
    with running(config(app, "127.0.0.1", port, header_timeout=0.5)):
        started = time.monotonic()
        s = _half_open(port)
        answer = _read_all(s)
        took = time.monotonic() - started
        assert answer.startswith(b"HTTP/1.1 408 ") and b"connection: close" in answer
        assert b"not complete within 0.5 s" in answer
        assert 0.4 <= took < 3
        silent = _half_open(port, b"")  # a connection that sends nothing at all
        assert _read_all(silent).startswith(b"HTTP/1.1 408 ")


def test_a_trickled_header_does_not_extend_the_deadline(app):
    port = free_port()
    with running(config(app, "127.0.0.1", port, header_timeout=0.6)):
        s = _half_open(port, b"G")
        s.settimeout(0.1)
        started, answer = time.monotonic(), None
        while answer is None and time.monotonic() - started < 4:
            try:
                s.sendall(b"x")  # a byte every 0.1 s: the head keeps arriving, never completes
                answer = s.recv(4096)
            except socket.timeout:
                continue
            except OSError:
                answer = b""
        assert answer is not None and answer.startswith(b"HTTP/1.1 408 ")
        assert time.monotonic() - started < 2


def test_keep_alive_requests_still_work_and_each_gets_a_fresh_deadline(app):
    port = free_port()
    with running(config(app, "127.0.0.1", port, header_timeout=0.8)):
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        for _ in range(3):  # three requests on one connection, spread over longer than one deadline
            conn.request("GET", "/api/meta")
            response = conn.getresponse()
            assert response.status == 200 and response.read()
            time.sleep(0.35)
        conn.close()


def test_a_flood_of_half_open_connections_does_not_keep_others_waiting(app):
    port = free_port()
    with running(config(app, "127.0.0.1", port, header_timeout=30, max_connections=8)):
        flood = [_half_open(port) for _ in range(40)]
        status, took = _get(port)
        assert status == 200 and took < 2  # room was made for it: no 20 s wait, no 503
        time.sleep(0.3)
        still_open = 0
        for s in flood:
            s.setblocking(False)
            try:
                s.recv(4096)  # a 408 and the close, or the close alone
            except BlockingIOError:
                still_open += 1
            except OSError:
                pass
            s.close()
        assert still_open <= 8


def test_when_every_connection_is_busy_a_new_one_gets_503_at_once():
    release = threading.Event()

    async def slow(scope, receive, send):
        if scope["type"] != "http":
            return
        while not release.is_set():
            await asyncio.sleep(0.02)
        await send({"type": "http.response.start", "status": 200, "headers": [(b"content-length", b"2")]})
        await send({"type": "http.response.body", "body": b"ok"})

    port = free_port()
    with running(config(slow, "127.0.0.1", port, header_timeout=30, max_connections=2)):
        busy = [_half_open(port, b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n") for _ in range(2)]
        time.sleep(0.3)
        third = _half_open(port, b"")
        third.settimeout(2)
        answer = _read_all(third)
        assert answer.startswith(b"HTTP/1.1 503 ") and b"2 connections open" in answer
        release.set()
        for s in busy:
            assert _read_all(s).startswith(b"HTTP/1.1 200 ")
            s.close()


def test_serving_another_loopback_address_accepts_requests_to_it(app, tmp_path):
    from tests.api.fixture_db import build as build_db

    other, _ = build(build_db(str(tmp_path / "other.duckdb")), "127.0.0.2", None, False)
    port = free_port("127.0.0.2")
    try:
        with running(config(other, "127.0.0.2", port)):
            conn = http.client.HTTPConnection("127.0.0.2", port, timeout=5)
            conn.request("GET", "/api/meta")
            response = conn.getresponse()
            assert response.status == 200 and response.read()  # was 400 "Invalid host header"
            conn.request("GET", "/api/meta", headers={"Host": "attacker.example"})
            assert conn.getresponse().status == 400  # DNS rebinding is still refused
            conn.close()
    finally:
        other.state.db.close()


def test_the_cap_is_fitted_to_the_open_file_limit(monkeypatch):
    calls = []
    monkeypatch.setattr(limits.resource, "getrlimit", lambda _: (256, 256))
    monkeypatch.setattr(limits.resource, "setrlimit", lambda *a: calls.append(a))
    cap, warning = limits.fit_file_limit(1000)
    assert calls and limits.files_needed(cap) <= 256 < limits.files_needed(cap + 1)
    assert "--max-connections 1000" in warning and "ulimit -n" in warning


def test_the_file_limit_is_raised_when_the_hard_limit_allows(monkeypatch):
    calls = []
    monkeypatch.setattr(limits.resource, "getrlimit", lambda _: (256, 8192))
    monkeypatch.setattr(limits.resource, "setrlimit", lambda kind, value: calls.append(value))
    assert limits.fit_file_limit(256) == (256, None)
    assert calls == [(limits.files_needed(256), 8192)]


def test_limits_must_be_positive():
    with pytest.raises(ValueError):
        limits.guarded_protocol(0, 10)
    with pytest.raises(ValueError):
        limits.guarded_protocol(1, 0)
