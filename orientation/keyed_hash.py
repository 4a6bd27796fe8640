"""Keyed hashes of client addresses: what the anti-abuse limits and the login throttle keep of an
address. A plain SHA-256 of an IPv4 address is reversed by trying the 4 billion of them; an HMAC
with a secret key kept outside the database is not, and rotating the key (the daily purge) makes
the hashes already stored unlinkable to new ones.

The key is a file (ORIENTATION_CLIENT_KEY_FILE, default var/client-key) readable by the service's
user only, made at the first use (or by `python -m orientation.keyed_hash`, at install).
"""
from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import secrets
import sys
import threading
from pathlib import Path
from typing import Dict, Optional, Tuple

from orientation.settings import get_settings

KEY_BYTES = 32
_cache: Dict[Tuple[str, int], bytes] = {}
_lock = threading.Lock()


def key_path() -> Path:
    return get_settings().client_key_file


def _write(path: Path, exclusive: bool) -> None:
    """A new random key, 0600 from its creation (never world-readable, not even for an instant)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    target = path if exclusive else path.with_name(path.name + f".{os.getpid()}.tmp")
    flags = os.O_WRONLY | os.O_CREAT | (os.O_EXCL if exclusive else os.O_TRUNC)
    descriptor = os.open(target, flags, 0o600)
    with os.fdopen(descriptor, "w", encoding="ascii") as out:
        out.write(secrets.token_hex(KEY_BYTES) + "\n")
    if not exclusive:
        os.replace(target, path)  # readers see the old key or the new one, never half a key


def ensure_key(path: Optional[Path] = None) -> Path:
    path = path or key_path()
    with contextlib.suppress(FileExistsError):  # made at install or by another process: kept
        _write(path, exclusive=True)
    return path


def rotate_key(path: Optional[Path] = None) -> None:
    """A new key: every hash stored before can no longer be matched with a new address's hash."""
    _write(path or key_path(), exclusive=False)


def _key(path: Path) -> bytes:
    ensure_key(path)
    stat = path.stat()
    cached = (str(path), stat.st_mtime_ns)
    with _lock:
        if cached not in _cache:
            _cache.clear()
            _cache[cached] = bytes.fromhex(path.read_text(encoding="ascii").strip())
        return _cache[cached]


def keyed_hash(value: Optional[str], path: Optional[Path] = None) -> Optional[str]:
    """HMAC-SHA256 of the value under the current key (64 hex characters); None for no value."""
    if not value:
        return None
    return hmac.new(_key(path or key_path()), value.encode("utf-8"), hashlib.sha256).hexdigest()


if __name__ == "__main__":
    made = ensure_key()
    print(f"Clé des empreintes d'adresses : {made}")
    sys.exit(0)
