import type { HTMLAttributes, ReactNode } from "react";

type Props<T extends HTMLElement> = HTMLAttributes<T> & { children: ReactNode };

function classes(base: string, className: string | undefined): string {
  return className ? `${base} ${className}` : base;
}

export function Heading1({ className, ...props }: Props<HTMLHeadingElement>) {
  return <h1 {...props} className={classes("utrecht-heading-1", className)} />;
}

export function Heading2({ className, ...props }: Props<HTMLHeadingElement>) {
  return <h2 {...props} className={classes("utrecht-heading-2", className)} />;
}

export function Paragraph({ className, lead, ...props }: Props<HTMLParagraphElement> & { lead?: boolean }) {
  return (
    <p
      {...props}
      className={classes(lead ? "utrecht-paragraph utrecht-paragraph--lead" : "utrecht-paragraph", className)}
    />
  );
}

export function UnorderedList({ className, ...props }: Props<HTMLUListElement>) {
  return <ul {...props} className={classes("utrecht-unordered-list", className)} />;
}

export function ListItem({ className, ...props }: Props<HTMLLIElement>) {
  return <li {...props} className={classes("utrecht-unordered-list__item", className)} />;
}
