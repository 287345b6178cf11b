/** GBK bytes of a string, for building legacy-encoded test inputs (Node has a GBK decoder but no encoder). */
const cache = new Map<string, number[]>();

export function gbk(s: string): Uint8Array {
  const dec = new TextDecoder("gbk");
  const out: number[] = [];
  for (const ch of s) {
    const code = ch.charCodeAt(0);
    if (code < 128) {
      out.push(code);
      continue;
    }
    let bytes = cache.get(ch);
    // Ask the decoder which two-byte code gives this character.
    for (let a = 0x81; a <= 0xfe && !bytes; a++)
      for (let b = 0x40; b <= 0xfe && !bytes; b++)
        if (dec.decode(new Uint8Array([a, b])) === ch) bytes = [a, b];
    if (!bytes) throw new Error(`no GBK code for ${ch}`);
    cache.set(ch, bytes);
    out.push(...bytes);
  }
  return new Uint8Array(out);
}
