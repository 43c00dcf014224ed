// Beckn message signatures (BECKN-006) made and checked with @noble/ed25519 and @noble/hashes'
// BLAKE2b, implementations that are not the hub's (which uses Bouncy Castle). The hub's tests run:
//   node beckn-signature.mjs sign   <body-file> <seed-base64> <subscriber> <key-id> <created> <expires>
//       prints the Authorization header's value
//   node beckn-signature.mjs verify <body-file> <public-key-base64> <header> <now>
//       prints VALID, or the reason it is not, and exits 0 only for VALID
import { readFileSync } from 'node:fs';
import * as ed from '@noble/ed25519';
import { blake2b } from '@noble/hashes/blake2.js';
import { sha512 } from '@noble/hashes/sha2.js';

ed.hashes.sha512 = sha512;

const b64 = (bytes) => Buffer.from(bytes).toString('base64');
const digest = (body) => b64(blake2b(body, { dkLen: 64 }));
const signingString = (created, expires, body) =>
  `(created): ${created}\n(expires): ${expires}\ndigest: BLAKE-512=${digest(body)}`;

const [command, bodyFile, key, ...rest] = process.argv.slice(2);
const body = readFileSync(bodyFile);

if (command === 'sign') {
  const [subscriber, keyId, created, expires] = rest;
  const signature = ed.sign(new TextEncoder().encode(signingString(created, expires, body)),
    Buffer.from(key, 'base64'));
  console.log(`Signature keyId="${subscriber}|${keyId}|ed25519",algorithm="ed25519",created="${created}",`
    + `expires="${expires}",headers="(created) (expires) digest",signature="${b64(signature)}"`);
} else if (command === 'verify') {
  const [header, now] = rest;
  const parameters = Object.fromEntries([...header.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
  const created = Number(parameters.created);
  const expires = Number(parameters.expires);
  let verdict;
  if (!header.startsWith('Signature ') || parameters.algorithm !== 'ed25519'
      || !(parameters.keyId || '').endsWith('|ed25519')) {
    verdict = 'MALFORMED';
  } else if (created > Number(now) + 30) {
    verdict = 'NOT_YET_VALID';
  } else if (expires <= Number(now)) {
    verdict = 'EXPIRED';
  } else {
    const ok = ed.verify(Buffer.from(parameters.signature, 'base64'),
      new TextEncoder().encode(signingString(parameters.created, parameters.expires, body)),
      Buffer.from(key, 'base64'));
    verdict = ok ? 'VALID' : 'WRONG_SIGNATURE';
  }
  console.log(verdict);
  process.exit(verdict === 'VALID' ? 0 : 1);
} else {
  console.error('usage: sign|verify …');
  process.exit(2);
}
