import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { withTransaction, type Ctx } from "../context";
import { DomainError } from "../errors";
import { audit } from "../staff/audit";
import { authorize } from "../staff/authorize";
import { formatOfType, IMAGE_TYPES, IMAGE_URL_PREFIX, isOfFormat, MAX_IMAGE_BYTES } from "./image-file";

/**
 * Stores an uploaded PNG, JPEG or WebP image in `directory` as `<sha256>.<ext>` (admin), and gives
 * the address it is served at. Named by its content, a file never changes once written: the same
 * image uploaded twice is one file, and it can be cached for ever. Checked by its first bytes, not
 * only by what the Content-Type says.
 */
export async function uploadImage({ ctx, input }: { ctx: Ctx; input: { bytes: Uint8Array; contentType: string; directory: string } }): Promise<{ imageUrl: string }> {
  const actor = authorize(ctx, "admin");
  const format = formatOfType(input.contentType);
  if (!format) throw new DomainError("unsupported_media_type", `Upload a PNG, JPEG or WebP image (Content-Type ${IMAGE_TYPES.join(", ")}).`);
  if (input.bytes.length > MAX_IMAGE_BYTES) throw new DomainError("payload_too_large", "The image is over 2 MiB.");
  if (!isOfFormat(input.bytes, format)) throw new DomainError("unsupported_media_type", `The file is not a ${format.name} image, whatever its Content-Type says.`);

  const name = `${createHash("sha256").update(input.bytes).digest("hex")}.${format.ext}`;
  await fs.mkdir(input.directory, { recursive: true });
  // Written aside and renamed into place: a reader never sees half a file, and two uploads of one image both succeed.
  const partial = path.join(input.directory, `.${name}.${randomBytes(6).toString("hex")}.part`);
  await fs.writeFile(partial, input.bytes);
  await fs.rename(partial, path.join(input.directory, name));

  const imageUrl = `${IMAGE_URL_PREFIX}${name}`;
  await withTransaction(ctx, (tx) => audit(tx, actor, { action: "image.upload", entityType: "image", entityId: name, after: { imageUrl, bytes: input.bytes.length, type: format.type } }));
  return { imageUrl };
}
