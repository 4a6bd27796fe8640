"""When the action server cannot be reached, the user reads a French apology, not silence."""
import json
import urllib.request

from addons.patches.action_server_fallback import APOLOGY
from devtools.processes import free_port
from devtools.stack import rasa_server


def say(port, message):
    """The bot's replies to one message of the conversation « down », through the rest channel."""
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/webhooks/rest/webhook",
        data=json.dumps({"sender": "down", "message": message}).encode(),
        headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=60) as response:
        return json.loads(response.read())


def test_apology_when_the_action_server_is_down(tmp_path, database_url):
    dead_port = free_port()  # nothing listens there
    # The test database, never the repository's var/orientation.db.
    with rasa_server(tmp_path, dead_port, env={"ORIENTATION_DATABASE_URL": database_url}) as port:
        replies = say(port, "quel est le taux de SNAP3 ?")
        # A turn where several custom actions fail (the form's validation, then its question)
        # apologises once.
        profile_replies = say(port, "je suis une commune de 20 000 habitants")
    text = " ".join(r.get("text", "") for r in replies)
    assert "problème technique" in text
    assert "conservé" in text
    assert [r.get("text", "") for r in profile_replies].count(APOLOGY) == 1, profile_replies
