import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * Vendor chunks. Only libraries every page shares, or that only a few pages load, get a named
 * chunk: react (the same on every page, cached once) and echarts (charts pages only). antd is
 * left to the bundler on purpose: grouped into one chunk, the portal home would download all of
 * it (1.4 MB: tables, date pickers, uploads …); split by use, each route loads the components
 * it renders (docs/performance.md).
 */
function vendorChunk(id: string): string | null {
  if (!id.includes('node_modules')) return null;
  if (/node_modules[\\/](echarts|zrender|echarts-for-react)[\\/]/.test(id)) return 'echarts';
  if (/node_modules[\\/](react|react-dom|scheduler|react-router|react-router-dom)[\\/]/.test(id)) return 'react';
  return null;
}

/**
 * antd's form context (imported by Input, so on the portal home) takes FormProvider from
 * @rc-component/form's index, which is not marked side-effect free: the whole form library and
 * its validator (~40 KB, ~12 KB brotli) came with every page's first download. That one import is
 * pointed at the module defining FormProvider — the same module the index re-exports, so pages
 * with forms share one instance (docs/performance.md).
 */
function formContextOnly(): Plugin {
  return {
    name: 'banshi-rc-form-context',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source !== '@rc-component/form' || !importer || !/antd[\\/]es[\\/]form[\\/]context\.js$/.test(importer)) return null;
      return this.resolve('@rc-component/form/es/FormContext.js', importer, { skipSelf: true });
    },
  };
}

const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|map)$/;

/**
 * Brotli and gzip copies of every text file in dist, written once at build time
 * (`index-abc.js.br`, `.gz`), so the server sends them by the browser's Accept-Encoding without
 * compressing on each request (@fastify/static `preCompressed`, src/app.ts).
 */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'banshi-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      const walk = (dir: string): string[] =>
        fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
      for (const file of walk(outDir).filter((f) => COMPRESSIBLE.test(f))) {
        const raw = fs.readFileSync(file);
        const br = zlib.brotliCompressSync(raw, {
          params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
        });
        const gz = zlib.gzipSync(raw, { level: 9 });
        // A copy no smaller than the file is useless (tiny files): the server then sends the file.
        if (br.length < raw.length) fs.writeFileSync(`${file}.br`, br);
        if (gz.length < raw.length) fs.writeFileSync(`${file}.gz`, gz);
      }
    },
  };
}

export default defineConfig({
  root,
  base: '/',
  plugins: [formContextOnly(), react(), precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // A group takes only its own modules: with the default (true) echarts-for-react would
          // drag react into the charts chunk, and every page would then load the charts.
          includeDependenciesRecursively: false,
          groups: [
            { debugName: 'vendor', name: (id: string) => vendorChunk(id), priority: 2 },
            // Everything the first page needs in one file: on a slow link each extra request waits
            // its own round trip (and HTTP/1.1 opens only 6 at a time), which cost seconds on Fast 3G.
            { name: 'app', tags: ['$initial'], priority: 1 },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': { target: process.env.BANSHI_API ?? 'http://localhost:3000', changeOrigin: false },
    },
  },
  preview: {
    proxy: {
      '/api': { target: process.env.BANSHI_API ?? 'http://localhost:3000', changeOrigin: false },
    },
  },
});
