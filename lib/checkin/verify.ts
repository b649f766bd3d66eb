// Reading a scanned ticket without the database: its Ed25519 signature
// (lib/tickets) says whether Busbook issued it unaltered, and its claims
// say which trip it is for. Nothing here takes a connection, so a
// conductor learns "forged" or "wrong trip" even while the database is
// unreachable; only recording a boarding needs it (lib/checkin/record.ts).
import { verifyTicket } from "../tickets/mod.ts";
import type { TicketKeys } from "../tickets/token.ts";
import type { TicketVerdict } from "./types.ts";

// A compact JWS: three base64url parts.
const COMPACT_JWS = /^[\w-]+\.[\w-]+\.[\w-]+$/;

/** True when `text` has the shape of a signed ticket (not a typed reference). */
export function looksLikeTicketToken(text: string): boolean {
  return COMPACT_JWS.test(text.trim());
}

/**
 * Judges a scanned ticket code for the conductor's trip `tripId`: forged
 * (not signed by this server's key, or altered), genuine but for another
 * trip, or valid. Never touches the database.
 */
export async function judgeTicket(
  token: string,
  tripId: number,
  keys?: TicketKeys,
): Promise<TicketVerdict> {
  const claims = await verifyTicket(token, keys);
  if (!claims) return { verdict: "forged" };
  if (claims.tid !== tripId) return { verdict: "wrong_trip", claims };
  return { verdict: "valid", claims };
}
