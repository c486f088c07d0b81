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

// The Java side decodes stderr lines of the form {"stdout"|"stderr": base64} into its own streams: the same frames
// jsii's wrapper writes for its kernel's console output. Each frame stays under PIPE_BUF (4096 bytes), so that it
// reaches the Java side in one piece: that side prints a line it cannot decode as it is.
const FRAME_BYTES = 3000;

// fd 2 may be non-blocking (Node makes pipes so once process.stderr is touched): write until every byte is out.
function writeFully(fd, buffer) {
  let written = 0;
  while (written < buffer.length) {
    try {
      written += fs.writeSync(fd, buffer, written);
    } catch (e) {
      if (e.code !== 'EAGAIN') throw e;
    }
  }
}

function writeFrames(key, bytes) {
  for (let start = 0; start < bytes.length; start += FRAME_BYTES) {
    const frame = { [key]: bytes.subarray(start, start + FRAME_BYTES).toString('base64') };
    writeFully(2, Buffer.from(`${JSON.stringify(frame)}\n`));
  }
}

// stdout now carries the protocol, so nothing else may write there.
function relayAsFrames(stream, key) {
  stream.write = (chunk, encoding, callback) => {
    writeFrames(key, Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk), typeof encoding === 'string' ? encoding : 'utf8'));
    const done = typeof encoding === 'function' ? encoding : callback;
    if (typeof done === 'function') process.nextTick(done);
    return true;
  };
}

function fallBack(reason) {
  writeFrames('stderr', Buffer.from(`platform: fast path off (${reason}); using jsii's own runtime\n`));
  // The launcher may have put tarballs.jar's stand-ins on the classpath: only the prepared entries know them.
  if (fs.existsSync(path.join(cacheRoot, '.complete'))) process.env.JSII_RUNTIME_PACKAGE_CACHE_ROOT = cacheRoot;
  require('./plain/bin/jsii-runtime.js');
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
