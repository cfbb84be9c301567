import type { CvLayout, CvTemplate, PageSize } from '../domain/resume';
import { assertTemplateAllowed, type CvActor } from '../cv.policies';

export interface RenderOptions {
  template?: CvTemplate;
  pageSize?: PageSize;
}

/** The CV's layout with the requested template/page size; premium templates need the plan feature. */
export function renderLayout(actor: CvActor, layout: CvLayout, options: RenderOptions): CvLayout {
  const result: CvLayout = {
    ...layout,
    template: options.template ?? layout.template,
    pageSize: options.pageSize ?? layout.pageSize,
  };
  assertTemplateAllowed(actor, result.template);
  return result;
}
