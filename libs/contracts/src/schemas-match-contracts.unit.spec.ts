// The JSON Schemas restate the TypeScript contracts for everyone who does not read TypeScript;
// this test keeps the two the same. It walks each event type of each context's event map with
// the compiler and the event's `data` schema side by side: the same members, the same optional
// ones, nullable where the type says `| null`, the same literals in enums and consts, the same
// variants of every union, arrays of the same things, and a personal field (PERSONAL_DATA_PATHS)
// exactly where the schema says the value travels encrypted.
import path from 'node:path';
import ts from 'typescript';
import { PUBLISHED_EVENT_SCHEMAS, type PublishingContext } from './published-event-schemas';
import { CLAIMS_PERSONAL_DATA_PATHS } from './claims/events';
import { CLAIMS_SHARED_SCHEMAS } from './claims/schemas';
import { CONTRIBUTIONS_PERSONAL_DATA_PATHS } from './contributions/events';
import { CONTRIBUTIONS_SHARED_SCHEMAS } from './contributions/schemas';
import { ENROLLMENT_PERSONAL_DATA_PATHS } from './enrollment/events';
import { ENROLLMENT_SHARED_SCHEMAS } from './enrollment/schemas';
import { PAYOUTS_PERSONAL_DATA_PATHS } from './payouts/events';
import { PAYOUTS_SHARED_SCHEMAS } from './payouts/schemas';
import { EMPLOYERS_PERSONAL_DATA_PATHS, EMPLOYERS_SHARED_SCHEMAS } from './employers';
import type { JsonSchemaDocument } from './json-schema';

type Json = { readonly [key: string]: unknown };

const CONTEXTS: Readonly<
  Record<
    PublishingContext,
    {
      readonly file: string;
      readonly map: string;
      readonly shared: readonly JsonSchemaDocument[];
      readonly personal: Readonly<Record<string, readonly string[]>>;
      /** Maps of the payloads of earlier schema versions still published, by version. */
      readonly earlier?: Readonly<Record<number, string>>;
    }
  >
> = {
  enrollment: {
    file: 'enrollment/events.ts',
    map: 'EnrollmentEventMap',
    shared: ENROLLMENT_SHARED_SCHEMAS,
    personal: ENROLLMENT_PERSONAL_DATA_PATHS,
    earlier: { 1: 'EnrollmentEventMapV1' },
  },
  contributions: {
    file: 'contributions/events.ts',
    map: 'ContributionsEventMap',
    shared: CONTRIBUTIONS_SHARED_SCHEMAS,
    personal: CONTRIBUTIONS_PERSONAL_DATA_PATHS,
    earlier: { 1: 'ContributionsEventMapV1' },
  },
  claims: {
    file: 'claims/events.ts',
    map: 'ClaimsEventMap',
    shared: CLAIMS_SHARED_SCHEMAS,
    personal: CLAIMS_PERSONAL_DATA_PATHS,
  },
  payouts: {
    file: 'payouts/events.ts',
    map: 'PayoutsEventMap',
    shared: PAYOUTS_SHARED_SCHEMAS,
    personal: PAYOUTS_PERSONAL_DATA_PATHS,
  },
  employers: {
    file: 'employers/events.ts',
    map: 'EmployersEventMap',
    shared: EMPLOYERS_SHARED_SCHEMAS,
    personal: EMPLOYERS_PERSONAL_DATA_PATHS,
  },
};

const program = ts.createProgram(
  Object.values(CONTEXTS).map((context) => path.join(__dirname, context.file)),
  {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: [],
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
  },
);
const checker = program.getTypeChecker();

/** The event types of a context's event map (or of an earlier version's map), with payloads. */
function eventMap(context: PublishingContext, map = CONTEXTS[context].map): Map<string, ts.Type> {
  const source = program.getSourceFile(path.join(__dirname, CONTEXTS[context].file));
  const declaration = source?.statements.find(
    (statement): statement is ts.InterfaceDeclaration =>
      ts.isInterfaceDeclaration(statement) && statement.name.text === map,
  );
  if (declaration === undefined) throw new Error(`${map} not found`);
  const mapType = checker.getTypeAtLocation(declaration);
  return new Map(
    mapType
      .getProperties()
      .map((member) => [member.name, checker.getTypeOfSymbolAtLocation(member, declaration)]),
  );
}

class Walk {
  readonly problems: string[] = [];
  private readonly definitions: Json;

  constructor(
    private readonly context: PublishingContext,
    private readonly personal: ReadonlySet<string>,
  ) {
    const common = CONTEXTS[context].shared.find((schema) => schema.$id === 'common.schema.json');
    this.definitions = (common?.['definitions'] ?? {}) as Json;
  }

  private resolve(schema: Json): Json {
    const ref = schema['$ref'];
    if (typeof ref !== 'string') return schema;
    const name = ref.replace('common.schema.json#/definitions/', '');
    const found = this.definitions[name] as Json | undefined;
    if (found === undefined) throw new Error(`${this.context}: unresolved ${ref}`);
    return this.resolve(found);
  }

  private isEncrypted(schema: Json): boolean {
    return schema['$ref'] === 'common.schema.json#/definitions/encryptedField';
  }

  /** The schema without its null alternative, and whether it had one. */
  private nullable(schema: Json): { core: Json; nullable: boolean } {
    const resolved = this.resolve(schema);
    const oneOf = resolved['oneOf'] as Json[] | undefined;
    if (oneOf !== undefined && oneOf.some((branch) => branch['type'] === 'null')) {
      const rest = oneOf.filter((branch) => branch['type'] !== 'null');
      return {
        core: rest.length === 1 ? this.resolve(rest[0] as Json) : { oneOf: rest },
        nullable: true,
      };
    }
    const type = resolved['type'];
    if (Array.isArray(type) && type.includes('null')) {
      const others = type.filter((entry) => entry !== 'null');
      return {
        core: { ...resolved, type: others.length === 1 ? others[0] : others },
        nullable: true,
      };
    }
    const values = resolved['enum'] as unknown[] | undefined;
    if (values?.includes(null)) {
      return {
        core: { ...resolved, enum: values.filter((value) => value !== null) },
        nullable: true,
      };
    }
    return { core: resolved, nullable: false };
  }

  compare(type: ts.Type, schema: Json, at: string): void {
    if (this.personal.has(at)) {
      if (!this.isEncrypted(schema))
        this.problems.push(`${at}: personal, but not an encryptedField`);
      return;
    }
    if (this.isEncrypted(schema)) {
      this.problems.push(`${at}: encrypted in the schema, but not in PERSONAL_DATA_PATHS`);
      return;
    }
    const parts = type.isUnion() ? type.types : [type];
    const hasNull = parts.some((part) => (part.flags & ts.TypeFlags.Null) !== 0);
    const rest = parts.filter(
      (part) => (part.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined)) === 0,
    );
    const { core, nullable } = this.nullable(schema);
    if (hasNull !== nullable) {
      this.problems.push(
        `${at}: ${hasNull ? 'nullable' : 'not nullable'} in TypeScript, ${nullable ? 'nullable' : 'not nullable'} in the schema`,
      );
    }
    this.compareCore(rest, core, at);
  }

  private compareCore(parts: readonly ts.Type[], schema: Json, at: string): void {
    const label = (): string => parts.map((part) => checker.typeToString(part)).join(' | ');
    const booleans = parts.filter((part) => (part.flags & ts.TypeFlags.BooleanLike) !== 0);
    if (booleans.length === parts.length) {
      if (schema['type'] !== 'boolean')
        this.problems.push(`${at}: boolean, schema says ${JSON.stringify(schema['type'])}`);
      return;
    }
    if (parts.every((part) => part.isStringLiteral() || part.isNumberLiteral())) {
      const literals = parts.map((part) => (part as ts.LiteralType).value).sort();
      const allowed =
        schema['const'] !== undefined
          ? [schema['const']]
          : ((schema['enum'] as unknown[] | undefined) ?? []).slice().sort();
      if (JSON.stringify(literals) !== JSON.stringify(allowed)) {
        this.problems.push(
          `${at}: ${JSON.stringify(literals)} in TypeScript, ${JSON.stringify(allowed)} in the schema`,
        );
      }
      return;
    }
    if (parts.length > 1) {
      this.compareVariants(parts, schema, at);
      return;
    }
    const [only] = parts;
    if (only === undefined) return;
    if ((only.flags & ts.TypeFlags.String) !== 0) {
      if (schema['type'] !== 'string')
        this.problems.push(`${at}: string, schema says ${JSON.stringify(schema['type'])}`);
      return;
    }
    if ((only.flags & ts.TypeFlags.Number) !== 0) {
      if (schema['type'] !== 'integer' && schema['type'] !== 'number') {
        this.problems.push(`${at}: number, schema says ${JSON.stringify(schema['type'])}`);
      }
      return;
    }
    if (checker.isArrayType(only) || checker.isTupleType(only)) {
      const [element] = checker.getTypeArguments(only as ts.TypeReference);
      const items = schema['items'] as Json | undefined;
      if (schema['type'] !== 'array' || items === undefined || element === undefined) {
        this.problems.push(`${at}: an array, schema says ${JSON.stringify(schema['type'])}`);
        return;
      }
      this.compare(element, items, `${at}.*`);
      return;
    }
    if ((only.flags & ts.TypeFlags.Object) !== 0) {
      this.compareObject(only, schema, at);
      return;
    }
    this.problems.push(`${at}: ${label()} is not a JSON contract type`);
  }

  private compareObject(type: ts.Type, schema: Json, at: string): void {
    if (schema['type'] !== 'object') {
      this.problems.push(`${at}: an object, schema says ${JSON.stringify(schema['type'])}`);
      return;
    }
    const members = type.getProperties();
    const properties = schema['properties'] as Json | undefined;
    if (members.length === 0 && checker.getIndexInfosOfType(type).length > 0) {
      // A JSON record ({ [key: string]: JsonValue }): any members, as the schema must allow.
      if (properties !== undefined || schema['additionalProperties'] === false) {
        this.problems.push(`${at}: a JSON record in TypeScript, a closed object in the schema`);
      }
      return;
    }
    if (schema['additionalProperties'] !== false) {
      this.problems.push(`${at || 'data'}: a closed contract, but the schema allows other members`);
    }
    const names = members.map((member) => member.name).sort();
    const listed = Object.keys(properties ?? {}).sort();
    if (JSON.stringify(names) !== JSON.stringify(listed)) {
      this.problems.push(
        `${at || 'data'}: members ${JSON.stringify(names)} in TypeScript, ${JSON.stringify(listed)} in the schema`,
      );
    }
    const required = members
      .filter((member) => (member.flags & ts.SymbolFlags.Optional) === 0)
      .map((member) => member.name)
      .sort();
    const schemaRequired = ((schema['required'] as string[] | undefined) ?? []).slice().sort();
    if (JSON.stringify(required) !== JSON.stringify(schemaRequired)) {
      this.problems.push(
        `${at || 'data'}: required ${JSON.stringify(required)} in TypeScript, ${JSON.stringify(schemaRequired)} in the schema`,
      );
    }
    for (const member of members.filter((candidate) => listed.includes(candidate.name))) {
      const memberType = checker.getTypeOfSymbol(member);
      this.compare(
        memberType,
        (properties as Json)[member.name] as Json,
        at === '' ? member.name : `${at}.${member.name}`,
      );
    }
  }

  /** A discriminated union: each TypeScript variant against the schema variant of its tag. */
  private compareVariants(parts: readonly ts.Type[], schema: Json, at: string): void {
    const variants = ((schema['oneOf'] as Json[] | undefined) ?? []).map((variant) =>
      this.resolve(variant),
    );
    if (variants.length !== parts.length) {
      this.problems.push(
        `${at}: ${parts.length} variants in TypeScript, ${variants.length} in the schema`,
      );
      return;
    }
    const tag = (schema['discriminator'] as Json | undefined)?.['propertyName'];
    if (typeof tag !== 'string') {
      this.problems.push(`${at}: a union without a discriminator in the schema`);
      return;
    }
    for (const part of parts) {
      const member = part.getProperty(tag);
      const tagType = member === undefined ? undefined : checker.getTypeOfSymbol(member);
      const values = (tagType?.isUnion() ? tagType.types : tagType ? [tagType] : [])
        .map((value) => (value as ts.LiteralType).value)
        .sort();
      const match = variants.find((variant) => {
        const tagSchema = this.resolve(((variant['properties'] as Json)[tag] ?? {}) as Json);
        const allowed =
          tagSchema['const'] !== undefined
            ? [tagSchema['const']]
            : ((tagSchema['enum'] as unknown[]) ?? []).slice().sort();
        return JSON.stringify(allowed) === JSON.stringify(values);
      });
      if (match === undefined) {
        this.problems.push(`${at}: no schema variant for ${tag} ${JSON.stringify(values)}`);
        continue;
      }
      this.compareObject(part, match, at);
    }
  }
}

describe('the published JSON Schemas state the TypeScript contracts exactly', () => {
  const newest = (type: string) =>
    Math.max(
      ...PUBLISHED_EVENT_SCHEMAS.filter((entry) => entry.type === type).map(
        (entry) => entry.schemaVersion,
      ),
    );
  const cases = (Object.keys(CONTEXTS) as PublishingContext[]).flatMap((context) => [
    ...[...eventMap(context)].map(([type, payload]) => ({
      context,
      type,
      version: newest(type),
      payload,
    })),
    ...Object.entries(CONTEXTS[context].earlier ?? {}).flatMap(([version, map]) =>
      [...eventMap(context, map)].map(([type, payload]) => ({
        context,
        type,
        version: Number(version),
        payload,
      })),
    ),
  ]);

  it('walks every event type of the four contexts, every version published', () => {
    expect(cases.length).toBe(PUBLISHED_EVENT_SCHEMAS.length);
  });

  it.each(
    cases.map((entry) => [`${entry.context} ${entry.type} v${entry.version}`, entry] as const),
  )('%s', (_name, { context, type, version, payload }) => {
    const published = PUBLISHED_EVENT_SCHEMAS.find(
      (entry) => entry.type === type && entry.schemaVersion === version,
    );
    expect(published?.context).toBe(context);
    const [, own] = published?.document['allOf'] as Json[];
    const data = (own?.['properties'] as Json)['data'] as Json;
    const walk = new Walk(context, new Set(CONTEXTS[context].personal[type] ?? []));
    walk.compare(payload, data, '');
    expect(walk.problems).toEqual([]);
  });
});
