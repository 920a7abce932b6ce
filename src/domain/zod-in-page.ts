/**
 * Imported first by every module that builds zod schemas. In the page, the Content-Security-Policy forbids eval,
 * which zod's compiled parsers use (it even probes for it with `new Function`, a violation of its own): they are
 * turned off there before any schema is built or parsed. The build (Node, no document) keeps them.
 */
import { z } from 'zod';

if (typeof document !== 'undefined') z.config({ jitless: true });
