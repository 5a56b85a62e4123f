"""The shipped generators, one module per section; importing this package registers them all."""

from qalan.trainer.content.generators import fractions, geometry, percent  # noqa: F401
