import type { ServerResponse } from 'node:http';
import { Body, Controller, HttpStatus, Inject, Post, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import {
  accepted,
  ApiProblems,
  ApiTag,
  RequestCause,
  Roles,
  type CommandCause,
} from '@santunan/platform';
import { EmployerCommands } from '../shared/employer-commands';
import { EmployerRegistrationResponse, RegisterEmployerDto } from './register-employer.dto';

@ApiTag(
  'employers',
  'PU employers (ADR 0037): registration with NPP, NPWP, NIB, business type and risk class, branches, dated risk-class changes; their workers, wage reports (late after 7 working days) and leaving.',
)
@Controller('employers')
export class RegisterEmployerController {
  constructor(@Inject(EmployerCommands) private readonly employers: EmployerCommands) {}

  @Post()
  @Roles('enrollment-officer', 'admin')
  @ApiOperation({
    summary: 'Register an employer',
    description:
      'Idempotent by NPP: the same registration again answers 200; other data under the same NPP, 409 EMPLOYER_ALREADY_REGISTERED. ' +
      'Malformed identifiers and a risk class outside 1–5 are 422 with the field named.',
  })
  @ApiCreatedResponse({ type: EmployerRegistrationResponse, description: 'Registered.' })
  @ApiOkResponse({
    type: EmployerRegistrationResponse,
    description: 'Already registered with this data.',
  })
  @ApiProblems({
    409: 'EMPLOYER_ALREADY_REGISTERED',
    422: [
      'NPP_FORMAT',
      'NPWP_FORMAT',
      'NIB_FORMAT',
      'KBLI_FORMAT',
      'EMPLOYER_NAME_BLANK',
      'BUSINESS_SCALE_UNKNOWN',
      'RISK_CLASS_INVALID',
      'RISK_CLASS_BASIS_BLANK',
      'RISK_CLASS_DATE_INVALID',
      'EMPLOYER_REGENCY_UNKNOWN',
    ],
  })
  async register(
    @Body() body: RegisterEmployerDto,
    @RequestCause() cause: CommandCause,
    @Res({ passthrough: true }) response: ServerResponse,
  ): Promise<EmployerRegistrationResponse> {
    const result = await this.employers.handle(
      body.npp,
      {
        type: 'RegisterEmployer',
        npp: body.npp,
        name: body.name,
        npwp: body.npwp,
        nib: body.nib,
        kbli: body.kbli,
        businessScale: body.businessScale,
        riskClass: body.riskClass,
        riskClassBasis: body.riskClassBasis,
        riskClassEffectiveFrom: body.riskClassEffectiveFrom,
        address: { line: body.address.line, regencyCode: body.address.regencyCode },
        bankAccount: {
          bankCode: body.bankAccount.bankCode,
          accountNumber: body.bankAccount.accountNumber,
          accountName: body.bankAccount.accountName,
        },
      },
      cause,
    );
    const created = accepted(result).events.length > 0;
    if (!created) response.statusCode = HttpStatus.OK;
    return { npp: body.npp, outcome: created ? 'registered' : 'already-registered' };
  }
}
