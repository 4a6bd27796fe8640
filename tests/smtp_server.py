"""A real local SMTP server for the tests (aiosmtpd), keeping every message it receives."""
from __future__ import annotations

import email
import email.policy
from email.message import EmailMessage
from typing import List, Optional, Set

from aiosmtpd.controller import Controller

from devtools.processes import free_port


class Inbox:
    """aiosmtpd handler: the messages received, parsed, with their envelope recipients."""

    def __init__(self):
        self.messages: List[EmailMessage] = []
        self.refused: Set[str] = set()  # addresses answered « 550 no such user », as a real server does

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: N802 (aiosmtpd's name)
        if address.lower() in self.refused:
            return "550 5.1.1 Mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        message = email.message_from_bytes(envelope.content, policy=email.policy.default)
        message["X-Envelope-To"] = ", ".join(envelope.rcpt_tos)
        self.messages.append(message)
        return "250 OK"

    def to(self, address: str) -> List[EmailMessage]:
        return [m for m in self.messages if address in m["X-Envelope-To"]]


class SmtpServer:
    """Start / stop / start again on the same port (to play a mail server that is down)."""

    def __init__(self, port: Optional[int] = None):
        self.port = port or free_port()
        self.inbox = Inbox()
        self._controller: Optional[Controller] = None

    @property
    def url(self) -> str:
        return f"smtp://127.0.0.1:{self.port}"

    def start(self) -> SmtpServer:
        self._controller = Controller(self.inbox, hostname="127.0.0.1", port=self.port)
        self._controller.start()
        return self

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None


def attachment(message: EmailMessage) -> Optional[EmailMessage]:
    """The .ics part of a message, if any."""
    return next((part for part in message.iter_attachments() if part.get_content_type() == "text/calendar"), None)
