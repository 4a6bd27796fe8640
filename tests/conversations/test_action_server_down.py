"""When the action server cannot be reached, the user reads a French apology, not silence."""
import json
import urllib.request

from addons.action_server_fallback import APOLOGY
from tests.servers import free_port, rasa_server


def test_apology_when_the_action_server_is_down(tmp_path, database_url):
    dead_port = free_port()  # nothing listens there
    # The test database, never the repository's var/orientation.db.
    with rasa_server(tmp_path, dead_port, env={"ORIENTATION_DATABASE_URL": database_url}) as port:
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}/webhooks/rest/webhook",
            data=json.dumps({"sender": "down", "message": "quel est le taux de SNAP3 ?"}).encode(),
            headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=60) as response:
            replies = json.loads(response.read())
        # A turn where several custom actions fail (the form's validation, then its question)
        # apologises once.
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}/webhooks/rest/webhook",
            data=json.dumps({"sender": "down", "message": "je suis une commune de 20 000 habitants"}).encode(),
            headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=60) as response:
            profile_replies = json.loads(response.read())
    text = " ".join(r.get("text", "") for r in replies)
    assert "problème technique" in text
    assert "conservé" in text
    assert [r.get("text", "") for r in profile_replies].count(APOLOGY) == 1, profile_replies
