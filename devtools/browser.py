"""The headless browser of the browser tests and of the screenshots: Debian's chromium (or
$CHROMIUM) driven by Playwright, which downloads no browser of its own."""
from __future__ import annotations

import os
import shutil

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# Headless, and nothing that would try to reach the network (there is none).
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def chromium_missing() -> bool:
    return shutil.which(CHROMIUM) is None


# What the scripts say when the browser is not there (make install puts Debian's chromium).
CHROMIUM_MISSING = f"{CHROMIUM} introuvable : installez le paquet Debian chromium (ou indiquez CHROMIUM=…)."


def launch(playwright):
    """A Chromium browser from a started Playwright (sync or async API)."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
