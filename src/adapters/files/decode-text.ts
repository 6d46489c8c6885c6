import { InputError } from '../../core/import/source-record.ts';

const strict = new TextDecoder('utf-8', { fatal: true });

/** Offset of the first byte that is not part of a well-formed UTF-8 sequence, or -1. */
function firstInvalidUtf8(b: Uint8Array): number {
  for (let i = 0; i < b.length; ) {
    const c = b[i]!;
    const len =
      c < 0x80 ? 1 : c >= 0xc2 && c < 0xe0 ? 2 : c >= 0xe0 && c < 0xf0 ? 3 : c >= 0xf0 && c < 0xf5 ? 4 : 0;
    if (len === 0 || i + len > b.length) return i;
    for (let k = 1; k < len; k++) if ((b[i + k]! & 0xc0) !== 0x80) return i;
    // Overlong forms, surrogates and code points past U+10FFFF.
    const d = b[i + 1]!;
    if (
      (c === 0xe0 && d < 0xa0) ||
      (c === 0xed && d >= 0xa0) ||
      (c === 0xf0 && d < 0x90) ||
      (c === 0xf4 && d >= 0x90)
    )
      return i;
    i += len;
  }
  return -1;
}

/** The 1-based line of a byte offset. */
function lineOfByte(b: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = b.indexOf(10); i >= 0 && i < offset; i = b.indexOf(10, i + 1)) line++;
  return line;
}

/**
 * A text file's bytes as a string: well-formed UTF-8 without NUL bytes, or an InputError at the line
 * of the first bad byte (a binary file or a wrong encoding is named, never read as garbage).
 */
export function decodeText(file: string, bytes: Uint8Array): string {
  const nul = bytes.indexOf(0);
  if (nul >= 0)
    throw new InputError([
      { file, line: lineOfByte(bytes, nul), field: null, problem: 'NUL byte: not a text file' },
    ]);
  try {
    return strict.decode(bytes);
  } catch {
    const at = Math.max(0, firstInvalidUtf8(bytes));
    throw new InputError([
      { file, line: lineOfByte(bytes, at), field: null, problem: 'invalid UTF-8 (save the file as UTF-8)' },
    ]);
  }
}
