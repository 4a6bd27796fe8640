"""Rasa's rest and socketio channels, telling the actions which client sent each message.

Rasa puts nothing of the HTTP request in the tracker; the booking limits need the client's IP
address (actions/booking_limits.py). These subclasses keep the channel names (`rest`,
`socketio`) and their URLs, and put the address in the message metadata under CLIENT_KEY,
always overwriting what the client sent there itself.

The client is the direct peer of the HTTP request; X-Forwarded-For is honoured only when that
peer is a trusted proxy ($ORIENTATION_TRUSTED_PROXIES: addresses or networks, comma-separated;
none by default), else anyone could claim any address and escape the limits.
"""
from __future__ import annotations

import ipaddress
import json
import os
from typing import Any, Awaitable, Callable, Dict, List, Optional, Text, Union

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.rest import RestInput
from rasa.core.channels.socketio import SocketIOInput
from sanic import Blueprint
from sanic.request import Request

from actions.booking_limits import CLIENT_KEY

TRUSTED_PROXIES_ENV = "ORIENTATION_TRUSTED_PROXIES"

Network = Union[ipaddress.IPv4Network, ipaddress.IPv6Network]


def trusted_proxies(value: Optional[str] = None) -> List[Network]:
    """The networks of $ORIENTATION_TRUSTED_PROXIES (an address alone is a /32 or /128)."""
    value = os.environ.get(TRUSTED_PROXIES_ENV, "") if value is None else value
    return [ipaddress.ip_network(part.strip(), strict=False) for part in value.split(",") if part.strip()]


def _address(text: str) -> Optional[Union[ipaddress.IPv4Address, ipaddress.IPv6Address]]:
    try:
        return ipaddress.ip_address(text.strip().strip("[]"))
    except ValueError:
        return None


def _trusted(address: Any, proxies: List[Network]) -> bool:
    return address is not None and any(address in network for network in proxies)


def client_address(peer: Optional[str], forwarded_for: Optional[str], proxies: List[Network]) -> Optional[str]:
    """The client's IP address: the peer, or, when the peer is a trusted proxy, the last address
    of X-Forwarded-For that is not itself a trusted proxy (the ones before it are the client's word)."""
    current = _address(peer or "")
    if current is None:
        return peer or None
    if _trusted(current, proxies) and forwarded_for:
        for hop in reversed(forwarded_for.split(",")):
            address = _address(hop)
            if address is None:
                break  # garbage: keep the last address known for sure
            current = address
            if not _trusted(address, proxies):
                break
    return str(current)


def request_client(request: Request) -> Optional[str]:
    return client_address(request.ip, request.headers.get("x-forwarded-for"), trusted_proxies())


def with_client(metadata: Any, client: Optional[str]) -> Dict[Text, Any]:
    if isinstance(metadata, str):  # the socketio channel accepts metadata as a JSON string
        try:
            metadata = json.loads(metadata)
        except ValueError:
            metadata = {}
    metadata = dict(metadata) if isinstance(metadata, dict) else {}
    metadata[CLIENT_KEY] = client
    return metadata


class ClientRestInput(RestInput):
    """The rest channel (/webhooks/rest/webhook), with the client's address in the metadata."""

    @classmethod
    def name(cls) -> Text:
        return "rest"

    def get_metadata(self, request: Request) -> Optional[Dict[Text, Any]]:
        return with_client(super().get_metadata(request), request_client(request))


class ClientSocketIOInput(SocketIOInput):
    """The socketio channel of the website widget, with the client's address in the metadata
    (taken from the HTTP request that opened the socket)."""

    @classmethod
    def name(cls) -> Text:
        return "socketio"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        blueprint = super().blueprint(on_new_message)
        handlers = self.sio.handlers[self.namespace or "/"]
        original = handlers[self.user_message_evt]

        async def handle_message(sid: Text, data: Dict) -> None:
            request = (self.sio.get_environ(sid, namespace=self.namespace) or {}).get("sanic.request")
            client = request_client(request) if request is not None else None
            if isinstance(data, dict):
                data = {**data, self.metadata_key: with_client(data.get(self.metadata_key), client)}
            await original(sid, data)

        handlers[self.user_message_evt] = handle_message
        return blueprint
