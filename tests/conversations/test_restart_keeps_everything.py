"""A restart of the Rasa server loses neither the conversation nor the booking (SQL tracker store)."""
import re

from devtools.stack import rasa_server
from orientation.booking.store import BookingStore
from tests.conversations.conftest import Chat
from tests.conversations.test_booking_conversation import book
from tests.french import nb


def test_a_conversation_and_a_booking_survive_a_restart(servers, database_url, tmp_path):
    with rasa_server(tmp_path, servers["actions"], env=servers["env"]) as port:
        chat = Chat(port)
        _, confirmation = book(chat, email="nina.roche@lyon.fr")
        reference = re.search(r"DN-[A-Z0-9]{6}", confirmation).group(0)
    with rasa_server(tmp_path, servers["actions"], env=servers["env"]) as port:
        chat.url = f"http://127.0.0.1:{port}/webhooks/rest/webhook"  # same user, new server
        answer = chat.say("combien pourrions-nous obtenir ?")
        assert nb("• ITN8A : 75 % de 600 000 €, soit jusqu'à 450 000 € (vous êtes éligible)") in answer  # profile kept
        assert "nouvelle session" not in answer
        shown = chat.say("je voudrais voir mon rendez-vous")  # reference and email remembered too
        assert reference in shown
    assert BookingStore(database_url).find(reference, "nina.roche@lyon.fr") is not None
