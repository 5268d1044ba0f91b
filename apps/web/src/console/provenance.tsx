import { fr } from '@codegouvfr/react-dsfr';

import { formatDate } from '../shared/format';
import { SOURCE, label } from '../shared/words';

/** « source, date »: where a value came from. */
export function ProvenanceNote({
  provenance,
}: {
  provenance: { source: string; sourceRef?: string | null; recordedAt: string; recordedBy?: string };
}) {
  return (
    <span className={fr.cx('fr-text--xs', 'fr-ml-1w')} data-provenance={provenance.source}>
      (source : {label(SOURCE, provenance.source)}, {formatDate(provenance.recordedAt)}
      {provenance.recordedBy && provenance.source !== 'caf' && provenance.source !== 'msa'
        ? `, par ${provenance.recordedBy}`
        : ''}
      )
    </span>
  );
}
