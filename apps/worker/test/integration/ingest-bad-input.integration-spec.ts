import type { INestApplicationContext } from '@nestjs/common';

import {
  buildFluxHead,
  buildFluxTail,
  buildHouseholdXml,
  encodeWindows1252,
  generateHouseholds,
  type GeneratedHousehold,
} from '@spie/connectors/caf-msa';
import type { ImportBatchEntity } from '@spie/ingestion/data-access';
import { nirKey } from '@spie/person/domain';

import { createWorker } from '../../src/bootstrap';
import { Producer } from './support/ingestion-harness';

/**
 * Every bad input of the CAF/MSA flux through the whole pipeline (queue, parse job, apply jobs, PostgreSQL): a
 * whole-file fault fails the batch with its code and changes nothing that was known (nothing is inferred from what the
 * file did not say); a bad household is rejected with a per-record issue and the valid households of the file are kept.
 */
jest.setTimeout(120_000);

const REFERENCE = '2026-08-31';

function households(matriculeOffset: number, count: number, referenceDate = REFERENCE, changeRate = 0) {
  return [
    ...generateHouseholds({
      households: count,
      seed: 43,
      matriculeOffset,
      cohortDate: REFERENCE,
      referenceDate,
      changeRate,
    }),
  ];
}

/** The text of a monthly flux holding these households' XML, in this order. */
function fluxText(parts: string[], referenceDate = REFERENCE): string {
  return `${buildFluxHead({ fluxType: 'M', referenceDate })}${parts.join('')}${buildFluxTail(parts.length, 0)}`;
}

const keyOf = (h: GeneratedHousehold): string => `caf:${h.matricule}`;

describe('worker: bad CAF/MSA input through the pipeline', () => {
  let worker: INestApplicationContext;
  let hub: Producer;
  const offset = 20_000_000 + Math.floor(Math.random() * 100_000) * 100;

  beforeAll(async () => {
    worker = await createWorker({ logs: false });
    hub = Producer.of(worker);
  });

  afterAll(async () => {
    await worker?.close();
  });

  /** Per household: rights rows, open memberships and current state; a household that disappeared is missing. */
  async function snapshot(keys: string[]): Promise<Record<string, unknown>> {
    const rows = (await hub.dataSource.query(
      `SELECT h.organisme || ':' || h.matricule AS key,
              (SELECT count(*) FROM rsa_right_status r WHERE r.household_id = h.id)::int AS rights,
              (SELECT count(*) FROM household_member m WHERE m.household_id = h.id AND m.valid_to IS NULL)::int AS members,
              (SELECT r.etat_dossier FROM rsa_right_status r WHERE r.household_id = h.id AND r.person_id IS NULL
                ORDER BY r.reference_month DESC, r.recorded_at DESC LIMIT 1) AS etat
         FROM household h WHERE h.organisme || ':' || h.matricule = ANY($1::text[])`,
      [keys],
    )) as Array<{ key: string; rights: number; members: number; etat: string }>;
    return Object.fromEntries(rows.map(({ key, ...rest }) => [key, rest]));
  }

  async function firstIssue(batch: ImportBatchEntity) {
    const [issue] = await hub.batches.issues(batch.id);
    return issue && { position: issue.position, code: issue.code, severity: issue.severity };
  }

  describe('whole-file faults', () => {
    const stock = households(offset, 30);
    const keys = stock.map(keyOf);
    const text = fluxText(stock.map((h) => buildHouseholdXml(h)));
    const valid = encodeWindows1252(text);
    let known: Record<string, unknown>;

    beforeAll(async () => {
      const first = await hub.ingest(valid);
      expect(first.status).toBe('completed');
      known = await snapshot(keys);
      expect(Object.keys(known)).toHaveLength(30);
    });

    const bomb = Array.from({ length: 10 }, (_, i) =>
      i === 0 ? '<!ENTITY lol0 "lol">' : `<!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">`,
    ).join('\n');
    const firstNom = /<NOM>[^<]*<\/NOM>/;

    it.each<[string, string, 'none' | 'some', () => Buffer]>([
      [
        'a DTD with an external entity (XXE)',
        'XML_DTD_FORBIDDEN',
        'none',
        () =>
          encodeWindows1252(
            text
              .replace('<Racine', '<!DOCTYPE Racine [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<Racine')
              .replace(firstNom, '<NOM>&xxe;</NOM>'),
          ),
      ],
      [
        'a billion-laughs entity bomb',
        'XML_DTD_FORBIDDEN',
        'none',
        () =>
          encodeWindows1252(
            text
              .replace('<Racine', `<!DOCTYPE Racine [\n${bomb}\n]>\n<Racine`)
              .replace(firstNom, '<NOM>&lol9;</NOM>'),
          ),
      ],
      [
        'a file cut in the middle',
        'XML_TRUNCATED',
        'some',
        () => valid.subarray(0, Math.floor(valid.length * 0.6)),
      ],
      ['UTF-8 bytes declared windows-1252', 'ENCODING_INVALID', 'none', () => Buffer.from(text, 'utf8')],
      [
        'windows-1252 bytes declared UTF-8',
        'ENCODING_INVALID',
        'none',
        () => encodeWindows1252(text.replace('encoding="windows-1252"', 'encoding="UTF-8"')),
      ],
      [
        'a CSV export',
        'NOT_XML',
        'none',
        () => Buffer.from('NOM;PRENOM;NIR\nHEBERT;LEA;2730799404078\n', 'latin1'),
      ],
      [
        'a PDF',
        'NOT_XML',
        'none',
        () => Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\n', 'latin1'),
      ],
      [
        'another root element',
        'XML_WRONG_ROOT',
        'none',
        () => encodeWindows1252(text.replace(/<Racine[^>]*>/, '<Foyers>').replace('</Racine>', '</Foyers>')),
      ],
      ['an empty file', 'EMPTY_FILE', 'none', () => Buffer.alloc(0)],
      [
        'mismatched tags',
        'XML_MALFORMED',
        'none',
        () => encodeWindows1252(text.replace('</NUMORG>', '</NUMORGE>')),
      ],
    ])('should fail the batch on %s with %s and change nothing known', async (_label, code, read, bytes) => {
      const batch = await hub.ingest(bytes());
      expect({
        status: batch.status,
        errorCode: batch.errorCode,
        issue: await firstIssue(batch),
        created: batch.counts.householdsCreated,
        updated: batch.counts.householdsUpdated,
      }).toEqual({
        status: 'failed',
        errorCode: code,
        issue: { position: 0, code, severity: 'error' },
        created: 0,
        updated: 0,
      });
      if (read === 'none') expect(batch.recordsRead).toBe(0);
      // Households read before the fault were applied (here: the same as known, so unchanged).
      else expect(batch.counts.householdsUnchanged).toBe(batch.recordsRead);
      expect(await snapshot(keys)).toEqual(known);
    });

    it('should never store what an external entity points at', async () => {
      const [found] = (await hub.dataSource.query(
        `SELECT count(*)::int AS n FROM person WHERE last_name LIKE '%root:%' OR first_names::text LIKE '%root:%'`,
      )) as Array<{ n: number }>;
      expect(found.n).toBe(0);
    });
  });

  it('should apply the households read before a cut of a newer stock and close or remove nothing it did not read', async () => {
    const base = offset + 30_000;
    const august = households(base, 30);
    const september = households(base, 30, '2026-09-30', 1);
    const keys = august.map(keyOf);
    await hub.ingest(encodeWindows1252(fluxText(august.map((h) => buildHouseholdXml(h)))));
    const known = (await snapshot(keys)) as Record<string, { rights: number; members: number; etat: string }>;

    const full = encodeWindows1252(
      fluxText(
        september.map((h) => buildHouseholdXml(h)),
        '2026-09-30',
      ),
    );
    const batch = await hub.ingest(full.subarray(0, Math.floor(full.length / 2)));
    expect([batch.status, batch.errorCode]).toEqual(['failed', 'XML_TRUNCATED']);
    const read = batch.recordsRead;
    expect(read).toBeGreaterThan(0);
    expect(read).toBeLessThan(30);
    expect(batch.counts.householdsUpdated).toBe(read);

    const after = (await snapshot(keys)) as typeof known;
    expect(Object.keys(after).sort()).toEqual([...keys].sort());
    september.forEach((household, index) => {
      const key = keyOf(household);
      if (index < read) {
        // Read before the cut: September's state, one more rights row.
        expect([key, after[key]?.etat]).toEqual([key, household.etatDossier]);
      } else {
        // Not read: exactly as before (no closure inferred from its absence, membership still open).
        expect([key, after[key]]).toEqual([key, known[key]]);
      }
    });
  });

  it('should keep every valid household of a partially bad file and report each bad one with its code', async () => {
    const pool = households(offset + 60_000, 40).filter((h) => h.persons[0]?.nir !== undefined);
    const [a, b, c, d, e, f, g, h, i, j, k, l] = pool as [GeneratedHousehold, ...GeneratedHousehold[]] &
      GeneratedHousehold[];
    const withDem = (
      household: GeneratedHousehold,
      change: Partial<GeneratedHousehold['persons'][number]>,
    ) => ({
      ...household,
      persons: household.persons.map((p, n) => (n === 0 ? { ...p, ...change } : p)),
    });
    const demNir = (household: GeneratedHousehold): string => household.persons[0]?.nir as string;
    const wrongKey = String((Number(nirKey(demNir(e))) % 97) + 1).padStart(2, '0');
    const xml = (household: GeneratedHousehold) => buildHouseholdXml(household);

    // [household in the file, its XML, the code expected when it is rejected (null: kept)]
    const entries: Array<[GeneratedHousehold, string, string | null]> = [
      [a, xml(a), null],
      [b, xml(withDem(b, { dtnai: '1990-02-30' })), 'SCHEMA_VIOLATION'],
      [c, xml(c), null],
      [d, xml(withDem(d, { dtnai: '21/07/1973' })), 'SCHEMA_VIOLATION'],
      [e, xml(withDem(e, { nir: `${demNir(e)}${wrongKey}` })), 'INVALID_NIR'],
      [f, xml(f), null],
      // The same person (NIR) as in the first household.
      [g, xml(withDem(g, { nir: demNir(a) })), 'DUPLICATE_IN_FILE'],
      // The same household twice.
      [c, xml(c), 'DUPLICATE_IN_FILE'],
      // Failing vrsb0801's structure: a required element missing, an unknown element.
      [h, xml(h).replace(/<NOMNAI>[^<]*<\/NOMNAI>\s*/, ''), 'SCHEMA_VIOLATION'],
      [i, xml(i).replace('</IDEPARTE>', '</IDEPARTE><COULEUR>bleu</COULEUR>'), 'SCHEMA_VIOLATION'],
      [j, xml({ ...j, etatDossier: '9' as GeneratedHousehold['etatDossier'] }), 'INVALID_CODE'],
      [k, xml(k), null],
      [l, xml(l), null],
    ];
    const batch = await hub.ingest(encodeWindows1252(fluxText(entries.map(([, part]) => part))));

    const bad = entries.flatMap(([household, , code], index) =>
      code ? [{ position: index + 1, recordKey: keyOf(household), code }] : [],
    );
    const kept = [a, c, f, k, l];
    expect({
      status: batch.status,
      errorCode: batch.errorCode,
      recordsRead: batch.recordsRead,
      rejected: batch.counts.rejected,
      created: batch.counts.householdsCreated,
    }).toEqual({
      status: 'completed_with_errors',
      errorCode: null,
      recordsRead: entries.length,
      rejected: bad.length,
      created: kept.length,
    });
    // One error per bad household at least, each with its position, key and code; nothing else is an error.
    const issues = (await hub.batches.issues(batch.id)).filter((issue) => issue.severity === 'error');
    const first = new Map<number, { position: number; recordKey: string | null; code: string }>();
    for (const issue of issues) {
      if (!first.has(issue.position))
        first.set(issue.position, { position: issue.position, recordKey: issue.recordKey, code: issue.code });
    }
    expect([...first.values()]).toEqual(bad);
    for (const issue of issues) {
      expect(issue.message).not.toContain(demNir(a));
      expect(issue.message).not.toContain(demNir(e));
    }

    const stored = await snapshot(entries.map(([household]) => keyOf(household)));
    expect(Object.keys(stored).sort()).toEqual(kept.map(keyOf).sort());
    for (const household of kept) {
      expect([keyOf(household), (stored[keyOf(household)] as { etat: string }).etat]).toEqual([
        keyOf(household),
        household.etatDossier,
      ]);
    }
  });
});
