import { DomainError } from "@/domain/errors";
import { isUuid } from "@/server/http/schemas";

/** The slot a staff slot route names: anything but an id is a slot that does not exist. */
export function slotIdOf(params: { id: string }): string {
  if (!isUuid(params.id)) throw new DomainError("not_found", "There is no such time slot.");
  return params.id;
}
