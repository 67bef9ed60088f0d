import { createHash } from "node:crypto";
import { MAX_IMAGE_BYTES } from "@/domain/catalog-admin/image-file";
import { uploadImage } from "@/domain/catalog-admin/upload-image";
import { readBytes } from "@/server/http/body";
import { limitImageUploads } from "@/server/http/rate-limit";
import { imageDirectory } from "@/server/media/image-directory";
import { staffRoute, type RawBody } from "@/server/http/staff-route";

export const dynamic = "force-dynamic";

type Image = { bytes: Buffer; contentType: string };

// The image's bytes are the body (not JSON); it is told from another by their hash.
const image: RawBody<Image> = {
  read: async (request) => ({ contentType: request.headers.get("content-type") ?? "", bytes: await readBytes(request, MAX_IMAGE_BYTES, "2 MiB") }),
  fingerprint: ({ bytes, contentType }) => ({ contentType, sha256: createHash("sha256").update(bytes).digest("hex") }),
};

/** Admin: stores a PNG, JPEG or WebP image (at most 2 MiB) and answers the address it is served at. */
export const POST = staffRoute({ role: "admin", body: image, status: 201 }, async ({ ctx, body, actor }) => {
  await limitImageUploads(actor.userId);
  return uploadImage({ ctx, input: { ...body, directory: imageDirectory() } });
});
