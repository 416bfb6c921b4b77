/** A minimal browser for tests: a cookie jar and manual redirects, over real HTTP. */
export class BrowserSession {
  readonly #cookies = new Map<string, string>();

  constructor(readonly baseUrl: string) {}

  async request(url: string, init: RequestInit = {}): Promise<Response> {
    const absolute = new URL(url, this.baseUrl);
    const headers = new Headers(init.headers);
    if (absolute.origin === new URL(this.baseUrl).origin && this.#cookies.size > 0) {
      headers.set('cookie', [...this.#cookies].map(([name, value]) => `${name}=${value}`).join('; '));
    }
    const response = await fetch(absolute, { ...init, headers, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) this.store(line);
    return response;
  }

  cookie(name: string): string | undefined {
    return this.#cookies.get(name);
  }

  setCookie(name: string, value: string): void {
    this.#cookies.set(name, value);
  }

  get(url: string): Promise<Response> {
    return this.request(url);
  }

  postForm(url: string, fields: Record<string, string>): Promise<Response> {
    return this.request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    });
  }

  /** Follows redirects on this origin until one leaves it (returned as a URL) or a page answers. */
  async follow(response: Response): Promise<{ response: Response; leftTo?: URL }> {
    let current = response;
    for (let hops = 0; hops < 20; hops += 1) {
      const location = current.headers.get('location');
      if (current.status < 300 || current.status >= 400 || !location) return { response: current };
      const next = new URL(location, current.url || this.baseUrl);
      if (next.origin !== new URL(this.baseUrl).origin || next.pathname.startsWith('/docs/')) return { response: current, leftTo: next };
      await current.arrayBuffer();
      current = await this.get(next.toString());
    }
    throw new Error('too many redirects');
  }

  private store(line: string): void {
    const [pair, ...attributes] = line.split(';');
    const index = pair.indexOf('=');
    const name = pair.slice(0, index).trim();
    const value = pair.slice(index + 1).trim();
    const expired = attributes.some((attribute) => /^\s*expires=Thu, 01 Jan 1970/i.test(attribute)) || value === '';
    if (expired) this.#cookies.delete(name);
    else this.#cookies.set(name, value);
  }
}
