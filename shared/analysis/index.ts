// Training-data analysis: the public surface.
export { createTrainingAnalyser } from './trainingAnalyser.ts';
export type { TrainingAnalyser, TrainingAnalyserOptions } from './trainingAnalyser.ts';
export type { MalformedLine, TrainingAnalysis } from './types.ts';
export type { RecordShape, TrainingFormat } from './parseExample.ts';
export { RECORD_SHAPES } from './parseExample.ts';
export { shapeName } from './general.ts';
