"""TRL 1.16: `referee_client.trl` reward functions called the way GRPOTrainer calls them (frameworks.trl_rewards)."""

import math

import pytest

from referee_client import RefereeClient
from referee_client.trl import reward_func, reward_funcs

from data import ROWS, big_batch, outage_rows
from frameworks import trl_rewards


def inputs(rows, conversational=False):
    """GRPOTrainer's inputs: each dataset row with its `completion`; the label in a `solution` column and
    `requires_reasoning` / `answer_type` as columns of their own (None where a row has none)."""
    out = []
    for i, row in enumerate(rows):
        fields = row.fields()
        completion = [{"role": "assistant", "content": row.response}] if conversational else row.response
        out.append({"prompt": row.messages() if conversational else row.prompt(i), "completion": completion,
                    "solution": row.ground_truth(), "requires_reasoning": fields.get("requires_reasoning"),
                    "answer_type": fields.get("answer_type")})
    return out


def test_names_are_set(rules_url):
    funcs = reward_funcs(["reward", "format", "answer", "judge"], base_url=rules_url)
    assert [f.__name__ for f in funcs] == ["referee_reward", "referee_format", "referee_answer", "referee_judge"]
    with pytest.raises(ValueError):
        reward_funcs(["fromat"], base_url=rules_url)


@pytest.mark.parametrize("conversational", [False, True])
def test_realistic_batch(rules_url, conversational):
    funcs = reward_funcs(["reward", "format", "answer", "judge"], label_key="solution", base_url=rules_url)
    out = trl_rewards(funcs, inputs(ROWS, conversational), weights=[1.0, 0.0, 0.0, 0.0])
    expected = [r.reward for r in ROWS]
    reward_column = out["per_func"][0]
    assert [None if math.isnan(v) else v for v in reward_column] == pytest.approx(expected)
    assert out["rewards"] == pytest.approx([0.0 if r is None else r for r in expected])
    assert out["per_func"][3][3] == 0.0  # the wrong decision shows in the judge column
    assert math.isnan(out["per_func"][1][-1])  # an abstained row is NaN in every column
    assert out["advantages"][-1] == 0.0  # ... and gets no advantage


def test_component_weights_nansum(rules_url):
    funcs = reward_funcs(["format", "answer"], label_key="solution", base_url=rules_url)
    out = trl_rewards(funcs, inputs(ROWS), weights=[0.5, 0.5])
    assert out["rewards"][5] == pytest.approx(0.5)  # right format, wrong answer
    assert out["rewards"][-1] == 0.0  # abstained: nansum of nothing


def test_one_request_for_all_functions(rules_url):
    calls = []

    class Counting(RefereeClient):
        def post(self, path, body):
            calls.append(path)
            return super().post(path, body)

    funcs = reward_funcs(["reward", "format", "answer"], label_key="solution", client=Counting(rules_url))
    trl_rewards(funcs, inputs(ROWS))
    assert calls == ["/reward"]


def test_group_size_gives_referee_groups(rules_url):
    rows = big_batch(8)
    out = trl_rewards([reward_func(label_key="solution", base_url=rules_url, group_size=4)], inputs(rows),
                      num_generations=4)
    assert out["rewards"] == pytest.approx([r.reward for r in rows])


def test_judge_outage_is_none(outage_url):
    out = trl_rewards([reward_func(label_key="solution", base_url=outage_url)], inputs(outage_rows("trl")),
                      num_generations=2)
    assert all(math.isnan(v) for v in out["per_func"][0])
    assert out["advantages"] == [0.0] * 4


def test_judge_mode(judge_server):
    out = trl_rewards(reward_funcs(["reward", "think"], label_key="solution", base_url=judge_server["url"]),
                      inputs(ROWS[:3]), weights=[1.0, 0.0])
    assert out["rewards"] == pytest.approx([1.0, 1.0, 1.0])
    assert out["per_func"][1][1] == 1.0


def test_512_items(rules_url):
    rows = big_batch(512)
    out = trl_rewards(reward_funcs(["reward"], label_key="solution", base_url=rules_url, batch_size=200),
                      inputs(rows), num_generations=8)
    assert out["rewards"] == pytest.approx([r.reward for r in rows])
