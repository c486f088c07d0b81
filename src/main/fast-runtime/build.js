'use strict';
// Build step of the fast jsii runtime (run by src/pom.xml at prepare-package): node build.js <unpacked> <out>
//   <unpacked>: the jsii-runtime jar's software/amazon/jsii/{bin,lib} and every *.jsii.tgz of the jsii jars
//   <out>:      what kernel.js needs at run time:
//     plain/           jsii's own runtime, unchanged (the fallback)
//     program.js       jsii's kernel with its protocol on stdin/stdout instead of fd 3
//     package-cache/   each tarball extracted once, where jsii's package cache looks for it (below)
//     tarballs.jar     a small stand-in for each tarball, at the tarball's resource path (below)
//     optimisations.json  which optional edits this build applied (kernel edits, lazy index, quiet token stacks), so
//                      that a test notices when a new jsii or cdktf version silently loses one
// Everything comes from jars Maven already resolved; nothing is downloaded.
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');
const { execFileSync } = require('child_process');
const { Worker } = require('worker_threads');

const [unpacked, out] = process.argv.slice(2).map((p) => path.resolve(p));
const jsiiDir = path.join(unpacked, 'software', 'amazon', 'jsii');
// Bump when the layout of <out> changes, so that an old <out> is rebuilt rather than reused.
const LAYOUT = 'fast-runtime-3';
// What each optional edit did in this build: written to <out>/optimisations.json.
const applied = { kernel: {}, packages: {} };

function fail(message) {
  console.error(`build.js: ${message}`);
  process.exit(1);
}

function copyTree(from, to) {
  fs.cpSync(from, to, { recursive: true });
}

/**
 * Every edit of a third-party file replaces a text that must occur exactly once, so that a new version of the file
 * is never edited in the wrong place. Returns how often `from` occurs, and the edited source when that is once.
 */
function replaceOnce(source, from, to) {
  const count = source.split(from).length - 1;
  return { count, result: count === 1 ? source.replace(from, () => to) : null };
}

/** The kernel reads and writes its protocol on fd 3, which only jsii's wrapper process provides. */
function patchProgram(source) {
  const channel = 'readFD:3,writeFD:3';
  const { count, result } = replaceOnce(source, channel, 'readFD:0,writeFD:1');
  if (result === null) {
    fail(`expected "${channel}" once in jsii's program.js, found it ${count} times: a jsii-runtime version this step does not know`);
  }
  return result;
}

/**
 * Optional edits of jsii's kernel that change how fast it works, never what it answers. Each names the exact text it
 * replaces; when that text is not in program.js exactly once (another jsii-runtime version), the edit is skipped with a
 * note and the kernel keeps its own code there.
 */
const KERNEL_EDITS = [
  {
    // The runtime index's type definitions of a package sit in one JSON-lines file (40 MB for the AWS provider); the
    // kernel reads all of it on its first type lookup to slice out a few rows. Read just the rows it asks for instead.
    name: 'type definitions read row by row',
    from: '(0,oe.readFileSync)(ne(this,V,"f"))',
    to: '((file)=>({toString(encoding,start,end){const fd=oe.openSync(file,"r");try{const bytes=Buffer.allocUnsafe(end-start);'
      + 'for(let done=0;done<bytes.length;){const n=oe.readSync(fd,bytes,done,bytes.length-done,start+done);'
      + 'if(0===n)throw new Error(`${file}: ends before byte ${start+done}`);done+=n}return bytes.toString(encoding)}'
      + 'finally{oe.closeSync(fd)}}}))(ne(this,V,"f"))',
  },
  {
    // The kernel formats its "expected type information" assertion message (util.inspect of a type) on every value
    // it converts, although the message is only needed when the assertion fails.
    name: 'assertion message formatted only on failure',
    from: '(0,B.default)(null!=e,`Kernel error: expected type information, got ${(0,K.inspect)(e)}`)',
    to: 'null!=e||(0,B.default)(!1,`Kernel error: expected type information, got ${(0,K.inspect)(e)}`)',
  },
];

function applyKernelEdits(source) {
  let result = source;
  for (const edit of KERNEL_EDITS) {
    const { count, result: edited } = replaceOnce(result, edit.from, edit.to);
    applied.kernel[edit.name] = edited !== null;
    if (edited !== null) {
      result = edited;
      console.log(`fast runtime: kernel edit applied: ${edit.name}`);
    } else {
      console.log(`fast runtime: kernel edit skipped (its text occurs ${count} times in this program.js): ${edit.name}`);
    }
  }
  return result;
}

/** The assembly features the kernel accepts, read from the kernel itself so that the index matches it. */
function supportedFeatures(source) {
  const match = /ASSEMBLY_SUPPORTED_FEATURES=(\[[^\]]*\])/.exec(source);
  if (!match) fail('cannot find ASSEMBLY_SUPPORTED_FEATURES in program.js');
  return JSON.parse(match[1]);
}

/** jsii's package cache key: sha256 of the tarball's bytes, then "\0" + name and "\0" + version. */
function cacheDigest(tarball, name, version) {
  const hash = crypto.createHash('sha256').update(fs.readFileSync(tarball));
  for (const part of [name, version]) hash.update('\0').update(part);
  return hash.digest('hex');
}

const REEXPORT = /^exports\.([A-Za-z_$][\w$]*) = require\("(\.\/[^"]+)"\);$/;

/**
 * A provider's lib/index.js is one `exports.x = require("./x");` line per resource (about 1,800 for AWS); each
 * becomes a getter that requires its module on first access, so a program pays only for the resources it uses.
 * Returns null when the file has any other statement: such an index is kept as it is.
 */
function lazyIndex(source) {
  const lines = source.split('\n');
  let reexports = 0;
  const rewritten = lines.map((line) => {
    const match = REEXPORT.exec(line);
    if (!match) return line;
    reexports += 1;
    const [, name, file] = match;
    return `Object.defineProperty(exports, ${JSON.stringify(name)}, { configurable: true, enumerable: true, get() {`
      + ` const value = require(${JSON.stringify(file)});`
      + ` Object.defineProperty(exports, ${JSON.stringify(name)}, { value, configurable: true, enumerable: true, writable: true });`
      + ' return value; } });';
  });
  const other = lines.filter((l) => !REEXPORT.test(l) && !/^\s*$/.test(l) && !/^("use strict";|\/\*\*|\s\*|\s\*\/|Object\.defineProperty\(exports, "__esModule", \{ value: true \}\);|exports\.[\w$]+ = (exports\.[\w$]+ = )*void 0;|\/\/)/.test(l));
  return reexports > 100 && other.length === 0 ? rewritten.join('\n') : null;
}

/**
 * cdktf records the JavaScript stack at the creation of every token (every attribute read, such as a resource's id)
 * with no depth limit, to quote it if resolving that token fails; about a twentieth of a synth. From Java those
 * frames are jsii's kernel, not the user's code, so the fast path records a line saying how to get them instead:
 * PLATFORM_JS_STACK_TRACES=1. Returns null when the file is not the one this edit knows (then it stays as it is).
 */
function quietStackTraces(source) {
  const start = 'function captureStackTrace(below) {\n';
  return replaceOnce(source, start, `${start}    if (process.env.PLATFORM_JS_STACK_TRACES !== "1") {\n`
    + '        return ["(JavaScript stack not recorded on the fast path; set PLATFORM_JS_STACK_TRACES=1 to record it)"];\n'
    + '    }\n').result;
}

function buildIndex(packageDir, features) {
  return new Promise((resolve, reject) => {
    const worker = new Worker(path.join(out, 'program-dir', 'runtime-index-worker.js'), { workerData: { packageDir, supportedFeatures: features } });
    worker.on('message', (m) => m && m.error && reject(new Error(m.error)));
    worker.on('error', reject);
    worker.on('exit', resolve);
  });
}

/**
 * jsii's Java side copies each package's tarball out of its jar into a temporary file on every run (30 MB for the
 * AWS provider), and the kernel hashes that file to find its cache entry. tarballs.jar, put before the jsii jars on
 * the fast path's classpath, holds a few bytes at the same resource path instead; the entry for those bytes is the
 * prepared package (a link to the entry of the real tarball). The kernel only reads a tarball on a cache miss.
 */
function standIn(tarball, name, version, realEntry, cacheRoot, standIns) {
  const bytes = Buffer.from(`${name}@${version} is prepared in ${path.relative(cacheRoot, realEntry)}\n`);
  const file = path.join(standIns, path.relative(unpacked, tarball));
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, bytes);
  const entry = path.join(cacheRoot, ...name.split('/'), version, cacheDigest(file, name, version));
  fs.symlinkSync(path.basename(realEntry), entry);
}

async function prepareEntry(tarball, cacheRoot, features, standIns) {
  const staging = fs.mkdtempSync(path.join(cacheRoot, '.extract-'));
  execFileSync('tar', ['-xzf', tarball, '-C', staging, '--strip-components=1', '--no-same-owner']);
  const { name, version } = JSON.parse(fs.readFileSync(path.join(staging, 'package.json'), 'utf8'));
  const entry = path.join(cacheRoot, ...name.split('/'), version, cacheDigest(tarball, name, version));
  const index = path.join(staging, 'lib', 'index.js');
  const lazy = fs.existsSync(index) ? lazyIndex(fs.readFileSync(index, 'utf8')) : null;
  if (lazy) fs.writeFileSync(index, lazy);
  const stackTrace = path.join(staging, 'lib', 'tokens', 'private', 'stack-trace.js');
  const quiet = name === 'cdktf' && fs.existsSync(stackTrace) ? quietStackTraces(fs.readFileSync(stackTrace, 'utf8')) : null;
  if (quiet) fs.writeFileSync(stackTrace, quiet);
  fs.chmodSync(staging, 0o755);
  await buildIndex(staging, features);
  fs.writeFileSync(path.join(staging, '.jsii-runtime-package-cache'), '');
  fs.mkdirSync(path.dirname(entry), { recursive: true });
  fs.rmSync(entry, { recursive: true, force: true });
  fs.renameSync(staging, entry);
  standIn(tarball, name, version, entry, cacheRoot, standIns);
  applied.packages[name] = { version, lazyIndex: lazy !== null, quietTokenStacks: quiet !== null };
  console.log(`fast runtime: ${name}@${version}${lazy ? ', resource modules loaded on first use' : ''}`
    + `${quiet ? ', token creation stacks not recorded' : ''}`);
}

async function main() {
  const stamp = path.join(out, 'package-cache', '.complete');
  const tarballs = [];
  (function walk(dir) {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p); else if (e.name.endsWith('.jsii.tgz')) tarballs.push(p);
    }
  })(unpacked);
  if (tarballs.length === 0) fail(`no *.jsii.tgz under ${unpacked}`);
  const inputs = crypto.createHash('sha256').update(LAYOUT);
  const sources = fs.readdirSync(__dirname).sort().map((f) => path.join(__dirname, f));
  for (const t of [...tarballs.sort(), path.join(jsiiDir, 'lib', 'program.js'), ...sources]) inputs.update(fs.readFileSync(t));
  const key = inputs.digest('hex');
  if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === key) {
    console.log('fast runtime: up to date');
    return;
  }
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(out, { recursive: true });
  copyTree(path.join(jsiiDir, 'bin'), path.join(out, 'plain', 'bin'));
  copyTree(path.join(jsiiDir, 'lib'), path.join(out, 'plain', 'lib'));
  const program = fs.readFileSync(path.join(jsiiDir, 'lib', 'program.js'), 'utf8');
  // program.js finds runtime-index-worker.js next to itself.
  fs.mkdirSync(path.join(out, 'program-dir'));
  fs.writeFileSync(path.join(out, 'program-dir', 'program.js'), applyKernelEdits(patchProgram(program)));
  fs.copyFileSync(path.join(jsiiDir, 'lib', 'runtime-index-worker.js'), path.join(out, 'program-dir', 'runtime-index-worker.js'));
  for (const file of ['kernel.js', 'jsii-runtime']) {
    fs.copyFileSync(path.join(__dirname, file), path.join(out, file));
  }
  fs.chmodSync(path.join(out, 'jsii-runtime'), 0o755);
  const cacheRoot = path.join(out, 'package-cache');
  fs.mkdirSync(cacheRoot);
  const features = supportedFeatures(program);
  const standIns = path.join(out, 'tarballs');
  for (const tarball of tarballs) await prepareEntry(tarball, cacheRoot, features, standIns);
  // The JDK's jar tool: the build runs on a JDK anyway.
  const jarTool = process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin', 'jar') : 'jar';
  execFileSync(fs.existsSync(jarTool) ? jarTool : 'jar', ['--create', '--no-manifest', '--file', path.join(out, 'tarballs.jar'), '-C', standIns, '.']);
  fs.rmSync(standIns, { recursive: true });
  fs.writeFileSync(path.join(out, 'optimisations.json'), `${JSON.stringify(applied, null, 2)}\n`);
  fs.writeFileSync(stamp, key);
}

main().catch((e) => fail(e.stack || String(e)));
