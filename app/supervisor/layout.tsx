import { StaffShell } from "@/components/staff/staff-shell";
import { requirePageUser } from "@/lib/auth/current-user";

export const dynamic = "force-dynamic";

export default async function Layout({ children }: { children: React.ReactNode }) {
  const user = await requirePageUser("area.supervisor", "/supervisor");
  return <StaffShell user={user}>{children}</StaffShell>;
}
