package org.opsconsole.console;

import org.opsconsole.service.kit.ServiceConfig;

import java.nio.file.Path;

/**
 * How the console runs its services.
 *
 * @param host      address both services bind to
 * @param userPort  users service port (0: any free port)
 * @param orderPort orders service port (0: any free port)
 * @param folders   where their databases live; null runs both in memory (tests)
 * @param demoData  seed demo data into a new database
 * @param autoStart start both services when the window opens
 */
public record ConsoleOptions(String host, int userPort, int orderPort, DataFolders folders, boolean demoData,
                             boolean autoStart) {

    public static ConsoleOptions defaults(DataFolders folders) {
        return new ConsoleOptions(ServiceConfig.LOOPBACK, ServiceConfig.USERS_DEFAULT_PORT,
                ServiceConfig.ORDERS_DEFAULT_PORT, folders, true, true);
    }

    /** Any free ports, in memory, no demo data, not started: what GUI tests begin with. */
    public static ConsoleOptions forTests() {
        return new ConsoleOptions(ServiceConfig.LOOPBACK, 0, 0, null, false, false);
    }

    public ConsoleOptions withPorts(int users, int orders) {
        return new ConsoleOptions(host, users, orders, folders, demoData, autoStart);
    }

    public ConsoleOptions withFolders(DataFolders value) {
        return new ConsoleOptions(host, userPort, orderPort, value, demoData, autoStart);
    }

    public ConsoleOptions withAutoStart(boolean value) {
        return new ConsoleOptions(host, userPort, orderPort, folders, demoData, value);
    }

    /** The folder shown in the status bar. */
    public String dataLocation() {
        return folders == null ? "in memory" : folders.root().toString();
    }

    ServiceConfig configFor(String service, int port) {
        ServiceConfig config = ServiceConfig.inMemory().withHost(host).withPort(port).withDemoData(demoData);
        return folders == null ? config : config.withDataDir(folders.root());
    }
}
