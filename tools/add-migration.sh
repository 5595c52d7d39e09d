#!/usr/bin/env bash
# Adds a migration named $1 for every database provider; each keeps its own folder in src/Migrations.
set -euo pipefail
name=${1:?usage: tools/add-migration.sh MigrationName}
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
dotnet build src/Migrations -v q -nologo
for p in Sqlite Postgres SqlServer; do
  dotnet ef migrations add "$name" --no-build --project src/Migrations --startup-project src/Migrations \
    --context "${p}AgencyDbContext" --output-dir "$p" --namespace "Agency.Migrations.$p"
done
