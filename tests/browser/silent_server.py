"""A socketio server that confirms sessions like Rasa's channel and never answers: it lets a test
stop the connection while a message awaits its reply, in a second instead of a Rasa start.

    python tests/browser/silent_server.py PORT
"""
import sys

import socketio
from aiohttp import web

server = socketio.AsyncServer(async_mode="aiohttp", cors_allowed_origins="*")


@server.on("session_request")
async def session_request(sid, data):
    session_id = (data or {}).get("session_id") or "silent-" + sid
    await server.emit("session_confirm", session_id, room=sid)


@server.on("user_uttered")
async def user_uttered(sid, data):
    pass  # received, never answered


async def health(request):
    return web.Response(text="up")


if __name__ == "__main__":
    app = web.Application()
    server.attach(app)
    app.router.add_get("/", health)
    web.run_app(app, host="127.0.0.1", port=int(sys.argv[1]), print=None)
