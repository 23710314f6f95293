"""A linear intent classifier and topic selector on character and word n-grams.

Why: with no pretrained French model, every classifier here learns from bags of
n-grams only. A logistic regression on TF-IDF character (1–5) and word (1–2) n-grams,
accent- and case-insensitive, is accurate on short, misspelt patient messages and
trains in seconds with stochastic gradient descent (the exact solver took minutes
for the same figures, see the README's NLU section).

Two regressions share the features:

- one learns the intents;
- one learns the full labels, where content families are split into their topics
  (``faq/hours``, ``first_aid/burn``…). Summed per intent, its probabilities are
  averaged with the first regression's (``topic_weight``): a topic is a tighter
  cluster than its whole family. Read within one family, they choose the answer that
  family's retrieval action speaks (:mod:`connectors.topic_selection`), so Rasa's
  ResponseSelector, a second neural network, is not needed.

The FallbackClassifier then judges the intent's confidence; the safety net still
runs last and can override anything.
"""

from __future__ import annotations

import logging
import re
from typing import Any, Dict, List, Optional, Text

import joblib
import numpy
from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.nlu.constants import (
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING_KEY,
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData
from sklearn.feature_extraction.text import TfidfVectorizer, strip_accents_unicode
from sklearn.linear_model import SGDClassifier
from sklearn.pipeline import FeatureUnion, make_union

from connectors import topic_selection

logger = logging.getLogger(__name__)

MODEL_FILE = "linear_intent_classifier.joblib"


_WORD = re.compile(r"\w+")
# Pictographs, dingbats, arrows and stars, skin tones, the variation selector and the
# zero-width joiner that glue emoji sequences together.
_EMOJI = re.compile("[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\uFE0F\u200D]+")


class WordClasses:
    """Replaces each word of a named word list by one token for the whole list.

    "previscan", "levothyrox" and "ventoline" all become ``__medicament__`` for the
    word n-grams, so a drug name the examples never used still reads as a drug name.
    Likewise every run of emoji is followed by the word ``__emoji__`` (the word
    tokenizer drops emoji; the character n-grams keep them), so "👍" still reads as
    itself and an emoji no example used still reads as an emoji.
    Lower case and accents are folded first, as the vectorizer would have done.
    Picklable: it is saved with the fitted features.
    """

    def __init__(self, classes: Dict[Text, List[Text]]) -> None:
        """Index the words: ``classes`` maps a list name to its words."""
        self._token = {
            strip_accents_unicode(word.lower()): f"__{name}__"
            for name, words in classes.items()
            for word in words
        }

    def __call__(self, text: Text) -> Text:
        """Return the folded text with every listed word replaced by its token."""
        folded = strip_accents_unicode(text.lower())
        words = _WORD.sub(lambda match: self._token.get(match.group(0), match.group(0)), folded)
        return _EMOJI.sub(lambda match: f" {match.group(0)} __emoji__ ", words)


def word_classes(training_data: TrainingData, names: List[Text]) -> Dict[Text, List[Text]]:
    """Read the lookup tables named in the configuration from the training data.

    Args:
        training_data: The NLU training data with its lookup tables.
        names: The lookup tables to use as word classes.

    Returns:
        The words of each named table that has a list of words.
    """
    return {
        table["name"]: list(table["elements"])
        for table in training_data.lookup_tables
        if table.get("name") in names and isinstance(table.get("elements"), list)
    }


def build_features(
    config: Dict[Text, Any], classes: Optional[Dict[Text, List[Text]]] = None
) -> FeatureUnion:
    """Build the untrained TF-IDF character and word n-gram features.

    Args:
        config: The component's configuration.
        classes: Word lists whose words share one token in the word n-grams.

    Returns:
        A scikit-learn transformer from raw texts to sparse features.
    """
    # Case, accents and emoji folded for every analyzer: an emoji no example used is then
    # still "an emoji", not a message whose only known character n-gram is the space
    # around it (which short form answers own).
    folded = WordClasses({})
    parts = [
        TfidfVectorizer(
            analyzer="char_wb",
            ngram_range=(1, config["max_char_ngram"]),
            sublinear_tf=True,
            preprocessor=folded,
        ),
        TfidfVectorizer(
            analyzer="word",
            ngram_range=(1, 2),
            sublinear_tf=True,
            # WordClasses folds case and accents itself (a preprocessor replaces the
            # vectorizer's own).
            preprocessor=WordClasses(classes or {}),
        ),
    ]
    if config["across_words_ngram"]:
        # Character n-grams that run across word boundaries ("a quelle h", "rdv de"):
        # short phrases, whatever the spelling of each word. Rare ones are left out.
        low, high = config["across_words_ngram"]
        parts.append(
            TfidfVectorizer(
                analyzer="char",
                ngram_range=(low, high),
                sublinear_tf=True,
                preprocessor=folded,
                min_df=2,
            )
        )
    return make_union(*parts)


def build_regression(config: Dict[Text, Any]) -> SGDClassifier:
    """Build an untrained logistic regression fitted by stochastic gradient descent.

    A fixed number of epochs (``tol=None``) and a fixed seed: the same data always
    gives the same model.
    """
    return SGDClassifier(
        loss="log_loss",
        alpha=config["alpha"],
        max_iter=config["epochs"],
        tol=None,
        class_weight="balanced",
        random_state=config["random_state"],
    )


class LinearModel:
    """The fitted features, the intent regression and the full-label regression.

    Picklable: it is what :class:`LinearIntentClassifier` saves.
    """

    def __init__(
        self,
        features: FeatureUnion,
        intents: SGDClassifier,
        labels: SGDClassifier,
        topic_weight: float,
    ) -> None:
        """Wrap the fitted features and both regressions fitted on them."""
        self.features = features
        self.intents = intents
        self.labels = labels
        self.topic_weight = topic_weight
        self._transposable()
        column = {name: index for index, name in enumerate(intents.classes_)}
        # One row per full label, a 1 in the column of its intent: sums per intent.
        self._label_to_intent = numpy.zeros((len(labels.classes_), len(column)))
        for row, label in enumerate(labels.classes_):
            self._label_to_intent[row, column[Message.separate_intent_response_key(label)[0]]] = 1.0

    def __setstate__(self, state: Dict[Text, Any]) -> None:
        """Unpickle, then lay the coefficients out for prediction (older files too)."""
        self.__dict__.update(state)
        self._transposable()

    def _transposable(self) -> None:
        # scipy copies a non-contiguous dense operand on every sparse product: with the
        # coefficients in Fortran order, the transposed view that predict_proba uses is
        # contiguous, and a message is classified several times faster.
        for regression in (self.intents, self.labels):
            regression.coef_ = numpy.asfortranarray(regression.coef_)

    @property
    def classes(self) -> List[Text]:
        """The intents, in the order of the intent probabilities' columns."""
        return list(self.intents.classes_)

    @property
    def full_labels(self) -> List[Text]:
        """The full labels (``faq/hours``, ``greet``…), in the label columns' order."""
        return list(self.labels.classes_)

    def predict_proba(self, texts: List[Text]) -> Any:
        """Return intent probabilities and full-label probabilities, one row per text."""
        features = self.features.transform(texts)
        per_label = self.labels.predict_proba(features)
        per_intent = self.intents.predict_proba(features)
        blended = (1 - self.topic_weight) * per_intent + self.topic_weight * (
            per_label @ self._label_to_intent
        )
        return blended, per_label


def fit(
    config: Dict[Text, Any],
    examples: List[Message],
    classes: Optional[Dict[Text, List[Text]]] = None,
) -> LinearModel:
    """Fit the features and both regressions.

    Args:
        config: The component's configuration.
        examples: Training examples with text and intent (and topic, if any).
        classes: Word lists whose words share one token in the word n-grams.

    Returns:
        The fitted model.
    """
    texts = [example.get(TEXT) for example in examples]
    features = build_features(config, classes)
    matrix = features.fit_transform(texts)
    intents = build_regression(config).fit(matrix, [e.get(INTENT) for e in examples])
    labels = build_regression(config).fit(matrix, [e.get_full_intent() for e in examples])
    return LinearModel(features, intents, labels, config["topic_weight"])


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True
)
class LinearIntentClassifier(IntentClassifier, GraphComponent):
    """Logistic regressions on n-grams: the intent, and each content family's topic."""

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        """Return the defaults (the project's values are in config.yml)."""
        return {
            # L2 penalty of the regressions (smaller: closer fit) and passes over the data.
            "alpha": 1e-5,
            "epochs": 30,
            "max_char_ngram": 5,
            # [low, high] character n-grams across words, or [] for none.
            "across_words_ngram": [],
            # Share of the full-label regression, summed per intent, in this one's.
            "topic_weight": 0.3,
            "ranking_length": 10,
            "random_state": 42,
            # Lookup tables of the training data whose words count as one word.
            "word_classes": [],
            # Below this confidence within its family, a topic gives way to the
            # family's generic answer, where the family has one.
            "topic_threshold": 0.5,
            # Intents never predicted for a message: triggered through the HTTP API
            # only (a patient typing "EXTERNAL_…" must not start a reminder's rule).
            "excluded_intent_prefixes": ["EXTERNAL_"],
        }

    def __init__(
        self,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        model: Optional[LinearModel] = None,
        generic: Optional[Dict[Text, Text]] = None,
    ) -> None:
        """Create the component around an (optionally trained) model."""
        self._config = {**self.get_default_config(), **config}
        self._model_storage = model_storage
        self._resource = resource
        self._model = model
        self._generic = generic or {}

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> LinearIntentClassifier:
        """Create an untrained component."""
        return cls(config, model_storage, resource)

    def train(self, training_data: TrainingData) -> Resource:
        """Fit the model on every example that has an intent and text, except the
        intents of ``excluded_intent_prefixes``.

        Args:
            training_data: The NLU training data (retrieval intents by base name,
                with their topics and the content responses).

        Returns:
            The resource the fitted model is persisted to.
        """
        excluded = tuple(self._config["excluded_intent_prefixes"])
        examples = [
            example
            for example in training_data.intent_examples
            if example.get(TEXT)
            and example.get(INTENT)
            and not (excluded and str(example.get(INTENT)).startswith(excluded))
        ]
        if len({example.get(INTENT) for example in examples}) < 2:
            logger.debug("Fewer than two intents: the linear classifier is not trained.")
            return self._resource
        self._model = fit(
            self._config,
            examples,
            word_classes(training_data, self._config["word_classes"]),
        )
        self._generic = topic_selection.generic_topics(training_data.responses)
        with self._model_storage.write_to(self._resource) as directory:
            joblib.dump((self._model, self._generic), directory / MODEL_FILE)
        return self._resource

    @classmethod
    def load(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> LinearIntentClassifier:
        """Load the fitted model (our own trained file, written by :meth:`train`)."""
        try:
            with model_storage.read_from(resource) as directory:
                model, generic = joblib.load(directory / MODEL_FILE)
        except (ValueError, FileNotFoundError):
            logger.debug("No trained linear classifier found: it will pass through.")
            model, generic = None, None
        return cls(config, model_storage, resource, model, generic)

    def process(self, messages: List[Message]) -> List[Message]:
        """Set each message's intent, its ranking and its topics.

        Args:
            messages: The messages to classify.

        Returns:
            The same messages with ``intent``, ``intent_ranking`` and the chosen topic
            of every content family (``response_selector``).
        """
        if self._model is None:
            return messages
        texts = [message.get(TEXT) or "" for message in messages]
        per_intent, per_label = self._model.predict_proba(texts)
        for message, intents, labels in zip(messages, per_intent, per_label):
            if not message.get(TEXT):
                continue
            ranking = self._ranking(intents)
            message.set(INTENT, ranking[0], add_to_output=True)
            message.set(
                INTENT_RANKING_KEY,
                ranking[: self._config["ranking_length"]],
                add_to_output=True,
            )
            topic_selection.select_topics(
                message,
                dict(zip(self._model.full_labels, (float(value) for value in labels))),
                self._generic,
                self._config["topic_threshold"],
            )
        return messages

    def _ranking(self, probabilities: Any) -> List[Dict[Text, Any]]:
        """Rasa's ``intent_ranking`` entries, best first (ties broken by name)."""
        scores = sorted(
            zip(self._model.classes, (float(value) for value in probabilities)),
            key=lambda item: (-item[1], item[0]),
        )
        return [{INTENT_NAME_KEY: name, PREDICTED_CONFIDENCE_KEY: score} for name, score in scores]
