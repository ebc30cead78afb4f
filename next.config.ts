import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // `npm run typecheck` checks the whole project (tests included) in CI; the
  // build need not repeat it.
  typescript: { ignoreBuildErrors: true },
  // PGlite ships WASM and data files that must be loaded from node_modules as they are.
  serverExternalPackages: ["@electric-sql/pglite", "postgres", "bcryptjs", "ws"],
  experimental: {
    // forbidden() renders app/forbidden.tsx with HTTP status 403.
    authInterrupts: true,
  },
};

export default withNextIntl(nextConfig);
