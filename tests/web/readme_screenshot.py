"""Screenshot of the explorer's dashboard for the README (docs/screenshot.png).

    .venv/bin/eventwire run sample/news ../shared/seeds BBC_POLITICS_DIR --db shot.duckdb
    .venv/bin/python -m tests.web.readme_screenshot shot.duckdb docs/screenshot.png [QUERY]

Serves DB on a free loopback port exactly as `eventwire serve` does (same app, same server settings)
and photographs it in Debian's headless Chromium (no browser download).
"""

from __future__ import annotations

import sys

from tests.api.live import free_port, start, stop
from tests.web.conftest import CHROMIUM, CHROMIUM_ARGS


def main(db: str, out: str, query: str = "view=dashboard") -> None:
    from playwright.sync_api import sync_playwright

    from eventwire.api.server import build, config

    app, _ = build(db, "127.0.0.1", None, False)
    port = free_port()
    server, thread = start(config(app, "127.0.0.1", port))
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1360, "height": 1640})
            page.goto(f"http://127.0.0.1:{port}/?{query}")
            page.wait_for_selector("body[data-rendered]", timeout=30_000)
            page.screenshot(path=out)
            browser.close()
    finally:
        stop(server, thread)
        app.state.db.close()


if __name__ == "__main__":
    main(*sys.argv[1:])
