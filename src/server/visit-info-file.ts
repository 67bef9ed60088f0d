import fs from "node:fs";
import { z } from "zod";

const text = z.string().trim().min(1, "must not be empty").max(2000, "must be at most 2000 characters");
// English is required: the language every visitor falls back to. Hindi and Kannada fall back to it when missing.
const texts = z.object({ en: text, hi: text.optional(), kn: text.optional() }, "must be an object of texts by language: { \"en\": \"…\", \"hi\": \"…\", \"kn\": \"…\" }").strict();

/** VISIT_INFO_FILE's content: the museum's own visit information, each field replacing the demo museum's. */
export const visitInfoOverrides = z
  .object({
    address: texts.optional(),
    mapUrl: z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).optional(),
    bring: texts.optional(),
    accessibility: texts.optional(),
  })
  .strict();
export type VisitInfoOverrides = z.output<typeof visitInfoOverrides>;

/** VISIT_INFO_FILE read and checked at start-up: a missing file, bad JSON or an unknown field stops the server with a message naming it. */
export const visitInfoFile = z.string().transform((file, issue): VisitInfoOverrides => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (error) {
    issue.addIssue({ code: "custom", message: `must name a readable JSON file (${error instanceof Error ? error.message : String(error)})` });
    return z.NEVER;
  }
  const result = visitInfoOverrides.safeParse(parsed);
  if (!result.success) {
    for (const problem of result.error.issues) issue.addIssue({ code: "custom", message: `has ${problem.path.join(".") || "its content"} that ${problem.message}` });
    return z.NEVER;
  }
  return result.data;
});
