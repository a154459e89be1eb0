package org.opsconsole.console.cli;

import org.opsconsole.console.session.DataFolderLock;
import org.opsconsole.service.kit.AppDataFolder;
import org.opsconsole.service.kit.RunningService;
import org.opsconsole.service.kit.ServiceConfig;
import org.opsconsole.service.kit.ServiceLogging;
import org.opsconsole.service.kit.ServiceStartException;
import org.opsconsole.service.order.OrderService;
import org.opsconsole.service.user.UserService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code opsconsole serve}: both services without a window, until SIGTERM or Ctrl-C. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Runs the users and orders services without the console window.",
            "Prints one line per service when it is ready; stops cleanly on SIGTERM or Ctrl-C."})
public final class ServeCommand implements Callable<Integer> {

    @Option(names = "--user-port", paramLabel = "N", defaultValue = "8081",
            description = "Port of the users service; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int userPort;

    @Option(names = "--order-port", paramLabel = "N", defaultValue = "8082",
            description = "Port of the orders service; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int orderPort;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Folder of the databases not given by --users-db or --orders-db "
                    + "(default: the per-user application data folder).")
    Path dataDir;

    @Mixin
    ExternalServiceOptions external;

    @Option(names = "--bind", paramLabel = "ADDR", defaultValue = ServiceConfig.LOOPBACK,
            description = "Address to listen on (default: ${DEFAULT-VALUE}). Any other address needs an API token.")
    String bind;

    @Option(names = "--api-token", paramLabel = "TOKEN", defaultValue = "${env:OPSCONSOLE_API_TOKEN}",
            description = "Bearer token required on every request that changes data (default: $OPSCONSOLE_API_TOKEN).")
    String apiToken;

    @Option(names = "--no-demo-data", negatable = false,
            description = "Do not seed a new data folder with demo users and orders.")
    boolean noDemoData;

    @Option(names = "--demo-data", paramLabel = "USERS",
            description = "Seed a new data folder (or new databases) with USERS users and three times as many orders, "
                    + "made in bulk by the database (a million users and their orders in about 5 minutes on H2; without events), "
                    + "instead of the small demo set: to try the services at scale.")
    Integer demoUsers;

    @Override
    public Integer call() {
        ServiceLogging.configure();
        if (userPort < 0 || userPort > 65535 || orderPort < 0 || orderPort > 65535) {
            System.err.println("Ports must be between 0 and 65535.");
            return 2;
        }
        if (demoUsers != null && (demoUsers < 1 || noDemoData)) {
            System.err.println(noDemoData ? "--demo-data and --no-demo-data can't be given together."
                    : "--demo-data takes a number of users of at least 1.");
            return 2;
        }
        DataFolderLock folderLock;
        try {
            folderLock = DataFolderLock.acquire(folder());
        } catch (DataFolderLock.InUseException e) {
            System.err.println(e.getMessage() + " Stop it, or give --data-dir another folder.");
            return 1;
        }
        ServiceConfig usersConfig = usersConfig();
        RunningService users;
        RunningService orders;
        try {
            users = UserService.start(usersConfig);
        } catch (ServiceStartException e) {
            System.err.println("The users service could not start: " + e.getMessage());
            folderLock.close();
            return 1;
        }
        ServiceConfig ordersConfig = ordersConfig(users.baseUri());
        try {
            orders = OrderService.start(ordersConfig);
        } catch (ServiceStartException e) {
            System.err.println("The orders service could not start: " + e.getMessage());
            users.stop();
            folderLock.close();
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        try {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                orders.stop();
                users.stop();
                folderLock.close();
                System.out.println("Services stopped.");
                stopped.countDown();
            }, "serve-shutdown"));
        } catch (IllegalStateException shuttingDown) {
            // SIGTERM arrived while the services were starting
            orders.stop();
            users.stop();
            System.out.println("Services stopped.");
            return 143;
        }
        System.out.println("users ready on " + users.baseUri() + " (" + ExternalServiceOptions.storage(usersConfig) + ")");
        System.out.println("orders ready on " + orders.baseUri() + " (" + ExternalServiceOptions.storage(ordersConfig) + ")");
        System.out.flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /** How the users service is started. */
    ServiceConfig usersConfig() {
        return external.users(base().withPort(userPort), folder());
    }

    /** How the orders service is started, {@code localUsers} being the users service this command started. */
    ServiceConfig ordersConfig(URI localUsers) {
        return external.orders(base().withPort(orderPort), folder(), localUsers);
    }

    private ServiceConfig base() {
        return ServiceConfig.inMemory().withHost(bind).withApiToken(apiToken).withDemoData(!noDemoData)
                .withDemoUsers(demoUsers == null ? 0 : demoUsers);
    }

    private Path folder() {
        return (dataDir == null ? AppDataFolder.defaultRoot() : dataDir).toAbsolutePath();
    }
}
