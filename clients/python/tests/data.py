"""A realistic batch: chat-templated prompts, SAIL-layout responses, labels of every kind, and the reward
Referee gives each in rules mode (no judge: thinking counts 1; a right answer with the right decision
scores 1, a wrong answer or a wrong decision 0.1, a broken layout 0)."""

from dataclasses import dataclass
from typing import Any, Dict, List, Optional

SYSTEM = "Decide whether to think, then answer in \\boxed{}."


def chatml(question: str) -> str:
    """A Qwen / ChatML prompt as the tokenizer's chat template renders it."""
    return (f"<|im_start|>system\n{SYSTEM}<|im_end|>\n<|im_start|>user\n{question}<|im_end|>\n"
            "<|im_start|>assistant\n")


def llama3(question: str) -> str:
    """A Llama 3 prompt."""
    return ("<|begin_of_text|><|start_header_id|>system<|end_header_id|>\n\n" + SYSTEM + "<|eot_id|>"
            "<|start_header_id|>user<|end_header_id|>\n\n" + question + "<|eot_id|>"
            "<|start_header_id|>assistant<|end_header_id|>\n\n")


def gemma(question: str) -> str:
    """A Gemma prompt."""
    return f"<bos><start_of_turn>user\n{SYSTEM}\n\n{question}<end_of_turn>\n<start_of_turn>model\n"


TEMPLATES = (chatml, llama3, gemma)


def direct(answer: str) -> str:
    return f"<judge>direct</judge><think>\n\n</think>The answer is \\boxed{{{answer}}}."


def think(reasoning: str, answer: str) -> str:
    return f"<judge>think</judge><think>\n{reasoning}\n</think>\nSo the answer is \\boxed{{{answer}}}."


@dataclass
class Row:
    """One rollout: `label` is what the trainer carries (a string, number, list, object or None)."""

    question: str
    label: Any
    response: str
    reward: Optional[float]  # None: abstains (no_ground_truth) in rules mode
    kind: str

    def messages(self) -> List[Dict[str, str]]:
        return [{"role": "system", "content": SYSTEM}, {"role": "user", "content": self.question}]

    def prompt(self, index: int) -> str:
        return TEMPLATES[index % len(TEMPLATES)](self.question)

    def ground_truth(self) -> Any:
        """The label's ground truth alone (for trainers that keep other fields apart)."""
        return self.label.get("ground_truth") if isinstance(self.label, dict) else self.label

    def fields(self) -> Dict[str, Any]:
        """The label's other rollout fields (`requires_reasoning`, `answer_type`)."""
        return {k: v for k, v in self.label.items() if k != "ground_truth"} if isinstance(self.label, dict) else {}


ROWS = [
    Row("What is 3+4?", "7", direct("7"), 1.0, "string"),
    Row("What is 12*13?", 156, think("12*13 = 120 + 36 = 156", "156"), 1.0, "number"),
    Row("Write one half.", ["1/2", "0.5"], direct("\\frac{1}{2}"), 1.0, "list"),
    Row("What is 2+2?", {"ground_truth": "4", "requires_reasoning": True}, direct("4"), 0.1, "object, wrong decision"),
    Row("What is 17*3?", {"ground_truth": "51", "requires_reasoning": True}, think("17*3 = 51", "51"), 1.0,
        "object, right decision"),
    Row("What is 9-5?", "4", direct("5"), 0.1, "string, wrong answer"),
    Row("Which is prime? A) 4 B) 5", {"ground_truth": "B", "answer_type": "choice"}, direct("B"), 1.0,
        "object, choice"),
    Row("What is 1+1?", "2", "The answer is \\boxed{2}.", 0.0, "no decision block"),
    Row("Name the capital of France.", None, direct("Paris"), None, "null label"),
]


def big_batch(count: int = 512) -> List[Row]:
    """`count` rows cycling through label kinds, a third of them wrong: 1.0 or 0.1 each."""
    rows = []
    for i in range(count):
        truth = 2 * i + 1
        kind = ("string", "number", "list", "object")[i % 4]
        label: Any = {"string": str(truth), "number": truth, "list": [str(truth), f"{truth}.0"],
                      "object": {"ground_truth": str(truth), "requires_reasoning": False}}[kind]
        right = i % 3 != 0
        rows.append(Row(f"What is {i}+{i + 1}?", label, direct(str(truth if right else truth + 1)),
                        1.0 if right else 0.1, kind))
    return rows


def outage_rows(tag: str, count: int = 4) -> List[Row]:
    """Think rollouts with a ground truth: in judge mode each needs the LLM, so a judge outage abstains them.
    `tag` keeps the responses unique to one test (a cached verdict would hide the outage)."""
    return [Row(f"What is {i}*7? ({tag})", str(7 * i),
                think(f"{tag}: {i}*7 = {7 * i}, checked twice", str(7 * i)), None, "string") for i in range(count)]
