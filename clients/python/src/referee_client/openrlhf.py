"""OpenRLHF's custom reward function backed by Referee.

Point OpenRLHF 0.11's `--reward.remote_url` at a file holding

    from referee_client.openrlhf import reward_func

(OpenRLHF loads `reward_func` from a `.py` path given as the remote URL) and set `REFEREE_URL`.
`reward_func(queries, prompts, labels)` returns `{"rewards", "scores", "extra_logs"}`: torch tensors when
torch is importable (as OpenRLHF expects), lists otherwise. By default it sends the whole batch to
`/get_reward` (one request per `batch_size` queries, not one per rollout); `REFEREE_OPENRLHF_ROUTE=reward`
uses `/reward` instead, splitting each query client-side, so that an abstained item's reward is the
`fallback` given here rather than the server's `fallback_reward`.
"""

import logging
import os
from typing import Any, Dict, List, Optional, Sequence

from ._convert import COMPONENTS, as_list, fields_from_label, split_query
from ._warn import warn, warn_abstentions
from .client import RefereeClient, default_url

log = logging.getLogger("referee_client.openrlhf")


def make_reward_func(base_url: Optional[str] = None, route: Optional[str] = None, fallback: float = 0.0,
                     tensors: Optional[bool] = None, **client_options: Any):
    """A `reward_func(queries, prompts, labels, **kwargs)` for OpenRLHF.

    `route` is `get_reward` (default, or `REFEREE_OPENRLHF_ROUTE`) or `reward`; `tensors` forces torch
    tensors on (True) or off (False); by default they are used when torch imports.
    """
    client = RefereeClient(base_url or default_url(), **client_options)
    route = route or os.environ.get("REFEREE_OPENRLHF_ROUTE") or "get_reward"
    if route not in ("get_reward", "reward"):
        raise ValueError(f"route must be 'get_reward' or 'reward', not {route!r}")

    def reward_func(queries: Sequence[str], prompts: Sequence[str], labels: Optional[Sequence[Any]] = None,
                    **kwargs: Any) -> Dict[str, Any]:
        queries = as_list(queries)
        prompts = as_list(prompts) if prompts is not None else None
        labels = as_list(labels) if labels is not None else None
        if route == "get_reward":
            answer = client.get_reward(queries, prompts, labels)
            abstained = int(sum((answer.get("extra_logs") or {}).get("abstained", [])))
            if abstained:
                warn_abstentions(log, "openrlhf", {"abstained (see the server log for causes)": abstained})
        else:
            answer = _via_reward(client, queries, prompts, labels, fallback)
        return _output(answer, tensors)

    reward_func.client = client  # type: ignore[attr-defined]
    return reward_func


def _via_reward(client: RefereeClient, queries: List[str], prompts: Optional[List[Any]],
                labels: Optional[List[Any]], fallback: float) -> Dict[str, Any]:
    rollouts: List[Optional[Dict[str, Any]]] = []
    for index, query in enumerate(queries):
        prompt = prompts[index] if prompts is not None else None
        rollout = {"id": index, **fields_from_label(labels[index] if labels is not None else None)}
        try:
            rollout["response"] = split_query(str(query), prompt)
        except ValueError as error:
            warn(log, "openrlhf:query_prompt_mismatch", f"OpenRLHF item {index} gets the fallback {fallback}: {error}")
            rollouts.append(None)
            continue
        if prompt is not None:
            rollout.setdefault("prompt", str(prompt))
        rollouts.append(rollout)
    sendable = [r for r in rollouts if r is not None]
    scored = iter(client.score(sendable)) if sendable else iter(())
    codes: Dict[str, int] = {}
    answer: Dict[str, Any] = {"rewards": [], "extra_logs": {name: [] for name in COMPONENTS + ("abstained",)}}
    for rollout in rollouts:
        result = next(scored) if rollout is not None else None
        reward = fallback if result is None or result.reward is None else float(result.reward)
        values = result.component_values() if result is not None else {name: 0.0 for name in COMPONENTS}
        answer["rewards"].append(reward)
        for name in COMPONENTS:
            answer["extra_logs"][name].append(values[name])
        answer["extra_logs"]["abstained"].append(1.0 if result is None or result.reward is None else 0.0)
        if result is not None and result.reward is None:
            codes[result.error_code or "abstained"] = codes.get(result.error_code or "abstained", 0) + 1
    warn_abstentions(log, "openrlhf", codes)
    answer["scores"] = list(answer["rewards"])
    return answer


def _output(answer: Dict[str, Any], tensors: Optional[bool]) -> Dict[str, Any]:
    rewards = [float(r) for r in answer["rewards"]]
    scores = [float(s) for s in answer.get("scores", rewards)]
    logs = {key: [float(v) for v in values] for key, values in (answer.get("extra_logs") or {}).items()}
    torch = _torch() if tensors is not False else None
    if tensors and torch is None:
        raise RuntimeError("tensors=True needs torch")
    if torch is None:
        return {"rewards": rewards, "scores": scores, "extra_logs": logs}
    return {"rewards": torch.tensor(rewards), "scores": torch.tensor(scores),
            "extra_logs": {key: torch.tensor(values) for key, values in logs.items()}}


def _torch() -> Any:
    try:
        import torch  # noqa: PLC0415: optional, only for OpenRLHF's tensors
    except ImportError:
        return None
    return torch


_default = None


def reward_func(queries: Sequence[str], prompts: Sequence[str], labels: Optional[Sequence[Any]] = None,
                **kwargs: Any) -> Dict[str, Any]:
    """OpenRLHF's `reward_func`, talking to `REFEREE_URL` (made on first call)."""
    global _default
    if _default is None:
        _default = make_reward_func()
    return _default(queries, prompts, labels, **kwargs)
