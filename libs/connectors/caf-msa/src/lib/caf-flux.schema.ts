import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { loadXsdModel, type ElementModel } from './xsd-model';

let cached: ElementModel | undefined;

/** The compiled `Racine` of the official schema `schemas/caf-msa/vrsb0801.xsd` (found from the workspace root). */
export function cafFluxSchema(): ElementModel {
  if (!cached) cached = loadXsdModel(schemaPath(), 'Racine');
  return cached;
}

export function schemaPath(): string {
  const relative = join('schemas', 'caf-msa', 'vrsb0801.xsd');
  for (let dir = __dirname; ; dir = dirname(dir)) {
    if (existsSync(join(dir, relative))) return join(dir, relative);
    if (dirname(dir) === dir) throw new Error(`${relative} not found above ${__dirname}`);
  }
}
