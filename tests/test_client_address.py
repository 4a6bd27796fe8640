"""The client's address behind proxies: X-Forwarded-For only from a trusted proxy, and then only
the hop added by the nearest trusted proxy."""
from orientation.client_address import client_address, networks

PROXIES = networks("10.0.0.0/8, 127.0.0.2")


def test_the_peer_is_the_client_without_a_trusted_proxy():
    assert client_address("203.0.113.9", "198.51.100.1", PROXIES) == "203.0.113.9"
    assert client_address("203.0.113.9", "198.51.100.1", networks("")) == "203.0.113.9"
    assert client_address("127.0.0.1", "198.51.100.1", PROXIES) == "127.0.0.1"


def test_forwarded_for_from_a_trusted_proxy():
    assert client_address("127.0.0.2", "198.51.100.1", PROXIES) == "198.51.100.1"
    assert client_address("10.1.2.3", "not-an-ip", PROXIES) == "10.1.2.3"
    assert client_address("10.1.2.3", None, PROXIES) == "10.1.2.3"
    assert client_address("10.1.2.3", "2001:db8::1", PROXIES) == "2001:db8::1"


def test_a_spoofed_first_entry_is_ignored():
    # The client may write its own X-Forwarded-For: only the hop added by the proxies counts.
    assert client_address("10.1.2.3", "1.2.3.4, 198.51.100.1, 10.0.0.5", PROXIES) == "198.51.100.1"
    assert client_address("127.0.0.2", "1.2.3.4, 198.51.100.1", PROXIES) == "198.51.100.1"
    assert client_address("10.1.2.3", "garbage, 198.51.100.1", PROXIES) == "198.51.100.1"


def test_a_peer_that_is_not_an_address_is_kept_as_given():
    assert client_address("unix-socket", "198.51.100.1", PROXIES) == "unix-socket"
    assert client_address(None, "198.51.100.1", PROXIES) is None
