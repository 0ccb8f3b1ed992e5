"""Serves the web app with waitress: `python -m bot.web.serve [--port N]`."""

from __future__ import annotations

import argparse
import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bot.web.settings")


def main() -> None:
    import django
    from django.core.management import call_command
    from django.core.wsgi import get_wsgi_application
    from waitress import serve

    from bot.web.settings import WEB_PORT

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, default=WEB_PORT)
    parser.add_argument("--host", default="0.0.0.0", help="interface to listen on")
    parser.add_argument("--no-migrate", action="store_true",
                        help="skip migrations (production mode migrates once before the replicas start)")
    parser.add_argument("--migrate-only", action="store_true", help="migrate the review tables and exit")
    args = parser.parse_args()
    django.setup()
    if not args.no_migrate:
        call_command("migrate", interactive=False, verbosity=0)  # the review app's own tables
    if args.migrate_only:
        return
    serve(get_wsgi_application(), host=args.host, port=args.port, threads=8, ident="overstapcoach")


if __name__ == "__main__":
    main()
