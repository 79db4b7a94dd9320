// Art files under assets/ are imported as text: esbuild and Vite both honour the `?raw` suffix.
declare module '*?raw' {
  const text: string;
  export default text;
}
