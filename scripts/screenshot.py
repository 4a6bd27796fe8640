"""Retake docs/screenshot.png, the README's picture of the widget, from a real conversation.

    make screenshot        # or: .venv/bin/python scripts/screenshot.py [--output PATH]

Starts the action server, the Rasa server (reference date 2021-10-15, a throwaway database) and the
demo page on free ports, as the browser tests do (devtools/stack.py), then types a conversation in
the widget in headless Chromium (Debian's /usr/bin/chromium, or $CHROMIUM) and shoots the page.
"""
from __future__ import annotations

import argparse
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from devtools.browser import CHROMIUM_MISSING, chromium_missing, launch  # noqa: E402  (the browser as the tests run it)
from devtools.stack import MODEL, action_server, rasa_server, web_server  # noqa: E402

# The conversation shown: one question at a time, as most users write.
MESSAGES = [("Bonjour", "Dites-moi qui vous êtes"),
            ("Nous sommes une commune de 350 000 habitants", "objet du projet"),
            ("une plateforme de participation citoyenne", "coût total"),
            ("400 000 €", "Souhaitez-vous le détail")]
TIMEOUT = 60_000


def shoot(url: str, output: Path) -> None:
    from playwright.sync_api import expect, sync_playwright
    with sync_playwright() as playwright:
        browser = launch(playwright)
        page = browser.new_page(viewport={"width": 1280, "height": 800}, locale="fr-FR")
        page.goto(url)
        page.get_by_role("button", name=re.compile("Discuter avec l'assistant")).click()
        box = page.get_by_role("textbox", name="Votre message")
        for text, answer in MESSAGES:
            box.fill(text)
            box.press("Enter")
            expect(page.locator(".ofr-bot").filter(has_text=answer).last).to_be_visible(timeout=TIMEOUT)
        # The widget shows a new reply from its start: the answer, then the cards.
        expect(page.locator('.ofr-log [data-call-code="TNT-COOP"]')).to_be_visible()
        page.wait_for_timeout(300)
        output.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(output))
        browser.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=ROOT / "docs" / "screenshot.png")
    args = parser.parse_args()
    if chromium_missing():
        print(CHROMIUM_MISSING, file=sys.stderr)
        return 1
    if not MODEL.exists():
        print(f"Pas de modèle entraîné dans {MODEL} : lancez `make train`.", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="screenshot-") as tmp:
        logs = Path(tmp)
        env = {"ORIENTATION_DATABASE_URL": f"sqlite:///{logs / 'orientation.db'}"}
        with action_server(logs, env=env) as action_port, rasa_server(logs, action_port, env=env) as rasa_port, \
                web_server(logs, rasa_port) as web_port:
            shoot(f"http://127.0.0.1:{web_port}/", args.output)
    print(f"Capture écrite dans {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
