export { ReviewTab } from './ReviewTab';
export { EventAnnotations, type EventAnnotationsProps } from './EventAnnotations';
export { useAnnotationCounts } from './use-review-data';
export { annotationCompanion } from './annotation-companion';
