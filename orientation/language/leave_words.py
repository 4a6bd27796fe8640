"""Which answers to a form's question mean « leave the form » (no Rasa: pure text).

The one list of these words, read by every form (actions/forms.py). A message leaves when it
is made only of them, with a few fillers (« non non laissez tomber », « bon, j'annule », « au
revoir », « plus tard », « stop ») — so « Jean Stop » or « plutôt plus tard dans la semaine » do not.

Decided per question, here and nowhere else:

| the question                                   | « non », « non merci »        | the other words below |
| ---------------------------------------------- | ----------------------------- | --------------------- |
| « Confirmer jeudi 26 novembre à 10 h 00 ? »    | the answer no: other slots    | leave                 |
| the consent to the processing of personal data | the refusal: leave, store nothing | leave             |
| every other question of every form             | leave                         | leave                 |

The forms say which of their questions are yes/no ones (`yes_no_question` of the validation
actions); a button payload (« /deny ») is read by its intent, the same way (actions/forms.py).
"""
from __future__ import annotations

import re

from orientation.language.fold import fold

# A bare refusal: a way out, except where it answers a yes/no question.
NO = (r"non", r"nan", r"nope", r"pas du tout", r"surtout pas", r"non merci", r"ca ira")
# Always a way out, whatever the question.
LEAVE = (r"laisse[zr]? tomber", r"laisse[zr]? beton", r"j'?annule", r"annule[zr]?", r"on annule", r"annulation",
         r"au revoir", r"bye", r"ciao", r"a plus", r"bonne (?:journee|soiree)",
         r"plus tard", r"une autre fois", r"pas (?:maintenant|aujourd'?hui|pour (?:le moment|l'?instant))",
         r"stop", r"stoppe[zr]?", r"arrete[zr]?", r"on arrete", r"j'?arrete", r"je m'?arrete",
         r"abandonne[zr]?", r"j'?abandonne", r"oublie[zr]?", r"oubliez ca", r"tant pis", r"quitte[zr]?",
         r"je (?:reviendrai|repasserai|rappellerai)", r"on verra", r"je verrai", r"sortir", r"fin",
         r"(?:c'?est )?pas la peine", r"(?:je n'?ai )?plus envie", r"on laisse", r"je (?:vous )?laisse",
         r"a bientot", r"a la prochaine", r"on s'?arrete", r"je m'?en vais", r"c'?est tout", r"adieu",
         r"a plus tard", r"a\+", r"tchao", r"bon (?:week-?end|apres-midi)", r"bonne fin de journee",
         r"(?:je ne|j'?) ?(?:veux|souhaite) plus", r"(?:ca|cela) ne m'?interesse plus", r"pas interesse")
# Words that may come with them without changing what they mean.
FILLERS = (r"bon", r"ben", r"bah", r"euh", r"alors", r"finalement", r"en fait", r"merci", r"ok", r"d'?accord",
           r"c'?est bon", r"enfin", r"je", r"on", r"vais", r"va", r"ca", r"tout", r"rien", r"pour l'?instant",
           r"pour le moment", r"ce sera", r"plutot", r"desole", r"excusez-moi", r"pardon", r"svp",
           r"s'?il vous plait", r"le rendez-vous", r"le rdv", r"la reservation", r"madame", r"monsieur", r"la", r"ici",
           # « annule le rdv DN-7730 jme suis trompée »: the booking under way, dropped by mistake made
           r"mon rendez-vous", r"mon rdv", r"ce rendez-vous", r"ce rdv", r"dn-?[a-z0-9]{2,12}",
           r"j'?me suis trompee?", r"je me suis trompee?", r"(?:c'?est )?une erreur", r"erreur")
_ALTERNATIVES = "|".join(sorted(NO + LEAVE + FILLERS, key=len, reverse=True))
_TOKEN = re.compile(rf"(?:^|(?<=\s))(?:{_ALTERNATIVES})(?=\s|$)")
_NO = re.compile(rf"^(?:{'|'.join(NO)})$")
_LEAVE = re.compile(rf"^(?:{'|'.join(LEAVE)})$")
_FILLER = re.compile(rf"^(?:{'|'.join(FILLERS)})$")


def _words(text: str) -> str:
    """Folded (no accents, lower case), punctuation as spaces: « Non, laissez tomber ! » -> 'non laissez tomber'."""
    return " ".join(re.sub(r"[^a-z0-9'\-]+", " ", fold(str(text or "")).text).split())


def _pieces(text: str):
    """The message cut into the words of the lists above; None when some other word is in it."""
    words = _words(text)
    pieces = [m.group(0) for m in _TOKEN.finditer(words)]
    if not words or " ".join(pieces) != words:
        return None
    return pieces


def says_no(text: str) -> bool:
    """A bare « non » (« non », « non merci », « euh non »): no other word than a refusal and fillers."""
    pieces = _pieces(text)
    return bool(pieces) and any(_NO.match(p) for p in pieces) and not any(_LEAVE.match(p) for p in pieces)


def wants_to_leave(text: str, yes_no_question: bool = False) -> bool:
    """Whether this answer to a form's question leaves the form (see the table above)."""
    pieces = _pieces(text)
    if not pieces or all(_FILLER.match(p) for p in pieces):
        return False
    if any(_LEAVE.match(p) for p in pieces):
        return True
    return not yes_no_question  # a bare « non »


def says_goodbye(text: str) -> bool:
    """« au revoir », « bonne journée »: the reply ends with a goodbye."""
    return bool(re.search(r"\b(?:au revoir|bye|ciao|bonne (?:journee|soiree))\b", _words(text)))
