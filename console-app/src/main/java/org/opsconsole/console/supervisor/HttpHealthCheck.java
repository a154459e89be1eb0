package org.opsconsole.console.supervisor;

import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.opsconsole.service.kit.RunningService;

import java.io.IOException;

/** Health over HTTP, as any monitor would see it: {@code GET /observe/health} answers 200. */
public final class HttpHealthCheck implements HealthCheck {

    private final OkHttpClient client;

    public HttpHealthCheck(OkHttpClient client) {
        this.client = client;
    }

    @Override
    public boolean isHealthy(RunningService service) throws IOException {
        Request request = new Request.Builder().url(service.baseUri().resolve("/observe/health").toString()).get().build();
        try (Response response = client.newCall(request).execute()) {
            return response.code() == 200;
        }
    }
}
