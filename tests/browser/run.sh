#!/usr/bin/env bash
# The browser test: indexes the corpus, starts talash-serve on a free loopback port, runs
# page_test.mjs in chromium against it, and stops the server.
# Usage: run.sh TALASH_INDEX TALASH_SERVE CORPUS WORKDIR (WORKDIR holds node_modules)
set -euo pipefail
index=$1 serve=$2 corpus=$3 work=$4
if [ ! -d "$work/node_modules/playwright-core" ]; then
  echo "browser test: playwright-core is not installed in $work (./run-tests installs it)" >&2
  exit 1
fi
db=$(mktemp -d)/db
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$(dirname "$db")"' EXIT
"$index" -q --db "$db" "$corpus"
"$serve" --db "$db" --listen 127.0.0.1:0 >"$work/serve.out" &
pid=$!
for _ in $(seq 100); do
  grep -q 'serving' "$work/serve.out" 2>/dev/null && break
  sleep 0.05
done
url=$(grep -o 'http://[^ ]*' "$work/serve.out")
cd "$work"
node page_test.mjs "$url" "$work/page.png"
