import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export interface OffsetPage {
  readonly limit: number;
  readonly offset: number;
}

export interface OffsetPageOptions {
  /** Rows when the caller names no `limit`. */
  readonly defaultLimit: number;
  /** The most rows one page may ask for. */
  readonly maxLimit: number;
}

/**
 * `?limit=&offset=` of a list, validated, with the defaults applied: extend
 * `OffsetPageQuery({ defaultLimit: 50, maxLimit: 500 })` with the list's own filters.
 */
export function OffsetPageQuery(options: OffsetPageOptions): new () => OffsetPage {
  class OffsetPageQueryDto implements OffsetPage {
    @ApiPropertyOptional({
      type: 'integer',
      default: options.defaultLimit,
      minimum: 1,
      maximum: options.maxLimit,
      description: 'Rows on this page.',
    })
    @IsOptional()
    @Type(() => Number)
    @IsInt()
    @Min(1)
    @Max(options.maxLimit)
    limit: number = options.defaultLimit;

    @ApiPropertyOptional({
      type: 'integer',
      default: 0,
      minimum: 0,
      description: 'Rows to skip.',
    })
    @IsOptional()
    @Type(() => Number)
    @IsInt()
    @Min(0)
    offset = 0;
  }
  return OffsetPageQueryDto;
}
