// Stylesheets imported by browser scripts arrive as text (the UI bundler loads .css with the text loader).
declare module '*.css' {
  const text: string;
  export default text;
}
