/** One database per payload model, so a future v2 widget never fights this one over a schema upgrade. */
export const DB_NAME = 'cx-feedback-outbox-v1';
