"""Serving in production: probes, gunicorn's neighbours, JSON logs, media on S3-compatible storage."""

from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

from qalan.env import envint, envsecret, envstr
from qalan.settings.policy import *

# --- Serving ----------------------------------------------------------------------------
# Production serving (gunicorn.conf.py, Dockerfile, compose.yaml; docs/notes-serving.md).
# /healthz and /readyz are answered first, before the host check and the HTTPS redirect:
# a container's HEALTHCHECK and a balancer probe the node's own address over plain HTTP.
MIDDLEWARE.insert(0, "qalan.web.probes.ProbeMiddleware")
# How long /readyz waits for the database and Redis before it answers 503.
QALAN_READINESS_TIMEOUT_SECONDS = envint("QALAN_READINESS_TIMEOUT_SECONDS", 2)
# A database that restarts or cannot be reached gives a clear error within seconds instead of
# holding a worker: connecting times out, and a kept connection is checked before it is reused.
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("connect_timeout", envint("QALAN_DB_CONNECT_TIMEOUT", 5))
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if REDIS_URL:
    CACHES["default"]["OPTIONS"] = {
        "socket_connect_timeout": envint("QALAN_REDIS_TIMEOUT", 5),
        "socket_timeout": envint("QALAN_REDIS_TIMEOUT", 5),
    }
# Where collectstatic puts the files WhiteNoise serves (built into the image; tests use a temporary one).
STATIC_ROOT = Path(envstr("STATIC_ROOT") or STATIC_ROOT)
# Logs as one JSON object a line (the default in production) or as text; the same filters keep
# personal data and link tokens out of both (qalan.web.logging).
LOGGING["filters"]["route_not_path"] = {"()": "qalan.web.logging.RouteNotPath"}
LOGGING["handlers"]["console"]["filters"].insert(0, "route_not_path")  # before scrub, which merges the args
QALAN_LOG_FORMAT = envstr("QALAN_LOG_FORMAT") or ("json" if PRODUCTION else "text")
if QALAN_LOG_FORMAT not in {"json", "text"}:
    raise ImproperlyConfigured("QALAN_LOG_FORMAT must be json or text")
if QALAN_LOG_FORMAT == "json":
    LOGGING["formatters"] = {"json": {"()": "qalan.web.logging.JsonFormatter"}}
    LOGGING["handlers"]["console"]["formatter"] = "json"
    # Celery's worker and beat log through the same handler instead of their own text format.
    CELERY_WORKER_HIJACK_ROOT_LOGGER = False
# Uploaded files (avatars) on S3-compatible object storage when a bucket is set, so that web
# nodes keep no files of their own; otherwise MEDIA_ROOT. The bucket stays private: every file
# is served through the application's access-checked views (never by its URL), and links that
# boto3 might sign expire quickly. Production refuses a public ACL.
QALAN_MEDIA_S3_BUCKET = envstr("QALAN_MEDIA_S3_BUCKET", "")
QALAN_MEDIA_S3_ACL = envstr("QALAN_MEDIA_S3_ACL", "private")
if QALAN_MEDIA_S3_BUCKET:
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": QALAN_MEDIA_S3_BUCKET,
            "endpoint_url": envstr("QALAN_MEDIA_S3_ENDPOINT_URL") or None,
            "region_name": envstr("QALAN_MEDIA_S3_REGION") or None,
            "access_key": envsecret("QALAN_MEDIA_S3_ACCESS_KEY_ID"),
            "secret_key": envsecret("QALAN_MEDIA_S3_SECRET_ACCESS_KEY"),
            "location": envstr("QALAN_MEDIA_S3_PREFIX", "media"),
            "default_acl": QALAN_MEDIA_S3_ACL,
            "querystring_auth": True,
            "querystring_expire": 300,
            "file_overwrite": False,
            "object_parameters": {"CacheControl": "private, max-age=300"},
        },
    }
