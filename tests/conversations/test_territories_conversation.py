"""A place name in the conversation: the official population and départements fill the profile
(Etalab's découpage administratif), homonyms are asked, and a place is never an applicant type."""
import pytest

from orientation.language import french as fmt
from orientation.territories import load_index
from tests.french import nb


def _place(name, kind):
    [territory] = load_index().lookup(name, [kind])
    return territory


def test_a_mairie_gives_the_type_and_the_official_population(chat):
    rennes = _place("Rennes", "commune")
    answer = chat.say("Bonjour, je suis la mairie de Rennes, projet de participation citoyenne à 400 000 €")
    assert f"Rennes (35) : {fmt.number(rennes.population)} habitants (population légale INSEE" in answer
    assert (f"Votre profil : une commune, territoire : Rennes (commune, code INSEE 35238), "
            f"{fmt.number(rennes.population)} habitants, 1 département") in answer
    # Rennes alone is under TNT-COOP's 300 000 inhabitants of the 2nd session: named in the first
    # reply, the reason on demand
    assert "Sur ce thème, ne vous sont pas ouverts : TNT-COOP" in answer
    why = next(b["payload"] for b in chat.buttons if b["title"] == "Pourquoi pas TNT-COOP ?")
    assert nb(f"Population couverte {fmt.number(rennes.population)} < 300 000 habitants requis") in chat.say(why)
    # the advisor's summary names the territory by its official name and code
    summary = chat.say("je voudrais un rendez-vous avec la DINUM")
    assert "Le conseiller recevra ce résumé" in summary
    assert "territoire : Rennes (commune, code INSEE 35238)" in summary


def test_a_figure_the_user_states_wins_over_the_official_one(chat):
    answer = chat.say("je suis la mairie de Rennes, notre projet couvre 350 000 habitants, participation citoyenne, "
                      "400 000 €")
    assert nb("Je retiens le chiffre que vous indiquez : 350 000 habitants.") in answer
    assert "1. TNT-COOP" in answer and nb("75 % de 400 000 €, soit jusqu'à 300 000 €") in answer


def test_a_metropolis(chat):
    bordeaux = _place("Bordeaux Métropole", "epci")
    answer = chat.say("Bonjour, je représente la métropole de Bordeaux : un projet de 1 M€ pour ouvrir nos données")
    assert f"Bordeaux Métropole (EPCI, 33) : {fmt.number(bordeaux.population)} habitants" in answer
    assert "territoire : Bordeaux Métropole (EPCI, SIREN 243300316)" in answer
    assert "Votre profil : un EPCI (intercommunalité), territoire" in answer
    # more than the « environ 500 000 habitants » TNT-DONNEES asks for
    assert "2. TNT-DONNEES" in answer
    # the reasons come with « Détails »
    details = next(b["payload"] for b in chat.buttons if b["title"] == "Détails de TNT-DONNEES")
    assert (f"Population couverte {fmt.number(bordeaux.population)} ≥ environ {fmt.number(500_000)} habitants "
            "(ordre de grandeur donné par la source)") in chat.say(details)


def test_two_departements_add_up_and_the_prefecture_stays_a_state_service(chat):
    nord, pas_de_calais = _place("Nord", "departement"), _place("Pas-de-Calais", "departement")
    answer = chat.say("Je suis à la préfecture du Nord, notre projet couvre le Nord et le Pas-de-Calais, "
                      "300 k€ pour ouvrir nos données")
    total = nord.population + pas_de_calais.population
    assert (f"Nord (59) : {fmt.number(nord.population)} habitants ; Pas-de-Calais (62) : "
            f"{fmt.number(pas_de_calais.population)} habitants, soit {fmt.number(total)} habitants sur "
            f"2 départements") in answer
    assert "Votre profil : un service déconcentré de l'État, territoire : Nord (département 59) et " \
           "Pas-de-Calais (département 62)" in answer
    assert "1. ITN5" in answer


def test_naming_the_departement_covered_does_not_change_the_applicant_type(chat):
    chat.say("Bonjour, je suis à la préfecture du Nord")
    answer = chat.say("on couvre le département du Nord")
    assert "type de porteur passe" not in answer
    answer = chat.say("300 000 € pour ouvrir nos données")
    assert "Votre profil : un service déconcentré de l'État" in answer
    assert "ITN5" in answer


def test_a_name_shared_by_several_communes_is_asked_with_buttons(chat):
    answer = chat.say("Je suis la mairie de Saint-Denis, projet de participation citoyenne à 400 000 €")
    assert "Plusieurs communes s'appellent « Saint-Denis » : laquelle est concernée par le projet ?" in answer
    choices = {b["title"].split(" — ")[0]: b["payload"] for b in chat.buttons if "Saint-Denis" in b["title"]}
    assert set(choices) == {"Saint-Denis (974)", "Saint-Denis (93)", "Saint-Denis (11)", "Saint-Denis (30)"}
    saint_denis = next(t for t in load_index().lookup("Saint-Denis", ["commune"]) if t.departements == ("93",))
    answer = chat.say(choices["Saint-Denis (93)"])
    assert f"Saint-Denis (93) : {fmt.number(saint_denis.population)} habitants" in answer


@pytest.mark.parametrize("message", ["je suis une commune de 350 000 habitants", "la somme de 300 000 €"])
def test_no_place_no_territory(chat, message):
    assert "population légale INSEE" not in chat.say(message)


def test_a_name_read_through_a_typo_is_stated_so_the_user_can_correct_it(chat):
    montpellier = _place("Montpellier", "commune")
    answer = chat.say("bjr c la mairie de montpelier, on veut mettre l etat civil en ligne")
    assert f"Montpellier (34) : {fmt.number(montpellier.population)} habitants (population légale INSEE" in answer
