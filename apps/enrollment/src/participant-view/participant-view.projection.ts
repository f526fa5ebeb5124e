import type { EnrollmentEventType } from '@santunan/contracts';
import {
  isEncryptedField,
  isRedacted,
  type EventEnvelope,
  type PersonalDataCipher,
  type Projection,
  type Transaction,
} from '@santunan/platform';
import { nameTokens, type LookupHasher } from '../shared/lookup-hasher';

/** An event's payload as stored: personal fields are sealed objects, the rest plain JSON. */
type StoredData = Readonly<Record<string, unknown>>;

const HANDLED: ReadonlySet<string> = new Set<EnrollmentEventType>([
  'ParticipantRegistered',
  'ParticipantDetailsCorrected',
  'DeclaredIncomeChanged',
  'HeirsDesignated',
  'ChildRegisteredForScholarship',
  'ParticipantDeceased',
]);

function json(value: unknown): string | null {
  return value === undefined ? null : JSON.stringify(value);
}

function text(data: StoredData, field: string): string {
  const value = data[field];
  if (typeof value !== 'string') throw new TypeError(`stored event field ${field} is not text`);
  return value;
}

function record(value: unknown): StoredData {
  return typeof value === 'object' && value !== null ? (value as StoredData) : {};
}

/**
 * `participant_view` (one row per participant, current state) and `participant_name_tokens`
 * (keyed hashes of the words of each name, for search). Personal fields are copied sealed, as
 * the events hold them; only the name is opened here, to hash its words — so the model is a
 * function of the events and the participants' keys, and a rebuild equals the live model.
 */
export class ParticipantViewProjection implements Projection {
  readonly name = 'participant-view';

  constructor(
    private readonly cipher: PersonalDataCipher,
    private readonly hasher: LookupHasher,
  ) {}

  handles(type: string): boolean {
    return HANDLED.has(type);
  }

  async reset(tx: Transaction): Promise<void> {
    await tx.query('delete from participant_name_tokens');
    await tx.query('delete from participant_view');
  }

  /**
   * A page at once: the keys of every name in it in one lookup, made while the page's rows
   * are written (the key database is another connection), and each run of registrations
   * (a bulk job writes little else) in two statements; any other event is applied on its
   * own, in store order, after the registrations before it.
   */
  async applyBatch(tx: Transaction, events: readonly EventEnvelope[]): Promise<void> {
    const keys = this.cipher.prepareKeys(
      events.flatMap((event) => {
        const name = record(event.data)['fullName'];
        return isEncryptedField(name) ? [name.subject] : [];
      }),
    );
    // Awaited below before any name is opened; a failure fails the page there.
    keys.catch(() => undefined);
    let registrations: EventEnvelope[] = [];
    for (const event of events) {
      if (event.type === 'ParticipantRegistered') {
        registrations.push(event);
        continue;
      }
      await this.register(tx, registrations, keys);
      registrations = [];
      await keys;
      await this.apply(tx, event);
    }
    await this.register(tx, registrations, keys);
    await keys;
  }

  async apply(tx: Transaction, event: EventEnvelope): Promise<void> {
    const data = record(event.data);
    const participantId = text(data, 'participantId');
    const stamp = [event.recordedAt, event.version] as const;
    switch (event.type as EnrollmentEventType) {
      case 'ParticipantRegistered':
        await this.register(tx, [event]);
        return;
      case 'ParticipantDetailsCorrected': {
        const address = data['address'] === undefined ? undefined : record(data['address']);
        await tx.query(
          `update participant_view set
              full_name = coalesce($2::jsonb, full_name),
              address_line = coalesce($3::jsonb, address_line),
              regency_code = coalesce($4, regency_code),
              phone = coalesce($5::jsonb, phone),
              occupation = coalesce($6, occupation),
              updated_at = $7, version = $8
            where participant_id = $1`,
          [
            participantId,
            json(data['fullName']),
            json(address?.['line']),
            address === undefined ? null : text(address, 'regencyCode'),
            json(data['phone']),
            typeof data['occupation'] === 'string' ? data['occupation'] : null,
            ...stamp,
          ],
        );
        if (data['fullName'] !== undefined) {
          await tx.query('delete from participant_name_tokens where participant_id = $1', [
            participantId,
          ]);
          await this.indexName(tx, participantId, data['fullName']);
        }
        return;
      }
      case 'DeclaredIncomeChanged':
        await tx.query(
          `update participant_view set income_history = income_history || $2::jsonb,
              declared_income = $3, updated_at = $4, version = $5
            where participant_id = $1`,
          [
            participantId,
            json([
              { declaredIncome: data['declaredIncome'], effectiveFrom: data['effectiveFrom'] },
            ]),
            data['declaredIncome'],
            ...stamp,
          ],
        );
        return;
      case 'HeirsDesignated':
        await tx.query(
          'update participant_view set heirs = $2, updated_at = $3, version = $4 where participant_id = $1',
          [participantId, json(data['heirs']), ...stamp],
        );
        return;
      case 'ChildRegisteredForScholarship': {
        const { participantId: _owner, ...child } = data;
        await tx.query(
          `update participant_view set children = children || $2::jsonb, updated_at = $3, version = $4
            where participant_id = $1`,
          [participantId, json([child]), ...stamp],
        );
        return;
      }
      case 'ParticipantDeceased':
        await tx.query(
          `update participant_view set status = 'deceased', date_of_death = $2, updated_at = $3,
              version = $4
            where participant_id = $1`,
          [participantId, text(data, 'dateOfDeath'), ...stamp],
        );
        return;
      default:
        return;
    }
  }

  /**
   * Registrations in two statements: their rows, then the name words of those that were new
   * (a participant already in the view keeps its row and words, as `on conflict do nothing`
   * does for one). Only a participant's first registration counts, as it would one by one.
   * Names are opened once `keysReady` has loaded their keys.
   */
  private async register(
    tx: Transaction,
    events: readonly EventEnvelope[],
    keysReady: Promise<void> = Promise.resolve(),
  ): Promise<void> {
    const firsts = new Map<string, StoredData>();
    const rows: (readonly unknown[])[] = [];
    for (const event of events) {
      const data = record(event.data);
      const participantId = text(data, 'participantId');
      // Keyed as PostgreSQL prints a uuid, to find each row the insert returns.
      const key = participantId.toLowerCase();
      if (firsts.has(key)) continue;
      firsts.set(key, data);
      const address = record(data['address']);
      rows.push([
        participantId,
        json(data['nik']),
        json(data['fullName']),
        json(address['line']),
        json(data['phone']),
        text(address, 'regencyCode'),
        text(data, 'birthDate'),
        text(data, 'sex'),
        text(data, 'occupation'),
        json(data['membership']),
        json([
          { declaredIncome: data['declaredIncome'], effectiveFrom: data['incomeEffectiveFrom'] },
        ]),
        data['declaredIncome'],
        event.recordedAt,
        event.metadata.actor.id,
        event.version,
      ]);
    }
    if (rows.length === 0) return;
    const registered = await tx.query<{ participant_id: string }>(
      `insert into participant_view (participant_id, status, nik, full_name, address_line, phone,
          regency_code, birth_date, sex, occupation, membership, income_history, declared_income,
          heirs, children, date_of_death, registered_at, registered_by, updated_at, version)
       select r.participant_id, 'active', r.nik::jsonb, r.full_name::jsonb, r.address_line::jsonb,
              r.phone::jsonb, r.regency_code, r.birth_date, r.sex, r.occupation,
              r.membership::jsonb, r.income_history::jsonb, r.declared_income, '[]', '[]', null,
              r.recorded_at, r.registered_by, r.recorded_at, r.version
         from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
                     $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::bigint[],
                     $13::text[], $14::text[], $15::int[])
           as r(participant_id, nik, full_name, address_line, phone, regency_code, birth_date,
                sex, occupation, membership, income_history, declared_income, recorded_at,
                registered_by, version)
       on conflict (participant_id) do nothing
       returning participant_id`,
      Array.from({ length: 15 }, (_, at) => rows.map((row) => row[at])),
    );
    await keysReady;
    const tokens: string[] = [];
    const owners: string[] = [];
    for (const { participant_id: participantId } of registered) {
      for (const token of await this.nameTokenHashes(firsts.get(participantId)?.['fullName'])) {
        tokens.push(token);
        owners.push(participantId);
      }
    }
    if (tokens.length === 0) return;
    await tx.query(
      `insert into participant_name_tokens (token_hmac, participant_id)
       select decode(t, 'hex'), p from unnest($1::text[], $2::uuid[]) as n(t, p)
       on conflict do nothing`,
      [tokens, owners],
    );
  }

  /** Keyed hashes (hex) of the words of a sealed name; none once the participant is erased. */
  private async nameTokenHashes(sealedName: unknown): Promise<string[]> {
    const name = await this.cipher.decrypt(sealedName, 'fullName');
    if (isRedacted(name)) return [];
    return nameTokens(name).map((token) => this.hasher.nameToken(token).toString('hex'));
  }

  private async indexName(
    tx: Transaction,
    participantId: string,
    sealedName: unknown,
  ): Promise<void> {
    const tokens = await this.nameTokenHashes(sealedName);
    if (tokens.length === 0) return;
    await tx.query(
      `insert into participant_name_tokens (token_hmac, participant_id)
       select decode(t, 'hex'), $2 from unnest($1::text[]) as t on conflict do nothing`,
      [tokens, participantId],
    );
  }
}
