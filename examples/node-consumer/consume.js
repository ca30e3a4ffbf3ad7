// Reads paperstream topics from the beginning and prints one JSON line per record:
//   {"topic": ..., "key": ..., "value": {...}}   (value null for a tombstone)
//
//   node consume.js --bootstrap 127.0.0.1:9092 --schemas ../../schemas/src/main/resources/avro-history \
//       papers keyword-daily-counts
//
// Values are Avro in the single-object encoding: C3 01, the 8-byte little-endian CRC-64-AVRO
// fingerprint of the writer's schema, then the Avro binary body. The writer's schema is looked
// up by fingerprint among every published version (avro-history), so records written by an
// older version still decode. It stops once no record has arrived for --idle-ms.
'use strict';

const fs = require('fs');
const path = require('path');
const avro = require('avsc');
const { Kafka, logLevel } = require('kafkajs');

function parseArgs(argv) {
  const options = { bootstrap: '127.0.0.1:9092', schemas: null, idleMs: 3000, topics: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--bootstrap') options.bootstrap = argv[++i];
    else if (arg === '--schemas') options.schemas = argv[++i];
    else if (arg === '--idle-ms') options.idleMs = Number(argv[++i]);
    else options.topics.push(arg);
  }
  if (!options.schemas || options.topics.length === 0) {
    throw new Error('usage: consume.js [--bootstrap HOST:PORT] --schemas DIR [--idle-ms N] TOPIC...');
  }
  return options;
}

// CRC-64-AVRO (Rabin) of a schema's parsing canonical form, as the Avro specification defines it.
const EMPTY = 0xc15d213aa4d7a795n;
const TABLE = Array.from({ length: 256 }, (_, i) => {
  let fp = BigInt(i);
  for (let j = 0; j < 8; j++) fp = (fp >> 1n) ^ (EMPTY & -(fp & 1n));
  return fp;
});
function rabin(text) {
  let fp = EMPTY;
  for (const byte of Buffer.from(text, 'utf8')) {
    fp = (fp >> 8n) ^ TABLE[Number((fp ^ BigInt(byte)) & 0xffn)];
  }
  return fp;
}

// Every published version, by fingerprint (as the 16 hex digits of the little-endian bytes).
function loadSchemas(dir) {
  const byFingerprint = new Map();
  for (const line of fs.readFileSync(path.join(dir, 'index.txt'), 'utf8').split('\n')) {
    const file = line.trim();
    if (!file || file.startsWith('#')) continue;
    const type = avro.Type.forSchema(JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')));
    const fingerprint = Buffer.alloc(8);
    // getSchema() is the parsing canonical form (no doc, no logical types, fields in canonical order)
    fingerprint.writeBigUInt64LE(rabin(JSON.stringify(type.getSchema())));
    byFingerprint.set(fingerprint.toString('hex'), type);
  }
  return byFingerprint;
}

function decode(value, schemas) {
  if (value === null) return null;
  if (value[0] !== 0xc3 || value[1] !== 0x01) {
    throw new Error('not Avro single-object encoding (no C3 01 marker)');
  }
  const fingerprint = value.subarray(2, 10).toString('hex');
  const type = schemas.get(fingerprint);
  if (!type) throw new Error('unknown writer schema, fingerprint ' + fingerprint);
  return type.fromBuffer(value.subarray(10));
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const schemas = loadSchemas(options.schemas);
  const kafka = new Kafka({ clientId: 'paperstream-node-consumer', brokers: options.bootstrap.split(','),
    logLevel: logLevel.ERROR });
  const consumer = kafka.consumer({ groupId: 'paperstream-node-consumer-' + process.pid + '-' + Date.now() });
  await consumer.connect();
  for (const topic of options.topics) {
    await consumer.subscribe({ topic, fromBeginning: true });
  }
  let timer;
  const idle = new Promise((resolve) => {
    const restart = () => { clearTimeout(timer); timer = setTimeout(resolve, options.idleMs); };
    restart();
    consumer.run({
      eachMessage: async ({ topic, message }) => {
        const value = decode(message.value, schemas);
        const key = message.key === null ? null : message.key.toString('utf8');
        // BigInt (Avro long) and Buffer fields are printed as numbers and strings
        process.stdout.write(JSON.stringify({ topic, key, value },
          (k, v) => (typeof v === 'bigint' ? Number(v) : v)) + '\n');
        restart();
      },
    }).catch((error) => { console.error(error.message); process.exit(1); });
  });
  await idle;
  await consumer.disconnect();
}

main().catch((error) => {
  console.error('consume.js: ' + error.message);
  process.exit(1);
});
