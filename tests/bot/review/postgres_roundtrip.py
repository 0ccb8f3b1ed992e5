"""Run as a separate process by test_postgresql.py: the review app on PostgreSQL,
for both Rasa's tracker store and its own tables. Prints what it found as JSON."""

import json
import os
import sys


def main() -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "bot.web.settings"
    os.environ["WEB_ALLOWED_HOSTS"] = "testserver"
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", interactive=False, verbosity=0)
    from bot.review import filters, indexer, tracker_store
    from bot.review.deletion import forget
    from bot.review.models import Conversation, Note
    from tests.bot.review.conftest import Writer, confused_vacancy_visitor, salary_doubter

    writer = Writer.__new__(Writer)
    from rasa.core.tracker_store import SQLTrackerStore
    from rasa.shared.core.domain import Domain

    host, port, db = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    writer.store = SQLTrackerStore(Domain.empty(), dialect="postgresql", host=host, port=port, db=db,
                                   username="postgres")
    salary_doubter(writer)
    confused_vacancy_visitor(writer)
    synced = indexer.sync()
    Note.objects.create(conversation=Conversation.objects.get(sender_id="salaris-twijfel-001"), text="n")

    def found(**params):
        return sorted(filters.apply(filters.ConversationFilter(params)).values_list("sender_id", flat=True))

    result = {
        "synced": synced,
        "vacature": found(bron="vacature"),
        "belief": found(belief="belief_salary_drop"),
        "search": found(q="LOODGIETER"),
        "fallback": found(probleem="fallback"),
    }
    deleted = forget("salaris-twijfel-001")
    result.update(deleted_events=deleted.events, left_events=tracker_store.count_events("salaris-twijfel-001"),
                  left_rows=sorted(Conversation.objects.values_list("sender_id", flat=True)),
                  notes=Note.objects.count())
    print(json.dumps(result))


if __name__ == "__main__":
    main()
