"""Starts, watches and stops every process of production mode, in dependency order."""

from __future__ import annotations

import subprocess
from typing import Dict, List, Optional

from bot.production.nginx import Nginx
from bot.production.servers import Postgres, Redis
from bot.production.settings import ProdSettings, service_env
from bot.settings import MODEL_PATH, ROOT
from bot.stack import BIN, Service, StackError, rasa_env


class ProdStack:
    """PostgreSQL, Redis, the action servers, the Rasa servers, the web apps and nginx."""

    def __init__(self, settings: ProdSettings, env: dict) -> None:
        settings.check()
        self.settings = settings
        self.env = rasa_env(env)
        logs = settings.log_dir
        self.postgres = Postgres(settings)
        self.redis = Redis(settings)
        self.actions = [
            Service(f"action server {i + 1}",
                    [str(BIN / "rasa"), "run", "actions", "--actions", "actions", "--port", str(port)],
                    f"http://127.0.0.1:{port}/health", logs / f"actions-{i + 1}.log")
            for i, port in enumerate(settings.action_ports)
        ]
        self.rasa = [
            Service(f"Rasa server {i + 1}",
                    [str(BIN / "rasa"), "run", "--model", str(MODEL_PATH),
                     "--endpoints", "endpoints.prod.yml", "--credentials", "credentials.yml",
                     "--interface", "127.0.0.1", "--port", str(port),
                     "--enable-api", "--auth-token", settings.api_token],
                    f"http://127.0.0.1:{port}/status?token={settings.api_token}",
                    logs / f"rasa-{i + 1}.log")
            for i, port in enumerate(settings.rasa_ports)
        ]
        self.web = [
            Service(f"web app {i + 1}",
                    [str(BIN / "python"), "-m", "bot.web.serve", "--host", "127.0.0.1",
                     "--port", str(port), "--no-migrate"],
                    f"http://127.0.0.1:{port}/widget.js", logs / f"web-{i + 1}.log")
            for i, port in enumerate(settings.web_ports)
        ]
        self.nginx = Nginx(settings, env)

    def service_env(self) -> Dict[str, str]:
        return service_env(self.settings, self.env)

    @property
    def services(self) -> List[Service]:
        """In start order; stopped in the reverse order."""
        return [self.postgres, self.redis, *self.actions, *self.rasa, *self.web, self.nginx]

    def start(self, timeout: float = 300) -> None:
        self.settings.log_dir.mkdir(parents=True, exist_ok=True)
        env = self.service_env()
        try:
            self.postgres.initialise()
            self.postgres.start(env)
            self.redis.start(env)
            self.postgres.wait_ready(60)
            self.postgres.create_databases()
            self.redis.wait_ready(30)
            self.prepare_tables(env)
            for service in self.actions:
                service.start(env)
            for service in self.rasa:
                service.start(env)
            for service in self.web:
                service.start(env)
            self.nginx.write_config()
            self.nginx.start(env)
            for service in [*self.actions, *self.rasa, *self.web, self.nginx]:
                service.wait_ready(timeout)
        except BaseException:
            self.stop()
            raise

    def prepare_tables(self, env: dict) -> None:
        """Rasa's tracker tables and the review app's tables, made once before the
        replicas start, so that no two replicas race to create them."""
        for what, module, flags in (
            ("the tracker tables", "bot.production.tracker_tables", []),
            ("the review tables", "bot.web.serve", ["--migrate-only"]),
        ):
            done = subprocess.run([str(BIN / "python"), "-m", module, *flags],
                                  cwd=ROOT, env=env, capture_output=True, text=True)
            if done.returncode != 0:
                raise StackError(f"making {what} failed: {done.stderr.strip()[-800:]}")

    def restart(self, service: Service, timeout: float = 300) -> None:
        service.stop()
        service.start(self.service_env())
        service.wait_ready(timeout)

    def stop(self) -> None:
        for service in reversed(self.services):
            service.stop()

    def first_exited(self) -> Optional[Service]:
        return next((s for s in self.services if s.process is not None and s.process.poll() is not None), None)
