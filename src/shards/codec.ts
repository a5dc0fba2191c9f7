import { murmurHash3Blocks } from '../random/stream.js';

/**
 * The binary form of a shard result: one `Uint8Array` that can be stored,
 * sent over a queue or written to a file, and read back on any machine.
 *
 * ```
 * "CXRS"  format (u32)  header length (u32)  0 (u32)
 * header: UTF-8 JSON, zero-padded to 16 bytes
 * each section's typed array, in the header's order, each zero-padded to 16 bytes
 * checksum: MurmurHash3_x86_128 of every byte before it (16 bytes)
 * ```
 *
 * Typed arrays are written in the machine's byte order, which the header
 * records (every platform Node and browsers run on is little-endian); a
 * reader of the other order refuses rather than misreads.
 */

/** The shard result format this version writes and reads. */
export const shardFormat = 1;

const magic = [0x43, 0x58, 0x52, 0x53]; // "CXRS"

/** Kinds of typed array a section can hold. */
export type SectionType = 'f64' | 'f32' | 'i32' | 'u8';

const constructors = { f64: Float64Array, f32: Float32Array, i32: Int32Array, u8: Uint8Array } as const;

/** A typed array of one of the section kinds. */
export type SectionArray = Float64Array | Float32Array | Int32Array | Uint8Array;

/** A named typed array in a shard result. */
export interface Section {
  readonly name: string;
  readonly array: SectionArray;
}

function typeOf(array: SectionArray): SectionType {
  if (array instanceof Float64Array) return 'f64';
  if (array instanceof Float32Array) return 'f32';
  if (array instanceof Int32Array) return 'i32';
  return 'u8';
}

const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

const pad16 = (n: number): number => Math.ceil(n / 16) * 16;

/** The 128-bit checksum of `bytes` (a whole number of 16-byte blocks), as 32 hex digits. */
function checksum(bytes: Uint8Array): Uint32Array {
  const words = new Uint32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
  return new Uint32Array(murmurHash3Blocks(words));
}

/**
 * Why a byte array is not a shard result this version can read.
 *
 * @example
 * ```ts
 * import { ShardFormatError, mergeShards } from 'cx-roi';
 * mergeShards([new Uint8Array(64)]); // throws ShardFormatError: results[0] is not a shard result of cx-roi (it does not start with "CXRS")
 * // Told apart from other errors by its class: bytes damaged on the way, not a bad plan.
 * let caught: unknown;
 * try {
 *   mergeShards([new Uint8Array(64)]);
 * } catch (error) {
 *   caught = error;
 * }
 * caught instanceof ShardFormatError; // => true
 * ```
 */
export class ShardFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ShardFormatError';
  }
}

/** Writes a header and sections into one byte array with its checksum. */
export function encodeSections(header: Record<string, unknown>, sections: readonly Section[]): Uint8Array {
  const layout = sections.map(({ name, array }) => ({ name, type: typeOf(array), length: array.length }));
  const json = new TextEncoder().encode(JSON.stringify({ ...header, littleEndian, sections: layout }));
  const headerBytes = pad16(json.length);
  const size = 16 + headerBytes + sections.reduce((sum, { array }) => sum + pad16(array.byteLength), 0) + 16;
  const bytes = new Uint8Array(size);
  bytes.set(magic, 0);
  const view = new DataView(bytes.buffer);
  view.setUint32(4, shardFormat, true);
  view.setUint32(8, json.length, true);
  bytes.set(json, 16);
  let at = 16 + headerBytes;
  for (const { array } of sections) {
    bytes.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), at);
    at += pad16(array.byteLength);
  }
  bytes.set(new Uint8Array(checksum(bytes.subarray(0, at)).buffer), at);
  return bytes;
}

/** A decoded shard result: its header and its sections by name (views, aligned, no copy where possible). */
export interface Decoded {
  readonly header: Record<string, unknown> & { readonly sections: readonly { name: string; type: SectionType; length: number }[] };
  readonly sections: ReadonlyMap<string, SectionArray>;
}

/**
 * Reads a byte array written by {@link encodeSections}.
 * @throws {@link ShardFormatError} when it is not a shard result, was written in another format or byte order, or its checksum does not match (damaged or changed on the way).
 */
export function decodeSections(input: Uint8Array, label: string): Decoded {
  if (!(input instanceof Uint8Array))
    throw new ShardFormatError(
      `${label} is not a shard result: expected a Uint8Array (from simulateShard), got ${input === null ? 'null' : typeof input}`,
    );
  if (input.byteLength < 32 || magic.some((b, i) => input[i] !== b))
    throw new ShardFormatError(`${label} is not a shard result of cx-roi (it does not start with "CXRS")`);
  // Typed arrays need aligned offsets: copy once if the bytes arrive at an odd offset (a Node Buffer from a pool;
  // a Buffer's own slice() is a view, so copy with the Uint8Array constructor).
  const bytes = input.byteOffset % 16 === 0 ? input : new Uint8Array(input);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const format = view.getUint32(4, true);
  if (format !== shardFormat)
    throw new ShardFormatError(`${label} is in shard format ${format}; this version of cx-roi reads format ${shardFormat}`);
  const headerLength = view.getUint32(8, true);
  if (bytes.byteLength % 16 !== 0 || 16 + pad16(headerLength) + 16 > bytes.byteLength)
    throw new ShardFormatError(`${label} is cut short (${bytes.byteLength} bytes)`);
  const body = bytes.subarray(0, bytes.byteLength - 16);
  const expected = checksum(body);
  const stored = new Uint32Array(bytes.buffer, bytes.byteOffset + bytes.byteLength - 16, 4);
  if (expected.some((w, i) => w !== stored[i]))
    throw new ShardFormatError(`${label} fails its checksum: it was damaged or changed after simulateShard wrote it`);
  let header: Decoded['header'];
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(16, 16 + headerLength))) as Decoded['header'];
  } catch {
    throw new ShardFormatError(`${label} has a header that is not JSON`);
  }
  if (header === null || typeof header !== 'object' || !Array.isArray(header.sections))
    throw new ShardFormatError(`${label} has a header without its sections`);
  if (header.littleEndian !== littleEndian) throw new ShardFormatError(`${label} was written on a machine of the other byte order`);
  const sections = new Map<string, SectionArray>();
  let at = 16 + pad16(headerLength);
  for (const { name, type, length } of header.sections) {
    const Type = Object.hasOwn(constructors, type) ? constructors[type as SectionType] : undefined;
    if (!Type || typeof name !== 'string' || !(Number.isInteger(length) && length >= 0))
      throw new ShardFormatError(`${label} has a section that is not one a shard result holds (${String(name)}: ${String(type)})`);
    const byteLength = length * Type.BYTES_PER_ELEMENT;
    if (at + byteLength > body.byteLength) throw new ShardFormatError(`${label} is cut short in section ${name}`);
    sections.set(name, new Type(bytes.buffer as ArrayBuffer, bytes.byteOffset + at, length));
    at += pad16(byteLength);
  }
  return { header, sections };
}
