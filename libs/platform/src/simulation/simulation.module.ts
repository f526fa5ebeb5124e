import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Inject,
  Module,
  Put,
  type DynamicModule,
} from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsISO8601, IsString } from 'class-validator';
import { Roles } from '../auth/auth.decorators';
import { ProblemException } from '../http/problem.exception';
import type { Clock } from '../service/clock-and-ids';
import { SimulatedClock } from './simulated-clock';

export class SimulationClockDto {
  @ApiProperty({ example: '2026-03-02T02:00:00.000Z', description: 'ISO-8601 instant' })
  @IsString()
  @IsISO8601({ strict: true })
  now!: string;
}

export interface SimulationClockView {
  readonly now: string;
  readonly today: string;
  readonly simulated: true;
}

const view = (clock: Clock): SimulationClockView => ({
  now: clock.now(),
  today: clock.today(),
  simulated: true,
});

@ApiTags('simulation')
@Controller('simulation/clock')
class SimulationClockController {
  constructor(@Inject(SimulatedClock) private readonly clock: SimulatedClock) {}

  @Get()
  @Roles('admin')
  @ApiOperation({ summary: "The simulated clock's now and today (Asia/Jakarta)" })
  @ApiOkResponse({ description: 'Only mounted when SANTUNAN_SIMULATED_CLOCK_START is set.' })
  read(): SimulationClockView {
    return view(this.clock);
  }

  @Put()
  @HttpCode(HttpStatus.OK)
  @Roles('admin')
  @ApiOperation({ summary: 'Moves the simulated clock forward (409 when it would go back)' })
  move(@Body() body: SimulationClockDto): SimulationClockView {
    const moved = this.clock.moveTo(body.now);
    if (!moved.ok && moved.reason === 'backwards') {
      throw new ProblemException(
        409,
        'SIMULATED_CLOCK_BACKWARDS',
        'The simulated clock only moves forward',
        `${body.now} is before the simulated now ${moved.now}`,
        { now: moved.now },
      );
    }
    if (!moved.ok) {
      throw new ProblemException(
        400,
        'SIMULATED_CLOCK_INVALID',
        'Not an instant',
        `${body.now} is not an ISO-8601 instant`,
      );
    }
    return view(this.clock);
  }
}

/**
 * GET/PUT /simulation/clock for a service running on a SimulatedClock. Not imported at all
 * otherwise, so a production service answers 404 and has no way to move its time.
 */
@Module({})
export class SimulationModule {
  static forRoot(clock: SimulatedClock): DynamicModule {
    return {
      module: SimulationModule,
      controllers: [SimulationClockController],
      providers: [{ provide: SimulatedClock, useValue: clock }],
    };
  }
}

/** What a service's root module imports for its clock: the simulation endpoint, or nothing. */
export function simulationImports(clock: Clock | undefined): DynamicModule[] {
  return clock instanceof SimulatedClock ? [SimulationModule.forRoot(clock)] : [];
}
