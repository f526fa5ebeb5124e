import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import {
  PAYOUTS_PERSONAL_DATA_PATHS,
  PAYOUTS_SCHEMA_VERSIONS,
  type PayoutsEventType,
} from './events';
import { PayoutsSchemaValidator } from './schema-validator';
import { PAYOUTS_EVENT_SCHEMAS, PAYOUTS_SHARED_SCHEMAS } from './schemas';

type Json = { readonly [key: string]: unknown };

const ROOT = path.resolve(__dirname, '../../../..');
const TYPES = Object.keys(PAYOUTS_SCHEMA_VERSIONS) as PayoutsEventType[];
const common = PAYOUTS_SHARED_SCHEMAS.find((schema) => schema.$id === 'common.schema.json') as Json;
const definitions = common['definitions'] as Record<string, Json>;

/** Follows `common.schema.json#/definitions/x` and nullable `oneOf`s to the schema meant. */
function resolve(schema: Json): Json {
  const ref = schema['$ref'];
  if (typeof ref === 'string') {
    const found = definitions[ref.replace('common.schema.json#/definitions/', '')];
    if (found === undefined) throw new Error(`unresolved ${ref}`);
    return resolve(found);
  }
  const oneOf = schema['oneOf'] as Json[] | undefined;
  return oneOf?.[0] !== undefined ? resolve(oneOf[0]) : schema;
}

function dataSchemaOf(type: PayoutsEventType): Json {
  const [, own] = PAYOUTS_EVENT_SCHEMAS[type]['allOf'] as Json[];
  return ((own?.['properties'] as Json)['data'] ?? {}) as Json;
}

/** The schema at a dotted path, its last step left unresolved (to see its `$ref`). */
function leaf(schema: Json, dotted: string): Json | undefined {
  let node: Json | undefined = schema;
  for (const segment of dotted.split('.')) {
    if (node === undefined) return undefined;
    node = resolve(node);
    node =
      segment === '*'
        ? (node['items'] as Json | undefined)
        : ((node['properties'] as Json | undefined)?.[segment] as Json | undefined);
  }
  return node;
}

const sealed = (field: string) => ({
  $pii: 1,
  subject: 'p-1',
  field,
  iv: 'aXY=',
  ct: 'Y3Q=',
  tag: 'dGFn',
});

const scheduled = {
  eventId: '0b7f7a1e-6a0e-4d51-9c55-1d6f0e0a8d11',
  type: 'PayoutScheduled',
  schemaVersion: 1,
  streamId: 'payout-5c3b0c5e-8b0f-5e8e-9a63-6f3c8e1f2a10',
  streamType: 'payout',
  version: 1,
  globalPosition: '42',
  occurredAt: '2026-03-16T03:00:00.000Z',
  recordedAt: '2026-03-16T03:00:00.120Z',
  metadata: {
    correlationId: 'c-1',
    causationId: 'e-1',
    actor: { id: 'payouts.claims-decisions', kind: 'system' },
  },
  data: {
    payoutId: '5c3b0c5e-8b0f-5e8e-9a63-6f3c8e1f2a10',
    kind: 'benefit',
    decision: {
      decisionId: 'd-1',
      source: 'claim-decision',
      claimId: 'claim-1',
      entitlementId: null,
      applicationId: null,
    },
    participantId: 'p-1',
    program: 'jkm',
    benefitType: 'jkm-death',
    beneficiary: {
      beneficiaryId: 'heir:h-widow',
      kind: 'heir',
      fullName: sealed('beneficiary.fullName'),
      relationship: 'spouse',
      accountHolder: null,
    },
    bankAccount: {
      bankCode: 'BRI',
      accountNumber: sealed('bankAccount.accountNumber'),
      accountName: sealed('bankAccount.accountName'),
    },
    components: [{ code: 'JKM_LUMP_SUM', amount: 20_000_000 }],
    amount: 20_000_000,
    currency: 'IDR',
    dueDate: '2026-03-23',
    sla: {
      program: 'jkm',
      documentsCompletedOn: '2026-03-16',
      dueDate: '2026-03-23',
      ruleSetId: 'PP50-2025',
    },
    regencyCode: null,
    compensation: null,
    scheduledOn: '2026-03-16',
  },
  hash: 'a'.repeat(64),
  previousHash: null,
};

describe('the payouts contract', () => {
  const validator = new PayoutsSchemaValidator();

  it('has a JSON Schema for every event type, at its schema version', () => {
    expect(Object.keys(PAYOUTS_EVENT_SCHEMAS).sort()).toEqual([...TYPES].sort());
    for (const type of TYPES) {
      const [, own] = PAYOUTS_EVENT_SCHEMAS[type]['allOf'] as Json[];
      const properties = own?.['properties'] as Record<string, Json>;
      expect([type, properties['type']?.['const'], properties['schemaVersion']?.['const']]).toEqual(
        [type, type, PAYOUTS_SCHEMA_VERSIONS[type]],
      );
    }
  });

  it.each(TYPES)('declares every personal field of %s as encrypted on the wire', (type) => {
    for (const field of PAYOUTS_PERSONAL_DATA_PATHS[type]) {
      expect([field, leaf(dataSchemaOf(type), field)?.['$ref']]).toEqual([
        field,
        'common.schema.json#/definitions/encryptedField',
      ]);
    }
  });

  it('accepts an event as published, and refuses plain personal data, fractions and unknown members', () => {
    expect(validator.checkEvent(scheduled)).toEqual({ valid: true });
    const plain = {
      ...scheduled,
      data: {
        ...scheduled.data,
        bankAccount: { ...scheduled.data.bankAccount, accountNumber: '0001' },
      },
    };
    expect(validator.checkEvent(plain).valid).toBe(false);
    expect(
      validator.checkEvent({ ...scheduled, data: { ...scheduled.data, amount: 20_000_000.5 } })
        .valid,
    ).toBe(false);
    expect(
      validator.checkEvent({ ...scheduled, data: { ...scheduled.data, note: 'x' } }).valid,
    ).toBe(false);
    expect(validator.checkEvent({ ...scheduled, type: 'PayoutLost' })).toMatchObject({
      valid: false,
    });
  });

  it('checks settlement reports: a failure needs the bank’s reason code', () => {
    const report = {
      schemaVersion: 1,
      reportId: 'r-1',
      payoutId: '5c3b0c5e-8b0f-5e8e-9a63-6f3c8e1f2a10',
      batchId: '0b7f7a1e-6a0e-4d51-9c55-1d6f0e0a8d11',
      outcome: 'settled',
      bankReference: 'BRI-1',
      amount: 20_000_000,
      valueDate: '2026-03-20',
      reasonCode: null,
      reason: null,
      reportedAt: '2026-03-20T10:00:00+07:00',
    };
    expect(validator.checkSettlementReport(report)).toEqual({ valid: true });
    expect(validator.checkSettlementReport({ ...report, outcome: 'failed' }).valid).toBe(false);
    expect(
      validator.checkSettlementReport({
        ...report,
        outcome: 'failed',
        reasonCode: 'ACCOUNT_CLOSED',
      }).valid,
    ).toBe(true);
    expect(validator.checkSettlementReport({ ...report, valueDate: '2026-02-30' }).valid).toBe(
      false,
    );
  });

  it('is described by the AsyncAPI document: every event type a message of payouts.events, by its schema file', () => {
    const file = path.join(ROOT, 'docs/asyncapi/payouts.asyncapi.yaml');
    const document = parse(readFileSync(file, 'utf8')) as {
      channels: Record<string, { address: string; messages: Record<string, { $ref: string }> }>;
      components: { messages: Record<string, { payload: { schema: { $ref: string } } }> };
    };
    expect(document.channels['payoutsEvents']?.address).toBe('payouts.events');
    expect(document.channels['payoutSettlements']?.address).toBe('payouts.settlements');
    expect(Object.keys(document.channels['payoutsEvents']?.messages ?? {}).sort()).toEqual(
      [...TYPES].sort(),
    );
    for (const [name, message] of Object.entries(document.components.messages)) {
      const schemaFile = path.resolve(path.dirname(file), message.payload.schema.$ref);
      expect([name, existsSync(schemaFile)]).toEqual([name, true]);
      const schema = JSON.parse(readFileSync(schemaFile, 'utf8')) as Json;
      const expected =
        name === 'SettlementReport'
          ? 'settlement-report.schema.json'
          : PAYOUTS_EVENT_SCHEMAS[name as PayoutsEventType].$id;
      expect(schema['$id']).toBe(expected);
    }
  });
});
