import fs from "node:fs/promises";
import path from "node:path";
import { formatOfName } from "@/domain/catalog-admin/image-file";
import { DomainError } from "@/domain/errors";
import { route } from "@/server/http/route";
import { imageDirectory } from "@/server/media/image-directory";

export const dynamic = "force-dynamic";

const notFound = () => new DomainError("not_found", "There is no such image.");

/**
 * An uploaded image. Only a name of the form `<sha256>.<ext>` is looked up, so no name reaches
 * outside the folder; named by its content, a file never changes, so it may be cached for ever.
 */
export const GET = route<{ name: string }>(async ({ params }) => {
  const format = formatOfName(params.name);
  if (!format) throw notFound();
  const bytes = await fs.readFile(path.join(imageDirectory(), params.name)).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") throw notFound();
    throw error;
  });
  return new Response(new Uint8Array(bytes), {
    headers: { "content-type": format.type, "cache-control": "public, max-age=31536000, immutable", "x-content-type-options": "nosniff" },
  });
});
