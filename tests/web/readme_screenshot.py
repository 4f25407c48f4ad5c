"""Screenshot of the explorer's dashboard for the README (docs/screenshot.png).

    make run && .venv/bin/python -m tests.web.readme_screenshot eventwire.duckdb docs/screenshot.png

Serves DB on a free loopback port exactly as `eventwire serve` does and photographs it in
Debian's headless Chromium (no browser download).
"""

from __future__ import annotations

import sys
import threading
import time

from tests.web.conftest import CHROMIUM, CHROMIUM_ARGS, _free_port


def main(db: str, out: str, query: str = "view=dashboard") -> None:
    import uvicorn
    from playwright.sync_api import sync_playwright

    from eventwire.api.server import build

    app, _ = build(db, "127.0.0.1", None, False)
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1360, "height": 1480})
        page.goto(f"http://127.0.0.1:{port}/?{query}")
        page.wait_for_selector("#network svg, #network .empty")
        page.screenshot(path=out)
        browser.close()
    server.should_exit = True


if __name__ == "__main__":
    main(*sys.argv[1:])
