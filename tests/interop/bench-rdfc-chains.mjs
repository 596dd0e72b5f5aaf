// The reference figure beside JsonLdNestingBenchmarks: rdf-canonize (RDFC-1.0, the reference JavaScript
// implementation, from this folder's lockfile) on the same dataset — OBJECTS blank nodes in chains of DEPTH, each
// chain hanging off one subject and ending in a string — timed after one warm-up run.
//   node tests/interop/bench-rdfc-chains.mjs OBJECTS DEPTH
import canonize from 'rdf-canonize';

const objects = Number(process.argv[2] ?? 1000);
const depth = Number(process.argv[3] ?? 100);
const named = value => ({ termType: 'NamedNode', value });
const graph = { termType: 'DefaultGraph', value: '' };
const quads = [];
let label = 0;
for (let c = 0; c < objects / depth; c++) {
  let subject = named('did:example:learner');
  let predicate = named('https://example.org/value');
  for (let d = 0; d < depth; d++) {
    const node = { termType: 'BlankNode', value: 'b' + label++ };
    quads.push({ subject, predicate, object: node, graph });
    subject = node;
    predicate = named('https://example.org/n');
  }
  quads.push({ subject, predicate, object: { termType: 'Literal', value: 'leaf' + c, datatype: named('http://www.w3.org/2001/XMLSchema#string') }, graph });
}

const options = { algorithm: 'RDFC-1.0', format: 'application/n-quads', maxWorkFactor: 100 };
await canonize.canonize(quads, options);
const start = process.hrtime.bigint();
const out = await canonize.canonize(quads, options);
console.log(`rdf-canonize ${objects} objects, depth ${depth}: ${(Number(process.hrtime.bigint() - start) / 1e6).toFixed(0)} ms (${out.length} characters)`);
