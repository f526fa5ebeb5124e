import { Body, Controller, HttpCode, HttpStatus, Inject, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { masaIurOf, paidThroughOf, standingOf } from '@santunan/contributions-domain';
import {
  accepted,
  ApiProblems,
  ApiTag,
  Roles,
  RequestCause,
  type CommandCause,
} from '@santunan/platform';
import { ParticipantIdParams } from '../coverage-view/coverage-view.dto';
import { PaySelfContributionDto, SelfPaymentDto } from './pay-self-contribution.dto';
import { PaySelfContributionHandler } from './pay-self-contribution.handler';

@ApiTag('participants', 'A self-paying participant’s contributions.')
@Controller('participants/:participantId/self-payments')
export class PaySelfContributionController {
  constructor(
    @Inject(PaySelfContributionHandler) private readonly handler: PaySelfContributionHandler,
  ) {}

  @Post()
  @HttpCode(HttpStatus.OK)
  @Roles('finance', 'admin')
  @ApiOperation({
    summary: 'A self-paying participant pays 1, 3, 6 or 12 months, oldest unpaid month first',
    description:
      'Each month at its own tariff (PP 50/2025 discount for transport workers included); the amount must be exact. The same reference again is the same payment; a reference used by anyone else is refused.',
  })
  @ApiOkResponse({ type: SelfPaymentDto })
  @ApiProblems({
    404: 'ACCOUNT_NOT_OPENED',
    409: [
      'PAYMENT_REFERENCE_CONFLICT',
      'MEMBERSHIP_LAPSED',
      'NOT_SELF_PAYING',
      'PARTICIPANT_DECEASED',
    ],
    // PAYMENT_AMOUNT_MISMATCH carries expectedAmount and the months, PAYMENT_MONTH_NOT_NEXT
    // expectedFirstMonth.
    422: [
      'PAYMENT_AMOUNT_MISMATCH',
      'PAYMENT_MONTH_NOT_NEXT',
      'PAYMENT_MONTH_COUNT_NOT_ALLOWED',
      'PAYMENT_TOO_FAR_AHEAD',
      'PAYMENT_INVALID',
    ],
  })
  async pay(
    @Param() params: ParticipantIdParams,
    @Body() body: PaySelfContributionDto,
    @RequestCause() cause: CommandCause,
  ): Promise<SelfPaymentDto> {
    const { participantId } = params;
    const result = accepted(await this.handler.pay(participantId, body, cause));
    const account = result.state;
    if (account.status === 'not-opened') throw new Error('a payment to no account');
    const paidMonths = [...account.paid.values()]
      .filter((paid) => paid.paymentReference === body.paymentReference)
      .sort((a, b) => a.month.localeCompare(b.month))
      .map(({ month, jkk, jkm, amount }) => ({ month, jkk, jkm, amount }));
    return {
      participantId,
      paymentReference: body.paymentReference,
      paidMonths,
      amount: paidMonths.reduce((sum, month) => sum + month.amount, 0),
      changed: result.events.length > 0,
      paidThrough: paidThroughOf(account),
      standing: standingOf(account),
      masaIurMonths: masaIurOf(account),
    };
  }
}
