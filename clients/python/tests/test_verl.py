"""verl 0.9: `referee_client.verl` loaded the way verl loads a custom reward function, called the way its reward
loop calls it (frameworks.verl_*)."""

import pytest

from referee_client import verl as adapter

from data import ROWS, big_batch, outage_rows
from frameworks import ndarray, scalar, verl_load_custom_reward_fn, verl_score_batch

ENTRY = "from referee_client.verl import compute_score, compute_score_async, compute_score_batch\n"


@pytest.fixture()
def reward_file(tmp_path):
    """The one-line file `reward.custom_reward_function.path` points at."""
    path = tmp_path / "referee_reward.py"
    path.write_text(ENTRY)
    return str(path)


def items(rows, numpy_lists=True):
    """verl items as its RL dataset hands them over: the ground truth in `reward_model`, the other fields in
    `extra_info`; a list ground truth read from parquet is a numpy array."""
    out = []
    for i, row in enumerate(rows):
        truth = row.ground_truth()
        if isinstance(truth, list) and numpy_lists:
            truth = ndarray(truth)
        out.append({"data_source": "sail_math", "response": row.response,
                    "reward_model": {"style": "rule", "ground_truth": truth},
                    "extra_info": {"index": i, "split": "train", "question": row.question, **row.fields()}})
    return out


@pytest.mark.parametrize("name", ["compute_score", "compute_score_async"])
def test_realistic_batch(rules_url, reward_file, name):
    function = verl_load_custom_reward_fn(reward_file, name, {"referee_url": rules_url})
    outputs = verl_score_batch(function, items(ROWS))
    expected = [0.0 if r.reward is None else r.reward for r in ROWS]
    assert [o["reward_score"] for o in outputs] == pytest.approx(expected)
    assert [o["reward_extra_info"]["abstained"] for o in outputs] == [1.0 if r.reward is None else 0.0 for r in ROWS]
    assert list(outputs[0]["reward_extra_info"]) == list(adapter.KEYS)
    wrong_decision = outputs[3]["reward_extra_info"]
    assert (wrong_decision["judge"], wrong_decision["format"], wrong_decision["answer"]) == (0.0, 1.0, 1.0)


def test_numpy_scalars_and_arrays_in_extra_info(rules_url):
    row = ROWS[4]
    info = {"requires_reasoning": scalar(True), "question": scalar(row.question), "index": scalar(7)}
    score = adapter.compute_score("d", row.response, ndarray(["51", "51.0"]), info, referee_url=rules_url)
    assert score["score"] == pytest.approx(1.0)


def test_extra_info_fields_reach_the_rollout(rules_url):
    # `prefix`: the prompt ended with a pre-filled "<judge>", so the response starts inside the block.
    score = adapter.compute_score("d", "direct</judge><think></think>\\boxed{7}", "7",
                                  {"prefix": "<judge>", "requires_reasoning": False}, referee_url=rules_url)
    assert score["score"] == pytest.approx(1.0)
    # `task` names a task map entry; the request's config carries it.
    score = adapter.compute_score("d", "<judge>direct</judge><think></think>\\boxed{C}", "C", {"task": "mcq"},
                                  referee_url=rules_url, config={"tasks": {"mcq": {"answer_type": "choice"}}})
    assert score["score"] == pytest.approx(1.0)


def test_a_bad_item_does_not_end_the_step(rules_url, reward_file):
    function = verl_load_custom_reward_fn(reward_file, "compute_score", {"referee_url": rules_url, "fallback": -1.0})
    bad = {"data_source": "x", "response": None, "reward_model": {"ground_truth": "1"}, "extra_info": {}}
    refused = {"data_source": "x", "response": "<judge>direct</judge><think></think>\\boxed{1}",
               "reward_model": {"ground_truth": "1"}, "extra_info": {"tolerance": 7}}  # out of range: 400
    outputs = verl_score_batch(function, items(ROWS[:1]) + [bad, refused])
    assert [o["reward_score"] for o in outputs] == [1.0, -1.0, -1.0]
    assert [o["reward_extra_info"]["item_error"] for o in outputs] == [0.0, 1.0, 1.0]


def test_judge_outage(outage_url, reward_file, caplog):
    function = verl_load_custom_reward_fn(reward_file, "compute_score", {"referee_url": outage_url, "retries": 0})
    outputs = verl_score_batch(function, items(outage_rows("verl")))
    assert all(o["reward_score"] == 0.0 for o in outputs)
    assert all(o["reward_extra_info"]["abstained"] == 1.0 for o in outputs)
    assert all(o["reward_extra_info"]["item_error"] == 0.0 for o in outputs)
    assert any("judge_unreachable" in r.getMessage() for r in caplog.records if r.levelname == "WARNING")


def test_judge_outage_can_end_the_step(outage_url, reward_file):
    function = verl_load_custom_reward_fn(reward_file, "compute_score_async",
                                          {"referee_url": outage_url, "on_judge_outage": "raise"})
    with pytest.raises(adapter.JudgeOutage):
        verl_score_batch(function, items(outage_rows("verl-raise", 1)))


def test_judge_mode(judge_server, reward_file):
    function = verl_load_custom_reward_fn(reward_file, "compute_score_async", {"referee_url": judge_server["url"]})
    outputs = verl_score_batch(function, items(ROWS[:3]))
    assert [o["reward_score"] for o in outputs] == pytest.approx([1.0, 1.0, 1.0])
    assert outputs[1]["reward_extra_info"]["think"] == 1.0


def test_512_items(rules_url, reward_file):
    rows = big_batch(512)
    function = verl_load_custom_reward_fn(reward_file, "compute_score", {"referee_url": rules_url})
    outputs = verl_score_batch(function, items(rows))
    assert [o["reward_score"] for o in outputs] == pytest.approx([r.reward for r in rows])


def test_512_items_batch_manager(rules_url):
    rows = big_batch(512)
    batch = items(rows)
    scores = adapter.compute_score_batch(
        [b["data_source"] for b in batch], [b["response"] for b in batch],
        [b["reward_model"]["ground_truth"] for b in batch], [b["extra_info"] for b in batch],
        referee_url=rules_url, batch_size=128)
    assert [s["score"] for s in scores] == pytest.approx([r.reward for r in rows])
    assert {tuple(s) for s in scores} == {adapter.KEYS}
