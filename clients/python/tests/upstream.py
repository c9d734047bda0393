"""The trainers' own reward-calling modules, loaded from their PyPI packages (pinned in scripts/python-tests.sh).

A package's `__init__` pulls in torch, ray or a GPU stack, but some of the modules that call a reward service
import only the standard library or aiohttp. Those are loaded here from the installed package's files, with
their parent packages registered as empty namespaces so that no `__init__` runs: the code under test is the
framework's own, unmodified.
"""

import importlib
import importlib.util
import sys
import types
from pathlib import Path
from typing import Any, List


def _package_root(package: str) -> Path:
    """The installed package's folder, found without importing it."""
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(f"{package} is not installed: scripts/python-tests.sh installs the pinned version")
    return Path(list(spec.submodule_search_locations)[0])


def load(module: str) -> types.ModuleType:
    """Imports `module` (e.g. `openrlhf.utils.agent`) with every parent package an empty namespace."""
    if module in sys.modules:
        return sys.modules[module]
    parts = module.split(".")
    root = _package_root(parts[0])
    for depth in range(1, len(parts)):
        name = ".".join(parts[:depth])
        if name not in sys.modules:
            namespace = types.ModuleType(name)
            namespace.__path__ = [str(root.joinpath(*parts[1:depth]))]
            sys.modules[name] = namespace
    return importlib.import_module(module)


# -- OpenRLHF 0.11.2: openrlhf/utils/agent.py, SingleTurnAgentExecutor ----------------------------------------
# `execute` tokenizes the chat-templated prompt, cuts its front when prompt plus response would pass
# `max_length`, asks the engine for a continuation, decodes prompt tokens plus response tokens into the query and
# posts `{"query": [q], "prompts": [p], "labels": [l]}` to the reward URL (5 tries 1 s apart, 180 s timeout);
# the reply's `rewards`, `scores` and `extra_logs` become the sample's. A failed call leaves `reward` None.

class _TokenIds(list):
    def tolist(self) -> List[int]:
        return list(self)


class CharTokenizer:
    """One token per character, so that a decoded query is the text itself (OpenRLHF decodes with special tokens)."""

    def __call__(self, text: str, add_special_tokens: bool = False, return_tensors: Any = None) -> dict:
        return {"input_ids": [_TokenIds(ord(c) for c in text)]}

    def decode(self, ids: List[int], skip_special_tokens: bool = False) -> str:
        return "".join(map(chr, ids))


class ScriptedEngine:
    """Stands in for the vLLM engine (the policy): answers each generate call with the given response."""

    def __init__(self, response: str):
        self.response = response

    async def generate(self, prompt_token_ids: List[int], params: Any, multi_modal_data: Any = None) -> Any:
        output = types.SimpleNamespace(token_ids=[ord(c) for c in self.response], finish_reason="stop", logprobs=None)
        return types.SimpleNamespace(outputs=[output])


async def openrlhf_sample(url: str, prompt: str, response: str, label: Any, cut: int = 0) -> dict:
    """One sample through OpenRLHF's executor; `cut` characters of the prompt's front do not fit `max_length`."""
    agent = load("openrlhf.utils.agent")
    executor = agent.SingleTurnAgentExecutor(remote_rm_url=url)
    params = types.SimpleNamespace(max_tokens=len(response), logprobs=None)
    return await executor.execute(prompt, label, params, len(prompt) + len(response) - cut, CharTokenizer(),
                                  ScriptedEngine(response))


# -- verl 0.9.1: verl/utils/import_utils.py, load_extern_object (what get_custom_reward_fn calls) --------------

def verl_load_extern_object(path: str, name: str) -> Any:
    """verl's own loader of `custom_reward_function.path` / `.name`."""
    return load("verl.utils.import_utils").load_extern_object(module_path=path, object_name=name)
