import type { EnrollmentEventMap, EnrollmentEventType } from '@santunan/contracts';
import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { EventContext } from '@santunan/platform';

const REGISTERED: EnrollmentEventType = 'ParticipantRegistered';
const CORRECTED: EnrollmentEventType = 'ParticipantDetailsCorrected';

/**
 * `enrollment.events` → `participant_regions`: the kabupaten/kota (from the address; the
 * regency code is not personal data, the address line is and is never read) and the sponsor
 * program, so the daily reconciliation can report per regency and program.
 */
@Controller()
export class ParticipantRegionsKafkaController {
  @EventPattern(REGISTERED)
  async registered(
    @Payload() data: EnrollmentEventMap['ParticipantRegistered'],
    @Ctx() { event, transaction }: EventContext,
  ): Promise<void> {
    const { participantId, address, membership } = data;
    await transaction.query(
      `insert into participant_regions (participant_id, regency_code, sponsor_program_id, updated_by_event)
         values ($1, $2, $3, $4)
         on conflict (participant_id) do update
           set regency_code = excluded.regency_code, sponsor_program_id = excluded.sponsor_program_id,
               updated_by_event = excluded.updated_by_event`,
      [
        participantId,
        address.regencyCode,
        membership.kind === 'sponsored' ? membership.programId : null,
        event.eventId,
      ],
    );
  }

  @EventPattern(CORRECTED)
  async corrected(
    @Payload() data: EnrollmentEventMap['ParticipantDetailsCorrected'],
    @Ctx() { event, transaction }: EventContext,
  ): Promise<void> {
    const { participantId, address } = data;
    if (address === undefined) return;
    await transaction.query(
      'update participant_regions set regency_code = $2, updated_by_event = $3 where participant_id = $1',
      [participantId, address.regencyCode, event.eventId],
    );
  }
}
