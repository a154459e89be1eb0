/**
 * What both services share: the server bootstrap and the embedding handle, problem+json errors,
 * the DB pool and migrations, the outbox of events, metrics, the API-token filter and limits.
 */
package org.opsconsole.service.kit;
