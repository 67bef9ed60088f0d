/** The image files the console accepts, by their Content-Type, with the extension they are stored under and the bytes every such file starts with. */
const FORMATS = [
  { type: "image/png", ext: "png", name: "PNG", starts: (b: Uint8Array) => hasBytes(b, 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  { type: "image/jpeg", ext: "jpg", name: "JPEG", starts: (b: Uint8Array) => hasBytes(b, 0, [0xff, 0xd8, 0xff]) },
  // RIFF, a 4-byte size, then WEBP.
  { type: "image/webp", ext: "webp", name: "WebP", starts: (b: Uint8Array) => hasBytes(b, 0, [0x52, 0x49, 0x46, 0x46]) && hasBytes(b, 8, [0x57, 0x45, 0x42, 0x50]) },
] as const;

export type ImageFormat = (typeof FORMATS)[number];

/** Where uploaded images are served: /media/images/<sha256>.<ext>. */
export const IMAGE_URL_PREFIX = "/media/images/";

/** 2 MiB: an exhibition's picture, not a print master. */
export const MAX_IMAGE_BYTES = 2 * 1024 * 1024;
export const IMAGE_TYPES = FORMATS.map((format) => format.type);

const hasBytes = (bytes: Uint8Array, at: number, expected: number[]) => bytes.length >= at + expected.length && expected.every((byte, index) => bytes[at + index] === byte);

/** The format a Content-Type names (parameters and case aside), if the console takes it. */
export const formatOfType = (contentType: string): ImageFormat | undefined => FORMATS.find((format) => format.type === contentType.split(";")[0]!.trim().toLowerCase());

/** The format of a stored file's name, `<sha256>.<ext>`; undefined for any other name, so no name can reach outside the folder. */
export function formatOfName(name: string): ImageFormat | undefined {
  const match = /^[0-9a-f]{64}\.(png|jpg|webp)$/.exec(name);
  return match ? FORMATS.find((format) => format.ext === match[1]) : undefined;
}

/** True when the bytes really are of `format`: a header can say anything. */
export const isOfFormat = (bytes: Uint8Array, format: ImageFormat): boolean => format.starts(bytes);
