package org.opsconsole.service.kit;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;

import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;

/**
 * Runs one service alone ({@code java -jar user-service.jar}) until SIGTERM or Ctrl-C. Settings
 * come from {@code -D} properties, then environment variables, then {@code application.yaml} on
 * the class path: {@code server.host}, {@code server.port}, {@code data-dir}, {@code jdbc-url},
 * {@code api-token} (or {@code OPSCONSOLE_API_TOKEN}), {@code demo-data}, {@code user-service.url},
 * {@code broker-url}.
 */
public final class StandaloneMain {

    private StandaloneMain() {
    }

    public static void run(String name, int defaultPort, Function<ServiceConfig, RunningService> starter) {
        ServiceLogging.configure();
        Config config = Config.builder()
                .sources(ConfigSources.systemProperties(), ConfigSources.environmentVariables(),
                        ConfigSources.classpath("application.yaml").optional())
                .disableSystemPropertiesSource()
                .disableEnvironmentVariablesSource()
                .build();
        ServiceConfig serviceConfig = fromConfig(config, defaultPort);
        RunningService service;
        try {
            service = starter.apply(serviceConfig);
        } catch (ServiceStartException e) {
            System.err.println(name + " service could not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        try {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                service.stop();
                stopped.countDown();
            }, name + "-shutdown"));
        } catch (IllegalStateException shuttingDown) {
            service.stop();
            return;
        }
        System.out.println(name + " ready on " + service.baseUri());
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static ServiceConfig fromConfig(Config config, int defaultPort) {
        String token = config.get("api-token").asString()
                .orElseGet(() -> config.get("OPSCONSOLE_API_TOKEN").asString().orElse(null));
        Path dataDir = config.get("data-dir").asString().map(Path::of).orElseGet(AppDataFolder::defaultRoot);
        return new ServiceConfig(
                config.get("server.host").asString().orElse(ServiceConfig.LOOPBACK),
                config.get("server.port").asInt().orElse(defaultPort),
                dataDir,
                config.get("jdbc-url").asString().orElse(null),
                token,
                config.get("demo-data").asBoolean().orElse(true),
                config.get("demo-users").asInt().orElse(0),
                URI.create(config.get("user-service.url").asString().orElse("http://127.0.0.1:8081")),
                config.get("broker-url").asString().orElse(null));
    }
}
