import { Query } from '@nestjs/cqrs';
import type { CvActor } from '../../cv.policies';
import type { RenderOptions } from '../../exports/render-layout';

export interface RenderedCv {
  body: Buffer | string;
  contentType: string;
  fileName: string;
  /** Served from the storage cache without rendering (PDF only). */
  cached: boolean;
}

/** The caller's CV as HTML (preview) or PDF (from the cache when its content was rendered before). */
export class RenderCvQuery extends Query<RenderedCv> {
  constructor(
    readonly actor: CvActor,
    readonly cvId: string,
    readonly format: 'html' | 'pdf',
    readonly options: RenderOptions,
    /** Re-render even when cached (`Cache-Control: no-cache`). */
    readonly refresh = false,
  ) {
    super();
  }
}
