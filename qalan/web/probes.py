"""Liveness and readiness probes for load balancers, containers and orchestrators.

``/healthz`` answers while the process serves requests (it touches nothing else); ``/readyz``
answers 200 only while the database and, when ``REDIS_URL`` is set, Redis answer within a short
timeout, and 503 naming the failed check otherwise, so that a balancer stops sending traffic to a
node that cannot serve it.

``ProbeMiddleware`` is the first middleware: probes are answered before the host check, the HTTPS
redirect, sessions, the request log and the consent and policy middlewares. A container's
HEALTHCHECK and a balancer probe a node's own address over plain HTTP, and neither must be
redirected, refused for its Host header, logged as a visit or given a cookie. The answer holds
only the check names and ``ok`` / ``unavailable``: no error text, host name or credential.
"""

from __future__ import annotations

import functools
import logging

from django.conf import settings
from django.db import DatabaseError, connection, transaction
from django.http import HttpResponseNotAllowed, JsonResponse

logger = logging.getLogger("qalan.web.probes")

OK = "ok"
UNAVAILABLE = "unavailable"
NOT_CONFIGURED = "not_configured"


def healthz(request):
    """The process is up and serving: no database, no cache, nothing that could be down."""
    return _probe_response({"status": "ok"}, status=200)


def readyz(request):
    """The node can serve: the database answers ``SELECT 1`` and Redis answers ``PING``."""
    checks = {"database": database_check(), "redis": redis_check()}
    ready = all(result in (OK, NOT_CONFIGURED) for result in checks.values())
    return _probe_response(
        {"status": "ready" if ready else "unavailable", "checks": checks}, status=200 if ready else 503
    )


def database_check() -> str:
    """``SELECT 1`` on the default database. A connection that fails is closed so that the next
    request of this worker connects afresh (after a database restart) instead of reusing it."""
    timeout_ms = int(settings.QALAN_READINESS_TIMEOUT_SECONDS * 1000)
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                # Only for this transaction: a reused connection keeps its normal timeout.
                cursor.execute("SET LOCAL statement_timeout = %s", [timeout_ms])
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError as exc:
        logger.warning("readiness check failed: database (%s)", exc.__class__.__name__)
        connection.close()
        return UNAVAILABLE
    return OK


def redis_check() -> str:
    """``PING`` to ``REDIS_URL`` with a short socket timeout; not configured without a URL."""
    if not settings.REDIS_URL:
        return NOT_CONFIGURED
    import redis

    try:
        _redis_client(settings.REDIS_URL, settings.QALAN_READINESS_TIMEOUT_SECONDS).ping()
    except (redis.RedisError, OSError) as exc:
        logger.warning("readiness check failed: redis (%s)", exc.__class__.__name__)
        return UNAVAILABLE
    return OK


@functools.cache
def _redis_client(url: str, timeout: float):
    """One client (and its connection pool) per process: a probe every few seconds must not
    open a new connection each time."""
    import redis

    return redis.Redis.from_url(url, socket_timeout=timeout, socket_connect_timeout=timeout)


def _probe_response(body: dict, *, status: int) -> JsonResponse:
    response = JsonResponse(body, status=status)
    # A cached "ready" would hide an outage; a cached 503 would keep a node out after it recovered.
    response["Cache-Control"] = "no-store"
    response["X-Content-Type-Options"] = "nosniff"
    # Django would log every 503 as a server error; the failed check is logged as a warning.
    response._has_been_logged = True
    return response


PROBES = {"/healthz": healthz, "/readyz": readyz}


class ProbeMiddleware:
    """Answers ``/healthz`` and ``/readyz`` before any other middleware runs (see the module)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        probe = PROBES.get(request.path_info)
        if probe is None:
            return self.get_response(request)
        if request.method not in ("GET", "HEAD"):
            return HttpResponseNotAllowed(["GET", "HEAD"])
        return probe(request)
