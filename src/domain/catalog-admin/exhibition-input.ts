import { z } from "zod";
import { formatOfName, IMAGE_URL_PREFIX } from "./image-file";
import { storedText } from "./stored-text";

// Paths the console and the site serve beside /…/exhibitions/{slug}: an exhibition by that slug could never be reached.
const RESERVED_SLUGS = new Set(["new"]);

/** Lowercase words of a–z and 0–9 joined by single hyphens, as the database's exhibitions_slug_format CHECK. */
export const slugSchema = z
  .string("must be text")
  .min(2, "must be 2–60 characters")
  .max(60, "must be 2–60 characters")
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be lowercase letters and digits, words joined by single hyphens (like monsoon-rivers)")
  .refine((slug) => !RESERVED_SLUGS.has(slug), "is reserved for a page of the site; choose another");

const SITE_ARTWORK = /^\/images\/[a-z0-9-]+\.(svg|png|jpg|jpeg|webp)$/;
const isHttps = (url: string) => /^https:\/\/[^\s]+$/i.test(url) && URL.canParse(url);

/** An uploaded image (/media/images/<sha256>.<ext>), the site's own artwork (/images/…), or an https:// address: never javascript:, data: or plain http. */
export const imageUrlSchema = z
  .string("must be text")
  .max(2000, "must be at most 2000 characters")
  .refine(
    (url) => (url.startsWith(IMAGE_URL_PREFIX) && formatOfName(url.slice(IMAGE_URL_PREFIX.length)) !== undefined) || SITE_ARTWORK.test(url) || isHttps(url),
    "must be an https:// address or an uploaded image (/media/images/…)",
  );

/** Shown when an exhibition is created without an image. */
export const PLACEHOLDER_IMAGE = "/images/exhibition-placeholder.svg";

const text = (max: number) => storedText(max).refine((value) => value.length > 0, "is required");

const fields = {
  title: text(120),
  summary: text(300),
  description: storedText(10_000),
  kind: z.enum(["exhibition", "show"], "must be exhibition or show"),
  durationMinutes: z.number("must be a whole number of minutes").int("must be a whole number of minutes").min(1, "must be 1–1440 minutes").max(1440, "must be 1–1440 minutes"),
  imageUrl: imageUrlSchema,
};

export const createExhibitionInput = z.object({ slug: slugSchema, ...fields, imageUrl: fields.imageUrl.optional() });
export type CreateExhibitionInput = z.output<typeof createExhibitionInput>;

export const exhibitionChanges = z.object({
  slug: slugSchema.optional(),
  title: fields.title.optional(),
  summary: fields.summary.optional(),
  description: fields.description.optional(),
  kind: fields.kind.optional(),
  durationMinutes: fields.durationMinutes.optional(),
  imageUrl: fields.imageUrl.optional(),
  status: z.enum(["draft", "published", "archived"], "must be draft, published or archived").optional(),
  featured: z.boolean("must be true or false").optional(),
  displayOrder: z.number("must be a whole number").int("must be a whole number").min(-10_000, "must be from -10000 to 10000").max(10_000, "must be from -10000 to 10000").optional(),
});
export type ExhibitionChanges = z.output<typeof exhibitionChanges>;
