"""The phase-type registry (after adhocracy4).

A phase type names which participation features it switches on, per model:
`features = {"submit": ("listening.Contribution",)}`. Apps register their types in their
own `phases.py`; `TrajectoriesConfig.ready` imports every app's `phases` module.
"""

from dataclasses import dataclass, field

from django.utils.functional import Promise


@dataclass(frozen=True)
class PhaseType:
    """A kind of phase and the features it switches on."""

    key: str
    name: str | Promise
    description: str | Promise
    features: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def has_feature(self, feature: str, model_label: str | None = None) -> bool:
        """Tell whether this phase type switches on `feature` (for `model_label`, if given)."""
        labels = self.features.get(feature)
        if labels is None:
            return False
        return model_label is None or model_label.lower() in {m.lower() for m in labels}


class PhaseTypeRegistry:
    """All known phase types by key."""

    def __init__(self) -> None:
        self._types: dict[str, PhaseType] = {}

    def register(self, phase_type: PhaseType) -> PhaseType:
        """Add a phase type; a second type with the same key is a programming error."""
        if phase_type.key in self._types and self._types[phase_type.key] != phase_type:
            raise ValueError(f"Phase type {phase_type.key!r} is registered twice.")
        self._types[phase_type.key] = phase_type
        return phase_type

    def extend(self, key: str, features: dict[str, tuple[str, ...]]) -> PhaseType:
        """Let another app add features to an existing phase type."""
        current = self._types[key]
        merged = dict(current.features)
        for feature, labels in features.items():
            merged[feature] = tuple(dict.fromkeys(merged.get(feature, ()) + labels))
        self._types[key] = PhaseType(current.key, current.name, current.description, merged)
        return self._types[key]

    def get(self, key: str) -> PhaseType | None:
        """Return the phase type with this key, or None."""
        return self._types.get(key)

    def choices(self) -> list[tuple[str, str | Promise]]:
        """Return (key, name) pairs for forms."""
        return [(t.key, t.name) for t in self._types.values()]

    def __contains__(self, key: str) -> bool:
        return key in self._types


phase_types = PhaseTypeRegistry()
