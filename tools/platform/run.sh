#!/usr/bin/env bash
# `npm run platform`: starts the whole platform on this machine (see tools/platform/main.ts).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
export NX_DAEMON=false KAFKAJS_NO_PARTITIONER_WARNING=1
exec node -r ts-node/register/transpile-only -r tsconfig-paths/register tools/platform/main.ts "$@"
