import { Module } from '@nestjs/common';
import { PdfProviderModule } from '@lib/providers';
import { HealthModule } from '../../health';
import { CvRenderingService } from './cv-rendering.service';
import { PdfPoolMetrics } from './pdf-pool.metrics';

/**
 * Templates, PDF/DOCX rendering and template previews; CvModule (its controllers) and cover
 * letters use CvRenderingService.
 */
@Module({
  imports: [PdfProviderModule, HealthModule],
  providers: [CvRenderingService, PdfPoolMetrics],
  exports: [CvRenderingService],
})
export class CvRenderingModule {}
