#!/usr/bin/env bash
# Adds a migration named $1 for every database provider (each keeps its own migrations).
set -euo pipefail
name=${1:?usage: tools/add-migration.sh MigrationName}
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
dotnet build src/Infrastructure -v q -nologo
for p in Sqlite Postgres SqlServer; do
  dotnet ef migrations add "$name" --no-build --project src/Infrastructure --startup-project src/Infrastructure \
    --context "${p}AgencyDbContext" --output-dir "Persistence/Migrations/$p" --namespace "Agency.Infrastructure.Persistence.Migrations.$p"
done
