"""A page of another site, in Chromium, against the assistant's servers: it can neither make the
chat process a message (the rest channel refuses its origin, and the « simple » text/plain request
that CORS lets through) nor show the public page in a frame (CSP frame-ancestors)."""
import functools
import http.server
import threading
import uuid

import pytest
import sqlalchemy as sa

from devtools.processes import free_port

FOREIGN_PAGE = """<!doctype html><html><head><title>Autre site</title></head>
<body><iframe id="cadre" src="{site}"></iframe></body></html>"""

SEND = """async ([url, sender]) => {
  const message = "Bonjour, je suis la commune de Nantes";
  const outcome = {};
  // CORS' « simple » request: sent without asking, the reply only hidden from the page
  await fetch(url, {method: "POST", mode: "no-cors", headers: {"Content-Type": "text/plain"},
                    body: JSON.stringify({sender: sender + "-plain", message})});
  const json = await fetch(url, {method: "POST", headers: {"Content-Type": "application/json"},
                                 body: JSON.stringify({sender: sender + "-json", message})});
  outcome.json = json.status;
  return outcome;
}"""


@pytest.fixture(scope="module")
def foreign_site(tmp_path_factory, site):
    folder = tmp_path_factory.mktemp("foreign")
    (folder / "index.html").write_text(FOREIGN_PAGE.format(site=site["url"]), encoding="utf-8")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(folder))
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", free_port()), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"  # another port: another origin
    server.shutdown()
    server.server_close()


def _stored_events(site, sender: str) -> int:
    engine = sa.create_engine(site["env"]["ORIENTATION_DATABASE_URL"])
    try:
        with engine.connect() as connection:
            return connection.execute(sa.text("SELECT count(*) FROM events WHERE sender_id LIKE :s"),
                                      {"s": sender + "%"}).scalar()
    finally:
        engine.dispose()


def test_a_foreign_page_cannot_make_the_chat_process_a_message(browser, site, foreign_site):
    context = browser.new_context(locale="fr-FR")
    page = context.new_page()
    page.goto(foreign_site)
    sender = f"foreign-{uuid.uuid4().hex[:8]}"
    outcome = page.evaluate(SEND, [f"http://127.0.0.1:{site['rasa']}/webhooks/rest/webhook", sender])
    context.close()
    assert outcome == {"json": 403}
    assert _stored_events(site, sender) == 0  # neither request reached the assistant


def test_a_foreign_page_cannot_show_the_public_page_in_a_frame(browser, site, foreign_site):
    context = browser.new_context(locale="fr-FR")
    page = context.new_page()
    blocked = []
    page.on("console", lambda message: blocked.append(message.text) if "frame-ancestors" in message.text else None)
    page.goto(foreign_site, wait_until="load")
    framed = page.frame_locator("#cadre")
    assert framed.locator("script[src*='orientation-widget']").count() == 0  # nothing of the page shown
    assert blocked, "Chromium did not report the frame-ancestors refusal"
    # the page itself, opened directly, works under its policy
    page.goto(site["url"])
    header = page.request.get(site["url"]).headers["content-security-policy"]
    assert "frame-ancestors 'self'" in header and "script-src 'self'" in header
    context.close()
