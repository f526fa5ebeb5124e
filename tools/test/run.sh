#!/usr/bin/env bash
# The test command (README: `npm test`). One Jest run over the unit, int and e2e projects,
# in band: integration tests share one real broker and one PostgreSQL server on 2 cores.
# The harness in libs/testing provides the broker and database (KAFKA_BROKERS /
# DATABASE_URL, testcontainers, or a local broker it starts itself).
# The machine-readable result goes to reports/jest.json (read by .ci/run).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
export NX_DAEMON=false NX_TUI=false NX_NO_CLOUD=true KAFKAJS_NO_PARTITIONER_WARNING=1
mkdir -p reports
exec npx --no-install jest --runInBand --json --outputFile=reports/jest.json "$@"
