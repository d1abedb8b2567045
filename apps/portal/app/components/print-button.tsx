import type { MouseEvent } from "react";
import { nl } from "../messages/nl";

/**
 * "Afdrukken": a link to the printable view of the page, which works without JavaScript (then the browser's own
 * print command does the rest); with JavaScript it opens the print dialog at once.
 */
export function PrintButton({ href }: { href: string }) {
  const print = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    window.print();
  };
  return (
    <a
      href={href}
      onClick={print}
      className="utrecht-button-link utrecht-button-link--html-a utrecht-button-link--secondary-action"
    >
      {nl.tableMinutes.print}
    </a>
  );
}
