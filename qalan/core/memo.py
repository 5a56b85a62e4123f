"""Per-request memos: values several middleware and views of ONE request ask for (a user's
consent state, say) are read once. Outside a request (tasks, commands, tests calling services)
nothing is remembered, so a long-lived object never sees a stale value."""

from __future__ import annotations

from collections.abc import Callable
from contextvars import ContextVar
from typing import Any

_memo: ContextVar[dict | None] = ContextVar("qalan_request_memo", default=None)


def memo_get(key: tuple, compute: Callable[[], Any]) -> Any:
    store = _memo.get()
    if store is None:
        return compute()
    if key not in store:
        store[key] = compute()
    return store[key]


def memo_forget(key: tuple) -> None:
    store = _memo.get()
    if store is not None:
        store.pop(key, None)


class RequestMemoMiddleware:
    """Opens a memo for the request and closes it with the response."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _memo.set({})
        try:
            return self.get_response(request)
        finally:
            _memo.reset(token)
