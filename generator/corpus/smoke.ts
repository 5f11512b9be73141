/**
 * The CI smoke subset (generator/test/corpus-smoke.test.ts): small specs that each showed one of the failure
 * classes of issue 12 before it was fixed, one or two per class.
 */
export const SMOKE: string[] = [
  '1forge.com', // no operationIds: resources named `get` clashed with the base client (TS2416)
  'xkcd.com', // the same, two operations
  'thenounproject.com', // `/collection/{slug}` and `/collection/{id}` (refused with exit 2)
  'transavia.com', // operationIds that start with a digit
  'wmata.com/bus-realtime', // the same, in one `client.default`
  'healthcare.gov', // paths that differ only in parameter names; a resource named like the client class
  'useapi.net', // `/jobs` and `/jobs/` without operationIds: one method name twice
  'adafruit.com', // a path param and a body property of one name (TS2300); tags not at the path start
  'amazonaws.com/acm', // one name in the query and the body (TS2300)
  'googleapis.com/gkebackup', // `query: { $.xgafv }` (TS1005)
  'reverb.com', // paths that differ only in parameter names
  'daniweb.com', // schema names that differ only in punctuation (plan collision)
  'windows.net/graphrbac', // `api-version` as a shorthand property (TS1005)
  'bigoven.com', // a recursive schema printed inline: stack overflow (crash)
  'weatherbit.io', // `?city=` / `?city_id=` path keys without operationIds
  'opensuse.org/obs', // `?view=` path keys without operationIds
  'clickmeter.com', // a method named like a sub-resource (TS2300)
  'tfl.gov.uk', // recursive inline schema (crash)
  'credas.co.uk/pi', // recursive inline schema (crash)
  'clicksend.com', // operationIds without `/`: everything in `client.default`, two methods one name
  'trello.com', // a query param named like the positional path param; paths differing in param names
  'windows.net/batch-BatchService', // `api-version` and friends
  'visma.com', // paths that differ only in parameter names
  'bitbucket.org', // a schema named `object`; resources named `put`/`get`
];
