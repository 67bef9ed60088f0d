/** What decides where an exhibition stands on the home page. */
export type ShowcasePlace = { featured: boolean; displayOrder: number; title: string; slug: string };

/**
 * The home page's order (API.md, GET /api/exhibitions): featured first, then by display order, then
 * by title (the slug settles equal titles). The console's preview sorts with this very function.
 */
export function showcaseOrder(a: ShowcasePlace, b: ShowcasePlace): number {
  return Number(b.featured) - Number(a.featured) || a.displayOrder - b.displayOrder || a.title.localeCompare(b.title, "en") || a.slug.localeCompare(b.slug, "en");
}
