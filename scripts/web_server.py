"""Serve the demo page and the widget (web/), the pinned front-end packages (node_modules/) and a
generated /config.js that points the widget at the Rasa server of this machine.

    .venv/bin/python scripts/web_server.py --port 8000 --rasa-port 5005

Only the files listed in VENDOR are exposed from node_modules; nothing is fetched from the network.
Every response carries a Content-Security-Policy: everything from the page's own origin, connections
to it and to the Rasa server only, and frames of the page allowed on the page itself and on the
sites of ORIENTATION_FRAME_ANCESTORS only (a foreign site cannot dress it up and trick a user).
"""
from __future__ import annotations

import argparse
import json
import mimetypes
import sys
import urllib.parse
from pathlib import Path
from typing import Optional, Sequence

from aiohttp import web

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # run as a file: the repository is not on the path

from orientation.settings import SettingsError, get_settings  # noqa: E402

WEB = ROOT / "web"
VENDOR = {  # URL prefix -> folder of an npm package (see package.json)
    "/vendor/dsfr": ROOT / "node_modules" / "@gouvfr" / "dsfr" / "dist",
    "/vendor/socket.io": ROOT / "node_modules" / "socket.io-client" / "dist",
}
# The types the page needs, whatever the machine's /etc/mime.types says.
for extension, kind in {".js": "text/javascript", ".woff2": "font/woff2", ".svg": "image/svg+xml"}.items():
    mimetypes.add_type(kind, extension)


def rasa_server_url(request: web.Request, rasa_url: Optional[str], rasa_port: int) -> str:
    """The Rasa server of the host the page was loaded from, unless a URL was given."""
    host = urllib.parse.urlsplit("//" + (request.host or "127.0.0.1")).hostname
    return rasa_url or f"http://{host}:{rasa_port}"


def content_security_policy(rasa: str, frame_ancestors: Sequence[str]) -> str:
    websocket = "ws" + rasa[len("http"):] if rasa.startswith("http") else rasa  # socket.io's websocket
    return "; ".join([
        "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "font-src 'self'",
        f"connect-src 'self' {rasa} {websocket}", "object-src 'none'", "base-uri 'none'", "form-action 'self'",
        "frame-ancestors " + " ".join(["'self'", *frame_ancestors])])


def security_headers(rasa_url: Optional[str], rasa_port: int, frame_ancestors: Sequence[str]):
    @web.middleware
    async def add_headers(request: web.Request, handler):
        answer = await handler(request)
        answer.headers["Content-Security-Policy"] = content_security_policy(
            rasa_server_url(request, rasa_url, rasa_port), frame_ancestors)
        answer.headers["X-Content-Type-Options"] = "nosniff"
        answer.headers["Referrer-Policy"] = "same-origin"
        if not frame_ancestors:  # browsers without frame-ancestors
            answer.headers["X-Frame-Options"] = "SAMEORIGIN"
        return answer
    return add_headers


def config_js(rasa_url: Optional[str], rasa_port: int):
    async def handler(request: web.Request) -> web.Response:
        url = rasa_server_url(request, rasa_url, rasa_port)
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


def create_app(rasa_url: Optional[str] = None, rasa_port: int = 5005,
               frame_ancestors: Sequence[str] = ()) -> web.Application:
    """Static files only inside web/ and the VENDOR folders (aiohttp refuses paths that leave them)."""
    app = web.Application(middlewares=[security_headers(rasa_url, rasa_port, frame_ancestors), no_listing])
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
    try:
        frame_ancestors = get_settings().frame_ancestors
    except SettingsError as error:
        sys.exit(f"Configuration invalide :\n{error}")
    # quiet: one line per request is noise here
    web.run_app(create_app(args.rasa_url, args.rasa_port, frame_ancestors), host=args.host, port=args.port, access_log=None,
                print=None)


if __name__ == "__main__":
    main()
