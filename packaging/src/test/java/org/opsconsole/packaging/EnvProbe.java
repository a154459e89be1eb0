package org.opsconsole.packaging;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;

/**
 * Run in a child JVM with some environment: prints {@code key=value} for each key given as an
 * argument, read from a Helidon Config built from the same sources, in the same order, as the
 * services' StandaloneMain (system properties, environment variables, application.yaml).
 */
public final class EnvProbe {

    private EnvProbe() {
    }

    public static void main(String[] keys) {
        Config config = Config.builder()
                .sources(ConfigSources.systemProperties(), ConfigSources.environmentVariables(),
                        ConfigSources.classpath("application.yaml").optional())
                .disableSystemPropertiesSource()
                .disableEnvironmentVariablesSource()
                .build();
        for (String key : keys) {
            System.out.println(key + "=" + config.get(key).asString().orElse("<unset>"));
        }
    }
}
