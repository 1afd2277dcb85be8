"""Debian's chromium, headless, driven by Playwright for Python (no browser download).

Used by the browser tests and by bench/html_scale.py. `open_page` records console errors, page
errors, dialogs and every request that tries to leave file://, and blocks those requests.
"""

from __future__ import annotations

import shutil
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


@dataclass
class PageLog:
    errors: list[str] = field(default_factory=list)  # console errors and uncaught exceptions
    dialogs: list[str] = field(default_factory=list)  # alert/confirm/prompt: must stay empty
    outside: list[str] = field(default_factory=list)  # requests that were not file://


@contextmanager
def chromium():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def open_page(
    browser,
    path: Path,
    log: PageLog,
    width: int = 1400,
    height: int = 900,
    timeout_ms: int = 120_000,
    fragment: str = "",
):
    """Open a graph page from file:// (offline), at `fragment` (the view in the URL hash) if given, and wait
    until it is drawn."""
    context = browser.new_context(viewport={"width": width, "height": height}, offline=True)
    page = context.new_page()
    page.on("console", lambda m: log.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: log.errors.append(str(e)))

    def dialog(d):
        log.dialogs.append(d.message)
        d.dismiss()

    page.on("dialog", dialog)

    def route(r):
        if r.request.url.startswith("file:"):
            r.continue_()
        else:
            log.outside.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.goto(Path(path).resolve().as_uri() + (f"#{fragment}" if fragment else ""))
    page.wait_for_function("() => document.body.dataset.stable === 'true'", timeout=timeout_ms)
    return page
