import { ForbiddenView } from "@/components/forbidden-view";

export default function Forbidden() {
  return <ForbiddenView />;
}
