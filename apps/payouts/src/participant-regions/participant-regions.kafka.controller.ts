import type { EnrollmentEventType } from '@santunan/contracts';
import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { EventContext } from '@santunan/platform';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

class RegionDto {
  @Matches(/^\d{4}$/)
  regencyCode!: string;
}

class MembershipDto {
  @IsIn(['self-paying', 'sponsored'])
  kind!: 'self-paying' | 'sponsored';

  @ValidateIf((membership: MembershipDto) => membership.kind === 'sponsored')
  @IsString()
  @IsNotEmpty()
  programId?: string;
}

/** The part of `ParticipantRegistered` reconciliation needs: where, and who sponsors. */
export class ParticipantRegisteredRegionDto {
  @IsString()
  @IsNotEmpty()
  participantId!: string;

  @ValidateNested()
  @Type(() => RegionDto)
  address!: RegionDto;

  @ValidateNested()
  @Type(() => MembershipDto)
  membership!: MembershipDto;
}

export class ParticipantDetailsCorrectedRegionDto {
  @IsString()
  @IsNotEmpty()
  participantId!: string;

  @IsOptional()
  @ValidateNested()
  @Type(() => RegionDto)
  address?: RegionDto;
}

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
    @Payload() data: ParticipantRegisteredRegionDto,
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
        membership.kind === 'sponsored' ? (membership.programId ?? null) : null,
        event.eventId,
      ],
    );
  }

  @EventPattern(CORRECTED)
  async corrected(
    @Payload() data: ParticipantDetailsCorrectedRegionDto,
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
