/** An alert's label: the given name, else its query, else "All jobs". */
export function alertName(name: string | undefined, query: string | null): string {
  return name?.trim() || query || 'All jobs';
}
