import type { MetadataRoute } from "next";
import { VENUE } from "@/domain/venue";

export default function manifest(): MetadataRoute.Manifest {
  return {
    name: `${VENUE.name} — Tickets`,
    short_name: VENUE.shortName,
    description: "Timed-entry tickets for exhibitions and planetarium shows.",
    start_url: "/",
    display: "standalone",
    background_color: "#fbf7f0",
    theme_color: "#7a2e1d",
    icons: [{ src: "/icon.svg", sizes: "any", type: "image/svg+xml" }],
  };
}
