import { Injectable } from '@nestjs/common';
import type { EnrollmentEventMap } from '@santunan/contracts';
import type { Transaction } from '@santunan/platform';

/**
 * `participant_regions`: the kabupaten/kota of each participant (from the address; the regency
 * code is not personal data, the address line is and is never read) and the sponsor program,
 * so the daily reconciliation can report per regency and program. Written in the consumer's
 * transaction; `eventId` is the enrollment event that wrote the row.
 */
@Injectable()
export class ParticipantRegionsHandler {
  async registered(
    tx: Transaction,
    data: EnrollmentEventMap['ParticipantRegistered'],
    eventId: string,
  ): Promise<void> {
    const { participantId, address, membership } = data;
    await tx.query(
      `insert into participant_regions (participant_id, regency_code, sponsor_program_id, updated_by_event)
         values ($1, $2, $3, $4)
         on conflict (participant_id) do update
           set regency_code = excluded.regency_code, sponsor_program_id = excluded.sponsor_program_id,
               updated_by_event = excluded.updated_by_event`,
      [
        participantId,
        address.regencyCode,
        membership.kind === 'sponsored' ? membership.programId : null,
        eventId,
      ],
    );
  }

  async corrected(
    tx: Transaction,
    data: EnrollmentEventMap['ParticipantDetailsCorrected'],
    eventId: string,
  ): Promise<void> {
    const { participantId, address } = data;
    if (address === undefined) return;
    await tx.query(
      'update participant_regions set regency_code = $2, updated_by_event = $3 where participant_id = $1',
      [participantId, address.regencyCode, eventId],
    );
  }
}
