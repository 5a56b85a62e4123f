"""Trainer content: the generator registry, and building a served instance from a template."""

from qalan.trainer.content.build import Built, build
from qalan.trainer.content.registry import generator, generator_get

__all__ = ["Built", "build", "generator", "generator_get"]
