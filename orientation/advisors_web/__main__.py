"""The advisors' agenda: accounts and server, in French.

    python -m orientation.advisors_web compte ajouter marie.dupont     # asks the password twice, no echo
    python -m orientation.advisors_web compte supprimer marie.dupont
    python -m orientation.advisors_web compte liste
    python -m orientation.advisors_web etat                             # 0 when on (accounts exist), else 1
    python -m orientation.advisors_web serveur [--port 8001] [--host 127.0.0.1]

Accounts: $ORIENTATION_ADVISORS_ACCOUNTS (default var/advisors.yml), or --comptes FICHIER.
"""
from __future__ import annotations

import argparse
import functools
import getpass
import logging
import sys
from pathlib import Path
from typing import List, Optional

from orientation.advisors_web.accounts import (
    ACCOUNTS_ENV,
    LOGIN,
    AccountsError,
    accounts_path,
    hash_password,
    load_accounts,
    password_problem,
    save_accounts,
)
from orientation.cli import FrenchHelp, FrenchParser, french_argparse
from orientation.settings import Settings, SettingsError, get_settings


def build_parser() -> argparse.ArgumentParser:
    parser = FrenchParser(prog="python -m orientation.advisors_web", formatter_class=FrenchHelp,
                          description="Agenda web des conseillers DINUM : comptes et serveur.")
    accounts_help = f"fichier des comptes (défaut : {ACCOUNTS_ENV}, sinon var/advisors.yml)"
    parser.add_argument("--comptes", type=Path, metavar="FICHIER", help=accounts_help)
    # Accepted after the command too ("serveur --comptes …"); SUPPRESS keeps the global value otherwise.
    accounts_option = FrenchParser(add_help=False)
    accounts_option.add_argument("--comptes", type=Path, metavar="FICHIER", default=argparse.SUPPRESS,
                                 help=accounts_help)
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMANDE", parser_class=FrenchParser)
    account = commands.add_parser("compte", help="ajoute, supprime ou liste les comptes des conseillers",
                                  formatter_class=FrenchHelp, parents=[accounts_option])
    actions = account.add_subparsers(dest="action", required=True, metavar="ACTION", parser_class=FrenchParser)
    add = actions.add_parser("ajouter", help="crée un compte ou change son mot de passe (saisi sans écho)")
    add.add_argument("identifiant")
    add.add_argument("--mot-de-passe-stdin", action="store_true",
                     help="lit le mot de passe sur l'entrée standard (scripts), sans le demander")
    remove = actions.add_parser("supprimer", help="supprime un compte")
    remove.add_argument("identifiant")
    actions.add_parser("liste", help="les identifiants des comptes")
    commands.add_parser("etat", help="dit si l'agenda est activé (code 0) ou non (code 1, aucun compte)",
                        parents=[accounts_option])
    serve = commands.add_parser("serveur", help="sert l'agenda (refuse de démarrer sans compte)",
                                formatter_class=FrenchHelp, parents=[accounts_option])
    settings = get_settings()
    serve.add_argument("--host", default=settings.advisors_host,
                       help=f"adresse d'écoute (défaut : ADVISORS_HOST, sinon {Settings.default('advisors_host')})")
    serve.add_argument("--port", type=int, default=settings.advisors_port,
                       help=f"port (défaut : ADVISORS_PORT, sinon {Settings.default('advisors_port')})")
    serve.add_argument("--proxy", default=settings.advisors_trusted_proxy, metavar="ADRESSE",
                       help="adresse du mandataire inverse dont on croit X-Forwarded-For (défaut : "
                            "ADVISORS_TRUSTED_PROXY, sinon aucun)")
    serve.add_argument("--https", action="store_true", default=settings.advisors_https,
                       help="la page est servie en https (derrière le mandataire) : cookies Secure")
    return parser


def _new_password(from_stdin: bool) -> Optional[str]:
    if from_stdin:
        return sys.stdin.readline().rstrip("\n")
    first = getpass.getpass("Mot de passe : ")
    if first != getpass.getpass("Le même mot de passe, à nouveau : "):
        print("Les deux saisies diffèrent : rien n'est changé.", file=sys.stderr)
        return None
    return first


def accounts_command(args: argparse.Namespace, path: Path) -> int:
    accounts = load_accounts(path)
    if args.action == "liste":
        print("\n".join(sorted(accounts)) if accounts else f"Aucun compte dans {path}.")
        return 0
    login = args.identifiant.strip().lower()
    if args.action == "supprimer":
        if login not in accounts:
            print(f"Aucun compte « {login} » dans {path}.", file=sys.stderr)
            return 1
        del accounts[login]
        save_accounts(path, accounts)
        print(f"Compte « {login} » supprimé.")
        return 0
    if not LOGIN.match(login):
        print(f"Identifiant « {login} » refusé : de 2 à 64 caractères, minuscules, chiffres, point, tiret "
              "ou soulignement.", file=sys.stderr)
        return 1
    password = _new_password(args.mot_de_passe_stdin)
    if password is None:
        return 1
    problem = password_problem(password, user_inputs=[login, *login.replace("-", ".").replace("_", ".").split(".")])
    if problem:
        print(f"Mot de passe refusé : {problem}.", file=sys.stderr)
        return 1
    existed = login in accounts
    accounts[login] = hash_password(password)
    save_accounts(path, accounts)
    print(f"Mot de passe du compte « {login} » changé." if existed else f"Compte « {login} » créé dans {path}.")
    return 0


def state_command(path: Path) -> int:
    count = len(load_accounts(path))
    if not count:
        print(f"L'agenda des conseillers est désactivé : aucun compte dans {path}.")
        return 1
    print(f"L'agenda des conseillers est activé : {count} compte{'s' if count > 1 else ''} dans {path}.")
    return 0


def serve_command(args: argparse.Namespace, path: Path) -> int:
    if not load_accounts(path):
        print(f"L'agenda des conseillers est désactivé : aucun compte dans {path}. Créez-en un avec "
              "`python -m orientation.advisors_web compte ajouter IDENTIFIANT`.", file=sys.stderr)
        return 2
    from aiohttp import web

    from orientation.advisors_web.app import create_app
    from orientation.booking.mail import send_booking_mail
    from orientation.booking.store import BookingStore
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    store = BookingStore()
    # The user is e-mailed on a cancellation through the same mailer (and outbox) as the chat.
    notify = functools.partial(send_booking_mail, "annulation", store=store)
    app = create_app(store, path, notify_cancelled=notify, trusted_proxy=args.proxy, secure_cookies=args.https)
    print(f"Agenda des conseillers : http://{args.host}:{args.port}/ (comptes : {path})", flush=True)
    try:
        web.run_app(app, host=args.host, port=args.port, print=None)
    finally:
        store.close()
    return 0


def main(argv: Optional[List[str]] = None) -> int:
    try:
        with french_argparse():
            args = build_parser().parse_args(argv)
    except SettingsError as error:
        print(f"Configuration invalide :\n{error}", file=sys.stderr)
        return 2
    path = accounts_path(str(args.comptes) if args.comptes else None)
    try:
        if args.command == "compte":
            return accounts_command(args, path)
        if args.command == "etat":
            return state_command(path)
        return serve_command(args, path)
    except AccountsError as error:
        print(f"Fichier des comptes inutilisable : {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
