// A subscriber that survives its server going away: whenever the socket drops it connects again
// (through the gateway, so to whichever node is alive) and resubscribes with `after` set to the
// cursor of the last change it saw, the way the contract says a client resumes without gaps.
// Prints one JSON line per event.
// Usage: node resume.mjs <ws url> <auth> <query> <count> <stopSubjectId> <timeoutMs>
//   auth: a bearer token, or key:<api key> for a partner system's API key
//   count: stop after this many changes (0: no limit); stopSubjectId: stop at a change with this subjectId ("-": none)
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const [url, auth, query, count, stopSubjectId, timeoutMs] = process.argv.slice(2);
const connectionParams = auth.startsWith('key:') ? { apiKey: auth.slice(4) } : { token: auth };

let after = null;
let received = 0;
let finished = false;
let client = null;
const timer = setTimeout(() => finish(2, 'timeout'), Number(timeoutMs));

function log(event) {
  console.log(JSON.stringify({ at: Date.now(), ...event }));
}

function finish(code, reason) {
  if (finished) return;
  finished = true;
  clearTimeout(timer);
  log({ event: 'done', reason, received, after });
  client?.dispose();
  setTimeout(() => process.exit(code), 50);
}

function connect() {
  if (finished) return;
  client = createClient({
    url,
    webSocketImpl: WebSocket,
    connectionParams,
    retryAttempts: 0,
    lazy: false,
    on: { connected: () => log({ event: 'connected', after }) },
  });
  let dropped = false;
  const reconnect = (reason) => {
    if (dropped || finished) return;
    dropped = true;
    log({ event: 'reconnecting', reason: String(reason), after });
    client.dispose();
    setTimeout(connect, 250);
  };
  client.on('closed', (e) => reconnect(`closed ${e?.code ?? ''}`));
  client.on('error', () => reconnect('error'));
  client.subscribe(
    { query, variables: after === null ? {} : { after } },
    {
      next: (value) => {
        if (finished) return;
        if (value.errors) { log({ event: 'error', error: value.errors }); finish(1, 'error'); return; }
        const change = value.data?.changes;
        if (change?.cursor) after = change.cursor;
        received++;
        log({ event: 'next', value });
        if (Number(count) > 0 && received >= Number(count)) finish(0, 'count');
        else if (stopSubjectId !== '-' && change?.subjectId === stopSubjectId) finish(0, 'marker');
      },
      error: (error) => {
        // An array is GraphQL's answer to the operation itself. INTERNAL is the node failing (for
        // example while the cluster notices a dead node), worth a retry; any other code (a refusal,
        // a bad query) would only repeat.
        if (Array.isArray(error)) {
          if (!error.every((e) => e?.extensions?.code === 'INTERNAL')) { log({ event: 'error', error }); finish(1, 'error'); return; }
          reconnect(`INTERNAL ${String(error[0]?.message).split('\n')[0].slice(0, 160)}`);
          return;
        }
        reconnect(error instanceof Error ? error.message : (error?.code ?? JSON.stringify(error)));
      },
      complete: () => reconnect('complete'),
    },
  );
}

connect();
