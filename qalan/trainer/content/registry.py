"""Generators: small pure functions, registered by name, that draw an item's parameters.

A generator takes a seeded ``random.Random`` and the template's ``options`` (from its data
file) and returns ``{"values": {...}, "key": "..."}`` (and optionally ``"choices"``). It never
touches the database, so it can be checked by generating thousands of instances in a test.
"""

import random
from collections.abc import Callable

Generator = Callable[[random.Random, dict], dict]
_REGISTRY: dict[str, Generator] = {}


def generator(name: str) -> Callable[[Generator], Generator]:
    def register(function: Generator) -> Generator:
        if name in _REGISTRY and _REGISTRY[name] is not function:
            raise ValueError(f"generator {name!r} is registered twice")
        _REGISTRY[name] = function
        return function

    return register


def generator_get(name: str) -> Generator:
    try:
        return _REGISTRY[name]
    except KeyError:
        raise LookupError(f"unknown generator {name!r}") from None


def generator_names() -> list[str]:
    return sorted(_REGISTRY)
