import type { ComponentChildren } from "preact";

export interface LayoutProps {
  title: string;
  children: ComponentChildren;
}

/** The page shell shared by every HTML page. */
export default function Layout({ title, children }: LayoutProps) {
  return (
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} · Busbook`}</title>
      </head>
      <body>
        <header>
          <a href="/">Busbook</a>
        </header>
        <main>{children}</main>
      </body>
    </html>
  );
}
