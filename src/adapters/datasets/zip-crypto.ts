const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crcByte(crc: number, b: number): number {
  return (CRC_TABLE[(crc ^ b) & 0xff]! ^ (crc >>> 8)) >>> 0;
}

/**
 * Traditional PKWARE encryption ("ZipCrypto", APPNOTE 6.1): a stream cipher keyed by three CRC-32
 * based registers. Decrypts `data` (the 12-byte encryption header followed by the compressed bytes)
 * in memory and returns the header and the payload. Nothing is written anywhere.
 */
export function zipCryptoDecrypt(
  data: Uint8Array,
  password: string,
): { header: Uint8Array; payload: Uint8Array } {
  let k0 = 0x12345678;
  let k1 = 0x23456789;
  let k2 = 0x34567890;
  const update = (c: number) => {
    k0 = crcByte(k0, c);
    k1 = (k1 + (k0 & 0xff)) >>> 0;
    k1 = (Math.imul(k1, 134775813) + 1) >>> 0;
    k2 = crcByte(k2, k1 >>> 24);
  };
  for (const b of Buffer.from(password, 'utf8')) update(b);
  const out = new Uint8Array(data.length);
  for (let i = 0; i < data.length; i++) {
    const t = (k2 | 2) & 0xffff;
    const c = (data[i]! ^ (((t * (t ^ 1)) >>> 8) & 0xff)) & 0xff;
    out[i] = c;
    update(c);
  }
  return { header: out.subarray(0, 12), payload: out.subarray(12) };
}
