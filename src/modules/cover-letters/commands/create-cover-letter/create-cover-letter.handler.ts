import { Inject } from '@nestjs/common';
import { CommandHandler, QueryBus, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/event-store';
import { Problem } from '@lib/problems';
import { GetJobQuery, type JobDto } from '../../../jobs';
import { AiUsageRecorder } from '../../../ai-usage';
import { AI_WRITER, GetCvQuery, resumeForAi, type AiWriter } from '../../../cv';
import { jobNotFound } from '../../cover-letter.policies';
import { CoverLetterDto, JOB_DESCRIPTION_MAX } from '../../dto/cover-letter.dto';
import { CoverLetter } from '../../entities/cover-letter.entity';
import { CreateCoverLetterCommand } from './create-cover-letter.command';

/** Writes a first draft with the AI writer from the CV's content and the job ad, and keeps it. */
@CommandHandler(CreateCoverLetterCommand)
export class CreateCoverLetterHandler implements ICommandHandler<CreateCoverLetterCommand> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly queries: QueryBus,
    private readonly usage: AiUsageRecorder,
    @Inject(AI_WRITER) private readonly writer: AiWriter,
  ) {}

  async execute({ actor, input }: CreateCoverLetterCommand): Promise<CoverLetterDto> {
    if ((input.jobDescription === undefined) === (input.jobId === undefined)) {
      throw Problem.badRequest(
        'validation.failed',
        'Send exactly one of jobDescription and jobId',
        [
          {
            path: '$.jobDescription',
            message: 'exactly one of jobDescription and jobId is required',
          },
        ],
      );
    }
    // The CV first: another user's CV is a 404 whatever else is wrong.
    const cv = await this.queries.execute(new GetCvQuery(actor, input.cvId));
    const job = input.jobId !== undefined ? await this.job(input.jobId) : undefined;
    const jobDescription = job
      ? job.descriptionText.slice(0, JOB_DESCRIPTION_MAX)
      : input.jobDescription!;
    const jobTitle = input.jobTitle ?? job?.title;
    const company = input.company ?? job?.company;
    const resume = resumeForAi(cv.document);
    const language = input.language ?? cv.layout.language;
    const result = await this.usage.track(actor.userId, 'coverLetter', () =>
      this.writer.writeCoverLetter({
        applicantName: resume.applicantName,
        ...(resume.headline ? { headline: resume.headline } : {}),
        ...(resume.summary ? { summary: resume.summary } : {}),
        experience: resume.experience,
        skills: resume.skills,
        jobDescription,
        ...(jobTitle ? { jobTitle } : {}),
        ...(company ? { company } : {}),
        tone: input.tone,
        language,
      }),
    );
    const title =
      input.title ??
      result.subject ??
      ([company, jobTitle].filter(Boolean).join(' – ') || cv.title).slice(0, 200);
    const letter = CoverLetter.write({
      ownerId: actor.userId,
      cvId: cv.id,
      title,
      jobDescription,
      jobId: job?.id ?? null,
      jobTitle: jobTitle ?? null,
      company: company ?? null,
      tone: input.tone,
      language,
      body: result.body,
      provider: result.provider,
      model: result.model,
    });
    await this.uow.run((em) => {
      em.persist(letter);
      return Promise.resolve();
    });
    return CoverLetterDto.from(letter);
  }

  /** The job the letter answers (an expired one still counts); an unknown id is a 422. */
  private async job(jobId: string): Promise<JobDto> {
    try {
      return await this.queries.execute(new GetJobQuery(jobId));
    } catch (error) {
      if (error instanceof Problem && error.code === 'job.not_found') throw jobNotFound(jobId);
      throw error;
    }
  }
}
