package org.opsconsole.console.api;

import okhttp3.OkHttpClient;

import java.net.URI;

/**
 * Makes the typed REST clients for a service's current URL, over the session's HTTP client (which
 * adds the service's API token). What a screen's model holds instead of an HTTP client.
 */
public final class ServiceApis {

    private final OkHttpClient http;

    public ServiceApis(OkHttpClient http) {
        this.http = http;
    }

    public UsersApi users(URI baseUri) {
        return new UsersApi(http, baseUri, null);
    }

    public OrdersApi orders(URI baseUri) {
        return new OrdersApi(http, baseUri, null);
    }
}
