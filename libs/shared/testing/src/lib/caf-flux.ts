import { PassThrough } from 'node:stream';

import { generateCafFlux, type GenerateCafFluxOptions } from '@spie/connectors/caf-msa';

/** A generated CAF/MSA flux (windows-1252 bytes), like the public samples, for tests that send one. */
export async function cafFluxBytes(options: GenerateCafFluxOptions): Promise<Buffer> {
  const out = new PassThrough();
  const parts: Buffer[] = [];
  out.on('data', (chunk: Buffer) => parts.push(chunk));
  await generateCafFlux(options, out);
  return Buffer.concat(parts);
}
