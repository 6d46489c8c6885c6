import { inflateSync } from 'node:zlib';
import { z } from 'zod';

export const LcbTestCase = z.object({
  input: z.string(),
  output: z.string(),
  testtype: z.enum(['functional', 'stdin']),
});
export type LcbTestCase = z.infer<typeof LcbTestCase>;

/**
 * Reads a pickle that holds one str (what LiveCodeBench stores in its compressed private tests).
 * Supports protocols 2-5: PROTO, FRAME, the BINUNICODE opcodes, memo puts and STOP; anything else
 * is refused rather than guessed.
 */
export function unpickleString(buf: Uint8Array): string {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  let i = 0;
  let value: string | null = null;
  const text = (start: number, len: number) =>
    new TextDecoder('utf-8', { fatal: true }).decode(buf.subarray(start, start + len));
  while (i < buf.length) {
    const op = buf[i++]!;
    switch (op) {
      case 0x80: // PROTO
        i += 1;
        break;
      case 0x95: // FRAME
        i += 8;
        break;
      case 0x8c: {
        // SHORT_BINUNICODE
        const n = buf[i]!;
        value = text(i + 1, n);
        i += 1 + n;
        break;
      }
      case 0x58: {
        // BINUNICODE
        const n = view.getUint32(i, true);
        value = text(i + 4, n);
        i += 4 + n;
        break;
      }
      case 0x8d: {
        // BINUNICODE8
        const n = Number(view.getBigUint64(i, true));
        value = text(i + 8, n);
        i += 8 + n;
        break;
      }
      case 0x94: // MEMOIZE
        break;
      case 0x71: // BINPUT
        i += 1;
        break;
      case 0x72: // LONG_BINPUT
        i += 4;
        break;
      case 0x2e: // STOP
        if (value === null) throw new Error('the pickle holds no string');
        return value;
      default:
        throw new Error(`unsupported pickle opcode 0x${op.toString(16)} at byte ${i - 1}`);
    }
  }
  throw new Error('the pickle ends without STOP');
}

/**
 * LiveCodeBench test cases from their dataset field: a JSON list, or (private tests) the same JSON
 * string pickled, zlib-compressed and base64-encoded.
 */
export function decodeLcbTestCases(field: string): LcbTestCase[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(field);
  } catch {
    const json = unpickleString(inflateSync(Buffer.from(field, 'base64')));
    parsed = JSON.parse(json);
  }
  return z.array(LcbTestCase).parse(parsed);
}
