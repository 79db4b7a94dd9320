// SVG to PNG with @resvg/resvg-js, the package's one optional dependency: npm installs its prebuilt native
// binary where one exists for the platform, and skips it quietly where none does. It is loaded here and
// only here, so no other command pays for it; the bundle leaves it out, and a missing one is one clear line.
import { UserFacingError } from './command-errors.js';
import { needsNpmPackage, runsAsExecutable } from './standalone/runtime.js';

interface Resvg {
  render(): { asPng(): Uint8Array };
}
type ResvgConstructor = new (svg: string, options: Record<string, unknown>) => Resvg;

async function loadResvg(): Promise<ResvgConstructor> {
  // A native module cannot be carried inside the standalone executable.
  if (runsAsExecutable()) throw new UserFacingError(`card: ${needsNpmPackage('--png')}; --svg works here`);
  try {
    const module = (await import('@resvg/resvg-js')) as { Resvg?: ResvgConstructor; default?: { Resvg?: ResvgConstructor } };
    const Resvg = module.Resvg ?? module.default?.Resvg;
    if (Resvg) return Resvg;
  } catch {
    // reported below
  }
  throw new UserFacingError(
    `card: --png needs the PNG renderer (@resvg/resvg-js), which is not installed here (it has no prebuilt binary for ${process.platform}-${process.arch}, or this copy of Buddy is not the npm package); use --svg`,
  );
}

/** The PNG bytes of an SVG, at `zoom` times its size, with the system's fonts for its text. */
export async function renderPng(svg: string, zoom: number): Promise<Uint8Array> {
  const Resvg = await loadResvg();
  try {
    const resvg = new Resvg(svg, { fitTo: { mode: 'zoom', value: zoom }, font: { loadSystemFonts: true }, background: 'rgba(0,0,0,0)' });
    return resvg.render().asPng();
  } catch {
    throw new UserFacingError('card: the image could not be rendered');
  }
}
