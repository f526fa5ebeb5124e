import { SetMetadata, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Actor } from '../event-store/envelope';
import type { Role } from './roles';

export const ROLES_METADATA = 'santunan:roles';
export const PUBLIC_METADATA = 'santunan:public';

/** The caller needs at least one of these roles. Without it, any authenticated user may call. */
export const Roles = (...roles: readonly Role[]): MethodDecorator & ClassDecorator =>
  SetMetadata(ROLES_METADATA, roles);

/** No token needed (health checks, the AsyncAPI document). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_METADATA, true);

// Keyed by the request object itself, so nothing has to be typed onto express' Request.
const actors = new WeakMap<object, Actor>();

export function attachActor(request: object, actor: Actor): void {
  actors.set(request, actor);
}

export function actorOf(request: unknown): Actor | undefined {
  return typeof request === 'object' && request !== null ? actors.get(request) : undefined;
}

/**
 * The authenticated user, for the handler to put into the metadata of the events it causes.
 * Asking for it on a `@Public()` route is a programming error, hence a 500, not a 401.
 */
export const CurrentActor = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Actor => {
    const actor = actorOf(context.switchToHttp().getRequest());
    if (actor === undefined)
      throw new Error('@CurrentActor() used on a route the AuthGuard did not authenticate');
    return actor;
  },
);
