import type { INestApplicationContext } from '@nestjs/common';

import { generateHouseholds, type GenerateCafFluxOptions } from '@spie/connectors/caf-msa';

import { createWorker } from '../../src/bootstrap';
import { Producer, generateFlux } from './support/ingestion-harness';

/**
 * Monthly stocks (`TYPEFLUX` M) and daily increments (`I`) of the CAF/MSA flux in the order they arrive: a daily
 * between two monthlies is applied, the next monthly confirms or updates it, and a flux older than what was applied
 * changes nothing. Expected states come from the generator, which draws the same households in every file.
 */
jest.setTimeout(120_000);

interface RightRow {
  key: string;
  month: string;
  etat: string;
  batch: string;
}

describe('worker: CAF/MSA monthly and daily flux in arrival order', () => {
  let worker: INestApplicationContext;
  let hub: Producer;
  const HOUSEHOLDS = 60;
  // Each run draws its own households (matricules from a random offset), as the other ingestion tests do.
  const offset = 10_000_000 + Math.floor(Math.random() * 100_000) * 100;

  beforeAll(async () => {
    worker = await createWorker({ logs: false });
    hub = Producer.of(worker);
  });

  afterAll(async () => {
    await worker?.close();
  });

  function settings(
    matriculeOffset: number,
    referenceDate: string,
    more: Partial<GenerateCafFluxOptions> = {},
  ) {
    return {
      households: HOUSEHOLDS,
      seed: 41,
      matriculeOffset,
      departmentCode: '052',
      cohortDate: '2026-08-31',
      referenceDate,
      ...more,
    };
  }

  /** `caf:<matricule>` → ETATDOSRSA of every household the flux holds. */
  function states(options: GenerateCafFluxOptions): Map<string, string> {
    return new Map(
      [...generateHouseholds(options)].map((h) => [`caf:${h.matricule}`, h.etatDossier] as const),
    );
  }

  /** Household-level rights rows of these households, in the order they were recorded. */
  async function rights(keys: Iterable<string>): Promise<RightRow[]> {
    return (await hub.dataSource.query(
      `SELECT h.organisme || ':' || h.matricule AS key, r.reference_month::text AS month, r.etat_dossier AS etat,
              r.source_ref AS batch
         FROM rsa_right_status r JOIN household h ON h.id = r.household_id
        WHERE r.person_id IS NULL AND h.organisme || ':' || h.matricule = ANY($1::text[])
        ORDER BY key, r.recorded_at, r.id`,
      [[...keys]],
    )) as RightRow[];
  }

  /** The current state of each household: its latest reference month, latest recorded within it. */
  function current(rows: RightRow[]): Map<string, RightRow> {
    const latest = new Map<string, RightRow>();
    for (const row of rows) {
      const known = latest.get(row.key);
      if (!known || row.month >= known.month) latest.set(row.key, row);
    }
    return latest;
  }

  function etats(rows: Map<string, RightRow>): Map<string, string> {
    return new Map([...rows].map(([key, row]) => [key, row.etat]));
  }

  it('should apply a daily flux between two monthly ones, let the second monthly confirm it, and find an older daily stale', async () => {
    const august = settings(offset, '2026-08-31');
    const daily = settings(offset, '2026-09-15', { changeRate: 0.5, onlyChanged: true, fluxType: 'I' });
    const september = settings(offset, '2026-09-30', { changeRate: 0.5 });
    const lateDaily = settings(offset, '2026-09-10', { changeRate: 0.5, onlyChanged: true, fluxType: 'I' });
    const all = [...states(august).keys()];
    const changed = states(daily);
    expect(changed.size).toBeGreaterThan(5);
    expect(changed.size).toBeLessThan(HOUSEHOLDS - 5);

    const first = await hub.ingest((await generateFlux(august)).bytes);
    expect(first.status).toBe('completed');
    expect(first.counts.householdsCreated).toBe(HOUSEHOLDS);

    // The daily: only the households that changed, each updated, with a September row in its rights history.
    const increment = await hub.ingest((await generateFlux(daily)).bytes);
    expect({
      status: increment.status,
      fluxType: increment.fluxType,
      referenceDate: increment.referenceDate,
      created: increment.counts.householdsCreated,
      updated: increment.counts.householdsUpdated,
      stale: increment.counts.stale,
    }).toEqual({
      status: 'completed',
      fluxType: 'I',
      referenceDate: '2026-09-15',
      created: 0,
      updated: changed.size,
      stale: 0,
    });
    const afterDaily = current(await rights(all));
    expect(etats(afterDaily)).toEqual(new Map([...states(august), ...changed]));
    for (const key of all)
      expect([key, afterDaily.get(key)?.batch]).toEqual([key, changed.has(key) ? increment.id : first.id]);

    // The September stock: every household; the ones the daily changed are confirmed or updated, the others unchanged.
    const monthly = await hub.ingest((await generateFlux(september)).bytes);
    expect(monthly.status).toBe('completed');
    expect(monthly.counts.householdsCreated + monthly.counts.stale).toBe(0);
    expect(monthly.counts.householdsUpdated).toBeLessThanOrEqual(changed.size);
    expect(monthly.counts.householdsUpdated + monthly.counts.householdsUnchanged).toBe(HOUSEHOLDS);
    const afterMonthly = await rights(all);
    expect(etats(current(afterMonthly))).toEqual(states(september));
    // The daily's states are those of the monthly that follows it (the same change, seen earlier).
    for (const [key, etat] of changed) expect([key, states(september).get(key)]).toEqual([key, etat]);

    // History per household: recorded in reference-month order, August then September, never rewritten.
    for (const key of all) {
      const months = afterMonthly.filter((row) => row.key === key).map((row) => row.month);
      expect([key, months]).toEqual([key, [...months].sort()]);
      expect([key, months[0], new Set(months).size]).toEqual([key, '2026-08-01', changed.has(key) ? 2 : 1]);
    }

    // A daily of September 10 arriving now is older than everything applied to its households: nothing moves.
    const late = await hub.ingest((await generateFlux(lateDaily)).bytes);
    const lateHouseholds = states(lateDaily).size;
    expect(lateHouseholds).toBeGreaterThan(0);
    expect(late.counts).toMatchObject({
      householdsCreated: 0,
      householdsUpdated: 0,
      stale: lateHouseholds,
    });
    expect(await rights(all)).toEqual(afterMonthly);
  });

  it('should find a daily stale when it arrives after a newer monthly that found its households unchanged', async () => {
    // August, then a September stock in which nothing changed (every household confirmed as in August), then a daily
    // of September 15 with changes: the September stock is the truth as of the 30th, the daily must not undo it.
    const base = offset + 50_000;
    const august = settings(base, '2026-08-31');
    const september = settings(base, '2026-09-30', { changeRate: 0 });
    const lateDaily = settings(base, '2026-09-15', { changeRate: 0.5, onlyChanged: true, fluxType: 'I' });
    const all = [...states(august).keys()];
    const lateHouseholds = states(lateDaily).size;
    expect(lateHouseholds).toBeGreaterThan(5);

    await hub.ingest((await generateFlux(august)).bytes);
    const monthly = await hub.ingest((await generateFlux(september)).bytes);
    expect(monthly.counts.householdsUnchanged).toBe(HOUSEHOLDS);
    const before = await rights(all);

    const late = await hub.ingest((await generateFlux(lateDaily)).bytes);
    expect(late.counts).toMatchObject({
      householdsCreated: 0,
      householdsUpdated: 0,
      stale: lateHouseholds,
    });
    expect(etats(current(await rights(all)))).toEqual(states(september));
    expect(await rights(all)).toEqual(before);
  });
});
