const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether an id from outside could name a row: PostgreSQL refuses any other text for a uuid column with an error, not "none". */
export const isUuid = (value: string): boolean => UUID.test(value);
