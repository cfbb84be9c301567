import {
  GA4_LIMITS,
  ga4EventNameProblem,
  ga4ParamNameProblem,
  ga4ParamValueProblem,
  type Ga4ParamValue,
} from '@lib/providers';
import type { FieldError } from '@lib/problems';

type ParamType = 'string' | 'number' | 'boolean';

/**
 * The events a client may send, with their parameters. Everything else is refused:
 * product events (cv_created, …) are recorded server-side from domain events only.
 * GA4 reserves `page_view`, so a page view is `page_viewed`.
 */
export const CLIENT_EVENT_CATALOGUE: Readonly<Record<string, Readonly<Record<string, ParamType>>>> =
  {
    page_viewed: { page_path: 'string', page_title: 'string', page_referrer: 'string' },
    ui_interaction: { element: 'string', action: 'string', page_path: 'string', value: 'number' },
    form_submitted: { form: 'string', page_path: 'string', success: 'boolean' },
    search_opened: { page_path: 'string' },
    pricing_viewed: { plan: 'string', page_path: 'string' },
    template_previewed: { template: 'string', page_path: 'string' },
    share_link_copied: { page_path: 'string' },
  };

/** Common parameters every client event may carry (GA4's session and engagement ones). */
const COMMON_PARAMS: Readonly<Record<string, ParamType>> = {
  session_id: 'string',
  engagement_time_msec: 'number',
};

export interface ClientEventInput {
  name: string;
  params?: Record<string, unknown>;
}

/** Every problem of a batch of client events, by JSON path; empty when all are accepted. */
export function clientEventProblems(events: ClientEventInput[]): FieldError[] {
  const errors: FieldError[] = [];
  events.forEach((event, index) => {
    const path = `$.events[${index}]`;
    const nameProblem = ga4EventNameProblem(event.name);
    if (nameProblem) {
      errors.push({ path: `${path}.name`, message: nameProblem });
      return;
    }
    const allowed = CLIENT_EVENT_CATALOGUE[event.name];
    if (!allowed) {
      errors.push({ path: `${path}.name`, message: 'is not a client event of the catalogue' });
      return;
    }
    const params = Object.entries(event.params ?? {});
    if (params.length > GA4_LIMITS.paramsPerEvent) {
      errors.push({
        path: `${path}.params`,
        message: `must hold at most ${GA4_LIMITS.paramsPerEvent} parameters`,
      });
    }
    for (const [key, value] of params) {
      const at = `${path}.params.${key}`;
      const problem =
        ga4ParamNameProblem(key) ??
        ((allowed[key] ?? COMMON_PARAMS[key])
          ? typeof value === (allowed[key] ?? COMMON_PARAMS[key])
            ? ga4ParamValueProblem(value)
            : `must be a ${allowed[key] ?? COMMON_PARAMS[key]}`
          : `is not a parameter of ${event.name}`);
      if (problem) errors.push({ path: at, message: problem });
    }
  });
  return errors;
}

/** The params of an accepted event, typed for storage and GA4. */
export function acceptedParams(event: ClientEventInput): Record<string, Ga4ParamValue> {
  return (event.params ?? {}) as Record<string, Ga4ParamValue>;
}
