'use strict';
// The fast jsii runtime: one Node process that runs jsii's own kernel (program.js from the jsii-runtime jar, with its
// protocol channel moved from fd 3 to stdin/stdout) instead of jsii's wrapper, which spawns the kernel as a second
// Node process and relays fd 3. Packages come from package-cache/ next to this file, prepared by build.js at build
// time: extracted once, the AWS provider's index loading each resource module on first use.
const fs = require('fs');
const path = require('path');

// Node majors this path has been tested with; any other falls back to jsii's own wrapper (the plain path).
const TESTED_NODE_MAJORS = [18, 20, 22];
const major = Number(process.versions.node.split('.')[0]);
const cacheRoot = path.join(__dirname, 'package-cache');

function fallBack(reason) {
  // A raw stderr line: the Java side prints lines that are not jsii console frames as they are.
  fs.writeSync(2, `platform: fast path off (${reason}); using jsii's own runtime\n`);
  require('./plain/bin/jsii-runtime.js');
}

// The Java side decodes stderr lines of the form {"stdout"|"stderr": base64} into its own streams: the same frames
// jsii's wrapper writes for its kernel's console output. stdout itself now carries the protocol, so nothing else may
// write there.
function relayAsFrames(stream, key) {
  stream.write = (chunk, encoding, callback) => {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk), typeof encoding === 'string' ? encoding : 'utf8');
    fs.writeSync(2, `${JSON.stringify({ [key]: bytes.toString('base64') })}\n`);
    const done = typeof encoding === 'function' ? encoding : callback;
    if (typeof done === 'function') process.nextTick(done);
    return true;
  };
}

if (!TESTED_NODE_MAJORS.includes(major)) {
  fallBack(`node ${process.versions.node} is not one of ${TESTED_NODE_MAJORS.join(', ')}`);
} else if (!fs.existsSync(path.join(cacheRoot, '.complete'))) {
  fallBack(`no prepared packages in ${cacheRoot}`);
} else {
  process.env.JSII_RUNTIME_PACKAGE_CACHE_ROOT = cacheRoot;
  // The entries are build output: the kernel must never prune them as unused (its default is 30 days).
  process.env.JSII_RUNTIME_PACKAGE_CACHE_TTL = '36500';
  relayAsFrames(process.stdout, 'stdout');
  relayAsFrames(process.stderr, 'stderr');
  require('./program-dir/program.js');
}
