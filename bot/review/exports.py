"""Exports: the filtered list as CSV or JSON, a conversation as a Rasa test story,
and the staff's intent corrections as Rasa NLU training data. Every text is masked."""

from __future__ import annotations

import csv
import io
import json
from typing import Any, Dict, Iterable, Iterator, List

import yaml

from bot.review import tracker_store
from bot.review.models import Conversation, Flag
from bot.review.transcript import Transcript, Turn, build

COLUMNS = [
    "gesprek", "begin", "laatste_bericht", "bron", "vacature_id", "berichten", "intents",
    "twijfels", "trajecten", "niet_begrepen", "lage_zekerheid", "laagste_zekerheid",
    "laatste_intent", "feedback", "feedback_opmerking", "bekeken", "tags", "eerste_bericht",
]
CHUNK = 200


def row(c: Conversation) -> Dict[str, Any]:
    return {
        "gesprek": c.sender_id,
        "begin": c.started_at.isoformat(),
        "laatste_bericht": c.last_at.isoformat(),
        "bron": c.source,
        "vacature_id": c.vacature_id,
        "berichten": c.user_messages,
        "intents": c.intent_list(),
        "twijfels": c.belief_list(),
        "trajecten": c.trajectory_list(),
        "niet_begrepen": c.had_fallback,
        "lage_zekerheid": c.low_confidence,
        "laagste_zekerheid": None if c.min_confidence is None else round(c.min_confidence, 3),
        "laatste_intent": c.last_intent,
        "feedback": c.feedback,
        "feedback_opmerking": c.feedback_comment,
        "bekeken": c.reviewed,
        "tags": [t.name for t in c.tags.all()],
        "eerste_bericht": c.first_message,
    }


def csv_safe(value: Any) -> str:
    """Lists joined with "|"; a leading = + - @ is quoted so spreadsheets show text, not a formula."""
    if isinstance(value, list):
        value = "|".join(value)
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def csv_lines(rows: Iterable[Conversation]) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(COLUMNS)
    yield buffer.getvalue()
    for conversation in rows:
        buffer.seek(0)
        buffer.truncate()
        data = row(conversation)
        writer.writerow([csv_safe(data[c]) for c in COLUMNS])
        yield buffer.getvalue()


def message_list(transcript: Transcript) -> List[Dict[str, Any]]:
    out = []
    for turn in transcript.turns:
        if turn.kind == "user":
            out.append({
                "van": "gebruiker", "tijd": turn.at.isoformat(), "tekst": turn.text, "intent": turn.intent,
                "zekerheid": turn.confidence,
                "entiteiten": [{"entiteit": e.entity, "waarde": e.value} for e in turn.entities],
            })
        elif turn.kind == "bot":
            out.append({"van": "bot", "tijd": turn.at.isoformat(), "tekst": turn.text, "actie": turn.action})
    return out


def json_chunks(rows: Iterable[Conversation]) -> Iterator[str]:
    """A JSON array of conversations with their masked messages, streamed in chunks."""
    yield "["
    first = True
    batch: List[Conversation] = []

    def flush() -> Iterator[str]:
        nonlocal first
        events: Dict[str, list] = {c.sender_id: [] for c in batch}
        for event in tracker_store.events_of(list(events)):
            events[event.sender_id].append(event)
        for conversation in batch:
            item = row(conversation)
            item["berichten"] = message_list(build(conversation.sender_id, events[conversation.sender_id]))
            yield ("" if first else ",\n") + json.dumps(item, ensure_ascii=False)
            first = False

    for conversation in rows:
        batch.append(conversation)
        if len(batch) >= CHUNK:
            yield from flush()
            batch = []
    if batch:
        yield from flush()
    yield "]\n"


def annotated(turn: Turn) -> str:
    """The user's words with Rasa's [value](entity) marks, when the text needed no masking."""
    text = turn.raw_text
    if turn.text != text:  # something was masked: the offsets no longer fit
        return turn.text
    spans = sorted(
        (e for e in turn.entities if isinstance(e.start, int) and isinstance(e.end, int)),
        key=lambda e: e.start,
    )
    out, position = [], 0
    for e in spans:
        if e.start < position or e.end > len(text) or e.start >= e.end:
            continue  # overlapping or out of range: leave unmarked
        out.append(text[position:e.start])
        value = text[e.start:e.end]
        out.append(f"[{value}]({e.entity})" if value.lower() == e.value.lower()
                   else f'[{value}]{{"entity": "{e.entity}", "value": {json.dumps(e.value)}}}')
        position = e.end
    out.append(text[position:])
    return "".join(out)


def payload_step(turn: Turn) -> Dict[str, Any]:
    step: Dict[str, Any] = {"intent": turn.intent}
    if turn.entities:
        step["entities"] = [{e.entity: e.value} for e in turn.entities]
    return step


def story_steps(transcript: Transcript) -> List[Dict[str, Any]]:
    steps: List[Dict[str, Any]] = []
    for turn in transcript.turns:
        if turn.kind == "user":
            if turn.button_click:
                steps.append(payload_step(turn))
            else:
                steps.append({"user": annotated(turn), "intent": turn.intent})
        elif turn.kind == "action":
            steps.append({"action": turn.action})
        elif turn.kind == "loop":
            steps.append({"active_loop": turn.loop})
    return steps


class _Literal(str):
    pass


def _literal(dumper, value):
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


yaml.SafeDumper.add_representer(_Literal, _literal)


def story_yaml(transcript: Transcript) -> str:
    story = {
        "version": "3.1",
        "stories": [{"story": f"gesprek {transcript.sender_id}", "steps": story_steps(transcript)}],
    }
    return yaml.safe_dump(story, allow_unicode=True, sort_keys=False, width=1000)


def corrections_yaml(flags: Iterable[Flag]) -> str:
    """Rasa NLU training data: each corrected message under the intent staff chose."""
    by_intent: Dict[str, List[str]] = {}
    for flag in flags:
        text = " ".join(flag.text.split())
        if flag.correct_intent and text and not text.startswith("/"):
            examples = by_intent.setdefault(flag.correct_intent, [])
            if text not in examples:
                examples.append(text)
    nlu = [
        {"intent": intent, "examples": _Literal("".join(f"- {t}\n" for t in texts))}
        for intent, texts in sorted(by_intent.items())
    ]
    return yaml.safe_dump({"version": "3.1", "nlu": nlu}, allow_unicode=True, sort_keys=False, width=1000)
