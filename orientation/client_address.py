"""The address of the client of an HTTP request, behind reverse proxies or not, for every server of
the product (the assistant's channels, the advisors' agenda).

The client is the direct peer of the connection, unless that peer is a trusted proxy: then it is
the address that the nearest trusted proxy added to X-Forwarded-For, i.e. walking the header from
the right, the first address that is not itself a trusted proxy. The entries to its left were
written by the client and are never believed (anyone could claim any address)."""
from __future__ import annotations

import ipaddress
from typing import List, Optional, Union

from orientation.settings import Networks

# The key under which the channels put the client's address in a message's metadata.
METADATA_KEY = "orientation_client"
Address = Union[ipaddress.IPv4Address, ipaddress.IPv6Address]
Network = Union[ipaddress.IPv4Network, ipaddress.IPv6Network]


def networks(value: str) -> List[Network]:
    """Comma-separated addresses or networks (an address alone is a /32 or /128); ValueError if one
    is not an address."""
    return list(Networks.parse(value))


def _address(text: str) -> Optional[Address]:
    try:
        return ipaddress.ip_address(text.strip().strip("[]"))
    except ValueError:
        return None


def _trusted(address: Optional[Address], proxies: List[Network]) -> bool:
    return address is not None and any(address in network for network in proxies)


def client_address(peer: Optional[str], forwarded_for: Optional[str], proxies: List[Network]) -> Optional[str]:
    """The client's IP address given the connection's peer, the X-Forwarded-For header and the
    trusted proxies; the peer as given when it is not an address (a Unix socket), None without one."""
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
