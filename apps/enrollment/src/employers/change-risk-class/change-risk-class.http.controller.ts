import { Body, Controller, Inject, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { accepted, ApiProblems, RequestCause, Roles, type CommandCause } from '@santunan/platform';
import { EmployerChangeResponse } from '../register-employer/register-employer.dto';
import { EmployerCommands } from '../shared/employer-commands';
import { NppParams } from '../shared/employer.params';
import { ChangeRiskClassDto } from './change-risk-class.dto';

@ApiTags('employers')
@Controller('employers/:npp/risk-class-changes')
export class ChangeRiskClassController {
  constructor(@Inject(EmployerCommands) private readonly employers: EmployerCommands) {}

  @Post()
  @Roles('enrollment-officer', 'admin')
  @ApiOperation({
    summary: 'Change an employer’s risk class from a date on',
    description:
      'The history only moves forward: the date must follow the class in force’s. The same class again changes nothing.',
  })
  @ApiCreatedResponse({ type: EmployerChangeResponse })
  @ApiProblems({
    404: 'EMPLOYER_NOT_REGISTERED',
    422: ['RISK_CLASS_INVALID', 'RISK_CLASS_BASIS_BLANK', 'RISK_CLASS_DATE_INVALID'],
  })
  async change(
    @Param() params: NppParams,
    @Body() body: ChangeRiskClassDto,
    @RequestCause() cause: CommandCause,
  ): Promise<EmployerChangeResponse> {
    const result = accepted(
      await this.employers.handle(
        params.npp,
        {
          type: 'ChangeRiskClass',
          riskClass: body.riskClass,
          effectiveFrom: body.effectiveFrom,
          basis: body.basis,
        },
        cause,
      ),
    );
    return { version: result.version, changed: result.events.length > 0 };
  }
}
