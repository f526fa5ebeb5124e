import { Body, Controller, Inject, Param, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Heir } from '@santunan/contracts';
import {
  ApiProblems,
  CorrelationId,
  CurrentActor,
  Roles,
  ServiceRuntime,
  type Actor,
} from '@santunan/platform';
import { acknowledge } from '../participants/acknowledge';
import { ParticipantChangeResponse } from '../participants/common.dto';
import { ParticipantCommands } from '../participants/participant-commands';
import { ParticipantIdParams } from '../participants/participant-id.params';
import { DesignateHeirsDto, type HeirDto } from './designate-heirs.dto';

@ApiTags('participants')
@Controller('participants/:participantId/heirs')
export class DesignateHeirsController {
  constructor(
    @Inject(ParticipantCommands) private readonly participants: ParticipantCommands,
    @Inject(ServiceRuntime) private readonly runtime: ServiceRuntime,
  ) {}

  @Put()
  @Roles('enrollment-officer', 'admin')
  @ApiOperation({
    summary: 'Designate the heirs (ahli waris) with relationship and bank account',
    description:
      'Replaces the list. Names and bank accounts are sealed with the participant’s key.',
  })
  @ApiOkResponse({ type: ParticipantChangeResponse })
  @ApiProblems({ 404: 'PARTICIPANT_NOT_REGISTERED', 422: 'HEIR_INVALID' })
  async designate(
    @Param() params: ParticipantIdParams,
    @Body() body: DesignateHeirsDto,
    @CurrentActor() actor: Actor,
    @CorrelationId() correlationId: string,
  ): Promise<ParticipantChangeResponse> {
    const result = await this.participants.handle({
      participantId: params.participantId,
      command: { type: 'DesignateHeirs', heirs: body.heirs.map((heir) => this.toHeir(heir)) },
      actor,
      correlationId,
    });
    return acknowledge(params.participantId, result);
  }

  private toHeir(heir: HeirDto): Heir {
    return {
      heirId: heir.heirId ?? this.runtime.ids.next(),
      fullName: heir.fullName,
      relationship: heir.relationship,
      ...(heir.birthDate === undefined ? {} : { birthDate: heir.birthDate }),
      ...(heir.bankAccount === undefined
        ? {}
        : {
            bankAccount: {
              bankCode: heir.bankAccount.bankCode,
              accountNumber: heir.bankAccount.accountNumber,
              accountName: heir.bankAccount.accountName,
            },
          }),
    };
  }
}
