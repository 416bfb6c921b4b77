const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (char) => ENTITIES[char]);
}

/** Tagged template that escapes every interpolation unless it is already `Html`. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let out = strings[0];
  values.forEach((value, index) => {
    const rendered = Array.isArray(value)
      ? value.map((item) => (item instanceof Html ? item.value : escapeHtml(item))).join('')
      : value instanceof Html
        ? value.value
        : escapeHtml(value);
    out += rendered + strings[index + 1];
  });
  return new Html(out);
}

const STYLE = `
  :root { color-scheme: light dark; --accent: #3b5bdb; }
  * { box-sizing: border-box; }
  body { margin: 0; min-height: 100vh; display: grid; place-items: center; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; background: #f4f5f8; color: #1d2129; }
  @media (prefers-color-scheme: dark) { body { background: #14161b; color: #e6e8ee; } main { background: #1e2128 !important; } input { background: #14161b; color: inherit; } }
  main { width: min(420px, 92vw); background: #fff; border-radius: 12px; padding: 32px; box-shadow: 0 4px 24px rgba(0,0,0,.08); }
  h1 { font-size: 1.35rem; margin: 0 0 4px; } p.lead { margin: 0 0 24px; opacity: .75; }
  label { display: block; font-weight: 600; margin: 16px 0 6px; }
  input[type=email], input[type=password], input[type=text] { width: 100%; padding: 10px 12px; border: 1px solid #c9ced8; border-radius: 8px; font: inherit; }
  button { width: 100%; margin-top: 24px; padding: 11px; border: 0; border-radius: 8px; background: var(--accent); color: #fff; font: inherit; font-weight: 600; cursor: pointer; }
  button.secondary { background: transparent; color: inherit; border: 1px solid #c9ced8; margin-top: 8px; }
  .error { background: #ffe3e3; color: #a61e1e; padding: 10px 12px; border-radius: 8px; margin-bottom: 8px; }
  .choice { display: flex; gap: 10px; align-items: center; padding: 12px; border: 1px solid #c9ced8; border-radius: 8px; margin-top: 8px; cursor: pointer; }
  .choice small { display: block; opacity: .7; }
  ul.scopes { padding-left: 20px; } footer { margin-top: 24px; font-size: .8rem; opacity: .6; text-align: center; }
`;

export function page(title: string, body: Html): string {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${title} · NexinID</title>
<style>${new Html(STYLE)}</style>
</head>
<body><main>${body}<footer>NexinID</footer></main></body>
</html>`.value;
}

/** Headers for every hosted page: no framing, no caching, no sniffing, no inline script. */
export const PAGE_HEADERS: Record<string, string> = {
  'Content-Type': 'text/html; charset=utf-8',
  'Cache-Control': 'no-store',
  'X-Frame-Options': 'DENY',
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'Referrer-Policy': 'no-referrer',
  'X-Content-Type-Options': 'nosniff',
};
