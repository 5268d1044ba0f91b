import { ImiloClient } from './imilo.client';
import { mapDossier, mapRdv } from './imilo.mapper';
import { seedSimulator } from './imilo.seed';
import { startImiloSimulator, type ImiloSimulator } from './imilo.simulator';

const TODAY = '2026-03-02';

describe('seedSimulator', () => {
  let sim: ImiloSimulator;

  beforeEach(async () => {
    sim = await startImiloSimulator({ apiKey: 'k' });
  });

  afterEach(async () => {
    await sim.close();
  });

  it('should give the same data for the same seed and another for another seed', async () => {
    const other = await startImiloSimulator({ apiKey: 'k' });
    try {
      const first = seedSimulator(sim, 20, 'demo', { today: TODAY });
      const again = seedSimulator(other, 20, 'demo', { today: TODAY });
      expect(again).toEqual(first);
      expect(seedSimulator(other, 20, 'other', { today: TODAY }).dossiers).not.toEqual(first.dossiers);
    } finally {
      await other.close();
    }
  });

  it('should create young people of 16 to 25 in CEJ at the 052 mission locale, which map without errors', () => {
    const { dossiers, rdvs } = seedSimulator(sim, 60, 'demo', { today: TODAY });

    expect(dossiers).toHaveLength(60);
    expect(new Set(dossiers.map((d) => d.idDossier)).size).toBe(60);
    for (const dossier of dossiers) {
      const { record, issues } = mapDossier(dossier);
      expect(issues).toEqual([]);
      const age = ageOn(record.person.birthDate as string, TODAY);
      expect(age).toBeGreaterThanOrEqual(16);
      expect(age).toBeLessThanOrEqual(25);
      expect(record.structure?.code).toBe('52001');
      expect(record.person.address?.postalCode).toMatch(/^52\d{3}$/);
      expect(record.person.email ?? 'x@y.invalid').toMatch(/\.invalid$/);
      expect(record.cej).not.toBeNull();
      expect(record.situations.length).toBeGreaterThan(0);
    }
    expect(dossiers.filter((d) => mapDossier(d).record.cej?.active).length).toBeGreaterThan(40);
    expect(rdvs.length).toBeGreaterThan(20);
    for (const rdv of rdvs) expect(mapRdv(rdv).issues).toEqual([]);
  });

  it('should announce every dossier and appointment with a CREATE event that the client can follow', async () => {
    const { dossiers, rdvs, eventIds } = seedSimulator(sim, 5, 'demo', { today: TODAY });
    const client = new ImiloClient({ baseUrl: sim.url, apiKey: 'k' });

    const events = await client.listEvents();

    expect(events.map((e) => e.id)).toEqual(eventIds);
    expect(events.filter((e) => e.type === 'DOSSIER')).toHaveLength(dossiers.length);
    expect(events.filter((e) => e.type === 'RDV')).toHaveLength(rdvs.length);
    for (const event of events) {
      expect(event.problems).toEqual([]);
      const dossier = await client.getDossier(event.idDossier as string);
      expect(dossier).not.toBeNull();
      if (event.type === 'RDV') {
        await expect(
          client.getRdv(event.idDossier as string, event.idType as string),
        ).resolves.not.toBeNull();
      }
    }
  });
});

function ageOn(birthDate: string, today: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}
