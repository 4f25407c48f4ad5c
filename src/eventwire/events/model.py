"""The trained sentence model: one logistic regression per label over `features`, applied by a sparse
dot product in numpy (no torch, nothing downloaded).

Labels are the 16 PLOVER types (the sentence reports an event of that type, counted or not), `EVENT` (any
event), and `NEGATED` / `HYPOTHETICAL` (the sentence's events are not counted). Scores are calibrated on dev
(Platt scaling per label) and each label has the dev-chosen threshold at which it is said to hold.
`python -m eventwire.events.train` writes the weights to `data/event_model*.npz`.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np

from eventwire.events.features import features
from eventwire.events.tables import PLOVER_TYPES

LABELS = PLOVER_TYPES + ("EVENT", "NEGATED", "HYPOTHETICAL")
FILES = {False: "event_model.npz", True: "event_model_rules.npz"}  # by whether it reads the rules' types


@dataclass
class EventModel:
    labels: tuple[str, ...]
    vocab: dict[str, int]
    weights: np.ndarray  # (features, labels)
    bias: np.ndarray  # (labels,)
    scale: np.ndarray  # Platt a, per label
    shift: np.ndarray  # Platt b, per label
    thresholds: np.ndarray  # calibrated probability at which a label holds
    uses_rules: bool = False

    def rows(self, texts: list[str], rule_types: list[list[str]] | None = None, context: list[str] = (),
             parsed: list[list[str]] | None = None) -> list[list[int]]:
        rule_types = rule_types if self.uses_rules and rule_types is not None else [[] for _ in texts]
        parsed = parsed if parsed is not None else [[] for _ in texts]
        vocab = self.vocab
        return [sorted({vocab[f] for f in features(t, r, context, p) if f in vocab})
                for t, r, p in zip(texts, rule_types, parsed)]

    def logits(self, rows: list[list[int]]) -> np.ndarray:
        out = np.tile(self.bias, (len(rows), 1)).astype(np.float64)
        for i, idx in enumerate(rows):
            if idx:
                out[i] += self.weights[idx].sum(axis=0)
        return out

    def probabilities(self, texts: list[str], rule_types: list[list[str]] | None = None, context: list[str] = (),
                      parsed: list[list[str]] | None = None) -> np.ndarray:
        """Calibrated P(label holds) for each sentence of one article (`context`: its `doc_context`;
        `parsed`: each sentence's `parse_features`)."""
        return self.calibrate(self.logits(self.rows(texts, rule_types, context, parsed)))

    def calibrate(self, logits: np.ndarray) -> np.ndarray:
        return 1.0 / (1.0 + np.exp(-(self.scale * logits + self.shift)))

    def contribution(self, feature: str, label: str) -> float:
        idx = self.vocab.get(feature)
        return 0.0 if idx is None else float(self.weights[idx, self.labels.index(label)])

    def save(self, path) -> None:
        names = sorted(self.vocab, key=self.vocab.get)
        np.savez_compressed(path, labels=np.array(self.labels), vocab=np.array(names),
                            weights=self.weights.astype(np.float16), bias=self.bias, scale=self.scale,
                            shift=self.shift, thresholds=self.thresholds, uses_rules=np.array(self.uses_rules))

    @classmethod
    def read(cls, data: bytes | str) -> EventModel:
        with np.load(io.BytesIO(data) if isinstance(data, bytes) else data, allow_pickle=False) as z:
            return cls(labels=tuple(str(x) for x in z["labels"]),
                       vocab={str(f): i for i, f in enumerate(z["vocab"])},
                       weights=z["weights"].astype(np.float32), bias=z["bias"], scale=z["scale"],
                       shift=z["shift"], thresholds=z["thresholds"], uses_rules=bool(z["uses_rules"]))


@lru_cache(maxsize=2)
def shipped(uses_rules: bool) -> EventModel:
    """The model inside the package."""
    data = resources.files("eventwire.events").joinpath("data", FILES[uses_rules]).read_bytes()
    return EventModel.read(data)
