/**
 * Every event the contexts publish, by type and schema version, with its JSON Schema: the
 * contract consumers check a message's `data` against (ADR 0019). The schemas describe the
 * wire form, personal fields as encrypted objects, exactly as the outbox relay publishes them.
 */
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { CLAIMS_EVENT_SCHEMAS, CLAIMS_SHARED_SCHEMAS } from './claims/schemas';
import {
  CONTRIBUTIONS_EARLIER_SCHEMAS,
  CONTRIBUTIONS_EVENT_SCHEMAS,
  CONTRIBUTIONS_SHARED_SCHEMAS,
} from './contributions/schemas';
import {
  ENROLLMENT_EARLIER_EVENT_SCHEMAS,
  ENROLLMENT_EVENT_SCHEMAS,
  ENROLLMENT_SHARED_SCHEMAS,
} from './enrollment/schemas';
import { EMPLOYERS_EVENT_SCHEMAS, EMPLOYERS_SHARED_SCHEMAS } from './employers/schemas';
import type { JsonSchemaDocument } from './json-schema';
import { PAYOUTS_EVENT_SCHEMAS, PAYOUTS_SHARED_SCHEMAS } from './payouts/schemas';
import { Topics, type Topic } from './topics';

/**
 * The contexts whose events are published. The employers context is hosted by the enrollment
 * service: its events go out on `enrollment.events`, signed by enrollment (ADR 0037).
 */
export type PublishingContext = 'enrollment' | 'contributions' | 'claims' | 'payouts' | 'employers';

/** One published event type at one schema version. */
export interface PublishedEventSchema {
  readonly context: PublishingContext;
  readonly topic: Topic;
  readonly type: string;
  readonly schemaVersion: number;
  /** The whole envelope with its `data` (`allOf: [envelope, { …, data }]`). */
  readonly document: JsonSchemaDocument;
  /** Where the file is, from the repository root (for documents that reference it). */
  readonly file: string;
}

/** One failed constraint of a payload, shaped like the platform's field errors. */
export interface EventSchemaViolation {
  /** Dotted path into `data`, e.g. `heirs.0.fullName`; empty for the payload itself. */
  readonly field: string;
  /** The JSON Schema keyword that failed, e.g. `required`, `type`, `additionalProperties`. */
  readonly constraint: string;
  readonly message: string;
}

export type EventPayloadCheck =
  | { readonly ok: true }
  | { readonly ok: false; readonly errors: readonly EventSchemaViolation[] };

interface ContextSchemas {
  readonly context: PublishingContext;
  readonly topic: Topic;
  readonly shared: readonly JsonSchemaDocument[];
  /** The current schema of each type; `earlier` keeps the versions it replaced (ADR 0019). */
  readonly current: Readonly<Record<string, JsonSchemaDocument>>;
  readonly earlier: readonly JsonSchemaDocument[];
}

const CONTEXTS: readonly ContextSchemas[] = [
  {
    context: 'enrollment',
    topic: Topics.enrollmentEvents,
    shared: ENROLLMENT_SHARED_SCHEMAS,
    current: ENROLLMENT_EVENT_SCHEMAS,
    earlier: ENROLLMENT_EARLIER_EVENT_SCHEMAS,
  },
  {
    context: 'contributions',
    topic: Topics.contributionsEvents,
    shared: CONTRIBUTIONS_SHARED_SCHEMAS,
    current: CONTRIBUTIONS_EVENT_SCHEMAS,
    earlier: CONTRIBUTIONS_EARLIER_SCHEMAS,
  },
  {
    context: 'claims',
    topic: Topics.claimsEvents,
    shared: CLAIMS_SHARED_SCHEMAS,
    current: CLAIMS_EVENT_SCHEMAS,
    earlier: [],
  },
  {
    context: 'payouts',
    topic: Topics.payoutsEvents,
    shared: PAYOUTS_SHARED_SCHEMAS,
    current: PAYOUTS_EVENT_SCHEMAS,
    earlier: [],
  },
  {
    context: 'employers',
    topic: Topics.enrollmentEvents,
    shared: EMPLOYERS_SHARED_SCHEMAS,
    current: EMPLOYERS_EVENT_SCHEMAS,
    earlier: [],
  },
];

type Json = Readonly<Record<string, unknown>>;

/** The part of an event schema that is the event's own: `allOf[1]`. */
function ownPart(document: JsonSchemaDocument): Json {
  const allOf = document['allOf'];
  const own = Array.isArray(allOf) ? (allOf[1] as Json | undefined) : undefined;
  const properties = own?.['properties'] as Json | undefined;
  if (properties === undefined) throw new Error(`${document.$id} is not an event schema`);
  return properties;
}

function constOf(properties: Json, member: string, document: JsonSchemaDocument): unknown {
  const value = (properties[member] as Json | undefined)?.['const'];
  if (value === undefined) throw new Error(`${document.$id} names no ${member} (const)`);
  return value;
}

function entriesOf(context: ContextSchemas): PublishedEventSchema[] {
  return [...Object.values(context.current), ...context.earlier].map((document) => {
    const own = ownPart(document);
    return {
      context: context.context,
      topic: context.topic,
      type: String(constOf(own, 'type', document)),
      schemaVersion: Number(constOf(own, 'schemaVersion', document)),
      document,
      file: `libs/contracts/src/${context.context}/schemas/${document.$id}`,
    };
  });
}

/** Every published event schema, every version, in context order. */
export const PUBLISHED_EVENT_SCHEMAS: readonly PublishedEventSchema[] = CONTEXTS.flatMap(entriesOf);

const VIOLATION_LIMIT = 20;

/** `/heirs/0/full~1name` → `heirs.0.full/name`. */
function dotted(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.');
}

const join = (parent: string, member: string): string =>
  parent === '' ? member : `${parent}.${member}`;

function violationOf(error: ErrorObject): EventSchemaViolation {
  const at = dotted(error.instancePath);
  const params = error.params as Record<string, unknown>;
  const label = (field: string) => (field === '' ? 'the payload' : field);
  if (error.schemaPath.includes('/definitions/encryptedField/') && error.keyword === 'type') {
    return {
      field: at,
      constraint: 'encryptedField',
      message: `${label(at)} is personal data: it must travel encrypted ({"$pii":1,…}), not plain`,
    };
  }
  switch (error.keyword) {
    case 'required': {
      const field = join(at, String(params['missingProperty']));
      return { field, constraint: 'required', message: `${field} is required` };
    }
    case 'additionalProperties': {
      const field = join(at, String(params['additionalProperty']));
      return {
        field,
        constraint: 'additionalProperties',
        message: `${field} is not a member of ${at === '' ? 'the payload' : at} in this contract`,
      };
    }
    case 'enum':
      return {
        field: at,
        constraint: 'enum',
        message: `${label(at)} must be one of ${JSON.stringify(params['allowedValues'])}`,
      };
    case 'discriminator': {
      const field = join(at, String(params['tag']));
      return params['error'] === 'mapping'
        ? {
            field,
            constraint: 'discriminator',
            message: `${field} ${JSON.stringify(params['tagValue'])} names no variant of ${label(at)}`,
          }
        : { field, constraint: 'discriminator', message: `${field} must be a string` };
    }
    case 'const':
      return {
        field: at,
        constraint: 'const',
        message: `${label(at)} must be ${JSON.stringify(params['allowedValue'])}`,
      };
    default:
      return {
        field: at,
        constraint: error.keyword,
        message: `${label(at)} ${error.message ?? 'is invalid'}`,
      };
  }
}

/**
 * Ajv reports every branch of a failed `oneOf`; of a nullable value (`oneOf: [x, null]`) only
 * the non-null branch says what is wrong. Drops the "must be null" and "must match exactly one
 * schema" noise wherever a more specific error names the same place or one inside it.
 */
function essential(errors: readonly ErrorObject[]): ErrorObject[] {
  const inside = (error: ErrorObject, other: ErrorObject) =>
    other !== error &&
    (other.instancePath === error.instancePath ||
      other.instancePath.startsWith(`${error.instancePath}/`));
  const isNoise = (error: ErrorObject) =>
    error.keyword === 'oneOf' ||
    error.keyword === 'anyOf' ||
    (error.keyword === 'type' && (error.params as { type?: unknown }).type === 'null');
  const specific = errors.filter((error) => !isNoise(error));
  return errors.filter(
    (error) => !isNoise(error) || !specific.some((other) => inside(error, other)),
  );
}

function uniqueViolations(errors: readonly ErrorObject[]): EventSchemaViolation[] {
  const seen = new Set<string>();
  const violations: EventSchemaViolation[] = [];
  for (const violation of essential(errors).map(violationOf)) {
    const key = `${violation.field}\u0000${violation.constraint}\u0000${violation.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    violations.push(violation);
  }
  return violations.slice(0, VIOLATION_LIMIT);
}

/**
 * Validates event payloads against the published schemas. Compiles lazily (one Ajv per context,
 * a type's validator on its first message), so importing the contracts costs nothing.
 */
export class EventPayloadSchemaRegistry {
  private readonly entries = new Map<string, Map<number, PublishedEventSchema>>();
  private readonly ajvs = new Map<PublishingContext, Ajv>();
  private readonly validators = new Map<PublishedEventSchema, ValidateFunction>();

  constructor(
    private readonly schemas: readonly PublishedEventSchema[],
    private readonly shared: ReadonlyMap<PublishingContext, readonly JsonSchemaDocument[]>,
  ) {
    for (const schema of schemas) {
      const versions = this.entries.get(schema.type) ?? new Map<number, PublishedEventSchema>();
      const clash = versions.get(schema.schemaVersion);
      if (clash !== undefined) {
        throw new Error(
          `${schema.type} v${schema.schemaVersion} is published twice (${clash.file}, ${schema.file})`,
        );
      }
      const other = [...versions.values()].find((known) => known.context !== schema.context);
      if (other !== undefined) {
        throw new Error(
          `${schema.type} is published by both ${other.context} and ${schema.context}`,
        );
      }
      versions.set(schema.schemaVersion, schema);
      this.entries.set(schema.type, versions);
    }
  }

  /** Every published type, in context order. */
  get types(): readonly string[] {
    return [...this.entries.keys()];
  }

  /** The schema of a type at a version, or undefined. */
  schemaOf(type: string, schemaVersion: number): PublishedEventSchema | undefined {
    return this.entries.get(type)?.get(schemaVersion);
  }

  /** The published versions of a type, ascending (empty for an unknown type). */
  versionsOf(type: string): readonly number[] {
    return [...(this.entries.get(type)?.keys() ?? [])].sort((a, b) => a - b);
  }

  /** The topic a type is published on, or undefined when no context publishes it. */
  topicOf(type: string): Topic | undefined {
    const versions = this.entries.get(type);
    return versions === undefined ? undefined : [...versions.values()][0]?.topic;
  }

  /**
   * Checks an event's `data` against the schema of its type and version. `undefined` when no
   * context publishes the type (nothing to check it against); a known type at a version with
   * no schema fails, naming the versions there are.
   */
  validate(type: string, schemaVersion: number, data: unknown): EventPayloadCheck | undefined {
    const versions = this.entries.get(type);
    if (versions === undefined) return undefined;
    const schema = versions.get(schemaVersion);
    if (schema === undefined) {
      return {
        ok: false,
        errors: [
          {
            field: 'schemaVersion',
            constraint: 'schemaVersion',
            message: `${type} has no published schema for version ${String(schemaVersion)} (published: ${this.versionsOf(type).join(', ')})`,
          },
        ],
      };
    }
    const validate = this.validatorOf(schema);
    return validate(data)
      ? { ok: true }
      : { ok: false, errors: uniqueViolations(validate.errors ?? []) };
  }

  private validatorOf(schema: PublishedEventSchema): ValidateFunction {
    const known = this.validators.get(schema);
    if (known !== undefined) return known;
    const compiled = this.ajvOf(schema.context).compile({
      $ref: `${schema.document.$id}#/allOf/1/properties/data`,
    });
    this.validators.set(schema, compiled);
    return compiled;
  }

  private ajvOf(context: PublishingContext): Ajv {
    const known = this.ajvs.get(context);
    if (known !== undefined) return known;
    // One instance per context: each context's schemas use the same relative $ids.
    const ajv = new Ajv({
      allErrors: true,
      strict: true,
      strictRequired: false,
      discriminator: true,
    });
    addFormats(ajv);
    for (const document of this.shared.get(context) ?? []) ajv.addSchema(document);
    for (const entry of this.schemas) {
      if (entry.context === context) ajv.addSchema(entry.document);
    }
    this.ajvs.set(context, ajv);
    return ajv;
  }
}

/**
 * The published contract of every event type on `enrollment.events`, `contributions.events`,
 * `claims.events` and `payouts.events`: `eventPayloadSchemas.validate(type, schemaVersion, data)`.
 */
export const eventPayloadSchemas = new EventPayloadSchemaRegistry(
  PUBLISHED_EVENT_SCHEMAS,
  new Map(CONTEXTS.map((context) => [context.context, context.shared])),
);
