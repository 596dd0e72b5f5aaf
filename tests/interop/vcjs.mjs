#!/usr/bin/env node
// Interop harness: drives the reference JavaScript VC libraries (digitalbazaar vc /
// data-integrity / eddsa cryptosuites, jsonld.js, jose) so the .NET tests can compare
// against an independent implementation. See README.md in this folder.
//
// Contract: JSON in (stdin or --in FILE), JSON (or raw text) out on stdout.
// Exit 0 = success / verified, 1 = not verified, 2 = usage error or unusable input
// (message on stderr). All JSON-LD processing is offline: see makeDocumentLoader().

import {readFileSync, existsSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

import * as vc from '@digitalbazaar/vc';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import {cryptosuite as eddsaRdfc2022} from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import {
  createSignCryptosuite as createJcsSignCryptosuite,
  createVerifyCryptosuite as createJcsVerifyCryptosuite
} from '@digitalbazaar/eddsa-jcs-2022-cryptosuite';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import * as EcdsaMultikey from '@digitalbazaar/ecdsa-multikey';
import {cryptosuite as ecdsaRdfc2019} from '@digitalbazaar/ecdsa-rdfc-2019-cryptosuite';
import * as DidKey from '@digitalbazaar/did-method-key';
import {Ed25519Signature2020} from '@digitalbazaar/ed25519-signature-2020';
import jsonld from 'jsonld';
import jsigs from 'jsonld-signatures';
import canonicalize from 'canonicalize';
import * as jose from 'jose';
import Ajv2019 from 'ajv/dist/2019.js';
import addFormats from 'ajv-formats';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const EDC_AP_CONTEXT_URL = 'http://data.europa.eu/snb/model/context/edc-ap';

class UsageError extends Error {}

// ---------------------------------------------------------------- arguments

const MULTI = new Set(['in', 'resource', 'crit']);
const FLAGS = new Set([
  'no-issuer-check', 'nquads', 'payload-raw', 'no-created', 'help'
]);

function parseArgs(argv) {
  const opts = {_: []};
  for(let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if(!a.startsWith('--')) {
      opts._.push(a);
      continue;
    }
    let name = a.slice(2);
    let value;
    const eq = name.indexOf('=');
    if(eq > 0 && !name.startsWith('resource')) {
      value = name.slice(eq + 1);
      name = name.slice(0, eq);
    }
    if(FLAGS.has(name)) {
      opts[name] = true;
      continue;
    }
    if(value === undefined) {
      if(i + 1 >= argv.length) {
        throw new UsageError(`--${name} needs a value`);
      }
      value = argv[++i];
    }
    if(MULTI.has(name)) {
      (opts[name] ??= []).push(value);
    } else {
      opts[name] = value;
    }
  }
  return opts;
}

function readStdin() {
  try {
    return readFileSync(0, 'utf8');
  } catch(e) {
    if(e.code === 'EAGAIN' || e.code === 'EOF') {
      return '';
    }
    throw e;
  }
}

// the text inputs: every --in FILE ('-' = stdin), or stdin when none
function inputTexts(opts) {
  const ins = opts.in ?? ['-'];
  return ins.map(f => f === '-' ? readStdin() : readFileSync(f, 'utf8'));
}

function inputText(opts) {
  const texts = inputTexts(opts);
  if(texts.length !== 1) {
    throw new UsageError('exactly one --in is expected for this command');
  }
  return texts[0];
}

function parseJson(text, what = 'input') {
  try {
    return JSON.parse(text);
  } catch(e) {
    throw new UsageError(`${what} is not valid JSON: ${e.message}`);
  }
}

function readJsonFile(file, what) {
  return parseJson(readFileSync(file, 'utf8'), what ?? file);
}

// ---------------------------------------------------------------- document loader

function findSharedRoot() {
  const candidates = [];
  if(process.env.MCRED_SHARED) {
    candidates.push(process.env.MCRED_SHARED);
  }
  // <repo>/tests/interop -> <repo>/../shared
  candidates.push(path.resolve(HERE, '..', '..', '..', 'shared'));
  for(const c of candidates) {
    if(existsSync(path.join(c, 'vectors', 'contexts', 'index.json'))) {
      return c;
    }
  }
  throw new UsageError(
    'shared test data not found (looked at ' + candidates.join(', ') +
    '); set MCRED_SHARED');
}

let didKeyDriver;
function getDidKeyDriver() {
  if(!didKeyDriver) {
    didKeyDriver = DidKey.driver();
    didKeyDriver.use({
      multibaseMultikeyHeader: 'z6Mk',
      fromMultibase: Ed25519Multikey.from
    });
    // P-256 (zDna) and P-384 (z82L) Multikeys, for ecdsa-rdfc-2019
    for(const header of ['zDna', 'z82L']) {
      didKeyDriver.use({
        multibaseMultikeyHeader: header,
        fromMultibase: EcdsaMultikey.from
      });
    }
  }
  return didKeyDriver;
}

/**
 * Offline document loader. Serves only: the context copies listed in
 * shared/vectors/contexts/index.json, the EDC edc-ap context, --resource URL=FILE
 * pairs (a URL with a #fragment is looked up inside the resource document
 * named by the URL without it, e.g. a DID document), and did:key DIDs / VM URLs
 * (Ed25519, P-256 and P-384 Multikeys, resolved locally). Anything else throws.
 */
export function makeDocumentLoader({resources = []} = {}) {
  const shared = findSharedRoot();
  const ctxDir = path.join(shared, 'vectors', 'contexts');
  const index = readJsonFile(path.join(ctxDir, 'index.json'));
  const files = new Map();
  for(const [url, entry] of Object.entries(index)) {
    files.set(url, path.join(ctxDir, entry.file));
  }
  files.set(EDC_AP_CONTEXT_URL,
    path.join(shared, 'anchors', 'edc', 'elm-v3', 'edc-ap-context.jsonld'));
  for(const pair of resources) {
    const eq = pair.lastIndexOf('=');
    if(eq <= 0) {
      throw new UsageError(`--resource expects URL=FILE, got "${pair}"`);
    }
    const url = pair.slice(0, eq);
    const file = path.resolve(pair.slice(eq + 1));
    if(!existsSync(file)) {
      throw new UsageError(`--resource file not found: ${file}`);
    }
    files.set(url, file);
  }
  const cache = new Map();
  const load = url => {
    if(!cache.has(url)) {
      cache.set(url, readJsonFile(files.get(url), `resource ${url}`));
    }
    return structuredClone(cache.get(url));
  };
  const remote = (url, document) =>
    ({contextUrl: null, documentUrl: url, document});

  return async function documentLoader(url) {
    if(files.has(url)) {
      return remote(url, load(url));
    }
    if(url.startsWith('did:key:')) {
      const [did, fragment] = url.split('#');
      if(fragment !== undefined && fragment !== did.slice('did:key:'.length)) {
        // did-method-key itself would crash (TypeError) on this
        throw new Error(`did:key verification method "${url}" does not ` +
          'exist: the fragment must be the key itself');
      }
      const document = await getDidKeyDriver().get({url});
      return remote(url, document);
    }
    const hash = url.indexOf('#');
    if(hash > 0 && files.has(url.slice(0, hash))) {
      const base = url.slice(0, hash);
      const doc = load(base);
      const vm = findVerificationMethod(doc, url, url.slice(hash));
      if(vm) {
        return remote(url, {
          '@context': doc['@context'],
          controller: doc.id ?? base,
          ...vm,
          id: url
        });
      }
    }
    throw new Error(
      `offline document loader: "${url}" is not a known context, ` +
      'did:key or --resource');
  };
}

function findVerificationMethod(doc, url, fragment) {
  const props = ['verificationMethod', 'assertionMethod', 'authentication',
    'capabilityInvocation', 'capabilityDelegation', 'keyAgreement',
    'publicKey'];
  for(const p of props) {
    for(const vm of [].concat(doc[p] ?? [])) {
      if(typeof vm === 'object' && (vm.id === url || vm.id === fragment)) {
        return vm;
      }
    }
  }
  return undefined;
}

// ---------------------------------------------------------------- keys and suites

async function loadKeyPair(file) {
  const k = readJsonFile(file, 'key file');
  const publicKeyMultibase = k.publicKeyMultibase;
  const secretKeyMultibase = k.secretKeyMultibase ?? k.privateKeyMultibase;
  if(!publicKeyMultibase || !secretKeyMultibase) {
    throw new UsageError('key file needs publicKeyMultibase and ' +
      'secretKeyMultibase (or privateKeyMultibase)');
  }
  const did = `did:key:${publicKeyMultibase}`;
  const controller = k.controller ??
    (typeof k.id === 'string' && k.id.includes('#') ?
      k.id.slice(0, k.id.indexOf('#')) : undefined) ?? k.did ?? did;
  const id = k.id ?? k.verificationMethod ??
    `${controller}#${publicKeyMultibase}`;
  const from = publicKeyMultibase.startsWith('z6Mk') ?
    Ed25519Multikey.from : EcdsaMultikey.from;
  return from({
    type: 'Multikey', id, controller, publicKeyMultibase, secretKeyMultibase
  });
}

const SIGN_SUITES = ['eddsa-jcs-2022', 'eddsa-rdfc-2022', 'Ed25519Signature2020',
  'ecdsa-rdfc-2019'];

function createSignSuite(name, keyPair, created) {
  const signer = keyPair.signer();
  // date: undefined = now; null = omit `created`
  const date = created;
  switch(name) {
    case 'eddsa-jcs-2022':
      return new DataIntegrityProof(
        {signer, date, cryptosuite: createJcsSignCryptosuite()});
    case 'eddsa-rdfc-2022':
      return new DataIntegrityProof(
        {signer, date, cryptosuite: eddsaRdfc2022});
    case 'Ed25519Signature2020':
      return new Ed25519Signature2020({signer, date});
    case 'ecdsa-rdfc-2019':
      return new DataIntegrityProof(
        {signer, date, cryptosuite: ecdsaRdfc2019});
    default:
      throw new UsageError(
        `--suite must be one of ${SIGN_SUITES.join(', ')}; got "${name}"`);
  }
}

function createVerifySuites() {
  return [
    new DataIntegrityProof({cryptosuite: createJcsVerifyCryptosuite()}),
    new DataIntegrityProof({cryptosuite: eddsaRdfc2022}),
    new DataIntegrityProof({cryptosuite: ecdsaRdfc2019}),
    new Ed25519Signature2020()
  ];
}

function createdOption(opts) {
  if(opts['no-created']) {
    return null;
  }
  if(opts.created === undefined) {
    return undefined;
  }
  if(isNaN(new Date(opts.created))) {
    throw new UsageError(`--created is not a date: ${opts.created}`);
  }
  return opts.created;
}

// A status check that does not check: the vc library refuses to verify a
// credential with credentialStatus unless a checkStatus function is given.
// The output says `statusChecked: false`.
async function noStatusCheck() {
  return {verified: true};
}

// ---------------------------------------------------------------- errors

// an error's message plus the messages of its causes (jsonld.js puts the
// loader's own error under details.cause)
function describe(e) {
  const parts = [e.message];
  let cause = e.details?.cause ?? e.cause;
  for(let i = 0; cause && i < 5; i++) {
    if(cause.message && !parts.includes(cause.message)) {
      parts.push(cause.message);
    }
    cause = cause.details?.cause ?? cause.cause;
  }
  return parts.join(' <- ');
}

function errorMessages(error) {
  if(!error) {
    return [];
  }
  const list = Array.isArray(error) ? error : [error];
  const out = [];
  for(const e of list) {
    if(Array.isArray(e?.errors) && e.errors.length > 0) {
      out.push(...errorMessages(e.errors));
    } else if(e?.message) {
      out.push(describe(e));
    } else {
      out.push(String(e));
    }
  }
  return out;
}

function summarizeProofResults(results) {
  return (results ?? []).map(r => ({
    type: r.proof?.type,
    cryptosuite: r.proof?.cryptosuite,
    verificationMethod: typeof r.proof?.verificationMethod === 'object' ?
      r.proof.verificationMethod.id : r.proof?.verificationMethod,
    proofPurpose: r.proof?.proofPurpose,
    verified: !!r.verified,
    error: r.verified ? null : errorMessages(r.error).join('; ') || null
  }));
}

// ---------------------------------------------------------------- commands

async function cmdSign(opts) {
  if(!opts.suite || !opts.key) {
    throw new UsageError('sign needs --suite and --key');
  }
  const credential = parseJson(inputText(opts));
  const keyPair = await loadKeyPair(opts.key);
  const suite = createSignSuite(opts.suite, keyPair, createdOption(opts));
  const documentLoader = makeDocumentLoader({resources: opts.resource});
  const signed = await vc.issue({
    credential, suite, documentLoader, now: opts.now
  });
  return {json: signed};
}

function purposeFor(opts) {
  if(opts['no-issuer-check']) {
    // assertionMethod proof purpose without binding the key to `issuer`
    return new jsigs.purposes.AssertionProofPurpose();
  }
  return undefined; // library default: CredentialIssuancePurpose
}

async function cmdVerify(opts) {
  const credential = parseJson(inputText(opts));
  const documentLoader = makeDocumentLoader({resources: opts.resource});
  const result = await vc.verifyCredential({
    credential,
    suite: createVerifySuites(),
    documentLoader,
    purpose: purposeFor(opts),
    checkStatus: noStatusCheck,
    now: opts.now
  });
  const errors = errorMessages(result.error);
  return {
    json: {
      verified: !!result.verified,
      error: result.verified ? null : errors.join('; ') || 'not verified',
      proofs: summarizeProofResults(result.results),
      statusChecked: false
    },
    exit: result.verified ? 0 : 1
  };
}

async function cmdPresent(opts) {
  if(!opts.suite || !opts.key || opts.challenge === undefined) {
    throw new UsageError('present needs --suite, --key, --challenge ' +
      '[--domain] and one or more --in');
  }
  const credentials = inputTexts(opts).map(t => parseJson(t));
  const keyPair = await loadKeyPair(opts.key);
  const suite = createSignSuite(opts.suite, keyPair, createdOption(opts));
  const documentLoader = makeDocumentLoader({resources: opts.resource});
  const version = opts['vp-version'] === undefined ?
    2.0 : Number(opts['vp-version']);
  if(version !== 1.0 && version !== 2.0) {
    throw new UsageError('--vp-version must be 1 or 2');
  }
  const presentation = vc.createPresentation({
    verifiableCredential: credentials,
    holder: opts.holder ?? keyPair.controller,
    id: opts.id,
    version,
    now: opts.now
  });
  const signed = await vc.signPresentation({
    presentation, suite, documentLoader,
    challenge: opts.challenge, domain: opts.domain
  });
  return {json: signed};
}

async function cmdVerifyPresentation(opts) {
  if(opts.challenge === undefined) {
    throw new UsageError('verify-presentation needs --challenge [--domain]');
  }
  const presentation = parseJson(inputText(opts));
  const documentLoader = makeDocumentLoader({resources: opts.resource});
  const result = await vc.verify({
    presentation,
    suite: createVerifySuites(),
    documentLoader,
    challenge: opts.challenge,
    domain: opts.domain,
    purpose: purposeFor(opts),
    checkStatus: noStatusCheck,
    now: opts.now
  });
  const errors = [];
  const pr = result.presentationResult;
  if(pr && !pr.verified) {
    errors.push('presentation: ' + errorMessages(pr.error).join('; '));
  }
  if(!pr && result.error) {
    errors.push(...errorMessages(result.error));
  }
  const credentialResults = (result.credentialResults ?? []).map((r, i) => {
    const msg = errorMessages(r.error).join('; ');
    if(!r.verified) {
      errors.push(`credential ${i}: ${msg || 'not verified'}`);
    }
    return {
      id: r.credentialId ?? null,
      verified: !!r.verified,
      error: r.verified ? null : msg || 'not verified',
      proofs: summarizeProofResults(r.results)
    };
  });
  return {
    json: {
      verified: !!result.verified,
      error: result.verified ? null : errors.join(' | ') || 'not verified',
      presentationVerified: !!pr?.verified,
      proofs: summarizeProofResults(pr?.results),
      credentialResults,
      statusChecked: false
    },
    exit: result.verified ? 0 : 1
  };
}

async function cmdCanonize(opts) {
  const text = inputText(opts);
  let out;
  if(opts.nquads) {
    out = await jsonld.canonize(text, {
      algorithm: 'RDFC-1.0', inputFormat: 'application/n-quads',
      format: 'application/n-quads'
    });
  } else {
    out = await jsonld.canonize(parseJson(text), {
      algorithm: 'RDFC-1.0', format: 'application/n-quads', safe: true,
      base: opts.base ?? null,
      documentLoader: makeDocumentLoader({resources: opts.resource})
    });
  }
  return {raw: out};
}

// Many documents in one process: input is a JSON array; output a JSON array of
// {"nquads": "..."} or {"error": "..."} in the same order.
async function cmdCanonizeMany(opts) {
  const docs = parseJson(inputText(opts));
  if(!Array.isArray(docs)) {
    throw new UsageError('canonize-many expects a JSON array of documents');
  }
  const documentLoader = makeDocumentLoader({resources: opts.resource});
  const results = [];
  for(const doc of docs) {
    try {
      results.push({nquads: await jsonld.canonize(doc, {
        algorithm: 'RDFC-1.0', format: 'application/n-quads', safe: true,
        base: null, documentLoader
      })});
    } catch(e) {
      results.push({error: String(e && e.message || e)});
    }
  }
  return {json: results};
}

async function cmdToRdf(opts) {
  const doc = parseJson(inputText(opts));
  const out = await jsonld.toRDF(doc, {
    format: 'application/n-quads', safe: true, base: opts.base ?? null,
    documentLoader: makeDocumentLoader({resources: opts.resource})
  });
  return {raw: out};
}

async function cmdExpand(opts) {
  const doc = parseJson(inputText(opts));
  const out = await jsonld.expand(doc, {
    safe: true, base: opts.base ?? null,
    documentLoader: makeDocumentLoader({resources: opts.resource})
  });
  return {json: out};
}

async function cmdJcs(opts) {
  return {raw: canonicalize(parseJson(inputText(opts)))};
}

// JSON Schema 2019-09 validation (ajv 8, all errors, formats checked)
async function cmdSchemaValidate(opts) {
  if(!opts.schema) {
    throw new UsageError('schema-validate needs --schema FILE');
  }
  const schema = readJsonFile(opts.schema, `schema ${opts.schema}`);
  const ajv = new Ajv2019({allErrors: true, strict: false});
  addFormats(ajv);
  let validate;
  try {
    validate = ajv.compile(schema);
  } catch(e) {
    throw new UsageError(`schema ${opts.schema} does not compile: ${e.message}`);
  }
  const valid = validate(parseJson(inputText(opts)));
  const errors = (validate.errors ?? []).map(e =>
    ({instancePath: e.instancePath, schemaPath: e.schemaPath,
      message: e.message}));
  return {json: {valid, errors}, exit: valid ? 0 : 1};
}

async function cmdResolve(opts) {
  const url = opts.url ?? opts._[0];
  if(!url) {
    throw new UsageError('resolve needs a DID or URL (--url)');
  }
  const documentLoader = makeDocumentLoader({resources: opts.resource});
  const {document} = await documentLoader(url);
  return {json: document};
}

// ---- JOSE

function jwkFromFile(file, {secret}) {
  const text = readFileSync(file, 'utf8');
  if(text.trimStart().startsWith('-----BEGIN')) {
    return {pem: text};
  }
  const k = parseJson(text, 'key file');
  const jwk = secret ?
    (k.secretKeyJwk ?? k.privateKeyJwk ?? k) :
    (k.publicKeyJwk ?? k.secretKeyJwk ?? k.privateKeyJwk ?? k);
  if(!jwk.kty) {
    throw new UsageError('key file holds no JWK (kty missing)');
  }
  if(secret && jwk.d === undefined) {
    throw new UsageError('signing needs a private JWK (with "d")');
  }
  return {jwk};
}

async function importKey(source, alg, {secret}) {
  if(source.pem) {
    if(secret) {
      return jose.importPKCS8(source.pem, alg);
    }
    if(source.pem.includes('BEGIN CERTIFICATE')) {
      return jose.importX509(source.pem, alg);
    }
    return jose.importSPKI(source.pem, alg);
  }
  let jwk = source.jwk;
  if(!secret && jwk.d !== undefined) {
    // verify with the public half only
    const {d, p, q, dp, dq, qi, ...pub} = jwk;
    jwk = pub;
  }
  return jose.importJWK(jwk, alg);
}

const JOSE_ALGS = ['EdDSA', 'Ed25519', 'ES256', 'ES384', 'ES512', 'RS256',
  'PS256'];

async function cmdJoseSign(opts) {
  if(!opts.key || !opts.alg) {
    throw new UsageError('jose-sign needs --key and --alg');
  }
  if(!JOSE_ALGS.includes(opts.alg)) {
    throw new UsageError(`--alg must be one of ${JOSE_ALGS.join(', ')}`);
  }
  const text = inputText(opts);
  const payload = opts['payload-raw'] ? text :
    JSON.stringify(parseJson(text));
  const key = await importKey(jwkFromFile(opts.key, {secret: true}), opts.alg,
    {secret: true});
  // protected header: --header JSON is used as given (its member order is
  // kept, which fixes the signed bytes); otherwise alg, cty, kid, typ in
  // alphabetical order, as the vc-jose-cose test suite writes them.
  let header;
  if(opts.header !== undefined) {
    header = parseJson(opts.header, '--header');
    if(header.alg === undefined) {
      header = {alg: opts.alg, ...header};
    } else if(header.alg !== opts.alg) {
      throw new UsageError('--header alg differs from --alg');
    }
  } else {
    header = {alg: opts.alg};
    for(const name of ['cty', 'kid', 'typ']) {
      if(opts[name] !== undefined) {
        header[name] = opts[name];
      }
    }
  }
  const jws = await new jose.CompactSign(new TextEncoder().encode(payload))
    .setProtectedHeader(header)
    .sign(key);
  return {raw: jws};
}

function decodePayload(bytes) {
  const text = new TextDecoder().decode(bytes);
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

async function cmdJoseVerify(opts) {
  const source = opts.jwk ?? opts.key;
  if(!source) {
    throw new UsageError('jose-verify needs --jwk FILE');
  }
  const jws = inputText(opts).trim();
  let header;
  try {
    header = jose.decodeProtectedHeader(jws);
  } catch(e) {
    throw new UsageError(`input is not a compact JWS: ${e.message}`);
  }
  const key = await importKey(jwkFromFile(source, {secret: false}),
    opts.alg ?? header.alg, {secret: false});
  try {
    const {payload, protectedHeader} = await jose.compactVerify(jws, key,
      opts.alg ? {algorithms: [opts.alg]} : undefined);
    return {
      json: {verified: true, error: null, header: protectedHeader,
        payload: decodePayload(payload)},
      exit: 0
    };
  } catch(e) {
    return {
      json: {verified: false, error: `${e.code ?? e.name}: ${e.message}`,
        header},
      exit: 1
    };
  }
}

// JAdES seals: JWS JSON (general or flattened) serialization with b64:false
const JADES_CRIT = ['sigT', 'adoTst', 'sigX5ts', 'srCms', 'srAts', 'sigPl',
  'sigPId', 'sigD', 'cSig'];

async function cmdJwsVerifyJson(opts) {
  const jws = parseJson(inputText(opts));
  const crit = {};
  for(const c of [...JADES_CRIT, ...(opts.crit ?? [])]) {
    crit[c] = true;
  }
  const signatures = jws.signatures ?? [jws];
  const protectedB64 = signatures[0]?.protected;
  if(typeof protectedB64 !== 'string') {
    throw new UsageError('input has no protected header');
  }
  const header = parseJson(
    Buffer.from(protectedB64, 'base64url').toString('utf8'), 'protected header');
  let pem;
  let keySource;
  if(opts.cert) {
    pem = readFileSync(opts.cert, 'utf8');
    keySource = 'cert';
  } else if(Array.isArray(header.x5c) && header.x5c.length > 0) {
    pem = '-----BEGIN CERTIFICATE-----\n' +
      header.x5c[0].match(/.{1,64}/g).join('\n') +
      '\n-----END CERTIFICATE-----\n';
    keySource = 'x5c';
  } else {
    throw new UsageError('no --cert given and no x5c in the protected header');
  }
  const key = await jose.importX509(pem, header.alg);
  try {
    const verifyOptions = {crit};
    const r = jws.signatures ?
      await jose.generalVerify(jws, key, verifyOptions) :
      await jose.flattenedVerify(jws, key, verifyOptions);
    return {
      json: {verified: true, error: null, keySource,
        header: r.protectedHeader, unprotectedHeader: r.unprotectedHeader,
        payload: decodePayload(r.payload)},
      exit: 0
    };
  } catch(e) {
    return {
      json: {verified: false, error: `${e.code ?? e.name}: ${e.message}`,
        keySource, header},
      exit: 1
    };
  }
}

// ---------------------------------------------------------------- main

const COMMANDS = {
  sign: cmdSign,
  verify: cmdVerify,
  present: cmdPresent,
  'verify-presentation': cmdVerifyPresentation,
  canonize: cmdCanonize,
  'canonize-many': cmdCanonizeMany,
  tordf: cmdToRdf,
  expand: cmdExpand,
  jcs: cmdJcs,
  resolve: cmdResolve,
  'schema-validate': cmdSchemaValidate,
  'jose-sign': cmdJoseSign,
  'jose-verify': cmdJoseVerify,
  'jws-verify-json': cmdJwsVerifyJson
};

const USAGE = `usage: node vcjs.mjs <command> [options]
  sign --suite eddsa-jcs-2022|eddsa-rdfc-2022|Ed25519Signature2020|ecdsa-rdfc-2019 --key KEY
       [--created ISO | --no-created] [--now ISO] [--in FILE] [--resource URL=FILE]...
  verify [--no-issuer-check] [--now ISO] [--in FILE] [--resource URL=FILE]...
  present --suite S --key KEY --challenge C [--domain D] [--holder ID]
       [--vp-version 1|2] [--created ISO] --in VC.json [--in VC2.json]...
  verify-presentation --challenge C [--domain D] [--no-issuer-check] [--in FILE]
  canonize [--nquads] [--in FILE] [--resource URL=FILE]...   (RDFC-1.0 N-Quads)
  canonize-many [--in FILE]   (JSON array of documents -> JSON array of {nquads}|{error})
  tordf [--in FILE]        expand [--in FILE]        jcs [--in FILE]
  resolve DID_OR_URL [--resource URL=FILE]...
  schema-validate --schema FILE [--in FILE]   (JSON Schema 2019-09: {valid, errors})
  jose-sign --key JWK|PEM --alg EdDSA|ES256|RS256|PS256 [--typ T] [--cty C]
       [--kid K] [--header JSON] [--payload-raw] [--in FILE]
  jose-verify --jwk JWK|PEM [--alg A] [--in FILE]
  jws-verify-json [--cert PEM] [--crit NAME]... [--in FILE]
exit: 0 ok/verified, 1 not verified, 2 usage or input error`;

process.stdout.on('error', e => {
  if(e.code !== 'EPIPE') {
    throw e;
  }
});

async function main() {
  const [command, ...rest] = process.argv.slice(2);
  if(!command || command === '--help' || command === 'help') {
    process.stdout.write(USAGE + '\n');
    return command ? 0 : 2;
  }
  const fn = COMMANDS[command];
  if(!fn) {
    throw new UsageError(`unknown command "${command}"\n${USAGE}`);
  }
  const opts = parseArgs(rest);
  const result = await fn(opts);
  if(result.raw !== undefined) {
    process.stdout.write(result.raw);
  } else {
    process.stdout.write(JSON.stringify(result.json, null, 2) + '\n');
  }
  return result.exit ?? 0;
}

main().then(code => {
  process.exitCode = code;
}, error => {
  const msg = error instanceof UsageError ? error.message :
    `${error?.name ?? 'Error'}: ` +
    (error?.message ? describe(error) : String(error));
  process.stderr.write(`vcjs: ${msg}\n`);
  process.exitCode = 2;
});
