"""Serve the demo page and the widget (web/), the pinned front-end packages (node_modules/) and a
generated /config.js that points the widget at the Rasa server of this machine.

    .venv/bin/python scripts/web_server.py --port 8000 --rasa-port 5005

Only the files listed in VENDOR are exposed from node_modules; nothing is fetched from the network.
"""
from __future__ import annotations

import argparse
import functools
import http.server
import json
import posixpath
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WEB = ROOT / "web"
VENDOR = {  # URL prefix -> folder of an npm package (see package.json)
    "/vendor/dsfr/": ROOT / "node_modules" / "@gouvfr" / "dsfr" / "dist",
    "/vendor/socket.io/": ROOT / "node_modules" / "socket.io-client" / "dist",
}


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, ".js": "text/javascript",
                      ".woff2": "font/woff2", ".svg": "image/svg+xml"}

    def __init__(self, *args, rasa_url: str, rasa_port: int, **kwargs):
        self.rasa_url, self.rasa_port = rasa_url, rasa_port
        super().__init__(*args, directory=str(WEB), **kwargs)

    def do_GET(self) -> None:
        if urllib.parse.urlsplit(self.path).path == "/config.js":
            # The Rasa server of the host the page was loaded from, unless a URL was given.
            host = urllib.parse.urlsplit("//" + (self.headers.get("Host") or "127.0.0.1")).hostname
            url = self.rasa_url or f"http://{host}:{self.rasa_port}"
            body = ("window.OrientationWidgetConfig = " + json.dumps({"serverUrl": url}) + ";\n").encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/javascript; charset=utf-8")
            self.send_header("Cache-Control", "no-store")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        super().do_GET()

    def translate_path(self, path: str) -> str:
        """Vendor prefixes map into their package folder; anything else stays inside web/."""
        clean = posixpath.normpath(urllib.parse.unquote(urllib.parse.urlsplit(path).path))
        for prefix, folder in VENDOR.items():
            if (clean + "/").startswith(prefix):
                target = (folder / clean[len(prefix):]).resolve()
                return str(target) if folder.resolve() in target.parents or target == folder.resolve() \
                    else str(WEB / "__not_found__")
        return super().translate_path(path)

    def list_directory(self, path):  # no folder listings, of web/ or of a package
        self.send_error(404, "Not Found")
        return None

    def log_message(self, format: str, *args) -> None:  # quiet: one line per request is noise here
        pass


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--rasa-port", type=int, default=5005, help="Rasa server on the page's host")
    parser.add_argument("--rasa-url", help="full URL of the Rasa server, instead of --rasa-port")
    args = parser.parse_args()
    handler = functools.partial(Handler, rasa_url=args.rasa_url, rasa_port=args.rasa_port)
    with http.server.ThreadingHTTPServer((args.host, args.port), handler) as server:
        server.serve_forever()


if __name__ == "__main__":
    main()
