"""Gunicorn's configuration for Qalan in production (the Dockerfile's CMD uses it).

    gunicorn --config gunicorn.conf.py qalan.wsgi:application

Every value can be changed from the environment; the defaults suit a container with a few
cores behind a load balancer that terminates TLS. Web nodes keep no state of their own
(sessions and the cache are in PostgreSQL and Redis, uploads on S3-compatible storage), so
more of them behind the balancer scale out.
"""

import os


def _int(name: str, default: int) -> int:
    raw = os.environ.get(name, "").strip()
    return int(raw) if raw else default


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


wsgi_app = "qalan.wsgi:application"
bind = os.environ.get("QALAN_BIND", "0.0.0.0:8000").split(",")

# Workers: (2 x cores) + 1, at most 8 (each holds the whole application, about 140 MiB RSS;
# docs/notes-serving.md), unless WEB_CONCURRENCY says otherwise. Threads > 1 switch to the
# gthread worker, which overlaps the waits on PostgreSQL and Redis within a process.
workers = _int("WEB_CONCURRENCY", min(2 * _cores() + 1, 8))
threads = _int("QALAN_WEB_THREADS", 1)
worker_class = "gthread" if threads > 1 else "sync"

# A request that runs longer than this is killed (the worker is replaced, the client gets 502):
# nothing Qalan serves takes that long; exports stream and erasures run in Celery.
timeout = _int("QALAN_WEB_TIMEOUT", 30)
# On SIGTERM (a deploy, a scale-in) workers finish the requests in flight for this long.
graceful_timeout = _int("QALAN_WEB_GRACEFUL_TIMEOUT", 30)
# Behind a balancer that keeps connections open; a little longer than nothing, shorter than its idle timeout.
keepalive = _int("QALAN_WEB_KEEPALIVE", 5)
# Workers are replaced after this many requests (plus up to the jitter, so they do not all restart
# at once): slow memory growth never accumulates.
max_requests = _int("QALAN_WEB_MAX_REQUESTS", 1000)
max_requests_jitter = _int("QALAN_WEB_MAX_REQUESTS_JITTER", 100)
# The worker heartbeat file on tmpfs: a container's /tmp may be a slow overlay disk.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None

# The balancers allowed to set X-Forwarded-* (comma-separated addresses or networks). Django
# reads X-Forwarded-Proto itself (SECURE_PROXY_SSL_HEADER, QALAN_BEHIND_TLS_PROXY).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")

# Logs on stdout/stderr as JSON lines (qalan.web.accesslog): the access log names the route, the
# status, the size and the time, never the path, query string, client address or user agent.
logger_class = "qalan.web.accesslog.JsonLogger"
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("LOG_LEVEL", "info").lower()
# No control socket: nothing here uses gunicornc, and one per user would clash between instances.
control_socket_disable = True
proc_name = "qalan-web"
