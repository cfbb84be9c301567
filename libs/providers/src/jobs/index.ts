export * from './job-source.port';
export * from './normalize';
export * from './job-sources';
export {
  generateSamplePostings,
  SampleJobSource,
  seededRandom,
  type SamplePostingOptions,
} from './sources/sample.source';
export { RemoteOkSource, mapRemoteOk } from './sources/remoteok.source';
export { RemotiveSource, mapRemotive } from './sources/remotive.source';
export { ArbeitnowSource, mapArbeitnow } from './sources/arbeitnow.source';
export { AdzunaSource, mapAdzuna, type AdzunaOptions } from './sources/adzuna.source';
export { UsaJobsSource, mapUsaJobs, type UsaJobsOptions } from './sources/usajobs.source';
export { TheMuseSource, mapTheMuse } from './sources/themuse.source';
export { HimalayasSource, mapHimalayas } from './sources/himalayas.source';
export { CompanyBoardsSource, type BoardPage } from './sources/boards';
export { GreenhouseSource, mapGreenhouse } from './sources/greenhouse.source';
export { LeverSource, mapLever } from './sources/lever.source';
export { AshbySource, mapAshby } from './sources/ashby.source';
