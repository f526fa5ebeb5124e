#!/usr/bin/env bash
# `npm run platform`: starts the whole platform on this machine (see tools/platform/main.ts).
# npm's shell execs this script and this script execs node, so the runner is npm's own child:
# a SIGINT/SIGTERM sent to npm is passed to it, and it stops everything it started.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
export NX_DAEMON=false KAFKAJS_NO_PARTITIONER_WARNING=1
exec node -r ts-node/register/transpile-only -r tsconfig-paths/register tools/platform/main.ts "$@"
