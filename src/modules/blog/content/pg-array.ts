/**
 * A PostgreSQL array literal for query parameters (raw query bindings expand JS
 * arrays into lists). Only for uuids and numbers: nothing here needs quoting.
 */
export function pgArray(values: readonly (string | number)[]): string {
  return `{${values.join(',')}}`;
}
