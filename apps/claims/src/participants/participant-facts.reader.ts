import type {
  HeirFact,
  IncomePeriodFact,
  ParticipantFacts,
  RegisteredChildFact,
} from '@santunan/claims-domain';
import type { BankAccount, HeirRelationship } from '@santunan/contracts';
import { isRedacted, type PersonalDataCipher, type SqlExecutor } from '@santunan/platform';
import { refused } from '../shared/claims-rejections';

export interface KnownParticipant {
  readonly participantId: string;
  readonly regencyCode: string;
  readonly registeredOn: string;
  readonly dateOfDeath: string | null;
}

interface ParticipantRow {
  participant_id: string;
  full_name: unknown;
  regency_code: string;
  registered_on: string;
  date_of_death: string | null;
}

interface StoredHeir {
  heirId: string;
  fullName: unknown;
  relationship: HeirRelationship;
  birthDate?: string;
  bankAccount?: { bankCode: string; accountNumber: unknown; accountName: unknown };
}

/**
 * Reads the local participant projection as the claims domain's facts, opening the sealed
 * personal fields with the participant's key. An erased participant (crypto-shredded) can no
 * longer be paid or named, so a decision needing those fields is refused.
 */
export class ParticipantFactsReader {
  constructor(private readonly cipher: PersonalDataCipher) {}

  async find(executor: SqlExecutor, participantId: string): Promise<KnownParticipant | null> {
    const [row] = await executor.query<ParticipantRow>(
      `select participant_id, full_name, regency_code, registered_on, date_of_death
         from participants where participant_id = $1`,
      [participantId],
    );
    return row === undefined
      ? null
      : {
          participantId: row.participant_id,
          regencyCode: row.regency_code,
          registeredOn: row.registered_on,
          dateOfDeath: row.date_of_death,
        };
  }

  /** `ClaimFacts.participant`; null when enrollment's registration has not reached claims. */
  async participantFacts(
    executor: SqlExecutor,
    participantId: string,
  ): Promise<ParticipantFacts | null> {
    const [row] = await executor.query<ParticipantRow>(
      'select participant_id, full_name, registered_on from participants where participant_id = $1',
      [participantId],
    );
    if (row === undefined) return null;
    const income = await executor.query<{ effective_from: string; declared_income: string }>(
      `select effective_from, declared_income from participant_income
        where participant_id = $1 order by effective_from`,
      [participantId],
    );
    const incomeHistory: IncomePeriodFact[] = income.map((period) => ({
      effectiveFrom: period.effective_from,
      declaredIncome: Number(period.declared_income),
    }));
    return {
      participantId,
      fullName: await this.reveal(row.full_name, participantId),
      // Enrollment registers informal (BPU) workers only: the platform's scope.
      segment: 'bpu',
      registeredOn: row.registered_on,
      incomeHistory,
    };
  }

  /** The heirs (ahli waris) enrollment designated, opened. */
  async heirs(executor: SqlExecutor, participantId: string): Promise<HeirFact[]> {
    const [row] = await executor.query<{ heirs: StoredHeir[] }>(
      'select heirs from participant_heirs where participant_id = $1',
      [participantId],
    );
    return Promise.all(
      (row?.heirs ?? []).map(async (heir) => ({
        heirId: heir.heirId,
        fullName: await this.reveal(heir.fullName, participantId),
        relationship: heir.relationship,
        ...(heir.birthDate === undefined ? {} : { birthDate: heir.birthDate }),
        ...(heir.bankAccount === undefined
          ? {}
          : { bankAccount: await this.account(heir.bankAccount, participantId) }),
      })),
    );
  }

  /** Children registered for scholarships, each with the day they were registered. */
  async children(executor: SqlExecutor, participantId: string): Promise<RegisteredChildFact[]> {
    const rows = await executor.query<{
      child_id: string;
      full_name: unknown;
      birth_date: string;
      registered_on: string;
    }>(
      `select child_id, full_name, birth_date, registered_on from participant_children
        where participant_id = $1 order by registered_on, registration`,
      [participantId],
    );
    return Promise.all(
      rows.map(async (child) => ({
        childId: child.child_id,
        fullName: await this.reveal(child.full_name, participantId),
        birthDate: child.birth_date,
        registeredOn: child.registered_on,
      })),
    );
  }

  private async account(
    sealed: NonNullable<StoredHeir['bankAccount']>,
    participantId: string,
  ): Promise<BankAccount> {
    return {
      bankCode: sealed.bankCode,
      accountNumber: await this.reveal(sealed.accountNumber, participantId),
      accountName: await this.reveal(sealed.accountName, participantId),
    };
  }

  private async reveal(sealed: unknown, participantId: string): Promise<string> {
    const plain = await this.cipher.decrypt(sealed);
    if (isRedacted(plain)) {
      throw refused(
        'PERSONAL_DATA_ERASED',
        `participant ${participantId} was erased (UU PDP 27/2022): names and accounts can no longer be read`,
      );
    }
    return plain;
  }
}
