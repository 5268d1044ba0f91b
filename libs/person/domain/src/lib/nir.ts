import { err, ok, type Result } from '@spie/shared/kernel';

/**
 * The NIR (numéro d'inscription au répertoire): sex (1), birth year (2), month (2), department (2, or 2A/2B for
 * Corsica), commune (3), order (3) and a two-digit key. CAF/MSA send the first 13 characters only; the key is
 * 97 − (n mod 97), where Corsica's 2A counts as 19 and 2B as 18.
 */
export interface Nir {
  /** The 13 characters without key, upper case (the lookup form: a 13 and a 15 of the same person match). */
  readonly base: string;
  /** The 2-digit key, computed when the input had none. */
  readonly key: string;
  /** The full 15 characters. */
  readonly full: string;
  /** True when the input came without key (CAF/MSA form): the key was computed, not checked. */
  readonly keyComputed: boolean;
}

export type NirError =
  | { code: 'NIR_EMPTY' }
  | { code: 'NIR_LENGTH'; length: number }
  | { code: 'NIR_FORMAT' }
  | { code: 'NIR_KEY_MISMATCH' };

const BASE_PATTERN = /^[1-478]\d{4}(?:\d{2}|2[AB])\d{6}$/;

export function nirKey(base: string): string {
  const numeric = base.replace('2A', '19').replace('2B', '18');
  const remainder = Number(BigInt(numeric) % 97n);
  return String(97 - remainder).padStart(2, '0');
}

/** Parses a NIR as typed by a person or sent by a partner (spaces, dots and dashes ignored; 13 or 15 characters). */
export function parseNir(input: string | null | undefined): Result<Nir, NirError> {
  const cleaned = (input ?? '').replace(/[\s.\-_]/g, '').toUpperCase();
  if (cleaned.length === 0) return err({ code: 'NIR_EMPTY' });
  if (cleaned.length !== 13 && cleaned.length !== 15)
    return err({ code: 'NIR_LENGTH', length: cleaned.length });
  const base = cleaned.slice(0, 13);
  if (!BASE_PATTERN.test(base)) return err({ code: 'NIR_FORMAT' });
  // Corsica codes only exist for departments 2A/2B at positions 6-7; a letter anywhere else is malformed.
  const key = nirKey(base);
  if (cleaned.length === 15) {
    const given = cleaned.slice(13);
    if (!/^\d{2}$/.test(given)) return err({ code: 'NIR_FORMAT' });
    if (given !== key) return err({ code: 'NIR_KEY_MISMATCH' });
    return ok({ base, key, full: base + key, keyComputed: false });
  }
  return ok({ base, key, full: base + key, keyComputed: true });
}

export function describeNirError(error: NirError): string {
  switch (error.code) {
    case 'NIR_EMPTY':
      return 'NIR is empty';
    case 'NIR_LENGTH':
      return `NIR must have 13 or 15 characters, got ${error.length}`;
    case 'NIR_FORMAT':
      return 'NIR format is invalid (sex, year, month, department, commune, order, key)';
    case 'NIR_KEY_MISMATCH':
      return 'NIR key does not match (97 - n mod 97)';
  }
}
