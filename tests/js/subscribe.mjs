// Subscribes through the graphql-ws client and prints every message it gets as one JSON line,
// so a test can drive changes from elsewhere and check what arrives.
// Usage: node subscribe.mjs <ws url> <token> <query> <count> <timeoutMs> [variablesJson]
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const [url, token, query, count, timeoutMs, variables] = process.argv.slice(2);
const client = createClient({
  url,
  webSocketImpl: WebSocket,
  connectionParams: { token },
  retryAttempts: 0,
  lazy: false,
  on: { connected: () => console.log(JSON.stringify({ event: 'connected' })) },
});

let received = 0;
let finished = false;
const timer = setTimeout(() => finish(2, 'timeout'), Number(timeoutMs));

function finish(code, reason) {
  if (finished) return;
  finished = true;
  clearTimeout(timer);
  console.log(JSON.stringify({ event: 'done', reason, received }));
  client.dispose();
  setTimeout(() => process.exit(code), 50);
}

client.subscribe(
  { query, variables: variables ? JSON.parse(variables) : undefined },
  {
    next: (value) => {
      if (finished) return;
      received++;
      console.log(JSON.stringify({ event: 'next', at: Date.now(), value }));
      if (received >= Number(count)) finish(0, 'count');
    },
    error: (error) => {
      console.log(JSON.stringify({ event: 'error', error: error instanceof Error ? error.message : error }));
      finish(1, 'error');
    },
    complete: () => finish(0, 'complete'),
  },
);
