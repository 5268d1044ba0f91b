/**
 * Writes a generated CAF/MSA "flux bénéficiaires RSA" (vrsb0801, windows-1252) and prints one JSON line of figures
 * (households, persons, bytes, elapsed time, peak RSS).
 *
 *   node -r ./bin/register.js tools/bench/generate-caf-flux.ts --foyers 100000 --out /tmp/flux.xml
 *     [--seed 1] [--dtref 2026-09-30] [--cohort-date 2026-09-30] [--change-rate 0.05] [--only-changed]
 *     [--type M|I] [--department 052] [--organisme CAF|MSA|mixed] [--matricule-offset 0] [--flat]
 *
 * A later month of the same households: keep `--seed` and `--cohort-date`, move `--dtref`. `--out -` writes to the
 * standard output (the figures then go to the standard error).
 */
import { createWriteStream } from 'node:fs';
import { parseArgs } from 'node:util';

import { generateCafFlux } from '../../libs/connectors/caf-msa/src/lib/generator';

function usage(message: string): never {
  process.stderr.write(`${message}\n`);
  process.stderr.write(
    'usage: generate-caf-flux.ts --foyers N --out FILE|- [--seed 1] [--dtref YYYY-MM-DD] [--cohort-date YYYY-MM-DD] ' +
      '[--change-rate 0.05] [--only-changed] [--type M|I] [--department 052] [--organisme CAF|MSA|mixed] ' +
      '[--matricule-offset 0] [--flat]\n',
  );
  process.exit(2);
}

function integer(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isSafeInteger(parsed) || parsed < 0)
    usage(`--${name} must be a non-negative integer, got ${value}`);
  return parsed;
}

async function main(): Promise<void> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse();
  } catch (error) {
    usage(error instanceof Error ? error.message : String(error));
  }
  const { values } = parsed;
  if (values.foyers === undefined) usage('--foyers is required');
  if (values.out === undefined) usage('--out is required');
  const fluxType = values.type ?? 'M';
  if (fluxType !== 'M' && fluxType !== 'I') usage(`--type must be M or I, got ${fluxType}`);
  const organisme = values.organisme ?? 'CAF';
  if (organisme !== 'CAF' && organisme !== 'MSA' && organisme !== 'mixed')
    usage(`--organisme must be CAF, MSA or mixed, got ${organisme}`);
  const changeRate = values['change-rate'] === undefined ? undefined : Number(values['change-rate']);

  const toStdout = values.out === '-';
  const output = toStdout ? process.stdout : createWriteStream(values.out);
  const started = process.hrtime.bigint();
  const stats = await generateCafFlux(
    {
      households: integer('foyers', values.foyers, 0),
      seed: integer('seed', values.seed, 1),
      referenceDate: values.dtref,
      cohortDate: values['cohort-date'],
      changeRate,
      onlyChanged: values['only-changed'],
      fluxType,
      departmentCode: values.department,
      organisme,
      matriculeOffset: integer('matricule-offset', values['matricule-offset'], 0),
      indent: values.flat !== true,
    },
    output,
  );
  const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
  const figures = {
    ...stats,
    out: values.out,
    elapsedMs: Math.round(elapsedMs),
    householdsPerSecond: Math.round(stats.households / (elapsedMs / 1000)),
    megabytesPerSecond: Math.round((stats.bytes / 1e6 / (elapsedMs / 1000)) * 10) / 10,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
  (toStdout ? process.stderr : process.stdout).write(`${JSON.stringify(figures)}\n`);
}

function parse() {
  return parseArgs({
    options: {
      foyers: { type: 'string' },
      out: { type: 'string' },
      seed: { type: 'string' },
      dtref: { type: 'string' },
      'cohort-date': { type: 'string' },
      'change-rate': { type: 'string' },
      'only-changed': { type: 'boolean' },
      type: { type: 'string' },
      department: { type: 'string' },
      organisme: { type: 'string' },
      'matricule-offset': { type: 'string' },
      flat: { type: 'boolean' },
    },
    strict: true,
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
