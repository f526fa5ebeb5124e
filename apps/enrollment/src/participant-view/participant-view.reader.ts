import { Inject, Injectable } from '@nestjs/common';
import {
  ENROLLMENT_PERSONAL_DATA_PATHS,
  type EnrollmentEventType,
  type Membership,
} from '@santunan/contracts';
import { evolve, initialState, type ParticipantState } from '@santunan/enrollment-domain';
import { decryptPersonalFields, ServiceRuntime, type EventEnvelope } from '@santunan/platform';
import { LookupHasher, nameTokens } from '../shared/lookup-hasher';
import { NikIndex } from '../shared/nik-index';
import { ParticipantCommands } from '../shared/participant-commands';
import { participantStreamId } from '../shared/participant.stream';
import type {
  HistoryResponse,
  IncomePeriodView,
  ParticipantProfile,
  SearchResponse,
} from './participant-view.dto';
import { ParticipantPresenter, type OpenedParticipant } from './participant.presenter';
import { maskPaths, type Disclosure } from './personal-data-masking';

interface ViewRow {
  participant_id: string;
  status: 'active' | 'deceased';
  nik: unknown;
  full_name: unknown;
  address_line: unknown;
  phone: unknown;
  regency_code: string;
  birth_date: string;
  sex: string;
  occupation: string;
  membership: Membership;
  income_history: IncomePeriodView[];
  heirs: unknown[];
  children: unknown[];
  date_of_death: string | null;
  registered_at: string;
  registered_by: string;
  updated_at: string;
  version: number;
}

export interface SearchCriteria {
  readonly nik?: string;
  readonly name?: string;
  readonly regencyCode?: string;
  readonly limit: number;
  readonly after?: string;
}

/**
 * The read side. Search and profiles come from the participant-view projection; a profile
 * whose row is behind its stream (just written, the projection a moment late) is built from
 * the stream instead, so a caller always reads their own writes. History is the stream.
 */
@Injectable()
export class ParticipantViewReader {
  constructor(
    @Inject(ServiceRuntime) private readonly runtime: ServiceRuntime,
    @Inject(ParticipantCommands) private readonly participants: ParticipantCommands,
    @Inject(NikIndex) private readonly nikIndex: NikIndex,
    @Inject(LookupHasher) private readonly hasher: LookupHasher,
    @Inject(ParticipantPresenter) private readonly presenter: ParticipantPresenter,
  ) {}

  async profile(
    participantId: string,
    disclosure: Disclosure,
  ): Promise<ParticipantProfile | undefined> {
    const [head] = await this.runtime.database.query<{ version: number | null }>(
      'select max(version) as version from events where stream_id = $1',
      [participantStreamId(participantId)],
    );
    const streamVersion = head?.version ?? 0;
    if (streamVersion === 0) return undefined;
    const [row] = await this.runtime.database.query<ViewRow>(
      'select * from participant_view where participant_id = $1',
      [participantId],
    );
    const opened =
      row !== undefined && row.version >= streamVersion
        ? await this.openRow(row)
        : await this.openStream(participantId);
    return opened === undefined
      ? undefined
      : this.presenter.profile(opened, disclosure, this.runtime.clock.today());
  }

  async search(criteria: SearchCriteria, disclosure: Disclosure): Promise<SearchResponse> {
    let byNik: string | null = null;
    if (criteria.nik !== undefined) {
      const found = await this.nikIndex.find(this.runtime.database, this.hasher.nik(criteria.nik));
      if (found === undefined) return { results: [] };
      byNik = found;
    }
    const tokens =
      criteria.name === undefined
        ? null
        : nameTokens(criteria.name).map((token) => this.hasher.nameToken(token).toString('hex'));
    if (tokens !== null && tokens.length === 0) return { results: [] };
    const rows = await this.runtime.database.query<ViewRow>(
      `select * from participant_view v
        where ($1::uuid is null or v.participant_id = $1)
          and ($2::text is null or v.regency_code = $2)
          and ($3::text[] is null or v.participant_id in (
                select t.participant_id from participant_name_tokens t
                 where t.token_hmac = any(select decode(h, 'hex') from unnest($3::text[]) as h)
                 group by t.participant_id having count(*) = cardinality($3::text[])))
          and ($4::uuid is null or v.participant_id > $4)
        order by v.participant_id
        limit $5`,
      [byNik, criteria.regencyCode ?? null, tokens, criteria.after ?? null, criteria.limit + 1],
    );
    const page = rows.slice(0, criteria.limit);
    const results = await Promise.all(
      page.map(async (row) => this.presenter.summary(await this.openRow(row), disclosure)),
    );
    const last = page[page.length - 1];
    return rows.length > criteria.limit && last !== undefined
      ? { results, next: last.participant_id }
      : { results };
  }

  async history(
    participantId: string,
    disclosure: Disclosure,
  ): Promise<HistoryResponse | undefined> {
    const envelopes = await this.stream(participantId);
    if (envelopes.length === 0) return undefined;
    const events = await Promise.all(
      envelopes.map(async (envelope) => {
        const opened = await this.openPayload(envelope);
        const paths = ENROLLMENT_PERSONAL_DATA_PATHS[envelope.type as EnrollmentEventType] ?? [];
        return {
          version: envelope.version,
          eventId: envelope.eventId,
          type: envelope.type,
          schemaVersion: envelope.schemaVersion,
          occurredAt: envelope.occurredAt,
          recordedAt: envelope.recordedAt,
          actor: envelope.metadata.actor,
          correlationId: envelope.metadata.correlationId,
          causationId: envelope.metadata.causationId,
          data: disclosure === 'full' ? opened : maskPaths(opened, paths),
        };
      }),
    );
    return { participantId, personalData: disclosure, events };
  }

  private stream(participantId: string): Promise<EventEnvelope[]> {
    return this.runtime.store.readStream(this.runtime.database, participantStreamId(participantId));
  }

  private openPayload(envelope: EventEnvelope): Promise<Record<string, unknown>> {
    return decryptPersonalFields(
      this.runtime.cipher,
      envelope.data as Readonly<Record<string, unknown>>,
    );
  }

  private async openRow(row: ViewRow): Promise<OpenedParticipant> {
    const cipher = this.runtime.cipher;
    const { heirs, children } = await decryptPersonalFields(cipher, {
      heirs: row.heirs,
      children: row.children,
    });
    return {
      participantId: row.participant_id,
      status: row.status,
      nik: await cipher.decrypt(row.nik, 'nik'),
      fullName: await cipher.decrypt(row.full_name, 'fullName'),
      birthDate: row.birth_date,
      sex: row.sex,
      addressLine: await cipher.decrypt(row.address_line, 'address.line'),
      regencyCode: row.regency_code,
      phone: await cipher.decrypt(row.phone, 'phone'),
      occupation: row.occupation,
      membership: row.membership,
      incomeHistory: row.income_history,
      heirs: heirs as unknown[],
      children: children as unknown[],
      dateOfDeath: row.date_of_death,
      registeredAt: row.registered_at,
      registeredBy: row.registered_by,
      updatedAt: row.updated_at,
      version: row.version,
    };
  }

  /** The participant folded from their stream, opened: the source the read model follows. */
  private async openStream(participantId: string): Promise<OpenedParticipant | undefined> {
    const envelopes = await this.stream(participantId);
    const first = envelopes[0];
    const last = envelopes[envelopes.length - 1];
    if (first === undefined || last === undefined) return undefined;
    let state: ParticipantState = initialState();
    for (const envelope of envelopes) {
      state = evolve(state, await this.participants.repository.toDomainEvent(envelope));
    }
    if (state.status === 'unregistered') return undefined;
    return {
      participantId,
      status: state.status,
      nik: state.nik,
      fullName: state.fullName,
      birthDate: state.birthDate,
      sex: state.sex,
      addressLine: state.address.line,
      regencyCode: state.address.regencyCode,
      phone: state.phone,
      occupation: state.occupation,
      membership: state.membership,
      incomeHistory: state.incomeHistory,
      heirs: state.heirs,
      children: state.children,
      dateOfDeath: state.dateOfDeath ?? null,
      registeredAt: first.recordedAt,
      registeredBy: first.metadata.actor.id,
      updatedAt: last.recordedAt,
      version: last.version,
    };
  }
}
