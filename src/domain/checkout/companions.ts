import { DomainError } from "../errors";

type CompanionLine = { id: string; slotId: string; requiresCompanion: boolean };

/**
 * 422 companion_required naming the lines whose ticket (a child's) is not sold alone: every slot
 * with such a line needs a line of a ticket type that needs no companion (an adult's, a senior's).
 */
export function refuseUnaccompanied(lines: CompanionLine[]): void {
  const accompanied = new Set(lines.filter((line) => !line.requiresCompanion).map((line) => line.slotId));
  const alone = lines.filter((line) => line.requiresCompanion && !accompanied.has(line.slotId));
  if (alone.length === 0) return;
  throw new DomainError("companion_required", "Children's tickets are sold only with an adult's ticket for the same time: add one, or remove the children's tickets.", {
    itemIds: alone.map((line) => line.id),
  });
}
