import type { PeopleNames } from '../people/people-directory';
import type { SignedInContext } from '../web/page-context';

/**
 * Someone an event names by actor id: their name when they have signed in here, the id
 * otherwise (a machine caller, or someone who never used the console); the id stays in the
 * title for whoever needs to find the person in Keycloak.
 */
export function Person({
  id,
  page,
  people,
}: {
  id: string;
  page: SignedInContext;
  people: PeopleNames;
}) {
  const name = people.get(id) ?? id;
  return (
    <span class="person" title={id}>
      {id === page.user.id ? page.t('person.you', { name }) : name}
    </span>
  );
}
