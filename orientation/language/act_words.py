"""The words of the dialogue acts (orientation/language/acts.py): what asks, supposes, corrects,
thanks, leaves, books or manages a booking, matched on the normalised text (orientation/language/
normalise.py: folded, SMS forms expanded). Data only: the acts module decides what they mean together.
"""
from __future__ import annotations

import re

_Q = r"(?:^|(?<=[\s,;:(]))"  # the start of a word
_QA = r"(?:^|(?<=[\s,;:(']))"  # the start of a word, after an elision too (« l'invitation »)
QUESTION_WORDS = re.compile(_Q + r"(?:est[- ]ce (?:que|qu')|qu'est[- ]ce|c'est quoi|c quoi|combien|quel(?:le)?s?|"
                            r"lequel|laquelle|lesquel(?:le)?s|comment|pourquoi|quand est|a quoi|c'est qui|"
                            r"(?:jusqu'?\s?a|a partir de|d'ici|depuis) quand|"
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
    _Q + r"(?:eligibles?|concernee?s?|ouverte?s? (?:a|aux)|jouable|(?:ca|cela) (?:passe|rentre|suffit|marche|va(?! aller))\b|"
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
    r"si (?:on|nous|je|j'|le|la|les|l'|notre|nos|mon|ma|mes|un|une|ce|ca|il|ils|elle|vous|au lieu)\b)(?![\w'])")
# Who the speaker is, stated: « jsuis à la CUD », « on est une commune » (a what-if about oneself says « si »).
BEING = re.compile(r"^(?:(?:bonjour|salut|bonsoir|hello)\W*)?(?:je suis|on est|nous sommes|c'est)\b|\b(?:je suis|nous sommes)\b")
# « savoir si », « je ne sais pas si »: whether, not if.
NOT_HYPOTHESIS = re.compile(r"(?:savoir|sais|sait|savons|savent|pas|demand\w*|voir|verra|dire|verifier|comme|meme|"
                            r"sauf|oui|ou pas) si\b|"
                            r"\bsi (?:ca|cela|c'est) (?:vous )?(?:va|convient|possible|ok|bon)|\bsi possible|\bsi besoin|"
                            # a figure offered for what it is worth: « 450 000 habitants si ça compte »
                            r"\bsi (?:ca|cela|c'est) (?:peut )?(?:vous |nous )?(?:compte|aide|aider|sert|servir|utile|interesse"
                            r"|important|pertinent|joue)\b|"
                            r"\bsi (?:vous|tu) (?:voulez|pouvez|le souhaitez|preferez|veux|peux)|\bsi oui|\bsi non")
# « et pour 1,2 M€ ? », « et avec la comcom ? », « et à 2 départements ? »: a what-if about the profile
# (« et en fait on a 19 000 hab » corrects: « en fait » is no « en Bretagne »)
HYPOTHESIS_TAIL = re.compile(r"^(?:et|mais|ok et|bon et) (?:pour|avec|a|en(?! fait\b| realite\b)|sans|si|au lieu)\b")
CORRECTION_WORDS = re.compile(
    _Q + r"(?:en fait|en realite|enfin non|non pardon|je me suis trompe(?:e)?|je me suis mal exprime|"
    r"je rectifie|rectification|correction|je corrige|autant pour moi|au temps pour moi|je voulais dire|"
    r"pas (?:un|une|des|de) .{1,40} mais|il faut lire|mauvaise (?:info|information|reponse)|je reformule|"
    r"corrigez|modifie[zr]?|changez|remplace[zr]?)\b")
# Words that correct only a value already given (« plutôt 200 000 € » after 300 000 €): with nothing said
# before, « plutôt orienté données », « ce n'est pas un gros projet, 50k », « pardon je n'ai pas compris »
# describe or ask (acts.py reads them against the profile held).
HEDGED_CORRECTION = re.compile(
    _Q + r"(?:pardon|erreur|oups|finalement|plutot|ce n'est pas|c'est pas|au final|"
    r"(?:changer|modifier|corriger|rectifier) (?:le|la|l'|mon|ma|notre|les|nos))\b")
# « non », « non non », and after a hesitation or an exclamation: « heu non », « bah non », « ah non ».
NO_START = re.compile(r"^(?:(?:euh+|heu+|hum+|hmm+|bah|ben|ah|oh|mais)[ ,.]+)?(?:non|nan)(?: non)?\b[ ,.!]*(?=\S)")
GREETING = re.compile(r"^(?:bonjour|bonsoir|salut|coucou|hello|hey|bjr|slt|re ?bonjour|allo)\b")
THANKS_GOODBYE = re.compile(_Q + r"(?:merci|thx|thanks|thank you|au revoir|bonne (?:journee|soiree|fin de journee|continuation|semaine)|"
                            r"a bientot|a la prochaine|bye|ciao|tchao|a plus|parfait merci|super merci|"
                            r"c'est tout (?:pour moi|bon)|j'ai (?:ce qu'il me faut|eu ma reponse|tout ce qu'il faut))\b")
# What only accompanies thanks or a yes (« ok merci beaucoup, bonne journée ? », « top merci ! »).
POLITE_FILLERS = re.compile(_Q + r"(?:ok|okay|oki|d'accord|s'il vous plait|s'il te plait|pour moi|"
                            r"volontiers|top|super|parfait|genial|excellent|tres bien|bien|cool|"
                            r"nickel|beaucoup|encore|infiniment|mille fois|vraiment|a vous|bien recu|c'est bon|ca me va|ca marche|"
                            r"pour (?:tout|votre aide|l'aide|(?:l'|les |ces |vos |la |votre )?(?:infos?|informations?|"
                            r"reponses?|renseignements?|precisions?|explications?))|"
                            r"c'est note|note|bonne|journee|soiree|ah|oh|bon|alors|et|donc|madame|monsieur|non|nan)\b")
# A yes or a no: the answer to the bot's yes-no question (« oui », « ok », « d'accord », « parfait »).
YES_NO = re.compile(r"^(?:oui|ouais|ouep|yes|ok|okay|oki|d'accord|parfait|tres bien|bien sur|volontiers|"
                    r"avec plaisir|je veux bien|allez|exact|exactement|tout a fait|absolument|c'est bon|"
                    r"ca marche|entendu|je confirme|confirme|valide|go|non|nan|pas vraiment|pas du tout|si)\b")
# An acknowledgment that says neither yes nor no to a change (« ok », « ok merci », « d'accord »): never
# enough to replace the profile by a hypothesis (actions/what_if.py asks again with its two buttons).
ACKNOWLEDGMENT = re.compile(r"^(?:ok|okay|oki|d'? ?accord|dac|parfait|super|top|tres bien|bien|entendu|c'est note|note|"
                            r"bien recu|merci|thx|ca marche)(?:[ ,!.]+(?:ok|merci|thx|beaucoup|bien recu|parfait|super|"
                            r"top|bien))*[ ,!.]*$")


GOODBYE = re.compile(_Q + r"(?:au revoir|bonne (?:journee|soiree|fin de journee|continuation|semaine)|a bientot|"
                     r"a la prochaine|bye|ciao|tchao|a plus|c'est tout)\b|" + _Q + r"a\+(?!\w)")  # « a+ »: à plus
LEAVE = re.compile(_Q + r"(?:je vais (?:y )?reflechir|je (?:vais|dois) en parler|je reviens|je repasserai|"
                   r"pas pour le moment|(?:je prefere|on prefere|je vais|on va) attendre|on attendra|je repasse demain|"
                   r"je verrai|je vais (?:demander|verifier|checker|regarder)|je vous (?:dis|dirai|redirai)|"
                   r"on se (?:rappelle|recontacte|reparle)|(?:je |j)(?:ne )?(?:veux|prefere|souhaite) pas (?:donner|laisser|"
                   r"communiquer)|non (?:je |j)(?:ne )?veux pas$|pas envie|j'annule|on annule|"
                   r"(?:je m'|on s')arrete la|(?:il )?faut d'abord que je|je dois d'abord (?:avoir|attendre|obtenir)|"
                   r"j ?reviens|j ?reviendrai|j ?repasse(?:rai)?|je (?:lui|leur) (?:dirai|dis|en parle(?:rai)?|transmet\w*)|"
                   r"(?:je |j ?)(?:vais |dois )?(?:demander?|transmet\w*|pose(?:r|rai)? la question) "
                   r"(?:a (?:mon|ma|mes|notre|nos|la|les|l')|au |aux )|je regarde (?:ca|cela|de mon cote)|"
                   r"je vous (?:dis|dirai|redirai) (?:ca|quoi|plus tard)|faire le point avec|"
                   r"je vais voir|je vais me renseigner|je reflechis|on reflechit|(?:je |j)(?:dois|vais) (?:y aller|filer|vous laisser|"
                   r"partir|m'absenter|me deconnecter)|je pars|je dois (?:vous )?quitter|"
                   r"(?:je |j ?)(?:check|checke|verifie|valide|vois|regarde) (?:ca |cela |tout ca )?avec|"
                   r"(?:je |j ?)(?:prefere|prefererais|souhaite|voudrais) ne pas (?:repondre|donner|dire|communiquer|preciser)|"
                   r"je ne (?:peux|souhaite|veux) pas (?:repondre|le dire|vous le dire|communiquer|le communiquer)|"
                   r"(?:il )?faut que j'y aille|je file|je vous laisse|je (?:vais|dois) (?:en )?(?:discuter|consulter|voir)|"
                   r"je verrai (?:ca |cela )?avec|on verra (?:ca |cela )?avec|revenir vers vous|vous recontacter|"
                   r"(?:reprendre|continuer|finir) (?:plus tard|"
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
MANAGE_WORDS = re.compile(_QA + r"(?:deplacer|decaler|reporter|avancer|annuler|annulation|modifier|changer|"
                          r"mon rendez-vous|ma reservation|notre rendez-vous|le rendez-vous de|invitation|\.ics|"
                          r"calendrier|agenda|dn-[a-z0-9]{4,}|confirmation|convocation|renvoy\w*|pas recu)\b")
# Not coming to the meeting held (« je ne pourrai pas venir mardi », « j'pourrai pas être là »): about the
# booking, without naming it; to the slots offered, the choice of another one (answer_act.py).
CANT_COME = re.compile(_QA + r"(?:je ne |je |j'|j )?(?:pourrai|pourrais|pourrons|peux|pourrez) (?:pas|plus) "
                       r"(?:venir|etre (?:la|present|presente|disponible|dispo)|assister|me connecter|y etre)\b")
# A first person in a question still describes: « notre commune de 3 000 hab est-elle éligible ? »
FIRST_PERSON = re.compile(_Q + r"(?:on est|on n'est|nous ne sommes|on n'a que|on sera|nous sommes|je suis|je travaille|"
                          r"je representerai|je represente|"
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
                   r"ah|oh|ha|bref|ptdr|xd|(?:ha|hi|he){2,}h?|lo+l)(?: (?:hein|quoi|euh+|bla|test|lol|mdr|ptdr))*[ ?!.]*$")
_SEGMENT = re.compile(r"[^.!?;\n]+[.!?;\n]*")

# A moment named for a meeting (« mardi 14h », « plutôt jeudi matin », « la semaine prochaine »).
MOMENT = re.compile(_Q + r"(?:lundi|mardi|mercredi|jeudi|vendredi|demain|apres-demain|matin|apres-midi|aprem|"
                    r"semaine prochaine|\d{1,2} ?h(?:\d{2})?)\b")

# A verb that makes a sentence of its own (« le projet coûte 200k », « c'est une commune »).
STATING = re.compile(_Q + r"(?:est|sont|coute|couteront|coutera|fait|font|fera|a|ont|porte|couvre|compte|comptons|"
                     r"vise|prevoit|represente|regroupe|s'agit)\b")


# « récapitulez », « rappelez-moi les appels », « quels appels me conviennent ? », « tu peux me refaire le
# recap ? »: the recommendation again (read by actions/dialogue_turn.py, and by the Rasa server so that
# such a message never restarts the conversation).
# Asking for the recommendation again: in so many words (« récapitulez », « redonnez-moi les appels »),
# or as the question the recommendation answers (« quels appels pour nous ? »): said right after the
# recommendation, the question gets a pointer to it, not the same wall again (actions/recommendation.py).
RECAP_WORDS = (r"recap|rappel(le|ez)?.?(moi|nous)|redonne|remontre|re.?affiche|refai(s|tes) le point|"
               r"resume(z)? (moi |nous )?(les|mes|nos) appels")
WHICH_CALLS_FOR_US = (r"quels appels pour (mon|notre|ce) projet|(mes|nos) appels recommandes|"
                      r"quels? (appels?|aides?|dispositifs?) (me|nous) (convien|correspond)|"
                      r"(qu.?est.ce qui|quoi) (me|nous) (convient|correspond)|a quoi (je peux|nous pouvons|on peut) "
                      r"(candidater|pretendre)|quels? (appels?|aides?) pour (moi|nous)")
RECAP = re.compile(f"{RECAP_WORDS}|{WHICH_CALLS_FOR_US}")
RECAP_IN_SO_MANY_WORDS = re.compile(RECAP_WORDS)

# Closings said alone when nothing is asked: giving up or taking note of a no (« dommage », « bon ok »,
# « tant pis », « je vois ») leaves; a bare « ok » or « d'accord » closes politely (acts.py `closing`).
RESIGNED = re.compile(r"^(?:(?:ah|oh|bon|ben|bah|eh bien|ok|okay|d'accord|alors|bref|c'est|bon bah|bon ben)[ ,.!]+)*"
                      r"(?:dommage|tant pis|je vois|zut|mince|snif|c'est dommage|pas de chance|bon (?:ok|okay|d'accord)|"
                      r"(?:c'est |ce n'est )?pas grave|"
                      r"(?:bah|ben) (?:ok|okay|d'accord))"
                      r"(?:[ ,.!]+(?:dommage|tant pis|je vois|alors|quand meme|ok|bon|merci|merci quand meme))*[ ,.!]*$")
# A polite no to an offer (« non merci », « ça ira », « c'est bon merci »): thanks, not leaving, when
# only politeness follows (acts.py `declines`).
DECLINE = re.compile(_Q + r"(?:non|nan|merci|ca ira|c'est bon|pas besoin|c'est tout|ca va aller|ca va)\b")
# Doubt about the outcome or about oneself (« on ne sait pas si ça marchera », « c'est un test pour
# voir si ça prend », « pas sûr que ça aboutisse »): a clause that neither asks nor supposes.
DOUBT = re.compile(r"(?:(?:je|on|nous) (?:ne )?(?:sais|sait|savons) pas|(?:je |on )?(?:ne )?(?:sais|sait) pas|jsp|"
                   r"pas (?:encore )?(?:sur|sure|surs|certain|certaine|certains)|sans savoir|on verra|(?:pour )?voir|"
                   r"(?:pour )?tester) (?:si|que|qu'|s'il|s'ils)[^,.;?!]*")
# What a what-if is about: a profile value (budget, population, type, territory, theme) or partners;
# « c'est grave si c'est petit ? », « ça bloque si on est en retard ? » suppose none: they ask.
HYPOTHESIS_CONTENT = re.compile(_Q + r"(?:budget|cout\w*|montant|habitants?|hab|population|departements?|regions?|"
                                r"communes?|epci|comcom|agglo|metropole|porte|portee|portait|partenaires?|regroup\w*|"
                                r"associ\w*|mutualis\w*|theme|avec (?:la|le|les|l'|une|un|d'autres|plusieurs|nos|notre|"
                                r"des))")
# A slip of the keyboard or a message sent by mistake (« dsl chat sur le clavier », « mauvaise touche »).
MISKEY = re.compile(_Q + r"(?:clavier|mauvaise touche|fausse manip\w*|erreur de (?:frappe|manip\w*)|faute de frappe|"
                    r"pas fait expres|envoye trop vite|parti trop vite|tape par erreur|ignorez? (?:ce|mon) (?:dernier )?message|"
                    r"mauvaise? (?:fenetre|onglet|conversation|discussion|destinataire)|"
                    r"trompe d'(?:onglet|interlocuteur)|trompe de (?:fenetre|conversation|discussion|destinataire))")
# Letters typed at random: a run of consonants, one letter repeated, a row of the keyboard.
MASHING = re.compile(r"[bcdfghjklmnpqrstvwxz]{6,}|([a-z])\1{3,}|azert|qwert|qsdf|wxcv|uiop|hjkl|sdfg|dfgh|fghj|ghjk|jklm")
# Asking for a person, question mark or not (« je peux parler à qqun ? », « un humain svp »).
# « quelqu'un » as typed: « qqun », « qqn », « quelqu un », « quelquun »
_SOMEONE = r"(?:qq ?un|qqn|quelqu(?:'| )?un|quelques un)"  # « qq un » reads « quelques un »
HUMAN = re.compile(_Q + r"(?:(?:parler|echanger|discuter) (?:a|avec) (?:" + _SOMEONE + r"|un humain|une personne|"
                   r"un conseiller|une conseillere|un agent|un vrai|une vraie)|un (?:vrai )?humain|une vraie personne|"
                   # « est-ce que je peux avoir un conseiller au téléphone ? », « joindre quelqu'un »
                   r"(?:avoir|joindre|contacter|appeler|rencontrer|voir) (?:" + _SOMEONE + r"|un humain|une personne"
                   r"|un conseiller|une conseillere|un de vos conseillers)|"
                   r"(?:nous|on) (?:peut|pourrait) (?:s'appeler|se parler|s'appeler)|(?:me|nous) rappeler)\b")
# A meeting asked in two words (« rdv svp », « un rendez-vous stp »).
BARE_MEETING = re.compile(r"^(?:(?:un|1) )?(?:rendez[- ]vous|visio|appel)(?: (?:svp|stp|s'il vous plait|s'il te plait|"
                          r"please|merci|rapide|avec un conseiller))*[ ?!.]*$")
# What a booking held is named by; the classifier's booking intents alone manage nothing without one of them
# (« ça change quelque chose ? » is no move).
BOOKING_NOUNS = re.compile(_QA + r"(?:rendez-vous|reservation|creneau|invitation|\.ics|dn-|annul\w*|deplac\w*|decal\w*|"
                           r"report\w*|convocation|confirmation|mail|courriel|agenda|visio|lien)")
# Words just before a body that make it a third party, not the speaker (« l'accord de notre ministère »,
# « passer par la préfecture », « je vais transmettre au maire »).
THIRD_PARTY = re.compile(r"(?:accord|avis|validation|aval|signature|autorisation|feu vert|visa|soutien|tutelle|"
                         r"passer par|passe par|via|aupres|transmet\w*|demander?|dirai|parler|discuter|"
                         r"voir (?:ca |cela )?avec) (?:prealable )?(?:de |du |des |d'|par |a |au |aux |avec )?"
                         r"(?:notre |nos |la |le |l'|mon |ma |mes |les |un |une )?$")
# About the bot itself, not the calls (« t'es un robot ? », « vous êtes une IA ? »).
ABOUT_BOT = re.compile(_Q + r"(?:robot|bot|chatbot|ia|intelligence artificielle|machine|programme|chatgpt|humain|"
                       r"t'es qui|qui (?:es-tu|etes-vous|etes vous|est-ce)|tu es|vous etes (?:un|une|qui))\b")
# Words that start the conversation again; without them, the classifier's « restart » of a message that says
# nothing (« nouveau », « test ») never wipes the profile.
RESTART_WORDS = re.compile(_Q + r"(?:recommenc\w*|reprend\w*|repart\w*|a zero|reset|reinitialis\w*|efface\w*|"
                           r"redemarr\w*|restart|(?:du|depuis le) debut|oubli\w*|nouvelle? (?:simulation|recherche|"
                           r"conversation|demande|projet)|autre projet)")
# What thanks are for (« merci pour les précisions sur le plafond »): named, not asked about.
THANKED_FOR = re.compile(r"merci (?:\w+ )?pour [^,.;!?]*")
