"""Production mode (`make run-prod`): the same coach with PostgreSQL as tracker store,
Redis as lock store, replicas of the Rasa server, the action server and the web app,
and nginx in front. Every server is a Debian package run as our own child process,
with its data under var/prod/."""
