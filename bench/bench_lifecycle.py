"""Lifecycle benchmarks (PostgreSQL): a heavy user's export and erasure, a retention sweep of
10^6 expired log rows, and peak memory at two data sizes.

Every time is a ratio to raw SQL over the same rows, measured in the same run: COPY for the
export, DELETE/UPDATE for the erasure (run in a transaction that is rolled back, so the engine
then erases the very same rows), a batched raw DELETE for the retention sweep.

Sizes can be lowered for a quick look: BENCH_HEAVY_ROWS (default 100000) and BENCH_LOG_ROWS
(default 1000000).
"""

from __future__ import annotations

import copy
import itertools
import os
import time
import tracemalloc
import uuid
from datetime import timedelta

from django.core.exceptions import EmptyResultSet
from django.db import connection, transaction
from django.test.utils import override_settings
from django.utils import timezone

HEAVY_ROWS = int(os.environ.get("BENCH_HEAVY_ROWS", "100000"))
LOG_ROWS = int(os.environ.get("BENCH_LOG_ROWS", "1000000"))
BATCH = 10_000
# Erasure batch for the memory runs: the smaller size still holds several batches per table.
MEMORY_BATCH = 500
# Where a heavy user's rows go (share of HEAVY_ROWS); other declared models get one row each.
HEAVY_SHARE = {
    "lifecycle.RequestLog": 0.35,
    "audit.AuditEvent": 0.20,
    "notify.OutboxMessage": 0.15,
    "learning.Attempt": 0.12,
    "community.Comment": 0.08,
    "accounts.DeviceSession": 0.05,
    "privacy.ConsentRecord": 0.05,
}
_unique = itertools.count(int(time.time()) % 1_000_000 * 10)


# --- Seeding ----------------------------------------------------------------------------------


def _heavy_user(name: str, rows: int):
    """A user in every declared model, with ``rows`` rows spread over the big tables."""
    from django.apps import apps

    from qalan.core import inventory
    from qalan.lifecycle.requestlog import user_pseudonym
    from tests.conftest import make_user
    from tests.lifecycle.seeding import Identity, Seeder, seed_every_declared_model

    suffix = next(_unique)
    address = f"10.{suffix // 62500 % 250}.{suffix // 250 % 250}.{suffix % 250}"  # one address per person
    identity = Identity(
        f"{name}-{suffix}", f"+7701{suffix % 10**7:07d}", f"{name}{suffix}@example.kz", f"Bench {name}", address
    )
    user = make_user(identity.username, phone=identity.phone, email=identity.email)
    seeder = Seeder(user, identity)
    seed_every_declared_model(seeder)
    for label, share in HEAVY_SHARE.items():
        try:
            model = apps.get_model(label)
        except LookupError:
            continue
        declaration = inventory.entry_for(model)
        template = declaration.rows_for(user).order_by("pk").first() if declaration else None
        if template is None:
            continue
        count = int(rows * share)
        clones = []
        for _ in range(count):
            clone = copy.copy(template)
            clone.pk = None
            if hasattr(clone, "id"):
                clone.id = None
            for model_field in model._meta.concrete_fields:
                if model_field.unique and not model_field.primary_key:
                    setattr(clone, model_field.attname, uuid.uuid4().hex[: model_field.max_length or 64])
            clones.append(clone)
        model._default_manager.bulk_create(clones, batch_size=5000)
    assert user_pseudonym(user)
    return user


def _rows_of(user) -> int:
    from qalan.core import inventory

    return sum(d.rows_for(user).count() for d in inventory.declarations() if d.subjects or d.subject_keys)


# --- Measuring --------------------------------------------------------------------------------


def _timed(function):
    started = time.perf_counter()
    result = function()
    return time.perf_counter() - started, result


def _peak(function) -> tuple[float, float]:
    """(seconds, peak MiB of Python allocations) of one call."""
    tracemalloc.start()
    tracemalloc.reset_peak()
    seconds, _result = _timed(function)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return seconds, peak / (1024 * 1024)


def _export(user) -> int:
    try:
        from qalan.rights.export import export_zip_stream
    except ImportError:
        return _export_from_inventory(user)
    return sum(len(chunk) for chunk in export_zip_stream(user))


def _export_from_inventory(user) -> int:
    import json

    from qalan.core import inventory

    size = 0
    for declaration in inventory.declarations():
        for row in declaration.rows_for(user).values().iterator(chunk_size=2000):
            size += len(json.dumps(row, default=str))
    return size


def _copy_baseline(user) -> int:
    """COPY of the same rows the export reads, table by table."""
    from qalan.core import inventory

    size = 0
    with connection.cursor() as cursor:
        raw = cursor.cursor
        for declaration in inventory.declarations():
            try:
                sql, params = declaration.rows_for(user).query.sql_with_params()
            except EmptyResultSet:
                continue  # no subject path: nothing of this person here
            with raw.copy(f"COPY ({sql}) TO STDOUT", params) as copy_out:
                for block in copy_out:
                    size += len(block)
    return size


def _raw_erasure(user) -> None:
    """DELETE / UPDATE over the rows the engine touches, in its order; rolled back."""
    from qalan.core.inventory import Erasure
    from qalan.lifecycle.erasure import _clearing, _rows, _user_fks, erasure_plan
    from qalan.lifecycle.models import ErasureRun

    run = ErasureRun(pk=0)
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
            for step in erasure_plan():
                model = step.declaration.model_class
                table = connection.ops.quote_name(model._meta.db_table)
                try:
                    sql, params = _rows(step, user, run).values("pk").query.sql_with_params()
                except EmptyResultSet:
                    continue
                if step.action in (Erasure.DELETE, Erasure.ARCHIVE):
                    cursor.execute(f"DELETE FROM {table} WHERE id IN ({sql})", params)
                    continue
                cleared = _clearing(step.declaration, step.declaration.subjects[:1] or ("",), owned_only=False)
                columns = [c for c, v in cleared.items() if isinstance(v, str) or v is None]
                sets = [f"{connection.ops.quote_name(model._meta.get_field(c).column)} = %s" for c in columns]
                values = [cleared[c] for c in columns]
                for link in _user_fks(model):
                    if link.null:
                        sets.append(f"{connection.ops.quote_name(link.column)} = NULL")
                if sets:
                    cursor.execute(f"UPDATE {table} SET {', '.join(sets)} WHERE id IN ({sql})", values + list(params))
            cursor.execute(
                f"DELETE FROM {connection.ops.quote_name(type(user)._meta.db_table)} WHERE id = %s", [user.pk]
            )
        transaction.set_rollback(True)


def _erase(user):
    from qalan.lifecycle.services import erasure_run

    run = erasure_run(user=user, actor=None, reason="benchmark", skip_cool_off=True)
    assert run.status == "done", run.status


# --- Retention --------------------------------------------------------------------------------


def _insert_expired_logs(count: int) -> None:
    with connection.cursor() as cursor:
        cursor.execute(
            """
            INSERT INTO lifecycle_requestlog (created_at, method, route, view_name, status, duration_ms,
                request_bytes, response_bytes, error, user_key, ip_address, ip_truncated, device_type,
                device_model, browser, os, app_version, screen, language)
            SELECT now() - interval '400 days' - (n || ' seconds')::interval, 'GET', 'api/v1/me', 'api:me', 200,
                   n %% 500, 0, 1200, '', md5(n::text), ('198.51.100.' || (n %% 250))::inet, false, 'mobile', '',
                   'Chrome Mobile 120', 'Android 13', '2.4.1', '1080x2400', 'kk'
            FROM generate_series(1, %s) AS n
            """,
            [count],
        )
        cursor.execute("ANALYZE lifecycle_requestlog")


def _raw_batched_delete() -> tuple[float, float]:
    """A batched raw DELETE of the expired rows: (seconds, longest batch ms)."""
    cutoff = timezone.now() - timedelta(days=365)
    longest = 0.0
    started = time.perf_counter()
    while True:
        batch_started = time.perf_counter()
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(
                "DELETE FROM lifecycle_requestlog WHERE id IN (SELECT id FROM lifecycle_requestlog "
                "WHERE created_at < %s ORDER BY id LIMIT %s)",
                [cutoff, BATCH],
            )
            deleted = cursor.rowcount
        longest = max(longest, (time.perf_counter() - batch_started) * 1000)
        if not deleted:
            break
    return time.perf_counter() - started, longest


def _engine_sweep():
    from qalan.lifecycle.models import DestructionRecord
    from qalan.lifecycle.retention import retention_run

    with override_settings(QALAN_LIFECYCLE_BATCH_SIZE=BATCH):
        report = retention_run()
    record = DestructionRecord.objects.filter(model="lifecycle.RequestLog", action="deleted").order_by("-id").first()
    return report, record


# --- Main -------------------------------------------------------------------------------------


def _row(name, rows, engine, baseline, longest="", peak=""):
    ratio = f"{engine / baseline:.1f}x" if baseline else "-"
    base = f"{baseline:.2f}" if baseline else "-"
    print(f"| {name:<44} | {rows:>9,} | {engine:>8.2f} | {base:>8} | {ratio:>7} | {longest!s:>10} | {peak!s:>9} |")


def main() -> None:
    if connection.vendor != "postgresql":
        print("bench_lifecycle needs PostgreSQL (DATABASE_URL=postgres://...); skipped")
        return
    from qalan.lifecycle.models import RequestLog

    print(f"heavy user: {HEAVY_ROWS:,} rows; retention: {LOG_ROWS:,} expired log rows; batches of {BATCH:,}")
    print(
        "| measure                                      |      rows | engine s |    raw s |   ratio | longest ms |  peak MiB |"
    )
    print(
        "|----------------------------------------------|-----------|----------|----------|---------|------------|-----------|"
    )

    user = _heavy_user("heavy", HEAVY_ROWS)
    rows = _rows_of(user)
    export_s, _size = _timed(lambda: _export(user))
    copy_s, _size = _timed(lambda: _copy_baseline(user))
    _row("export of a heavy user (vs COPY)", rows, export_s, copy_s)
    raw_s, _ = _timed(lambda: _raw_erasure(user))
    erase_s, _ = _timed(lambda: _erase(user))
    _row("erasure of a heavy user (vs DELETE/UPDATE)", rows, erase_s, raw_s)

    # Memory is bounded by the batch: both sizes hold several batches of every big table.
    for size in (HEAVY_ROWS // 5, HEAVY_ROWS):
        person = _heavy_user("memory", size)
        person_rows = _rows_of(person)
        with override_settings(QALAN_LIFECYCLE_BATCH_SIZE=MEMORY_BATCH):
            seconds, peak = _peak(lambda person=person: _erase(person))
        _row("erasure, memory (timed under tracemalloc)", person_rows, seconds, 0, peak=f"{peak:.1f}")

    RequestLog.objects.all().delete()
    _insert_expired_logs(LOG_ROWS)
    raw_s, raw_longest = _raw_batched_delete()
    _insert_expired_logs(LOG_ROWS)
    sweep_s, (_report, record) = _timed(_engine_sweep)
    _row(
        "retention sweep of expired logs (vs DELETE)",
        record.count if record else 0,
        sweep_s,
        raw_s,
        longest=f"{record.longest_batch_ms if record else 0} / {raw_longest:.0f}",
    )

    for count in (LOG_ROWS // 5, LOG_ROWS):
        _insert_expired_logs(count)
        seconds, peak = _peak(_engine_sweep)
        _row("retention, memory (timed under tracemalloc)", count, seconds, 0, peak=f"{peak:.1f}")
    print("longest ms: the longest batch (one transaction) of the engine / of the raw DELETE.")
    print("peak MiB: Python allocations (tracemalloc) during the run; it must not grow with the rows")
    print(f"(erasure memory runs use batches of {MEMORY_BATCH}, so that both sizes span several batches).")
