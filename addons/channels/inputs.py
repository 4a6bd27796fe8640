"""The two input channels of the assistant, Rasa's rest and socketio channels with the edges a
public service needs. credentials.yml names these classes; their names stay "rest" and "socketio",
so the URLs (/webhooks/rest/webhook, /socket.io) do not change.

- A message longer than ORIENTATION_MAX_MESSAGE characters (orientation/settings.py, the one limit) gets a French
  reply and is not processed (no NLU, no tracker event): nobody describes a project in more, and a
  huge message costs every user.
- The socket.io channel accepts connections only from CORS_ORIGINS (the websocket transport is not
  covered by the browser's CORS checks, so the origin is checked here; Rasa's --cors covers HTTP).
- The client's IP address goes into the message metadata under CLIENT_KEY, always overwriting what
  the client sent there itself: Rasa puts nothing of the HTTP request in the tracker, and the
  booking limits need it (actions/client.py). The client is the direct peer of the HTTP
  request; X-Forwarded-For is honoured only when that peer is a trusted proxy
  ($ORIENTATION_TRUSTED_PROXIES: addresses or networks, comma-separated; none by default), else
  anyone could claim any address and escape the limits.
- A message that cannot be processed (the lock store or the database unreachable) gets a French
  apology, never an empty reply; the log names the failure, never the message nor the client.
- The rest channel takes only what its clients send: a JSON object with a `sender` and a
  `message`, from no browser page (no Origin) or from one of CORS_ORIGINS. CORS only hides the
  reply from a foreign page, which could still send « simple » requests (text/plain) that were
  processed: a booking made from another site. Else 403 (origin), 415 (not JSON) or 400.
- GET /webhooks/rest/health answers 200 only when the conversations' lock store answers: the
  balancer's health check, so that an instance that cannot serve is taken out of rotation.
"""
from __future__ import annotations

import json
import logging
from typing import Any, Awaitable, Callable, Dict, List, Optional, Text

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.rest import RestInput
from rasa.core.channels.socketio import SocketIOInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from actions.client import CLIENT_KEY
from orientation.client_address import Network, client_address, networks
from orientation.fiche.links import SERVER_URL_KEY
from orientation.language import french
from orientation.replies.message import UNAVAILABLE
from orientation.settings import Settings, get_settings

logger = logging.getLogger(__name__)

Handler = Callable[[UserMessage], Awaitable[Any]]

TOO_LONG = ("Votre message est trop long pour que je le lise : {limit} caractères au plus, il en compte "
            "{length}. Pouvez-vous le redire en quelques phrases ? Par exemple : qui vous êtes, ce que "
            "vous voulez financer et votre budget.")


def too_long_reply(length: int) -> str:
    return TOO_LONG.format(limit=french.number(get_settings().max_message), length=french.number(length))


def within_limit(on_new_message: Handler) -> Handler:
    """Answers an over-long message itself instead of passing it to the assistant, and a message
    that fails with the apology."""
    limit = get_settings().max_message  # read once, when the server starts

    async def handle(message: UserMessage) -> Any:
        length = len(message.text or "")
        if length > limit:
            logger.info("Message of %s characters from %s not processed (limit %s).",
                        length, message.sender_id, limit)
            await message.output_channel.send_text_message(message.sender_id, too_long_reply(length))
            return None
        try:
            return await on_new_message(message)
        except Exception as error:  # noqa: BLE001 - whatever failed, the user is told, not left in silence
            # the error's type and text only: Rasa's own log line would quote the user's message
            logger.error("Message not processed: %s: %s", type(error).__name__, error)
            await message.output_channel.send_text_message(message.sender_id, UNAVAILABLE)
            return None
    return handle


def lock_store_answers(lock_store: Any) -> bool:
    """Whether the conversations' lock store can be used (an in-memory one always can)."""
    check = getattr(lock_store, "answers", None)
    return check() if check else True


def refusal(request: Request, allowed: List[str]) -> Optional[HTTPResponse]:
    """Why the rest webhook refuses this request (a French error, see the module docstring), or None."""
    origin = request.headers.get("origin")
    if origin and "*" not in allowed and origin.rstrip("/") not in allowed:
        return response.json({"erreur": "Origine non autorisée."}, status=403)
    if (request.headers.get("content-type") or "").split(";")[0].strip().lower() != "application/json":
        return response.json({"erreur": "Le corps de la requête doit être du JSON (application/json)."},
                             status=415)
    try:
        body = json.loads(request.body or b"")
    except ValueError:
        return response.json({"erreur": "Le corps de la requête n'est pas du JSON valide."}, status=400)
    if not isinstance(body, dict):
        return response.json({"erreur": "Le corps de la requête doit être un objet JSON."}, status=400)
    sender = body.get("sender")
    if not isinstance(sender, str) or not sender.strip():
        return response.json({"erreur": "Le champ « sender » (l'identifiant de la conversation) est requis."},
                             status=400)
    if not isinstance(body.get("message"), str):
        return response.json({"erreur": "Le champ « message » (un texte) est requis."}, status=400)
    return None


def allowed_origins(environ: Optional[Dict[str, str]] = None) -> List[str]:
    """CORS_ORIGINS: origins separated by spaces or commas; "*" allows every site (development only)."""
    return [origin.rstrip("/") for origin in get_settings(environ).cors_origins]


def origin_allowed(origin: Optional[str], allowed: List[str]) -> bool:
    # No Origin header: not a browser page (curl, a server), which CORS does not concern.
    return not origin or "*" in allowed or origin.rstrip("/") in allowed


TRUSTED_PROXIES_ENV = Settings.variable("trusted_proxies")

def trusted_proxies(value: Optional[str] = None) -> List[Network]:
    """The networks of $ORIENTATION_TRUSTED_PROXIES (an address alone is a /32 or /128)."""
    return get_settings().trusted_proxies if value is None else networks(value)


def request_client(request: Request, proxies: List[Network]) -> Optional[str]:
    return client_address(request.ip, request.headers.get("x-forwarded-for"), proxies)


def server_url(request: Optional[Request]) -> Optional[str]:
    """This server's address as the user reached it (the « fiche projet » link, actions/fiche.py)."""
    if request is None:
        return None
    try:
        # the socket.io handshake may be a websocket request: its page's address is the http(s) one
        scheme = {"ws": "http", "wss": "https"}.get(request.scheme, request.scheme)
        return f"{scheme}://{request.host}" if request.host else None
    except Exception:  # noqa: BLE001 - a malformed Host header: no link, never a lost message
        return None


def with_client(metadata: Any, client: Optional[str], request: Optional[Request] = None) -> Dict[Text, Any]:
    if isinstance(metadata, str):  # the socketio channel accepts metadata as a JSON string
        try:
            metadata = json.loads(metadata)
        except ValueError:
            metadata = {}
    metadata = dict(metadata) if isinstance(metadata, dict) else {}
    metadata[CLIENT_KEY] = client
    metadata[SERVER_URL_KEY] = server_url(request)  # always ours, never what the client claims
    return metadata


class OrientationRestInput(RestInput):
    """The rest channel (/webhooks/rest/webhook): over-long messages answered, the client's address
    in the metadata."""

    @classmethod
    def name(cls) -> Text:
        return "rest"

    def blueprint(self, on_new_message: Handler) -> Blueprint:
        self.proxies = trusted_proxies()  # read once, when the server starts, not on every message
        allowed = allowed_origins()
        blueprint = super().blueprint(within_limit(on_new_message))

        @blueprint.on_request
        async def refuse_what_clients_do_not_send(request: Request) -> Optional[HTTPResponse]:
            if request.method == "POST" and request.path.rstrip("/").endswith("/webhook"):
                return refusal(request, allowed)
            return None

        @blueprint.route("/health", methods=["GET"])
        async def health(request: Request) -> HTTPResponse:
            agent = getattr(request.app.ctx, "agent", None)
            if agent is None or not lock_store_answers(agent.lock_store):
                return response.json({"status": "lock store unreachable"}, status=503)
            return response.json({"status": "ok"})

        return blueprint

    def get_metadata(self, request: Request) -> Optional[Dict[Text, Any]]:
        return with_client(super().get_metadata(request), request_client(request, self.proxies), request)


class OrientationSocketIOInput(SocketIOInput):
    """The socketio channel of the website widget: over-long messages answered, connections only
    from CORS_ORIGINS, the client's address (from the HTTP request that opened the socket) in the
    metadata."""

    @classmethod
    def name(cls) -> Text:
        return "socketio"

    def blueprint(self, on_new_message: Handler) -> Blueprint:
        blueprint = super().blueprint(within_limit(on_new_message))
        handlers = self.sio.handlers[self.namespace or "/"]
        connect, receive = handlers["connect"], handlers[self.user_message_evt]
        allowed, proxies = allowed_origins(), trusted_proxies()  # read once, when the server starts

        async def connect_from_allowed_origin(sid: str, environ: Dict, auth: Optional[Dict] = None) -> bool:
            origin = environ.get("HTTP_ORIGIN")
            if allowed and not origin_allowed(origin, allowed):
                logger.warning("socket.io connection refused from origin %s (CORS_ORIGINS).", origin)
                return False
            return await connect(sid, environ, auth)

        async def receive_with_client(sid: Text, data: Dict) -> None:
            request = (self.sio.get_environ(sid, namespace=self.namespace) or {}).get("sanic.request")
            client = request_client(request, proxies) if request is not None else None
            if isinstance(data, dict):
                data = {**data, self.metadata_key: with_client(data.get(self.metadata_key), client, request)}
            await receive(sid, data)

        self.sio.on("connect", connect_from_allowed_origin, namespace=self.namespace)
        handlers[self.user_message_evt] = receive_with_client
        return blueprint
