// Help texts, kept apart so `--help` answers without loading the audit library.

const CONNECTION_HELP = `Connections (defaults are what \`npm run platform\` uses):
  --database-url <url>        server of the santunan_<service> databases (DATABASE_URL, else postgres://postgres@127.0.0.1:5432)
  --<service>-database-url <url>   one service's database (enrollment, contributions, claims, payouts)
  --keys-database-url <url>   the personal-data key database (default santunan_keys on the same server)
  --no-keys                   do not use the key database: personal data stays masked
  --brokers <host:port,...>   Kafka (KAFKA_BROKERS, else 127.0.0.1:9092)
  --<service>-topic <name>    one service's events topic (default <service>.events)
  --quiet                     no progress on stderr
Without options, the databases and topics are found as the services find them:
<SERVICE>_DATABASE_URL, else <prefix>_<service> on DATABASE_URL's server (PLATFORM_DATABASE_PREFIX,
default santunan); KEYS_DATABASE_URL, else <prefix>_keys; <SERVICE>_EVENTS_TOPIC; KAFKA_BROKERS,
read as the Kafka user AUDIT_KAFKA_USERNAME / AUDIT_KAFKA_PASSWORD (else KAFKA_SASL_*).`;

export const HELP: Readonly<Record<string, string>> = {
  main: `npm run -s audit -- <command> [options]

Commands:
  verify      check every stream's hash chain and that the Kafka topics match the stores
  export      write the events of a period as NDJSON, verifiable offline (verify --file)
  report      benefits paid by type, month and kabupaten/kota, pinned to event positions;
              or a sponsor program's ledger (--program)
  explain     the chain of evidence behind a payout or a claim
  as-of       a participant, claim or sponsor program as known at a past moment
  replay      rebuild a service's read models in a fresh schema and compare with the live ones

Every command takes --help. Exit codes: 0 ok, 1 tampering/differences, 2 usage, 3 not found, 4 error.
`,
  verify: `npm run -s audit -- verify [--service <name>]... [--no-kafka] [--json]
npm run -s audit -- verify --file <export.ndjson> [--json]

Walks every stream of each service's event store checking its hash chain, then matches each
service's topic with its store (event ids, types, streams, versions, hashes). Prints the events
verified per service and, for any tampering, the service, stream, version and what differs.
With --file, verifies an export offline (no database, no Kafka). Exit 1 on any problem.

${CONNECTION_HELP}
`,
  export: `npm run -s audit -- export --from <date|instant> --to <date|instant> --out <file> [--service <name>]...

The events recorded in the period (dates are Asia/Jakarta days, --to inclusive; instants with an
offset, --to exclusive) as NDJSON: a header with the positions read up to, one line per event
with its hash and chain link, a trailer with the counts. Lines are chained, so a removed or
reordered line is detected by \`verify --file\`.

${CONNECTION_HELP}
`,
  report: `npm run -s audit -- report --period <YYYY|YYYY-MM> [--at-position <service>=<txid>:<position>]... [--json]
       npm run -s audit -- report --program <programId> [--json]

Benefits paid (settled, less returned) by type (JKK death, other JKK, JKM, scholarships), by
month and by kabupaten/kota, with the number of participants. Prints the event positions it read
up to; pass them back with --at-position to get byte-identical output later.

With --program: a sponsor program's ledger read from the contributions event store — budget,
workers enrolled, billed, received, paid to dues, refunded after deaths, remaining budget, and
each statement month — the figures its console page shows, to check them against.

${CONNECTION_HELP}
`,
  explain: `npm run -s audit -- explain payout <payoutId> | claim <claimId> [--json]

From the payout back to the decision (rule set, components, legal basis, maker and checker), the
eligibility facts, the contribution payments that made the worker covered and the enrollment
data; each step with event id, recorded time, actor and hash. Personal data is decrypted with the
key database, masked without it (--no-keys).

${CONNECTION_HELP}
`,
  'as-of': `npm run -s audit -- as-of <participant|claim|program> <id> --at <ISO instant> [--json]

The entity folded from the events recorded up to --at; each fact shows when it happened
(incident date, effective month, paid on) apart from when the platform recorded it, and facts
recorded later about earlier happenings are listed apart.

${CONNECTION_HELP}
`,
  replay: `npm run -s audit -- replay <enrollment|contributions|claims|payouts> [--json]

Rebuilds the service's read models from its event store into a fresh schema of its database (up
to the positions the live models had reached), compares them row by row with the live ones,
lists the differences and drops the schema. Exit 1 on any difference.

${CONNECTION_HELP}
`,
};
