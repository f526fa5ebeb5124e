#!/usr/bin/env bash
# The test command (README: `npm test`). One Jest run over the unit, int and e2e projects,
# in band: integration tests share one real broker and one PostgreSQL server on 2 cores.
# The harness in libs/testing provides the broker and database (KAFKA_BROKERS /
# DATABASE_URL, testcontainers, or a local broker it starts itself).
# Then the browser tests: @playwright/test drives Debian's chromium through the console on
# the real platform (playwright.config.ts). Arguments go to Jest; with arguments the browser
# tests run only when BROWSER_TESTS=1.
# Machine-readable results: reports/jest.json and reports/playwright.json (read by .ci/run).
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
export NX_DAEMON=false NX_TUI=false NX_NO_CLOUD=true KAFKAJS_NO_PARTITIONER_WARNING=1
mkdir -p reports
rm -f reports/jest.json reports/playwright.json

# The AsyncAPI CLI (tools/asyncapi, its own package: ~1.5 GB) for the AsyncAPI document's test.
if [ ! -x tools/asyncapi/node_modules/.bin/asyncapi ]; then
  npm ci --prefix tools/asyncapi --no-audit --no-fund \
    || echo "could not install tools/asyncapi: the AsyncAPI document's test will say so"
fi

npx --no-install jest --runInBand --json --outputFile=reports/jest.json "$@"
jest_status=$?

browser_status=0
if [ "$#" -eq 0 ] || [ "${BROWSER_TESTS:-}" = "1" ]; then
  npx --no-install playwright test
  browser_status=$?
fi

[ "$jest_status" -eq 0 ] && [ "$browser_status" -eq 0 ]
