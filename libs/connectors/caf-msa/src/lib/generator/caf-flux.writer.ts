import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

import iconv from 'iconv-lite';

import { buildFluxHead, buildFluxTail, buildHouseholdXml } from './caf-flux-xml.builder';
import type {
  GeneratedFluxHeader,
  GeneratedFluxStats,
  GeneratedHousehold,
  WriteCafFluxOptions,
} from './caf-flux-generator.types';

/** Characters are gathered up to about this many before being encoded and handed to the output. */
const CHUNK_CHARACTERS = 64 * 1024;

/** The windows-1252 byte of each UTF-16 code unit (`?`, as iconv-lite writes, when it has none), from iconv-lite. */
const WINDOWS_1252 = ((): Uint8Array => {
  const table = new Uint8Array(0x10000).fill(0x3f);
  for (let byte = 0; byte < 0x100; byte += 1) {
    const char = iconv.decode(Buffer.from([byte]), 'windows-1252');
    if (char.length === 1 && char !== '\ufffd') table[char.charCodeAt(0)] = byte;
  }
  return table;
})();

/** Code units whose windows-1252 byte is not their latin1 one: 0x80–0x9F, and beyond U+00FF. */
const NOT_LATIN1 = /[\u0080-\u009f\u0100-\uffff]/g;

/**
 * Windows-1252 bytes of a text, as `iconv.encode(text, 'windows-1252')` gives them but about three times faster:
 * windows-1252 and latin1 agree outside 0x80–0x9F, so Node's native latin1 encoder does the bulk and the few other
 * characters (œ, Œ, €, ’…) are patched from iconv-lite's table.
 */
export function encodeWindows1252(text: string): Buffer {
  const bytes = Buffer.from(text, 'latin1');
  NOT_LATIN1.lastIndex = 0;
  for (let match = NOT_LATIN1.exec(text); match !== null; match = NOT_LATIN1.exec(text))
    bytes[match.index] = WINDOWS_1252[text.charCodeAt(match.index)] as number;
  return bytes;
}

/**
 * Writes a whole flux (head, one `InfosFoyerRSA` per household, `TransmissionFlux` with the count) to `output` in
 * windows-1252. The households are pulled one at a time as the output asks for more (stream backpressure), so memory
 * stays flat however many there are. `NBTOTDOSRSATRANSMANO` counts the households that carry anomalies.
 */
export async function writeCafFlux(
  households: Iterable<GeneratedHousehold> | AsyncIterable<GeneratedHousehold>,
  header: GeneratedFluxHeader,
  output: Writable,
  options: WriteCafFluxOptions = {},
): Promise<GeneratedFluxStats> {
  const stats: GeneratedFluxStats = { households: 0, persons: 0, personsWithoutNir: 0, bytes: 0 };
  const layout = { indent: options.indent ?? true };

  function encoded(text: string): Buffer {
    const bytes = encodeWindows1252(text);
    stats.bytes += bytes.length;
    return bytes;
  }

  async function* chunks(): AsyncGenerator<Buffer> {
    let text = buildFluxHead(header, { ...layout, schemaLocation: options.schemaLocation });
    let anomalyHouseholds = 0;
    for await (const household of households) {
      text += buildHouseholdXml(household, layout);
      stats.households += 1;
      stats.persons += household.persons.length;
      for (const person of household.persons) if (person.nir === undefined) stats.personsWithoutNir += 1;
      if (household.anomalies !== undefined && household.anomalies.length > 0) anomalyHouseholds += 1;
      if (text.length >= CHUNK_CHARACTERS) {
        yield encoded(text);
        text = '';
      }
    }
    text += buildFluxTail(stats.households, anomalyHouseholds, layout);
    yield encoded(text);
  }

  await pipeline(
    Readable.from(chunks(), { objectMode: false, highWaterMark: 2 * CHUNK_CHARACTERS }),
    output,
    {
      end: options.end ?? true,
    },
  );
  return stats;
}
