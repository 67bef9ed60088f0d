/** Whose cart: a guest known only by the hash of their cookie, or a signed-in user. */
export type CartOwner = { kind: "guest"; tokenHash: string } | { kind: "user"; userId: string };

export function ownerKey(owner: CartOwner): string {
  return owner.kind === "guest" ? `guest:${owner.tokenHash}` : `user:${owner.userId}`;
}
