import { LOCAL_IDP_ID, type LocalAccount } from '@spie/platform/oidc-local';

import {
  DEMO_AGENTS,
  DEMO_ORGANISATIONS,
  DEMO_PERSON_ACCOUNTS,
  demoAgentEmail,
  type DemoPersonAccountSpec,
} from './demo-catalog';
import { demoBirthPlace } from './demo-dataset';

/** INSEE code of France in the country list (COG), as FranceConnect sends `birthcountry`. */
const FRANCE_COUNTRY_CODE = '99100';

/**
 * The accounts of the local OpenID provider, from the demo catalogue (the seed writes the same agents and person):
 * every demo agent with ProConnect's claims (the SIRET is their structure's, when the catalogue has one), and the
 * person accounts with FranceConnect's pivot identity.
 */
export function demoOidcAccounts(): LocalAccount[] {
  const agents = DEMO_AGENTS.map((agent): LocalAccount => {
    const organisation = DEMO_ORGANISATIONS.find((candidate) => candidate.key === agent.organisation);
    const email = demoAgentEmail(agent);
    return {
      kind: 'agent',
      login: agent.login,
      description: agent.description,
      claims: {
        ...(email ? { email } : {}),
        given_name: agent.givenName,
        usual_name: agent.usualName,
        ...(organisation?.siret ? { siret: organisation.siret } : {}),
        idp_id: LOCAL_IDP_ID,
      },
    };
  });
  return [...agents, ...DEMO_PERSON_ACCOUNTS.map(personAccount)];
}

function personAccount(spec: DemoPersonAccountSpec): LocalAccount {
  const place = demoBirthPlace(spec.birthPlace);
  const abroad = place.nirDepartment === '99';
  return {
    kind: 'person',
    login: spec.login,
    description: spec.description,
    claims: {
      given_name: spec.firstNames.join(' '),
      family_name: spec.birthName,
      birthdate: spec.birthDate,
      gender: spec.sex === 'F' ? 'female' : 'male',
      // INSEE codes: commune = department + commune of the NIR; a country abroad = 99 + its code.
      birthplace: abroad ? '' : `${place.nirDepartment}${place.nirCommune}`,
      birthcountry: abroad ? `99${place.nirCommune}` : FRANCE_COUNTRY_CODE,
      ...(spec.usageName ? { preferred_username: spec.usageName } : {}),
    },
  };
}
