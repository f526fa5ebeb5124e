import { existsSync } from 'node:fs';
import path from 'node:path';
import { CLAIMS_SCHEMA_VERSIONS, type JkkClaimSubmitted } from './claims/events';
import { CLAIMS_SHARED_SCHEMAS } from './claims/schemas';
import { CONTRIBUTIONS_SCHEMA_VERSIONS, type ContributionBilled } from './contributions/events';
import { CONTRIBUTIONS_SHARED_SCHEMAS } from './contributions/schemas';
import {
  ENROLLMENT_PERSONAL_DATA_PATHS,
  ENROLLMENT_SCHEMA_VERSIONS,
  type HeirsDesignated,
  type ParticipantRegistered,
} from './enrollment/events';
import { ENROLLMENT_SHARED_SCHEMAS } from './enrollment/schemas';
import { PAYOUTS_SCHEMA_VERSIONS, type PayoutSettled } from './payouts/events';
import { PAYOUTS_SHARED_SCHEMAS } from './payouts/schemas';
import {
  EventPayloadSchemaRegistry,
  PUBLISHED_EVENT_SCHEMAS,
  eventPayloadSchemas,
  type PublishingContext,
} from './published-event-schemas';
import { EMPLOYERS_SCHEMA_VERSIONS, EMPLOYERS_SHARED_SCHEMAS } from './employers';
import { Topics } from './topics';

type Json = { readonly [key: string]: unknown };

const ROOT = path.resolve(__dirname, '../../..');

const VERSIONS: Readonly<Record<PublishingContext, Readonly<Record<string, number>>>> = {
  enrollment: ENROLLMENT_SCHEMA_VERSIONS,
  contributions: CONTRIBUTIONS_SCHEMA_VERSIONS,
  claims: CLAIMS_SCHEMA_VERSIONS,
  payouts: PAYOUTS_SCHEMA_VERSIONS,
  employers: EMPLOYERS_SCHEMA_VERSIONS,
};
const TOPICS = {
  enrollment: Topics.enrollmentEvents,
  contributions: Topics.contributionsEvents,
  claims: Topics.claimsEvents,
  payouts: Topics.payoutsEvents,
  // Hosted by the enrollment service, published on its topic (ADR 0037).
  employers: Topics.enrollmentEvents,
};
const SHARED = {
  enrollment: ENROLLMENT_SHARED_SCHEMAS,
  contributions: CONTRIBUTIONS_SHARED_SCHEMAS,
  claims: CLAIMS_SHARED_SCHEMAS,
  payouts: PAYOUTS_SHARED_SCHEMAS,
  employers: EMPLOYERS_SHARED_SCHEMAS,
};
const CONTEXTS = Object.keys(VERSIONS) as PublishingContext[];

/** A stand-in of the platform's encrypted field (`{"$pii":1,…}`), as it travels. */
const sealed = (field: string) => ({
  $pii: 1,
  subject: 'p-1',
  field,
  iv: 'aXY=',
  ct: 'Y3Q=',
  tag: 'dGFn',
});

/** The wire form: each personal path replaced by its sealed stand-in (`*` for array elements). */
function seal(data: object, paths: readonly string[]): Json {
  const copy = structuredClone(data) as Record<string, unknown>;
  const walk = (node: unknown, segments: readonly string[], at: string): void => {
    const [head, ...rest] = segments;
    if (head === undefined || typeof node !== 'object' || node === null) return;
    const container = node as Record<string, unknown>;
    const keys = head === '*' ? Object.keys(container) : [head];
    for (const key of keys) {
      if (!(key in container)) continue;
      const field = at === '' ? key : `${at}.${key}`;
      if (rest.length === 0) container[key] = sealed(field);
      else walk(container[key], rest, field);
    }
  };
  for (const personal of paths) walk(copy, personal.split('.'), '');
  return copy;
}

const registered: ParticipantRegistered = {
  participantId: '0b7f7a1e-6a0e-4d51-9c55-1d6f0e0a8d11',
  nik: '5371014506880001',
  fullName: 'Yohanes Bria',
  birthDate: '1988-06-05',
  sex: 'male',
  address: { line: 'Jl. El Tari 10, Oebobo', regencyCode: '5371' },
  phone: '+6281234567890',
  occupation: 'nelayan',
  declaredIncome: 1_000_000,
  incomeEffectiveFrom: '2026-01',
  membership: { kind: 'sponsored', programId: 'ntt-2026' },
};
const registeredOnWire = seal(registered, ENROLLMENT_PERSONAL_DATA_PATHS.ParticipantRegistered);

const heirs: HeirsDesignated = {
  participantId: 'p-1',
  heirs: [
    {
      heirId: 'h-widow',
      fullName: 'Maria Bria',
      relationship: 'spouse',
      birthDate: '1988-03-01',
      bankAccount: { bankCode: 'BRI', accountNumber: '0001', accountName: 'Maria Bria' },
    },
    { heirId: 'h-son', fullName: 'Paulus Bria', relationship: 'child' },
  ],
};
const heirsOnWire = seal(heirs, ENROLLMENT_PERSONAL_DATA_PATHS.HeirsDesignated);

const billed: ContributionBilled = {
  participantId: 'p-1',
  month: '2026-03',
  payer: { kind: 'self' },
  declaredIncome: 1_000_000,
  jkk: 5_000,
  jkm: 3_400,
  total: 8_400,
  ruleSetId: 'PP50-2025',
  discounted: true,
  nominalDueDate: '2026-04-15',
  dueDate: '2026-04-15',
  graceLastMonth: '2026-06',
};

const jkkSubmitted: JkkClaimSubmitted = {
  claimId: 'claim-1',
  participantId: 'p-1',
  accidentReportId: 'r-1',
  incidentDate: '2026-02-10',
  trafficAccident: false,
  dateOfDeath: null,
  benefits: [
    { kind: 'medical-care', claimedAmount: 2_500_000 },
    { kind: 'stmb', months: 2 },
  ],
  benefitType: 'jkk-temporary-incapacity',
  paymentAccount: null,
  claimant: { kind: 'participant' },
  submittedOn: '2026-02-20',
  submittedBy: 'officer-1',
  requiredDocuments: ['member-card', 'ktp', 'doctor-statement'],
};

const settled: PayoutSettled = {
  payoutId: '5c3b0c5e-8b0f-5e8e-9a63-6f3c8e1f2a10',
  batchId: '0b7f7a1e-6a0e-4d51-9c55-1d6f0e0a8d11',
  attempt: 1,
  bankReference: 'BRI-1',
  settlementReportId: 'r-1',
  amount: 20_000_000,
  settledOn: '2026-03-20',
  dueDate: '2026-03-23',
  late: false,
};

const check = (type: string, data: unknown) => eventPayloadSchemas.validate(type, 1, data);
const errorsOf = (type: string, data: unknown) => {
  const result = check(type, data);
  if (result === undefined || result.ok) throw new Error(`${type} was accepted`);
  return result.errors;
};

describe('the published event schemas', () => {
  it.each(CONTEXTS)('has a schema for every %s event type, at its schema version', (context) => {
    const published = PUBLISHED_EVENT_SCHEMAS.filter((entry) => entry.context === context);
    expect([...new Set(published.map((entry) => entry.type))].sort()).toEqual(
      Object.keys(VERSIONS[context]).sort(),
    );
    for (const [type, version] of Object.entries(VERSIONS[context])) {
      expect([type, eventPayloadSchemas.schemaOf(type, version)?.context]).toEqual([type, context]);
      expect([type, eventPayloadSchemas.topicOf(type)]).toEqual([type, TOPICS[context]]);
    }
  });

  it('names every type once across the four contexts (consumers look schemas up by type)', () => {
    const versions = PUBLISHED_EVENT_SCHEMAS.map(
      (entry) => `${entry.type} v${entry.schemaVersion}`,
    );
    expect(new Set(versions).size).toBe(versions.length);
    const types = [...new Set(PUBLISHED_EVENT_SCHEMAS.map((entry) => entry.type))];
    expect([...eventPayloadSchemas.types].sort()).toEqual(types.sort());
  });

  it('keeps every version a type was published in, the earliest first (ADR 0019)', () => {
    for (const [context, versions] of Object.entries(VERSIONS)) {
      for (const [type, current] of Object.entries(versions)) {
        const expected = Array.from({ length: current }, (_, index) => index + 1);
        expect([context, type, eventPayloadSchemas.versionsOf(type)]).toEqual([
          context,
          type,
          expected,
        ]);
      }
    }
    expect(eventPayloadSchemas.versionsOf('ParticipantDeceased')).toEqual([1, 2]);
  });

  it.each(PUBLISHED_EVENT_SCHEMAS.map((entry) => [entry.type, entry] as const))(
    '%s: its file, its title, its type, version and stream type',
    (type, entry) => {
      expect(existsSync(path.join(ROOT, entry.file))).toBe(true);
      expect(path.basename(entry.file)).toBe(entry.document.$id);
      expect(entry.document['title']).toBe(`${type} v${entry.schemaVersion}`);
      expect(entry.document['$schema']).toBe('http://json-schema.org/draft-07/schema#');
      const [envelope, own] = entry.document['allOf'] as Json[];
      expect(envelope).toEqual({ $ref: 'envelope.schema.json' });
      const properties = own?.['properties'] as Record<string, Json>;
      const envelopeSchema = SHARED[entry.context].find(
        (schema) => schema.$id === 'envelope.schema.json',
      );
      const streamTypes = (
        (envelopeSchema?.['properties'] as Record<string, Json>)['streamType'] as Json
      )['enum'] as string[];
      expect(streamTypes).toContain(properties['streamType']?.['const']);
      expect(properties['data']?.['type']).toBe('object');
    },
  );

  it('shares its basic definitions across the contexts, word for word', () => {
    const definitionsOf = (context: PublishingContext) =>
      SHARED[context].find((schema) => schema.$id === 'common.schema.json')?.[
        'definitions'
      ] as Record<string, unknown>;
    for (const name of [
      'id',
      'isoDate',
      'rupiah',
      'encryptedField',
      'bankAccount',
      'explanation',
    ]) {
      const versions = CONTEXTS.map((context) => definitionsOf(context)[name]).filter(
        (definition) => definition !== undefined,
      );
      expect([name, versions.length > 1]).toEqual([name, true]);
      for (const definition of versions) expect([name, definition]).toEqual([name, versions[0]]);
    }
  });
});

describe('eventPayloadSchemas.validate', () => {
  it('accepts payloads as they are published, personal data sealed, optional members absent', () => {
    expect(check('ParticipantRegistered', registeredOnWire)).toEqual({ ok: true });
    expect(check('HeirsDesignated', heirsOnWire)).toEqual({ ok: true });
    expect(check('ContributionBilled', billed)).toEqual({ ok: true });
    expect(
      check('ContributionBilled', {
        ...billed,
        ruleSetId: null,
        payer: { kind: 'program', programId: 'ntt-2026' },
      }),
    ).toEqual({ ok: true });
    expect(check('JkkClaimSubmitted', jkkSubmitted)).toEqual({ ok: true });
    expect(check('PayoutSettled', settled)).toEqual({ ok: true });
  });

  it('knows nothing of a type no context publishes', () => {
    expect(check('SettlementReported', {})).toBeUndefined();
    expect(check('participantregistered', registeredOnWire)).toBeUndefined();
  });

  it('refuses a known type at a version with no schema, naming the versions there are', () => {
    expect(eventPayloadSchemas.validate('ParticipantRegistered', 2, registeredOnWire)).toEqual({
      ok: false,
      errors: [
        {
          field: 'schemaVersion',
          constraint: 'schemaVersion',
          message: 'ParticipantRegistered has no published schema for version 2 (published: 1)',
        },
      ],
    });
  });

  it('names a missing member', () => {
    const { occupation: _occupation, ...data } = registeredOnWire;
    expect(errorsOf('ParticipantRegistered', data)).toEqual([
      { field: 'occupation', constraint: 'required', message: 'occupation is required' },
    ]);
  });

  it('names a member the contract does not have, at any depth', () => {
    expect(errorsOf('ParticipantRegistered', { ...registeredOnWire, note: 'x' })).toEqual([
      {
        field: 'note',
        constraint: 'additionalProperties',
        message: 'note is not a member of the payload in this contract',
      },
    ]);
    const address = { ...(registeredOnWire['address'] as Json), floor: 2 };
    expect(errorsOf('ParticipantRegistered', { ...registeredOnWire, address })).toEqual([
      {
        field: 'address.floor',
        constraint: 'additionalProperties',
        message: 'address.floor is not a member of address in this contract',
      },
    ]);
  });

  it('refuses plain personal data: it travels encrypted', () => {
    expect(errorsOf('ParticipantRegistered', { ...registeredOnWire, nik: registered.nik })).toEqual(
      [
        {
          field: 'nik',
          constraint: 'encryptedField',
          message: 'nik is personal data: it must travel encrypted ({"$pii":1,…}), not plain',
        },
      ],
    );
  });

  it('refuses rupiah as text, fractions and negative amounts', () => {
    expect(errorsOf('ContributionBilled', { ...billed, total: '8400' })).toEqual([
      { field: 'total', constraint: 'type', message: 'total must be integer' },
    ]);
    expect(errorsOf('ContributionBilled', { ...billed, jkk: 5_000.5 })).toEqual([
      { field: 'jkk', constraint: 'type', message: 'jkk must be integer' },
    ]);
    expect(errorsOf('ContributionBilled', { ...billed, jkm: -1 })).toEqual([
      { field: 'jkm', constraint: 'minimum', message: 'jkm must be >= 0' },
    ]);
  });

  it('refuses dates and months that are not calendar dates and months', () => {
    expect(errorsOf('ContributionBilled', { ...billed, dueDate: '2026-02-30' })).toEqual([
      { field: 'dueDate', constraint: 'format', message: 'dueDate must match format "date"' },
    ]);
    expect(errorsOf('ContributionBilled', { ...billed, month: '2026-13' })).toEqual([
      expect.objectContaining({ field: 'month', constraint: 'pattern' }),
    ]);
  });

  it('names the element of a list and the allowed values of an enum', () => {
    const list = heirsOnWire['heirs'] as Json[];
    const cousin = { ...heirsOnWire, heirs: [list[0], { ...list[1], relationship: 'cousin' }] };
    expect(errorsOf('HeirsDesignated', cousin)).toEqual([
      {
        field: 'heirs.1.relationship',
        constraint: 'enum',
        message:
          'heirs.1.relationship must be one of ["spouse","child","parent","grandparent","grandchild","sibling","parent-in-law","named-in-will"]',
      },
    ]);
  });

  it('checks the variant of a union its tag names, and only that one', () => {
    expect(
      errorsOf('ParticipantRegistered', { ...registeredOnWire, membership: { kind: 'sponsored' } }),
    ).toEqual([
      {
        field: 'membership.programId',
        constraint: 'required',
        message: 'membership.programId is required',
      },
    ]);
    expect(
      errorsOf('ParticipantRegistered', { ...registeredOnWire, membership: { kind: 'employer' } }),
    ).toEqual([
      {
        field: 'membership.kind',
        constraint: 'discriminator',
        message: 'membership.kind "employer" names no variant of membership',
      },
    ]);
    const benefits = [{ kind: 'stmb', months: 2, extraDays: 'three' }];
    expect(errorsOf('JkkClaimSubmitted', { ...jkkSubmitted, benefits })).toEqual([
      {
        field: 'benefits.0.extraDays',
        constraint: 'type',
        message: 'benefits.0.extraDays must be integer',
      },
    ]);
  });

  it('says what is wrong with a nullable value, without the noise of its null alternative', () => {
    expect(errorsOf('JkkClaimSubmitted', { ...jkkSubmitted, dateOfDeath: '2026-02-31' })).toEqual([
      {
        field: 'dateOfDeath',
        constraint: 'format',
        message: 'dateOfDeath must match format "date"',
      },
    ]);
    expect(errorsOf('PayoutSettled', { ...settled, dueDate: 20260323 })).toEqual([
      { field: 'dueDate', constraint: 'type', message: 'dueDate must be string' },
    ]);
  });

  it('refuses a payload that is not an object', () => {
    expect(errorsOf('ContributionBilled', [billed])).toEqual([
      { field: '', constraint: 'type', message: 'the payload must be object' },
    ]);
    expect(errorsOf('ContributionBilled', null)).toEqual([
      { field: '', constraint: 'type', message: 'the payload must be object' },
    ]);
  });

  it('leaves the payload as it was', () => {
    const data = structuredClone(registeredOnWire);
    check('ParticipantRegistered', data);
    check('ParticipantRegistered', { ...data, extra: true });
    expect(data).toEqual(registeredOnWire);
  });

  it('refuses to register one type twice or under two contexts', () => {
    const [first] = PUBLISHED_EVENT_SCHEMAS;
    if (first === undefined) throw new Error('no schemas');
    expect(() => new EventPayloadSchemaRegistry([first, first], new Map())).toThrow(
      /published twice/,
    );
    expect(
      () =>
        new EventPayloadSchemaRegistry(
          [first, { ...first, context: 'claims', schemaVersion: 2 }],
          new Map(),
        ),
    ).toThrow(/published by both/);
  });
});
