import { Form } from "@remix-run/react";
import { Button } from "@utrecht/button-react";
import { nl } from "../messages/nl";

/** A POST form, so a link prefetch or a crawler can never log anyone out; works without JavaScript. */
export function LogoutForm({
  appearance = "secondary-action-button",
}: {
  appearance?: "primary-action-button" | "secondary-action-button";
}) {
  return (
    <Form method="post" action="/uitloggen" className="kp-logout-form">
      <Button type="submit" appearance={appearance}>
        {nl.layout.logoutButton}
      </Button>
    </Form>
  );
}
