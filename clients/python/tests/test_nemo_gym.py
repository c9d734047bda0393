"""NeMo-Gym 0.7.0: its own simple agent (responses_api_agents/simple_agent/app.py, run as its own server by
`upstream.NeMoGym`) calls Referee's `/seed_session`, `/verify` and `/aggregate_metrics` for each row that
rollout collection would post to the agent's `/run`."""

import json
import re
import subprocess
import sys
import urllib.error
from pathlib import Path

import aiohttp
import pytest

from data import ROWS, big_batch, outage_rows
from frameworks import post_json
from upstream import NeMoGym, ScriptedPolicy, nemo_gym_row


def task(row):
    """A NeMo-Gym task row's own fields: `expected_answer`, other rollout fields at top level."""
    return {"expected_answer": row.ground_truth(), **row.fields()}


def rows_for(rows, chat=False):
    """Each data row as a NeMo-Gym dataset row: the question as a string or (every other one, or all with
    `chat`) as a message list; the task index groups two rollouts per task."""
    return [nemo_gym_row(row.messages() if chat or i % 2 else row.question, row.response, task(row), i // 2)
            for i, row in enumerate(rows)]


@pytest.fixture(scope="module")
def policy():
    server = ScriptedPolicy()
    yield server
    server.stop()


def agent(tmp_path_factory, url, policy, name):
    return NeMoGym(tmp_path_factory.mktemp(name), url, policy, name)


@pytest.fixture(scope="module")
def gym(tmp_path_factory, rules_url, policy):
    server = agent(tmp_path_factory, rules_url, policy, "gym-rules")
    yield server
    server.stop()


@pytest.fixture(scope="module")
def gym_judge(tmp_path_factory, judge_server, policy):
    server = agent(tmp_path_factory, judge_server["url"], policy, "gym-judge")
    yield server
    server.stop()


@pytest.fixture(scope="module")
def gym_outage(tmp_path_factory, outage_url, policy):
    server = agent(tmp_path_factory, outage_url, policy, "gym-outage")
    yield server
    server.stop()


@pytest.fixture(scope="module")
def gym_outage_503(tmp_path_factory, outage_503_url, policy):
    server = agent(tmp_path_factory, outage_503_url, policy, "gym-outage-503")
    yield server
    server.stop()


def completed(results):
    failed = [r for r in results if isinstance(r, Exception)]
    assert not failed, f"{len(failed)} rows failed, the first: {failed[0]!r}"
    return results


def test_seed_session(rules_url):
    # What the agent's `/run` sends first (the row itself) is answered with the empty seed response.
    assert post_json(rules_url + "/seed_session", nemo_gym_row("What is 3+4?", "", {"expected_answer": "7"})) == {}


def test_realistic_batch(gym):
    results = completed(gym.run(rows_for(ROWS)))
    assert [r["reward"] for r in results] == pytest.approx([0.0 if r.reward is None else r.reward for r in ROWS])
    # An abstention (the null label) is masked: NeMo-Gym leaves it out of its reward metrics.
    assert [r["mask_sample"] for r in results] == [r.reward is None for r in ROWS]
    assert [r["abstained"] for r in results] == [r.reward is None for r in ROWS]
    assert results[-1]["failure_kind"] == "referee:no_ground_truth" and results[-1]["failure_reason"]
    assert all(r.get("failure_kind") is None for r in results[:-1])
    assert "unregistered failure_kind" not in gym.log()  # NeMo-Gym's own check of the name
    first = results[0]
    # The row and the policy's response, as the agent sent them to /verify, come back with the reward.
    assert first["expected_answer"] == "7" and first["_ng_task_index"] == 0
    assert first["responses_create_params"]["input"] == "What is 3+4?"
    assert results[1]["responses_create_params"]["input"][-1]["content"] == ROWS[1].question
    assert [item["type"] for item in first["response"]["output"]] == ["reasoning", "message"]
    assert results[3]["reward_components"]["judge"] == 0


def test_aggregate_metrics(gym):
    results = completed(gym.run(rows_for(ROWS)))
    metrics = gym.aggregate(results)
    assert set(metrics) >= {"group_level_metrics", "agent_metrics", "key_metrics"}
    groups = metrics["group_level_metrics"]
    assert [g["_ng_task_index"] for g in groups] == [0, 1, 2, 3, 4]
    measured = [r.reward for r in ROWS if r.reward is not None]
    assert metrics["key_metrics"]["mean/reward"] == pytest.approx(sum(measured) / len(measured))
    assert metrics["agent_metrics"]["coverage/masked_rollouts"] == 1
    assert metrics["agent_metrics"]["coverage/measured_rollouts"] == len(measured)
    assert metrics["agent_metrics"]["coverage/fully_masked_tasks"] == 1  # task 4 is the null label alone
    assert groups[4]["abstained_share"] == 1 and groups[4]["mean/reward"] is None


def test_judge_mode_and_outage(gym_judge, gym_outage):
    rows = outage_rows("nemo", 2)
    up = completed(gym_judge.run(rows_for(rows, chat=True)))
    assert [(r["reward"], r["mask_sample"]) for r in up] == [(1.0, False), (1.0, False)]
    down = completed(gym_outage.run(rows_for(rows, chat=True)))
    assert [(r["reward"], r["abstained"], r["mask_sample"]) for r in down] == [(0.0, True, True)] * 2
    assert [r["failure_kind"] for r in down] == ["judge_failed"] * 2


def test_512_items(gym):
    rows = big_batch(512)
    results = completed(gym.run(rows_for(rows)))
    assert [r["reward"] for r in results] == pytest.approx([r.reward for r in rows])


def test_judge_outage_unavailable(gym_outage_503, outage_503_url):
    """The default `judge_outage_reply` unavailable: `/verify` answers 503 with Retry-After, the agent's
    `raise_for_status` raises, and its exception middleware fails the rollout's `/run` with a 500."""
    row = outage_rows("nemo-503", 1)[0]
    [failure] = gym_outage_503.run(rows_for([row], chat=True))
    assert isinstance(failure, aiohttp.ClientResponseError) and failure.status == 500
    assert "judge_unreachable" in failure.message  # Referee's 503 body, carried in the agent's error
    assert "status=503" in gym_outage_503.log()
    other = outage_rows("nemo-503-direct", 1)[0]
    with pytest.raises(urllib.error.HTTPError) as caught:
        post_json(outage_503_url + "/verify", nemo_gym_row(other.messages(), other.response, task(other))
                  | {"response": {"output": [{"type": "message", "content": [
                      {"type": "output_text", "text": other.response}]}]}})
    assert caught.value.code == 503 and caught.value.headers.get("Retry-After")


# Checks a config with nemo-gym 0.7.0's own validation (nemo_gym/global_config.py, GlobalConfigDictParser: the
# server instances and the references between them), in a child process so that the stand-ins stay there.
VALIDATE = """
import json, sys
from nemo_gym_server import install_stand_ins
install_stand_ins()
from omegaconf import OmegaConf
from nemo_gym.global_config import GlobalConfigDictParser
parser = GlobalConfigDictParser()
try:
    instances = parser.filter_for_server_instance_configs(OmegaConf.create(sys.argv[1]))
    parser.validate_and_populate_defaults(instances, "127.0.0.1", 10000, 20000, probe_ports=False)
    print(json.dumps(sorted(i.name for i in instances)))
except Exception as error:
    print(json.dumps(type(error).__name__))
"""


def validate(config):
    done = subprocess.run([sys.executable, "-c", VALIDATE, json.dumps(config)], cwd=Path(__file__).parent,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_documented_config_passes_nemo_gym_validation():
    import yaml
    docs = (Path(__file__).parents[3] / "docs" / "frameworks.md").read_text()
    section = docs[docs.index("## NeMo-Gym"):]
    config = yaml.safe_load(re.search(r"```yaml\n(.*?)```", section, re.S).group(1))
    # The model server comes from the model's own config file (e.g. responses_api_models/vllm_model).
    config["policy_model"] = {"responses_api_models": {"vllm_model": {"entrypoint": "app.py"}}}
    assert validate(config) == ["policy_model", "referee", "referee_simple_agent"]
    # Without its entrypoint and domain the Referee entry is no server instance, and the agent's
    # `resources_server` names nothing.
    config["referee"]["resources_servers"]["referee"] = {"host": "127.0.0.1", "port": 8080}
    assert validate(config) == "ServerRefNotFoundError"
