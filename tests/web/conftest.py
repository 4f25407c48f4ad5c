"""A live explorer on 127.0.0.1 over the fictional test database, and headless Debian Chromium driving it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.api.fixture_db import build
from tests.api.live import free_port, start, stop

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"


@pytest.fixture(scope="session")
def explorer_file(tmp_path_factory) -> str:
    return build(str(tmp_path_factory.mktemp("web") / "explorer.duckdb"), with_stories=True, with_undated=True)


def _serve(db: str, token: str | None):
    """Run `eventwire serve`'s app and server settings (bind rule, host check, limits) in a background thread."""
    from eventwire.api.server import build as build_app
    from eventwire.api.server import config

    app, _ = build_app(db, "127.0.0.1", token=token, insecure=False)
    port = free_port()
    server, thread = start(config(app, "127.0.0.1", port))
    return f"http://127.0.0.1:{port}", server, thread, app


@pytest.fixture(scope="session")
def live_server(explorer_file):
    url, server, thread, app = _serve(explorer_file, None)
    yield url
    stop(server, thread)
    app.state.db.close()


@pytest.fixture(scope="session")
def token_server(explorer_file):
    url, server, thread, app = _serve(explorer_file, "s3cret-token")
    yield url
    stop(server, thread)
    app.state.db.close()


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"{CHROMIUM} is absent: install Debian's chromium (`make browser`) to run the browser tests")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright (Python) is not installed")
    with sync_api.sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, live_server):
    """A fresh page that fails the test on any JavaScript error or request leaving the test server."""
    context = browser.new_context(viewport={"width": 1360, "height": 1000})
    pg = context.new_page()
    pg.set_default_timeout(8000)
    problems: list[str] = []
    pg.on("pageerror", lambda exc: problems.append(f"page error: {exc}"))
    pg.on("console", lambda msg: problems.append(f"console {msg.type}: {msg.text}") if msg.type == "error" else None)
    pg.on("request", lambda req: None if req.url.startswith((live_server, "data:", "about:"))
          else problems.append(f"off-server request: {req.url}"))
    pg.problems = problems  # type: ignore[attr-defined]
    yield pg
    context.close()
    assert not problems, problems


def shoot(page, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
