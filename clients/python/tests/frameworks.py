"""The trainers' reward-calling conventions, reproduced where their modules import torch, ray or a GPU stack (the
modules that import without one, and NeMo-Gym's simple agent, run for real through `upstream`). Each function
names the file and version whose behaviour it reproduces; the code is written from that behaviour, not copied.
"""

import asyncio
import functools
import inspect
import json
import math
import time
import urllib.error
import urllib.request
from typing import Any, Callable, Dict, List, Optional, Sequence


def post_json(url: str, body: Any, timeout: float = 180) -> Any:
    request = urllib.request.Request(url, data=json.dumps(body).encode(), method="POST",
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=timeout) as answer:
        return json.loads(answer.read())


# -- OpenRLHF 0.11.2: the custom reward function path (openrlhf/utils/agent.py, SingleTurnAgentExecutor with a
#    `.py` reward URL: `reward_func(queries, prompts, labels)` in a thread; its remote HTTP call runs for real
#    through `upstream.openrlhf_sample`) -------------------------------------------------------------------------

def openrlhf_custom_reward(function: Callable[..., Dict[str, Any]], queries: List[str], prompts: List[str],
                           labels: List[Any]) -> Dict[str, List[float]]:
    """OpenRLHF's custom `reward_func(queries, prompts, labels)` path: the dict's `rewards`, `scores` and each
    `extra_logs` entry must be as long as the batch (tensors or lists; read here through `tolist`)."""
    out = function(queries, prompts, labels)
    as_list = lambda v: v.tolist() if hasattr(v, "tolist") else list(v)  # noqa: E731
    result = {"rewards": as_list(out["rewards"]), "scores": as_list(out["scores"])}
    result.update({f"extra_logs.{k}": as_list(v) for k, v in out.get("extra_logs", {}).items()})
    for key, values in result.items():
        assert len(values) == len(queries), key
    return result


# -- verl 0.9: verl/trainer/ppo/reward.py (get_custom_reward_fn) and the reward loop's naive manager
#    (verl/experimental/reward_loop/reward_manager/naive.py, run_single) -------------------------------------

def verl_load_custom_reward_fn(path: str, name: str, reward_kwargs: Dict[str, Any]) -> Callable[..., Any]:
    """`get_custom_reward_fn`: the function from verl's own loader (`upstream`), called with the call's keyword
    arguments merged with `reward_kwargs`, which win."""
    from upstream import verl_load_extern_object
    function = verl_load_extern_object(path, name)
    if inspect.iscoroutinefunction(function):
        async def merged_async(*args: Any, **kwargs: Any) -> Any:
            return await function(*args, **{**kwargs, **reward_kwargs})
        return functools.partial(merged_async)
    return functools.partial(lambda *args, **kwargs: function(*args, **{**kwargs, **reward_kwargs}))


async def verl_run_single(compute_score: Callable[..., Any], item: Dict[str, Any]) -> Dict[str, Any]:
    """One item: the decoded response (no prompt, no special tokens), `data_source`,
    `reward_model.ground_truth` (a numpy array when the parquet column is a list) and `extra_info`. An async
    function is awaited, a sync one runs in the executor. A dict result gives `score` and the extra info; an
    exception propagates (it ends the step)."""
    kwargs = dict(data_source=item["data_source"], solution_str=item["response"],
                  ground_truth=item["reward_model"]["ground_truth"], extra_info=item.get("extra_info", {}))
    if inspect.iscoroutinefunction(getattr(compute_score, "func", compute_score)) or \
            inspect.iscoroutinefunction(compute_score):
        result = await compute_score(**kwargs)
    else:
        result = await asyncio.get_running_loop().run_in_executor(None, lambda: compute_score(**kwargs))
    if isinstance(result, dict):
        reward, extra = result["score"], result
    else:
        reward, extra = result, {}
    assert isinstance(reward, float), f"verl puts the score into a float tensor; got {reward!r}"
    return {"reward_score": reward, "reward_extra_info": extra}


def verl_score_batch(compute_score: Callable[..., Any], items: List[Dict[str, Any]]) -> List[Dict[str, Any]]:
    """The manager over a batch; every item must carry item 0's extra-info keys."""
    async def run() -> List[Dict[str, Any]]:
        return await asyncio.gather(*(verl_run_single(compute_score, item) for item in items))
    outputs = asyncio.run(run())
    keys = set(outputs[0]["reward_extra_info"])
    for output in outputs:
        assert set(output["reward_extra_info"]) == keys, "every item must carry item 0's keys"
        assert all(isinstance(v, float) for v in output["reward_extra_info"].values())
    return outputs


class FakeNdarray:
    """What numpy hands over for a list column read from parquet, when numpy is not installed: an object with
    `tolist()`, not a list (`json.dumps` rejects it)."""

    def __init__(self, values: Sequence[Any]):
        self._values = list(values)

    def tolist(self) -> List[Any]:
        return list(self._values)

    def __len__(self) -> int:
        return len(self._values)


def ndarray(values: Sequence[Any]) -> Any:
    try:
        import numpy  # noqa: PLC0415
    except ImportError:
        return FakeNdarray(values)
    return numpy.array(values, dtype=object)


def scalar(value: Any) -> Any:
    """A numpy scalar (numpy.bool_, numpy.int64, numpy.str_) when numpy is installed, else the value."""
    try:
        import numpy  # noqa: PLC0415
    except ImportError:
        return value
    return numpy.array([value])[0]


# -- TRL 1.16: trl/trainer/grpo_trainer.py (GRPOTrainer._calculate_rewards and the advantage step) -----------

def trl_rewards(reward_funcs: List[Callable[..., List[Optional[float]]]], inputs: List[Dict[str, Any]],
                weights: Optional[List[float]] = None, num_generations: int = 1) -> Dict[str, Any]:
    """Each function gets `prompts`, `completions` and every other dataset column as a keyword list (plus
    `completion_ids` and `trainer_state`); None becomes NaN; rows are the weighted nansum over functions; the
    advantage is (reward - group mean) / (group std + 1e-4), and 0 for a row where every function gave None."""
    prompts = [x["prompt"] for x in inputs]
    completions = [x["completion"] for x in inputs]
    columns = {key: [x[key] for x in inputs] for key in inputs[0] if key not in ("prompt", "completion", "completion_ids")}
    weights = weights or [1.0] * len(reward_funcs)
    per_func = []
    for function in reward_funcs:
        out = function(prompts=prompts, completions=completions, completion_ids=[[0]] * len(inputs),
                       trainer_state=None, **columns)
        assert len(out) == len(inputs)
        per_func.append([math.nan if r is None else float(r) for r in out])
    rows = list(zip(*per_func))
    rewards = [sum(w * v for w, v in zip(weights, row) if not math.isnan(v)) for row in rows]
    all_none = [all(math.isnan(v) for v in row) for row in rows]
    advantages = []
    for start in range(0, len(rewards), num_generations):
        group = rewards[start:start + num_generations]
        mean = sum(group) / len(group)
        std = math.sqrt(sum((r - mean) ** 2 for r in group) / (len(group) - 1)) if len(group) > 1 else 0.0
        advantages += [(r - mean) / (std + 1e-4) for r in group]
    advantages = [0.0 if none else a for a, none in zip(advantages, all_none)]
    return {"per_func": per_func, "rewards": rewards, "advantages": advantages,
            "names": [f.__name__ for f in reward_funcs]}


# -- slime (not on PyPI: the name there is an unrelated 0.0.0 placeholder; THUDM/slime at commit 701749b):
#    slime/rollout/rm_hub/__init__.py (remote_rm: aiohttp POST, raise_for_status, 10 tries with backoff
#    min(2**attempt, 30) + jitter), with --rm-type remote_rm --reward-key reward ------------------------------

def slime_remote_rm(url: str, prompt: Any, response: str, label: Any, reward_key: Optional[str] = "reward",
                    tries: int = 10) -> float:
    """POSTs `{"prompt", "response", "label"}`; the reply is the reward, or `reply[reward_key]`; errors are retried
    with exponential backoff; the rewards then go into a float tensor, so anything but a number raises."""
    delay = 0.1
    for attempt in range(tries):
        try:
            reply = post_json(url, {"prompt": prompt, "response": response, "label": label})
            break
        except urllib.error.HTTPError as error:
            # slime retries these too; a 4xx is raised at once here so a missing route fails the test quickly.
            if error.code < 500 or attempt == tries - 1:
                raise
        except (urllib.error.URLError, OSError):
            if attempt == tries - 1:
                raise
        time.sleep(delay)
        delay *= 2
    reward = reply[reward_key] if reward_key else reply
    if isinstance(reward, bool) or not isinstance(reward, (int, float)):
        raise TypeError(f"slime cannot make a float tensor of {reward!r}")
    return float(reward)
