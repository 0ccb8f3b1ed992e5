"""A Dutch tokenizer for Rasa built on spaCy's blank "nl" pipeline.

No trained spaCy weights are needed (none can be downloaded here): spaCy's
rule-based Dutch tokenizer splits the text, and the lookup lemmatizer from
``spacy-lookups-data`` gives each token a lemma ("monteurs" -> "monteur",
"werkten" -> "werken"). Punctuation and white space are dropped, as Rasa's
WhitespaceTokenizer does; symbols such as "€" and emoji stay.
"""

from __future__ import annotations

import functools
from typing import Any, Dict, List, Text

import spacy
from spacy.language import Language
from spacy.util import compile_infix_regex

from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.tokenizers.tokenizer import Token, Tokenizer
from rasa.shared.nlu.training_data.message import Message

# "elektromonteurs/installateurs" -> "elektromonteurs", "/", "installateurs"
_EXTRA_INFIXES = [r"(?<=[^\W\d_])/(?=[^\W\d_])"]


@functools.lru_cache(maxsize=1)
def dutch_pipeline() -> Language:
    """Returns the blank Dutch pipeline with a lookup lemmatizer (built once)."""
    nlp = spacy.blank("nl")
    infixes = list(nlp.Defaults.infixes) + _EXTRA_INFIXES
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()
    return nlp


@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.MESSAGE_TOKENIZER, is_trainable=False
)
class DutchSpacyTokenizer(Tokenizer):
    """Tokenizes Dutch text with spaCy's rules and adds lookup lemmas."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        """Returns the component's default config."""
        return {
            # Split intent names on a symbol (used for end-to-end training).
            "intent_tokenization_flag": False,
            "intent_split_symbol": "_",
            # Optional regular expression that further splits tokens.
            "token_pattern": None,
            "prefix_separator_symbol": None,
        }

    @staticmethod
    def supported_languages() -> List[Text]:
        """Only Dutch: the tokenizer rules and lemmas are Dutch."""
        return ["nl"]

    @staticmethod
    def required_packages() -> List[Text]:
        """Packages needed by this component."""
        return ["spacy", "spacy_lookups_data"]

    def __init__(self, config: Dict[Text, Any]) -> None:
        super().__init__(config)
        self._nlp = dutch_pipeline()

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> DutchSpacyTokenizer:
        """Creates a new component (see parent class for full docstring)."""
        return cls(config)

    def tokenize(self, message: Message, attribute: Text) -> List[Token]:
        """Splits the attribute's text into tokens with lemmas and offsets."""
        text = message.get(attribute)
        doc = self._nlp(text)
        words = [t for t in doc if not (t.is_space or t.is_punct)]
        if not words:
            # Only punctuation (e.g. "?!"): keep it, a message needs a token.
            words = [t for t in doc if not t.is_space]
        if not words:
            return [Token(text, 0, lemma=text)]
        tokens = [
            Token(t.text, t.idx, lemma=(t.lemma_ or t.text).lower()) for t in words
        ]
        return self._apply_token_pattern(tokens)
