// Loads the served schema the way GraphiQL, graphql-codegen and Apollo do: graphql-js's standard
// introspection query with every option on, then buildClientSchema on the answer. Prints one JSON
// line: the types and the Query type's fields of the schema graphql-js built, or the errors.
// Usage: node introspect.mjs <graphql url> <bearer token>
import { buildClientSchema, getIntrospectionQuery } from 'graphql';

const [url, token] = process.argv.slice(2);
const query = getIntrospectionQuery({
  descriptions: true,
  specifiedByUrl: true,
  directiveIsRepeatable: true,
  schemaDescription: true,
  inputValueDeprecation: true,
  oneOf: true,
});
const response = await fetch(url, {
  method: 'POST',
  headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', authorization: `Bearer ${token}` },
  body: JSON.stringify({ query, operationName: 'IntrospectionQuery' }),
});
const body = await response.json();
if (body.errors || !body.data) {
  console.log(JSON.stringify({ status: response.status, errors: body.errors ?? null }));
  process.exit(1);
}
const schema = buildClientSchema(body.data);
console.log(JSON.stringify({
  status: response.status,
  types: Object.keys(schema.getTypeMap()).sort(),
  queryFields: Object.keys(schema.getQueryType().getFields()).sort(),
  directives: schema.getDirectives().map((d) => d.name).sort(),
}));
