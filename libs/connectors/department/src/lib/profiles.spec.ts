import { normaliseHeader } from '@spie/ingestion/domain';
import {
  BUILT_IN_PROFILES,
  CARNET_DE_BORD_PROFILE,
  FIELD_NAMES,
  RDV_INSERTION_PROFILE,
  bindColumns,
  detectProfile,
  findProfile,
} from './profiles';

const CARNET_HEADERS =
  "Identifiant dans le SI*;Prénom*;Nom*;Date de naissance*;NIR;Lieu de naissance;Téléphone;Email;Adresse;Adresse (complément);Code postal;Ville;Situation;Numéro allocataire CAF/MSA;Identifiant Pôle emploi;Droits RSA;Droits ARE;Droits ASS;Prime d'activité;RQTH;Zone de mobilité;Emploi recherché (code ROME);Niveau de formation;Structure;Accompagnateurs".split(
    ';',
  );

const DROME_HEADERS = [
  'N° CAF',
  'Civilité',
  'Nom bénéficiaire',
  'Prénom bénéficiaire',
  'Date de\nNaissance',
  'Adresse',
  'CP Ville',
  'Complément adresse',
  'Rôle',
  'RSA',
  'PA',
  'PE',
  'RQTH / AAH\nOui / Non',
  'Adresses\nMails',
  'N°\nTéléphones',
  'Commentaires',
  'DECISION ORIENTATION',
  'id iodas',
];

describe('built-in profiles', () => {
  it.each(BUILT_IN_PROFILES.map((profile) => [profile.id, profile] as const))(
    '%s: no alias names two fields and every field is known',
    (_id, profile) => {
      const owner = new Map<string, string>();
      for (const [field, aliases] of Object.entries(profile.columns)) {
        expect(FIELD_NAMES).toContain(field);
        for (const alias of aliases ?? []) {
          const key = normaliseHeader(alias);
          expect(key).not.toBe('');
          expect([field, undefined]).toContain(owner.get(key));
          owner.set(key, field);
        }
      }
      for (const ignored of profile.ignored ?? []) expect(owner.has(normaliseHeader(ignored))).toBe(false);
      for (const field of profile.required) expect(profile.columns[field]?.length).toBeGreaterThan(0);
    },
  );

  it('finds profiles by id and refuses an unknown one', () => {
    expect(findProfile('rdv-insertion')).toBe(RDV_INSERTION_PROFILE);
    expect(() => findProfile('nord')).toThrow('unknown department profile "nord"');
  });
});

describe('bindColumns', () => {
  it('binds every column of the carnet de bord template', () => {
    const binding = bindColumns(CARNET_DE_BORD_PROFILE, CARNET_HEADERS);
    expect(binding.unknownHeaders).toEqual([]);
    expect(binding.missingRequired).toEqual([]);
    expect(Object.keys(binding.columns)).toHaveLength(25);
    expect(binding.columns.siId).toBe(0);
    expect(binding.columns.address2).toBe(9);
    expect(binding.columns.referentEmails).toBe(24);
  });

  it('matches headers whatever their case, accents, line breaks and n°', () => {
    const binding = bindColumns(RDV_INSERTION_PROFILE, DROME_HEADERS);
    expect(binding.columns).toMatchObject({
      cafNumber: 0,
      civility: 1,
      lastName: 2,
      firstName: 3,
      birthDate: 4,
      postalCodeCity: 6,
      rqth: 12,
      email: 13,
      phone: 14,
      orientationDecision: 16,
      siId: 17,
    });
    expect(binding.ignoredHeaders).toEqual(['Commentaires']);
    expect(binding.unknownHeaders).toEqual([]);
  });

  it('keeps the first of two columns naming one field and reports unknown ones', () => {
    const binding = bindColumns(RDV_INSERTION_PROFILE, ['Nom', 'Prénom', 'nom', 'Couleur préférée', '']);
    expect(binding.columns.lastName).toBe(0);
    expect(binding.duplicateHeaders).toEqual(['nom']);
    expect(binding.unknownHeaders).toEqual(['Couleur préférée']);
  });

  it('names missing required columns by their first alias', () => {
    const binding = bindColumns(CARNET_DE_BORD_PROFILE, ['Prénom', 'Nom']);
    expect(binding.missingRequired).toEqual(['Identifiant dans le SI', 'Date de naissance']);
  });
});

describe('detectProfile', () => {
  it('picks carnet de bord for its template, even the partial one', () => {
    expect(detectProfile(CARNET_HEADERS, BUILT_IN_PROFILES).match?.profile.id).toBe('carnet-de-bord');
    expect(
      detectProfile(
        ['Identifiant dans le SI*', 'Prénom*', 'Nom*', 'Date de naissance*', 'NIR', ''],
        BUILT_IN_PROFILES,
      ).match?.profile.id,
    ).toBe('carnet-de-bord');
  });

  it('picks rdv-insertion for the Drôme layout', () => {
    expect(detectProfile(DROME_HEADERS, BUILT_IN_PROFILES).match?.profile.id).toBe('rdv-insertion');
  });

  it('gives the closest profile when none fits', () => {
    const { match, closest } = detectProfile(
      ['MATRICULE', 'NIR', 'NUMERO TELEPHONE DOSSIER'],
      BUILT_IN_PROFILES,
    );
    expect(match).toBeUndefined();
    expect(closest.profile.id).toBe('rdv-insertion');
    expect(closest.missingRequired).toEqual(['Nom bénéficiaire', 'Prénom bénéficiaire']);
  });
});
