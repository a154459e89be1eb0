/** Bounded, numbered ring buffers that logs and events share: writers append, views poll for what is new. */
package org.opsconsole.console.history;
