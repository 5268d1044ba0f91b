import { fr } from '@codegouvfr/react-dsfr';

import { formatDate } from '../shared/format';
import type { MaskedField } from '../shared/graphql';
import { CONTRACT_TYPE, SOURCE, label } from '../shared/words';
import type { ConsolePerson } from './person-file.query';

type Person = NonNullable<ConsolePerson['person']>;

const CONTRACT_EVENT: Record<string, string> = {
  created: 'préparé',
  signed: 'signé',
  activated: 'commencé',
  suspended: 'suspendu',
  resumed: 'repris',
  ended: 'terminé',
  amended: 'avenant préparé',
  amendment_signed: 'avenant signé',
};

interface Step {
  at: string;
  text: string;
}

/** The key events of the parcours, newest first, from what the file already holds (only what the agent may see). */
export function steps(person: Person): Step[] {
  const list: Step[] = [];
  if (person.rsa?.openedOn) list.push({ at: person.rsa.openedOn, text: 'Droit au RSA ouvert' });
  for (const o of person.orientationHistory)
    list.push({ at: o.decidedAt, text: `Orientation ${o.typeLabel ?? o.type} vers ${o.structure.name}` });
  for (const d of person.diagnosticHistory)
    list.push({ at: d.createdAt, text: `Diagnostic, version ${d.version} (${label(SOURCE, d.source)})` });
  for (const c of person.contracts)
    for (const e of c.events)
      list.push({ at: e.at, text: `${label(CONTRACT_TYPE, c.type)} ${label(CONTRACT_EVENT, e.kind)}` });
  return list.sort((a, b) => b.at.localeCompare(a.at));
}

export function Timeline({ person, masked }: { person: Person; masked: readonly MaskedField[] }) {
  const list = steps(person);
  return (
    <section aria-labelledby="parcours" className={fr.cx('fr-mb-5w')}>
      <h2 id="parcours">Parcours</h2>
      {list.length === 0 ? (
        <p>Aucun événement visible.</p>
      ) : (
        <ol reversed>
          {list.map((step, index) => (
            <li key={`${step.at}-${index}`}>
              {formatDate(step.at)} : {step.text}
            </li>
          ))}
        </ol>
      )}
      {masked.some((m) => /^person\.(orientationHistory|diagnosticHistory|contracts|rsa)$/.test(m.path)) && (
        <p className={fr.cx('fr-text--sm')}>Certains événements sont masqués pour votre motif.</p>
      )}
    </section>
  );
}
