"""verl's custom reward function (`reward.custom_reward_function.path/name`) backed by Referee.

    # referee_reward.py: verl loads this file as a module of its own, so it imports the adapter
    from referee_client.verl import compute_score, compute_score_async, compute_score_batch

    reward.custom_reward_function.path=referee_reward.py
    reward.custom_reward_function.name=compute_score     # compute_score_async for the async reward loop
    +reward.custom_reward_function.reward_kwargs.referee_url=http://127.0.0.1:8080

Every call returns a dict with a float `score` and the same keys (`KEYS`): verl needs item 0's keys on
every item and a float score. A rollout that abstains, or an item Referee refuses or cannot score, gets
`fallback` (0.0 unless given) with `abstained` 1.0 (and `item_error` 1.0 for a refusal or an outage);
nothing here raises, so one bad item never ends `run_single`; the one exception is a judge outage with
`on_judge_outage="raise"`, which ends the step on purpose rather than train on fallbacks.
"""

import logging
import threading
from typing import Any, Dict, List, Optional, Sequence, Tuple

from ._convert import COMPONENTS, fields_from_label, message_text, plain, rollout_fields
from ._warn import warn
from .client import AsyncRefereeClient, RefereeClient, RefereeError, Result, default_url

#: The keys of every dict `compute_score` returns, in order.
KEYS = ("score",) + COMPONENTS + ("abstained", "item_error")

log = logging.getLogger("referee_client.verl")
_clients: Dict[Tuple[Any, ...], Any] = {}
_lock = threading.Lock()


def compute_score(data_source: Any, solution_str: Any, ground_truth: Any, extra_info: Any = None,
                  **kwargs: Any) -> Dict[str, float]:
    """verl's `compute_score`: scores one response; see the module's summary for what comes back.

    Keyword arguments (verl's `reward_kwargs`): `referee_url` (else `REFEREE_URL`), `timeout`, `retries`,
    `fallback`, `config` (a per-request `config` for `/reward`), `on_judge_outage` (`fallback`, the default,
    or `raise`: a rollout that abstained because the judge failed raises `JudgeOutage`). Other keywords
    are ignored.
    """
    fallback = float(kwargs.get("fallback", 0.0))
    try:
        rollout = build_rollout(data_source, solution_str, ground_truth, extra_info)
        client = _client(RefereeClient, kwargs)
        return to_score(client.score([rollout], config=kwargs.get("config"))[0], fallback, _raises(kwargs))
    except JudgeOutage:
        raise
    except Exception as error:  # one bad item must not end the step
        return failed(error, fallback)


async def compute_score_async(data_source: Any, solution_str: Any, ground_truth: Any, extra_info: Any = None,
                              **kwargs: Any) -> Dict[str, float]:
    """`compute_score` as a coroutine, for verl's asynchronous reward loop."""
    fallback = float(kwargs.get("fallback", 0.0))
    try:
        rollout = build_rollout(data_source, solution_str, ground_truth, extra_info)
        client = _client(AsyncRefereeClient, kwargs)
        return to_score((await client.score([rollout], config=kwargs.get("config")))[0], fallback, _raises(kwargs))
    except JudgeOutage:
        raise
    except Exception as error:
        return failed(error, fallback)


def compute_score_batch(data_sources: Sequence[Any], solution_strs: Sequence[Any], ground_truths: Sequence[Any],
                        extra_infos: Optional[Sequence[Any]] = None, **kwargs: Any) -> List[Dict[str, float]]:
    """verl's batch reward manager signature: one `/reward` call per `batch_size` items instead of one per item.

    An item that cannot be built gets the fallback alone; a refused or failed request gives its batch the
    fallback (so one bad batch costs at most `batch_size` items).
    """
    fallback = float(kwargs.get("fallback", 0.0))
    infos = list(extra_infos) if extra_infos is not None else [None] * len(solution_strs)
    scores: List[Optional[Dict[str, float]]] = [None] * len(solution_strs)
    rollouts, positions = [], []
    for index, (source, solution, truth, info) in enumerate(zip(data_sources, solution_strs, ground_truths, infos)):
        try:
            rollouts.append(build_rollout(source, solution, truth, info))
            positions.append(index)
        except Exception as error:
            scores[index] = failed(error, fallback)
    client = _client(RefereeClient, kwargs)
    for start in range(0, len(rollouts), client.batch_size):
        chunk = rollouts[start:start + client.batch_size]
        try:
            results = [to_score(r, fallback, _raises(kwargs)) for r in client.score(chunk, config=kwargs.get("config"))]
        except JudgeOutage:
            raise
        except Exception as error:
            results = [failed(error, fallback) for _ in chunk]
        for index, score in zip(positions[start:start + client.batch_size], results):
            scores[index] = score
    return scores  # type: ignore[return-value]


def build_rollout(data_source: Any, solution_str: Any, ground_truth: Any, extra_info: Any) -> Dict[str, Any]:
    """The rollout for one verl item: the response, the ground truth (a numpy array becomes a list; an object
    with rollout-field keys sets those fields) and the rollout fields found in `extra_info`."""
    response = message_text(solution_str)
    if response is None:
        raise ValueError("solution_str is None")
    info = plain(extra_info) if isinstance(extra_info, dict) else {}
    rollout = rollout_fields(info)
    prompt = info.get("prompt", info.get("question"))
    if prompt is not None:  # verl's extra_info often keeps the question; the judge reads it
        rollout["prompt"] = message_text(prompt) or ""
    rollout.update(fields_from_label(ground_truth))
    rollout["response"] = response
    return rollout


class JudgeOutage(RefereeError):
    """A rollout abstained because the LLM judge failed, and `on_judge_outage="raise"` was asked for."""


def _raises(kwargs: Dict[str, Any]) -> bool:
    policy = kwargs.get("on_judge_outage", "fallback")
    if policy not in ("fallback", "raise"):
        raise ValueError(f"on_judge_outage must be 'fallback' or 'raise', not {policy!r}")
    return policy == "raise"


def to_score(result: Result, fallback: float, raise_on_outage: bool = False) -> Dict[str, float]:
    """The dict verl gets for a result: `score`, each component, `abstained`, `item_error`."""
    if raise_on_outage and result.reward is None and (result.error_code or "").startswith("judge_"):
        raise JudgeOutage(f"the judge failed ({result.error_code}): {(result.error or {}).get('message')}")
    score = {key: 0.0 for key in KEYS}
    score.update(result.component_values())
    if result.reward is None:
        _warn(result.error_code or "abstained", f"Referee abstained: {result.error}")
        score["score"] = fallback
        score["abstained"] = 1.0
        score["item_error"] = 0.0 if is_abstention(result.error_code) else 1.0
    else:
        score["score"] = float(result.reward)
    return score


def is_abstention(code: Optional[str]) -> bool:
    """True for the codes of a rollout Referee could not judge (judge failures, no ground truth), as opposed to
    an item it could not read."""
    return bool(code) and (code.startswith("judge_") or code in ABSTENTION_CODES)


ABSTENTION_CODES = frozenset(
    {"no_ground_truth", "no_answer_judge", "component_unavailable", "formula_not_finite", "query_prompt_mismatch"})


def failed(error: Exception, fallback: float) -> Dict[str, float]:
    """The fallback dict for an item Referee refused or could not score."""
    cause = getattr(error, "code", None) or type(error).__name__
    _warn(str(cause), f"verl item scored {fallback} ({'Referee' if isinstance(error, RefereeError) else 'input'}): {error}")
    score = {key: 0.0 for key in KEYS}
    score.update(score=fallback, abstained=1.0, item_error=1.0)
    return score


def _client(kind: Any, kwargs: Dict[str, Any]) -> Any:
    url = kwargs.get("referee_url") or default_url()
    key = (kind, url, kwargs.get("timeout", 300.0), kwargs.get("retries", 5), kwargs.get("batch_size", 1024))
    with _lock:
        if key not in _clients:
            _clients[key] = kind(url, timeout=key[2], retries=key[3], batch_size=key[4])
        return _clients[key]


def _warn(cause: str, message: str) -> None:
    warn(log, f"verl:{cause}", message)
