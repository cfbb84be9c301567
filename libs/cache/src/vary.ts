import type { FastifyReply } from 'fastify';

/** Adds a field to `Vary` without dropping what is there (e.g. CORS's `Origin`). */
export function addVary(reply: FastifyReply, field: string): void {
  const current = reply.getHeader('vary');
  if (typeof current !== 'string' || current === '') {
    void reply.header('vary', field);
  } else if (
    !current
      .toLowerCase()
      .split(/\s*,\s*/)
      .includes(field.toLowerCase())
  ) {
    void reply.header('vary', `${current}, ${field}`);
  }
}
