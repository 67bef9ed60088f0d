/** The demo venue's public identity; a real deployment edits these lines. */
export const VENUE = {
  name: "Kaveri Museum of Art & Science",
  shortName: "Kaveri Museum",
  city: "Bengaluru",
} as const;
