import { maskNirInText } from '@spie/platform/logging';

/** The key the CAF/MSA parser gives a household: organisme and `MATRICULE` (15 digits in real files). */
const CAF_HOUSEHOLD_KEY = /^(caf|msa):\d{1,20}$/;

/**
 * A record key fit for a report. Keys are built by the parsers from identifiers, never from a NIR, but a line the
 * parser could not read keeps its first cell: anything shaped like a NIR is masked. A CAF/MSA household key is left as
 * it is: its 15-digit matricule has a NIR's shape and is what the sender needs to find the record.
 */
export function maskRecordKey(key: string): string {
  return CAF_HOUSEHOLD_KEY.test(key) ? key : maskNirInText(key);
}

/** A CAF/MSA dossier identifier: `<organisme code>:<MATRICULE>`. */
const DOSSIER_VALUE = /^\d{1,5}:\d{1,20}$/;

/** A partner identifier fit for a reviewer: CAF/MSA dossiers as they are (see above), anything NIR-shaped masked. */
export function maskIdentifierValue(system: string, value: string): string {
  const dossier = (system === 'caf_dossier' || system === 'msa_dossier') && DOSSIER_VALUE.test(value);
  return dossier ? value : maskNirInText(value);
}
