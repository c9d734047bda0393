"""Reward functions for TRL's `GRPOTrainer(reward_funcs=...)` backed by Referee.

    from referee_client.trl import reward_funcs
    funcs = reward_funcs(["reward", "format", "answer"], label_key="solution")
    GRPOTrainer(..., reward_funcs=funcs, args=GRPOConfig(reward_weights=[1.0, 0.0, 0.0]))

Each function takes TRL's `(prompts, completions, **columns)` and returns one float per completion, or
None where Referee abstained (TRL turns None into NaN). TRL multiplies each function's column by its
weight and sums with nansum, so: list the full `reward` with weight 1 and the components with weight 0
to log them (`rewards/referee_format/mean`, ...) without training on them twice; a row where every
function returned None gets advantage 0 (no gradient from it); a row where only some did is the
weighted sum of the rest. All the functions of one factory call share one `/reward` request per batch.
"""

import hashlib
import json
import logging
import threading
from collections import Counter
from typing import Any, Callable, Dict, List, Optional, Sequence

from ._convert import COMPONENTS, fields_from_label, message_text, plain, rollout_fields
from ._warn import warn_abstentions
from .client import RefereeClient, Result

log = logging.getLogger("referee_client.trl")

#: What a function can report: the reward, or one component (the value the formula used).
NAMES = ("reward",) + COMPONENTS


def reward_funcs(
    names: Sequence[str] = ("reward",),
    label_key: str = "ground_truth",
    client: Optional[RefereeClient] = None,
    config: Optional[Dict[str, Any]] = None,
    group_size: Optional[int] = None,
    **client_options: Any,
) -> List[Callable[..., List[Optional[float]]]]:
    """One reward function per name in `names` (`reward`, `format`, `answer`, `judge`, `think`, ...).

    `label_key` names the dataset column holding the ground truth (its values may be strings, numbers,
    lists or objects with rollout fields); the columns named like rollout fields (`requires_reasoning`,
    `task`, `prefix`, ...) are read too. `group_size` (TRL's `num_generations`) sends consecutive rows as
    Referee groups, which changes nothing in the reward but fills the result's group statistics.
    """
    unknown = [n for n in names if n not in NAMES]
    if unknown:
        raise ValueError(f"unknown reward names {unknown}; known: {list(NAMES)}")
    client = client or RefereeClient(**client_options)
    shared = _SharedScores(client, label_key, config, group_size)
    return [shared.function(name) for name in names]


def reward_func(**options: Any) -> Callable[..., List[Optional[float]]]:
    """The single `reward` function (see `reward_funcs`)."""
    return reward_funcs(("reward",), **options)[0]


class _SharedScores:
    """Scores a batch once for all the functions of one factory call (TRL calls them one after another)."""

    def __init__(self, client: RefereeClient, label_key: str, config: Optional[Dict[str, Any]],
                 group_size: Optional[int]):
        self.client, self.label_key, self.config, self.group_size = client, label_key, config, group_size
        self._lock = threading.Lock()
        self._key: Optional[str] = None
        self._results: List[Result] = []

    def function(self, name: str) -> Callable[..., List[Optional[float]]]:
        def referee_reward(prompts: Sequence[Any], completions: Sequence[Any], **columns: Any) -> List[Optional[float]]:
            results = self.results(prompts, completions, columns)
            if name == "reward":
                return [None if r.reward is None else float(r.reward) for r in results]
            return [None if r.reward is None else r.component_values()[name] for r in results]

        referee_reward.__name__ = referee_reward.__qualname__ = f"referee_{name}"
        return referee_reward

    def results(self, prompts: Sequence[Any], completions: Sequence[Any], columns: Dict[str, Any]) -> List[Result]:
        rollouts = self.rollouts(prompts, completions, columns)
        key = hashlib.sha256(json.dumps(rollouts, sort_keys=True).encode("utf-8")).hexdigest()
        with self._lock:
            if key != self._key:
                self._results = self.client.score(rollouts, config=self.config)
                self._key = key
                warn_abstentions(log, "trl", Counter(r.error_code or "abstained" for r in self._results if r.abstained))
            return self._results

    def rollouts(self, prompts: Sequence[Any], completions: Sequence[Any], columns: Dict[str, Any]) -> List[Dict[str, Any]]:
        count = len(completions)
        rows = []
        for index in range(count):
            row = {key: _at(values, index, count) for key, values in columns.items()}
            rollout = rollout_fields({k: v for k, v in row.items() if k not in ("prompt", "response")})
            rollout.pop("ground_truth", None)
            rollout.update(fields_from_label(row.get(self.label_key)))
            if prompts is not None and index < len(prompts):
                rollout["prompt"] = message_text(prompts[index]) or ""
            rollout["response"] = message_text(completions[index]) or ""
            if self.group_size:
                rollout["group"] = f"trl-{index // self.group_size}"
            rows.append(rollout)
        return rows


def _at(values: Any, index: int, count: int) -> Any:
    """Row `index` of a TRL column: TRL passes each dataset column as a list as long as the completions."""
    values = plain(values) if not isinstance(values, list) else values
    if isinstance(values, list) and len(values) == count:
        return values[index]
    return None
