"""The one normalisation of what people type (orientation/language/normalise.py): the same sentence,
however it is typed, reads the same; the spans still point into what the user typed."""
import pytest

from orientation.language.normalise import normalise, normalised, with_capitals


@pytest.mark.parametrize("variants", [
    ["les serveurs c'est éligible ?", "les serveurs c'est eligible ?", "Les serveurs C'EST ÉLIGIBLE ?",
     "les serveurs c eligible ?", "les serveurs cest eligible ?", "les serveurs c’est éligible ??"],
    ["Bonjour, je voudrais un rendez-vous s'il vous plaît", "bjr je voudrais un rdv svp",
     "Bonjour je voudrais un rendez-vous svp", "bjr, je voudrais un RDV s’il vous plait"],
    ["merci !", "merciiii !!!", "Merciii", "mrc"],
    ["je l'ai pas reçu", "jlai pas recu", "j'l'ai pas reçu", "j’l’ai pas recu"],
    ["il y a quelques jours", "ya qq jours", "y'a qqs jours"],
    ["pour tous les agents dans la région", "pr ts les agents ds la region"],
    ["je ne sais pas", "jsp"],
    ["on a jusqu'à quand pour déposer", "on a jusqua qd pr deposer", "on a jusqu'a quand pour deposer"],
])
def test_every_way_of_typing_a_sentence_reads_the_same(variants):
    readings = {normalised(v).rstrip(" ?!,") .replace(",", "") for v in variants}
    assert len(readings) == 1, readings


@pytest.mark.parametrize("typed, read", [
    ("40 000e", "40 000 €"), ("40ke", "40 k€"), ("40 ke", "40 k€"), ("40 k€", "40 k€"), ("1,2 me", "1,2 m€"),
    ("300 k e", "300 k€"), ("150 000 eur", "150 000 €"), ("1500e", "1500 €"),
])
def test_the_euro_sign_written_e_or_ke(typed, read):
    assert normalised(f"budget {typed}") == f"budget {read}"


@pytest.mark.parametrize("text", ["le 2e trimestre", "15e arrondissement", "100 000 euros", "40 000 élèves"])
def test_an_ordinal_or_a_word_is_not_an_amount(text):
    from orientation.language.fold import fold
    assert normalised(text) == fold(text).text


def test_cc_is_a_greeting_only_on_its_own():
    assert normalised("cc") == "coucou"
    assert normalised("cc, on est une mairie") == "coucou, on est une mairie"
    assert normalised("CC de Marie-Galante") == "cc de marie-galante"
    assert normalised("la cc du crestois") == "la cc du crestois"
    assert normalised("cc marie galante") == "cc marie galante"


@pytest.mark.parametrize("text", ["jean.dupont@ville-crest.fr", "DN-AAA7KQ", "DN-MMMMMM", "www.ville.fr",
                                  "jcc@mairie.fr"])
def test_addresses_references_and_links_keep_their_letters(text):
    assert normalised(f"voici {text}") == f"voici {text.lower()}"


def test_sms_words_are_whole_words_only():
    assert normalised("la dsi des ttes petites communes") == "la dsi des toutes petites communes"
    assert normalised("le pbx de la mairie") == "le pbx de la mairie"
    assert normalised("ke faire ?") == "que faire ?"


def test_spans_map_back_to_what_was_typed():
    typed = "Bjr, budget 40ke ds le 93"
    read = normalise(typed)
    start = read.text.index("40 k€")
    assert typed[slice(*read.span(start, start + len("40 k€")))] == "40ke"
    start = read.text.index("93")
    assert typed[slice(*read.span(start, start + 2))] == "93"


def test_normalising_twice_changes_nothing():
    for text in ["bjr, budget 40ke pr la cc, c eligible ?", "Rendez-vous mardi 14 h, merci !!!"]:
        once = normalised(text)
        assert normalised(once) == once


@pytest.mark.parametrize("typed, read", [
    ("Bonjour, CINOR à la Réunion", "Bonjour, CINOR a la Reunion"),
    ("CA pays basque, on voudrait un chatbot pr les agents", "CA pays basque, on voudrait un chatbot pour les agents"),
    ("ca marche, budget 40ke", "ca marche, budget 40 k€"),
    ("Bjr, la CCAS de Roubaix ici", "Bonjour, la CCAS de Roubaix ici"),
])
def test_the_extractors_read_the_capitals_as_typed(typed, read):
    """« CA » is a communauté d'agglomération and « ca » is « ça »: the capitals typed come back, the
    rest normalised, each letter where it was (the spans hold)."""
    normalised_text = normalise(typed)
    assert with_capitals(normalised_text, typed) == read
    assert len(with_capitals(normalised_text, typed)) == len(normalised_text.text)



def test_a_text_read_again_is_not_normalised_again(monkeypatch):
    """The dozen readers of a message share one normalisation of it; the result is the one computed."""
    from orientation.language import normalise as module

    folds = []
    real_fold = module.fold
    monkeypatch.setattr(module, "fold", lambda text: folds.append(text) or real_fold(text))
    text = "Bjr, on est 1 cc ds le 93, budget 40ke svp !!! (lecture partagée)"
    first, again = normalise(text), normalise(text)
    assert folds == [text] and again is first
    assert first == module._normalise.__wrapped__(text)
    assert normalise(None) == normalise("") == ("", [])
