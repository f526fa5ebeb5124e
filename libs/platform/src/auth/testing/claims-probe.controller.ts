import { Controller, Get } from '@nestjs/common';
import type { Actor } from '../../event-store/envelope';
import { CurrentActor, Public, Roles } from '../auth.decorators';

/** Routes the auth tests probe: one for claims staff, one for anyone signed in, one public. */
@Controller()
export class ClaimsProbeController {
  @Get('claims/pending')
  @Roles('claims-officer', 'claims-supervisor')
  pending(@CurrentActor() actor: Actor): { actedBy: Actor } {
    return { actedBy: actor };
  }

  @Get('me')
  me(@CurrentActor() actor: Actor): Actor {
    return actor;
  }

  @Get('health')
  @Public()
  health(): { ok: true } {
    return { ok: true };
  }
}
