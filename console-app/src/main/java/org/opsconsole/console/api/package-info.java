/**
 * How the console reaches services over HTTP (OkHttp): endpoints and shared clients. The typed REST
 * client of the Data and Load screens belongs here too.
 */
package org.opsconsole.console.api;
