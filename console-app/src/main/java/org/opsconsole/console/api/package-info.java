/**
 * Typed REST clients of the services over OkHttp and the model's JSON mapping, shared by the
 * console's screens and the load engine. Calls block; errors are {@link org.opsconsole.console.api.ApiException}.
 */
package org.opsconsole.console.api;
