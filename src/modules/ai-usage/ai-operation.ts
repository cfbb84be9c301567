/** What an AI call was for; each operation has its own model settings and usage rows. */
export type AiOperation = 'enhance' | 'skills' | 'coverLetter' | 'parse';
