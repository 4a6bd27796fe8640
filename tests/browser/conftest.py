"""Browser tests of the widget: headless Debian chromium driven by Playwright, against the page
and the servers that `make run` starts (action server, Rasa server, scripts/web_server.py)."""
import os

import pytest

from devtools.browser import CHROMIUM, chromium_missing, launch
from devtools.stack import MODEL, action_server, rasa_server, web_server


@pytest.fixture(scope="module")
def browser():
    """Module-scoped: Playwright's sync API keeps an asyncio loop running in this thread until it
    stops, and tests run after it (in any order) call asyncio.run(), which refuses a running loop."""
    if chromium_missing():
        pytest.fail(f"{CHROMIUM} not found: install Debian's chromium (.ci/run does)")
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        browser = launch(playwright)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    """Action server, Rasa server and web page, with their own database."""
    if not MODEL.exists():
        pytest.fail(f"no trained model at {MODEL}: run `make train`")
    logs = tmp_path_factory.mktemp("browser-logs")
    # Passed to the servers alone: this process's environment is untouched.
    env = {"ORIENTATION_DATABASE_URL": os.environ.get("ORIENTATION_TEST_DATABASE_URL") or
           f"sqlite:///{tmp_path_factory.mktemp('browser-db') / 'orientation.db'}"}
    with action_server(logs, env=env) as action_port, rasa_server(logs, action_port, env=env) as rasa_port, \
            web_server(logs, rasa_port) as web_port:
        yield {"url": f"http://127.0.0.1:{web_port}/", "actions": action_port, "rasa": rasa_port, "logs": logs,
               "env": env}


@pytest.fixture
def page(browser, site):
    """A new visitor: fresh storage; any JavaScript dialog fails the test."""
    context = browser.new_context(locale="fr-FR")
    page = context.new_page()
    page.dialogs = []
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(site["url"])
    yield page
    context.close()
