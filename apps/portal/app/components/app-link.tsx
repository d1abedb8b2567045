import { Link, type LinkProps } from "@remix-run/react";

/** A Remix link (client-side navigation) with the NL Design System link styling. */
export function AppLink({ className, ...props }: LinkProps) {
  return <Link {...props} className={["utrecht-link", "utrecht-link--html-a", className].filter(Boolean).join(" ")} />;
}
