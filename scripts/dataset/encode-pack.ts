/** The pack encoder lives with the pack's contract in src/domain (tests build packs in memory with it). */
export { encodePack, type PackFile } from '../../src/domain/pack-encoder.ts';
