/**
 * How every tool here starts Chromium: Debian's binary (no browser download is possible), and the
 * flags that keep it quiet on a machine with no GPU and no outside network.
 */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const chromiumArgs: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  // WebGL on the CPU (SwiftShader), as the tests and the bench need
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];
