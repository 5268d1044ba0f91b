import { parseNir } from '@spie/person/domain';

import { CD52_SIRET, DEMO_AGENTS, DEMO_PERSON_ACCOUNTS } from './demo-catalog';
import { buildDemoDataset } from './demo-dataset';
import { demoOidcAccounts } from './demo-oidc-accounts';

describe('demoOidcAccounts', () => {
  const accounts = demoOidcAccounts();

  it('should give every demo agent ProConnect claims taken from the catalogue', () => {
    const agents = accounts.filter((account) => account.kind === 'agent');
    expect(agents.map((account) => account.login)).toEqual(DEMO_AGENTS.map((agent) => agent.login));
    expect(accounts.find((account) => account.login === 'cd52-referent')).toEqual({
      kind: 'agent',
      login: 'cd52-referent',
      description: 'Department 052, social référent (Chaumont)',
      claims: {
        email: 'cd52-referent@demo.invalid',
        given_name: 'Julien',
        usual_name: 'Collin',
        siret: CD52_SIRET,
        idp_id: 'spie-hub-local',
      },
    });
  });

  it('should give no e-mail to technical accounts and no SIRET where the catalogue has none', () => {
    const connector = accounts.find((account) => account.login === 'caf-connector');
    expect(connector?.claims).not.toHaveProperty('email');
    expect(connector?.claims).not.toHaveProperty('siret');
  });

  it('should describe allocataire-demo with FranceConnect’s pivot identity', () => {
    expect(accounts.find((account) => account.login === 'allocataire-demo')).toMatchObject({
      kind: 'person',
      claims: {
        given_name: 'Aurélie Marie',
        family_name: 'Vautrin',
        birthdate: '1986-09-14',
        gender: 'female',
        birthplace: '52121',
        birthcountry: '99100',
      },
    });
  });

  it('should put the person of each person account in the demo dataset, as an applicant with a matching NIR', () => {
    const dataset = buildDemoDataset({ persons: 300, today: new Date('2026-06-15T09:00:00Z') });
    for (const spec of DEMO_PERSON_ACCOUNTS) {
      const people = dataset.persons.filter(
        (person) =>
          person.identity.lastName === spec.birthName &&
          person.identity.birthDate === spec.birthDate &&
          person.identity.firstNames?.join(' ') === spec.firstNames.join(' '),
      );
      expect(people).toHaveLength(1);
      const person = people[0]!;
      expect(person.identity.sex).toBe(spec.sex);
      const nir = parseNir(person.identity.nir as string);
      expect(nir.ok && nir.value.base.slice(0, 10)).toBe('2860952121');
      const household = dataset.households.find((h) => h.members.some((m) => m.personKey === person.key));
      expect(household?.scenario).toBe(spec.scenario);
      expect(household?.members.find((m) => m.personKey === person.key)?.role).toBe('DEM');
    }
  });
});
