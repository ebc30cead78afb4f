import { ForbiddenView } from "@/components/forbidden-view";

// The proxy rewrites here with status 403 when a signed-in user lacks the role.
export default function ForbiddenPage() {
  return <ForbiddenView />;
}
