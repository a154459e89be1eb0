/**
 * The users service: REST resource, repository, demo data, the article's original endpoints, and
 * the embedded and standalone entry points.
 */
package org.opsconsole.service.user;
