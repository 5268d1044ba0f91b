import type { DossierMiloDto, RendezVousMiloDto } from './imilo.dto';

/** A complete dossier shaped like the ones of pass-emploi's tests (fictitious person), for tests. */
export function imiloDossierFixture(overrides: Partial<DossierMiloDto> = {}): DossierMiloDto {
  return {
    idDossier: 6282,
    idJeune: '1306654400021970358',
    numeroDE: '4053956Z',
    adresse: {
      numero: '12',
      libelleVoie: 'rue Gambetta',
      complement: 'Bâtiment B',
      codePostal: '52100',
      commune: 'Saint-Dizier',
    },
    nomNaissance: 'PEREZ',
    nomUsage: 'MARTIN',
    prenom: 'Léa',
    dateNaissance: '2005-05-08',
    mail: 'lea.martin@example.invalid',
    structureRattachement: {
      nomUsuel: 'Antenne de Saint-Dizier',
      nomOfficiel: 'Mission locale du Nord Haute-Marne',
      codeStructure: '52001',
    },
    accompagnementCEJ: {
      accompagnementCEJ: true,
      dateDebut: '2026-01-05',
      dateFinPrevue: '2027-01-04',
      dateFinReelle: null,
      premierAccompagnement: '2025-11-20',
    },
    situations: [
      {
        etat: 'EN_COURS',
        dateFin: '2026-09-30',
        categorieSituation: 'Contrat en Alternance',
        codeRomeMetierPrepare: 'G1603',
        codeRomePremierMetier: 'G1603',
        codeRomeMetierExerce: 'G1602',
      },
      {
        etat: 'TERMINE',
        dateFin: '2025-12-15',
        categorieSituation: "Demandeur d'emploi",
        codeRomeMetierPrepare: null,
        codeRomePremierMetier: 'F1501',
        codeRomeMetierExerce: null,
      },
    ],
    ...overrides,
  };
}

/** An appointment of that dossier, in summer time (Paris +02:00). */
export function imiloRdvFixture(overrides: Partial<RendezVousMiloDto> = {}): RendezVousMiloDto {
  return {
    id: 5678,
    dateHeureDebut: '2026-07-06 10:00:00',
    dateHeureFin: '2026-07-06 11:30:00',
    objet: 'Point mensuel CEJ',
    conseiller: 'Karim BENALI',
    idDossier: 6282,
    commentaire: '',
    lieu: '15 rue Gambetta, 52100 Saint-Dizier',
    type: 'Entretien individuel',
    statut: 'Planifié',
    ...overrides,
  };
}
