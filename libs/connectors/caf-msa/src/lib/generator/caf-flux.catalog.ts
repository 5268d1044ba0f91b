/**
 * The fixed material of generated flux: names, places and code lists. Every person and address is fictitious. Names are
 * kept in their natural spelling (accents, Œ, apostrophes) and upper-cased for most households, as CAF/MSA write them.
 * Code lists follow the samples, carnet de bord's parser and WebRSA's option lists.
 */

import type { GeneratedEtatDossier } from './caf-flux-generator.types';

export type Weighted<T> = ReadonlyArray<readonly [T, number]>;

// prettier-ignore
export const LAST_NAMES: readonly string[] = [
  'Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau',
  'Simon', 'Laurent', 'Lefèbvre', 'Michel', 'Garcia', 'David', 'Bertrand', 'Roux', 'Vincent', 'Fournier',
  'Morel', 'Girard', 'André', 'Lefèvre', 'Mercier', 'Dupont', 'Lambert', 'Bonnet', 'François', 'Martinez',
  'Legrand', 'Garnier', 'Faure', 'Rousseau', 'Blanc', 'Guérin', 'Muller', 'Henry', 'Roussel', 'Nicolas',
  'Perrin', 'Morin', 'Mathieu', 'Clément', 'Gauthier', 'Dumont', 'Lopez', 'Fontaine', 'Chevalier', 'Robin',
  'Masson', 'Sanchez', 'Gérard', 'Nguyen', 'Boyer', 'Denis', 'Lemaire', 'Duval', 'Joly', 'Gautier',
  'Roger', 'Roche', 'Roy', 'Noël', 'Meyer', 'Lucas', 'Meunier', 'Jean', 'Pérez', 'Marchand',
  'Dufour', 'Blanchard', 'Marie', 'Barbier', 'Brun', 'Dumas', 'Brunet', 'Schmitt', 'Leroux', 'Colin',
  'Fernandez', 'Pierre', 'Renard', 'Arnaud', 'Rolland', 'Caron', 'Aubert', 'Giraud', 'Leclerc', 'Vidal',
  'Bourgeois', 'Renaud', 'Lemoine', 'Picard', 'Gaillard', 'Philippe', 'Leclercq', 'Lacroix', 'Fabre', 'Dupuis',
  'Olivier', 'Rodriguez', 'Da Silva', 'Hubert', 'Louis', 'Charles', 'Guillot', 'Rivière', 'Le Gall', 'Guillaume',
  'Adam', 'Rey', 'Moulin', 'Gonzalez', 'Berger', 'Lecomte', 'Ménard', 'Fleury', 'Deschamps', 'Carpentier',
  'Julien', 'Benoît', 'Paris', 'Maillard', 'Marchal', 'Aubry', 'Vasseur', 'Le Roux', 'Renault', 'Jacquet',
  'Collet', 'Prévost', 'Poirier', 'Charpentier', 'Royer', 'Huet', 'Bailly', 'Hérault', 'Besançon', 'Lhôte',
  "D'Almeida", "N'Diaye", 'Bœuf', 'Cœuret', 'Lœuillet', 'Benali', 'Diallo', 'Traoré', 'Konaté', 'Haddad',
  'Yilmaz', 'Mendes', 'Bouzid', 'Cherif', 'Keïta', 'Coulibaly', 'Rahmani', 'Pereira', 'Ferreira', 'Popescu',
  'Kouassi', 'Mbappé', 'Saïdi', 'Hadjadj', 'Zerrouki', 'Ouédraogo', 'Tremblay', 'Müller', 'Göksu', 'Brière',
];

// prettier-ignore
export const FEMALE_FIRST_NAMES: readonly string[] = [
  'Marie', 'Nathalie', 'Isabelle', 'Sylvie', 'Catherine', 'Françoise', 'Valérie', 'Sandrine', 'Christine', 'Stéphanie',
  'Céline', 'Sophie', 'Aurélie', 'Émilie', 'Julie', 'Mélanie', 'Laetitia', 'Hélène', 'Virginie', 'Élodie',
  'Caroline', 'Karine', 'Audrey', 'Camille', 'Laura', 'Sarah', 'Manon', 'Léa', 'Chloé', 'Inès',
  'Anaïs', 'Océane', 'Noémie', 'Maëlys', 'Zoé', 'Agnès', 'Gaëlle', 'Déborah', 'Héloïse', 'Éloïse',
  'Maïwenn', 'Jessica', 'Amandine', 'Morgane', 'Fatima', 'Aïcha', 'Khadija', 'Fatoumata', 'Mariam', 'Yasmine',
  'Nadia', 'Samia', 'Leïla', 'Ophélie', 'Cécile', 'Josiane', 'Ghislaine', 'Bérénice', 'Clémence', 'Mégane',
];

// prettier-ignore
export const MALE_FIRST_NAMES: readonly string[] = [
  'Jean', 'Philippe', 'Michel', 'Alain', 'Patrick', 'Nicolas', 'Christophe', 'Pierre', 'Christian', 'Éric',
  'Frédéric', 'Laurent', 'Stéphane', 'David', 'Olivier', 'Sébastien', 'Julien', 'Jérôme', 'Cédric', 'Grégory',
  'Thierry', 'Pascal', 'Mickaël', 'Anthony', 'Jérémy', 'Kévin', 'Romain', 'Maxime', 'Thomas', 'Alexandre',
  'Lucas', 'Hugo', 'Théo', 'Noël', 'Joël', 'Raphaël', 'Gaël', 'Loïc', 'Anaël', 'Benoît',
  'François', 'Rémi', 'Noé', 'Mohamed', 'Karim', 'Mamadou', 'Moussa', 'Youssef', 'Ibrahim', 'Mehmet',
  'José', 'João', 'Ahmed', 'Samir', 'Bruno', 'Fabrice', 'Hervé', 'Gérard', 'Dominique', 'Ludovic',
];

// prettier-ignore
export const SECOND_FIRST_NAMES_F: readonly string[] = [
  'Marie', 'Louise', 'Jeanne', 'Hélène', 'Andrée', 'Josèphe', 'Geneviève', 'Renée', 'Thérèse', 'Françoise',
];
// prettier-ignore
export const SECOND_FIRST_NAMES_M: readonly string[] = [
  'Jean', 'Louis', 'Pierre', 'André', 'René', 'Joseph', 'Michel', 'Frédéric', 'Jérôme', 'François',
];

export interface CatalogCommune {
  /** Upper case, as NOMCOM. */
  name: string;
  inseeCode: string;
  postalCode: string;
  weight: number;
}

/** Communes of a few departments (INSEE and postal codes); other departments get numbered communes. */
export const COMMUNES_BY_DEPARTMENT: Readonly<Record<string, readonly CatalogCommune[]>> = {
  '52': [
    { name: 'CHAUMONT', inseeCode: '52121', postalCode: '52000', weight: 24 },
    { name: 'SAINT-DIZIER', inseeCode: '52448', postalCode: '52100', weight: 26 },
    { name: 'LANGRES', inseeCode: '52269', postalCode: '52200', weight: 10 },
    { name: 'JOINVILLE', inseeCode: '52250', postalCode: '52300', weight: 6 },
    { name: 'WASSY', inseeCode: '52550', postalCode: '52130', weight: 5 },
    { name: 'BOURBONNE-LES-BAINS', inseeCode: '52060', postalCode: '52400', weight: 4 },
    { name: 'NOGENT', inseeCode: '52353', postalCode: '52800', weight: 4 },
    { name: 'CHALINDREY', inseeCode: '52093', postalCode: '52600', weight: 3 },
  ],
  '26': [
    { name: 'VALENCE', inseeCode: '26362', postalCode: '26000', weight: 30 },
    { name: 'MONTÉLIMAR', inseeCode: '26198', postalCode: '26200', weight: 16 },
    { name: 'ROMANS-SUR-ISÈRE', inseeCode: '26281', postalCode: '26100', weight: 14 },
    { name: 'PIERRELATTE', inseeCode: '26235', postalCode: '26700', weight: 6 },
    { name: 'CREST', inseeCode: '26108', postalCode: '26400', weight: 4 },
    { name: 'DIE', inseeCode: '26113', postalCode: '26150', weight: 2 },
    { name: 'NYONS', inseeCode: '26220', postalCode: '26110', weight: 2 },
  ],
  '51': [
    { name: 'REIMS', inseeCode: '51454', postalCode: '51100', weight: 50 },
    { name: 'CHÂLONS-EN-CHAMPAGNE', inseeCode: '51108', postalCode: '51000', weight: 15 },
    { name: 'ÉPERNAY', inseeCode: '51230', postalCode: '51200', weight: 8 },
    { name: 'VITRY-LE-FRANÇOIS', inseeCode: '51649', postalCode: '51300', weight: 6 },
  ],
  '93': [
    { name: 'SAINT-DENIS', inseeCode: '93066', postalCode: '93200', weight: 14 },
    { name: 'MONTREUIL', inseeCode: '93048', postalCode: '93100', weight: 12 },
    { name: 'AUBERVILLIERS', inseeCode: '93001', postalCode: '93300', weight: 10 },
    { name: 'AULNAY-SOUS-BOIS', inseeCode: '93005', postalCode: '93600', weight: 9 },
    { name: 'BOBIGNY', inseeCode: '93008', postalCode: '93000', weight: 6 },
    { name: 'DRANCY', inseeCode: '93029', postalCode: '93700', weight: 7 },
    { name: 'PANTIN', inseeCode: '93055', postalCode: '93500', weight: 5 },
    { name: 'NOISY-LE-GRAND', inseeCode: '93051', postalCode: '93160', weight: 6 },
    { name: 'ÉPINAY-SUR-SEINE', inseeCode: '93031', postalCode: '93800', weight: 5 },
    { name: 'SEVRAN', inseeCode: '93071', postalCode: '93270', weight: 5 },
    { name: 'BONDY', inseeCode: '93010', postalCode: '93140', weight: 5 },
    { name: 'SAINT-OUEN-SUR-SEINE', inseeCode: '93070', postalCode: '93400', weight: 5 },
    { name: 'NEUILLY-SUR-MARNE', inseeCode: '93050', postalCode: '93330', weight: 3 },
  ],
};

/** Names for the numbered communes of departments the catalogue lacks (their INSEE codes are made up). */
// prettier-ignore
export const GENERIC_COMMUNE_NAMES: readonly string[] = [
  'SAINT-MARTIN', 'VILLENEUVE', 'BEAUMONT', 'MONTIGNY', 'FONTAINE', 'SAINT-ÉTIENNE-DU-BOIS', 'CHÂTEAUNEUF',
  'NEUVILLE', 'BELLEVUE', 'LA FERTÉ', 'SAINT-GERMAIN', 'MONTAGNAC', 'L’ÉTANG-LA-VILLE', 'VAL-DES-PRÉS',
];

export interface BirthPlace {
  /** NOMCOMNAI. */
  name: string;
  /** NIR department: two characters (75, 06, 2A; 20 before 1976 for Corsica); 99 abroad. */
  nirDepartment: string;
}

/** Birth places elsewhere in France. */
export const FRENCH_BIRTH_PLACES: Weighted<BirthPlace> = [
  [{ name: 'PARIS', nirDepartment: '75' }, 20],
  [{ name: 'LYON', nirDepartment: '69' }, 6],
  [{ name: 'MARSEILLE', nirDepartment: '13' }, 6],
  [{ name: 'LILLE', nirDepartment: '59' }, 4],
  [{ name: 'ROUBAIX', nirDepartment: '59' }, 2],
  [{ name: 'REIMS', nirDepartment: '51' }, 4],
  [{ name: 'CHÂLONS-EN-CHAMPAGNE', nirDepartment: '51' }, 2],
  [{ name: 'TROYES', nirDepartment: '10' }, 3],
  [{ name: 'DIJON', nirDepartment: '21' }, 3],
  [{ name: 'NANCY', nirDepartment: '54' }, 3],
  [{ name: 'METZ', nirDepartment: '57' }, 3],
  [{ name: 'STRASBOURG', nirDepartment: '67' }, 3],
  [{ name: 'MULHOUSE', nirDepartment: '68' }, 2],
  [{ name: 'BESANÇON', nirDepartment: '25' }, 2],
  [{ name: 'ÉPINAL', nirDepartment: '88' }, 2],
  [{ name: 'VESOUL', nirDepartment: '70' }, 1],
  [{ name: 'SAINT-DENIS', nirDepartment: '93' }, 3],
  [{ name: 'MONTREUIL', nirDepartment: '93' }, 2],
  [{ name: 'NEUILLY SUR MARNE', nirDepartment: '93' }, 1],
  [{ name: 'CRÉTEIL', nirDepartment: '94' }, 2],
  [{ name: 'NANTERRE', nirDepartment: '92' }, 2],
  [{ name: 'ÉVRY', nirDepartment: '91' }, 1],
  [{ name: 'BORDEAUX', nirDepartment: '33' }, 3],
  [{ name: 'TOULOUSE', nirDepartment: '31' }, 3],
  [{ name: 'NANTES', nirDepartment: '44' }, 3],
  [{ name: 'RENNES', nirDepartment: '35' }, 2],
  [{ name: 'ROUEN', nirDepartment: '76' }, 2],
  [{ name: 'LE HAVRE', nirDepartment: '76' }, 2],
  [{ name: 'AMIENS', nirDepartment: '80' }, 2],
  [{ name: 'SAINT-ÉTIENNE', nirDepartment: '42' }, 2],
  [{ name: 'GRENOBLE', nirDepartment: '38' }, 2],
  [{ name: 'MONTPELLIER', nirDepartment: '34' }, 2],
  [{ name: 'NÎMES', nirDepartment: '30' }, 2],
  [{ name: 'NICE', nirDepartment: '06' }, 2],
  [{ name: 'CLERMONT-FERRAND', nirDepartment: '63' }, 1],
  [{ name: 'ORLÉANS', nirDepartment: '45' }, 1],
  [{ name: 'VALENCE', nirDepartment: '26' }, 1],
  [{ name: 'AJACCIO', nirDepartment: '2A' }, 1],
  [{ name: 'BASTIA', nirDepartment: '2B' }, 1],
];

/** Birth places abroad (NIR department 99). */
// prettier-ignore
export const FOREIGN_BIRTH_PLACES: readonly string[] = [
  'CASABLANCA', 'RABAT', 'OUJDA', 'ALGER', 'ORAN', 'CONSTANTINE', 'TUNIS', 'SFAX', 'DAKAR', 'BAMAKO',
  'ABIDJAN', 'KINSHASA', 'DOUALA', 'LISBONNE', 'PORTO', 'ISTANBUL', 'BUCAREST', 'HANOÏ', 'PORT-AU-PRINCE', 'KABOUL',
  'ALEP', 'TBILISSI', 'CONAKRY', 'NOUAKCHOTT', 'MADRID', 'VARSOVIE', 'BRAZZAVILLE', 'TANANARIVE',
];

export const STREET_TYPES: Weighted<string> = [
  ['RUE', 60],
  ['AVENUE', 12],
  ['BOULEVARD', 5],
  ['PLACE', 5],
  ['CHEMIN', 4],
  ['IMPASSE', 4],
  ['ALLÉE', 4],
  ['ROUTE', 3],
  ['QUAI', 1],
  ['COURS', 1],
  ['RÉSIDENCE', 1],
];

// prettier-ignore
export const STREET_NAMES: readonly string[] = [
  'de la République', 'Victor Hugo', 'Jean Jaurès', 'du Général de Gaulle', 'des Écoles', 'Pasteur',
  "de l'Église", 'du Moulin', 'des Tilleuls', 'Gambetta', 'Foch', 'de la Gare', 'Henri Barbusse', 'Émile Zola',
  'des Chênes', 'du Commandant Hugueny', 'de Verdun', 'de la Paix', 'des Lilas', 'Jules Ferry', 'Aristide Briand',
  'du Château', 'de Lorraine', 'Saint-Exupéry', 'des Prés', 'du 8 Mai 1945', 'Marcel Pagnol', 'Pierre Brossolette',
  'de la Forêt', 'des Genêts', "Jeanne d'Arc", 'Léon Blum', 'du Maréchal Leclerc', 'des Œillets', 'François Mitterrand',
];

// prettier-ignore
export const ADDRESS_COMPLEMENTS: readonly string[] = [
  'BÂTIMENT A', 'BÂTIMENT C', 'ESCALIER 2', 'APPARTEMENT 12', 'APPT 3 ÉTAGE 1', 'RÉSIDENCE LES PEUPLIERS',
  'LOGEMENT 214', 'CITÉ DES FLEURS', 'BAT B2 APPT 41',
];

/** Where people without a fixed abode are domiciled (`COMPLIDEADR`). */
// prettier-ignore
export const DOMICILIATIONS: readonly string[] = [
  'CCAS', 'SECOURS CATHOLIQUE', 'EMMAÜS', 'ASSOCIATION LE RELAIS', 'CHRS LA CHARMOTTE', 'RESTOS DU CŒUR',
];

export const ETAT_DOSSIER_WEIGHTS: Weighted<GeneratedEtatDossier> = [
  ['0', 3],
  ['1', 2],
  ['2', 70],
  ['3', 3],
  ['4', 10],
  ['5', 8],
  ['6', 4],
];

/** `MOTISUSVERSRSA`, the list carnet de bord maps. */
export const SUSPENSION_REASONS: Weighted<string> = [
  ['06', 30],
  ['01', 14],
  ['05', 10],
  ['CV', 8],
  ['70', 6],
  ['AB', 4],
  ['44', 3],
  ['02', 3],
  ['03', 3],
  ['04', 2],
  ['09', 2],
  ['19', 2],
  ['31', 1],
  ['34', 1],
  ['35', 1],
  ['36', 2],
  ['78', 1],
  ['84', 1],
  ['85', 1],
  ['97', 1],
  ['CZ', 1],
  ['DA', 1],
  ['DB', 1],
  ['DC', 1],
];

/** `MOTISUSDRORSA` (WebRSA's list). */
export const RIGHT_SUSPENSION_REASONS: Weighted<string> = [
  ['DB', 20],
  ['GR', 15],
  ['DC', 10],
  ['DL', 10],
  ['DM', 8],
  ['GK', 8],
  ['GL', 8],
  ['GJ', 6],
  ['DA', 5],
  ['DE', 5],
  ['GC', 5],
];

/** `MOTICLORSA`. */
export const CLOSURE_REASONS: Weighted<string> = [
  ['ECH', 45],
  ['PCG', 15],
  ['MUT', 12],
  ['RFD', 8],
  ['RAU', 6],
  ['RST', 5],
  ['RGD', 4],
  ['RSO', 3],
  ['EFF', 2],
];

export const SINGLE_SITUATIONS: Weighted<string> = [
  ['CEL', 60],
  ['DIV', 14],
  ['SEF', 7],
  ['SEL', 5],
  ['ISO', 9],
  ['VEU', 5],
];

export const COUPLE_SITUATIONS: Weighted<string> = [
  ['VIM', 50],
  ['MAR', 35],
  ['PAC', 13],
  ['RVC', 2],
];

export const CHILD_COUNT_WEIGHTS: Weighted<number> = [
  [1, 45],
  [2, 30],
  [3, 15],
  [4, 7],
  [5, 2],
  [6, 1],
];
