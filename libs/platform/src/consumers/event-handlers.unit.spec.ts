import 'reflect-metadata';
import { Type } from 'class-transformer';
import { IsInt, IsString, ValidateNested } from 'class-validator';
import type { Transaction } from '../database/platform-database';
import type { EventEnvelope } from '../event-store/envelope';
import { EventHandlers } from './event-handlers';

class HeirDto {
  @IsString()
  name!: string;
}

class HeirsDesignatedDto {
  @IsInt()
  count!: number;

  @ValidateNested({ each: true })
  @Type(() => HeirDto)
  heirs!: HeirDto[];
}

function envelope(
  type: string,
  data: Record<string, unknown>,
): EventEnvelope<string, Record<string, unknown>> {
  return {
    eventId: 'e-1',
    type,
    schemaVersion: 1,
    streamId: 's',
    streamType: 'participant',
    version: 1,
    globalPosition: '1',
    occurredAt: '',
    recordedAt: '',
    metadata: { correlationId: 'c', causationId: null, actor: { id: 'system', kind: 'system' } },
    data,
    hash: '',
    previousHash: null,
  };
}

const source = { topic: 't', partition: 0, offset: '0' };
const noTransaction = {} as Transaction;

describe('EventHandlers', () => {
  it('hands the handler a validated DTO, with members it does not know stripped', async () => {
    const seen: HeirsDesignatedDto[] = [];
    const handlers = new EventHandlers().on(
      'HeirsDesignated',
      HeirsDesignatedDto,
      async (event) => {
        seen.push(event.data);
      },
    );
    const prepared = await handlers.prepare(
      envelope('HeirsDesignated', { count: 1, heirs: [{ name: 'Siti' }], addedInVersion2: true }),
      source,
    );
    if (!prepared?.ok) throw new Error('expected a valid payload');
    await prepared.apply(noTransaction);
    expect(seen[0]).toBeInstanceOf(HeirsDesignatedDto);
    expect(seen[0]).toEqual({ count: 1, heirs: [{ name: 'Siti' }] });
  });

  it('reports every failed constraint with its nested path', async () => {
    const handlers = new EventHandlers().on('HeirsDesignated', HeirsDesignatedDto, () =>
      Promise.resolve(),
    );
    const prepared = await handlers.prepare(
      envelope('HeirsDesignated', { count: 'one', heirs: [{ name: 7 }] }),
      source,
    );
    expect(prepared).toEqual({
      ok: false,
      errors: [
        { field: 'count', constraint: 'isInt', message: 'count must be an integer number' },
        { field: 'heirs.0.name', constraint: 'isString', message: 'name must be a string' },
      ],
    });
  });

  it('knows no handler for an unregistered type, and refuses a second handler for one type', () => {
    const handlers = new EventHandlers().on('HeirsDesignated', HeirsDesignatedDto, () =>
      Promise.resolve(),
    );
    expect(handlers.prepare(envelope('ChildRegistered', {}), source)).toBeUndefined();
    expect(() =>
      handlers.on('HeirsDesignated', HeirsDesignatedDto, () => Promise.resolve()),
    ).toThrow(/already registered/);
  });
});
