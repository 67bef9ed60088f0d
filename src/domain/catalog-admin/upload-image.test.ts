import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { auditLog } from "@/db/schema";
import { databaseForThisFile } from "../../../tests/support/database";
import { t0 } from "../../../tests/support/cart-fixtures";
import { staffCtx, staffMember } from "../../../tests/support/staff-fixtures";
import type { DomainError } from "../errors";
import { MAX_IMAGE_BYTES } from "./image-file";
import { uploadImage } from "./upload-image";

const db = databaseForThisFile();
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(200)]);
const refusal = (promise: Promise<unknown>) => promise.then(() => expect.unreachable("was not refused"), (error: DomainError) => error);

describe("uploading an image", () => {
  it("stores it by its hash, once however often it comes, and audits the upload", async () => {
    const directory = await fs.mkdtemp(path.join(os.tmpdir(), "images-"));
    const ctx = staffCtx(db.current.db, { now: t0 }, await staffMember(db.current.db, "admin"));
    const first = await uploadImage({ ctx, input: { bytes: PNG, contentType: "image/png", directory } });
    expect(first.imageUrl).toMatch(/^\/media\/images\/[0-9a-f]{64}\.png$/);
    expect(await uploadImage({ ctx, input: { bytes: PNG, contentType: "Image/PNG; charset=binary", directory } })).toEqual(first);
    const name = first.imageUrl.split("/").pop()!;
    expect(await fs.readdir(directory)).toEqual([name]);
    expect(Buffer.compare(await fs.readFile(path.join(directory, name)), PNG)).toBe(0);
    expect(await db.current.db.select().from(auditLog).where(eq(auditLog.entityId, name))).toHaveLength(2);
  });

  it("refuses what its first bytes do not show to be the declared image, an unknown type, more than 2 MiB, and anyone but an admin", async () => {
    const directory = await fs.mkdtemp(path.join(os.tmpdir(), "images-"));
    const ctx = staffCtx(db.current.db, { now: t0 }, await staffMember(db.current.db, "admin"));
    const upload = (bytes: Buffer, contentType: string, as = ctx) => uploadImage({ ctx: as, input: { bytes, contentType, directory } });
    expect(await refusal(upload(PNG, "image/jpeg"))).toMatchObject({ code: "unsupported_media_type" });
    expect(await refusal(upload(Buffer.from("<svg onload=alert(1)>"), "image/png"))).toMatchObject({ code: "unsupported_media_type" });
    expect(await refusal(upload(PNG, "image/svg+xml"))).toMatchObject({ code: "unsupported_media_type" });
    expect(await refusal(upload(Buffer.concat([PNG, Buffer.alloc(MAX_IMAGE_BYTES)]), "image/png"))).toMatchObject({ code: "payload_too_large" });
    const staff = staffCtx(db.current.db, { now: t0 }, await staffMember(db.current.db, "staff"));
    expect(await refusal(upload(PNG, "image/png", staff))).toMatchObject({ code: "forbidden" });
    expect(await fs.readdir(directory)).toEqual([]);
  });
});
