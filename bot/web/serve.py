"""Serves the web app with waitress: `python -m bot.web.serve [--port N]`."""

from __future__ import annotations

import argparse
import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bot.web.settings")
MAX_BODY = 4 * 1024 * 1024


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
    # No request of ours comes near 4 MB (a chat message is at most 16 KB): waitress refuses
    # bigger bodies itself instead of buffering up to its default of 1 GB.
    serve(get_wsgi_application(), host=args.host, port=args.port, threads=8, ident="overstapcoach",
          max_request_body_size=MAX_BODY)


if __name__ == "__main__":
    main()
