// A tiny container for typed arrays plus JSON metadata, used to persist indexes. Runtime: any.

type Packable = Float32Array | Int32Array | Uint8Array;
const TYPES = { f32: Float32Array, i32: Int32Array, u8: Uint8Array } as const;
type TypeName = keyof typeof TYPES;
const MAGIC = 0x4b50_4c46; // "FLPK" little-endian

interface SectionHeader {
  readonly name: string;
  readonly type: TypeName;
  readonly offset: number;
  readonly length: number;
}

function typeNameOf(array: Packable): TypeName {
  if (array instanceof Float32Array) return 'f32';
  if (array instanceof Int32Array) return 'i32';
  return 'u8';
}

/** Packs metadata and named typed arrays into one byte buffer (sections 8-byte aligned). */
export function pack(meta: unknown, arrays: Record<string, Packable>): Uint8Array {
  const sections: SectionHeader[] = [];
  let offset = 0;
  for (const [name, array] of Object.entries(arrays)) {
    offset = Math.ceil(offset / 8) * 8;
    sections.push({ name, type: typeNameOf(array), offset, length: array.length });
    offset += array.byteLength;
  }
  const header = new TextEncoder().encode(JSON.stringify({ meta, sections }));
  const dataStart = Math.ceil((8 + header.byteLength) / 8) * 8;
  const bytes = new Uint8Array(dataStart + offset);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, header.byteLength, true);
  bytes.set(header, 8);
  for (const section of sections) {
    const array = arrays[section.name];
    if (array === undefined) continue;
    bytes.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), dataStart + section.offset);
  }
  return bytes;
}

export interface Unpacked {
  readonly meta: unknown;
  readonly arrays: Record<string, Packable>;
}

/** Reverses {@link pack}; throws on a buffer that is not a pack or is truncated. */
export function unpack(bytes: Uint8Array): Unpacked {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < 8 || view.getUint32(0, true) !== MAGIC) throw new Error('not a Firstline pack file');
  const headerLength = view.getUint32(4, true);
  const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + headerLength))) as {
    meta: unknown;
    sections: SectionHeader[];
  };
  const dataStart = Math.ceil((8 + headerLength) / 8) * 8;
  const arrays: Record<string, Packable> = {};
  for (const section of header.sections) {
    const Type = TYPES[section.type];
    const start = dataStart + section.offset;
    const end = start + section.length * Type.BYTES_PER_ELEMENT;
    if (end > bytes.byteLength) throw new Error(`pack section ${section.name} is truncated`);
    // Copy so the array is aligned whatever the source buffer's offset.
    arrays[section.name] = new Type(bytes.slice(start, end).buffer);
  }
  return { meta: header.meta, arrays };
}
