import Link from "next/link";

export default function NotFound() {
  return (
    <div className="mx-auto max-w-2xl px-4 py-20 text-center">
      <p className="text-sm font-semibold uppercase tracking-widest text-accent">404</p>
      <h1 className="mt-3 font-serif text-4xl font-semibold text-ink">We couldn&rsquo;t find that page</h1>
      <p className="mt-4 text-muted">The exhibition may have closed, or the link may be mistyped.</p>
      <div className="mt-8 flex flex-wrap justify-center gap-3">
        <Link href="/exhibitions" className="rounded-lg bg-accent px-5 py-3 font-semibold text-white hover:bg-accent-dark">
          See what&rsquo;s on
        </Link>
        <Link href="/" className="rounded-lg border border-line bg-white px-5 py-3 font-semibold text-ink hover:border-accent">
          Home
        </Link>
      </div>
    </div>
  );
}
