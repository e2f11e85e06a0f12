// Runs graphql-http's server audits against a live ApGrid and prints one JSON line per audit.
// Usage: node audit.mjs <graphql url> <bearer token>
import { serverAudits } from 'graphql-http';

const [url, token] = process.argv.slice(2);
const authorizedFetch = (input, init = {}) => {
  const headers = new Headers(init.headers);
  headers.set('authorization', `Bearer ${token}`);
  return fetch(input, { ...init, headers });
};

for (const audit of serverAudits({ url, fetchFn: authorizedFetch })) {
  const result = await audit.fn();
  console.log(JSON.stringify({
    id: audit.id,
    name: audit.name,
    status: result.status,
    reason: result.status === 'ok' ? null : result.reason,
  }));
}
