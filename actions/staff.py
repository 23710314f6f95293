"""The staff accounts' command line: add, list and disable console accounts.

::

    python -m actions.staff add dupont --name "Infirmière Dupont"
    python -m actions.staff list
    python -m actions.staff disable dupont
    python -m actions.staff unlock dupont

``unlock`` lifts a sign-in lockout (5 failed sign-ins in 15 minutes lock an account,
see :mod:`actions.services.sign_in_guard`) and forgets the failures, e.g. once the
professional who forgot their password has been given a new one.
``add`` takes the password from ``HYGIE_STAFF_PASSWORD`` when set (scripts, tests),
otherwise asks for it twice without echo. The database is ``DATABASE_URL`` (default
``var/hygie.db``), upgraded first. Passwords are never printed nor logged.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from zoneinfo import ZoneInfo

from actions.defaults import DEFAULT_TIME_ZONE
from actions.services.passwords import PasswordPolicyError
from actions.services.staff_accounts import (
    StaffAccountError,
    add_account,
    disable_account,
    list_accounts,
    normalise_username,
)
from actions.services.sign_in_guard import unlock
from actions.store.db import database_url, make_engine, make_session_factory
from actions.store.migrate import upgrade
from actions.store.types import utcnow
from actions.store.unit_of_work import UnitOfWork

PASSWORD_ENV = "HYGIE_STAFF_PASSWORD"


def main(argv: list[str] | None = None) -> int:
    """Entry point of ``python -m actions.staff``.

    Returns:
        0 on success, 1 when the command could not be done, 2 on a usage error.
    """
    args = _parser().parse_args(argv)
    url = database_url()
    upgrade(url)
    engine = make_engine(url)
    try:
        return args.run(args, UnitOfWork(make_session_factory(engine)))
    finally:
        engine.dispose()


def _add(args: argparse.Namespace, uow: UnitOfWork) -> int:
    try:
        password = _password()
        staff_id = add_account(uow, args.username, args.name, password, utcnow())
    except (StaffAccountError, PasswordPolicyError) as error:
        print(f"staff: erreur : {error}", file=sys.stderr)
        return 1
    print(f"compte {args.username.strip().lower()!r} créé (n° {staff_id})")
    return 0


def _list(args: argparse.Namespace, uow: UnitOfWork) -> int:
    accounts = list_accounts(uow)
    if not accounts:
        print("aucun compte (python -m actions.staff add <identifiant> --name ...)")
    now = utcnow()
    for account in accounts:
        state = "actif" if account.active else "désactivé"
        if account.locked_until is not None and account.locked_until > now:
            until = account.locked_until.astimezone(ZoneInfo(DEFAULT_TIME_ZONE))
            state += f", verrouillé jusqu'au {until:%d/%m/%Y %H:%M}"
        print(f"{account.username}\t{account.display_name}\t{state}")
    return 0


def _disable(args: argparse.Namespace, uow: UnitOfWork) -> int:
    if not disable_account(uow, args.username, utcnow()):
        print(f"staff: erreur : aucun compte {args.username!r}", file=sys.stderr)
        return 1
    print(f"compte {args.username!r} désactivé (ses sessions sont fermées)")
    return 0


def _unlock(args: argparse.Namespace, uow: UnitOfWork) -> int:
    if not unlock(uow, normalise_username(args.username), utcnow()):
        print(f"staff: erreur : aucun compte {args.username!r}", file=sys.stderr)
        return 1
    print(f"compte {args.username!r} déverrouillé (échecs de connexion oubliés)")
    return 0


def _password() -> str:
    from_env = os.environ.get(PASSWORD_ENV)
    if from_env:
        return from_env
    if not sys.stdin.isatty():
        raise StaffAccountError(
            f"pas de terminal pour saisir le mot de passe : définissez {PASSWORD_ENV}"
        )
    first = getpass.getpass("Mot de passe (10 caractères au moins) : ")
    if getpass.getpass("Confirmez le mot de passe : ") != first:
        raise StaffAccountError("les deux mots de passe diffèrent")
    return first


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m actions.staff",
        description="Comptes du personnel pour la console de Hygie.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    add = commands.add_parser("add", help="créer un compte")
    add.add_argument("username", help="identifiant de connexion, ex. dupont")
    add.add_argument(
        "--name", required=True, help='nom affiché, ex. "Infirmière Dupont"'
    )
    add.set_defaults(run=_add)
    listing = commands.add_parser("list", help="lister les comptes")
    listing.set_defaults(run=_list)
    disable = commands.add_parser("disable", help="désactiver un compte")
    disable.add_argument("username")
    disable.set_defaults(run=_disable)
    unlocking = commands.add_parser(
        "unlock", help="lever le verrouillage après des échecs de connexion"
    )
    unlocking.add_argument("username")
    unlocking.set_defaults(run=_unlock)
    return parser


if __name__ == "__main__":
    sys.exit(main())
