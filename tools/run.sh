#!/usr/bin/env bash
# Runs the product on SQLite with the demo data (the README's first command), saying what it does while it builds.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
echo "Building Agency (the first build restores packages and takes a few minutes)..."
dotnet build src/Portal -v q -nologo -clp:ErrorsOnly
echo "Starting Agency on http://localhost:5080 (SQLite in src/Portal/data, demo data on the first run); Ctrl+C stops it."
exec dotnet run --project src/Portal --no-build
