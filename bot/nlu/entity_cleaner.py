"""Cleans up the entities found in one message.

Several lookup and regex patterns can match overlapping text (two money
patterns match "€ 2.800,-" and "€ 2" in the same place). Where
entities overlap, the longer span wins; should a learned extractor such as
DIET be switched on again, a RegexEntityExtractor match (curated lists) wins
over it first. Ages and hours become plain numbers ("zevenenvijftig" -> "57")
and are dropped when they cannot be a real age or a real number of hours per
week.
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import ENTITIES
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.dutch_numbers import parse_dutch_number

# entity -> (lowest, highest) plausible value
NUMBER_RANGES = {"leeftijd": (15, 99), "uren": (1, 80)}
PREFERRED_EXTRACTORS = ("RegexEntityExtractor",)


def _normalise_number(entity: Dict[Text, Any]) -> Optional[Dict[Text, Any]]:
    bounds = NUMBER_RANGES.get(entity["entity"])
    if bounds is None:
        return entity
    number = parse_dutch_number(str(entity.get("value", "")))
    if number is None or not bounds[0] <= number <= bounds[1]:
        return None
    return {**entity, "value": str(number)}


def _rank(entity: Dict[Text, Any]) -> tuple:
    preferred = entity.get("extractor") in PREFERRED_EXTRACTORS
    return (not preferred, -(entity["end"] - entity["start"]), entity["start"])


def clean_entities(entities: List[Dict[Text, Any]]) -> List[Dict[Text, Any]]:
    """Normalised entities without overlaps, in text order."""
    normalised = [e for e in map(_normalise_number, entities) if e is not None]
    kept: List[Dict[Text, Any]] = []
    for entity in sorted(normalised, key=_rank):
        if all(entity["end"] <= k["start"] or entity["start"] >= k["end"] for k in kept):
            kept.append(entity)
    return sorted(kept, key=lambda e: e["start"])


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR, is_trainable=False
)
class EntityCleaner(GraphComponent):
    """Resolves overlapping entities and normalises numbers; place it last."""

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> EntityCleaner:
        return cls()

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            entities = message.get(ENTITIES)
            if entities:
                message.set(ENTITIES, clean_entities(entities), add_to_output=True)
        return messages
