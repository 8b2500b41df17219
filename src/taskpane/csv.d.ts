/** A CSV file bundled as its text (webpack's asset/source; a text transform in the tests). */
declare module "*.csv" {
  const text: string;
  export default text;
}
