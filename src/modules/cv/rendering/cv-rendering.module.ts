import { Module } from '@nestjs/common';
import { PdfProviderModule } from '@lib/providers';
import { CvRenderingService } from './cv-rendering.service';
import { CvTemplatesController } from './cv-templates.controller';

/** Templates, PDF/DOCX rendering and template previews; other CV parts use CvRenderingService. */
@Module({
  imports: [PdfProviderModule],
  controllers: [CvTemplatesController],
  providers: [CvRenderingService],
  exports: [CvRenderingService],
})
export class CvRenderingModule {}
