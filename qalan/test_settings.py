"""Settings for the test suite: the `test` profile of qalan.settings (no DEBUG, tasks in-process)."""

import os

os.environ["QALAN_ENV"] = "test"

from qalan.settings import *  # noqa: F403

# The process's policy memo is cleared by saves and between tests; its half-minute expiry (for
# other processes) must not fall inside a test's query count on a slow machine.
QALAN_POLICY_MEMO_SECONDS = 3600.0
