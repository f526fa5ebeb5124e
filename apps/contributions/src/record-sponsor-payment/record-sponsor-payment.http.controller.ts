import { Body, Controller, HttpCode, HttpStatus, Inject, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { accepted, ApiProblems, Roles, RequestCause, type CommandCause } from '@santunan/platform';
import { ProgramIdParams } from '../program-report/program-report.dto';
import { ProgramAccess } from '../shared/program-access';
import { monthLedgerOf } from './month-ledger';
import { RecordSponsorPaymentDto, SponsorPaymentDto } from './record-sponsor-payment.dto';
import { RecordSponsorPaymentHandler } from './record-sponsor-payment.handler';

@ApiTags('sponsor programs')
@Controller('programs/:programId/payments')
export class RecordSponsorPaymentController {
  constructor(
    @Inject(RecordSponsorPaymentHandler) private readonly handler: RecordSponsorPaymentHandler,
    @Inject(ProgramAccess) private readonly access: ProgramAccess,
  ) {}

  @Post()
  @HttpCode(HttpStatus.OK)
  // The sponsor's own operator records what their treasury paid (issue 14); finance for any
  // program, as it reconciles the money against the bank.
  @Roles('sponsor-operator', 'finance', 'admin')
  @ApiOperation({
    summary: 'Record a sponsor’s payment for a month of a program',
    description:
      'By an operator of the program, finance or an admin. Allocated to the month’s dues in enrolment order, whole dues only; what is short of one more due is held for the month’s next payment; more than the month owes is refused. The same reference again is the same payment.',
  })
  @ApiOkResponse({ type: SponsorPaymentDto })
  @ApiProblems({
    404: 'PROGRAM_NOT_FOUND',
    409: 'PAYMENT_REFERENCE_CONFLICT',
    // PAYMENT_EXCEEDS_OUTSTANDING carries outstanding.
    422: [
      'PAYMENT_EXCEEDS_OUTSTANDING',
      'MONTH_OUTSIDE_COVERAGE',
      'PAYMENT_INVALID',
      'PAYMENT_AMOUNT_INVALID',
    ],
  })
  async record(
    @Param() params: ProgramIdParams,
    @Body() body: RecordSponsorPaymentDto,
    @RequestCause() cause: CommandCause,
  ): Promise<SponsorPaymentDto> {
    const { actor } = cause;
    const { programId } = params;
    await this.access.check(actor, programId, ['finance']);
    const result = accepted(await this.handler.record(programId, body, cause));
    if (result.state.status === 'not-opened') throw new Error('a payment to no program');
    const recorded = result.state.payments.get(body.paymentReference);
    const month = recorded?.month ?? body.month;
    return {
      programId,
      month,
      paymentReference: body.paymentReference,
      amount: recorded?.amount ?? body.amount,
      changed: result.events.length > 0,
      ledger: monthLedgerOf(result.state, month),
    };
  }
}
