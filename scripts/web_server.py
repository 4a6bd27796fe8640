"""Serve the demo page and the widget (web/), the pinned front-end packages (node_modules/) and a
generated /config.js that points the widget at the Rasa server of this machine.

    .venv/bin/python scripts/web_server.py --port 8000 --rasa-port 5005

Only the files listed in VENDOR are exposed from node_modules; nothing is fetched from the network.
"""
from __future__ import annotations

import argparse
import json
import mimetypes
import urllib.parse
from pathlib import Path
from typing import Optional

from aiohttp import web

ROOT = Path(__file__).resolve().parents[1]
WEB = ROOT / "web"
VENDOR = {  # URL prefix -> folder of an npm package (see package.json)
    "/vendor/dsfr": ROOT / "node_modules" / "@gouvfr" / "dsfr" / "dist",
    "/vendor/socket.io": ROOT / "node_modules" / "socket.io-client" / "dist",
}
# The types the page needs, whatever the machine's /etc/mime.types says.
for extension, kind in {".js": "text/javascript", ".woff2": "font/woff2", ".svg": "image/svg+xml"}.items():
    mimetypes.add_type(kind, extension)


def config_js(rasa_url: Optional[str], rasa_port: int):
    async def handler(request: web.Request) -> web.Response:
        # The Rasa server of the host the page was loaded from, unless a URL was given.
        host = urllib.parse.urlsplit("//" + (request.host or "127.0.0.1")).hostname
        url = rasa_url or f"http://{host}:{rasa_port}"
        body = "window.OrientationWidgetConfig = " + json.dumps({"serverUrl": url}) + ";\n"
        return web.Response(body=body.encode(),
                            headers={"Content-Type": "text/javascript; charset=utf-8", "Cache-Control": "no-store"})
    return handler


async def index(request: web.Request) -> web.FileResponse:
    return web.FileResponse(WEB / "index.html")


@web.middleware
async def no_listing(request: web.Request, handler):
    """A folder, of web/ or of a package, is not found: never listed, never « forbidden »."""
    try:
        return await handler(request)
    except web.HTTPForbidden:
        raise web.HTTPNotFound() from None


def create_app(rasa_url: Optional[str] = None, rasa_port: int = 5005) -> web.Application:
    """Static files only inside web/ and the VENDOR folders (aiohttp refuses paths that leave them)."""
    app = web.Application(middlewares=[no_listing])
    app.router.add_get("/config.js", config_js(rasa_url, rasa_port))
    app.router.add_get("/", index)
    for prefix, folder in VENDOR.items():
        app.router.add_static(prefix, folder)
    app.router.add_static("/", WEB)  # last: every other path is a file of web/
    return app


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--rasa-port", type=int, default=5005, help="Rasa server on the page's host")
    parser.add_argument("--rasa-url", help="full URL of the Rasa server, instead of --rasa-port")
    args = parser.parse_args()
    # quiet: one line per request is noise here
    web.run_app(create_app(args.rasa_url, args.rasa_port), host=args.host, port=args.port, access_log=None,
                print=None)


if __name__ == "__main__":
    main()
