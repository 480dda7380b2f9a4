"""`--database` for the bench's commands: run one against a database other than
DATABASE_URL's (a seed_scale database), before any query is made."""

import environ
from django.db import connections


def add_database_option(parser):
    parser.add_argument(
        "--database-url",
        help="a database URL (postgres://…/name), or only a database name on DATABASE_URL's "
        "server, e.g. faire_alliance_bench_2000",
    )


def use_database(value):
    if not value:
        return
    connection = connections["default"]
    connection.close()
    if "://" in value:
        connection.settings_dict.update(environ.Env.db_url_config(value))
    else:
        connection.settings_dict["NAME"] = value
