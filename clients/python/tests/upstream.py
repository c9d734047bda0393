"""The trainers' own reward-calling modules, loaded from their PyPI packages (pinned in scripts/python-tests.sh).

A package's `__init__` pulls in torch, ray or a GPU stack, but some of the modules that call a reward service
import only the standard library or aiohttp. Those are loaded here from the installed package's files, with
their parent packages registered as empty namespaces so that no `__init__` runs: the code under test is the
framework's own, unmodified.
"""

import asyncio
import http.server
import importlib
import importlib.util
import json
import os
import re
import socket
import sys
import threading
import types
import urllib.request
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


# -- NeMo-Gym 0.7.0: responses_api_agents/simple_agent/app.py, SimpleAgent ---------------------------------
# The caller of a resources server's routes in 0.7.0: `SimpleAgent.run` (the agent's `/run`, which 478 of the
# package's YAML files reach through the `legacy_agent` environment server) posts the row to the resources
# server's `/seed_session`, then to its own `/v1/responses` (which asks the model server and validates a
# `NeMoGymResponse`), then `row | {"response": ...}` to `/verify`, and validates the reply as a
# `BaseVerifyResponse` (a float `reward`, `mask_sample`, `failure_kind`, `failure_reason`, extra fields
# kept); `SimpleAgent.aggregate_metrics` forwards `{"verify_responses": [...]}` to the resources server's
# `/aggregate_metrics` and validates the reply as `AggregateMetrics`. Each agent here is the package's own
# server process (`nemo_gym_server.py` runs its `app.py` as `gym env start` does), pointed at a Referee.
#
# Not run: the `legacy_agent` environment server (`environment_servers/legacy_agent/app.py`), which declares no
# `ray_enabled` and so initialises Ray when it starts, and rollout collection (`nemo_gym/rollout_collection.py`),
# which in 0.7.0 posts every row to an environment server. `NeMoGym.run` and `NeMoGym.aggregate` below post as
# collection does, straight to the agent: the environment server relays `/run`'s body and status and
# `/aggregate_metrics` unchanged (`run_legacy`, `aggregate_metrics`).

class ScriptedPolicy:
    """Stands in for the policy's model server (`/v1/responses`): answers each request with a reasoning item and
    an assistant message holding the text the row put in `responses_create_params.metadata.policy_output`."""

    def __init__(self) -> None:
        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802
                params = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                text = (params.get("metadata") or {}).get("policy_output", "")
                body = json.dumps({
                    "id": "resp_scripted", "object": "response", "created_at": 0, "model": "policy",
                    "status": "completed", "parallel_tool_calls": False, "tool_choice": "auto", "tools": [],
                    "output": [
                        {"type": "reasoning", "id": "rs_1", "summary": []},
                        {"type": "message", "id": "msg_1", "role": "assistant", "status": "completed",
                         "content": [{"type": "output_text", "text": text, "annotations": []}]},
                    ],
                }).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: Any) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def nemo_gym_row(input_: Any, policy_output: str, task: dict, index: int = 0) -> dict:
    """A NeMo-Gym dataset row as rollout collection posts it to `/run`: `responses_create_params` (the scripted
    policy's text in its `metadata`), the task's own fields at the top level, and collection's indices."""
    return {"responses_create_params": {"input": input_, "metadata": {"policy_output": policy_output}},
            **task, "_ng_task_index": index, "_ng_rollout_index": 0, "agent_ref": {"name": "referee_simple_agent"}}


class NeMoGym:
    """NeMo-Gym 0.7.0's simple agent as its own server process, its resources server a running Referee."""

    AGENT = "referee_simple_agent"

    def __init__(self, directory: Path, referee_url: str, policy: ScriptedPolicy, name: str = "nemo-gym"):
        from conftest import Process

        referee = re.match(r"http://([^:/]+):(\d+)", referee_url)
        with socket.socket() as probe:  # what `gym env start` does too: a free port, then the server binds it
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        # The resolved global config that `gym env start` injects into each server it starts.
        config = {
            "head_server": {"host": "127.0.0.1", "port": 0},  # read, never contacted: the config is injected
            "dry_run": False,
            self.AGENT: {"responses_api_agents": {"simple_agent": {
                "entrypoint": "app.py", "host": "127.0.0.1", "port": port,
                "resources_server": {"type": "resources_servers", "name": "referee"},
                "model_server": {"type": "responses_api_models", "name": "policy_model"}}}},
            "referee": {"resources_servers": {"referee": {
                "entrypoint": "app.py", "domain": "math", "host": referee.group(1), "port": int(referee.group(2))}}},
            "policy_model": {"responses_api_models": {"scripted": {
                "entrypoint": "app.py", "host": "127.0.0.1", "port": policy.port}}},
        }
        env = dict(os.environ, NEMO_GYM_CONFIG_DICT=json.dumps(config), NEMO_GYM_CONFIG_PATH=self.AGENT)
        app = _package_root("responses_api_agents") / "simple_agent" / "app.py"
        launcher = Path(__file__).with_name("nemo_gym_server.py")
        self.process = Process([sys.executable, str(launcher), str(app)], directory / f"{name}.log", env=env,
                               cwd=directory)
        self.process.wait_for(rf"Uvicorn running on http://127\.0\.0\.1:{port}")
        self.url = f"http://127.0.0.1:{port}"

    def log(self) -> str:
        return self.process.log.read_text(errors="replace")

    def stop(self) -> None:
        self.process.stop()

    def run(self, rows: List[dict], concurrency: int = 64) -> List[Any]:
        """Each row to the agent's `/run` as rollout collection's `_post_subroutine` posts it
        (`nemo_gym/rollout_collection.py`, `RolloutCollectionHelper._run_examples_with_metadata`), concurrently.
        Where collection's `raise_for_status` would raise for an error status, the row's result is that
        `aiohttp.ClientResponseError` (status and body in `.status` and `.message`), so a test can look at it."""
        import aiohttp

        async def go() -> List[Any]:
            gate = asyncio.Semaphore(concurrency)
            async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=600)) as session:
                async def one(row: dict) -> Any:
                    async with gate, session.post(self.url + "/run", json=row) as answer:
                        body = await answer.read()
                        if answer.status >= 400:
                            return aiohttp.ClientResponseError(answer.request_info, (), status=answer.status,
                                                               message=body.decode(errors="replace"))
                        return json.loads(body)
                return await asyncio.gather(*(one(row) for row in rows))
        return asyncio.run(go())

    def aggregate(self, results: List[dict]) -> dict:
        """`/aggregate_metrics` as rollout collection's `_call_aggregate_metrics` asks it: the `/run` results without
        `response` (but its `usage`), `responses_create_params` and the observation fields, as
        `{"verify_responses": [...]}`. The agent forwards it to Referee and validates the reply."""
        heavy = ("response", "responses_create_params", "ng_agent_observations", "ng_model_call_capture",
                 "ng_trajectory")
        stripped = []
        for result in results:
            entry = {k: v for k, v in result.items() if k not in heavy}
            response = result.get("response") or {}
            kept = {k: response[k] for k in ("usage", "incomplete_details") if response.get(k) is not None}
            if kept:
                entry["response"] = kept
            stripped.append(entry)
        request = urllib.request.Request(self.url + "/aggregate_metrics", method="POST",
                                         data=json.dumps({"verify_responses": stripped}).encode(),
                                         headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=120) as answer:
            return json.loads(answer.read())
