"""What a message does in the conversation: its dialogue acts, decided before anything is written.

A message may carry several acts: « on est une CA de 120 000 hab, c'est cumulable avec la DSIL ? »
describes the speaker and asks a question. The acts (names shared with the held-out conversations,
tests/heldout_conversations/README.md):

- describe: the user states facts about themselves unprompted (a profile entity outside a question);
- answer: the message fills what the bot just asked (`refine`, which needs the slot asked);
- correct: an explicit correction (« en fait », « non, … », « pardon », « je me suis trompé »);
- question: about calls, expenses, conditions, procedures or another body, with or without « ? »;
- hypothesis: a what-if about the profile (« et si… », « imaginons », « et pour 1,2 M€ ? »);
- book, manage_booking (see, move, cancel), thanks_goodbye, leave, greet; other when none applies.

Inputs: the text (normalised here, orientation/language/normalise.py), the intent DIET gave with
its confidence, and the entities. Pure functions, no Rasa: the NLU component
(addons/components/dialogue_acts.py) calls `acts_of`, and the processor patch that knows the slot
asked calls `refine`; the actions read the result (actions/tracker.py `dialogue_acts`) and
`may_write` says, in one place, whether a message may write the profile.
"""
from __future__ import annotations

import re
from typing import Any, Dict, Iterable, List, Optional, Sequence, Tuple

from orientation.language import amounts
from orientation.language.fold import fold
from orientation.language.normalise import normalise

ACTS = ("describe", "answer", "correct", "question", "hypothesis", "book", "manage_booking",
        "thanks_goodbye", "leave", "greet", "other")
# The acts that may write the profile; any other act alone never does.
WRITING_ACTS = ("describe", "answer", "correct")
PROFILE_ENTITIES = ("applicant_type", "population", "departement_count", "budget", "project_nature", "territory")
# What the bot asked when its last words were a question about the profile outside a form.
PROFILE_QUESTION = "profile"
# What the bot asked when its last words were a yes-no question (« Voulez-vous prendre rendez-vous ? »).
YES_NO_QUESTION = "yes_no"
BOOKING_SLOTS = ("booking_slot", "booking_name", "booking_organisation", "booking_email", "booking_consent", "confirm")

QUESTION_INTENTS = ("ask_call_info", "ask_why_not", "compare_calls", "list_calls", "ask_side_question",
                    "ask_plain_explanation", "ask_can_apply", "ask_funding", "bot_challenge")
BOOK_INTENTS = ("ask_appointment",)
MANAGE_INTENTS = ("show_booking", "cancel_booking", "move_booking", "get_invitation", "ask_other_slot")
TRUSTED = 0.6  # an intent below this confidence adds no act of its own

_Q = r"(?:^|(?<=[\s,;:(]))"  # the start of a word
QUESTION_WORDS = re.compile(_Q + r"(?:est[- ]ce (?:que|qu')|qu'est[- ]ce|c'est quoi|c quoi|combien|quel(?:le)?s?|"
                            r"lequel|laquelle|lesquel(?:le)?s|comment|pourquoi|quand est|a quoi|c'est qui|"
                            r"qui (?:depose|deposent|candidate|peut|peuvent|"
                            r"doit|est|sont|porte|finance)|ou (?:se trouve|trouver|est|sont|en est)|"
                            r"(?:dans|de) quelle|quid|(?:je |j'|j)?me demand(?:e|ais|ai)|nous nous demand(?:ons|ions)|"
                            r"on se demand(?:e|ait)|(?:voudrais|voudrions|"
                            r"voulais|voulions|aimerais|aimerions|souhaite|souhaitons|souhaiterais|souhaiterions|veux|"
                            r"voulons|cherche a|cherchons a) (?:savoir|connaitre|comprendre|avoir des (?:infos|informations|"
                            r"precisions|renseignements)|des (?:infos|informations|precisions|renseignements))|"
                            r"besoin d'(?:infos?|informations?|precisions?|renseignements?)|"
                            r"savoir si|dites[- ]moi|pouvez-vous (?:me dire|m'expliquer|"
                            r"m'indiquer|preciser)|(?:des |un )?(?:renseignements?|informations?|infos?|precisions?) "
                            r"(?:sur|concernant|a propos|pour)|expliquez|m'expliquer|je (?:ne )?comprends? pas|"
                            r"je me renseigne|est-il vrai|il parait que|oui ou non|(?:c'est|ce serait|serait-il) possible|"
                            r"possible (?:de|pour|d')|ca (?:marche|passe|compte|rentre|fonctionne) pour|(?:on|j') ?a droit|"
                            r"(?:il y a|y a) moyen|il existe|existe-t-il|(?:on|je|nous) (?:cherche|cherchons) (?:un |une |des )?"
                            r"(?:financements?|aides?|subventions?|appels?)|quels? (?:financements?|aides?|subventions?)|"
                            r"(?:peut|peuvent|pourrait|pourraient|a le droit de|ont le droit de) (?:candidater|postuler|"
                            r"deposer|repondre|beneficier|pretendre|etre (?:eligible|porteur|porteuse|partenaire))|"
                            r"est-il possible|y a-t-il|y a t il|existe[- ]t[- ]il|on a le droit|a-t-on|"
                            r"(?:\w+)-t-(?:il|elle|on|ils|elles))\b")
# Words that only ask, typed without a question mark (« c cumulable avec la dsil », « ya des aides pour
# les pc », « les serveurs c eligible »): a cumulation, a cost taken on, eligibility said last.
ASKING_WORDS = re.compile(_Q + r"(?:cumulables?|cumuler|cumul avec|pris en charge|prise en charge|financables?|"
                          r"(?:il y a|y a|ya) (?:des|une|un) (?:aides?|financements?|subventions?)|"
                          r"(?:eligibles?|finance(?:e|s|es)?)\s*$)")
# Inverted forms: « faut-il », « peut-on », « pouvons-nous », « suis-je »; not « rendez-vous ».
INVERSION = re.compile(_Q + r"(?!rendez-vous)(?:faut|peut|peuvent|pouvons|pouvez|puis|dois|doit|doivent|devons|"
                       r"devez|sommes|suis|est|sont|serait|seraient|sera|seront|avons|avez|ont|a|vaut|faudrait|"
                       r"pourrait|pourrions|pourriez|pourraient|aurait|aurions|auriez|existe|reste|restent|"
                       r"connaissez|savez|finance|financent|prend|prennent|couvre|couvrent|accepte|acceptent)"
                       r"(?:-(?:il|elle|on|nous|vous|je|ils|elles)| (?:il|on|je)(?! y))\b")
INVERSION_SPACED = re.compile(_Q + r"(?:est|sont|peut|peuvent|pourrait|pourraient|doit|doivent|serait|seraient|"
                              r"sera|seront|ont|faut|vaut) (?:elle|ils|elles)\b")
# Said of a body in the third person, these ask whether it qualifies (« une commune de 3000 hab ça
# passe », « les EPCI sont concernés », « 40k c'est assez », « une comcom peut monter un dossier »);
# said of oneself (a FIRST_PERSON in the clause), they ask nothing (`_is_question`).
THIRD_PERSON_ASKS = re.compile(
    _Q + r"(?:eligibles?|concernee?s?|ouverte?s? (?:a|aux)|jouable|(?:ca|cela) (?:passe|rentre|suffit|marche|va)\b|"
    r"suffisante?s?|assez|suffit|a (?:ses|leurs) chances|ont (?:leurs )?chances|rentre dans|ont droit|a droit|"
    r"(?:peut|peuvent|pourrait|pourraient) (?:\w+ )?(?:monter|faire|deposer|obtenir|toucher|avoir|demander|"
    r"porter|solliciter|recevoir|presenter)|(?:montant|plafond|taux|delai|date limite|plancher)s?(?: max\w*| min\w*)? "
    r"(?:pour|d'un|d'une|des))\b")
# Questions about another body: « et un département ? », « et les communes ? ».
OTHER_BODY = re.compile(r"^(?:et|mais) (?:pour )?(?:un|une|les|des|le|la|l')\b")
HYPOTHESIS_WORDS = re.compile(
    _Q + r"(?:et si|imaginons|imaginez|supposons|admettons|mettons que|dans le cas ou|au cas ou|dans l'hypothese|"
    r"hypothese|hypothetiquement|si jamais|que se passerait|ca changerait|cela changerait|qu'est-ce que ca change|"
    r"ca donnerait|ca donne quoi si|et s'il|et s'ils|s'il y avait|ca change quoi si|si c'etait|si c'est|"
    r"si (?:on|nous|je|j'|le|la|les|l'|notre|nos|mon|ma|mes|un|une|ce|ca|il|ils|elle|vous|au lieu)\b)")
# « savoir si », « je ne sais pas si »: whether, not if.
NOT_HYPOTHESIS = re.compile(r"(?:savoir|sais|demand\w*|voir|dire|verifier|comme|meme|sauf|oui|ou pas) si\b|"
                            r"\bsi (?:ca|cela|c'est) (?:vous )?(?:va|convient|possible|ok|bon)|\bsi possible|\bsi besoin|"
                            r"\bsi (?:vous|tu) (?:voulez|pouvez|le souhaitez|preferez|veux|peux)|\bsi oui|\bsi non")
# « et pour 1,2 M€ ? », « et avec la comcom ? », « et à 2 départements ? »: a what-if about the profile
HYPOTHESIS_TAIL = re.compile(r"^(?:et|mais|ok et|bon et) (?:pour|avec|a|en|sans|si|au lieu)\b")
CORRECTION_WORDS = re.compile(
    _Q + r"(?:en fait|en realite|enfin non|non pardon|pardon|je me suis trompe(?:e)?|je me suis mal exprime|"
    r"erreur|je rectifie|rectification|correction|je corrige|autant pour moi|au temps pour moi|je voulais dire|"
    r"oups|finalement|plutot|ce n'est pas|c'est pas|pas (?:un|une|des|de) .{1,40} mais|il faut lire|"
    r"au final|mauvaise (?:info|information|reponse)|je reformule|corrigez|modifie[zr]?|changez|remplace[zr]?)\b")
NO_START = re.compile(r"^(?:non|nan|euh non|ah non|non non)\b[ ,.!]*(?=\S)")
GREETING = re.compile(r"^(?:bonjour|bonsoir|salut|coucou|hello|hey|bjr|slt|re ?bonjour|allo)\b")
THANKS_GOODBYE = re.compile(_Q + r"(?:merci|au revoir|bonne (?:journee|soiree|fin de journee|continuation|semaine)|"
                            r"a bientot|a la prochaine|bye|ciao|tchao|a plus|parfait merci|super merci|"
                            r"c'est tout (?:pour moi|bon)|j'ai (?:ce qu'il me faut|eu ma reponse|tout ce qu'il faut))\b")
# What only accompanies thanks or a yes (« ok merci beaucoup, bonne journée ? », « top merci ! »).
POLITE_FILLERS = re.compile(_Q + r"(?:ok|okay|oki|d'accord|top|super|parfait|genial|excellent|tres bien|bien|cool|"
                            r"nickel|beaucoup|encore|infiniment|mille fois|vraiment|a vous|bien recu|c'est bon|ca me va|ca marche|"
                            r"pour (?:tout|votre aide|l'aide|(?:l'|les |ces |vos |la |votre )?(?:infos?|informations?|"
                            r"reponses?|renseignements?|precisions?|explications?))|"
                            r"c'est note|note|bonne|journee|soiree|ah|oh|bon|alors|et|donc|madame|monsieur)\b")
# A yes or a no: the answer to the bot's yes-no question (« oui », « ok », « d'accord », « parfait »).
YES_NO = re.compile(r"^(?:oui|ouais|ouep|yes|ok|okay|oki|d'accord|parfait|tres bien|bien sur|volontiers|"
                    r"avec plaisir|je veux bien|allez|exact|exactement|tout a fait|absolument|c'est bon|"
                    r"ca marche|entendu|je confirme|confirme|valide|go|non|nan|pas vraiment|pas du tout|si)\b")
# An acknowledgment that says neither yes nor no to a change (« ok », « ok merci », « d'accord »): never
# enough to replace the profile by a hypothesis (actions/what_if.py asks again with its two buttons).
ACKNOWLEDGMENT = re.compile(r"^(?:ok|okay|oki|d'? ?accord|dac|parfait|super|top|tres bien|bien|entendu|c'est note|note|"
                            r"bien recu|merci|thx|ca marche)(?:[ ,!.]+(?:ok|merci|thx|beaucoup|bien recu|parfait|super|"
                            r"top|bien))*[ ,!.]*$")


def is_acknowledgment(text: str) -> bool:
    return bool(ACKNOWLEDGMENT.match(normalise(str(text or "")).text.strip()))


GOODBYE = re.compile(_Q + r"(?:au revoir|bonne (?:journee|soiree|fin de journee|continuation|semaine)|a bientot|"
                     r"a la prochaine|bye|ciao|tchao|a plus|c'est tout)\b")
LEAVE = re.compile(_Q + r"(?:je vais (?:y )?reflechir|je (?:vais|dois) en parler|je reviens|je repasserai|"
                   r"je vais voir|je vais me renseigner|je reflechis|on reflechit|(?:je |j)(?:dois|vais) (?:y aller|filer|vous laisser)|"
                   r"(?:il )?faut que j'y aille|je file|je vous laisse|je (?:vais|dois) (?:en )?(?:discuter|consulter|voir)|"
                   r"je verrai avec|on verra avec|revenir vers vous|vous recontacter|(?:reprendre|continuer|finir) (?:plus tard|"
                   r"demain|une autre fois|la conversation plus tard)|a plus tard|on en reparle|je vais y penser|"
                   r"laissez-moi (?:y )?reflechir|(?:il )?faut que je (?:voie|consulte|demande|verifie|reflechisse)|"
                   r"je dois (?:d'abord )?(?:consulter|verifier|demander|valider|en referer)|je vous redis|"
                   r"je vous tiens au jus|je vais regarder (?:ca|cela)|on reviendra|pas tout de suite|je vous ecris plus tard|"
                   r"je (?:vous )?(?:recontacte|recontacterai|tiens au courant|tiendrai au courant)|"
                   r"je (?:vais |dois )?(?:faire remonter|transmettre a|valider avec|voir en interne|me rapprocher de)|"
                   r"(?:on|je) (?:se|vous) (?:recontacte|rappelle) plus tard|(?:voir|en parler|en discuter) (?:ca |cela )?(?:avec|a|au|aux) "
                   r"(?:mon|ma|mes|le|la|les|l'|notre|nos)|je reviendrai|je repasse|on en reparlera|pas aujourd'hui|une prochaine fois|"
                   r"je vous recontacte|je recontacterai|on va (?:y )?reflechir|je (?:vais|dois) voir avec|"
                   r"je reviendrai vers vous|je reviens vers vous|on en reste la|restons-en la|ca ira|pas besoin|"
                   r"non merci|je n'ai pas le temps|pas le temps|je m'en occupe plus tard|laisse[zr]? tomber|"
                   r"laisse[zr]? beton|stop|j'arrete|on arrete|arrete[zr]?|"
                   r"j'abandonne|abandonne[zr]?|tant pis|pas la peine|plus envie|pas interesse|on verra|"
                   r"plus tard|pas maintenant|pas pour l'instant|une autre fois|je reviendrai|oubliez|oublie[zr]? ca|"
                   r"je ne veux plus|je veux plus|ca ne m'interesse plus|ca m'interesse plus|je quitte|quitter)\b")
# A request for a meeting, not « la prise de rendez-vous en ligne » (a project) nor « visio » (a theme).
BOOK_WORDS = re.compile(_Q + r"(?:(?:un|prendre|obtenir|avoir|fixer|caler|reserver|planifier|demander|programmer) "
                        r"(?:un )?rendez-vous(?! en ligne)|(?:me|nous) rappeler|rappelez-(?:moi|nous)|"
                        r"etre rappele(?:e|s)?|(?:parler|echanger|discuter) (?:a|avec) (?:quelqu'un|un conseiller|"
                        r"une conseillere|un expert|vos conseillers|un agent|un humain|une personne)|un creneau|"
                        r"vos creneaux|vos disponibilites|prendre (?:un )?rdv)\b")
CANCEL_OR_MOVE = re.compile(_Q + r"(?:annuler|annulation|annule|deplacer|decaler|reporter|modifier|changer) "
                            r"(?:le |mon |notre |ce |la |ma )?(?:rendez-vous|reservation|creneau)|dn-[a-z0-9]{4,}")
MANAGE_WORDS = re.compile(_Q + r"(?:deplacer|decaler|reporter|avancer|annuler|annulation|modifier|changer|"
                          r"mon rendez-vous|ma reservation|notre rendez-vous|le rendez-vous de|invitation|\.ics|"
                          r"calendrier|agenda|dn-[a-z0-9]{4,})\b")
# A first person in a question still describes: « notre commune de 3 000 hab est-elle éligible ? »
FIRST_PERSON = re.compile(_Q + r"(?:on est|on sera|nous sommes|je suis|je travaille|je representerai|je represente|"
                          r"notre|nos|mon|ma|mes|on a(?! (?:droit|le droit|combien|quoi|acces))|nous avons|on couvre|nous couvrons|"
                          r"chez nous|on porte|"
                          r"nous portons|on fait|on veut|on voudrait|nous voulons|nous souhaitons|on souhaite|"
                          r"on prevoit|nous prevoyons)\b")
GENERIC_BODY = re.compile(_Q + r"(?:pour|par|chez) (?:un|une|des|les)\b")
GENERIC_START = re.compile(r"^(?:et |mais |alors |donc |bref )?(?:(?:pour|avec|chez|par|sur|a|en|dans|si) )?"
                           r"(?:(?:un|une|des|les|1|aux|ces|toute?s? les?)\b|\d)")
_BOT_YES_NO = re.compile(r"(?:^|[.!?:] *)(?!(?:quel|quelle|quels|quelles|combien|quand|comment|pourquoi|ou|qui|"
                         r"lequel|laquelle|a quoi)\b)[^.!?:]*?\b(?:\w+-(?:vous|je|il|t-il|on)|est-ce qu)\b[^.!?:]*\?")
# Said alone, appreciation closes an exchange like thanks (« parfait ! », « top »), unlike « ok ».
APPRECIATION = re.compile(r"^(?:(?:ok|bon|ah|oh|c'est|tres|vraiment) )*(?:parfait|super|top|genial|nickel|impeccable|"
                          r"excellent|formidable|merveilleux)[ !.]*$")
WORDS = re.compile(r"[a-z]{2,}|\d")
NOISE = re.compile(r"^(?:hein|quoi|euh+|hmm+|hum+|bah|ben|bof|mouais|lol|mdr|blabla|bla|test|testing|azerty|qwerty|"
                   r"ah|oh|ha|bref)(?: (?:hein|quoi|euh+|bla|test|lol))*[ ?!.]*$")
_SEGMENT = re.compile(r"[^.!?;\n]+[.!?;\n]*")


def _segments(text: str) -> List[Tuple[int, int, str]]:
    """The sentences of the normalised text, each with its span; a comma separates two sentences
    when what follows it is a question on its own (« on est une CA, c'est cumulable ? »)."""
    found = []
    for match in _SEGMENT.finditer(text):
        start, piece = match.start(), match.group(0)
        cuts = [0] + [m.start() + 1 for m in re.finditer(r",", piece)
                      if _is_question(piece[m.start() + 1:]) and not _is_question(piece[:m.start()])
                      and _a_sentence(piece[:m.start()])] + [len(piece)]
        for a, b in zip(cuts, cuts[1:]):
            if piece[a:b].strip(" ,"):
                found.append((start + a, start + b, piece[a:b]))
    return found


def _a_sentence(words: str) -> bool:
    """What comes before a comma says something of its own (« on est une CA de 120 000 hab »), not
    the subject of the question that follows (« un EPCI, il peut candidater ? »)."""
    return len(words.split()) >= 4 or bool(FIRST_PERSON.search(words)) or bool(GREETING.search(words.strip()))


def _is_question(segment: str) -> bool:
    segment = segment.strip()
    return (segment.endswith("?") or bool(QUESTION_WORDS.search(segment)) or bool(INVERSION.search(segment))
            or bool(INVERSION_SPACED.search(segment)) or bool(OTHER_BODY.search(segment))
            or bool(ASKING_WORDS.search(segment.rstrip(" .!")))
            or (bool(THIRD_PERSON_ASKS.search(segment)) and not FIRST_PERSON.search(segment)))


def _generic(segment: str) -> bool:
    """A clause about a body or a figure in general (« une commune de 5 000 hab », « pour 300k »,
    « les EPCI »), not of the speaker: beside a question, its facts are the question's. A bare
    phrase (« Commune de 5 000 hab. ») or a definite one (« le budget est de 300k ») still describes."""
    words = GREETING.sub("", segment.strip(" ,.;:!")).strip(" ,")
    return not FIRST_PERSON.search(segment) and bool(GENERIC_START.search(words))


def _is_hypothesis(segment: str) -> bool:
    segment = segment.strip(" ,")
    return bool(HYPOTHESIS_WORDS.search(segment)) and not NOT_HYPOTHESIS.search(segment)


def _positions(text: str, entities: Iterable[Dict[str, Any]]) -> List[Tuple[str, int]]:
    """Each profile entity and where it starts in the normalised text."""
    read = normalise(text)
    found = []
    for e in entities:
        if e.get("entity") not in PROFILE_ENTITIES:
            continue
        start = e.get("start")
        if start is None:
            found.append((e["entity"], -1))
            continue
        position = next((i for i, original in enumerate(read.index) if original >= start), len(read.text))
        found.append((e["entity"], position))
    return found


def _budget_words(normalised: str) -> List[Tuple[str, int]]:
    """Amounts the extractors leave to the profile validation (parts of the budget, « entre 500k et
    300k »): they describe the budget too, where the first of them stands."""
    reading = amounts.read_budget(normalised)
    if not (reading.parts or reading.ambiguous):
        return []
    first = re.search(r"\d", normalised)
    return [("budget", first.start() if first else -1)]


def acts_of(text: str, intent: Optional[str] = None, confidence: float = 1.0,
            entities: Sequence[Dict[str, Any]] = ()) -> List[str]:
    """The acts of one message, before knowing what the bot asked (see `refine`)."""
    raw = str(text or "").strip()
    if raw.startswith("/"):  # a button's payload: its intent says what it does
        return _acts_of_payload(raw, intent, entities)
    normalised = normalise(raw).text.strip()
    if (not WORDS.search(normalised) or NOISE.search(normalised)) and not any(
            e.get("entity") in PROFILE_ENTITIES for e in entities):
        return ["other"]  # « ??? », « hein ? », « blabla »: nothing said, whatever DIET made of it
    trusted = intent if confidence >= TRUSTED else None
    if trusted == "out_of_scope" and not any(e.get("entity") in PROFILE_ENTITIES + ("call_code", "call_aspect")
                                             for e in entities) and not GREETING.search(normalised):
        return ["other"]  # « il fait beau chez vous ? »: nothing the conversation is about
    acts: List[str] = []
    segments = _segments(normalised)
    question_spans = [(a, b) for a, b, s in segments if _is_question(s)]
    if not question_spans and not FIRST_PERSON.search(normalised) and any(
            e.get("entity") == "call_aspect" for e in entities):
        # « montant max pour une commune », « taux EPCI »: the words of the lexicon that ask about a call
        question_spans = [(0, len(normalised))]
    hypothesis_spans = [(a, b) for a, b, s in segments if _is_hypothesis(s)]
    whole_hypothesis = bool(HYPOTHESIS_TAIL.search(normalised)) and any(
        e.get("entity") in PROFILE_ENTITIES for e in entities) and len(normalised.split()) <= 12
    if whole_hypothesis or (trusted == "ask_what_if" and not question_spans):
        hypothesis_spans.append((0, len(normalised)))
    worded_manage = bool(CANCEL_OR_MOVE.search(normalised)) or bool(
        MANAGE_WORDS.search(normalised)) and (bool(re.search(r"rendez-vous(?! en ligne)|dn-", normalised))
                                           or trusted in BOOK_INTENTS)
    # Without words about a booking held, neither « je voudrais voir vos créneaux » (a request for a
    # meeting) nor « mardi 14h » (the moment wanted, the reply to the slots offered) manages one.
    moment_only = not worded_manage and trusted == "ask_other_slot" and bool(MOMENT.search(normalised)) \
        and not BOOK_WORDS.search(normalised)
    manage = worded_manage or (trusted in MANAGE_INTENTS and not moment_only and not BOOK_WORDS.search(normalised))
    book = not manage and (trusted in BOOK_INTENTS or (
        bool(BOOK_WORDS.search(normalised)) and not question_spans and trusted not in QUESTION_INTENTS))
    if GREETING.search(normalised) or trusted == "greet":
        acts.append("greet")
    positions = _positions(raw, entities)
    if not positions:
        positions = _budget_words(normalised)
    inside = lambda spans, p: any(a <= p < b for a, b in spans)  # noqa: E731
    stated = [(e, p) for e, p in positions if not inside(hypothesis_spans, p)]
    # « pour une commune de 5 000 habitants, quels appels ? », « une CC de 20 000 hab, c'est éligible ? »:
    # the body or the figure is the question's, not the speaker's
    asking = bool(question_spans) or trusted in QUESTION_INTENTS
    about = question_spans + ([(a, b) for a, b, s in segments if _generic(s) or (
        GENERIC_BODY.search(s) and not FIRST_PERSON.search(normalised))] if asking else [])
    unasked = [(e, p) for e, p in stated if not inside(about, p)]
    # worded as a correction, whatever DIET says: « budget 600 000 € » for a budget already set is a
    # change to confirm, not a correction (actions/profile_writes.py)
    correction = bool(CORRECTION_WORDS.search(normalised)) or (bool(NO_START.search(normalised)) and bool(positions))
    if correction and not hypothesis_spans and not moment_only and (positions or not (book or manage)) \
            and not (question_spans and not positions):
        acts.append("correct")
    if "correct" not in acts and not manage and (
            unasked or any(p < 0 for _, p in stated)
            or (stated and FIRST_PERSON.search(normalised) and not hypothesis_spans)):
        acts.append("describe")
    if hypothesis_spans and (book or manage):
        hypothesis_spans = []  # « un rendez-vous mardi si ça vous va »: the meeting is the request
    if hypothesis_spans:
        acts.append("hypothesis")
    elif (question_spans or trusted in QUESTION_INTENTS) and not (book or manage):
        acts.append("question")
    if book:
        acts.append("book")
    if moment_only:
        acts.append("answer")
    if manage:
        acts.append("manage_booking")
    thanked = bool(THANKS_GOODBYE.search(normalised) or APPRECIATION.search(normalised))
    if thanked or trusted in ("thank", "goodbye"):
        acts.append("thanks_goodbye")
        if "question" in acts and politeness_only(normalised):
            acts.remove("question")  # « ok merci, bonne journée ? » asks nothing
    # a body named on the way out is not described: « je vais voir ça avec mon maire »
    own = [e for e in entities if e.get("entity") in PROFILE_ENTITIES and e.get("role") != "other"
           and e.get("speaker") is not False]
    asks_outright = normalised.endswith("?") and bool(QUESTION_WORDS.search(normalised) or INVERSION.search(normalised))
    if LEAVE.search(normalised) and not (book or manage) and not own and not asks_outright:
        # « je peux revenir plus tard ? », « je vais voir avec le maire si c'est possible »; « je dois
        # y aller », which DIET reads as a goodbye
        acts = [a for a in acts if a not in ("question", "describe") and (a != "thanks_goodbye" or thanked)] + ["leave"]
    return acts or ["other"]


def politeness_only(normalised: str) -> bool:
    """Nothing but thanks, greetings, goodbyes and their fillers (« ok merci beaucoup, bonne journée ? »)."""
    rest = POLITE_FILLERS.sub(" ", THANKS_GOODBYE.sub(" ", GREETING.sub(" ", normalised)))
    return not WORDS.search(rest)


def _acts_of_payload(payload: str, intent: Optional[str], entities: Sequence[Dict[str, Any]]) -> List[str]:
    if intent == "correct":
        return ["correct"]
    if intent == "inform" and any(e.get("entity") in PROFILE_ENTITIES for e in entities):
        return ["answer"]  # buttons are the bot's own questions
    if intent in BOOK_INTENTS:
        return ["book"]
    if intent in MANAGE_INTENTS:
        return ["manage_booking"]
    if intent in QUESTION_INTENTS:
        return ["question"]
    if intent == "ask_what_if":
        return ["hypothesis"]
    if intent in ("thank", "goodbye"):
        return ["thanks_goodbye"]
    if intent == "greet":
        return ["greet"]
    return ["other"]


def refine(acts: Sequence[str], asked: Optional[str], entities: Sequence[Dict[str, Any]] = (),
           text: str = "") -> List[str]:
    """The acts once what the bot just asked is known: a message that responds to it is an answer.
    `asked` is the slot requested before the message (a profile slot or a booking question), or
    PROFILE_QUESTION when the bot's last words asked about the profile outside a form."""
    acts = list(acts)
    if not asked or "hypothesis" in acts:
        return acts
    named = {e.get("entity") for e in entities}
    normalised = normalise(str(text or "")).text.strip()
    if asked == YES_NO_QUESTION or asked == "confirm":
        # « oui », « ok merci », « parfait » to « Voulez-vous… ? »: the answer; anything else is itself
        said_yes = YES_NO.search(normalised)
        if said_yes and not LEAVE.search(normalised) and not GOODBYE.search(normalised) \
                and politeness_only(YES_NO.sub(" ", normalised)) \
                and (said_yes.group(0) in ("oui", "non", "ouais", "nan") or not THANKS_GOODBYE.search(normalised)):
            return ["answer"]  # « oui merci » answers; « ok merci » thanks
        if asked == YES_NO_QUESTION:
            return acts
    if asked in BOOKING_SLOTS or asked.startswith("booking_"):
        # « Marie Martin, merci »: the name, thanked for; a goodbye or a question stays what it is
        if "thanks_goodbye" in acts and not GOODBYE.search(normalised) and not politeness_only(normalised):
            acts.remove("thanks_goodbye")
        moment = asked == "booking_slot" and MOMENT.search(normalised)
        if set(acts) & {"question", "leave", "correct", "thanks_goodbye"} and not (moment and "leave" not in acts):
            return acts  # but « jeudi 10h c'est possible ? », « plutôt vendredi » name the slot wanted
        if "manage_booking" in acts and CANCEL_OR_MOVE.search(normalised):
            return acts
        dropped = ("answer", "describe", "book", "manage_booking", "other") + (("question", "correct") if moment else ())
        return ["answer"] + [a for a in acts if a not in dropped]
    if asked not in PROFILE_ENTITIES + (PROFILE_QUESTION,):
        return acts
    if set(acts) & {"correct", "book", "manage_booking", "leave"}:
        return acts
    if asked == "budget" and amounts.choice_end(text) and not QUESTION_WORDS.search(normalised) \
            and not INVERSION.search(normalised):
        # « le haut de la fourchette », « entre les deux » choose among the amounts the bot offered
        return ["answer"] + [a for a in acts if a not in ("answer", "question", "other", "describe")]
    if "question" in acts:
        # « 100k ? » to « quel est le coût total ? » is an unsure answer, not a question
        if asked not in named or len(normalised.split()) > 4 or QUESTION_WORDS.search(normalised) \
                or INVERSION.search(normalised):
            return acts
        acts = [a for a in acts if a != "question"] + ["other"]
    if not ({"describe", "other"} & set(acts)):
        return acts
    # the value asked for (a place gives its population), or a bare reply the form reads (« jsp »);
    # other facts alone describe: « on est une commune » when the budget was asked
    gives = asked == PROFILE_QUESTION or asked in named or not named & set(PROFILE_ENTITIES) or (
        asked in ("population", "departement_count") and "territory" in named) or bare_reply(normalised)
    if not gives:
        return [a for a in acts if a != "other"] or ["describe"]
    # « 300k, merci »: the value, thanked for; a goodbye stays
    thanked_only = not GOODBYE.search(normalised)
    return ["answer"] + [a for a in acts if a not in ("answer", "other", "describe")
                         and not (a == "thanks_goodbye" and thanked_only)]


# The bot's own questions about the profile, outside the form (« À quoi correspond 320 000 ? »,
# « lequel est le coût total ? », « Faut-il remplacer par … ? »), by the words that name the field.
BOT_ASKS = (("applicant_type", r"structure|porteur|type de"), ("population", r"habitants|population"),
            ("departement_count", r"departements"), ("budget", r"cout|budget|montant|total|€"),
            ("project_nature", r"theme|objet du projet|porte sur"))
# A moment named for a meeting (« mardi 14h », « plutôt jeudi matin », « la semaine prochaine »).
MOMENT = re.compile(_Q + r"(?:lundi|mardi|mercredi|jeudi|vendredi|demain|apres-demain|matin|apres-midi|aprem|"
                    r"semaine prochaine|\d{1,2} ?h(?:\d{2})?)\b")
_BOT_QUESTION = re.compile(r"[^.!?\n]*\?")
# actions/booking_questions.py: « Voici les prochains créneaux libres … : choisissez-en un, ou indiquez-moi un autre moment »
SLOTS_OFFERED = re.compile(r"creneaux libres[^.]*choisissez-en un")


def asked_by_bot(text: str) -> Optional[str]:
    """What the bot's last words asked, outside a form: the profile slot its question names,
    PROFILE_QUESTION when it names several or a figure to place, `booking_slot` when it offered
    slots, YES_NO_QUESTION for a yes-no question (« Voulez-vous prendre rendez-vous ? »), else None."""
    said = normalise(str(text or "")).text
    questions = " ".join(m.group(0) for m in _BOT_QUESTION.finditer(said))
    if SLOTS_OFFERED.search(said):
        return "booking_slot"  # the free slots, offered without a question mark
    if not questions:
        return None
    named = [slot for slot, words in BOT_ASKS if re.search(words, questions)]
    if len(named) == 1:
        return named[0]
    if named or "a quoi correspond" in questions:
        return PROFILE_QUESTION
    return YES_NO_QUESTION if _BOT_YES_NO.search(said) else None


def bare_reply(normalised: str) -> bool:
    """A few words without a sentence of one's own (« 5 000 hab », « une CC », « la mairie de Crest »):
    the reply to the bot's question about the profile, even when it gives another field than the one
    asked; « on est une commune de 3 000 habitants et on a un projet à 50k » describes."""
    return len(normalised.split()) <= 6 and not FIRST_PERSON.search(normalised) and not STATING.search(normalised) \
        and len(_segments(normalised)) <= 1


# A verb that makes a sentence of its own (« le projet coûte 200k », « c'est une commune »).
STATING = re.compile(_Q + r"(?:est|sont|coute|couteront|coutera|fait|font|fera|a|ont|porte|couvre|compte|comptons|"
                     r"vise|prevoit|represente|regroupe|s'agit)\b")


def may_write(acts: Iterable[str]) -> bool:
    """Whether a message with these acts may write the profile: a description, an answer or a
    correction does; a question, a hypothesis or a booking turn alone never does."""
    acts = set(acts)
    return bool(acts & set(WRITING_ACTS)) and not acts & {"hypothesis"}


def is_correction(acts: Iterable[str]) -> bool:
    return "correct" in set(acts)

# « récapitulez », « rappelez-moi les appels », « quels appels me conviennent ? », « tu peux me refaire le
# recap ? »: the recommendation again (read by actions/dialogue_turn.py, and by the Rasa server so that
# such a message never restarts the conversation).
RECAP = re.compile(r"recap|rappel(le|ez)?.?(moi|nous)|redonne|remontre|re.?affiche|refai(s|tes) le point|"
                   r"resume(z)? (moi |nous )?(les|mes|nos) appels|quels appels pour (mon|notre|ce) projet|"
                   r"(mes|nos) appels recommandes|quels? (appels?|aides?|dispositifs?) (me|nous) (convien|correspond)|"
                   r"(qu.?est.ce qui|quoi) (me|nous) (convient|correspond)|a quoi (je peux|nous pouvons|on peut) "
                   r"(candidater|pretendre)|quels? (appels?|aides?) pour (moi|nous)")


def asks_for_recap_text(text: str) -> bool:
    return bool(RECAP.search(fold(str(text or "")).text))
