// Entry of public/widget.js. Whatever goes wrong inside, the host page must
// never see an exception from us.
import { boot } from "./loader";

try {
  boot();
} catch {
  // The widget stays off; the site keeps working.
}
