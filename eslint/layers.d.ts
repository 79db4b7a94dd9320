// Types of layers.js for the TypeScript tests that read the layer table (the import-cycle test).
import type { ESLint } from 'eslint';

export interface Layer {
  readonly rooms: readonly string[] | '*';
  readonly packages: readonly string[] | '*';
  readonly builtins: boolean;
}

export declare const PURE_FLOORS: readonly (readonly string[])[];
export declare const PURE_SOURCES: readonly string[];
export declare const LAYERS: Readonly<Record<string, Layer>>;
export declare const EXCEPTIONS: Readonly<Record<string, readonly string[]>>;
export declare const FILE_SYSTEM_EXCEPTIONS: Readonly<Record<string, readonly string[]>>;
/** The room of a path relative to the repository (`src/game/mood.ts` is in `game`). */
export declare function roomOf(relative: string): string;

declare const plugin: ESLint.Plugin;
export default plugin;
