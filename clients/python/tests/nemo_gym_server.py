"""Runs one NeMo-Gym server file the way `gym env start` of nemo-gym 0.7.0 does (`nemo_gym/cli/env.py`: the
server's own interpreter runs `app.py` as a script, with the resolved global config in `NEMO_GYM_CONFIG_DICT` and
the server's name in `NEMO_GYM_CONFIG_PATH`), so that the file's `__main__` block calls its own
`run_webserver()`. `upstream.NeMoGym` starts it as `python nemo_gym_server.py PATH/TO/app.py`.

Two stand-ins for dependencies that scripts/python-tests.sh does not install (both are imported by the server
modules but do nothing on the path these tests run):
- `nemo_gym/global_config.py` reads the installed version of the `ray` distribution when it is imported, to
  pin Ray in the virtual environments `gym env start` builds for each server; the server code never reads it
  back on the way to `/run`, and the simple agent declares `ray_enabled = False`. While that module is
  imported, `importlib.metadata.version` answers "0+not-installed" for `ray` (and the truth for every other
  distribution); `importlib.metadata` gets its own function back right after.
- `nemo_gym/reward_profile.py` imports `Histogram` from `wandb` for its profiling histograms, which only the
  `gym eval profile` command and the default resources-server aggregation draw; the agent forwards
  `/aggregate_metrics` to the resources server (Referee) instead. A `wandb` module whose `Histogram` raises is
  registered, so any use would fail the test rather than pass unnoticed.
The server code itself is the installed package's, unmodified.
"""

import importlib.metadata
import runpy
import sys
import types
from pathlib import Path


def _without_ray_distribution() -> None:
    real_version = importlib.metadata.version

    def version(name: str) -> str:
        return "0+not-installed" if name == "ray" else real_version(name)

    importlib.metadata.version = version
    try:
        import nemo_gym.global_config  # noqa: F401  (binds `version` once, reads ray's, and is cached)
    finally:
        importlib.metadata.version = real_version


class _Histogram:
    def __init__(self, *args, **kwargs):
        raise RuntimeError("wandb is not installed for these tests: nothing on the tested path should draw a histogram")


def install_stand_ins() -> None:
    """The two stand-ins above, before any NeMo-Gym server module is imported."""
    _without_ray_distribution()
    wandb = types.ModuleType("wandb")
    wandb.Histogram = _Histogram
    sys.modules.setdefault("wandb", wandb)


def main() -> None:
    install_stand_ins()
    entrypoint = Path(sys.argv[1]).resolve()
    sys.argv = [str(entrypoint)]
    sys.path[0] = str(entrypoint.parent)  # as for `python app.py`, instead of this tests folder
    runpy.run_path(str(entrypoint), run_name="__main__")


if __name__ == "__main__":
    main()
