"""`--database` for the bench's commands: run one against a database other than
DATABASE_URL's (a seed_scale database), before any query is made."""

import environ
from django.core.management.base import CommandError
from django.db import connections


def add_database_option(parser):
    parser.add_argument(
        "--database-url",
        help="a database URL (postgres://…/name), or only a database name on DATABASE_URL's "
        "server, e.g. faire_alliance_bench_2000",
    )


def use_database(value):
    """Points the default connection at `value` (a URL, or a database name on the same
    server), its backend included: a PostgreSQL URL works when DATABASE_URL is SQLite."""
    if not value:
        return
    settings_dict = dict(connections.settings["default"])
    if "://" in value:
        settings_dict.update(environ.Env.db_url_config(value))
    elif "sqlite" in settings_dict["ENGINE"]:
        raise CommandError(f"{value}: give a postgres://… URL (DATABASE_URL is SQLite).")
    else:
        settings_dict["NAME"] = value
    connections["default"].close()
    connections.settings["default"] = settings_dict
    del connections["default"]
