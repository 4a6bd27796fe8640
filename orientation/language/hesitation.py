"""« hmm », « euh », « bof », « mouais »: hesitation, never a yes. The intent classifier reads some of them as `affirm`
(they are short and close to « ouais »); a booking, a consent or a hypothesis adopted on them would be
taken without the user's agreement. « euh oui » and « bah oui » say yes and are not hesitation."""
from __future__ import annotations

import re

from orientation.language.fold import fold

# Interjections only: « je ne sais pas » answers a form's question (the value is unknown).
HESITANT = re.compile(r"^(?:h+m+|h+u+m+|e+u+h+|h?e+u+h*|bof+|mou+ai+s+|mwai+s|moui+|pf+|boh|hein|bah+|ben)$")
# Said with a hesitation word, these do not make it a yes: « hmm ok », « ouais bof », « bon euh ».
SOFT = frozenset({"ok", "okay", "ouais", "bon", "alors", "ben", "bah", "bof", "mouais"})
_SPLIT = re.compile(r"[^a-z' ]+")


def hesitates(text: str) -> bool:
    """The message is only hesitation (with at most soft words around it)."""
    words = " ".join(_SPLIT.sub(" ", fold(str(text or "")).text).split())
    if not words:
        return False
    if HESITANT.match(words):
        return True
    tokens = words.split()
    return any(HESITANT.match(t) for t in tokens) and all(HESITANT.match(t) or t in SOFT for t in tokens)
