import type { Contact, ContactRole } from '../core/internal.js';
import type { Profile } from './profile.js';
import type { Random } from './random.js';
import { departments, firstNames, lastNames } from './vocabulary.js';

const contactCount: Readonly<Record<Profile['segment'], readonly [number, number]>> = {
  enterprise: [7, 14],
  'mid-market': [4, 8],
  smb: [2, 4],
};

/**
 * Builds an account's org chart: an executive sponsor; under them a director
 * who signs the renewal; under the director the champion and their peers;
 * under the champion the users; and a billing contact in finance. This is
 * the champion, peers and two leadership levels an account plan maps.
 *
 * @internal
 */
export function drawContacts(random: Random, profile: Profile): Contact[] {
  const [fewest, most] = contactCount[profile.segment];
  const count = random.integer(fewest, most);
  const department = random.pick(departments);
  const contacts: Contact[] = [];
  const add = (role: ContactRole, title: string, reportsTo: string | undefined): string => {
    const first = random.pick(firstNames);
    const last = random.pick(lastNames);
    const id = `${profile.id}-c${String(contacts.length + 1)}`;
    const email = `${first}.${last}@${profile.domain}`.toLowerCase().replace(/ü/g, 'u');
    contacts.push({
      id,
      accountId: profile.id,
      name: `${first} ${last}`,
      email,
      title,
      role,
      ...(reportsTo === undefined ? {} : { reportsTo }),
    });
    return id;
  };

  const sponsor = add('executive_sponsor', `VP of ${department}`, undefined);
  if (count === 2) {
    add('champion', `${department} Manager`, sponsor);
    return contacts;
  }
  const director = add('decision_maker', `Director of ${department}`, sponsor);
  const champion = add('champion', `${department} Manager`, director);
  if (count >= 5) add('billing', 'Finance Manager', undefined);
  const peers: readonly [ContactRole, string][] = [
    ['admin', `${department} Systems Administrator`],
    ['power_user', `Senior ${department} Analyst`],
  ];
  for (const [role, title] of peers) if (contacts.length < count) add(role, title, director);
  while (contacts.length < count) add('user', `${department} Specialist`, champion);
  return contacts;
}
