import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import 'graphiql/style.css';

// Signed in on the board through the LA's provider, the tab has a session: its cookie goes with
// every request, and the session's CSRF token must go with each POST. A Development token
// (sessionStorage) is used as it is.
const token = sessionStorage.getItem('apgrid.token');

async function start(): Promise<void> {
  const session: { csrf?: string } = token ? {} : await fetch('/auth/session').then(r => (r.ok ? r.json() : {}), () => ({}));
  const ws = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;
  const fetcher = createGraphiQLFetcher({
    url: '/graphql',
    subscriptionUrl: ws,
    headers: token ? { authorization: `Bearer ${token}` } : session.csrf ? { 'x-apgrid-csrf': session.csrf } : {},
    wsConnectionParams: token ? { token } : {},
  });
  const signedIn = token !== null || session.csrf !== undefined;

  createRoot(document.getElementById('graphiql')!).render(
    <GraphiQL fetcher={fetcher} defaultQuery={signedIn ? '{ viewer { tenant role urn } }' : '# Sign in on the board (/) first: GraphiQL uses the same sign-in.\n{ viewer { tenant role } }'} />,
  );
}

void start();
