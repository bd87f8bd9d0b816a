#!/usr/bin/env bash
# KESAN side by side with stock django-oscar, on the oscar-baseline catalogue.
#   bench/run.sh [N_PRODUCTS] [N_PARTNERS]        (default 5000 50)
# 1. builds the baseline (its setup.sh) if its venv is missing;
# 2. recreates and migrates the kesan_bench database, collects static files
#    into /tmp/kesan-bench-static;
# 3. seeds it with the baseline's dataset.py output (seed_demo --dataset) and
#    ANALYZEs both databases (autovacuum is off here);
# 4. serves our site with gunicorn exactly as the baseline's serve.sh does
#    (sync, 2 workers, loopback, CONN_MAX_AGE=60, DEBUG off);
# 5. runs the baseline's bench.sh with our site in EXTRA_SITES, so the three
#    sites are measured interleaved in one run;
# 6. counts our SQL queries per page with the baseline's querycount.py, and
#    the basket's queries at 1, 5 and 10 lines on both sites;
# 7. stops the gunicorn it started, by PID.
# Overridable: BASELINE_DIR, BASELINE_VENV, BASELINE_DB, KESAN_VENV, KESAN_DB_URL,
# KESAN_BIND (loopback only), KESAN_STATIC_ROOT, OUT (results), MEASURE_ARGS (passed through to
# measure.py), KESAN_REDIS_URL (empty: per-process cache, as by default),
# KESAN_SETTINGS (kesan.settings; fixes_settings serves bench/proposed_fixes.py
# applied) and KESAN_SITE (the name of our site in the tables).
set -euo pipefail
REPO="$(cd "$(dirname "$0")/.." && pwd)"
BASELINE_DIR="${BASELINE_DIR:-/work/shared/bench/oscar-baseline}"
BASELINE_VENV="${BASELINE_VENV:-/tmp/oscar-baseline-venv}"
KESAN_VENV="${KESAN_VENV:-/work/main/.venv}"
KESAN_DB_URL="${KESAN_DB_URL:-postgres://postgres@127.0.0.1:5432/kesan_bench}"
KESAN_BIND="${KESAN_BIND:-127.0.0.1:8003}"
OUT="${OUT:-/tmp/kesan-bench-results}"
KESAN_SETTINGS="${KESAN_SETTINGS:-kesan.settings}"
KESAN_SITE="${KESAN_SITE:-kesan}"
N_PRODUCTS="${1:-5000}"
N_PARTNERS="${2:-50}"
PY="$KESAN_VENV/bin/python"

case "${KESAN_BIND%%:*}" in 127.*) ;; *) echo "refusing non-loopback KESAN_BIND=$KESAN_BIND" >&2; exit 2;; esac
case "$KESAN_DB_URL" in *@127.0.0.1:*|*@localhost:*) ;; *) echo "refusing non-loopback KESAN_DB_URL" >&2; exit 2;; esac

WORK="$(mktemp -d)"
PIDFILE="$WORK/gunicorn.pid"
mkdir -p "$OUT"

stop_kesan() {
    [ -s "$PIDFILE" ] || return 0
    local pid; pid="$(cat "$PIDFILE")"
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    echo "stopped kesan gunicorn $pid"
    rm -f "$PIDFILE"
}
trap stop_kesan EXIT

# Our site as a deployment runs it, apart from http-only cookies on loopback
# and 20 products a page (Oscar's page size) instead of our 24.
export DJANGO_SETTINGS_MODULE="$KESAN_SETTINGS"
export DATABASE_URL="$KESAN_DB_URL"
export DEBUG=0
export SECRET_KEY="bench-throwaway-$(date +%s)-$RANDOM"
export ALLOWED_HOSTS=127.0.0.1
export SECURE_COOKIES=0
export CONN_MAX_AGE=60
export MARKETPLACE_PRODUCTS_PER_PAGE=20
# A fixed place, so that bench/profile_kesan.py and bench/try_fixes.py can use it.
export STATIC_ROOT="${KESAN_STATIC_ROOT:-/tmp/kesan-bench-static}"
export MEDIA_ROOT="$WORK/media"
export LOG_LEVEL=WARNING
# No Midtrans key on a loopback bench: the local payment simulator stays, and
# its system check (marketplace.E002) must be told this is a test site.
# Checkout is not measured.
export MARKETPLACE_PAYMENT_SIMULATOR_ALLOWED=1
export REDIS_URL="${KESAN_REDIS_URL:-}"
export PYTHONPATH="$REPO:$REPO/bench"

# 1. the baseline site, once
if [ ! -x "$BASELINE_VENV/bin/python" ]; then
    VENV="$BASELINE_VENV" "$BASELINE_DIR/setup.sh"
fi

# 2. a fresh database for our site, schema, translations and static files
DB_NAME="${KESAN_DB_URL##*/}"
ADMIN_URL="${KESAN_DB_URL%/*}/postgres"
psql "$ADMIN_URL" -v ON_ERROR_STOP=1 -qAt -c "DROP DATABASE IF EXISTS $DB_NAME WITH (FORCE)"
psql "$ADMIN_URL" -v ON_ERROR_STOP=1 -qAt -c "CREATE DATABASE $DB_NAME"
cd "$REPO"
"$KESAN_VENV/bin/pybabel" compile --domain django --directory locale >/dev/null 2>&1
"$PY" manage.py migrate --noinput -v 0
"$PY" manage.py collectstatic --noinput -v 0

# 3. the baseline's catalogue
"$BASELINE_VENV/bin/python" "$BASELINE_DIR/dataset.py" "$N_PRODUCTS" "$N_PARTNERS" > "$WORK/data.json"
"$PY" manage.py seed_demo --dataset "$WORK/data.json" | tail -n 1
# Autovacuum is off on this machine, so freshly bulk-loaded tables would have
# no planner statistics at all (PostgreSQL's docs: ANALYZE after a bulk load).
psql "$KESAN_DB_URL" -v ON_ERROR_STOP=1 -qAt -c "ANALYZE"
"$PY" bench/kesan_paths.py "$KESAN_SITE" > "$OUT/paths-kesan.json"

# 4. serve it the way serve.sh serves the baseline
"$KESAN_VENV/bin/gunicorn" kesan.wsgi:application --bind "$KESAN_BIND" --workers 2 \
    --pid "$PIDFILE" --daemon --access-logfile /dev/null --error-logfile "$WORK/gunicorn.log"
for _ in $(seq 50); do [ -s "$PIDFILE" ] && break; sleep 0.2; done
[ -s "$PIDFILE" ] || { echo "gunicorn did not start; see $WORK/gunicorn.log" >&2; exit 1; }
echo "kesan gunicorn master pid $(cat "$PIDFILE") on http://$KESAN_BIND"
curl -s -o /dev/null --max-time 30 --retry 10 --retry-connrefused --retry-delay 1 \
    -w "kesan / -> %{http_code}\n" "http://$KESAN_BIND/"

# The same for the baseline: bench.sh reseeds it (delete, then bulk insert of
# the same rows) just before measuring, so statistics taken on one seed hold.
env -u DJANGO_SETTINGS_MODULE -u DATABASE_URL -u PYTHONPATH -u STATIC_ROOT -u MEDIA_ROOT \
    "$BASELINE_VENV/bin/python" "$BASELINE_DIR/seed.py" "$N_PRODUCTS" "$N_PARTNERS"
psql "${KESAN_DB_URL%/*}/${BASELINE_DB:-oscar_baseline}" -v ON_ERROR_STOP=1 -qAt -c "VACUUM ANALYZE"

# 5. the baseline's run, with our site measured in it (its own env, not ours)
env -u DJANGO_SETTINGS_MODULE -u DATABASE_URL -u PYTHONPATH -u STATIC_ROOT -u MEDIA_ROOT \
    VENV="$BASELINE_VENV" OUT="$OUT" MEASURE_ARGS="${MEASURE_ARGS:-}" \
    EXTRA_SITES="$KESAN_SITE=http://$KESAN_BIND=$OUT/paths-kesan.json" \
    "$BASELINE_DIR/bench.sh" "$N_PRODUCTS" "$N_PARTNERS"

# 6. our SQL queries per page (the test client sends Host: localhost)
export ALLOWED_HOSTS=127.0.0.1,localhost
"$PY" "$BASELINE_DIR/querycount.py" "$OUT/paths-kesan.json" \
    --label "$KESAN_SITE" --json "$OUT/queries-kesan.json" | tee "$OUT/queries-kesan.txt"

# ... and how the basket pages grow with the lines, on both sites
"$PY" bench/basket_scaling.py 1 5 10 | tee "$OUT/basket-kesan.txt"
env -u DJANGO_SETTINGS_MODULE -u DATABASE_URL -u PYTHONPATH -u STATIC_ROOT -u MEDIA_ROOT \
    "$BASELINE_VENV/bin/python" bench/basket_scaling.py 1 5 10 | tee "$OUT/basket-oscar.txt"

# 7. stop our server (the trap does it), then the side-by-side summary
stop_kesan
"$PY" bench/compare.py "$OUT" | tee "$OUT/summary.md"
rm -rf "$WORK"  # kept on failure, for gunicorn.log
echo "results in $OUT"
