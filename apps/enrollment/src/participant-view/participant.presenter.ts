import { Inject, Injectable } from '@nestjs/common';
import type { Membership } from '@santunan/contracts';
import type { RegionDirectory } from '@santunan/enrollment-domain';
import type {
  IncomePeriodView,
  ParticipantProfile,
  ParticipantSummary,
} from './participant-view.dto';
import {
  maskBirthDate,
  maskPaths,
  maskPersonalValue,
  type Disclosure,
} from './personal-data-masking';
import { REGION_DIRECTORY } from '../shared/participant-commands';
import { heirOrderOf } from './heir-order';

/**
 * A participant with personal fields opened: text, or `{ redacted: true }` once the key is
 * erased. Built from the read model or, when that lags, from the stream.
 */
export interface OpenedParticipant {
  readonly participantId: string;
  readonly status: 'active' | 'deceased';
  readonly nik: unknown;
  readonly fullName: unknown;
  readonly birthDate: string;
  readonly sex: string;
  readonly addressLine: unknown;
  readonly regencyCode: string;
  readonly phone: unknown;
  readonly occupation: string;
  readonly membership: Membership;
  readonly incomeHistory: readonly IncomePeriodView[];
  readonly heirs: readonly unknown[];
  readonly children: readonly unknown[];
  readonly dateOfDeath: string | null;
  readonly registeredAt: string;
  readonly registeredBy: string;
  readonly updatedAt: string;
  readonly version: number;
}

const HEIR_PATHS = ['*.fullName', '*.bankAccount.accountNumber', '*.bankAccount.accountName'];
const CHILD_PATHS = ['*.fullName'];

/** Shows a participant to a caller: in full, or masked (ADR 0010). */
@Injectable()
export class ParticipantPresenter {
  constructor(@Inject(REGION_DIRECTORY) private readonly regions: RegionDirectory) {}

  summary(participant: OpenedParticipant, disclosure: Disclosure): ParticipantSummary {
    const current = participant.incomeHistory[participant.incomeHistory.length - 1];
    return {
      participantId: participant.participantId,
      status: participant.status,
      nik: this.personal('nik', participant.nik, disclosure),
      fullName: this.personal('fullName', participant.fullName, disclosure),
      birthDate:
        disclosure === 'full' ? participant.birthDate : maskBirthDate(participant.birthDate),
      sex: participant.sex,
      regencyCode: participant.regencyCode,
      membership: participant.membership,
      declaredIncome: current?.declaredIncome ?? 0,
      personalData: disclosure,
    };
  }

  /** `today` places the heirs in the order in force while the participant lives. */
  profile(
    participant: OpenedParticipant,
    disclosure: Disclosure,
    today: string,
  ): ParticipantProfile {
    const heirOrder = heirOrderOf(participant.heirs, participant.dateOfDeath ?? today);
    const regencyName = this.regions.regencyName(participant.regencyCode);
    return {
      ...this.summary(participant, disclosure),
      address: {
        line: this.personal('address.line', participant.addressLine, disclosure),
        regencyCode: participant.regencyCode,
        ...(regencyName === undefined ? {} : { regencyName }),
      },
      phone: this.personal('phone', participant.phone, disclosure),
      occupation: participant.occupation,
      incomeHistory: [...participant.incomeHistory],
      heirs: this.list(participant.heirs, HEIR_PATHS, disclosure),
      ...(heirOrder === null ? {} : { heirOrder }),
      children: this.list(participant.children, CHILD_PATHS, disclosure),
      ...(participant.dateOfDeath === null ? {} : { dateOfDeath: participant.dateOfDeath }),
      registeredAt: participant.registeredAt,
      registeredBy: participant.registeredBy,
      updatedAt: participant.updatedAt,
      version: participant.version,
    };
  }

  private personal(path: string, value: unknown, disclosure: Disclosure): unknown {
    return disclosure === 'full' ? value : maskPersonalValue(path, value);
  }

  private list(
    items: readonly unknown[],
    paths: readonly string[],
    disclosure: Disclosure,
  ): unknown[] {
    if (disclosure === 'full') return [...items];
    const masked = maskPaths(
      { items: [...items] },
      paths.map((path) => `items.${path}`),
    );
    return masked['items'] as unknown[];
  }
}
