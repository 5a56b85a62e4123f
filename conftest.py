import os

# The test profile: no DEBUG, no demo outbox page, tasks run in-process.
os.environ.setdefault("QALAN_ENV", "test")
