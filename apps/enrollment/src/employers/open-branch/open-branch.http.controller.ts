import { Body, Controller, Inject, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { accepted, ApiProblems, RequestCause, Roles, type CommandCause } from '@santunan/platform';
import { EmployerChangeResponse } from '../register-employer/register-employer.dto';
import { EmployerCommands } from '../shared/employer-commands';
import { NppParams } from '../shared/employer.params';
import { OpenBranchDto } from './open-branch.dto';

@ApiTags('employers')
@Controller('employers/:npp/branches')
export class OpenBranchController {
  constructor(@Inject(EmployerCommands) private readonly employers: EmployerCommands) {}

  @Post()
  @Roles('enrollment-officer', 'admin')
  @ApiOperation({
    summary: 'Open a branch of an employer',
    description:
      'A workplace in a kabupaten/kota, possibly with an NPP of its own; its workers’ wages are held to that regency’s minimum.',
  })
  @ApiCreatedResponse({ type: EmployerChangeResponse })
  @ApiProblems({
    404: 'EMPLOYER_NOT_REGISTERED',
    409: 'BRANCH_ALREADY_OPENED',
    422: [
      'BRANCH_NAME_BLANK',
      'BRANCH_NPP_FORMAT',
      'BRANCH_REGENCY_UNKNOWN',
      'BRANCH_DATE_INVALID',
    ],
  })
  async open(
    @Param() params: NppParams,
    @Body() body: OpenBranchDto,
    @RequestCause() cause: CommandCause,
  ): Promise<EmployerChangeResponse> {
    const result = accepted(
      await this.employers.handle(
        params.npp,
        {
          type: 'OpenBranch',
          branchId: body.branchId,
          name: body.name,
          branchNpp: body.branchNpp ?? null,
          regencyCode: body.regencyCode,
          openedOn: body.openedOn,
        },
        cause,
      ),
    );
    return { version: result.version, changed: result.events.length > 0 };
  }
}
