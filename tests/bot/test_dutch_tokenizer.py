from typing import List

import pytest
from rasa.nlu.tokenizers.tokenizer import Token
from rasa.shared.nlu.training_data.message import Message

from bot.nlu.dutch_tokenizer import DutchSpacyTokenizer


@pytest.fixture(scope="module")
def tokenizer() -> DutchSpacyTokenizer:
    return DutchSpacyTokenizer(DutchSpacyTokenizer.get_default_config())


def tokenize(tokenizer: DutchSpacyTokenizer, text: str) -> List[Token]:
    return tokenizer.tokenize(Message(data={"text": text}), "text")


def texts(tokens: List[Token]) -> List[str]:
    return [t.text for t in tokens]


def test_offsets_point_at_the_token_text(tokenizer):
    text = "Hoi! Ik werk in de zorg, maar wil naar de techniek…"
    tokens = tokenize(tokenizer, text)
    assert texts(tokens) == ["Hoi", "Ik", "werk", "in", "de", "zorg", "maar", "wil", "naar", "de", "techniek"]
    for token in tokens:
        assert text[token.start : token.end] == token.text


def test_money_notation_stays_together(tokenizer):
    tokens = tokenize(tokenizer, "Ik verdien nu € 2.800,- bruto.")
    assert texts(tokens) == ["Ik", "verdien", "nu", "€", "2.800,-", "bruto"]
    assert (tokens[4].start, tokens[4].end) == (16, 23)


def test_hyphenated_words_stay_together(tokenizer):
    tokens = tokenize(tokenizer, "Met mbo-4 ben ik zij-instromer?")
    assert texts(tokens) == ["Met", "mbo-4", "ben", "ik", "zij-instromer"]
    assert tokens[1].start == 4 and tokens[4].start == 17


def test_diacritics_keep_their_offsets(tokenizer):
    text = "Coördinatie in één café, ruïne"
    tokens = tokenize(tokenizer, text)
    assert texts(tokens) == ["Coördinatie", "in", "één", "café", "ruïne"]
    assert [text[t.start : t.end] for t in tokens] == texts(tokens)


def test_lookup_lemmas(tokenizer):
    tokens = tokenize(tokenizer, "De monteurs werkten en verdienden goed")
    lemmas = {t.text: t.lemma for t in tokens}
    assert lemmas["monteurs"] == "monteur"
    assert lemmas["werkten"] == "werken"
    assert lemmas["verdienden"] == "verdienen"
    assert lemmas["De"] == "de"


def test_slash_between_words_splits(tokenizer):
    assert texts(tokenize(tokenizer, "elektromonteurs/installateurs")) == [
        "elektromonteurs",
        "installateurs",
    ]


def test_only_punctuation_still_gives_a_token(tokenizer):
    assert texts(tokenize(tokenizer, "?!")) != []


def test_emoji_is_kept_as_a_token(tokenizer):
    assert "👍" in texts(tokenize(tokenizer, "top 👍"))


def test_tokenizer_is_registered_as_a_rasa_component():
    from rasa.engine.recipes.default_recipe import DefaultV1Recipe

    registered = DefaultV1Recipe._from_registry("bot.nlu.dutch_tokenizer.DutchSpacyTokenizer")
    assert registered.clazz is DutchSpacyTokenizer
    assert DefaultV1Recipe.ComponentType.MESSAGE_TOKENIZER in registered.types
