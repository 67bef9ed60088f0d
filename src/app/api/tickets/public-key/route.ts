import { json, route } from "@/server/http/route";
import { ticketSigningKeys } from "@/server/tickets/ticket-keys";

export const dynamic = "force-dynamic";

/** The key a door scanner verifies ticket QR codes with, offline: Ed25519 over the token's payload. */
export const GET = route(async () => {
  const { publicKey } = ticketSigningKeys();
  return json({ algorithm: "Ed25519", format: "base64url(payload).base64url(signature)", publicKeyPem: publicKey.export({ type: "spki", format: "pem" }), jwk: publicKey.export({ format: "jwk" }) });
});
