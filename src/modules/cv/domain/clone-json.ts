/**
 * A deep copy of a JSON value. Not structuredClone: its arrays come from the
 * host realm, and rfc6902 (which tests `constructor == Array`) would copy them
 * as objects when the code runs in another realm, as under Jest.
 */
export function cloneJson<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}
