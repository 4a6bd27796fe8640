"""The action server: rasa_sdk's own server for the package `actions/`, listening on ACTION_HOST
(127.0.0.1 by default) and serving only the Rasa server, which proves itself with the shared secret
ACTION_SERVER_TOKEN (sent as « Authorization: Bearer … », endpoints.yml).

    .venv/bin/python scripts/action_server.py --port 5055       # rasa_sdk's arguments

Without the secret, anyone who reaches the port could run any action with any conversation state:
book a slot for anyone and send e-mails to any address. /health stays open (supervision, balancers).
The server refuses to start without a secret: a deployment must never run one open by mistake.
"""
from __future__ import annotations

import hmac
import logging
import sys
from pathlib import Path
from typing import Dict, Optional

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a file: the repository is not on the path

from rasa_sdk import utils  # noqa: E402
from rasa_sdk.constants import APPLICATION_ROOT_LOGGER_NAME  # noqa: E402
from rasa_sdk.endpoint import create_app, create_argument_parser  # noqa: E402
from rasa_sdk.plugin import plugin_manager  # noqa: E402
from sanic import Sanic, response  # noqa: E402
from sanic.exceptions import InvalidUsage  # noqa: E402
from sanic.request import Request  # noqa: E402
from sanic.response import HTTPResponse  # noqa: E402

from orientation.settings import Settings, SettingsError, get_settings  # noqa: E402
from orientation.slot_values import problems  # noqa: E402

OPEN_PATHS = ("/health",)
REFUSED = ("Désolé, je ne peux pas traiter cette demande : des informations de la conversation sont inutilisables, "
           "rien n'a été fait. Détail : ")


def authorised(header: Optional[str], token: str) -> bool:
    """« Bearer <token> », compared in constant time."""
    scheme, _, given = (header or "").partition(" ")
    return scheme.lower() == "bearer" and hmac.compare_digest(given.strip().encode(), token.encode())


def protect(app: Sanic, token: str) -> Sanic:
    @app.on_request
    async def only_the_rasa_server(request: Request) -> Optional[HTTPResponse]:
        if request.path in OPEN_PATHS or authorised(request.headers.get("authorization"), token):
            return None
        return response.json({"erreur": "Jeton du serveur Rasa absent ou invalide."}, status=401)
    return app


DOMAIN = Path(__file__).resolve().parents[1] / "domain.yml"


def domain_slot_types(domain_file: Path = DOMAIN) -> Dict[str, str]:
    """Each slot's type as the domain declares it: what a request's slots are checked against."""
    import yaml

    slots = (yaml.safe_load(domain_file.read_text(encoding="utf-8")) or {}).get("slots") or {}
    return {name: str(spec.get("type")) for name, spec in slots.items()}


def refuse_malformed(app: Sanic, types: Dict[str, str]) -> Sanic:
    """A request to run an action whose body is not the Rasa server's (no JSON, no tracker) is refused
    (HTTP 400, in French); one whose slots an action could not read (orientation/slot_values.py) runs
    no action and gets, as its only reply, the French sentence saying so (what the Rasa server shows
    the user). Never an HTTP 500 that would echo the request."""
    @app.on_request
    async def well_formed(request: Request) -> Optional[HTTPResponse]:
        if request.path != "/webhook" or request.method != "POST":
            return None
        try:
            # Sanic's parse, kept on the request: rasa_sdk's webhook reads it again without parsing
            # the conversation a second time (the largest part of a call's work here)
            body = request.json
        except InvalidUsage:
            body = None
        if not isinstance(body, dict) or not isinstance(body.get("tracker"), dict) \
                or not isinstance(body.get("next_action"), str):
            return response.json({"erreur": "Requête mal formée : un objet JSON avec « next_action » et « tracker » "
                                            "est attendu."}, status=400)
        validation = body["next_action"].startswith("validate_") or body["next_action"] == "action_validate_slot_mappings"
        found = problems(body["tracker"].get("slots") or {}, types, candidates=validation)
        if found:
            # answered as an action that did nothing but say why: the Rasa server shows it to the user
            logging.getLogger(__name__).warning("request refused: %d unusable slot values", len(found))
            return response.json({"events": [], "responses": [{"text": REFUSED + " ; ".join(found) + "."}]})
        return None
    return app


def main() -> None:
    args = create_argument_parser().parse_args()
    try:
        settings = get_settings()
    except SettingsError as error:
        sys.exit(f"Configuration invalide :\n{error}")
    if not settings.action_server_token:
        sys.exit(f"{Settings.variable('action_server_token')} manquant : le serveur d'actions ne sert que le "
                 "serveur Rasa, qui envoie ce secret (endpoints.yml). `make run` en crée un (var/action-server.secret).")
    utils.configure_colored_logging(args.loglevel)
    utils.configure_file_logging(logging.getLogger(APPLICATION_ROOT_LOGGER_NAME), args.log_file, args.loglevel,
                                 args.logging_config_file)
    utils.update_sanic_log_level()
    app = protect(create_app(args.actions, cors_origins=args.cors, auto_reload=args.auto_reload),
                  settings.action_server_token)
    refuse_malformed(app, domain_slot_types())
    plugin_manager().hook.attach_sanic_app_extensions(app=app)  # what rasa_sdk's own command does
    app.run(settings.action_host, args.port, workers=utils.number_of_sanic_workers())


if __name__ == "__main__":
    main()
