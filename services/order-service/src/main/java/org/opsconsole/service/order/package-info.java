/**
 * The orders service: REST resource, repository, the user-service client behind fault tolerance,
 * the consumer of user events, demo data, and the embedded and standalone entry points.
 */
package org.opsconsole.service.order;
