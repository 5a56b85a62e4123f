"""Generators: small pure functions, registered by name, that draw an item's parameters.

A generator takes a seeded ``random.Random`` and the template's ``options`` (from its data
file) and returns ``{"values": {...}, "key": "..."}`` (and optionally ``"choices"``). It never
touches the database, so it can be checked by generating thousands of instances in a test.
Each generator also has a ``verify(values, key)`` (registered with ``@verifier(name)``) that
recomputes the key from the values by another route and checks the constraints.
"""

import importlib
import random
from collections.abc import Callable

Generator = Callable[[random.Random, dict], dict]
Verifier = Callable[[dict, str], bool]
_REGISTRY: dict[str, Generator] = {}
_VERIFIERS: dict[str, Verifier] = {}
_loaded = False


def _ensure_loaded() -> None:
    # The shipped generator modules register themselves on import.
    global _loaded
    if not _loaded:
        _loaded = True
        importlib.import_module("qalan.trainer.content.generators")


def generator(name: str) -> Callable[[Generator], Generator]:
    def register(function: Generator) -> Generator:
        if name in _REGISTRY and _REGISTRY[name] is not function:
            raise ValueError(f"generator {name!r} is registered twice")
        _REGISTRY[name] = function
        return function

    return register


def verifier(name: str) -> Callable[[Verifier], Verifier]:
    def register(function: Verifier) -> Verifier:
        _VERIFIERS[name] = function
        return function

    return register


def generator_get(name: str) -> Generator:
    _ensure_loaded()
    try:
        return _REGISTRY[name]
    except KeyError:
        raise LookupError(f"unknown generator {name!r}") from None


def verifier_get(name: str) -> Verifier:
    _ensure_loaded()
    try:
        return _VERIFIERS[name]
    except KeyError:
        raise LookupError(f"generator {name!r} has no verify function") from None


def generator_names() -> list[str]:
    _ensure_loaded()
    return sorted(_REGISTRY)
