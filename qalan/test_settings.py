"""Settings for the test suite: the `test` profile of qalan.settings (no DEBUG, tasks in-process)."""

import os

os.environ["QALAN_ENV"] = "test"

from qalan.settings import *  # noqa: E402,F403
