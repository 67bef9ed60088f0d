/**
 * Headers every answer carries: no page of ours may be framed by another site (clickjacking),
 * browsers must not guess content types, and other sites learn only our origin from a link.
 * HSTS only when the site is served over https in production: sent over plain http on a
 * developer's machine it would pin localhost to https for a year.
 */
export function securityHeaders(options: { production: boolean; publicUrl: string }): Record<string, string> {
  return {
    "content-security-policy": "frame-ancestors 'none'",
    "x-frame-options": "DENY",
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
    ...(options.production && options.publicUrl.startsWith("https://") && { "strict-transport-security": "max-age=31536000; includeSubDomains" }),
  };
}
