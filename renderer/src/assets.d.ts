// Images Vite emits as files: importing one gives its URL.
declare module '*.png' {
  const url: string;
  export default url;
}
