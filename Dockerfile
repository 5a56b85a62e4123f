# Qalan's reference image (compose.yaml runs it as web, worker, beat and migrate):
#   docker build -t qalan .
# gunicorn on port 8000 as an unprivileged user; static files and translations built in.

FROM python:3.11-slim AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1 PYTHONDONTWRITEBYTECODE=1
# GNU gettext for compilemessages (build stage only).
RUN apt-get update \
    && apt-get install -y --no-install-recommends gettext \
    && rm -rf /var/lib/apt/lists/*
RUN python -m venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH
WORKDIR /app
COPY requirements.lock ./
RUN pip install -r requirements.lock
COPY . .
RUN cd qalan && python ../manage.py compilemessages -l kk -l ru -l en -l uz
RUN deploy/collectstatic && python -m compileall -q qalan

FROM python:3.11-slim
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    QALAN_ENV=production \
    QALAN_BIND=0.0.0.0:8000 \
    MEDIA_ROOT=/var/lib/qalan/media \
    QALAN_AUDIT_HEAD_FILE=/var/lib/qalan/audit/head.json
RUN useradd --system --uid 10001 --user-group --home-dir /app --shell /usr/sbin/nologin qalan \
    && mkdir -p /var/lib/qalan/media /var/lib/qalan/audit /var/lib/qalan/beat \
    && chown -R qalan:qalan /var/lib/qalan
COPY --from=build /opt/venv /opt/venv
# The code stays owned by root: the application cannot change itself.
COPY --from=build /app /app
WORKDIR /app
USER qalan
EXPOSE 8000
# Process up (no database: a database outage must not make the orchestrator kill healthy web
# nodes); balancers use /readyz to stop sending traffic while the database or Redis is away.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import sys, urllib.request; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4).status != 200)"]
CMD ["gunicorn", "--config", "gunicorn.conf.py"]
