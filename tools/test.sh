#!/usr/bin/env bash
# The one test command (README, .ci/run). On a fresh Debian machine it installs what is missing
# (chromium and postgresql from apt, dotnet-ef from the tool manifest), starts a throw-away
# PostgreSQL on 127.0.0.1, builds with warnings as errors, checks every provider's migrations,
# generates the SQL Server script, publishes like the Dockerfile, runs every test, stops what it
# started and ends with "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
ART="$ROOT/artifacts"
mkdir -p "$ART"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

step() { printf '\n==> %s\n' "$*"; }
fail() { printf '\nFAILED: %s\n' "$*"; echo "0 passed, 1 failed"; exit 1; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else return 1; fi; }

# --- 1. System packages -------------------------------------------------------------------------
missing=()
[ -x "${AGENCY_CHROMIUM:-/usr/bin/chromium}" ] || missing+=(chromium fonts-liberation)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
if [ ${#missing[@]} -gt 0 ]; then
  step "Installing ${missing[*]} from apt"
  as_root apt-get update -qq || fail "apt-get update"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null || fail "apt-get install ${missing[*]}"
fi
export AGENCY_CHROMIUM="${AGENCY_CHROMIUM:-/usr/bin/chromium}"

# --- 2. Throw-away PostgreSQL on loopback ---------------------------------------------------------
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
PGDIR=$(mktemp -d /tmp/agency-pg.XXXXXX)
PGPORT=""
for p in $(shuf -i 40000-49999 -n 20); do
  if ! (exec 3<>/dev/tcp/127.0.0.1/$p) 2>/dev/null; then PGPORT=$p; break; fi
done
[ -n "$PGPORT" ] || fail "no free port for PostgreSQL"
pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown postgres:postgres "$PGDIR"
stop_pg() { pg "$PGBIN/pg_ctl" -D "$PGDIR/data" -m immediate stop >/dev/null 2>&1; rm -rf "$PGDIR"; }
trap stop_pg EXIT
step "Starting PostgreSQL on 127.0.0.1:$PGPORT"
pg "$PGBIN/initdb" -D "$PGDIR/data" -U postgres --auth=trust -E UTF8 >"$PGDIR/initdb.log" 2>&1 || { cat "$PGDIR/initdb.log"; fail "initdb"; }
pg "$PGBIN/pg_ctl" -D "$PGDIR/data" -l "$PGDIR/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -p $PGPORT -k $PGDIR -c fsync=off -c max_connections=300" start >/dev/null || { cat "$PGDIR/server.log"; fail "pg_ctl start"; }
export AGENCY_TEST_POSTGRES="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=postgres"

# --- 3. Build, migrations, SQL Server script, publish -------------------------------------------
step "Restoring tools and packages"
dotnet tool restore >/dev/null || fail "dotnet tool restore"
dotnet restore Agency.sln -v q || fail "restore"
step "Checking the C# layout (CSharpier, 140 columns; fix with: dotnet csharpier format .)"
dotnet csharpier check . >"$ART/csharpier.log" 2>&1 || { tail -20 "$ART/csharpier.log"; fail "C# not formatted"; }
step "Building (warnings are errors)"
dotnet build Agency.sln --no-restore -v q -nologo -p:TreatWarningsAsErrors=true || fail "build"

step "Checking that no provider has model changes without a migration"
for ctx in SqliteAgencyDbContext PostgresAgencyDbContext SqlServerAgencyDbContext; do
  dotnet ef migrations has-pending-model-changes --no-build --project src/Migrations --startup-project src/Migrations --context "$ctx" >"$ART/pending-$ctx.log" 2>&1 \
    || { cat "$ART/pending-$ctx.log"; fail "$ctx has model changes without a migration (tools/add-migration.sh NAME)"; }
done
step "Generating the SQL Server migration script (artifacts/sqlserver.sql)"
dotnet ef migrations script --idempotent --no-build --project src/Migrations --startup-project src/Migrations \
  --context SqlServerAgencyDbContext -o "$ART/sqlserver.sql" >"$ART/sqlserver-script.log" 2>&1 || { cat "$ART/sqlserver-script.log"; fail "SQL Server script"; }

step "Publishing the Portal as the Dockerfile does"
dotnet publish src/Portal -c Release -o "$ART/publish" -v q -nologo >"$ART/publish.log" 2>&1 || { tail -30 "$ART/publish.log"; fail "publish"; }

# --- 4. Tests --------------------------------------------------------------------------------------
step "Running every test (SQLite and PostgreSQL, bUnit, HTTP, Playwright)"
# Minimal console output still names each failed test with its message and stack; the TRX files keep the details.
dotnet test Agency.sln --no-build -v q -nologo --logger "console;verbosity=minimal" --logger trx --results-directory "$ART/test-results" 2>&1 | tee "$ART/test.log"
status=${PIPESTATUS[0]}

passed=$(grep -Eo 'Passed: +[0-9]+' "$ART/test.log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -Eo 'Failed: +[0-9]+' "$ART/test.log" | awk '{s+=$2} END {print s+0}')
assemblies=$(grep -Ec '(Passed|Failed)! +- ' "$ART/test.log")
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; echo "The test run itself failed (exit $status)."; fi
if [ "$assemblies" -lt 4 ]; then echo "Only $assemblies of 4 test assemblies reported."; [ "$failed" -eq 0 ] && failed=1; fi
echo
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
