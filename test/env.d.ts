// Vite's `?raw` imports: a file's text, used for fixtures inside workerd where there is no fs.
declare module "*?raw" {
  const text: string;
  export default text;
}
