import { CodeListEntryRevisionEntity } from './entities/code-list-entry-revision.entity';
import { CodeListEntryEntity } from './entities/code-list-entry.entity';
import { CodeListEntity } from './entities/code-list.entity';
import { ReferentielVersionEntity } from './entities/referentiel-version.entity';

export const REFERENTIEL_ENTITIES = [
  ReferentielVersionEntity,
  CodeListEntity,
  CodeListEntryEntity,
  CodeListEntryRevisionEntity,
];
