import { Module } from '@nestjs/common';
import { PdfProviderModule } from '@lib/providers';
import { HealthModule } from '../../health';
import { CvRenderingService } from './cv-rendering.service';
import { CvTemplatesController } from './cv-templates.controller';
import { PdfPoolMetrics } from './pdf-pool.metrics';

/** Templates, PDF/DOCX rendering and template previews; other CV parts use CvRenderingService. */
@Module({
  imports: [PdfProviderModule, HealthModule],
  controllers: [CvTemplatesController],
  providers: [CvRenderingService, PdfPoolMetrics],
  exports: [CvRenderingService],
})
export class CvRenderingModule {}
