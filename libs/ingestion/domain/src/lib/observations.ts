import type { PersonIdentifierSystem } from '@spie/person/domain';

export interface ObservedAddress {
  lines: string[];
  postalCode: string | null;
  city: string | null;
  inseeCode?: string | null;
  country?: string | null;
}

/**
 * A person as one source sees them: the input of identity resolution (NIR → partner identifier → identity and birth
 * date). Values a source does not carry are `undefined` (never overwrite); `null` means the source says "none".
 */
export interface PersonObservation {
  /** 13 characters (CAF/MSA) or 15 with the key; validated by the parser (a wrong key is a record issue). */
  nir?: string | null;
  identifiers: Array<{ system: PersonIdentifierSystem; value: string; qualifier?: string | null }>;
  lastName: string;
  birthName?: string | null;
  firstNames: string[];
  /** YYYY-MM-DD. */
  birthDate?: string | null;
  birthPlace?: string | null;
  sex?: 'F' | 'M' | null;
  email?: string | null;
  phone?: string | null;
  address?: ObservedAddress | null;
}
