"""The `overstapcoach` command: train, run and evaluate the coach."""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from typing import List, Optional

from bot import fingerprint
from bot.settings import (
    MODEL_NAME,
    MODEL_PATH,
    MODELS_DIR,
    ROOT,
    Settings,
    ensure_env_file,
    load_environment,
)
from bot.stack import BIN, Stack, rasa_env, run_in_foreground


def train(force: bool = False) -> int:
    """Trains the model unless it was already built from the current inputs."""
    if not force and fingerprint.model_is_current():
        print(f"==> Model is up to date ({MODEL_PATH.relative_to(ROOT)}); not retraining.")
        return 0
    print("==> Training the model (data or config changed)")
    inputs = fingerprint.training_fingerprint()  # taken before: edits during training count
    start = time.monotonic()
    env = rasa_env(load_environment())
    result = subprocess.run(
        [
            str(BIN / "rasa"), "train",
            "--config", "config.yml",
            "--domain", "domain.yml",
            "--data", "data",
            "--out", str(MODELS_DIR),
            "--fixed-model-name", MODEL_NAME,
        ],
        cwd=ROOT,
        env=env,
    )
    if result.returncode != 0:
        print("ERROR: training failed; see the output above.", file=sys.stderr)
        return result.returncode
    fingerprint.record_fingerprint(inputs)
    print(f"==> Trained in {time.monotonic() - start:.0f} s")
    return 0


def _print_welcome(settings: Settings, started: float) -> None:
    port = settings.rasa_port
    print(
        f"""
==> Overstapcoach is ready in {time.monotonic() - started:.0f} s
    Website demo:     http://localhost:{settings.web_port}/
    Vacancy demo:     http://localhost:{settings.web_port}/vacature/voorbeeld/
    Widget:           http://localhost:{settings.web_port}/widget.js
    Chat (REST):      http://localhost:{port}/webhooks/rest/webhook
    Chat (socket.io): http://localhost:{port}/socket.io
    Rasa HTTP API:    http://localhost:{port}/  (token in .env: RASA_API_TOKEN)
    Action server:    http://localhost:{settings.action_port}/health
    Review (staff):   http://localhost:{settings.web_port}/review/
                      (make an account: .venv/bin/overstapcoach staff add <name>)
    Logs:             var/log/

    Try it:
      curl -s -X POST http://localhost:{port}/webhooks/rest/webhook \\
           -H 'Content-Type: application/json' \\
           -d '{{"sender": "test-1", "message": "hoi"}}'

    Press Ctrl-C to stop.
"""
    )


RETENTION_INTERVAL = 24 * 3600


def _run_retention() -> None:
    """Deletes conversations past the retention period (REVIEW_RETENTION_DAYS)."""
    from bot.review.commands import retention

    try:
        retention()
    except Exception as problem:  # a failed clean-up must not stop the coach
        print(f"WARNING: retention failed: {problem}", file=sys.stderr)


def run() -> int:
    """Trains if needed, starts both servers, and waits for Ctrl-C."""
    started = time.monotonic()
    ensure_env_file()
    code = train()
    if code != 0:
        return code
    env = load_environment()
    settings = Settings.from_env(env)
    stack = Stack(settings, env, ROOT / "var" / "log")

    def watch() -> int:
        next_retention = 0.0
        while True:
            failed = stack.first_exited()
            if failed is not None:
                print(f"ERROR: the {failed.name} stopped; see {failed.log_path}", file=sys.stderr)
                return 1
            if time.monotonic() >= next_retention:  # at start, then once a day
                _run_retention()
                next_retention = time.monotonic() + RETENTION_INTERVAL
            time.sleep(1)

    print("==> Starting the action server, the Rasa server and the web app (model loading takes ~40 s)")
    return run_in_foreground(stack, lambda: _print_welcome(settings, started), watch)


def run_production() -> int:
    """Production mode: trains if needed, then PostgreSQL, Redis, replicas and nginx."""
    from bot.production.run import run_prod

    ensure_env_file()
    code = train()
    if code != 0:
        return code
    return run_prod(load_environment())


def use_production_databases() -> None:
    """Points this process's review commands at production mode's PostgreSQL."""
    import os

    from bot.production.settings import ProdSettings, service_env

    env = load_environment()
    os.environ.update(service_env(ProdSettings.from_env(env), {}))


def evaluate(min_macro_f1: Optional[float], min_entity_f1: Optional[float] = None) -> int:
    """Scores the trained model's NLU on the held-out test set."""
    from bot.nlu_eval import run_evaluation

    code = train()
    if code != 0:
        return code
    return run_evaluation(
        model=MODEL_PATH,
        test_file=ROOT / "tests" / "nlu",
        report_dir=ROOT / "reports",
        min_macro_f1=min_macro_f1,
        min_entity_f1=min_entity_f1,
    )


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(prog="overstapcoach", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    p_train = sub.add_parser("train", help="train the model if data or config changed")
    p_train.add_argument("--force", action="store_true", help="train even if nothing changed")
    sub.add_parser("run", help="train if needed, start everything, stop with Ctrl-C")
    sub.add_parser("run-prod", help="production mode: PostgreSQL, Redis, replicas behind nginx")
    sub.add_parser(
        "export-lookups", help="write data/lookups/beroep.yml from data/knowledge/occupations.yml"
    )
    p_eval = sub.add_parser("eval", help="score NLU on the held-out test set (tests/nlu)")
    p_eval.add_argument(
        "--min-macro-f1", type=float, default=None,
        help="exit with an error when intent macro-F1 is below this value",
    )
    p_eval.add_argument(
        "--min-entity-f1", type=float, default=None,
        help="exit with an error when F1 for occupation (beroep) or place (regio) is below this value",
    )
    p_staff = sub.add_parser("staff", help="staff accounts for the review app (/review/)")
    staff_sub = p_staff.add_subparsers(dest="staff_command", required=True)
    p_add = staff_sub.add_parser("add", help="create a staff account; asks for the password")
    p_add.add_argument("username")
    p_add.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    p_add.add_argument("--reset", action="store_true", help="give an existing account a new password")
    p_list = staff_sub.add_parser("list", help="list staff accounts")
    p_disable = staff_sub.add_parser("disable", help="disable a staff account")
    p_disable.add_argument("username")
    for staff_parser in (p_add, p_list, p_disable):
        staff_parser.add_argument("--prod", action="store_true", help="the accounts of production mode")
    p_ret = sub.add_parser("retention", help="delete conversations older than the retention period")
    p_ret.add_argument("--days", type=int, default=None, help="default: REVIEW_RETENTION_DAYS (180)")
    p_ret.add_argument("--prod", action="store_true", help="production mode's databases")
    args = parser.parse_args(argv)
    if getattr(args, "prod", False):
        ensure_env_file()
        use_production_databases()
    if args.command == "staff":
        from bot.review import commands

        if args.staff_command == "add":
            return commands.add_staff(args.username, args.password_stdin, args.reset)
        if args.staff_command == "list":
            return commands.list_staff()
        return commands.disable_staff(args.username)
    if args.command == "retention":
        from bot.review.commands import retention

        return retention(args.days)
    if args.command == "train":
        return train(force=args.force)
    if args.command == "run":
        return run()
    if args.command == "run-prod":
        return run_production()
    if args.command == "export-lookups":
        from bot.lookup_export import LOOKUP, export

        changed = export()
        print(f"==> {LOOKUP.relative_to(ROOT)} {'written' if changed else 'already up to date'}")
        return 0
    return evaluate(args.min_macro_f1, args.min_entity_f1)


if __name__ == "__main__":
    sys.exit(main())
