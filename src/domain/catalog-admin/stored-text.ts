import { z } from "zod";

/** Trimmed text bound for a text column: PostgreSQL refuses a NUL outright, so it is a field's 400 here, not a 500 at the INSERT. */
export const storedText = (max: number) =>
  z
    .string("must be text")
    .trim()
    .max(max, `must be at most ${max} characters`)
    .refine((value) => !value.includes("\u0000"), "must not contain a NUL character");
