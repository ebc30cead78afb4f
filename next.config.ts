import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // PGlite ships WASM and data files that must be loaded from node_modules as they are.
  serverExternalPackages: ["@electric-sql/pglite", "postgres", "bcryptjs", "ws"],
  experimental: {
    // forbidden() renders app/forbidden.tsx with HTTP status 403.
    authInterrupts: true,
  },
};

export default withNextIntl(nextConfig);
