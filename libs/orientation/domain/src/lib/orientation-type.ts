/** Codes of the référentiel list `orientation-type`: the department's decision. */
export const ORIENTATION_TYPES = ['social', 'socio_pro', 'pro'] as const;

export type OrientationType = (typeof ORIENTATION_TYPES)[number];

export function isOrientationType(value: string): value is OrientationType {
  return (ORIENTATION_TYPES as readonly string[]).includes(value);
}
