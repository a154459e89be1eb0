package org.opsconsole.packaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The image tars of ./mvnw -Pimage package (packaging/target/images), read without a daemon:
 * the OCI config runs the service's main class with the image's own java as a non-root user,
 * configured by known environment variables; the layers hold the jlink runtime and the jars.
 * Then the image really starts the service: as root, its whole filesystem (Debian's libc6 over an
 * empty base, the runtime, the jars) in a chroot, as the image's user; otherwise its runtime and
 * jars on this machine's libc. Runs only when -Pimage sets opsconsole.images.
 */
@EnabledIfSystemProperty(named = "opsconsole.images", matches = ".+")
class ImageTarTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** What the jlink runtime must not hold: the trimming is the point. */
    private static final List<String> NOT_LINKED = List.of("java.compiler", "jdk.compiler", "jdk.jshell",
            "java.net.http", "jdk.jlink", "java.scripting");

    @TempDir
    Path work;

    @ParameterizedTest
    @CsvSource({
            "users,  8081, org.opsconsole.service.user.UserServiceMain,   user-service.jar",
            "orders, 8082, org.opsconsole.service.order.OrderServiceMain, order-service.jar"})
    void theImageRunsTheServiceAsNonRootFromItsOwnRuntime(String name, int port, String mainClass, String jar)
            throws Exception {
        Path tar = Path.of(System.getProperty("opsconsole.images")).resolve(name + "-image.tar");
        assertThat(tar).as("built by ./mvnw -Pimage package (with -am when only -pl packaging)").isRegularFile();
        Map<String, TarReader.Entry> outer;
        try (InputStream in = Files.newInputStream(tar)) {
            outer = TarReader.read(in);
        }
        assertThat(outer).containsKeys("oci-layout", "index.json");
        JsonNode index = JSON.readTree(outer.get("index.json").content());
        JsonNode manifest = JSON.readTree(blob(outer, index.at("/manifests/0/digest").asText()));
        JsonNode config = JSON.readTree(blob(outer, manifest.at("/config/digest").asText())).path("config");

        // the config: non-root, the image's own java, the main class, the port, env only
        String user = config.path("User").asText();
        assertThat(user).matches("\\d+(:\\d+)?");
        assertThat(Integer.parseInt(user.split(":")[0])).as("uid").isNotZero();
        List<String> entrypoint = new ArrayList<>();
        config.path("Entrypoint").forEach(a -> entrypoint.add(a.asText()));
        assertThat(entrypoint).startsWith("/opt/java/bin/java").endsWith(mainClass)
                .containsSequence("-cp", "@/app/jib-classpath-file");
        assertThat(config.path("Cmd").isMissingNode() || config.path("Cmd").isNull() || config.path("Cmd").isEmpty())
                .as("no arguments: configured by environment only").isTrue();
        assertThat(config.path("ExposedPorts").has(port + "/tcp")).as(config.path("ExposedPorts").toString()).isTrue();
        Map<String, String> env = new TreeMap<>();
        config.path("Env").forEach(e -> {
            String[] kv = e.asText().split("=", 2);
            env.put(kv[0], kv[1]);
        });
        assertThat(env).containsEntry("SERVER_PORT", Integer.toString(port)).containsEntry("SERVER_HOST", "0.0.0.0");
        assertThat(KubernetesManifestsTest.READ.keySet()).as("image env names the services read").containsAll(env.keySet());

        // the layers: the jlink runtime, the libraries, the service's jar
        Map<String, TarReader.Entry> files = new LinkedHashMap<>();
        for (JsonNode layer : manifest.path("layers")) {
            assertThat(layer.path("mediaType").asText()).endsWith("tar+gzip");
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(blob(outer, layer.path("digest").asText())))) {
                files.putAll(TarReader.read(in));
            }
        }
        assertThat(files).containsKeys("opt/java/bin/java", "opt/java/lib/modules", "opt/java/release",
                "app/classpath/" + jar, "app/jib-classpath-file", "app/libs/service-kit-0.1.0-SNAPSHOT.jar",
                "app/libs/helidon-webserver-4.5.0.jar", "app/libs/h2-2.5.252.jar");
        assertThat(files.get("opt/java/bin/java").mode() & 0755).isEqualTo(0755);
        assertThat(files.values()).allSatisfy(e -> assertThat(e.uid()).isZero());   // owned by root, run by 65532
        String release = new String(files.get("opt/java/release").content());
        Matcher modules = Pattern.compile("MODULES=\"([^\"]*)\"").matcher(release);
        assertThat(modules.find()).as(release).isTrue();
        List<String> linked = List.of(modules.group(1).split(" "));
        assertThat(linked).contains("java.base", "java.sql", "java.naming", "java.management", "jdk.unsupported")
                .doesNotContainAnyElementsOf(NOT_LINKED);
        assertThat(files.keySet()).noneMatch(path -> path.startsWith("opt/java/jmods") || path.startsWith("opt/java/include"));

        // the image starts the service: as root, the image's whole filesystem in a chroot with /proc (what a
        // container runtime gives it) and nothing of this machine's; otherwise its runtime and jars on this
        // machine's C library
        assertThat(files).containsKeys("lib64/ld-linux-x86-64.so.2", "lib/x86_64-linux-gnu/libc.so.6", "etc/passwd");
        Path root = work.resolve("root");
        boolean chroot = "root".equals(System.getProperty("user.name"));
        for (TarReader.Entry entry : files.values()) {
            if (entry.isFile() && (chroot || entry.name().startsWith("opt/java/") || entry.name().startsWith("app/"))) {
                Path file = root.resolve(entry.name());
                Files.createDirectories(file.getParent());
                Files.write(file, entry.content());
                Files.setPosixFilePermissions(file, permissions(entry.mode()));
            }
        }
        List<String> command = new ArrayList<>();
        Map<String, String> runEnv = new TreeMap<>(env);
        runEnv.put("SERVER_HOST", "127.0.0.1");    // not 0.0.0.0 on a shared build machine
        runEnv.put("SERVER_PORT", Integer.toString(freePort()));
        runEnv.put("OPSCONSOLE_API_TOKEN", "image-test");
        if (name.equals("orders")) {
            runEnv.put("USER_SERVICE_URL", "http://127.0.0.1:9");   // unreachable users: orders still start
        }
        if (chroot) {
            Files.createDirectories(root.resolve("proc"));
            Files.createDirectories(root.resolve("tmp"));
            Files.setPosixFilePermissions(root.resolve("tmp"), permissions(0777));
            run("mount", "-t", "proc", "proc", root.resolve("proc").toString());
            command.addAll(List.of("/usr/sbin/chroot", "--userspec=" + user, root.toString()));
            command.addAll(entrypoint);
        } else {
            String classPath = new String(files.get("app/jib-classpath-file").content()).trim()
                    .replace("/app/", root.resolve("app") + "/");
            for (String arg : entrypoint) {
                command.add(arg.equals("@/app/jib-classpath-file") ? classPath
                        : arg.startsWith("/opt/java/") ? root + arg : arg);
            }
            runEnv.put("DATA_DIR", work.resolve("data").toString());
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(runEnv);
        try {
            try (ChildJvm service = ChildJvm.of(builder.start())) {
                String output = service.awaitOutput(name + " ready on http://", Duration.ofSeconds(60));
                Matcher m = Pattern.compile("ready on (http://\\S+)").matcher(output);
                assertThat(m.find()).isTrue();
                HttpResponse<String> live = HttpClient.newHttpClient().send(
                        HttpRequest.newBuilder(URI.create(m.group(1) + "/observe/health/ready")).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(live.statusCode()).as(live.body()).isEqualTo(200);
            }
        } finally {
            if (chroot) {
                run("umount", root.resolve("proc").toString());
            }
        }
    }

    private static java.util.Set<PosixFilePermission> permissions(int mode) {
        java.util.Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] bits = {PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.GROUP_READ, PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE,
            PosixFilePermission.OWNER_READ};
        for (int i = 0; i < bits.length; i++) {
            if ((mode & (1 << i)) != 0) {
                set.add(bits[i]);
            }
        }
        return set;
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as(String.join(" ", command) + ": " + output).isZero();
    }

    private static byte[] blob(Map<String, TarReader.Entry> outer, String digest) {
        TarReader.Entry entry = outer.get("blobs/" + digest.replace(':', '/'));
        assertThat(entry).as("blob " + digest).isNotNull();
        return entry.content();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
