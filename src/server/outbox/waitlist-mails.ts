import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { exhibitions, outbox, ticketTypes, timeSlots, waitlistEntries } from "@/db/schema";
import { hashToken, WAITLIST_MAILS } from "@/domain/waitlist/tokens";
import { VENUE } from "@/domain/venue";
import { formatTime, formatWhen } from "@/components/format";
import { DEFAULT_LOCALE, isLocale } from "@/i18n/locales";
import { translatorFor } from "@/i18n/translator";
import { config } from "../config";
import { sendMail, type Message } from "../mail/mailer";

type Job = typeof outbox.$inferSelect;

const host = () => new URL(config().publicUrl).hostname;

async function entryOf(db: Database, job: Job) {
  const token = job.payload?.token;
  const [entry] = job.subjectId
    ? await db
        .select({ id: waitlistEntries.id, email: waitlistEntries.email, quantity: waitlistEntries.quantity, locale: waitlistEntries.locale, line: waitlistEntries.line, leaveTokenHash: waitlistEntries.leaveTokenHash, offerTokenHash: waitlistEntries.offerTokenHash, status: waitlistEntries.status, slotStatus: timeSlots.status, offerExpiresAt: waitlistEntries.offerExpiresAt, offerSeconds: waitlistEntries.offerSeconds, title: exhibitions.title, startsAt: timeSlots.startsAt, ticketType: ticketTypes.name })
        .from(waitlistEntries)
        .innerJoin(timeSlots, eq(timeSlots.id, waitlistEntries.slotId))
        .innerJoin(exhibitions, eq(exhibitions.id, timeSlots.exhibitionId))
        .innerJoin(ticketTypes, eq(ticketTypes.id, waitlistEntries.ticketTypeId))
        .where(eq(waitlistEntries.id, job.subjectId))
    : [];
  if (!entry || !token) throw new Error(`outbox job ${job.id} (${job.kind}) names no waiting-list entry or token`);
  return { entry, token, locale: isLocale(entry.locale) ? entry.locale : DEFAULT_LOCALE };
}

type Entry = Awaited<ReturnType<typeof entryOf>>;

/** The e-mail saying the visitor is in line, with the link to leave it. */
export function joinedMail({ entry, token, locale }: Entry): Message {
  const t = translatorFor(locale, "waitlist-mail");
  const zone = config().venueTimeZone;
  const when = formatWhen(entry.startsAt.toISOString(), zone, locale);
  return {
    messageId: `waitlist-${entry.id}-joined-${entry.line}@${host()}`,
    from: `"${VENUE.name}" <tickets@${host()}>`,
    to: entry.email,
    subject: t("joinedSubject", { title: entry.title }),
    text: t("joinedText", { title: entry.title, when, count: entry.quantity, ticketType: entry.ticketType, minutes: Math.round(entry.offerSeconds / 60), leave: `${config().publicUrl}/waitlist/leave/${token}`, venue: VENUE.name }),
  };
}

/** The offer: the places held for them until a time, the link that puts them in their cart, and the one that passes them on. */
export function offerMail({ entry, token, locale }: Entry): Message {
  const t = translatorFor(locale, "waitlist-mail");
  const zone = config().venueTimeZone;
  const when = formatWhen(entry.startsAt.toISOString(), zone, locale);
  const until = formatTime((entry.offerExpiresAt ?? new Date()).toISOString(), zone);
  return {
    messageId: `waitlist-${entry.id}-offer-${entry.line}@${host()}`,
    from: `"${VENUE.name}" <tickets@${host()}>`,
    to: entry.email,
    subject: t("offerSubject", { title: entry.title }),
    text: t("offerText", { title: entry.title, when, until, count: entry.quantity, ticketType: entry.ticketType, claim: `${config().publicUrl}/waitlist/claim/${token}`, leave: `${config().publicUrl}/waitlist/leave/${token}`, venue: VENUE.name }),
  };
}

/**
 * The waiting list's outbox jobs, by kind. An offer that was claimed, left or lapsed before its
 * e-mail left is not sent, nor one for a slot since cancelled or closed: its link could not be claimed.
 * Nor is a mail whose token the entry no longer has (it joined again since): its links would be
 * dead, and the newer job carries the live ones. Each time in line (its line number) has its own
 * Message-IDs: mail systems drop a message whose Message-ID they have already delivered.
 */
export const WAITLIST_JOBS: Record<string, (db: Database, job: Job) => Promise<void>> = {
  [WAITLIST_MAILS.joined]: async (db, job) => {
    const found = await entryOf(db, job);
    if (hashToken(found.token) === found.entry.leaveTokenHash) await sendMail(joinedMail(found));
  },
  [WAITLIST_MAILS.offer]: async (db, job) => {
    const found = await entryOf(db, job);
    if (found.entry.status === "offered" && found.entry.slotStatus === "open" && hashToken(found.token) === found.entry.offerTokenHash) await sendMail(offerMail(found));
  },
};
