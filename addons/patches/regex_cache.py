"""Python's compiled form of spaCy's longest regular expression, kept on disk between starts.

fr_core_news_md's tokenizer recognises its exceptions (« aujourd'hui », « peut-être »…) with one
regular expression of 1.4 million characters, case-insensitive over every Unicode letter. Python's
`re` takes 3.3 s to compile it, at every start of a Rasa server: a quarter of the time to ready.
Compiling is deterministic (same pattern, flags and Python: same code), so while spaCy loads
(addons/components/shared_spacy.py), a pattern of LONG characters or more is compiled once and its code saved
under var/regex-cache/; later starts hand that code to Python's regular-expression engine
(`_sre.compile`, the last step of `re.compile`, which checks the code it is given). A file is named
after the pattern, the flags, Python's version and its regular-expression format, so anything else
is compiled as usual; an unreadable file is compiled again and rewritten. `make train` loads spaCy,
so the file exists before the first `make run`. tests/test_regex_cache.py checks that the pattern
read back is equal (same flags and code) to the one `re` compiles.
"""
from __future__ import annotations

import _sre
import array
import hashlib
import json
import logging
import os
import sre_compile
import sre_parse
import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Optional

logger = logging.getLogger(__name__)

CACHE = Path(__file__).resolve().parents[2] / "var" / "regex-cache"
LONG = 100_000  # characters: spaCy's French token pattern has 1.4 million; the others, at most 20 000


def _path(folder: Path, pattern: str, flags: int) -> Path:
    key = "\0".join([sys.version, str(sre_compile.MAGIC), str(_sre.CODESIZE), str(flags), pattern])
    return folder / f"{hashlib.sha256(key.encode('utf-8')).hexdigest()[:32]}.bin"


def _compile_and_save(pattern: str, flags: int, path: Path):
    """sre_compile.compile's own steps, keeping the code it builds, which is then saved."""
    parsed = sre_parse.parse(pattern, flags)
    code = sre_compile._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    header = {"flags": flags | parsed.state.flags, "groups": parsed.state.groups - 1,
              "groupindex": groupindex, "indexgroup": indexgroup}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.tmp")
        partial.write_bytes(json.dumps(header).encode() + b"\n" + array.array("I", code).tobytes())
        os.replace(partial, path)  # a reader never sees half a file
    except OSError as error:  # a read-only checkout: compiled every time, as without this module
        logger.debug("regular expression not cached: %s", error)
    return _sre.compile(pattern, header["flags"], code, header["groups"], groupindex, tuple(indexgroup))


def _read(pattern: str, path: Path) -> Optional[object]:
    try:
        header_line, _, raw = path.read_bytes().partition(b"\n")
        header = json.loads(header_line)
        code = array.array("I")
        code.frombytes(raw)
        return _sre.compile(pattern, header["flags"], code.tolist(), header["groups"], header["groupindex"],
                            tuple(header["indexgroup"]))
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError, RuntimeError) as error:  # RuntimeError: invalid code
        logger.warning("unreadable cached regular expression %s (%s): compiled again", path.name, error)
        return None


@contextmanager
def long_patterns_cached(folder: Path = CACHE) -> Iterator[None]:
    """While inside, `re.compile` of a pattern of LONG characters or more goes through the cache."""
    original = sre_compile.compile

    def compile(pattern, flags=0):  # what re.compile calls when the pattern is not in its own cache
        if not isinstance(pattern, str) or len(pattern) < LONG:
            return original(pattern, flags)
        path = _path(folder, pattern, flags)
        return _read(pattern, path) or _compile_and_save(pattern, flags, path)

    sre_compile.compile = compile
    try:
        yield
    finally:
        sre_compile.compile = original
