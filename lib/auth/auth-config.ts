// The part of the Auth.js configuration that needs no database, shared by the
// proxy and the full configuration in auth.ts.
import type { NextAuthConfig } from "next-auth";
import type { Role } from "./permissions";

declare module "next-auth" {
  interface User {
    role?: Role;
    sessionVersion?: number;
  }
  interface Session {
    user: { id: string; role: Role; sv: number; name?: string | null; email?: string | null };
  }
}

export const authConfig = {
  trustHost: true,
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/login" },
  providers: [],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.role = user.role;
        token.sv = user.sessionVersion;
      }
      return token;
    },
    session({ session, token }) {
      session.user = {
        ...session.user,
        id: token.uid as string,
        role: token.role as Role,
        sv: token.sv as number,
      };
      return session;
    },
  },
} satisfies NextAuthConfig;
