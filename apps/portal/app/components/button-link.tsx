import { Link, type LinkProps } from "@remix-run/react";

/** A link that looks like a button, for navigation that starts a task ("Nieuwe overdracht"). */
export function ButtonLink({
  appearance = "primary-action",
  className,
  ...props
}: LinkProps & { appearance?: "primary-action" | "secondary-action" }) {
  return (
    <Link
      {...props}
      className={["utrecht-button-link", "utrecht-button-link--html-a", `utrecht-button-link--${appearance}`, className]
        .filter(Boolean)
        .join(" ")}
    />
  );
}
