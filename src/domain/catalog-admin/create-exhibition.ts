import { exhibitions, ticketShowcaseConfig } from "../../db/schema";
import { withTransaction, type Ctx } from "../context";
import { DomainError } from "../errors";
import { parseInput } from "../parse-input";
import { audit } from "../staff/audit";
import { authorize } from "../staff/authorize";
import { createExhibitionInput, PLACEHOLDER_IMAGE } from "./exhibition-input";
import { exhibitionRecord, loadStaffExhibition, type StaffExhibition } from "./staff-exhibition-view";

export const slugTaken = (slug: string) => new DomainError("slug_taken", `Another exhibition already has the address ${slug}; choose another.`, { fields: { slug: "is taken" } });

/**
 * A new exhibition, as a draft not on the showcase (admin). The slug's unique constraint decides
 * between two creates of one slug: the second waits for the first and is refused, never both made.
 */
export async function createExhibition({ ctx, input }: { ctx: Ctx; input: unknown }): Promise<StaffExhibition> {
  const actor = authorize(ctx, "admin");
  const fields = parseInput(createExhibitionInput, input);
  return withTransaction(ctx, async ({ db }) => {
    const now = ctx.now();
    const [made] = await db
      .insert(exhibitions)
      .values({ ...fields, imageUrl: fields.imageUrl ?? PLACEHOLDER_IMAGE, status: "draft", createdAt: now, updatedAt: now })
      .onConflictDoNothing({ target: exhibitions.slug })
      .returning({ id: exhibitions.id });
    if (!made) throw slugTaken(fields.slug);
    await db.insert(ticketShowcaseConfig).values({ exhibitionId: made.id });
    const exhibition = await loadStaffExhibition(db, ctx.settings.currency, made.id);
    await audit({ ...ctx, db }, actor, { action: "exhibition.create", entityType: "exhibition", entityId: made.id, after: exhibitionRecord(exhibition) });
    return exhibition;
  });
}
