import { Inject, Injectable } from '@nestjs/common';
import { isRedacted, ServiceRuntime, type DomainRejection } from '@santunan/platform';
import { renderBankFile, type BankFileLine } from '@santunan/payouts-domain';
import { PayoutStreams } from '../shared/payout-streams.repository';
import { batchNotFound } from '../shared/payouts-rejections';

/** The file, or BATCH_NOT_FOUND, or PERSONAL_DATA_ERASED (the payouts whose account is gone). */
export type BankFile =
  | {
      readonly ok: true;
      readonly fileName: string;
      readonly content: string;
      readonly count: number;
      readonly total: number;
    }
  | { readonly ok: false; readonly rejection: DomainRejection };

function text(value: unknown): string | undefined {
  return typeof value === 'string' && !isRedacted(value) ? value : undefined;
}

/**
 * The bank file of a batch, rebuilt from the events: for each payout, the account it was put
 * in this batch with (a later reissue does not rewrite an old file).
 * Decrypted only here, at the edge, for the finance role.
 */
@Injectable()
export class BankFileReader {
  constructor(
    @Inject(ServiceRuntime) private readonly runtime: ServiceRuntime,
    @Inject(PayoutStreams) private readonly streams: PayoutStreams,
  ) {}

  async read(batchId: string): Promise<BankFile> {
    const batch = await this.streams.batch(undefined, batchId);
    if (batch.status === 'none') return { ok: false, rejection: batchNotFound(batchId) };
    const lines: BankFileLine[] = [];
    const erased: string[] = [];
    for (const { payoutId, attempt } of batch.payouts) {
      const history = (await this.streams.history(this.runtime.database, payoutId)).map(
        (entry) => entry.event,
      );
      const scheduled = history.find((event) => event.type === 'PayoutScheduled');
      // Since ADR 0035 the payout went in when the batch was prepared; before, when instructed.
      const batched = history.find(
        (event) =>
          (event.type === 'PayoutBatched' || event.type === 'PayoutInstructed') &&
          event.data.batchId === batchId &&
          event.data.attempt === attempt,
      );
      if (
        scheduled?.type !== 'PayoutScheduled' ||
        (batched?.type !== 'PayoutBatched' && batched?.type !== 'PayoutInstructed')
      ) {
        throw new Error(`payout ${payoutId} of batch ${batchId} was never put in it`);
      }
      const account = batched.data.bankAccount;
      const [accountNumber, accountName, beneficiaryName] = [
        text(account.accountNumber),
        text(account.accountName),
        text(scheduled.data.beneficiary.fullName),
      ];
      if (
        accountNumber === undefined ||
        accountName === undefined ||
        beneficiaryName === undefined
      ) {
        erased.push(payoutId);
        continue;
      }
      lines.push({
        payoutId,
        attempt,
        bankCode: account.bankCode,
        accountNumber,
        accountName,
        beneficiaryName,
        amount: batched.data.amount,
      });
    }
    if (erased.length > 0) {
      return {
        ok: false,
        rejection: {
          code: 'PERSONAL_DATA_ERASED',
          message: 'the accounts of some payouts of this batch were erased (crypto-shredded)',
          details: { payoutIds: erased },
        },
      };
    }
    return {
      ok: true,
      fileName: batch.fileName,
      content: renderBankFile(lines),
      count: batch.count,
      total: batch.total,
    };
  }
}
