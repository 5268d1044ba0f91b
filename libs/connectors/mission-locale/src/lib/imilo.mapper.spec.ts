import { imiloDossierFixture, imiloRdvFixture } from './imilo.fixtures';
import { mapDossier, mapRdv } from './imilo.mapper';
import { naiveToZonedIso } from './zoned-time';

describe('mapDossier', () => {
  it('should map every field of a complete dossier to exact values', () => {
    const { record, issues } = mapDossier(imiloDossierFixture());

    expect(issues).toEqual([]);
    expect(record).toEqual({
      idDossier: '6282',
      idJeune: '1306654400021970358',
      person: {
        identifiers: [
          { system: 'mission_locale_imilo', value: '6282' },
          { system: 'france_travail', value: '4053956Z' },
        ],
        lastName: 'MARTIN',
        birthName: 'PEREZ',
        firstNames: ['Léa'],
        birthDate: '2005-05-08',
        email: 'lea.martin@example.invalid',
        address: { lines: ['12 rue Gambetta', 'Bâtiment B'], postalCode: '52100', city: 'Saint-Dizier' },
      },
      structure: {
        code: '52001',
        name: 'Mission locale du Nord Haute-Marne',
        usualName: 'Antenne de Saint-Dizier',
      },
      cej: {
        active: true,
        startOn: '2026-01-05',
        plannedEndOn: '2027-01-04',
        actualEndOn: null,
        firstAccompaniment: '2025-11-20',
      },
      situations: [
        {
          state: 'ongoing',
          category: 'apprenticeship',
          categoryLabel: 'Contrat en Alternance',
          endOn: '2026-09-30',
          romeCodes: ['G1602', 'G1603'],
        },
        {
          state: 'ended',
          category: 'job_seeker',
          categoryLabel: "Demandeur d'emploi",
          endOn: '2025-12-15',
          romeCodes: ['F1501'],
        },
      ],
      contentHash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });

  it('should use the birth name as last name when there is no usage name, and give no separate birth name', () => {
    const { record } = mapDossier(imiloDossierFixture({ nomUsage: null, nomNaissance: 'PEREZ' }));
    expect(record.person.lastName).toBe('PEREZ');
    expect(record.person.birthName).toBeNull();
  });

  it('should give no separate birth name when it only differs from the usage name by case or accents', () => {
    const { record } = mapDossier(imiloDossierFixture({ nomUsage: 'Guérin', nomNaissance: 'GUERIN' }));
    expect(record.person.lastName).toBe('Guérin');
    expect(record.person.birthName).toBeNull();
  });

  it('should leave out a France Travail identifier, a mail and an address that i-Milo leaves empty', () => {
    const { record, issues } = mapDossier(
      imiloDossierFixture({ numeroDE: '', mail: null, adresse: undefined, structureRattachement: undefined }),
    );
    expect(issues).toEqual([]);
    expect(record.person.identifiers).toEqual([{ system: 'mission_locale_imilo', value: '6282' }]);
    expect(record.person.email).toBeUndefined();
    expect(record.person.address).toBeUndefined();
    expect(record.structure).toBeNull();
  });

  it('should drop malformed values with warnings that name the field and not the value', () => {
    const { record, issues } = mapDossier(
      imiloDossierFixture({
        numeroDE: '12-34',
        mail: 'lea.martin.example',
        adresse: {
          numero: '',
          libelleVoie: 'le village',
          complement: null,
          codePostal: '521',
          commune: 'Wassy',
        },
      }),
    );
    expect(record.person.identifiers).toEqual([{ system: 'mission_locale_imilo', value: '6282' }]);
    expect(record.person.email).toBeUndefined();
    expect(record.person.address).toEqual({ lines: ['le village'], postalCode: null, city: 'Wassy' });
    expect(issues.map((i) => [i.severity, i.code, i.field])).toEqual([
      ['warning', 'INVALID_VALUE', 'numeroDE'],
      ['warning', 'INVALID_VALUE', 'mail'],
      ['warning', 'INVALID_VALUE', 'adresse.codePostal'],
    ]);
    expect(JSON.stringify(issues)).not.toMatch(/lea\.martin|12-34/);
  });

  it('should report an unreadable birth date and missing names as errors', () => {
    const { issues } = mapDossier(
      imiloDossierFixture({ dateNaissance: '2005-02-30', nomUsage: ' ', nomNaissance: null, prenom: '' }),
    );
    expect(issues.filter((i) => i.severity === 'error').map((i) => [i.code, i.field])).toEqual([
      ['MISSING_FIELD', 'nomUsage'],
      ['MISSING_FIELD', 'prenom'],
      ['INVALID_DATE', 'dateNaissance'],
    ]);
  });

  it('should say the CEJ is over when it has an actual end date, and give no CEJ when i-Milo has none', () => {
    const ended = mapDossier(
      imiloDossierFixture({
        accompagnementCEJ: {
          accompagnementCEJ: true,
          dateDebut: '2025-01-06',
          dateFinPrevue: '2026-01-05',
          dateFinReelle: '2025-09-30',
          premierAccompagnement: null,
        },
      }),
    ).record.cej;
    expect(ended).toEqual({
      active: false,
      startOn: '2025-01-06',
      plannedEndOn: '2026-01-05',
      actualEndOn: '2025-09-30',
      firstAccompaniment: null,
    });

    const none = mapDossier(
      imiloDossierFixture({
        accompagnementCEJ: {
          accompagnementCEJ: false,
          dateDebut: null,
          dateFinPrevue: null,
          dateFinReelle: null,
          premierAccompagnement: null,
        },
      }),
    ).record.cej;
    expect(none).toBeNull();
  });

  it('should keep unknown situation codes as null with a warning, and drop what is not a ROME code', () => {
    const { record, issues } = mapDossier(
      imiloDossierFixture({
        situations: [
          {
            etat: 'SUSPENDU',
            dateFin: null,
            categorieSituation: 'Service civique',
            codeRomeMetierPrepare: 'cuisine',
            codeRomePremierMetier: 'g1603',
            codeRomeMetierExerce: null,
          },
        ],
      }),
    );
    expect(record.situations).toEqual([
      { state: null, category: null, categoryLabel: 'Service civique', endOn: null, romeCodes: ['G1603'] },
    ]);
    expect(issues.map((i) => [i.code, i.field])).toEqual([
      ['INVALID_CODE', 'situations[0].etat'],
      ['INVALID_CODE', 'situations[0].categorieSituation'],
      ['INVALID_CODE', 'situations[0].codeRomeMetierPrepare'],
    ]);
  });

  it('should give the same content hash to the same content, and another one when a value changes', () => {
    const first = mapDossier(imiloDossierFixture()).record.contentHash;
    expect(mapDossier(imiloDossierFixture()).record.contentHash).toBe(first);
    expect(mapDossier(imiloDossierFixture({ mail: 'lea.m@example.invalid' })).record.contentHash).not.toBe(
      first,
    );
  });
});

describe('mapRdv', () => {
  it('should map an appointment with Paris summer-time offsets', () => {
    const { record, issues } = mapRdv(imiloRdvFixture({ commentaire: ' Apporter un CV ' }));
    expect(issues).toEqual([]);
    expect(record).toEqual({
      id: '5678',
      idDossier: '6282',
      startsAt: '2026-07-06T10:00:00+02:00',
      endsAt: '2026-07-06T11:30:00+02:00',
      subject: 'Point mensuel CEJ',
      adviser: 'Karim BENALI',
      place: '15 rue Gambetta, 52100 Saint-Dizier',
      type: 'Entretien individuel',
      status: 'planned',
      statusLabel: 'Planifié',
      comment: 'Apporter un CV',
    });
  });

  it('should use the winter offset in winter and the zone given for an overseas structure', () => {
    const winter = mapRdv(
      imiloRdvFixture({ dateHeureDebut: '2026-01-15 09:30:00', dateHeureFin: null }),
    ).record;
    expect(winter.startsAt).toBe('2026-01-15T09:30:00+01:00');
    expect(winter.endsAt).toBeNull();

    const reunion = mapRdv(imiloRdvFixture({ dateHeureDebut: '2026-01-15 09:30:00' }), {
      timeZone: 'Indian/Reunion',
    }).record;
    expect(reunion.startsAt).toBe('2026-01-15T09:30:00+04:00');
  });

  it('should map every i-Milo status', () => {
    const statuses = ['Absent', 'Annulé', 'Non précisé', 'Planifié', 'Présent', 'Reporté'].map(
      (statut) => mapRdv(imiloRdvFixture({ statut })).record.status,
    );
    expect(statuses).toEqual(['absent', 'cancelled', 'unspecified', 'planned', 'present', 'postponed']);
  });

  it('should reject an unreadable start and warn about an end before the start or an unknown status', () => {
    expect(mapRdv(imiloRdvFixture({ dateHeureDebut: '06/07/2026 10h' })).issues).toEqual([
      expect.objectContaining({ severity: 'error', code: 'INVALID_DATE', field: 'dateHeureDebut' }),
    ]);
    const { record, issues } = mapRdv(
      imiloRdvFixture({ dateHeureFin: '2026-07-06 09:00:00', statut: 'Excusé' }),
    );
    expect(record.endsAt).toBeNull();
    expect(record.status).toBe('unspecified');
    expect(issues.map((i) => [i.severity, i.field])).toEqual([
      ['warning', 'dateHeureFin'],
      ['warning', 'statut'],
    ]);
  });
});

describe('naiveToZonedIso', () => {
  it('should handle the daylight saving changes of Europe/Paris', () => {
    expect(naiveToZonedIso('2026-03-29 01:30:00')).toBe('2026-03-29T01:30:00+01:00');
    expect(naiveToZonedIso('2026-03-29 02:30:00')).toBe('2026-03-29T03:30:00+02:00');
    expect(naiveToZonedIso('2026-03-29 03:30:00')).toBe('2026-03-29T03:30:00+02:00');
    expect(naiveToZonedIso('2026-10-25 01:30:00')).toBe('2026-10-25T01:30:00+02:00');
    expect(naiveToZonedIso('2026-10-25 02:30:00')).toBe('2026-10-25T02:30:00+01:00');
    expect(naiveToZonedIso('2026-10-25 03:30:00')).toBe('2026-10-25T03:30:00+01:00');
  });

  it('should refuse impossible or unreadable date-times', () => {
    expect(naiveToZonedIso('2026-02-30 10:00:00')).toBeNull();
    expect(naiveToZonedIso('2026-07-06 24:00:00')).toBeNull();
    expect(naiveToZonedIso('2026-07-06')).toBeNull();
  });
});
