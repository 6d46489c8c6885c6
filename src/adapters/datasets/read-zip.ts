import { crc32, inflateRawSync } from 'node:zlib';
import { EXIT, UserError } from '../../core/errors/user-error.ts';
import { zipCryptoDecrypt } from './zip-crypto.ts';

export interface ZipEntry {
  name: string;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  modTime: number;
  localHeaderOffset: number;
}

/** The entries listed in a zip's central directory (no ZIP64). */
export function listZipEntries(zip: Buffer, file = 'zip'): ZipEntry[] {
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 65557); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0)
    throw new UserError(`${file}: not a zip file (no end of central directory)`, EXIT.invalidInput);
  const count = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  const out: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(p) !== 0x02014b50)
      throw new UserError(`${file}: damaged central directory`, EXIT.invalidInput);
    const nameLen = zip.readUInt16LE(p + 28);
    const extraLen = zip.readUInt16LE(p + 30);
    const commentLen = zip.readUInt16LE(p + 32);
    out.push({
      flags: zip.readUInt16LE(p + 8),
      method: zip.readUInt16LE(p + 10),
      modTime: zip.readUInt16LE(p + 12),
      crc: zip.readUInt32LE(p + 16),
      compressedSize: zip.readUInt32LE(p + 20),
      size: zip.readUInt32LE(p + 24),
      localHeaderOffset: zip.readUInt32LE(p + 42),
      name: zip.toString('utf8', p + 46, p + 46 + nameLen),
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

/**
 * One entry's bytes, decrypted (ZipCrypto, when a password is given) and inflated in memory.
 * The password is checked with the header's check byte and the result with its CRC-32.
 */
export function readZipEntry(
  zip: Buffer,
  name: string,
  password: string | null = null,
  file = 'zip',
): Buffer {
  const entry = listZipEntries(zip, file).find((e) => e.name === name);
  if (!entry) throw new UserError(`${file}: no entry "${name}"`, EXIT.invalidInput);
  const h = entry.localHeaderOffset;
  if (zip.readUInt32LE(h) !== 0x04034b50)
    throw new UserError(`${file}: damaged entry "${name}"`, EXIT.invalidInput);
  const start = h + 30 + zip.readUInt16LE(h + 26) + zip.readUInt16LE(h + 28);
  let data: Uint8Array = zip.subarray(start, start + entry.compressedSize);
  if (entry.flags & 1) {
    if (password === null) throw new UserError(`${file}: "${name}" is encrypted and no password was given`);
    const { header, payload } = zipCryptoDecrypt(data, password);
    const check = entry.flags & 8 ? (entry.modTime >>> 8) & 0xff : entry.crc >>> 24;
    if (header[11] !== check) throw new UserError(`${file}: wrong password for "${name}"`, EXIT.invalidInput);
    data = payload;
  }
  let out: Buffer;
  if (entry.method === 0) out = Buffer.from(data);
  else if (entry.method === 8) out = inflateRawSync(data);
  else throw new UserError(`${file}: "${name}" uses unsupported compression method ${entry.method}`);
  if (crc32(out) >>> 0 !== entry.crc >>> 0)
    throw new UserError(
      `${file}: "${name}" fails its CRC check (damaged file or wrong password)`,
      EXIT.invalidInput,
    );
  return out;
}
