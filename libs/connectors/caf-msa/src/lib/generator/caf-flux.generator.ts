import type { Writable } from 'node:stream';

import { drawHousehold, resolveDrawSettings, type ResolvedDrawSettings } from './caf-household.factory';
import { writeCafFlux } from './caf-flux.writer';
import type {
  GenerateCafFluxOptions,
  GeneratedFluxStats,
  GeneratedHousehold,
} from './caf-flux-generator.types';
import { isoFromDayNumber } from './iso-date';
import { mix32 } from './seeded-random';

/**
 * The households of a generated flux, one at a time: index 0 to `households - 1`, after the monthly changes, without
 * the unchanged ones when `onlyChanged`, through `mutate` when given.
 */
export function* generateHouseholds(
  options: Pick<
    GenerateCafFluxOptions,
    | 'households'
    | 'seed'
    | 'referenceDate'
    | 'cohortDate'
    | 'changeRate'
    | 'onlyChanged'
    | 'departmentCode'
    | 'organisme'
    | 'matriculeOffset'
    | 'mutate'
  >,
  resolved: ResolvedDrawSettings = resolveDrawSettings(options),
): Generator<GeneratedHousehold> {
  if (!Number.isSafeInteger(options.households) || options.households < 0)
    throw new Error(`The number of households must be a non-negative integer, got ${options.households}`);
  for (let index = 0; index < options.households; index += 1) {
    const { household, changed } = drawHousehold(index, resolved);
    if (options.onlyChanged === true && !changed) continue;
    const final = options.mutate !== undefined ? options.mutate(household, index) : household;
    if (final !== null) yield final;
  }
}

/** A creation time that depends on the seed only (`HH:MM:SS.0000`, at night like the samples). */
function creationTimeFor(seed: number): string {
  const draw = mix32(seed ^ 0x1b873593);
  const hours = 1 + (draw % 4);
  const minutes = Math.floor(draw / 4) % 60;
  const seconds = Math.floor(draw / 240) % 60;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}.0000`;
}

/**
 * Writes a realistic CAF/MSA "flux bénéficiaires RSA" (vrsb0801, windows-1252) of `households` households to
 * `output`, streaming: memory stays flat for a million households. The same options always give the same bytes; a
 * later `referenceDate` with the same `cohortDate` gives the same households with `changeRate` of them changed per
 * month.
 */
export async function generateCafFlux(
  options: GenerateCafFluxOptions,
  output: Writable,
): Promise<GeneratedFluxStats> {
  if (!Number.isSafeInteger(options.households) || options.households < 0)
    throw new Error(`The number of households must be a non-negative integer, got ${options.households}`);
  const resolved = resolveDrawSettings(options);
  const households = generateHouseholds(options, resolved);
  return writeCafFlux(
    households,
    {
      fluxType: options.fluxType ?? 'M',
      referenceDate: isoFromDayNumber(resolved.referenceDay),
      creationDate: options.creationDate,
      creationTime: options.creationTime ?? creationTimeFor(resolved.seed),
    },
    output,
    { indent: options.indent, end: options.end, schemaLocation: options.schemaLocation },
  );
}
