// Self-check of the interop harness against the published vc-di-eddsa vectors,
// so the .NET tests can rely on it. Run: node --test selftest.mjs
// The vectors are read from ../shared (or $MCRED_SHARED) at run time.

import {test} from 'node:test';
import assert from 'node:assert/strict';
import {spawnSync} from 'node:child_process';
import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const SHARED = process.env.MCRED_SHARED ??
  path.resolve(HERE, '..', '..', '..', 'shared');
const TV = path.join(SHARED, 'vectors', 'vc-di-eddsa', 'TestVectors');
const JOSE = path.join(SHARED, 'vectors', 'vc-jose-cose-test-suite', 'tests',
  'input');
const KEY = path.join(TV, 'keyPair.json');
const CREATED = '2023-02-24T23:36:38Z';

assert.ok(existsSync(TV), `vectors not found at ${TV}; set MCRED_SHARED`);

function vcjs(args, input) {
  const r = spawnSync(process.execPath, [path.join(HERE, 'vcjs.mjs'), ...args],
    {input: input ?? '', encoding: 'utf8'});
  return {code: r.status, out: r.stdout, err: r.stderr};
}

const read = (...p) => readFileSync(path.join(...p), 'utf8');
const readJson = (...p) => JSON.parse(read(...p));

// change one character of the subject's value (the document, not the proof)
function tamper(text) {
  const t = text.replace('The School of Examples', 'The School of Exampl3s');
  assert.notEqual(t, text);
  return t;
}

const signCases = [
  ['eddsa-jcs-2022', 'eddsa-jcs-2022/signedJCS.json'],
  ['eddsa-rdfc-2022', 'eddsa-rdfc-2022/signedDataInt.json'],
  ['Ed25519Signature2020', 'Ed25519Signature2020/signedEdSig.json']
];

for(const [suite, expectedFile] of signCases) {
  test(`sign ${suite} reproduces ${expectedFile}`, () => {
    const r = vcjs(['sign', '--suite', suite, '--key', KEY, '--created', CREATED,
      '--in', path.join(TV, 'unsigned.json')]);
    assert.equal(r.code, 0, r.err);
    const signed = JSON.parse(r.out);
    const expected = readJson(TV, expectedFile);
    assert.equal(signed.proof.proofValue, expected.proof.proofValue);
    assert.deepEqual(signed, expected);
  });
}

test('canonize unsigned.json equals canonDocDataInt.txt', () => {
  const r = vcjs(['canonize', '--in', path.join(TV, 'unsigned.json')]);
  assert.equal(r.code, 0, r.err);
  assert.equal(r.out, read(TV, 'eddsa-rdfc-2022', 'canonDocDataInt.txt'));
});

test('canonize employmentAuth.json equals employ/canonDocDataInt.txt', () => {
  const r = vcjs(['canonize', '--in', path.join(TV, 'employmentAuth.json')]);
  assert.equal(r.code, 0, r.err);
  assert.equal(r.out,
    read(TV, 'eddsa-rdfc-2022', 'employ', 'canonDocDataInt.txt'));
});

test('jcs of unsigned.json and proof config equal the JCS vectors', () => {
  let r = vcjs(['jcs', '--in', path.join(TV, 'unsigned.json')]);
  assert.equal(r.code, 0, r.err);
  assert.equal(r.out, read(TV, 'eddsa-jcs-2022', 'canonDocJCS.txt'));
  r = vcjs(['jcs', '--in', path.join(TV, 'eddsa-jcs-2022', 'proofConfigJCS.json')]);
  assert.equal(r.out, read(TV, 'eddsa-jcs-2022', 'proofCanonJCS.txt'));
});

test('tordf gives the same quads as the canonical form (no blank nodes)', () => {
  const r = vcjs(['tordf', '--in', path.join(TV, 'unsigned.json')]);
  assert.equal(r.code, 0, r.err);
  const sort = s => s.split('\n').filter(Boolean).sort().join('\n');
  assert.equal(sort(r.out),
    sort(read(TV, 'eddsa-rdfc-2022', 'canonDocDataInt.txt')));
});

const verifyCases = [
  'eddsa-jcs-2022/signedJCS.json',
  'eddsa-rdfc-2022/signedDataInt.json',
  'eddsa-rdfc-2022/employ/signedDataInt.json',
  'Ed25519Signature2020/signedEdSig.json'
];

for(const file of verifyCases) {
  test(`verify ${file}; a one-character change fails`, () => {
    const text = read(TV, file);
    // the vectors' issuer (https://vc.example/...) is not the did:key
    // controller, so the issuer binding is switched off here
    let r = vcjs(['verify', '--no-issuer-check'], text);
    assert.equal(r.code, 0, r.out + r.err);
    assert.equal(JSON.parse(r.out).verified, true);

    if(!file.includes('employ')) {
      r = vcjs(['verify', '--no-issuer-check'], tamper(text));
      assert.equal(r.code, 1, r.out + r.err);
      const result = JSON.parse(r.out);
      assert.equal(result.verified, false);
      assert.match(result.error, /Invalid signature/);
    }

    // one character of the proofValue
    const doc = JSON.parse(text);
    const pv = doc.proof.proofValue;
    doc.proof.proofValue = pv.slice(0, 10) +
      (pv[10] === 'A' ? 'B' : 'A') + pv.slice(11);
    r = vcjs(['verify', '--no-issuer-check'], JSON.stringify(doc));
    assert.equal(r.code, 1, r.out + r.err);

    // default (issuer binding on): the library rejects the issuer mismatch
    r = vcjs(['verify'], text);
    assert.equal(r.code, 1);
    assert.match(JSON.parse(r.out).error, /issuer must match/);
  });
}

test('sign + verify with a did:key issuer (issuer binding on)', () => {
  const unsigned = readJson(TV, 'unsigned.json');
  const pub = readJson(KEY).publicKeyMultibase;
  unsigned.issuer = `did:key:${pub}`;
  for(const suite of ['eddsa-jcs-2022', 'eddsa-rdfc-2022']) {
    let r = vcjs(['sign', '--suite', suite, '--key', KEY],
      JSON.stringify(unsigned));
    assert.equal(r.code, 0, r.err);
    const signed = JSON.parse(r.out);
    assert.match(signed.proof.created, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    assert.equal(signed.proof.verificationMethod, `did:key:${pub}#${pub}`);
    r = vcjs(['verify'], r.out);
    assert.equal(r.code, 0, r.out + r.err);
  }
});

test('present + verify-presentation; wrong challenge fails', () => {
  const unsigned = readJson(TV, 'unsigned.json');
  const pub = readJson(KEY).publicKeyMultibase;
  unsigned.issuer = `did:key:${pub}`;
  let r = vcjs(['sign', '--suite', 'eddsa-rdfc-2022', '--key', KEY],
    JSON.stringify(unsigned));
  assert.equal(r.code, 0, r.err);
  r = vcjs(['present', '--suite', 'eddsa-jcs-2022', '--key', KEY,
    '--challenge', 'c-123', '--domain', 'verifier.example'], r.out);
  assert.equal(r.code, 0, r.err);
  const vp = JSON.parse(r.out);
  assert.equal(vp.proof.proofPurpose, 'authentication');
  assert.equal(vp.proof.challenge, 'c-123');
  assert.equal(vp.holder, `did:key:${pub}`);
  r = vcjs(['verify-presentation', '--challenge', 'c-123',
    '--domain', 'verifier.example'], JSON.stringify(vp));
  assert.equal(r.code, 0, r.out + r.err);
  r = vcjs(['verify-presentation', '--challenge', 'other',
    '--domain', 'verifier.example'], JSON.stringify(vp));
  assert.equal(r.code, 1, r.out + r.err);
});

test('the document loader is offline: an unknown context is an error', () => {
  const doc = readJson(TV, 'unsigned.json');
  doc['@context'].push('https://example.org/unknown-context');
  const r = vcjs(['canonize'], JSON.stringify(doc));
  assert.equal(r.code, 2);
  assert.match(r.err, /offline document loader/);
});

test('jose-sign EdDSA reproduces the vc-jose-cose EdDSA vector; verify', () => {
  const jws = read(JOSE, 'credential-issuer-match-signed.txt').trim();
  const payload = Buffer.from(jws.split('.')[1], 'base64url').toString('utf8');
  const header = JSON.parse(
    Buffer.from(jws.split('.')[0], 'base64url').toString('utf8'));
  const key = path.join(JOSE, 'vm-ed25519.json');
  let r = vcjs(['jose-sign', '--key', key, '--alg', 'EdDSA',
    '--typ', header.typ, '--cty', header.cty, '--kid', header.kid,
    '--payload-raw'], payload);
  assert.equal(r.code, 0, r.err);
  assert.equal(r.out.trim(), jws);
  r = vcjs(['jose-verify', '--jwk', key], jws);
  assert.equal(r.code, 0, r.out + r.err);
  assert.equal(JSON.parse(r.out).header.typ, 'vc+jwt');
  r = vcjs(['jose-verify', '--jwk', key],
    read(JOSE, 'credential-jose-bad-signature.txt'));
  assert.equal(r.code, 1, r.out + r.err);
});

test('Open Badges 3.0 vector: 64-byte secret key, URL controller, --resource controller document', async () => {
  const {mkdtempSync, writeFileSync, rmSync} = await import('node:fs');
  const os = await import('node:os');
  const OB = path.join(SHARED, 'vectors', 'openbadges-v3', 'test-vectors', 'obv3p0');
  const key = readJson(OB, 'keyPair.json');
  let r = vcjs(['sign', '--suite', 'eddsa-rdfc-2022', '--key', path.join(OB, 'keyPair.json'),
    '--created', '2010-01-01T19:23:24Z', '--in', path.join(OB, 'credential.json')]);
  assert.equal(r.code, 0, r.err);
  assert.equal(JSON.parse(r.out).proof.proofValue, read(OB, 'proofValue.txt').trim());

  // the issuer's controller document, served offline with --resource
  const dir = mkdtempSync(path.join(os.tmpdir(), 'vcjs-selftest-'));
  try {
    const controllerDoc = path.join(dir, 'issuer.json');
    writeFileSync(controllerDoc, JSON.stringify({
      '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
      id: key.controller,
      verificationMethod: [{id: key.id, type: 'Multikey', controller: key.controller,
        publicKeyMultibase: key.publicKeyMultibase}],
      assertionMethod: [key.id]
    }));
    r = vcjs(['verify', '--resource', `${key.controller}=${controllerDoc}`,
      '--in', path.join(OB, 'signed.json')]);
    assert.equal(r.code, 0, r.out + r.err);
    // without the resource the loader refuses the URL (offline)
    r = vcjs(['verify', '--in', path.join(OB, 'signed.json')]);
    assert.equal(r.code, 1);
    assert.match(JSON.parse(r.out).error, /offline document loader/);
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
});

test('schema-validate: OB 3.0 examples pass the AchievementCredential schema; a broken one fails', () => {
  const OB = path.join(SHARED, 'vectors', 'openbadges-v3');
  const schema = path.join(OB, 'schema', 'achievementcredential.json');
  const ok = vcjs(['schema-validate', '--schema', schema,
    '--in', path.join(OB, 'examples', 'basicOpenBadgeCredential.json')]);
  assert.equal(ok.code, 0, ok.err);
  assert.deepEqual(JSON.parse(ok.out), {valid: true, errors: []});
  const doc = readJson(OB, 'examples', 'basicOpenBadgeCredential.json');
  delete doc.credentialSubject.achievement.criteria;
  const bad = vcjs(['schema-validate', '--schema', schema], JSON.stringify(doc));
  assert.equal(bad.code, 1, bad.err);
  assert.equal(JSON.parse(bad.out).valid, false);
});
