/** Annotations: notes on events, time ranges or the whole incident, with tags and findings dismissed. */
export {
  createAnnotation,
  addAnnotation,
  buildAnnotation,
  checkTarget,
  updateAnnotation,
  saveAnnotationText,
  observeIncidentAnnotations,
  getAnnotation,
  toggleAnnotationTag,
  toggleTag,
  dismissFinding,
  deleteAnnotation,
  restoreAnnotation,
  type NewAnnotation,
  type AnnotationPatch,
} from './annotation-writes';
export { listEventAnnotations, useAnnotations, useEventAnnotationList } from './use-annotations';
export { useEventAnnotationCount } from './annotation-counts';
export { AnnotationError, type AnnotationErrorCode } from './annotation-error';
