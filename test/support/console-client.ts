/**
 * A small browser stand-in for console tests over `app.request()`: keeps cookies, follows nothing on its
 * own, and pulls CSRF tokens out of forms.
 */
import type { Hono } from 'hono';

export interface ConsoleResponse {
  status: number;
  headers: Headers;
  text: string;
  location: string | null;
}

export class ConsoleClient {
  readonly cookies = new Map<string, string>();
  constructor(
    private readonly app: Hono<any>,
    private readonly origin = 'http://127.0.0.1',
  ) {}

  async request(method: string, path: string, form?: Record<string, string | string[]>): Promise<ConsoleResponse> {
    const headers: Record<string, string> = {};
    if (this.cookies.size > 0) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    let body: string | undefined;
    if (form !== undefined) {
      const p = new URLSearchParams();
      for (const [k, v] of Object.entries(form)) for (const x of Array.isArray(v) ? v : [v]) p.append(k, x);
      body = p.toString();
      headers['content-type'] = 'application/x-www-form-urlencoded';
      headers['content-length'] = String(Buffer.byteLength(body));
    }
    const res = await this.app.request(`${this.origin}${path}`, { method, headers, ...(body !== undefined ? { body } : {}) });
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';');
      const i = pair!.indexOf('=');
      const name = pair!.slice(0, i).trim();
      const value = pair!.slice(i + 1).trim();
      if (value === '' || attrs.some((a) => /^\s*max-age=0\s*$/i.test(a))) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return { status: res.status, headers: res.headers, text: await res.text(), location: res.headers.get('location') };
  }

  get(path: string): Promise<ConsoleResponse> {
    return this.request('GET', path);
  }

  post(path: string, form: Record<string, string | string[]>): Promise<ConsoleResponse> {
    return this.request('POST', path, form);
  }

  /** Signs in with a password through the real form; returns the final response of the POST. */
  async signIn(email: string, password: string): Promise<ConsoleResponse> {
    const page = await this.get('/console/sign-in');
    return this.post('/console/sign-in', { csrf: csrfOf(page.text), email, password, next: '/console' });
  }
}

/** The first CSRF token in a page's forms. */
export function csrfOf(html: string): string {
  const m = /name="csrf" value="([^"]+)"/.exec(html);
  if (!m) throw new Error('no csrf field in the page');
  return m[1]!;
}
