/**
 * How the console reaches services over HTTP (OkHttp): typed REST clients of the services and the
 * model's JSON mapping, shared by the console's screens and the load engine (calls block; errors are
 * {@link org.opsconsole.console.api.ApiException}); endpoints and the shared clients that the
 * metrics scraper, health probes and event streams use.
 */
package org.opsconsole.console.api;
