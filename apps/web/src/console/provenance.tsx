import { fr } from '@codegouvfr/react-dsfr';

import { formatDate } from '../shared/format';
import { SOURCE, label } from '../shared/words';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * « source, date »: where a value came from. A value the person declared and an agent accepted (a correction request)
 * says so; a connector is named; an agent's id is not shown (the agent is named where the page knows them).
 */
export function ProvenanceNote({
  provenance,
}: {
  provenance: { source: string; sourceRef?: string | null; recordedAt: string; recordedBy?: string };
}) {
  const correction =
    provenance.source === 'person' && provenance.sourceRef?.startsWith('correction-request:');
  const by =
    provenance.recordedBy &&
    provenance.source !== 'caf' &&
    provenance.source !== 'msa' &&
    provenance.recordedBy !== 'person' &&
    !UUID.test(provenance.recordedBy)
      ? `, par ${provenance.recordedBy}`
      : '';
  return (
    <span className={fr.cx('fr-text--xs', 'fr-ml-1w')} data-provenance={provenance.source}>
      {correction
        ? `(source : déclaration de la personne, correction acceptée le ${formatDate(provenance.recordedAt)})`
        : `(source : ${label(SOURCE, provenance.source)}, ${formatDate(provenance.recordedAt)}${by})`}
    </span>
  );
}
