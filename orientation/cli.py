"""argparse in French, for every command line of the product (python -m orientation.eligibility,
.booking, .advisors_web, .territories): usage, help and error messages."""
from __future__ import annotations

import argparse
import contextlib
import re
from typing import Iterator

# argparse's own words (usage, errors, help), which it looks up through its module-level `_`.
ARGPARSE_FRENCH = {
    "usage: ": "usage : ",
    "positional arguments": "arguments\u00a0",  # argparse adds the colon: « arguments : »
    "options": "options\u00a0",
    "show this help message and exit": "affiche cette aide et quitte",
    "%(prog)s: error: %(message)s\n": "%(prog)s : erreur : %(message)s\n",
    "the following arguments are required: %s": "il manque : %s",
    "unrecognized arguments: %s": "arguments non reconnus : %s",
    "expected one argument": "une valeur est attendue",
    "invalid choice: %(value)r (choose from %(choices)s)": "choix invalide : %(value)r (possibles : %(choices)s)",
    "invalid %(type)s value: %(value)r": "valeur invalide : %(value)r",
    "ambiguous option: %(option)s could match %(matches)s": "option ambiguë : %(option)s peut être %(matches)s",
    "not allowed with argument %s": "incompatible avec %s",
    "ignored explicit argument %r": "valeur en trop : %r",
}
COMMANDS_TITLE = "commandes\u00a0"  # the positional arguments of a parser with sub-commands


@contextlib.contextmanager
def french_argparse() -> Iterator[None]:
    """argparse in French for the time of one call, without touching other users of argparse."""
    original = argparse._
    argparse._ = lambda text: ARGPARSE_FRENCH.get(text, original(text))
    try:
        yield
    finally:
        argparse._ = original


def _nbsp(text: str) -> str:
    """French spacing before « : » and « ; » that line wrapping cannot break (argparse wraps on ASCII spaces)."""
    return text.replace(" :", "\u00a0:").replace(" ;", "\u00a0;")


class FrenchHelp(argparse.HelpFormatter):
    def _split_lines(self, text, width):
        return super()._split_lines(_nbsp(text), width)

    def _fill_text(self, text, width, indent):
        return super()._fill_text(_nbsp(text), width, indent)


class FrenchParser(argparse.ArgumentParser):
    """An ArgumentParser that speaks French wherever it is built, asked for help, or fails; its
    sub-command parsers are FrenchParsers too."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", FrenchHelp)
        with french_argparse():
            super().__init__(*args, **kwargs)

    def add_subparsers(self, **kwargs):
        kwargs.setdefault("parser_class", FrenchParser)
        self._positionals.title = COMMANDS_TITLE
        with french_argparse():
            return super().add_subparsers(**kwargs)

    def parse_known_args(self, args=None, namespace=None):
        with french_argparse():
            return super().parse_known_args(args, namespace)

    def format_usage(self) -> str:
        with french_argparse():
            return super().format_usage()

    def format_help(self) -> str:
        with french_argparse():
            return super().format_help()

    def error(self, message: str):
        # ArgumentError's "argument --date: …" is not translatable through `_`.
        message = re.sub(r"^argument ([^:]+): ", r"option \1 : ", message)
        with french_argparse():
            super().error(message)
