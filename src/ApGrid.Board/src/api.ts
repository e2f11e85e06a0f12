import { createClient, type Client } from 'graphql-ws';
import { noteSocket, noteUpdated } from './live';

const tokenKey = 'apgrid.token';

export type Role = 'LA_OFFICER' | 'SCHOOL_STAFF' | 'AP_STAFF' | 'SPECIAL_SCHOOL_STAFF' | 'PARTNER' | 'LA_ADMIN';
export interface Viewer { tenant: string; role: Role; urn: string | null; localAuthorityName: string | null; settingName: string | null }

export interface GraphQLErrorItem { message: string; extensions?: { code?: string; field?: string } }

/** An API answer that carried errors: the page shows them as they are rather than pretending. */
export class ApiError extends Error {
  constructor(readonly errors: GraphQLErrorItem[]) {
    super(errors.map(e => (e.extensions?.code ? `${e.extensions.code}: ` : '') + e.message).join('; '));
  }
  get forbidden(): boolean { return this.errors.some(e => e.extensions?.code === 'FORBIDDEN'); }
  get unauthenticated(): boolean { return this.errors.some(e => e.extensions?.code === 'UNAUTHENTICATED'); }
  get noAccess(): boolean { return this.errors.some(e => e.extensions?.code === 'NO_ACCESS'); }
}

/**
 * The board's session (signed in through the LA's provider, run by the server): the browser holds
 * only an HttpOnly cookie it cannot read; what it can read is the session's CSRF token, which every
 * request that changes something must carry. A Development token (sessionStorage) is the other way in.
 */
export interface Session { signedIn: boolean; tenant?: string; email?: string; csrf?: string }
let csrf: string | null = null;

export async function loadSession(): Promise<Session> {
  const response = await fetch('/auth/session', { credentials: 'same-origin' });
  const session: Session = response.ok ? await response.json() : { signedIn: false };
  csrf = session.csrf ?? null;
  return session;
}

/** Ends the server's session; the cookie is then worth nothing wherever it was copied. */
export async function signOut(): Promise<void> {
  if (csrf) await fetch('/auth/sign-out', { method: 'POST', headers: { 'x-apgrid-csrf': csrf } });
  csrf = null;
}

export const token = {
  get: (): string | null => sessionStorage.getItem(tokenKey),
  set: (value: string) => sessionStorage.setItem(tokenKey, value),
  clear: () => sessionStorage.removeItem(tokenKey),
};

/**
 * Fetches a REST file with the board's credentials (the Development token, or the session cookie)
 * and hands it to the browser as a download: a plain link would carry no bearer token.
 */
export async function download(path: string, filename: string, bearer = token.get()): Promise<void> {
  const response = await fetch(path, { credentials: 'same-origin', headers: bearer ? { authorization: `Bearer ${bearer}` } : {} });
  if (!response.ok) throw new ApiError([{ message: `HTTP ${response.status} ${response.statusText}` }]);
  const url = URL.createObjectURL(await response.blob());
  const link = Object.assign(document.createElement('a'), { href: url, download: filename });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export async function gql<T>(query: string, variables?: Record<string, unknown>, bearer = token.get()): Promise<T> {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json',
      ...(bearer ? { authorization: `Bearer ${bearer}` } : csrf ? { 'x-apgrid-csrf': csrf } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  let body: { data?: T; errors?: GraphQLErrorItem[] };
  try {
    body = await response.json();
  } catch {
    throw new ApiError([{ message: `HTTP ${response.status} ${response.statusText}` }]);
  }
  if (response.status === 401) throw new ApiError(body.errors ?? [{ message: 'Not signed in', extensions: { code: 'UNAUTHENTICATED' } }]);
  if (body.errors?.length) throw new ApiError(body.errors);
  return body.data as T;
}

let client: Client | null = null;
let clientToken: string | null = null;

/** One socket per signed-in page; every view's subscriptions share it. */
export function ws(): Client {
  const current = token.get();
  if (client && clientToken === current) return client;
  client?.dispose();
  clientToken = current;
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;
  // With a session the socket's upgrade carries the cookie, and connection_init carries no token.
  client = createClient({
    url, connectionParams: current ? { token: current } : {}, retryAttempts: Infinity, lazy: true,
    on: { connected: () => noteSocket('connected'), closed: () => noteSocket('closed') },
  });
  return client;
}

export function closeSocket(): void {
  client?.dispose();
  client = null;
  clientToken = null;
}

/**
 * Subscribes and calls onEvent for each event. Errors reach onError so the view can say so plainly.
 * Returns the unsubscribe function.
 */
export function subscribe(query: string, onEvent: (data: unknown) => void, onError: (error: unknown) => void,
  variables?: Record<string, unknown>): () => void {
  return ws().subscribe({ query, variables }, {
    next: value => {
      if (value.errors?.length) onError(new ApiError(value.errors as GraphQLErrorItem[]));
      else { noteUpdated(); onEvent(value.data); }
    },
    error: error => onError(Array.isArray(error) ? new ApiError(error as GraphQLErrorItem[]) : error),
    complete: () => { },
  });
}

/**
 * A school's pupils with the given selection, one request per pupil: a list of pupils with a list
 * inside each is over the API's complexity limit in one document, by design.
 */
export async function schoolPupils<T>(schoolUrn: string, selection: string): Promise<T[]> {
  const data = await gql<{ school: { pupils: { id: string }[] } | null }>('query($urn: String!) { school(urn: $urn) { pupils { id } } }', { urn: schoolUrn });
  const pupils = await Promise.all((data.school?.pupils ?? []).map(p =>
    gql<{ pupil: T | null }>(`query($id: ID!) { pupil(id: $id) { ${selection} } }`, { id: p.id })));
  return pupils.map(p => p.pupil).filter((p): p is Awaited<T> => p !== null) as T[];
}
