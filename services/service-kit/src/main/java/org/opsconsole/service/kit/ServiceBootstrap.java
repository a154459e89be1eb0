package org.opsconsole.service.kit;

import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.DirectHandlers;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http1.Http1Config;
import io.helidon.http.DirectHandler;
import io.helidon.http.Status;

import java.net.BindException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts a {@link ServiceApp} as a Helidon SE web server: database and migrations, limits,
 * problem+json errors, auth, metrics, health, OpenAPI, events, then the service's own routes.
 */
public final class ServiceBootstrap {

    private static final int MAX_HEADER_BYTES = 16 * 1024;
    private static final int MAX_CONNECTIONS = 1024;

    private ServiceBootstrap() {
    }

    public static RunningService start(ServiceApp app, ServiceConfig config, Logger log) {
        boolean offLoopback = !isLoopback(config);
        Broker broker = config.broker().map(Broker::new).orElse(null);
        String version = versionOf(app);
        ServiceMetrics metrics = new ServiceMetrics(app.name());
        Database database = Database.open(app.name(), config, app.migrations(), metrics.registry());
        try {
            Outbox outbox = new Outbox(app.name(), database);
            Dependencies dependencies = new Dependencies();
            if (broker != null) {
                dependencies.add("broker", broker::problem);
            }
            ServiceContext context = new ServiceContext(app.name(), version, config, database, outbox, metrics, log,
                    broker, dependencies);
            OutboxRelay relay = broker == null ? null : new OutboxRelay(context, broker);
            if (relay == null) {
                OutboxRelay.registerWithoutBroker(metrics);
            }
            EventsEndpoint events = new EventsEndpoint(outbox, log);
            HttpRouting.Builder routing = HttpRouting.builder();
            new ProblemResponses(log).register(routing);
            routing.addFilter(new HeadRequests());
            metrics.register(routing);
            config.token().ifPresent(token -> routing.addFilter(new ApiTokenFilter(token, offLoopback)));
            new HealthEndpoint(app.name(), version, database::isReachable, database::fileBytes, dependencies).register(routing);
            OpenApiEndpoint openApi = new OpenApiEndpoint(app.openApiDocument(), app.name(), version);
            openApi.register(routing);
            events.register(routing);
            app.routing(routing, context);
            routing.any((req, res) -> unrouted(openApi, req, res));

            WebServer server = WebServer.builder()
                    .host(config.host())
                    .port(config.port())
                    .maxPayloadSize(JsonBodies.MAX_DISCARDED_BODY_BYTES)
                    .maxTcpConnections(MAX_CONNECTIONS)
                    // answers leave at once: a streamed answer (a metrics scrape, a page of a list) is
                    // written in several pieces, and with Nagle's algorithm on, the last waited for the
                    // client's delayed ACK: 40 ms per scrape on a kept-alive connection (wrk: 22 scrapes/s)
                    .connectionOptions(options -> options.tcpNoDelay(true))
                    .shutdownGracePeriod(Duration.ofMillis(500))
                    // the embedder owns the lifecycle: Helidon's own hook would stop the server
                    // while the database and the event consumer still run
                    .shutdownHook(false)
                    .addProtocol(Http1Config.builder().maxHeadersSize(MAX_HEADER_BYTES).build())
                    .directHandlers(directHandlers())
                    // hands Helidon's safe messages to the direct handler (which tells 431 by it; it sends none)
                    .errorHandling(io.helidon.webserver.ErrorHandling.builder().includeEntity(true).build())
                    .routing(routing)
                    .build();
            startListening(server, app.name(), config);
            URI baseUri = URI.create("http://" + hostForUri(config.host()) + ":" + server.port());
            Handle handle = new Handle(app, context, server, events, relay, baseUri, log);
            log.info(() -> app.name() + " service " + version + " listening on " + baseUri
                    + " with " + describeStorage(config));
            try {
                if (relay != null) {
                    relay.start();
                }
                app.started(context, baseUri);
            } catch (RuntimeException e) {
                handle.stop();
                throw new ServiceStartException("the " + app.name() + " service failed after start: " + e.getMessage(), e);
            }
            return handle;
        } catch (RuntimeException e) {
            metrics.close();
            database.close();
            throw e;
        }
    }

    /** 405 with {@code Allow} for a known path and another method, 404 for an unknown path. */
    private static void unrouted(OpenApiEndpoint openApi, io.helidon.webserver.http.ServerRequest req,
                                 io.helidon.webserver.http.ServerResponse res) {
        String method = req.prologue().method().text();
        String path = req.path().path();
        java.util.Set<String> allowed = openApi.methodsFor(path);
        if (allowed.isEmpty()) {
            ProblemResponses.send(res, ProblemResponses.problem(Status.NOT_FOUND_404,
                    "There is no " + method + " " + path + " on this service"));
            return;
        }
        res.header(io.helidon.http.HeaderNames.ALLOW, String.join(", ", allowed));
        ProblemResponses.send(res, ProblemResponses.problem(Status.METHOD_NOT_ALLOWED_405,
                "There is no " + method + " " + path + " on this service; it answers " + String.join(", ", allowed)));
    }

    private static DirectHandlers directHandlers() {
        DirectHandler handler = ProblemResponses.directHandler();
        DirectHandlers.Builder builder = DirectHandlers.builder();
        for (DirectHandler.EventType type : DirectHandler.EventType.values()) {
            builder.addHandler(type, handler);
        }
        return builder.build();
    }

    private static void startListening(WebServer server, String name, ServiceConfig config) {
        try {
            server.start();
            if (!server.isRunning()) {
                throw new IllegalStateException(new BindException("the listener did not start"));
            }
        } catch (RuntimeException e) {
            Throwable cause = e;
            while (cause != null && !(cause instanceof BindException)) {
                cause = cause.getCause();
            }
            if (cause != null) {
                throw new ServiceStartException("port " + config.port() + " on " + config.host()
                        + " is already in use by another program", e);
            }
            throw new ServiceStartException("the " + name + " service could not listen on "
                    + config.host() + ":" + config.port() + ": " + e.getMessage(), e);
        }
    }

    /** True for a loopback address; off loopback, a token is required (and then guards reads too). */
    private static boolean isLoopback(ServiceConfig config) {
        boolean loopback;
        try {
            loopback = InetAddress.getByName(config.host()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new ServiceStartException("the address " + config.host() + " is unknown", e);
        }
        if (!loopback && config.token().isEmpty()) {
            throw new ServiceStartException("binding to " + config.host() + " exposes the service beyond this machine;"
                    + " set an API token first (OPSCONSOLE_API_TOKEN or --api-token)", null);
        }
        return loopback;
    }

    private static String hostForUri(String host) {
        if (host.equals("0.0.0.0") || host.equals("::")) {
            return "127.0.0.1";
        }
        return host.contains(":") ? "[" + host + "]" : host;
    }

    private static String describeStorage(ServiceConfig config) {
        String storage;
        if (config.jdbcUrl() != null) {
            storage = "database " + config.jdbcUrl().replaceAll("password=[^;&]*", "password=***");
        } else {
            storage = config.dataDir() == null ? "an in-memory database" : "data in " + config.dataDir();
        }
        return storage + config.broker().map(b -> ", events on the broker " + Broker.masked(b)).orElse("");
    }

    static String versionOf(ServiceApp app) {
        String version = app.getClass().getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    /** The running server as its embedder sees it. */
    private static final class Handle implements RunningService {
        private final ServiceApp app;
        private final ServiceContext context;
        private final WebServer server;
        private final EventsEndpoint events;
        private final OutboxRelay relay;
        private final URI baseUri;
        private final Logger log;
        private final AtomicBoolean stopped = new AtomicBoolean();

        Handle(ServiceApp app, ServiceContext context, WebServer server, EventsEndpoint events, OutboxRelay relay,
               URI baseUri, Logger log) {
            this.app = app;
            this.context = context;
            this.server = server;
            this.events = events;
            this.relay = relay;
            this.baseUri = baseUri;
            this.log = log;
        }

        @Override
        public String name() {
            return app.name();
        }

        @Override
        public int port() {
            return server.port();
        }

        @Override
        public URI baseUri() {
            return baseUri;
        }

        @Override
        public String version() {
            return context.version();
        }

        @Override
        public boolean isHealthy() {
            return !stopped.get() && server.isRunning() && context.database().isReachable();
        }

        @Override
        public String loggerName() {
            return log.getName();
        }

        @Override
        public Optional<Path> dataDir() {
            return Optional.ofNullable(context.config().dataDir());
        }

        @Override
        public void stop() {
            if (!stopped.compareAndSet(false, true)) {
                return;
            }
            log.info(() -> app.name() + " service stopping");
            try {
                app.stopping();
            } catch (RuntimeException e) {
                log.log(Level.WARNING, app.name() + " service: error while stopping background work", e);
            }
            if (relay != null) {
                relay.stop();
            }
            events.close();
            server.stop();
            context.database().close();
            context.metrics().close();
            log.info(() -> app.name() + " service stopped");
        }
    }
}
