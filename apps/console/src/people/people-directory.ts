import type { Pool } from 'pg';
import type { SignedInUser } from '../auth/session-user';

/** Display names by actor id; an id nobody has signed in with is absent. */
export type PeopleNames = ReadonlyMap<string, string>;

// Events name people by their identity provider's user id (ADR 0017). Everyone who takes a
// claim in, proposes or checks it signs in here, so the console learns each name at sign-in
// and shows names instead of ids; it is a cache of what Keycloak said, never a user store.
const SCHEMA = `
  create table if not exists console_people (
    actor_id text primary key,
    display_name text not null,
    username text not null,
    last_signed_in_at timestamptz not null default now()
  )`;

export class PeopleDirectory {
  private constructor(private readonly database: Pool) {}

  static async prepare(database: Pool): Promise<PeopleDirectory> {
    await database.query(SCHEMA);
    return new PeopleDirectory(database);
  }

  /** At sign-in: the person's current name (a renamed user shows the new name everywhere). */
  async remember(user: SignedInUser): Promise<void> {
    await this.database.query(
      `insert into console_people (actor_id, display_name, username) values ($1, $2, $3)
       on conflict (actor_id) do update
         set display_name = excluded.display_name, username = excluded.username,
             last_signed_in_at = now()`,
      [user.id, user.name, user.username],
    );
  }

  async namesOf(ids: Iterable<string | null | undefined>): Promise<PeopleNames> {
    const wanted = [...new Set([...ids].filter((id): id is string => !!id))];
    if (wanted.length === 0) return new Map();
    const { rows } = await this.database.query<{ actor_id: string; display_name: string }>(
      'select actor_id, display_name from console_people where actor_id = any($1::text[])',
      [wanted],
    );
    return new Map(rows.map((row) => [row.actor_id, row.display_name]));
  }
}
