import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import 'graphiql/style.css';

// The board's sign-in keeps the token in this tab's sessionStorage; GraphiQL sends the same one.
const token = sessionStorage.getItem('apgrid.token');
const ws = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;
const fetcher = createGraphiQLFetcher({
  url: '/graphql',
  subscriptionUrl: ws,
  headers: token ? { authorization: `Bearer ${token}` } : {},
  wsConnectionParams: token ? { token } : undefined,
});

createRoot(document.getElementById('graphiql')!).render(
  <GraphiQL fetcher={fetcher} defaultQuery={token ? '{ viewer { tenant role urn } }' : '# Sign in on the board (/) first: GraphiQL uses the same token.\n{ viewer { tenant role } }'} />,
);
